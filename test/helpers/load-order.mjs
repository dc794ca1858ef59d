// A probe of what a CLI process does first, injected from the tests rather than built into the
// toolkit: on the main thread it logs each worker thread created, online and terminated, each format job
// posted to one (`post <file>`), each file read with fs/promises' `readFile` (the spec loader's read; module
// loading's `file:` URLs are left out) and with `fs.readFileSync` (`read-sync <file>`), each path looked for with `fs.existsSync` (`exists <path>`: the journal's), each file opened with `fs.openSync` (how the code cache
// reads typescript.js) and each V8 flag set with `v8.setFlagsFromString`, one line each, in order,
// to the file LOAD_ORDER_LOG names. Plain JavaScript, so `node --import` can
// preload it into a CLI child process (test/helpers/cli.ts `spawnCli`, option `preload`).
import { appendFileSync } from 'node:fs';
import { createRequire, syncBuiltinESMExports } from 'node:module';
import { isMainThread } from 'node:worker_threads';

const log = process.env['LOAD_ORDER_LOG'];
if (log && isMainThread) {
  const require = createRequire(import.meta.url);
  const threads = require('node:worker_threads');
  const fs = require('node:fs');
  const fsPromises = require('node:fs/promises');
  const v8 = require('node:v8');
  const { Worker } = threads;
  threads.Worker = class extends Worker {
    constructor(script, ...rest) {
      appendFileSync(log, `worker ${String(script)}\n`);
      super(script, ...rest);
      this.script = script;
      this.once('online', () => appendFileSync(log, `online ${String(script)}\n`));
    }
    terminate() {
      appendFileSync(log, `terminate ${String(this.script)}\n`);
      return super.terminate();
    }
    postMessage(message, ...rest) {
      const file = message?.job?.filepath;
      if (typeof file === 'string') appendFileSync(log, `post ${file}\n`);
      return super.postMessage(message, ...rest);
    }
  };
  const { openSync } = fs;
  // Not the log itself (appendFileSync opens it through fs.openSync).
  fs.openSync = (path, ...rest) => {
    if (String(path) !== log) appendFileSync(log, `open ${String(path)}\n`);
    return openSync(path, ...rest);
  };
  const { readFileSync } = fs;
  // Not the log itself, nor a module's source.
  fs.readFileSync = (path, ...rest) => {
    if (String(path) !== log && !String(path).startsWith('file:')) appendFileSync(log, `read-sync ${String(path)}\n`);
    return readFileSync(path, ...rest);
  };
  const { existsSync } = fs;
  fs.existsSync = (path) => {
    if (String(path) !== log) appendFileSync(log, `exists ${String(path)}\n`);
    return existsSync(path);
  };
  const { readFile } = fsPromises;
  fsPromises.readFile = (path, ...rest) => {
    if (!String(path).startsWith('file:')) appendFileSync(log, `read ${String(path)}\n`);
    return readFile(path, ...rest);
  };
  const { setFlagsFromString } = v8;
  v8.setFlagsFromString = (flags) => {
    appendFileSync(log, `v8 ${String(flags)}\n`);
    return setFlagsFromString(flags);
  };
  syncBuiltinESMExports();
}
