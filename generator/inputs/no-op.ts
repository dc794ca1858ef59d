import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { ResolvedConfig } from '../config/types.ts';
import { scanTemplateDir, type TemplateEntry } from '../emit/load-templates.ts';
import { readEjectRecord } from '../emit/eject-record.ts';
import { compareStrings } from '../json.ts';
import { readSpecFile, sha256 } from '../load/source.ts';
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
    const inputs = await inputsFingerprint(config, spec, releases, templates);
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

/** The spec's bytes and the external documents the manifest lists, hashed now; undefined for a remote one (fetching it is a render's job). */
async function specInput(config: ResolvedConfig, externals: readonly unknown[]): Promise<SpecInput | undefined> {
  const source = await readSpecFile(config.spec.path, config.spec.name, config.limits.maxBytes);
  const current = [];
  for (const external of externals) {
    const name = (external as { name?: unknown }).name;
    if (typeof name !== 'string' || /^[a-z][a-z0-9+.-]*:/i.test(name)) return undefined;
    current.push({ name, sha256: sha256(await readFile(resolve(config.root, name))) });
  }
  return { name: source.name, sha256: source.sha256, externals: current };
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
