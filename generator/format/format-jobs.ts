import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { message } from '../diagnostics/message.ts';
import { writePendingCodeCaches } from '../code-cache.ts';
import { preferSmallHeaps, workerEngineFlags, type WorkerEngineFlags } from '../engine-flags.ts';
import { compiledWorker, startWorker } from '../worker-script.ts';
import { createFormatter, type Formatter, type FormatterSetup } from './formatter.ts';

/** One text for prettier. */
export interface FormatJob {
  readonly text: string;
  readonly parser: string;
  readonly filepath: string;
}

/**
 * prettier's output for a job, or why it failed. `rewritten`: the formatter printed the whole text
 * itself, prettier was not called (see formatter.ts `rewriting`): printing it again costs about
 * what reading a cache entry does, so it is not cached (format-cache.ts).
 */
export type FormatOutcome = { readonly content: string; readonly rewritten?: true } | { readonly error: string; readonly cause: unknown };

/**
 * Whether an outcome goes to the format cache: prettier's output, not a text the formatter printed
 * itself (`rewritten`, above). GitHub's `--all` on a cold cache wrote 1,591 entries, of
 * which 171 texts had needed prettier; each entry is a file created, and on a file system that had
 * just deleted many files, creating them cost about 1.5 s of system time (ext4 looking for a free
 * inode past the recently deleted ones).
 */
export function cacheable(outcome: FormatOutcome): outcome is Extract<FormatOutcome, { content: string }> {
  return 'content' in outcome && !outcome.rewritten;
}

/**
 * How a format worker starts: the setup to load at once, whether to warm it up on samples while it
 * waits, and the V8 flags it keys its code cache by (engine-flags.ts `workerEngineFlags`).
 */
export interface WorkerData extends WorkerEngineFlags {
  readonly setup: FormatterSetup;
  readonly warmUp: boolean;
  /** The characters of text the worker has formatted, counted up by it as it answers (shared memory, see `startFormatPool`). */
  readonly answered: Int32Array;
}

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
 * Text a pool's worker is given before it has answered (beyond one job): a package of the usual
 * size (our spec: 16 files, 60 KB) goes out whole as it is printed; a large one's rest waits on
 * the main thread and goes out largest first. What waits there goes out only when the main thread
 * takes a worker's answer, which it cannot while it runs templates and prints: since most of the
 * markdown no longer goes to prettier (markdown-blocks.ts), 500 KB of pages took the workers a
 * fraction of a second, and GitHub's `--all` left both idle for 2 s while the main thread built the
 * types and printed the TypeScript. Two interleaved rounds at 20:58-21:00 UTC: 12.1-12.7 s wall
 * with 2 MB against 12.7-13.7 s with 500 KB (4 MB: 12.0-12.3 s; 8 MB: 12.2-12.4 s but a peak of
 * 500 MiB; peaks 424-479 MiB with 2 MB, 448-482 MiB with 500 KB). Since the workers count what they
 * have formatted in shared memory (`Member`), the budget is what a worker holds at once, not what
 * it gets in the whole templates stage: GitHub's `--all` 8.6-8.8 s against 8.8-9.2 s (16 MB counted
 * from the answers: 8.9-9.2 s, but peaks of 497 MiB).
 */
const WORKER_BUDGET = 2_000_000;

/**
 * The young generation of a worker that a large package adds, MiB. Since its files go in chunks
 * and sections (chunks.ts), GitHub's `--all` holds a plateau of about 480 MiB for 20 s rather than
 * a peak, and V8's default (larger) young generation is a good part of it: five interleaved rounds
 * peaked at 452-483 MiB (median 462) with 16, 445-477 (449) with 8, against 480-497 (485) with the
 * default, for 0.8 s and 1.4 s more wall time (medians 29.7 s, 30.3 s, 28.9 s). (Before chunks,
 * every worker at 8 MiB had peaked higher: 1,472 MiB against 1,263.)
 */
const ADDED_YOUNG_MB = 16;

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
  // One core: the main thread formats even a large batch, and its heap keeps V8's growing factor
  // (engine-flags.ts `preferSmallHeaps` here measured 550-551 MiB against 578-582 for GitHub's
  // `--all` under `taskset -c 0`, for 6% more wall time: not kept).
  if (!pool) return { outcomes: await formatInThread(jobs, setup), workers: 0 };
  try {
    return { outcomes: await formatBatch(pool, jobs, setup), workers };
  } finally {
    pool.close();
  }
}

/**
 * A batch on a pool, outcomes in the order of `jobs`: given largest first, so one big file does not
 * leave the other workers idle at the end.
 */
export function formatBatch(pool: FormatPool, jobs: readonly FormatJob[], setup: FormatterSetup): Promise<FormatOutcome[]> {
  const order = jobs.map((job, index) => ({ job, index })).sort((a, b) => b.job.text.length - a.job.text.length || a.index - b.index);
  const outcomes: Promise<FormatOutcome>[] = [];
  for (const { job, index } of order) outcomes[index] = pool.format(job, setup);
  return Promise.all(outcomes);
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
 * a machine with a second core prettier's start costs the run no time. `format` gives one job,
 * with the setup it names (a worker sets up another formatter when it differs from `warm`; the
 * modules are loaded once), to the worker with the least text waiting, at once while that is under
 * WORKER_BUDGET, and resolves when the worker (or the main thread, `assist`) has formatted it: a render hands each file over as
 * soon as it is printed, and the worker formats it while the main thread, busy with the next
 * templates, could not hand out more. A worker formats its jobs one at a time, in the order given.
 * `close` ends the threads (a render calls it also when it failed earlier). A worker that fails
 * rejects every job not yet formatted, and the pool takes no more.
 */
export interface FormatPool {
  format(job: FormatJob, setup: FormatterSetup): Promise<FormatOutcome>;
  /**
   * Formats on the calling thread what waits for a worker (not yet given to one), one job at a
   * time, until it has tried each: `local` gives a job's outcome, or undefined to leave it to a
   * worker. For the main thread once it has printed every file (the format session's `done`): it
   * would otherwise only wait for the workers. A job so formatted resolves as a worker's would.
   */
  assist(local: (job: FormatJob, setup: FormatterSetup) => Promise<FormatOutcome | undefined>): Promise<void>;
  /** Each worker's text given and not yet formatted, as the pool weighs it against WORKER_BUDGET (the worker's own count: see `Member`). */
  waiting(): number[];
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

/**
 * `undefined` when there is no compiled worker (the toolkit running from its TypeScript sources).
 * `warmUp`: the workers started here format small samples while they wait for their first job (a
 * render's, which waits for the types stage; not the workers a large package adds).
 */
export function startFormatPool(warm: FormatterSetup, count: number, warmUp = false): FormatPool | undefined {
  const script = compiledWorker('format-worker', import.meta.url);
  if (!script || count < 1) return undefined;
  /**
   * A worker, the text it was given and how much of it the worker says it has formatted. The
   * worker counts that up in shared memory as it answers, so the main thread sees it at once, also
   * while it runs templates and prints and cannot take the answers themselves: each file it hands
   * over then hands out what waits, as far as the workers are through their text. (Counted from
   * the answers alone, a worker got at most WORKER_BUDGET during the templates stage: GitHub's
   * `--all` left both workers idle for 2-3 s while the main thread built and printed the types and
   * the API classes.)
   */
  type Member = { readonly thread: Worker; given: number; readonly answered: Int32Array; jobs: number };
  const waiting = (member: Member) => member.given - Atomics.load(member.answered, 0);
  /** A job waiting for a worker, with its setup's key (`JSON.stringify`). */
  type Queued = { readonly index: number; readonly job: FormatJob; readonly setup: FormatterSetup; readonly key: string };
  const members: Member[] = [];
  // The jobs waiting, shortest first (`enqueue`): a worker is given the last, `assist` looks from the
  // first. (A search of the whole queue for the largest, at each job handed over, made `dispatch`
  // take 39-63 ms of the main thread of GitHub's and Zuora's `--all` in CPU profiles, with up to
  // 900 jobs waiting; 10-22 ms since, `postMessage` included in both.)
  const queue: Queued[] = [];
  // Before the jobs of its length already waiting, so that of equal ones a worker is given the
  // earliest (and `assist`, from the front, takes the latest: which thread formats a job changes
  // no output).
  const enqueue = (queued: Queued) => {
    const length = queued.job.text.length;
    let low = 0;
    let high = queue.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (queue[middle]!.job.text.length < length) low = middle + 1;
      else high = middle;
    }
    queue.splice(low, 0, queued);
  };
  const pending = new Map<number, { member?: Member; readonly key: string; resolve(outcome: FormatOutcome): void; reject(cause: Error): void }>();
  // The setups (keys) a worker has formatted a text with: prettier set up for them (see `assist`).
  const ready = new Set<string>();
  // `assist` waiting for the next answer (or failure) before it looks at the queue again.
  const woken: (() => void)[] = [];
  const wake = () => {
    for (const resume of woken.splice(0)) resume();
  };
  let posted = 0;
  let postedText = 0;
  let failure: Error | undefined;
  const fail = (cause: Error) => {
    failure ??= cause;
    for (const { reject } of pending.values()) reject(failure);
    pending.clear();
    queue.length = 0;
    wake();
  };
  // Each worker is given jobs up to WORKER_BUDGET characters of text not yet answered (one job at
  // least), at once, while the main thread is still busy; what is beyond waits here and goes out
  // largest first as answers come, so a large package's big files do not end up last behind one worker.
  const dispatch = () => {
    while (queue.length > 0) {
      const member = members.reduce((least, next) => (waiting(next) < waiting(least) ? next : least));
      const { index, job, setup } = queue.at(-1)!;
      if (waiting(member) > 0 && waiting(member) + job.text.length > WORKER_BUDGET) return;
      queue.pop();
      pending.get(index)!.member = member;
      member.given += job.text.length;
      if (member.jobs++ === 0) member.thread.ref();
      member.thread.postMessage({ index, job, setup } satisfies WorkerRequest);
    }
  };
  const spawn = (early: boolean) => {
    // For the usual package, a young generation of 8 MiB (V8's default for a worker is larger):
    // measured, one operation of our spec peaked at 177-178 MiB instead of 189-194, the OpenAI
    // document's 47 files at 217 instead of 245, its Assistants tag (92 files) at 260 instead of
    // 311, with the same CPU. The workers a large package adds get 16 MiB (`ADDED_YOUNG_MB`).
    const answered = new Int32Array(new SharedArrayBuffer(4));
    const workerData: WorkerData = { setup: warm, warmUp: early && warmUp, ...workerEngineFlags(), answered };
    const options = { workerData, resourceLimits: { maxYoungGenerationSizeMb: early ? 8 : ADDED_YOUNG_MB } };
    const thread = startWorker(script, options);
    const member: Member = { thread, given: 0, answered, jobs: 0 };
    thread.on('message', ({ index, outcome }: WorkerReply) => {
      const job = pending.get(index);
      if (!job) return;
      pending.delete(index);
      if (--member.jobs === 0) thread.unref();
      if ('content' in outcome) ready.add(job.key);
      job.resolve(outcome);
      dispatch();
      wake();
    });
    thread.on('error', (cause: unknown) => fail(new Error(`a format worker failed: ${message(cause)}`, { cause })));
    // A worker that ends with jobs unanswered (a plugin calling process.exit) fails them, rather than leaving the run waiting.
    thread.on('exit', (code) => {
      if (member.jobs > 0) fail(new Error(`a format worker exited (code ${code}) before answering`));
    });
    // Referenced only while it has jobs: a pool left open by a failed render must not keep the
    // process alive. (After the listeners: a 'message' listener added later refs the thread again.)
    thread.unref();
    members.push(member);
  };
  for (let i = 0; i < count; i++) spawn(true);
  return {
    format: (job, setup) => {
      if (failure) return Promise.reject(failure);
      const index = posted++;
      postedText += job.text.length;
      // A large package gets more workers than the render started with (`renderPoolWorkers`), with
      // a larger young generation, once the text posted reaches PARALLEL_CHARS.
      // (Replacing the early worker too peaked higher: GitHub's --all at 1,420-1,484 MiB against
      // 1,263 MiB keeping it.) Its heaps grow less from then on (before the workers start, which
      // key their code cache by the flag): engine-flags.ts `preferSmallHeaps`.
      if (postedText >= PARALLEL_CHARS) preferSmallHeaps(writePendingCodeCaches);
      while (postedText >= PARALLEL_CHARS && members.length < Math.min(renderPoolWorkers(), posted)) spawn(false);
      const key = JSON.stringify(setup);
      const outcome = new Promise<FormatOutcome>((resolve, reject) => pending.set(index, { key, resolve, reject }));
      enqueue({ index, job, setup, key });
      dispatch();
      return outcome;
    },
    async assist(local) {
      // The smallest first (the queue is kept so): a worker takes the largest (`dispatch`), and the
      // smallest are mostly pages the formatter prints whole. A job `local` leaves (or fails on)
      // goes back for a worker, not tried again. Only a job whose setup a worker has formatted
      // with: where prettier cannot be set up, every job of that setup fails on the worker, and
      // none may succeed here instead (whether the run fails would depend on which thread took
      // which job). A render's main thread has taken no answer while it ran its templates (they
      // wait in the port), so it may know of no such setup yet: it waits for the next answer while
      // any job it has not tried waits.
      const left = new Set<number>();
      for (;;) {
        if (failure) return;
        const at = queue.findIndex((queued) => !left.has(queued.index) && ready.has(queued.key));
        if (at < 0) {
          if (!queue.some((queued) => !left.has(queued.index))) return;
          await new Promise<void>((resume) => woken.push(resume));
          continue;
        }
        const [taken] = queue.splice(at, 1);
        const outcome = await local(taken!.job, taken!.setup).catch(() => undefined);
        if (failure) return;
        if (outcome === undefined) {
          left.add(taken!.index);
          enqueue(taken!);
        } else {
          pending.get(taken!.index)?.resolve(outcome);
          pending.delete(taken!.index);
        }
        dispatch();
        // The workers' answers (and the dispatch each one makes) between two jobs.
        await new Promise((resolve) => setImmediate(resolve));
      }
    },
    waiting: () => members.map(waiting),
    close: () => {
      fail(new Error('the format pool was closed'));
      for (const { thread } of members) void thread.terminate();
    },
  };
}

function textSize(jobs: readonly FormatJob[]): number {
  return jobs.reduce((sum, job) => sum + job.text.length, 0);
}

/**
 * The workers a render's pool grows to for a large package: one for each core beside the main
 * thread's, at most 4. The main thread renders and prints while the workers format, and the types
 * worker runs beside them for the first half: on two cores a second format worker took turns with
 * them rather than adding a core, and paid for its own prettier, JIT and heap. GitHub's `--all`, one
 * worker against two, three sets of interleaved rounds (5, 8, 6) on 2026-12-04: wall medians 6.41
 * s against 6.72, 6.89 against 7.01, 6.56 against 6.88; CPU 0.42-0.74 s less; peaks 36-41 MiB
 * lower. (The one worker now ends the run, the main thread done before it.)
 */
export function renderPoolWorkers(cores = availableParallelism()): number {
  return Math.max(0, Math.min(cores - 1, 4));
}

/** Workers worth having for this much text in one batch (the main thread only waits): the cores (at most 4) for a large package, else two. */
function defaultWorkers(size: number): number {
  return Math.min(availableParallelism(), size >= PARALLEL_CHARS ? 4 : 2);
}

async function formatInThread(jobs: readonly FormatJob[], setup: FormatterSetup): Promise<FormatOutcome[]> {
  const formatter = await createFormatter(setup);
  const outcomes: FormatOutcome[] = [];
  for (const job of jobs) outcomes.push(await formatOne(formatter, job));
  return outcomes;
}

export async function formatOne(formatter: Formatter, job: FormatJob): Promise<FormatOutcome> {
  // One job at a time per formatter (a worker's, or the main thread's in turn): the count tells this job's calls.
  const before = formatter.prettierCalls?.();
  try {
    const content = await formatter.format(job.text, job.parser, job.filepath);
    return before !== undefined && formatter.prettierCalls!() === before ? { content, rewritten: true } : { content };
  } catch (cause) {
    return { error: message(cause), cause };
  }
}
