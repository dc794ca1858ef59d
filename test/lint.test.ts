/**
 * Guards that run with `npm test`: the linter (oxlint, .oxlintrc.json) and the unused-code check
 * (knip, knip.json: unused files, exports and dependencies) must both be clean.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './helpers/cli.ts';

const run = async (bin: string, args: readonly string[]): Promise<{ code: number; output: string }> => {
  try {
    const { stdout, stderr } = await promisify(execFile)(join(repoRoot, 'node_modules/.bin', bin), [...args], { cwd: repoRoot, env: { ...process.env, NO_COLOR: '1' } });
    return { code: 0, output: stdout + stderr };
  } catch (failure) {
    const { code, stdout, stderr } = failure as { code: number; stdout: string; stderr: string };
    return { code, output: stdout + stderr };
  }
};

describe('code health guards', () => {
  it('oxlint finds nothing (warnings count)', async () => {
    const { code, output } = await run('oxlint', ['--deny-warnings', '--format', 'unix']);
    expect(output.split('\n').filter((line) => /:\d+:\d+: /.test(line))).toStrictEqual([]);
    expect(code).toBe(0);
  });

  it('knip finds no unused file, export, type or dependency', async () => {
    const { code, output } = await run('knip', ['--no-progress', '--no-config-hints']);
    expect(output.trim()).toBe('');
    expect(code).toBe(0);
  });
});
