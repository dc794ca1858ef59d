import { receiveMessageOnPort, MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import { failureFrom, type FailureReply } from '../diagnostics/crossing.ts';
import { applyEngineFlags, workerEngineFlags, type WorkerEngineFlags } from '../engine-flags.ts';
import { isObject, own, type JsonObject } from '../json.ts';
import { compiledWorker } from '../worker-script.ts';

/**
 * How the types worker starts (types-worker.ts): the port it answers on, the shared slots it
 * signals through (`FLAG`, `PROGRESS`), and the V8 flags it keys its code cache entries by
 * (engine-flags.ts `workerEngineFlags`).
 */
export interface TypesWorkerData extends WorkerEngineFlags {
  readonly port: MessagePort;
  readonly answered: Int32Array;
  /** When the main thread started the worker (`clock()`): the worker's progress is told in milliseconds after it. */
  readonly start: number;
}

/** The slot of `answered` the worker sets to 1 when it has answered or ended. */
export const FLAG = 0;
/** The slot of `answered` that holds when the worker last made progress (a schema openapi-typescript transformed), in milliseconds after `start`. */
export const PROGRESS = 1;

/** A time both threads read alike (each thread's `performance.now()` counts from its own start). */
export function clock(): number {
  return performance.timeOrigin + performance.now();
}

/** What the main thread posts to the types worker, once. */
export interface TypesRequest {
  readonly document: JsonObject;
  readonly specName: string;
}

/** What the types worker posts back: the types, or why there are none. */
export type TypesReply = { readonly text: string } | FailureReply;

/**
 * Component schemas and paths from which the types are made on a worker thread. Below, the types
 * take a fraction of a second, and the thread's start and its own TypeScript cost more than they
 * free on the main thread.
 */
const OFF_THREAD_ITEMS = 200;

/** Whether a document is large enough to have its types made off the main thread. */
export function worthAThread(document: JsonObject): boolean {
  const components = own(document, 'components');
  const schemas = isObject(components) ? own(components, 'schemas') : undefined;
  const paths = own(document, 'paths');
  return (isObject(schemas) ? Object.keys(schemas).length : 0) + (isObject(paths) ? Object.keys(paths).length : 0) >= OFF_THREAD_ITEMS;
}

/**
 * How long the main thread waits for the types worker without a sign of it, from its start or from
 * the last progress it made, before it makes the types itself (and ends the worker). The shared
 * slots are all the main thread can see while it waits: a thread Node ends for running out of
 * memory runs none of its code, so it raises no flag, and its progress stops. A worker that is slow
 * but working (a document far larger than GitHub's, whose types take the worker 2-6 s on two busy
 * cores, on a loaded machine) tells its progress as it goes and is waited for: making the types a
 * second time beside it would only slow both. The progress is a time, not a count, so a read that
 * starts long after the worker ended still gives it up at the limit from its last progress. The
 * longest silent stretches of a working worker are its start (the document's copy, TypeScript's
 * load) and TypeScript's printer at the end.
 */
const SILENCE_LIMIT_MS = 60_000;
/** How often the wait looks at the worker's progress. */
const LOOK_EVERY_MS = 1_000;

/**
 * A types worker started before its document is posted (`startTypesWorker`): the port the main
 * thread posts and reads on, the shared slots, and when it started.
 */
export interface TypesWorker {
  readonly thread: Worker;
  readonly port: MessagePort;
  readonly answered: Int32Array;
  readonly start: number;
}

/**
 * Starts the types worker (types-worker.ts), which loads TypeScript's compiler and
 * openapi-typescript at once and then waits for its document: a render starts it as soon as its
 * subset is known to be large (`worthAThread`), so that the load runs beside the subset's
 * validation rather than after it (pipeline.ts). `undefined` without a compiled worker. The worker
 * never holds the process open; `endTypesWorker` ends one that gets no document.
 */
export function startTypesWorker(script = compiledWorker('types-worker', import.meta.url)): TypesWorker | undefined {
  if (!script) return undefined;
  const { port1, port2 } = new MessageChannel();
  const answered = new Int32Array(new SharedArrayBuffer(8));
  const start = clock();
  // The bin's budget set now if it is still to be (engine-flags.ts `tuneEngineLater`): this thread may
  // wait for the worker's answer without turning its event loop (`typesOffThread`), and the worker would
  // wait for the budget before it loads TypeScript.
  applyEngineFlags();
  const workerData: TypesWorkerData = { port: port2, answered, start, ...workerEngineFlags() };
  const thread = new Worker(withExitFlag(script), { eval: true, workerData, transferList: [port2] });
  // Whatever ends the thread early, the read makes the types here.
  thread.on('error', () => undefined);
  thread.unref();
  return { thread, port: port1, answered, start };
}

/** Ends a types worker that will not be read. */
export function endTypesWorker(worker: TypesWorker): void {
  worker.port.close();
  void worker.thread.terminate();
}

/**
 * Makes a large document's types on a worker thread (types-worker.ts): `started`, the one a render
 * started for it (`startTypesWorker`), or one started now; and returns how to take them:
 * synchronously, as a template reads `ctx.openapiTypes`, waiting for the worker if it
 * has not answered yet. The types, or the OM206 making them threw (as this thread would throw it);
 * `undefined` when the worker gave neither (it ended without answering, failed to load, threw
 * something else, or gave no sign of progress for `silenceLimitMs`: see SILENCE_LIMIT_MS): the
 * caller then makes them on this thread, as it does for a smaller document (see OFF_THREAD_ITEMS;
 * a worker started for it is ended), one that cannot be posted, or when there is no compiled worker
 * (the toolkit running from its TypeScript sources), for which this returns `undefined` at once.
 * Measured on GitHub's `--all` (README, "Types on a thread of
 * their own"): openapi-typescript and TypeScript's printer took about 2 s of the main thread, with
 * both format workers idle, after the templates; on a thread of their own from the model on, they
 * run beside the templates. The worker never holds the process open (a render that fails before it
 * reads the types does not wait for them).
 */
export function typesOffThread(document: JsonObject, specName: string, script = compiledWorker('types-worker', import.meta.url), silenceLimitMs = SILENCE_LIMIT_MS, started?: TypesWorker): (() => string | undefined) | undefined {
  // Without a worker to run (the toolkit from its sources) the document is not read here at all.
  if (!started && !script) return undefined;
  const worker = worthAThread(document) ? (started ?? startTypesWorker(script)) : undefined;
  if (!worker) {
    if (started) endTypesWorker(started);
    return undefined;
  }
  const { thread, port, answered, start } = worker;
  // The worker's silence counts from now, or from its last progress: a worker started before its
  // document (`startTypesWorker`) waited for it, silently, while this thread validated and modelled.
  const posted = clock() - start;
  try {
    port.postMessage({ document, specName } satisfies TypesRequest);
  } catch {
    // A document that cannot be copied (a caller's object with a getter that throws) is typed here.
    endTypesWorker(worker);
    return undefined;
  }
  return () => {
    let reply = receiveMessageOnPort(port);
    while (!reply && Atomics.load(answered, FLAG) === 0) {
      const silent = clock() - (start + Math.max(posted, Atomics.load(answered, PROGRESS)));
      if (silent >= silenceLimitMs) break;
      Atomics.wait(answered, FLAG, 0, Math.min(LOOK_EVERY_MS, silenceLimitMs - silent));
      reply = receiveMessageOnPort(port);
    }
    // An answer posted between the last look at the port and the look at the flag.
    reply ??= receiveMessageOnPort(port);
    port.close();
    const answer = reply?.message as TypesReply | undefined;
    if (answer && 'text' in answer) return answer.text;
    if (answer && 'diagnostics' in answer) throw failureFrom(answer);
    void thread.terminate();
    return undefined;
  };
}

/**
 * The worker's program: raise the flag when the thread ends, then load the worker module. The main
 * thread waits on the flag without an event loop (it cannot see the worker's `exit` or `error`
 * events), so a thread that ends without answering (its module failed to load, it called
 * `process.exit`) lets it go on at once, not at the wait's limit. A string that imports the
 * module, as `startWorker` starts one under `--input-type` (a worker inherits Node's options, and
 * Node 20 starts none from a file with that one).
 */
function withExitFlag(script: URL): string {
  return `import('node:worker_threads').then(({ workerData }) => {
  process.on('exit', () => { Atomics.store(workerData.answered, ${FLAG}, 1); Atomics.notify(workerData.answered, ${FLAG}); });
  return import(${JSON.stringify(script.href)});
});`;
}
