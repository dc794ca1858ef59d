// A failure point for the all-or-nothing writes (generator/write/transaction.ts), injected from
// the tests rather than built into the toolkit: it wraps fs's `renameSync`, counts the renames
// that move output files (not the journal's own `.tmp` -> journal rename) and, after the Nth, fails.
// Plain JavaScript, so `node --import` can preload it into a CLI child process.
import { createRequire, syncBuiltinESMExports } from 'node:module';

/** `renameSync` that calls `fault(n)` after its Nth output-file rename (the rename itself happened). */
export function renameWithFault(rename, after, fault) {
  let count = 0;
  return (from, to) => {
    rename(from, to);
    // Not output files: the journal's own rename, and the toolkit's caches (format cache, render stamp).
    if (String(from).endsWith('.json.tmp') || /[\\/](\.cache[\\/]openapi-morph|openapi-morph-cache-\d+)[\\/]/.test(String(to))) return;
    count++;
    if (count === after) fault(count);
  };
}

/** In a child process: `--import` this file with RENAME_FAULT_AFTER=N, and the process is killed after N renames. */
const after = Number(process.env['RENAME_FAULT_AFTER']);
if (after > 0) {
  const fs = createRequire(import.meta.url)('node:fs');
  fs.renameSync = renameWithFault(fs.renameSync, after, () => process.kill(process.pid, 'SIGKILL'));
  syncBuiltinESMExports();
}
