import { readFile } from 'node:fs/promises';
import type { ResolvedConfig } from '../config/types.ts';
import { fail, MorphError, warning, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { planOutput } from '../generate.ts';
import { readSpec } from '../load/index.ts';
import { sourceFromText } from '../load/source.ts';
import { renderSelected, withRenderPool, type RenderResult } from '../pipeline.ts';
import type { FormatPool } from '../format/format-jobs.ts';
import { select } from '../select/index.ts';
import { specDocument, type SpecDocument } from '../spec-context.ts';
import type { TreeDifference } from '../write/output-tree.ts';
import { commitWrites, recoverWrites } from '../write/transaction.ts';
import { recordRender } from '../inputs/render-stamp.ts';
import { MANIFEST_NAME } from '../write/output-tree.ts';
import type { DiffReport } from '../diff/types.ts';
import { classifyChanges, infoVersion, recordRelease } from '../release/record.ts';
import { readReleaseHistory, type Release } from '../releases.ts';
import { upstreamOffThread, type SourceOptions, type SyncSubset } from './upstream-thread.ts';
import { upstreamSubset } from './upstream-subset.ts';
import { specFileText } from './dump.ts';

export type { SourceOptions, UpstreamConfig } from './upstream-thread.ts';

export interface SyncReport {
  readonly upstream: string;
  /** The classified changes against the previous spec (undefined when there was none to compare). */
  readonly report: DiffReport | undefined;
  /** The release recorded for a changed spec (version bump and changelog entry). */
  readonly release: Release | undefined;
  readonly specWritten: boolean;
  readonly result: RenderResult;
  readonly difference: TreeDifference;
  /** Output files edited by hand that the sync replaced (generate.ts `GenerateReport.edited`). */
  readonly edited: readonly string[];
  readonly warnings: readonly Diagnostic[];
}

/**
 * `sync`: the upstream subset becomes the project's spec and the package is regenerated from it,
 * in one journaled transaction, so spec/, the release history and generated/ change together or
 * not at all. A changed spec records a release: the diff against the previous spec classifies
 * the changes, suggests the semver bump and becomes the changelog entry. The package is rendered
 * from the subset as written (every operation in it), which is what `generate` reads back from
 * the file: `check` passes right after a sync.
 */
export async function sync(config: ResolvedConfig, options: SourceOptions): Promise<SyncReport> {
  await recoverWrites(config.root);
  const specPath = specFile(config);
  // The upstream loads on a worker thread while this thread reads the previous spec and the format
  // worker loads prettier. This thread does not load TypeScript's compiler meanwhile: the render
  // loads it when a template first needs the types (pipeline.ts `lazyOpenapiTypes`), after the
  // markdown pages have gone to the format worker, so that prettier formats them while the
  // compiler loads. Loading it here (before the upstream's YAML was parsed entry by entry, that
  // parse took as long) held the pages back until it was loaded: `sync --path /realtime/sessions`
  // from OpenAI's snapshot 10, 6 interleaved runs, 1.59 s against 1.77 s (medians) without it.
  const upstream = upstreamOffThread(config, options);
  // Awaited in syncWith; a failure before that (the pool's) must not leave it unhandled.
  upstream?.catch(() => undefined);
  return withRenderPool(config, {}, (pool) => syncWith(config, options, specPath, pool, upstream));
}

async function syncWith(config: ResolvedConfig, options: SourceOptions, specPath: string, pool: FormatPool | undefined, upstream: Promise<SyncSubset> | undefined): Promise<SyncReport> {
  const previous = await readPrevious(config, specPath);
  const { name, version, document, text: yamlText, warnings } = await (upstream ?? inThread(config, options));
  const text = specFileText(document, yamlText, specPath);
  // The written spec as a SpecDocument without parsing it again: the subset object is what
  // loading `text` gives (dumpSpec and JSON round-trip), and its bytes give the sha256 the header names.
  const spec = specDocument(sourceFromText(config.spec.name, text), document, version);
  const specWritten = previous.sha256 !== spec.source.sha256;
  const report = specWritten && previous.spec ? await classifyChanges(previous.spec, spec, config) : undefined;
  const recorded = specWritten
    ? recordRelease(await readReleaseHistory(config.package.releases.path, config.package.releases.name), { previous: previous.spec, next: spec, source: name, ...(report ? { report } : {}), ...(previous.spec ? { unrecordedVersion: infoVersion(previous.spec) } : {}) })
    : undefined;
  const result = await renderSelected(
    config,
    spec,
    select(spec, { include: 'all', exclude: [] }),
    {
      ...(recorded ? { releases: recorded.releases } : {}),
      ...(options.progress ? { progress: options.progress } : {}),
      reuseOutput: options.reuseOutput === true,
    },
    pool,
  );
  const { difference, writes, edited } = await planOutput(config, result);
  options.progress?.stage('write', `${writes.length} files`);
  await commitWrites(config.root, [
    ...(specWritten ? [{ path: specPath, content: text }] : []),
    ...(recorded ? [{ path: config.package.releases.path, content: recorded.text }] : []),
    ...writes,
  ]);
  await recordRender(config.root, config.output.dir, result.files.get(MANIFEST_NAME)!);
  return {
    upstream: name,
    report: recorded?.report,
    release: recorded?.release,
    specWritten,
    result,
    difference,
    edited,
    warnings: [...warnings, ...previous.warnings],
  };
}

/** The upstream subset loaded on this thread (no compiled worker: the toolkit run from its sources). */
async function inThread(config: ResolvedConfig, options: SourceOptions): Promise<SyncSubset> {
  const { selected, ...rest } = await upstreamSubset(config, options);
  return { ...rest, document: selected.document };
}

/** The project's spec file, which `sync` writes: a spec that is a URL has none. */
function specFile(config: ResolvedConfig): string {
  if (config.spec.kind === 'url') {
    fail('OM100', `sync writes the project's spec file, but the spec is a URL (${config.spec.name}); point "spec" (or --spec) at a file and pass the URL as --from`);
  }
  return config.spec.path;
}

/** The spec `sync` replaces, for the diff; a missing or unreadable one leaves the changes unknown. */
async function readPrevious(config: ResolvedConfig, specPath: string): Promise<{ spec: SpecDocument | undefined; sha256: string | undefined; warnings: Diagnostic[] }> {
  let text: string;
  try {
    text = await readFile(specPath, 'utf8');
  } catch {
    return { spec: undefined, sha256: undefined, warnings: [] };
  }
  const source = sourceFromText(config.spec.name, text);
  try {
    // As `diff` and `release --previous` read it: a Swagger 2.0 spec (a project made from one) converted.
    return { spec: await readSpec(source, config.limits), sha256: source.sha256, warnings: [] };
  } catch (cause) {
    if (!(cause instanceof MorphError)) throw cause;
    const reason = cause.diagnostics[0]?.message ?? 'unreadable';
    return { spec: undefined, sha256: source.sha256, warnings: [warning('OM202', `the previous ${config.spec.name} could not be read (${reason}); the release records no changes`, { file: config.spec.name })] };
  }
}
