import { sha256 } from '../hash.ts';
import type { LoadedTemplate } from '../emit/load-templates.ts';
import { headerMember, type HeaderInfo } from '../emit/header.ts';
import type { ExternalDocument } from '../spec-context.ts';

export interface ManifestInput {
  readonly header: HeaderInfo;
  readonly toolkit: { readonly name: string; readonly version: string };
  readonly spec: { readonly path: string; readonly sha256: string; readonly externals: readonly ExternalDocument[] };
  readonly config: { readonly path: string | null; readonly sha256: string | null };
  readonly templates: readonly LoadedTemplate[];
  /** Every other generated file, path -> final content. */
  readonly files: ReadonlyMap<string, string>;
}

/**
 * The manifest: hashes of everything the output was made from (spec, config, templates, toolkit
 * version) and of every file made. Deterministic: no dates, paths relative to the project.
 */
export function renderManifest(input: ManifestInput): string {
  const manifest = {
    '//': headerMember(input.header),
    manifestVersion: 1,
    toolkit: input.toolkit,
    spec: input.spec,
    config: input.config,
    templates: input.templates.map((t) => ({ name: t.template.name, origin: t.origin, source: t.source, sha256: t.sha256 })),
    files: Object.fromEntries([...input.files].map(([path, content]) => [path, sha256(content)])),
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
