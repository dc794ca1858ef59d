import type { ResolvedConfig } from './config/types.ts';
import { error, fail, type Diagnostic } from './diagnostics/diagnostic.ts';
import { DiagnosticCollector } from './diagnostics/collector.ts';
import { recordRender } from './inputs/render-stamp.ts';
import { globRegExp, matchesGlobs } from './glob.ts';
import { readReleases, releaseFollowsSpec } from './releases.ts';
import type { Progress } from './progress.ts';
import { render, type RenderResult } from './pipeline.ts';
import { compareTrees, editedFiles, MANIFEST_NAME, planWrites, readOutputTree, unownedFiles, type TreeDifference } from './write/output-tree.ts';
import { commitWrites, recoverWrites, type PlannedWrite } from './write/transaction.ts';

export interface GenerateReport {
  readonly result: RenderResult;
  readonly difference: TreeDifference;
  /** Of the stale and extra files, those edited since openapi-morph wrote them (`editedFiles`): generate replaces or removes the edit, and says so. */
  readonly edited: readonly string[];
}

export interface GenerateOptions {
  readonly progress?: Progress;
  /** Render and plan, write nothing (`--dry-run`): the difference says what would change. */
  readonly dryRun?: boolean;
  /** Take prettier's output for unchanged texts from the folder's last render (RenderOptions.reuseOutput; the CLI without `--force`). */
  readonly reuseOutput?: boolean;
}

/**
 * `generate`: render everything in memory, then write only what changed, all or nothing. Refuses
 * to write into a non-empty folder that has no manifest (it was not made by openapi-morph, and
 * generate would delete what is in it).
 */
export async function generate(config: ResolvedConfig, options: GenerateOptions = {}): Promise<GenerateReport> {
  if (!options.dryRun) await recoverWrites(config.root);
  const result = await render(config, { ...(options.progress ? { progress: options.progress } : {}), reuseOutput: options.reuseOutput === true });
  const { difference, writes, edited } = await planOutput(config, result);
  if (options.dryRun) return { result, difference, edited };
  options.progress?.stage('write', `${writes.length} files`);
  await commitWrites(config.root, writes);
  await recordRender(config.root, config.output.dir, result.files.get(MANIFEST_NAME)!);
  return { result, difference, edited };
}

export interface CheckReport extends GenerateReport {
  /** Set when the spec changed but the release history (package version, changelog) did not follow. */
  readonly release: Diagnostic | undefined;
  /** Files in the output folder openapi-morph did not make (OM603): `generate` would refuse them. */
  readonly foreign: readonly Diagnostic[];
}

/**
 * Who owns which file of the output folder, every conflict at once: files there that the manifest
 * does not list and no `output.preserve` glob keeps (OM603: never deleted or overwritten silently),
 * and files the generator makes that a preserve glob claims for the team (OM604: a preserved file
 * is never written, so the package would silently keep a stale or foreign copy).
 */
export function foreignFiles(config: ResolvedConfig, current: ReadonlyMap<string, string>, next: ReadonlyMap<string, string>): Diagnostic[] {
  const unowned = (unownedFiles(current, next) ?? []).map((path) =>
    error(
      'OM603',
      `${config.output.name}/${path} is not in ${MANIFEST_NAME}: openapi-morph did not make it, and generating would ${next.has(path) ? 'overwrite' : 'delete'} it. ${
        next.has(path)
          ? 'Move it out of the output folder; to change what openapi-morph writes there, replace its template (team templates)'
          : `Move it out of ${config.output.name}, or keep it with a glob in output.preserve (e.g. ${JSON.stringify(path)})`
      }`,
      { file: `${config.output.name}/${path}` },
    ),
  );
  const preserved = config.output.preserve.map(globRegExp);
  // Not imported from config/resolve.ts: the no-op check's bundle would load one chunk more.
  const builtIn = config.output.kept.map(globRegExp);
  const claimed = [...next.keys()].filter((path) => matchesGlobs(path, preserved)).map((path) => {
    const file = `${config.output.name}/${path}`;
    const why = matchesGlobs(path, builtIn)
      ? `${file} is a path openapi-morph always keeps for what building, packing and file browsers leave there (${config.output.kept.join(', ')}), so a template may not emit it: change the path in the template that writes it`
      : `output.preserve keeps ${file}, which openapi-morph generates: it would never be written. Remove the glob, or replace the template that writes it (team templates)`;
    return error('OM604', why, { file });
  });
  return [...unowned, ...claimed];
}

/**
 * `check`: what `generate` would change, and whether the releases follow the spec. Writes nothing
 * in the project but its cache (formatted text, and the render stamp `recordRender` leaves for the
 * next no-op check); like every command it first recovers a write a killed run left behind (`recoverWrites` renames
 * parked originals back and deletes staged files).
 */
export async function check(config: ResolvedConfig): Promise<CheckReport> {
  await recoverWrites(config.root);
  const releases = await readReleases(config.package.releases.path, config.package.releases.name);
  // Nothing from the folder's last render (no `reuseOutput`): this render is what proves the folder is what the inputs make.
  const result = await render(config, { releases });
  const current = await readOutputTree(config.output.dir, config.output.preserve);
  const release = releaseFollowsSpec(releases, { name: result.spec.source.name, sha256: result.spec.source.sha256 }, config.package.releases.name);
  await recordRender(config.root, config.output.dir, result.files.get(MANIFEST_NAME)!);
  const difference = compareTrees(current, result.files);
  return { result, difference, release, foreign: foreignFiles(config, current, result.files), edited: editedFiles(current, difference.stale) };
}

/** The writes that bring the output folder to `result`, for one transaction (generate's, or sync's with the spec). */
export async function planOutput(config: ResolvedConfig, result: RenderResult): Promise<{ difference: TreeDifference; writes: PlannedWrite[]; edited: string[] }> {
  const current = await readOutputTree(config.output.dir, config.output.preserve);
  if (current.size > 0 && !current.has(MANIFEST_NAME)) {
    fail('OM104', `${config.output.name} has files but no ${MANIFEST_NAME}; refusing to overwrite a folder openapi-morph did not make. Empty it or choose another --out.`, {
      file: config.output.name,
    });
  }
  const diagnostics = new DiagnosticCollector();
  diagnostics.add(...foreignFiles(config, current, result.files));
  diagnostics.throwIfErrors();
  const difference = compareTrees(current, result.files);
  return { difference, writes: planWrites(config.output.dir, difference, result.files), edited: editedFiles(current, [...difference.stale, ...difference.extra]) };
}
