/**
 * The CommonJS entry (`require('openapi-morph')`, a `.cts` config): the ES module build itself,
 * loaded through Node's require(esm) (Node 20.19+), so CommonJS and ESM callers share one copy of
 * every class and constant. Types: the same declarations (TypeScript 5.8+ allows this under
 * `module: nodenext`; older compilers with `skipLibCheck`).
 */
export * from './index.ts';
