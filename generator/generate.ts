import type { ResolvedConfig } from './config/types.ts';
import { fail, type Diagnostic } from './diagnostics/diagnostic.ts';
import { recordRender } from './inputs/render-stamp.ts';
import { readReleases } from './releases.ts';
import { releaseFollowsSpec } from './release/follows.ts';
import { loadProjectSpec, render, renderSpec, type RenderResult } from './pipeline.ts';
import { compareTrees, MANIFEST_NAME, planWrites, readOutputTree, type TreeDifference } from './write/output-tree.ts';
import { commitWrites, recoverWrites, type PlannedWrite } from './write/transaction.ts';

export interface GenerateReport {
  readonly result: RenderResult;
  readonly difference: TreeDifference;
}

/**
 * `generate`: render everything in memory, then write only what changed, all or nothing. Refuses
 * to write into a non-empty folder that has no manifest (it was not made by openapi-morph, and
 * generate would delete what is in it).
 */
export async function generate(config: ResolvedConfig): Promise<GenerateReport> {
  await recoverWrites(config.root);
  const result = await render(config);
  const { difference, writes } = await planOutput(config, result);
  await commitWrites(config.root, writes);
  await recordRender(config.root, config.output.dir, result.files.get(MANIFEST_NAME)!);
  return { result, difference };
}

export interface CheckReport extends GenerateReport {
  /** Set when the spec changed but the release history (package version, changelog) did not follow. */
  readonly release: Diagnostic | undefined;
}

/** `check`: what `generate` would change, without writing anything; and whether the releases follow the spec. */
export async function check(config: ResolvedConfig): Promise<CheckReport> {
  await recoverWrites(config.root);
  const releases = await readReleases(config.package.releases.path, config.package.releases.name);
  const result = await renderSpec(config, await loadProjectSpec(config), { releases });
  const current = await readOutputTree(config.output.dir, config.output.preserve);
  const release = releaseFollowsSpec(releases, { name: result.spec.source.name, sha256: result.spec.source.sha256 }, config.package.releases.name);
  await recordRender(config.root, config.output.dir, result.files.get(MANIFEST_NAME)!);
  return { result, difference: compareTrees(current, result.files), release };
}

/** The writes that bring the output folder to `result`, for one transaction (generate's, or sync's with the spec). */
export async function planOutput(config: ResolvedConfig, result: RenderResult): Promise<{ difference: TreeDifference; writes: PlannedWrite[] }> {
  const current = await readOutputTree(config.output.dir, config.output.preserve);
  if (current.size > 0 && !current.has(MANIFEST_NAME)) {
    fail('OM104', `${config.output.name} has files but no ${MANIFEST_NAME}; refusing to overwrite a folder openapi-morph did not make. Empty it or choose another --out.`, {
      file: config.output.name,
    });
  }
  const difference = compareTrees(current, result.files);
  return { difference, writes: planWrites(config.output.dir, difference, result.files) };
}
