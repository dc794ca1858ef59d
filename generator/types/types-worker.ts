/**
 * The worker thread a large document's types are made on (types-thread.ts, which starts it with
 * the program that raises the shared flag when the thread ends): it adopts the V8 flags
 * the main thread gave it (its code cache entries are keyed by them; a budget the main thread has
 * still to set is waited for), loads TypeScript's compiler and
 * openapi-typescript, makes the types of the one document
 * it is posted (its own copy, which openapi-typescript may change), telling the main thread when
 * it last transformed a schema (a worker that makes progress is working: see SILENCE_LIMIT_MS),
 * and posts them or the failure, then raises the flag the main thread may be waiting on.
 */
import { workerData } from 'node:worker_threads';
import { writePendingCodeCaches } from '../code-cache.ts';
import { failureReply } from '../diagnostics/crossing.ts';
import { adoptEngineFlags } from '../engine-flags.ts';
import { openapiTypescript, typescript } from '../heavy.ts';
import { openapiTypes } from './openapi-types.ts';
import { clock, FLAG, PROGRESS, type TypesReply, type TypesRequest, type TypesWorkerData } from './types-thread.ts';

const { port, answered, start } = workerData as TypesWorkerData;
adoptEngineFlags(workerData as TypesWorkerData);
// Loaded before the document comes: a render starts this thread once it knows its subset is large,
// and validates the subset meanwhile (types-thread.ts `startTypesWorker`).
typescript();
openapiTypescript();
port.once('message', ({ document, specName }: TypesRequest) => {
  let reply: TypesReply;
  try {
    reply = { text: openapiTypes(document, specName, true, () => Atomics.store(answered, PROGRESS, clock() - start)) };
  } catch (cause) {
    reply = failureReply(cause);
  }
  // TypeScript's code cache entry, when this run made it, before the answer: once the main thread has
  // the types, the process may end, and this thread with it, before a later write was done.
  writePendingCodeCaches();
  port.postMessage(reply);
  Atomics.store(answered, FLAG, 1);
  Atomics.notify(answered, FLAG);
  port.close();
});
