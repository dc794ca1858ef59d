import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect } from 'vitest';
import { repoRoot, runCli } from './cli.ts';
import { tsc } from './typecheck.ts';

export interface GeneratedExample {
  /** The temp folder the package was generated into (inside the repository, so its imports resolve). */
  readonly dir: string;
  /** What `generate` printed on stderr (warnings). */
  readonly stderr: string;
  /** Imports a module of the built package, e.g. `dist/index.js`. */
  load<T>(path: string): Promise<T>;
  remove(): void;
}

/**
 * Generates `examples/<name>` into a temp folder with `--strict` (override drift would be an
 * error) and builds it with `tsc --strict` and the package's own tsconfig: both must be clean.
 */
export async function generateExample(name: string): Promise<GeneratedExample> {
  const base = join(repoRoot, '.scratch');
  mkdirSync(base, { recursive: true });
  const dir = mkdtempSync(join(base, `example-${name}-`));
  const run = await runCli(['generate', '--config', `examples/${name}/openapi-morph.config.ts`, '--out', dir, '--strict'], repoRoot);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  // The package's own tsconfig (strict, exactOptionalPropertyTypes, no Node types), built to dist/.
  expect(tsc(['-p', join(dir, 'tsconfig.json'), '--strict']).output).toBe('');
  return {
    dir,
    stderr: run.stderr,
    load: async <T>(path: string) => (await import(pathToFileURL(join(dir, path)).href)) as T,
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
