/**
 * What we ship passes the package linters: publint (strict) and Are the Types Wrong (every
 * resolution mode: node10, node16 from CommonJS and from ESM, bundler), for the toolkit and for
 * the checked-in generated package. Each is packed once, scripts off: global-setup built both dist/s
 * from the current sources.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from './helpers/cli.ts';

const work = mkdtempSync(join(tmpdir(), 'om-lint-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function pack(dir: string): string {
  const out = execFileSync('npm', ['pack', '--ignore-scripts', '--loglevel=error', '--pack-destination', work], { cwd: dir, encoding: 'utf8' });
  return join(work, out.trim().split('\n').at(-1)!);
}

const bin = (name: string) => join(repoRoot, 'node_modules/.bin', name);
const lint = (command: string, args: readonly string[]) => {
  const run = spawnSync(bin(command), [...args], { cwd: work, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } });
  return { code: run.status, output: `${run.stdout}${run.stderr}` };
};

describe.each([
  { name: 'openapi-morph (the toolkit)', dir: repoRoot },
  { name: 'openai-realtime-client (generated/)', dir: join(repoRoot, 'generated') },
])('$name', ({ dir }) => {
  let tarball = '';
  beforeAll(() => {
    tarball = pack(dir);
  });

  it('publint --strict finds nothing', () => {
    const result = lint('publint', ['run', tarball, '--strict']);
    expect(result.output).toContain('All good!');
    expect(result.code).toBe(0);
  });

  it('attw finds no problem in any resolution mode', () => {
    const result = lint('attw', [tarball, '--format', 'table-flipped']);
    expect(result.output).toContain('No problems found');
    expect(result.code).toBe(0);
  });
});
