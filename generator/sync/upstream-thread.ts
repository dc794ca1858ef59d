import type { ResolvedConfig } from '../config/types.ts';
import { failureFrom, type FailureReply } from '../diagnostics/crossing.ts';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { message } from '../diagnostics/message.ts';
import { workerEngineFlags, type WorkerEngineFlags } from '../engine-flags.ts';
import type { JsonObject } from '../json.ts';
import type { Progress } from '../progress.ts';
import type { SpecDocument } from '../spec-context.ts';
import type { Worker } from 'node:worker_threads';
import { compiledWorker, startWorker } from '../worker-script.ts';

/** What loading an upstream subset needs of the config: plain data, which can cross to a worker thread. */
export type UpstreamConfig = Pick<ResolvedConfig, 'limits' | 'overlays' | 'root' | 'selection'>;

export interface SourceOptions {
  /** `--from`: a file path (relative to `cwd`) or an http(s) URL. */
  readonly from: string;
  readonly cwd: string;
  /** An overlay target that matches nothing fails instead of warning. */
  readonly strict: boolean;
  /** Told when each stage begins (the CLI's progress line). */
  readonly progress?: Progress;
  /** Take prettier's output for unchanged texts from the folder's last render (RenderOptions.reuseOutput; the CLI's `sync`). */
  readonly reuseOutput?: boolean;
}

/** What `sync` takes from the upstream: the subset's document and YAML, and how to name the upstream. */
export interface SyncSubset {
  /** How messages name the upstream (a path or a URL without credentials or query). */
  readonly name: string;
  readonly version: SpecDocument['version'];
  readonly document: JsonObject;
  /** The subset as the YAML `sync` and `extract` write. */
  readonly text: string;
  readonly warnings: readonly Diagnostic[];
}

/** How the upstream worker starts (upstream-worker.ts): the V8 flags it keys its code cache entries by (engine-flags.ts `workerEngineFlags`). */
export type UpstreamWorkerData = WorkerEngineFlags;

/** What the main thread posts to the upstream worker, once: what to load. */
export interface UpstreamRequest {
  readonly config: UpstreamConfig;
  readonly options: Omit<SourceOptions, 'progress'>;
}

/** What the upstream worker posts: each stage as it begins, then the subset or why there is none. */
export type UpstreamReply =
  | { readonly stage: string; readonly detail: string | undefined; readonly startedAt: number }
  | { readonly subset: SyncSubset }
  | FailureReply;

/** A started upstream worker: its answer to come, and where the stages it posts go. */
interface UpstreamWorker {
  readonly worker: Worker;
  readonly answer: Promise<SyncSubset>;
  progress: Progress | undefined;
}

/** The worker started ahead by `startUpstreamWorker`, not yet given its work. */
let started: UpstreamWorker | undefined;

/**
 * Starts the upstream worker now, before it is given its work (the CLI's `sync`, before its config
 * loads: starting a thread and loading its modules takes about as long as loading the config). It
 * holds the process open only once it has work.
 */
export function startUpstreamWorker(): void {
  started ??= spawn();
}

/**
 * Loads the upstream subset on a worker thread (upstream-worker.ts; the one `startUpstreamWorker`
 * started, if any), so that the main thread's start (its modules, the config, the previous spec)
 * and the parse overlap. `undefined` when there is no compiled worker (the toolkit running from
 * its TypeScript sources): the caller loads it on its own thread. A failure rejects as it would there: a
 * `MorphError` with the same diagnostics.
 */
export function upstreamOffThread(config: UpstreamConfig, options: SourceOptions): Promise<SyncSubset> | undefined {
  const upstream = started ?? spawn();
  started = undefined;
  if (!upstream) return undefined;
  const { progress, ...plain } = options;
  const { limits, overlays, root, selection } = config;
  upstream.progress = progress;
  upstream.worker.ref();
  upstream.worker.postMessage({ config: { limits, overlays, root, selection }, options: plain } satisfies UpstreamRequest);
  return upstream.answer;
}

function spawn(): UpstreamWorker | undefined {
  const script = compiledWorker('upstream-worker', import.meta.url);
  if (!script) return undefined;
  const workerData: UpstreamWorkerData = workerEngineFlags();
  // A young generation of 4 MiB (V8's default for a worker is larger): most of what a parse makes
  // lives until the subset is cut, and fresh memory costs a page fault each 4 KiB. Measured on the
  // 3 MB OpenAI document, 5 interleaved runs: peak 171 MiB against 191 with the default, 174 with 8.
  const worker = startWorker(script, { workerData, resourceLimits: { maxYoungGenerationSizeMb: 4 } });
  const upstream: UpstreamWorker = {
    worker,
    progress: undefined,
    answer: new Promise<SyncSubset>((resolve, reject) => {
      worker.on('message', (reply: UpstreamReply) => {
        if ('stage' in reply) return upstream.progress?.stage(reply.stage, reply.detail, reply.startedAt);
        worker.unref();
        if ('subset' in reply) resolve(reply.subset);
        else reject(failureFrom(reply));
      });
      worker.on('error', (cause: unknown) => reject(new Error(`the upstream worker failed: ${message(cause)}`, { cause })));
      // After an answer this changes nothing (a promise settles once).
      worker.on('exit', (code) => reject(new Error(`the upstream worker exited (code ${code}) before answering`)));
    }),
  };
  // A worker that fails before it is given work is reported when it is.
  upstream.answer.catch(() => undefined);
  // Open only while it has work; what it does after its answer (a code cache entry) holds nothing.
  // (After its listeners: a 'message' listener added later would hold the process open again.)
  worker.unref();
  return upstream;
}
