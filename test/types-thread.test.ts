/**
 * A large document's types are made on a worker thread (generator/types/types-thread.ts) while the
 * main thread builds the model and runs the templates. Only the compiled toolkit has the worker
 * (from the sources, as in the in-process runs here, the types are made on the calling thread), so
 * the bin runs with the load-order probe, which shows the worker started: what it writes and prints
 * is what an in-thread render gives, byte for byte. And the thread's own contract with the compiled
 * worker: a failure crosses back as the OM206 the calling thread would throw; a thread that ends
 * without answering, or never answers, leaves the types to the calling thread instead of leaving
 * it waiting; one that makes progress is waited for, and the compiled worker tells its progress.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { MorphError } from '../generator/diagnostics/diagnostic.ts';
import type { JsonObject } from '../generator/json.ts';
import { lazyOpenapiTypes, openapiTypes } from '../generator/types/openapi-types.ts';
import { clock, FLAG, PROGRESS, startTypesWorker, typesOffThread, type TypesRequest, type TypesWorkerData } from '../generator/types/types-thread.ts';
import { repoRoot, runCli, spawnCli } from './helpers/cli.ts';
import { tempProject, type TempProject } from './helpers/project.ts';

const probe = fileURLToPath(new URL('./helpers/load-order.mjs', import.meta.url));
const compiled = pathToFileURL(join(repoRoot, 'dist/generator/types-worker.js'));

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/** A document with `count` component schemas (each refers to the next), and one operation that returns the first. */
function manySchemas(count: number): JsonObject {
  const schemas = Object.fromEntries(
    Array.from({ length: count }, (_, i) => [
      `Item${i}`,
      { type: 'object', description: `Item number ${i}.`, required: ['id'], properties: { id: { type: 'integer' }, tag: { type: 'string', enum: ['a', `b${i}`] }, ...(i + 1 < count ? { next: { $ref: `#/components/schemas/Item${i + 1}` } } : {}) } },
    ]),
  );
  const ok = { description: 'The first item.', content: { 'application/json': { schema: { $ref: '#/components/schemas/Item0' } } } };
  return { openapi: '3.0.3', info: { title: 'Items', version: '1.0.0' }, servers: [{ url: 'https://items.example.com' }], paths: { '/items/first': { get: { operationId: 'getFirstItem', responses: { 200: ok } } } }, components: { schemas } };
}

function project(spec: JsonObject): TempProject {
  const p = tempProject({ spec: `${JSON.stringify(spec, null, 2)}\n`, specName: 'spec/openapi.json' });
  cleanups.push(() => p.remove());
  return p;
}

/**
 * The bin's `generate` in `p` with the load-order probe: the worker threads it started (their
 * modules' names), and what the probe logged, in order: each worker started or terminated as
 * `worker <module>` or `terminate <module>`, other entries as logged.
 */
function generateByBin(p: TempProject): { run: ReturnType<typeof spawnCli>; workers: string[]; events: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'om-load-order-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const log = join(dir, 'load-order.log');
  const run = spawnCli(['generate'], p.dir, { LOAD_ORDER_LOG: log }, { preload: [probe] });
  // A worker started from a program (the types worker's) is logged with the program's text, over several lines.
  const events = readFileSync(log, 'utf8')
    .split(/^(?=worker |terminate |post |read |read-sync |exists |open |v8 )/m)
    .map((e) => (/^(worker|terminate) /.test(e) ? `${e.split(' ')[0]} ${/([\w-]+)\.js\b/.exec(e)?.[1] ?? e}` : e.trim()));
  const workers = events.filter((e) => e.startsWith('worker ')).map((e) => e.slice('worker '.length));
  return { run, workers, events };
}

/** Where the first event matching `pattern` stands in `events` (-1: none). */
const at = (events: readonly string[], pattern: RegExp) => events.findIndex((e) => pattern.test(e));

describe('the bin makes a large document\'s types on a worker thread', () => {
  it('writes and prints what an in-thread render does', async () => {
    const spec = manySchemas(250);
    const inThread = project(spec);
    const offThread = project(spec);
    const here = await runCli(['generate'], inThread.dir);
    const { run, workers } = generateByBin(offThread);
    expect(workers.filter((w) => w === 'types-worker')).toHaveLength(1);
    expect(here.code).toBe(0);
    expect([run.code, run.stdout, run.stderr]).toStrictEqual([here.code, here.stdout, here.stderr]);
    expect(offThread.snapshot('generated')).toStrictEqual(inThread.snapshot('generated'));
    expect(offThread.read('generated/src/schema.ts')).toContain('Item249: {');
  });

  it('starts the worker once the subset is selected, so that it loads TypeScript while the subset is validated', () => {
    const { run, events } = generateByBin(project(manySchemas(250)));
    expect([run.code, run.stderr]).toStrictEqual([0, '']);
    const validator = at(events, /^open .*schema-validators\/v3\.0\.cjs$/);
    expect(validator).toBeGreaterThan(-1);
    expect(at(events, /^worker types-worker$/)).toBeGreaterThan(-1);
    expect(at(events, /^worker types-worker$/)).toBeLessThan(validator);
  });

  it('ends the worker it started when the subset fails validation', () => {
    const spec = manySchemas(250);
    (spec['info'] as Record<string, unknown>)['version'] = 3;
    const { run, events } = generateByBin(project(spec));
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/info\/version/);
    expect(at(events, /^worker types-worker$/)).toBeGreaterThan(-1);
    expect(at(events, /^terminate types-worker$/)).toBeGreaterThan(at(events, /^worker types-worker$/));
  });

  it('ends the worker when a render of the public API fails after selecting the subset (its progress throws to cancel)', () => {
    const p = project(manySchemas(250));
    const dir = mkdtempSync(join(tmpdir(), 'om-load-order-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const log = join(dir, 'load-order.log');
    const script = join(dir, 'cancel.mjs');
    writeFileSync(
      script,
      `const api = await import(${JSON.stringify(pathToFileURL(join(repoRoot, 'dist/generator/index.js')).href)});
const config = await api.loadConfig({ cwd: ${JSON.stringify(p.dir)} });
await api.render(config, { format: false, progress: { stage(name) { if (name === 'model') throw new Error('cancelled'); } } }).catch((e) => console.log(e.message));
`,
    );
    const run = spawnSync(process.execPath, ['--import', pathToFileURL(probe).href, script], { cwd: p.dir, env: { ...process.env, LOAD_ORDER_LOG: log }, encoding: 'utf8' });
    expect([run.status, run.stdout.trim()]).toStrictEqual([0, 'cancelled']);
    const events = readFileSync(log, 'utf8').split(/^(?=worker |terminate |post |read |read-sync |exists |open |v8 )/m);
    const types = (kind: string) => events.filter((e) => e.startsWith(`${kind} `) && e.includes('types-worker.js')).length;
    expect([types('worker'), types('terminate')]).toStrictEqual([1, 1]);
  });

  it('makes a small document\'s types on the main thread', () => {
    const { run, workers } = generateByBin(project(manySchemas(20)));
    expect([run.code, run.stderr]).toStrictEqual([0, '']);
    expect(workers).toContain('format-worker');
    expect(workers).not.toContain('types-worker');
  });
});

describe('typesOffThread with the compiled worker', () => {
  it('gives the types the calling thread makes', () => {
    const document = manySchemas(200);
    const take = typesOffThread(document, 'items.json', compiled);
    expect(take).toBeDefined();
    expect(take!()).toBe(lazyOpenapiTypes(document, 'items.json').text());
  });

  it('leaves a document under 200 schemas and paths to the calling thread', () => {
    expect(typesOffThread(manySchemas(198), 'items.json', compiled)).toBeUndefined();
    expect(typesOffThread(manySchemas(199), 'items.json', compiled)).toBeDefined();
  });

  it('a failure crosses back as the OM206 the calling thread throws', () => {
    const document = manySchemas(250);
    (document['paths'] as Record<string, unknown>)['/broken'] = { get: { parameters: [null], responses: {} } };
    const failure = (read: () => unknown) => {
      try {
        read();
      } catch (cause) {
        return cause;
      }
      throw new Error('no failure');
    };
    const here = failure(() => lazyOpenapiTypes(document, 'items.json').text());
    const there = failure(typesOffThread(document, 'items.json', compiled)!);
    expect(here).toBeInstanceOf(MorphError);
    expect(there).toBeInstanceOf(MorphError);
    const shown = (e: unknown) => (e as MorphError).diagnostics.map((d) => [d.code, d.message, d.location]);
    expect(shown(there)).toStrictEqual(shown(here));
    expect(shown(there)[0]?.[1]).toMatch(/^openapi-typescript could not type the selected operations: /);
  });

  it('a document it cannot post is typed on the calling thread', () => {
    const document = manySchemas(250);
    Object.defineProperty(document, 'x-unpostable', { enumerable: true, get: () => () => undefined });
    expect(typesOffThread(document, 'items.json', compiled)).toBeUndefined();
  });

  it.each([
    ['exits at once', 'process.exit(3);\n'],
    ['fails to load', 'throw new Error("broken install");\n'],
  ])('a worker that %s leaves the types to the calling thread as soon as it ends', (_, program) => {
    const read = typesOffThread(manySchemas(250), 'items.json', workerModule(program), 30_000)!;
    const waited = Date.now();
    expect(read()).toBeUndefined();
    // Its end raised the flag: the read did not wait for its 30 s limit.
    expect(Date.now() - waited).toBeLessThan(20_000);
  });

  it('a worker started before its document is given its silence from when the document is posted', () => {
    const started = startTypesWorker(compiled)!;
    cleanups.push(() => void started.thread.terminate());
    // This thread busy for longer than the limit (a large subset's validation, model and templates) before it posts.
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2_500);
    const read = typesOffThread(manySchemas(250), 'items.json', compiled, 2_000, started)!;
    expect(read()).toBe(lazyOpenapiTypes(manySchemas(250), 'items.json').text());
  });

  it('a worker that never answers (as one Node ends for running out of memory) is given up at the limit', () => {
    const read = typesOffThread(manySchemas(250), 'items.json', workerModule('Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);\n'), 300)!;
    expect(read()).toBeUndefined();
  });

  it('a worker that makes progress is waited for past the limit, and its types taken', () => {
    // Progress every 50 ms for 3 s, three times the 1 s a silent worker gets, then the answer.
    const read = typesOffThread(manySchemas(250), 'items.json', workerModule(`import { workerData } from 'node:worker_threads';
const { port, answered, start } = workerData;
port.once('message', () => {
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (const end = Date.now() + 3000; Date.now() < end; ) {
    Atomics.store(answered, ${PROGRESS}, performance.timeOrigin + performance.now() - start);
    Atomics.wait(pause, 0, 0, 50);
  }
  port.postMessage({ text: 'the worker types' });
  port.close();
});
`), 1_000)!;
    expect(read()).toBe('the worker types');
  });

  it('a worker that made progress and then went silent is given up at the limit from its last progress, however late the read', () => {
    const read = typesOffThread(manySchemas(250), 'items.json', workerModule(`import { workerData } from 'node:worker_threads';
const { port, answered, start } = workerData;
port.once('message', () => {
  Atomics.store(answered, ${PROGRESS}, performance.timeOrigin + performance.now() - start);
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
});
`), 1_000)!;
    // The read starts 2 s after the worker, more than the limit after its only progress.
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2_000);
    const waited = performance.now();
    expect(read()).toBeUndefined();
    expect(performance.now() - waited).toBeLessThan(500);
  });

  it('the compiled worker tells when it last made progress, in its shared slot, before it answers', () => {
    // Started as typesOffThread starts it, with a slot this test can read.
    const { port1, port2 } = new MessageChannel();
    const answered = new Int32Array(new SharedArrayBuffer(8));
    const start = clock();
    const worker = new Worker(`import(${JSON.stringify(compiled.href)});`, { eval: true, workerData: { port: port2, answered, start, engineFlags: '' } satisfies TypesWorkerData, transferList: [port2] });
    cleanups.push(() => void worker.terminate());
    port1.postMessage({ document: manySchemas(250), specName: 'items.json' } satisfies TypesRequest);
    let reply = receiveMessageOnPort(port1);
    for (const end = Date.now() + 60_000; !reply && Date.now() < end; reply = receiveMessageOnPort(port1)) Atomics.wait(answered, FLAG, 0, 50);
    const finished = clock() - start;
    port1.close();
    expect(reply?.message).toHaveProperty('text');
    expect(Atomics.load(answered, FLAG)).toBe(1);
    // Milliseconds after the start, told while it transformed the schemas: more than none, not after its answer was read.
    const progress = Atomics.load(answered, PROGRESS);
    expect(progress).toBeGreaterThan(0);
    expect(progress).toBeLessThanOrEqual(finished);
  });

  it('openapiTypes reports each schema it transforms, for the worker to count', () => {
    let counted = 0;
    openapiTypes(manySchemas(30), 'items.json', false, () => counted++);
    // Each of the 30 components, and the schemas inside them and the operation.
    expect(counted).toBeGreaterThanOrEqual(30);
  });
});

/** A worker module of its own, with `program` as its text. */
function workerModule(program: string): URL {
  const dir = mkdtempSync(join(tmpdir(), 'om-types-worker-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'worker.mjs'), program);
  return pathToFileURL(join(dir, 'worker.mjs'));
}
