import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { message } from '../diagnostics/message.ts';
import { createFormatter, type Formatter, type FormatterSetup } from './formatter.ts';

/** One text for prettier. */
export interface FormatJob {
  readonly text: string;
  readonly parser: string;
  readonly filepath: string;
}

/** prettier's output for a job, or why it failed. */
export type FormatOutcome = { readonly content: string } | { readonly error: string; readonly cause: unknown };

/** What the main thread posts to a format worker, and what it posts back. */
export interface WorkerRequest {
  readonly index: number;
  readonly job: FormatJob;
  readonly setup: FormatterSetup;
}
export interface WorkerReply {
  readonly index: number;
  readonly outcome: FormatOutcome;
}

/**
 * Below this much text, formatting stays on the main thread: a worker costs its start and its own
 * copy of prettier (about half a second), which only a large package earns back. (A render starts
 * its workers early instead, see `startFormatPool`, so their start overlaps the earlier stages.)
 */
const PARALLEL_CHARS = 2_000_000;

/**
 * Formats `jobs` one at a time (a whole package in flight at once holds every file's syntax tree
 * together: GitHub's spec peaked at 1.5 GB that way), on worker threads when the text is large and
 * the machine has more than one core. The outcomes are in the order of `jobs` and do not depend on
 * how the work was spread; `workers` says how many threads formatted them (0: the main thread).
 */
export async function runFormatJobs(jobs: readonly FormatJob[], setup: FormatterSetup, options: ParallelOptions = {}): Promise<{ outcomes: FormatOutcome[]; workers: number }> {
  const size = textSize(jobs);
  const workers = Math.min(options.workers ?? defaultWorkers(size), jobs.length);
  const pool = size < (options.parallelChars ?? PARALLEL_CHARS) || workers < 2 ? undefined : startFormatPool(setup, workers);
  if (!pool) return { outcomes: await formatInThread(jobs, setup), workers: 0 };
  try {
    return { outcomes: await pool.run(jobs, setup), workers };
  } finally {
    pool.close();
  }
}

/** When to use worker threads, and how many (the tests set both; a run uses the defaults). */
export interface ParallelOptions {
  /** Total text below which formatting stays on the main thread. */
  readonly parallelChars?: number;
  /** How many workers at most (default: the cores, at most 4). */
  readonly workers?: number;
}

/**
 * Format worker threads, started before the files to format exist: each loads prettier (`warm`
 * says which build and plugins) while the render's earlier stages run on the main thread, so on
 * a machine with a second core prettier's start costs the run no time. `run` formats a batch with
 * the setup it names (a worker sets up another formatter when it differs from `warm`; the modules
 * are loaded once); `close` ends the threads (a render calls it also when it failed earlier).
 */
export interface FormatPool {
  run(jobs: readonly FormatJob[], setup: FormatterSetup): Promise<FormatOutcome[]>;
  close(): void;
}

/**
 * How many workers a render starts before it knows its files: one, on a machine with two cores or
 * more (measured on our spec: a second worker loads its own prettier and warms its own JIT, about
 * 1 s of CPU and 45 MiB more for half of a 1 s format stage). A large package adds more in `run`.
 */
export function renderPoolSize(): number {
  return availableParallelism() > 1 ? 1 : 0;
}

/** `undefined` when there is no compiled worker (the toolkit running from its TypeScript sources). */
export function startFormatPool(warm: FormatterSetup, count: number): FormatPool | undefined {
  const script = workerScript();
  if (!script || count < 1) return undefined;
  const pool: Worker[] = [];
  const spawn = (small: boolean) => {
    // For the usual package, a young generation of 8 MiB (V8's default for a worker is larger):
    // measured, one operation of our spec peaked at 177-178 MiB instead of 189-194, the OpenAI
    // document's 47 files at 217 instead of 245, its Assistants tag (92 files) at 260 instead of
    // 311, with the same CPU. Not for the workers a large package adds: GitHub's --all (747 files,
    // 10 MB) peaked at 1,472 MiB and took 78 s of CPU with every worker limited, 1,263 MiB and 75 s
    // with the added one not (one run each, load about 5).
    const worker = new Worker(script, { workerData: warm, ...(small ? { resourceLimits: { maxYoungGenerationSizeMb: 8 } } : {}) });
    // A pool left open by a failed render must not keep the process alive.
    worker.unref();
    pool.push(worker);
    return worker;
  };
  for (let i = 0; i < count; i++) spawn(true);
  return {
    run: (jobs, setup) => {
      // A large package gets more workers than the render started with (up to the cores, at most
      // 4), with V8's default young generation. (Replacing the early worker too peaked higher:
      // GitHub's --all at 1,420-1,484 MiB against 1,263 MiB keeping it.)
      const size = textSize(jobs);
      while (size >= PARALLEL_CHARS && pool.length < Math.min(defaultWorkers(size), jobs.length)) spawn(false);
      return formatInWorkers(jobs, setup, pool);
    },
    close: () => {
      for (const worker of pool) void worker.terminate();
    },
  };
}

function textSize(jobs: readonly FormatJob[]): number {
  return jobs.reduce((sum, job) => sum + job.text.length, 0);
}

/** Workers worth having for this much text: the cores (at most 4) for a large package, else two. */
function defaultWorkers(size: number): number {
  return Math.min(availableParallelism(), size >= PARALLEL_CHARS ? 4 : 2);
}

/** The compiled worker next to this module (run from TypeScript sources there is none: formatting stays in-thread). */
function workerScript(): URL | undefined {
  const url = new URL('./format-worker.js', import.meta.url);
  return url.protocol === 'file:' && existsSync(fileURLToPath(url)) ? url : undefined;
}

async function formatInThread(jobs: readonly FormatJob[], setup: FormatterSetup): Promise<FormatOutcome[]> {
  const formatter = await createFormatter(setup);
  const outcomes: FormatOutcome[] = [];
  for (const job of jobs) outcomes.push(await formatOne(formatter, job));
  return outcomes;
}

export async function formatOne(formatter: Formatter, job: FormatJob): Promise<FormatOutcome> {
  try {
    return { content: await formatter.format(job.text, job.parser, job.filepath) };
  } catch (cause) {
    return { error: message(cause), cause };
  }
}

/**
 * Each worker takes the next job when it is done with one, largest jobs first, so one big file
 * does not leave the other workers idle at the end. The outcomes are stored by job index.
 */
function formatInWorkers(jobs: readonly FormatJob[], setup: FormatterSetup, pool: readonly Worker[]): Promise<FormatOutcome[]> {
  const order = jobs.map((job, index) => ({ job, index })).sort((a, b) => b.job.text.length - a.job.text.length || a.index - b.index);
  const outcomes: FormatOutcome[] = [];
  let next = 0;
  let done = 0;
  return new Promise((resolve, reject) => {
    if (jobs.length === 0) return resolve(outcomes);
    const listeners = pool.map((worker) => {
      const onMessage = ({ index, outcome }: WorkerReply) => {
        outcomes[index] = outcome;
        if (++done === jobs.length) finish();
        else feed(worker);
      };
      const onError = (cause: unknown) => finish(new Error(`a format worker failed: ${message(cause)}`, { cause }));
      worker.on('message', onMessage);
      worker.on('error', onError);
      // Referenced while it has work: the run awaits it.
      worker.ref();
      return { worker, onMessage, onError };
    });
    const finish = (error?: Error) => {
      for (const { worker, onMessage, onError } of listeners) {
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.unref();
      }
      if (error) reject(error);
      else resolve(outcomes);
    };
    const feed = (worker: Worker) => {
      const item = order[next++];
      if (item) worker.postMessage({ index: item.index, job: item.job, setup } satisfies WorkerRequest);
    };
    for (const worker of pool) feed(worker);
  });
}
