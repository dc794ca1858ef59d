import { resolve } from 'node:path';
import type { ResolvedConfig } from '../config/types.ts';
import { fail } from '../diagnostics/diagnostic.ts';
import type { Semver } from '../diff/types.ts';
import { planOutput, type GenerateReport } from '../generate.ts';
import { loadProjectSpec, loadSpec, renderSpec } from '../pipeline.ts';
import { displayPath } from '../display-path.ts';
import { readReleaseHistory, releaseFollowsSpec, type Release } from '../releases.ts';
import { commitWrites, recoverWrites } from '../write/transaction.ts';
import { recordRender } from '../inputs/render-stamp.ts';
import { MANIFEST_NAME } from '../write/output-tree.ts';
import { classifyChanges, infoVersion, recordRelease, type RecordedRelease } from './record.ts';

export interface ReleaseOptions {
  /** The spec as it was before the edit (e.g. `git show HEAD:spec/openapi.yaml > old.yaml`), relative to `cwd`. */
  readonly previous?: string;
  readonly bump?: Exclude<Semver, 'none'>;
  readonly summary?: string;
  readonly cwd: string;
  /** Take prettier's output for unchanged texts from the folder's last render (RenderOptions.reuseOutput; the CLI's `release`). */
  readonly reuseOutput?: boolean;
}

export interface ReleaseReport extends GenerateReport {
  readonly recorded: RecordedRelease;
  readonly release: Release;
}

/**
 * `release`: records a release for a spec that changed by hand (what `sync` does for a spec it
 * writes). With the previous spec, the diff classifies the changes and suggests the bump; without
 * it, `bump` is required and the changelog entry has only the summary. The release history and
 * the regenerated package are written in one transaction.
 */
export async function release(config: ResolvedConfig, options: ReleaseOptions): Promise<ReleaseReport> {
  await recoverWrites(config.root);
  if (options.previous === undefined && options.bump === undefined) fail('OM100', 'release needs --previous FILE (the spec before the change) or --bump patch|minor|major');
  const spec = await loadProjectSpec(config);
  const history = await readReleaseHistory(config.package.releases.path, config.package.releases.name);
  if (history.releases.length > 0 && releaseFollowsSpec(history.releases, spec.source, config.package.releases.name) === undefined) {
    fail('OM702', `the newest release, ${history.releases[0]!.version}, already describes ${spec.source.name}: nothing to release`, { file: config.package.releases.name });
  }
  const previousPath = options.previous === undefined ? undefined : resolve(options.cwd, options.previous);
  const previous = previousPath ? await loadSpec(config, previousPath, displayPath(config.root, previousPath)) : undefined;
  // With --bump the bump is given: the spec rules' changes are enough for the changelog.
  const report = previous && !options.bump ? await classifyChanges(previous, spec, config) : undefined;
  const recorded = recordRelease(history, {
    previous,
    ...(report ? { report } : {}),
    unrecordedVersion: infoVersion(previous ?? spec),
    next: spec,
    source: spec.source.name,
    ...(options.bump ? { bump: options.bump } : {}),
    ...(options.summary !== undefined ? { summary: options.summary } : {}),
  });
  const result = await renderSpec(config, spec, { releases: recorded.releases, reuseOutput: options.reuseOutput === true });
  const { difference, writes, edited } = await planOutput(config, result);
  await commitWrites(config.root, [{ path: config.package.releases.path, content: recorded.text }, ...writes]);
  await recordRender(config.root, config.output.dir, result.files.get(MANIFEST_NAME)!);
  return { result, difference, edited, recorded, release: recorded.release };
}
