/**
 * A format worker thread (see `runFormatJobs`): sets prettier up once as `workerData` says, then
 * formats each job the main thread posts and posts the outcome back.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { formatOne, type FormatJob } from './format-jobs.ts';
import { createFormatter, type FormatterSetup } from './formatter.ts';

const formatter = createFormatter(workerData as FormatterSetup);
parentPort!.on('message', ({ index, job }: { index: number; job: FormatJob }) => {
  void formatter.then((f) => formatOne(f, job)).then((outcome) => parentPort!.postMessage({ index, outcome }));
});
