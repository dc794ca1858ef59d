import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { displaySource, loadFrom } from '../load/from.ts';
import { applyOverlays } from '../overlay/index.ts';
import { checkSelected } from '../select/checked.ts';
import { select, type SelectResult } from '../select/index.ts';
import type { SpecDocument } from '../spec-context.ts';
import { dumpSpec } from './dump.ts';
import type { SourceOptions, SyncSubset, UpstreamConfig } from './upstream-thread.ts';

/**
 * The selected, validated subset of the upstream document (overlays applied). The upstream tree
 * itself is not kept: a 3 MB document is tens of MB in memory (`sync` loads it on a worker thread,
 * upstream-thread.ts, whose heap ends with it).
 */
export interface UpstreamSubset extends Omit<SyncSubset, 'document'> {
  readonly selected: SelectResult;
}

/**
 * Load (file or URL) -> overlays -> select -> validate the subset -> YAML. Shared by `sync` and
 * `extract`; writes nothing. Overlays apply before selection, so an overlay can fix a schema
 * that selection would otherwise follow (or add a reference to one it would not).
 */
export async function upstreamSubset(config: UpstreamConfig, options: SourceOptions): Promise<UpstreamSubset> {
  const { upstream, selected, warnings } = await selectUpstream(config, options);
  // The upstream is untrusted input, as a spec is: the same limits and validation as generate's.
  await checkSelected(upstream, selected, config.limits, options.progress);
  return { name: upstream.source.name, version: upstream.version, selected, text: dumpSpec(selected.document), warnings };
}

/** Load -> overlays -> select, without validating or writing YAML (enough for `explain --from`). */
export async function selectUpstream(config: UpstreamConfig, options: SourceOptions): Promise<{ upstream: SpecDocument; selected: SelectResult; warnings: readonly Diagnostic[] }> {
  options.progress?.stage('load', displaySource(options.from));
  const upstream = await loadFrom(options.from, options.cwd, config.limits);
  options.progress?.stage('overlays');
  const { warnings } = await applyOverlays(upstream, { patterns: config.overlays, root: config.root, limits: config.limits, strict: options.strict });
  options.progress?.stage('select');
  const selected = select(upstream, config.selection);
  return { upstream, selected, warnings: [...warnings, ...selected.warnings] };
}
