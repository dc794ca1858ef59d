import Module, { createRequire } from 'node:module';

/** A CommonJS module record, with Node's loader method that reads and runs its file (not in @types/node). */
export type CommonjsModule = Module & { load(filename: string): void };

/**
 * A CommonJS module record for `filename`, as Node's loader makes one before it runs the file: its
 * id and filename, and the folders its `require` searches (`require.resolve.paths`: the
 * `node_modules` folders above it, and the global folders Node's loader adds when it resolves, so
 * these are searched twice; harmless). Not loaded and not in
 * `require.cache`: the caller runs its code (code-cache.ts, with V8's cached data), has Node's
 * loader run it (`load`), or gives it exports of its own (heavy.ts, Redocly's utils), and puts it
 * in `require.cache` when it is to answer `require` of that file.
 */
export function commonjsModule(filename: string, require: NodeJS.Require = createRequire(filename)): CommonjsModule {
  const module = new Module(filename) as CommonjsModule;
  module.filename = filename;
  module.paths = require.resolve.paths('a-package') ?? [];
  return module;
}
