import { readFile } from 'node:fs/promises';
import type { ResolvedConfig } from '../config/types.ts';
import { normalizeText } from '../emit/load-templates.ts';
import { sha256 } from '../hash.ts';
import { compareStrings } from '../json.ts';
import { headerMember, type HeaderInfo } from '../emit/header.ts';
import type { ExternalDocument } from '../spec-context.ts';
import { formatRecordText, type FormatRecord } from '../format/prior-output.ts';

export interface ManifestInput {
  readonly header: HeaderInfo;
  readonly toolkit: { readonly name: string; readonly version: string };
  readonly spec: { readonly path: string; readonly sha256: string; readonly externals: readonly ExternalDocument[] };
  readonly config: { readonly path: string | null; readonly sha256: string | null };
  readonly templates: readonly { readonly name: string; readonly origin: string; readonly source: string; readonly sha256: string }[];
  /** The sha256 of every input of the render (generator/inputs/fingerprint.ts), for the no-op check. */
  readonly inputs: string;
  /** Every other generated file, path -> final content. */
  readonly files: ReadonlyMap<string, string>;
  /** The sha256 of a file's content where it is known already (the format stage's, format/prettier.ts `formattedFile`). */
  readonly hashes?: ReadonlyMap<string, string>;
  /** Per formatted file, where prettier's output starts and its binding to the text's key (prior-output.ts); none: no `formats` member. */
  readonly formats?: ReadonlyMap<string, FormatRecord>;
}

/**
 * The manifest: hashes of everything the output was made from (spec, config, templates, toolkit
 * version) and of every file made, and, for the files prettier formatted, where its output starts
 * and its binding to the text it was given (`formats`: a later render on a machine without the
 * format cache reuses the output, prior-output.ts).
 * Deterministic: no dates, paths relative to the project.
 */
export function renderManifest(input: ManifestInput): string {
  const manifest = {
    '//': headerMember(input.header),
    manifestVersion: 1,
    toolkit: input.toolkit,
    spec: input.spec,
    config: input.config,
    templates: input.templates.map((t) => ({ name: t.name, origin: t.origin, source: t.source, sha256: t.sha256 })),
    inputs: input.inputs,
    files: Object.fromEntries([...input.files].map(([path, content]) => [path, input.hashes?.get(path) ?? sha256(content)])),
    ...(input.formats?.size ? { formats: Object.fromEntries([...input.formats].sort(([a], [b]) => compareStrings(a, b)).map(([path, record]) => [path, formatRecordText(record)])) } : {}),
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/** The manifest's `config` entry: the config file's project-relative path and sha256 (line endings normalized). */
export async function configHash(config: ResolvedConfig): Promise<{ path: string | null; sha256: string | null }> {
  if (!config.configFile) return { path: null, sha256: null };
  const text = await readFile(config.configFile, 'utf8');
  const path = config.configFile.startsWith(config.root) ? config.configFile.slice(config.root.length).replace(/^[\\/]/, '').split('\\').join('/') : config.configFile;
  return { path, sha256: sha256(normalizeText(text)) };
}
