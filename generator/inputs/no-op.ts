import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ResolvedConfig } from '../config/types.ts';
import { scanTemplateDir, type TemplateEntry } from '../emit/load-templates.ts';
import { readEjectRecord } from '../emit/eject-record.ts';
import { compareStrings } from '../json.ts';
import { DiagnosticCollector } from '../diagnostics/collector.ts';
import { loadSpecFile } from '../load/index.ts';
import { operationKeys, selectOperations } from '../select/index.ts';
import type { SpecDocument } from '../spec-context.ts';
import { readReleases } from '../releases.ts';
import type { Release } from '../template-api/types.ts';
import { toolkit } from '../toolkit.ts';
import { configHash, renderManifest } from '../write/manifest.ts';
import { MANIFEST_NAME, readOutputTree } from '../write/output-tree.ts';
import { recoverWrites } from '../write/transaction.ts';
import { inputsFingerprint, type SpecInput } from './fingerprint.ts';
import { renderVouched } from './render-stamp.ts';

/** What the no-op check learned when nothing changed: enough for `generate`'s summary and `check`'s release rule. */
export interface Unchanged {
  readonly files: number;
  readonly spec: { readonly name: string; readonly sha256: string };
  readonly releases: readonly Release[];
}

/**
 * Whether the output folder is exactly what a render would produce, decided without rendering:
 * the manifest's `inputs` equals the fingerprint of the inputs now (generator/inputs/fingerprint.ts),
 * and the manifest, rebuilt from the inputs and the files on disk, equals the one on disk (so no
 * file was edited, added or removed, and every other manifest entry holds). Loads none of the
 * render stages. `undefined` when anything differs or cannot be read: the caller renders, and the
 * render reports what differs exactly as it always did (stale, missing and extra files, errors).
 */
export async function unchangedOutput(config: ResolvedConfig): Promise<Unchanged | undefined> {
  try {
    await recoverWrites(config.root);
    const manifest = await readFile(join(config.output.dir, MANIFEST_NAME), 'utf8');
    const recorded = JSON.parse(manifest) as { inputs?: unknown; spec?: { externals?: unknown } };
    if (typeof recorded.inputs !== 'string' || !Array.isArray(recorded.spec?.externals)) return undefined;
    const spec = await specInput(config, recorded.spec.externals as unknown[]);
    if (!spec) return undefined;
    const releases = await readReleases(config.package.releases.path, config.package.releases.name);
    const templates = await templatesUnchanged(config);
    if (!templates) return undefined;
    const operations = selectedOperations(config, spec);
    if (!operations) return undefined;
    const inputs = await inputsFingerprint(config, spec, operations, releases, templates);
    if (inputs !== recorded.inputs) return undefined;
    const tree = await readOutputTree(config.output.dir, config.output.preserve);
    tree.delete(MANIFEST_NAME);
    const rebuilt = renderManifest({
      header: { specName: spec.name, specSha256: spec.sha256, banner: config.output.banner },
      toolkit,
      spec: { path: spec.name, sha256: spec.sha256, externals: spec.externals },
      config: await configHash(config),
      templates,
      inputs,
      files: tree,
    });
    if (rebuilt !== manifest || !(await renderVouched(config.root, config.output.dir, manifest))) return undefined;
    return { files: tree.size + 1, spec: { name: spec.name, sha256: spec.sha256 }, releases };
  } catch {
    return undefined;
  }
}

/**
 * The spec's bytes, parsed (the selection is compared by the operations it picks). A spec with
 * external documents is left to a render: bundling them is the load stage's job.
 */
async function specInput(config: ResolvedConfig, externals: readonly unknown[]): Promise<(SpecInput & { readonly document: SpecDocument }) | undefined> {
  if (externals.length > 0 || config.spec.kind === 'url') return undefined;
  const document = await loadSpecFile(config.spec.path, config.spec.name, config.limits);
  return { name: document.source.name, sha256: document.source.sha256, externals: [], document };
}

/** The operations the selection picks, as the render records them; undefined when the select stage would report a problem. */
function selectedOperations(config: ResolvedConfig, spec: { readonly document: SpecDocument }): string[] | undefined {
  const diagnostics = new DiagnosticCollector();
  const operations = selectOperations(spec.document, config.selection, diagnostics).operations;
  return diagnostics.hasErrors() ? undefined : operationKeys(operations);
}

/**
 * The templates a render would use, in its order (by name, a default before the team's), found
 * without importing them; undefined when a render would report something about them (two
 * templates of one name, override drift: the warnings come from the render).
 */
async function templatesUnchanged(config: ResolvedConfig): Promise<TemplateEntry[] | undefined> {
  const defaults = await scanTemplateDir(config.templates.defaultsDir, config.root, 'default');
  const team = config.templates.teamDir ? await scanTemplateDir(config.templates.teamDir, config.root, 'team') : { entries: [], diagnostics: [] };
  if (defaults.diagnostics.length + team.diagnostics.length > 0) return undefined;
  for (const entry of team.entries) {
    const record = readEjectRecord(entry.text);
    if (!record) continue;
    if ('malformed' in record || defaults.entries.find((d) => d.name === record.template)?.sha256 !== record.sha256) return undefined;
  }
  return [...defaults.entries, ...team.entries].sort((a, b) => compareStrings(a.name, b.name) || (a.origin === b.origin ? 0 : a.origin === 'default' ? -1 : 1));
}
