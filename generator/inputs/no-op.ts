import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { trustedCacheDir } from '../cache-dir.ts';
import { ENTRY_FOLDERS } from '../cache-prune.ts';
import { sha256 } from '../hash.ts';
import type { ResolvedConfig } from '../config/types.ts';
import { scanTemplateDir, type TemplateEntry } from '../emit/load-templates.ts';
import { readEjectRecord } from '../emit/eject-record.ts';
import { compareStrings } from '../json.ts';
import { readSpecFileRemembered, type SpecSource } from '../load/source.ts';
import type { OperationFilter } from '../select/filters.ts';
import { readReleases } from '../releases.ts';
import type { Release } from '../template-api/types.ts';
import { toolkit } from '../toolkit.ts';
import { configHash, renderManifest } from '../write/manifest.ts';
import { parseFormatRecords } from '../format/prior-output.ts';
import { MANIFEST_NAME, readOutputTree } from '../write/output-tree.ts';
import { recoverWrites } from '../write/transaction.ts';
import { inputsFingerprint, type SpecInput } from './fingerprint.ts';
import { renderVouched, toolkitCode } from './render-stamp.ts';

/** What the no-op check learned when nothing changed: enough for `generate`'s summary and `check`'s release rule. */
export interface Unchanged {
  readonly files: number;
  /** The package's name: the config's, else its package.json's (derived from the spec's title), else undefined. */
  readonly packageName: string | undefined;
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
    const recorded = JSON.parse(manifest) as { inputs?: unknown; spec?: { externals?: unknown }; formats?: unknown };
    if (typeof recorded.inputs !== 'string' || !Array.isArray(recorded.spec?.externals)) return undefined;
    const spec = await specInput(config, recorded.spec.externals as unknown[]);
    if (!spec) return undefined;
    const releases = await readReleases(config.package.releases.path, config.package.releases.name);
    const templates = templatesUnchanged(config);
    if (!templates) return undefined;
    const selected = await selectedOperations(config, spec);
    if (!selected) return undefined;
    const inputs = await inputsFingerprint(config, spec, selected.operations, releases, templates);
    if (inputs !== recorded.inputs) {
      // Something changed, so a render follows; a remembered selection that was wrong goes with it.
      if (selected.remembered) await rm(selected.remembered, { force: true });
      return undefined;
    }
    const tree = await readOutputTree(config.output.dir, config.output.preserve);
    tree.delete(MANIFEST_NAME);
    // The format records are what the last render's prettier was given: taken as recorded when they
    // are well formed and name files of the folder (prior-output.ts says what rests on them).
    const formats = recorded.formats === undefined ? new Map() : parseFormatRecords(recorded.formats);
    if (!formats || [...formats.keys()].some((path) => !tree.has(path))) return undefined;
    const rebuilt = renderManifest({
      header: { specName: spec.name, specSha256: spec.sha256, banner: config.output.banner },
      toolkit,
      spec: { path: spec.name, sha256: spec.sha256, externals: spec.externals },
      config: await configHash(config),
      templates,
      inputs,
      files: tree,
      formats,
    });
    if (rebuilt !== manifest || !(await renderVouched(config.root, config.output.dir, manifest))) return undefined;
    return { files: tree.size + 1, packageName: config.package.name ?? (await packageJsonName(config.output.dir)), spec: { name: spec.name, sha256: spec.sha256 }, releases };
  } catch {
    return undefined;
  }
}

/** The `name` of the output's package.json, when it has one (a team's templates may emit none). */
async function packageJsonName(dir: string): Promise<string | undefined> {
  const name = (JSON.parse(await readFile(join(dir, 'package.json'), 'utf8').catch(() => '{}')) as { name?: unknown }).name;
  return typeof name === 'string' ? name : undefined;
}

/**
 * The spec's bytes (their sha256 is what the manifest compares; remembered by the file's identity in
 * the cache folder's `specs/`, so an unchanged spec is not read). A spec with external documents is
 * left to a render: bundling them is the load stage's job.
 */
async function specInput(config: ResolvedConfig, externals: readonly unknown[]): Promise<(SpecInput & { readonly source: SpecSource }) | undefined> {
  if (externals.length > 0 || config.spec.kind === 'url') return undefined;
  const dir = trustedCacheDir(config.root);
  const record = dir === undefined ? undefined : join(dir, ENTRY_FOLDERS.specs, `${sha256(config.spec.path).slice(0, 32)}.json`);
  const source = await readSpecFileRemembered(config.spec.path, config.spec.name, config.limits.maxBytes, record);
  return { name: source.name, sha256: source.sha256, externals: [], source };
}

/**
 * The operations the selection picks, as the render records them (and the memo they came from, if
 * any); undefined when the load or select stage would report a problem. Parsing the spec is most of a no-op of a large one (seconds for
 * GitHub's 13 MB), so the answer is remembered in the cache folder under the sha256 of what it is a
 * function of: the spec's bytes, the selection, the limits and the toolkit's code (its version, or
 * in a source checkout the hash of its code: render-stamp.ts).
 */
async function selectedOperations(config: ResolvedConfig, spec: { readonly source: SpecSource }): Promise<{ operations: string[]; remembered?: string } | undefined> {
  const memo = selectionMemo(config, spec.source.sha256);
  const remembered = memo === undefined ? undefined : await readMemo(memo);
  if (remembered !== undefined) return { operations: remembered, remembered: memo };
  // Loaded only on a miss: with the memo, a no-op loads no parser.
  const [{ readSpec }, { operationKeys, selectOperations }, { DiagnosticCollector }] = await Promise.all([import('../load/index.ts'), import('../select/index.ts'), import('../diagnostics/collector.ts')]);
  const document = await readSpec(spec.source, config.limits);
  const diagnostics = new DiagnosticCollector();
  const operations = selectOperations(document, config.selection, diagnostics).operations;
  if (diagnostics.hasErrors()) return undefined;
  const keys = operationKeys(operations);
  if (memo !== undefined) await writeMemo(memo, keys);
  return { operations: keys };
}

function selectionMemo(config: ResolvedConfig, specSha256: string): string | undefined {
  const code = toolkitCode();
  const dir = code === undefined ? undefined : trustedCacheDir(config.root);
  if (dir === undefined) return undefined;
  const pattern = (p: string | RegExp) => (typeof p === 'string' ? p : { regexp: String(p) });
  const filters = (list: readonly OperationFilter[]) => list.map((f) => [f.by, pattern(f.pattern)]);
  const { include, exclude } = config.selection;
  const key = JSON.stringify({ code, spec: specSha256, include: include === 'all' ? 'all' : filters(include), exclude: filters(exclude), limits: config.limits });
  return join(dir, ENTRY_FOLDERS.selections, `${sha256(key).slice(0, 32)}.json`);
}

async function readMemo(file: string): Promise<string[] | undefined> {
  try {
    const value = JSON.parse(await readFile(file, 'utf8')) as unknown;
    return Array.isArray(value) && value.every((v) => typeof v === 'string') ? value : undefined;
  } catch {
    return undefined;
  }
}

async function writeMemo(file: string, operations: readonly string[]): Promise<void> {
  try {
    await mkdir(dirname(file), { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    await writeFile(temp, JSON.stringify(operations));
    await rename(temp, file);
  } catch {
    // Only speed is lost: the next no-op parses the spec again.
  }
}

/**
 * The templates a render would use, in its order (by name, a default before the team's), found
 * without importing them; undefined when a render would report something about them (two
 * templates of one name, override drift: the warnings come from the render).
 */
function templatesUnchanged(config: ResolvedConfig): TemplateEntry[] | undefined {
  const defaults = scanTemplateDir(config.templates.defaultsDir, config.root, 'default');
  const team = config.templates.teamDir ? scanTemplateDir(config.templates.teamDir, config.root, 'team') : { entries: [], diagnostics: [] };
  if (defaults.diagnostics.length + team.diagnostics.length > 0) return undefined;
  for (const entry of team.entries) {
    const record = readEjectRecord(entry.text);
    if (!record) continue;
    if ('malformed' in record || defaults.entries.find((d) => d.name === record.template)?.sha256 !== record.sha256) return undefined;
  }
  return [...defaults.entries, ...team.entries].sort((a, b) => compareStrings(a.name, b.name) || (a.origin === b.origin ? 0 : a.origin === 'default' ? -1 : 1));
}
