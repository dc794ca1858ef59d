#!/usr/bin/env node
// The CLI as installed: compiled JavaScript in dist/, no TypeScript loader. Configs and team
// templates in TypeScript load through jiti (generator/import-module.ts), on demand.
import { allowHeapControl, tuneEngineLater } from '../engine-flags.ts';
import { main } from '../cli/main.ts';

// Before any work, the budget is chosen; it is set before the command's work, or once the first
// worker a render or `sync` starts ahead has loaded its modules (engine-flags.ts `tuneEngineLater`).
tuneEngineLater();
// This process is the bin's own: a render may collect a large spec's tree once it is cut, and
// let its heaps grow less once it is large.
allowHeapControl();
process.exitCode = await main(process.argv.slice(2));
// Once the event loop is empty (every write, pipe flush and worker done, as for a natural exit),
// exit without tearing down the engine: freeing the heaps page by page cost 8 ms of a
// one-operation run and 30 ms of Stripe's `--all` after the last output. The 'exit' hooks (the code
// cache's entries, the cache prune) run as before.
process.once('beforeExit', () => process.exit());
