import { afterEach } from 'vitest';

/**
 * `lay(name, value)` sets a global for the current test (a page's `window`, a worker's scope class
 * laid over Node's); every global laid is deleted after each test. Call once per test file.
 */
export function globalsPerTest(): (name: string, value: unknown) => void {
  const g = globalThis as Record<string, unknown>;
  const laid: string[] = [];
  afterEach(() => {
    for (const name of laid.splice(0)) delete g[name];
  });
  return (name, value) => {
    laid.push(name);
    g[name] = value;
  };
}
