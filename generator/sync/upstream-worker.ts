/**
 * The worker thread `sync` loads its upstream subset on (upstream-thread.ts): it adopts the V8
 * flags the main thread gave it (its code cache entries are keyed by them), loads its modules, and
 * waits for its one request; then it loads, applies overlays, selects and validates as
 * `upstreamSubset` does, posting each stage as it begins, and posts the subset or the failure.
 * The upstream tree stays in this thread's heap, which ends with it.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { writePendingCodeCaches } from '../code-cache.ts';
import { progressTime } from '../progress.ts';
import { adoptEngineFlags } from '../engine-flags.ts';
import { upstreamSubset } from './upstream-subset.ts';
import { crossing, failureReply } from '../diagnostics/crossing.ts';
import type { UpstreamReply, UpstreamRequest, UpstreamWorkerData } from './upstream-thread.ts';

adoptEngineFlags(workerData as UpstreamWorkerData);
const post = (reply: UpstreamReply): void => parentPort!.postMessage(reply);
parentPort!.once('message', async ({ config, options }: UpstreamRequest) => {
  try {
    const progress = { stage: (stage: string, detail?: string) => post({ stage, detail, startedAt: progressTime() }) };
    const { name, version, selected, text, warnings } = await upstreamSubset(config, { ...options, progress });
    post({ subset: { name, version, document: selected.document, text, warnings: warnings.map(crossing) } });
  } catch (cause) {
    post(failureReply(cause));
  }
  // The schema validator's entry, when this run made it (a worker's exit hooks do not run).
  writePendingCodeCaches();
  parentPort!.close();
});
