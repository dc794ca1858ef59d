// Build step (`npm run build`, after tsc): the CLI, the public API and the format worker bundled by
// esbuild into a few files next to tsc's output, so a run reads a handful of modules instead of one
// per source file (Node 20's ES module loader resolves, reads and links each one in turn: about a
// third of a no-op `check`). tsc's per-file output stays for the declarations and the build steps.
//
// - `dist/generator/cli.js` is the CLI; `bin/openapi-morph.js` (the package's bin) imports it.
// - `dist/generator/index.js` (the package's `import` entry, and through `index.cjs` its `require`
//   entry) replaces tsc's: the CLI and the public API share chunks, so a config, a default template
//   (which imports `openapi-morph`) and the CLI see one copy of every class and constant.
// - `dist/generator/format-worker.js` and `upstream-worker.js`: the workers the format stage and
//   `sync` start (`./format-worker.js`, `./upstream-worker.js` next to the code that starts them).
// - Every file sits in `dist/generator/`, as tsc's `toolkit.js` and `heavy.js` do, so what they find
//   relative to their own URL (the package root, `schema-validators/`) is found the same way.
// - Commands and render stages stay in chunks of their own, loaded when used (`import()` splits).
// - Packages are not bundled: they are the installed dependencies, loaded as before.
import { build } from 'esbuild';
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { toolkitRoot } from '../toolkit.ts';

const outdir = join(toolkitRoot, 'dist', 'generator');
const CHUNK = 'chunk-';
for (const name of readdirSync(outdir)) if (name.startsWith(CHUNK)) rmSync(join(outdir, name));

await build({
  absWorkingDir: toolkitRoot,
  entryPoints: [
    { in: 'generator/bin/openapi-morph.ts', out: 'cli' },
    { in: 'generator/index.ts', out: 'index' },
    { in: 'generator/format/format-worker.ts', out: 'format-worker' },
    { in: 'generator/sync/upstream-worker.ts', out: 'upstream-worker' },
    { in: 'generator/types/types-worker.ts', out: 'types-worker' },
  ],
  outdir,
  chunkNames: `${CHUNK}[hash]`,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  packages: 'external',
  // The public API by the package's own name (import-module.ts) is the bundled entry itself.
  alias: { 'openapi-morph': './generator/index.ts' },
  logLevel: 'warning',
});

writeFileSync(join(outdir, 'bin', 'openapi-morph.js'), "#!/usr/bin/env node\n// The CLI, bundled (generator/bin/build-bundle.ts).\nimport '../cli.js';\n");
