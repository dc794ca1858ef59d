import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * The compiled worker module `name` next to the module at `base` (its `import.meta.url`), or
 * `undefined` when there is none: the toolkit running from its TypeScript sources (tests), where
 * the work stays on the calling thread.
 */
export function compiledWorker(name: string, base: string): URL | undefined {
  const url = new URL(`./${name}.js`, base);
  return url.protocol === 'file:' && existsSync(fileURLToPath(url)) ? url : undefined;
}

/**
 * Starts a worker thread from a compiled module. Under `--input-type` (a program run as
 * `node --input-type=module -e` that uses the public API) the worker is a string that imports the
 * module: a worker inherits Node's options, and Node 20 starts none from a file with that one.
 * (Given options of its own, without it, a worker would refuse the V8 flags among them:
 * `--max-old-space-size`.)
 */
export function startWorker(script: URL, options: WorkerOptions): Worker {
  return underInputType(process.execArgv) ? new Worker(`import(${JSON.stringify(script.href)});`, { ...options, eval: true }) : new Worker(script, options);
}

function underInputType(execArgv: readonly string[]): boolean {
  return execArgv.some((arg) => arg === '--input-type' || arg.startsWith('--input-type='));
}
