/**
 * A format worker thread (see `startFormatPool`): sets prettier up at once as `workerData` says (so
 * prettier loads while the main thread is still busy), warms it up if told to (see `warm-up.ts`),
 * then formats each job the main thread posts with the setup the job names and posts the outcome back.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { message } from '../diagnostics/message.ts';
import { formatOne, type FormatOutcome, type WorkerData, type WorkerReply, type WorkerRequest } from './format-jobs.ts';
import { warmUp } from './warm-up.ts';
import { writePendingCodeCaches } from '../code-cache.ts';
import { adoptEngineFlags } from '../engine-flags.ts';
import { createFormatter, type Formatter, type FormatterSetup } from './formatter.ts';

const formatters = new Map<string, Promise<Formatter>>();
const formatterFor = (setup: FormatterSetup): Promise<Formatter> => {
  const key = JSON.stringify(setup);
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = createFormatter(setup);
    // A setup that fails is reported with the first job that needs it.
    formatter.catch(() => undefined);
    formatters.set(key, formatter);
  }
  return formatter;
};

const { setup: warm, warmUp: warming, answered } = workerData as WorkerData;
// Before prettier loads: its code cache entries are keyed by them.
adoptEngineFlags(workerData as WorkerData);
const ready = formatterFor(warm);
// One job at a time, in the order posted (the pool posts a job as soon as its file is printed): two
// in flight would hold two syntax trees, and the last posted would not wait its turn. The warm-up
// (a render's early worker) comes first; a setup that fails is reported with the first job.
// The code cache of prettier's modules is written once they are warm (code-cache.ts): this thread is
// terminated, so its exit hooks never run.
// A worker that does not warm up (one a large package adds: engine-flags.ts `preferSmallHeaps` may
// have set a flag that keys its entries apart from the first worker's) writes them with its first job.
let written = warming;
let previous: Promise<unknown> = warming ? ready.then((formatter) => warmUp(formatter, warm)).then(writePendingCodeCaches).catch(() => undefined) : Promise.resolve();
parentPort!.on('message', ({ index, job, setup }: WorkerRequest) => {
  previous = previous
    .then(() => formatterFor(setup))
    .then(
      (formatter) => formatOne(formatter, job),
      (cause: unknown): FormatOutcome => ({ error: `prettier could not be set up: ${message(cause)}`, cause }),
    )
    .then((outcome) => {
      // Before the reply: once the last job is answered, the pool may terminate this thread.
      if (!written) {
        written = true;
        writePendingCodeCaches();
      }
      // Counted before the reply, which the main thread may take only later (see `startFormatPool`).
      Atomics.add(answered, 0, job.text.length);
      reply(index, outcome);
    });
});

/**
 * Posts an outcome back. A failure whose cause cannot cross threads (a plugin's error holding a
 * function) is posted with its message alone: every job gets its own reply, or the run would wait
 * for it forever, and the next job's chain would report this one's failure as its own.
 */
function reply(index: number, outcome: FormatOutcome): void {
  try {
    parentPort!.postMessage({ index, outcome } satisfies WorkerReply);
  } catch {
    const error = 'error' in outcome ? outcome.error : 'prettier\'s output could not be posted back';
    parentPort!.postMessage({ index, outcome: { error, cause: error } } satisfies WorkerReply);
  }
}
