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

/**
 * Below this much text, formatting stays on the main thread: a worker costs its start and its own
 * copy of prettier (about half a second), which only a large package earns back.
 */
const PARALLEL_CHARS = 2_000_000;

/**
 * Formats `jobs` one at a time (a whole package in flight at once holds every file's syntax tree
 * together: GitHub's spec peaked at 1.5 GB that way), on worker threads when the text is large and
 * the machine has more than one core. The outcomes are in the order of `jobs` and do not depend on
 * how the work was spread; `workers` says how many threads formatted them (0: the main thread).
 */
export async function runFormatJobs(jobs: readonly FormatJob[], setup: FormatterSetup, options: ParallelOptions = {}): Promise<{ outcomes: FormatOutcome[]; workers: number }> {
  const size = jobs.reduce((sum, job) => sum + job.text.length, 0);
  const workers = Math.min(options.workers ?? Math.min(availableParallelism(), 4), jobs.length);
  const script = workerScript();
  if (size < (options.parallelChars ?? PARALLEL_CHARS) || workers < 2 || !script) return { outcomes: await formatInThread(jobs, setup), workers: 0 };
  return { outcomes: await formatInWorkers(jobs, setup, workers, script), workers };
}

/** When to use worker threads, and how many (the tests set both; a run uses the defaults). */
export interface ParallelOptions {
  /** Total text below which formatting stays on the main thread. */
  readonly parallelChars?: number;
  /** How many workers at most (default: the cores, at most 4). */
  readonly workers?: number;
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
 * does not leave the other workers idle at the end.
 */
function formatInWorkers(jobs: readonly FormatJob[], setup: FormatterSetup, count: number, script: URL): Promise<FormatOutcome[]> {
  const order = jobs.map((job, index) => ({ job, index })).sort((a, b) => b.job.text.length - a.job.text.length || a.index - b.index);
  const outcomes: FormatOutcome[] = [];
  let next = 0;
  let done = 0;
  return new Promise((resolve, reject) => {
    const pool = Array.from({ length: count }, () => new Worker(script, { workerData: setup }));
    const finish = (error?: Error) => {
      for (const worker of pool) void worker.terminate();
      if (error) reject(error);
      else resolve(outcomes);
    };
    const feed = (worker: Worker) => {
      const item = order[next++];
      if (item) worker.postMessage({ index: item.index, job: item.job });
    };
    for (const worker of pool) {
      worker.on('message', ({ index, outcome }: { index: number; outcome: FormatOutcome }) => {
        outcomes[index] = outcome;
        if (++done === jobs.length) finish();
        else feed(worker);
      });
      worker.on('error', (cause) => finish(new Error(`a format worker failed: ${message(cause)}`, { cause })));
      feed(worker);
    }
  });
}
