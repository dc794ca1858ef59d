import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commands } from '../generator/cli/main.ts';
import { CONFIG_NAMES } from '../generator/config/load.ts';
import { repoRoot, runCli, spawnCli } from './helpers/cli.ts';

const version = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;

describe('CLI surface', () => {
  it('--version prints the toolkit version', () => {
    const run = spawnCli(['--version'], repoRoot);
    expect(run.stdout.trim()).toBe(version);
    expect(run.code).toBe(0);
  });

  it('--help lists every command', async () => {
    const run = await runCli(['--help'], repoRoot);
    expect(run.code).toBe(0);
    for (const command of commands) expect(run.stdout).toContain(`  ${command.name}`);
  });

  it.each(commands.map((c) => c.name))('%s --help prints its usage and exits 0', async (name) => {
    const run = await runCli([name, '--help'], repoRoot);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^Usage: openapi-morph ${name}`));
    // A --config option names every config file the folder may hold (before: only the .ts one).
    if (run.stdout.includes('--config FILE')) for (const file of CONFIG_NAMES) expect(run.stdout).toContain(file.slice(file.lastIndexOf('.')));
  });

  it('no command prints usage and exits 1', async () => {
    const run = await runCli([], repoRoot);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('Usage: openapi-morph <command>');
  });
});

describe('the generated package from the repository root', () => {
  it('imports in plain Node 20 after npm ci, with no further step', () => {
    const out = execFileSync(
      process.execPath,
      ['--input-type=module', '-e', "import { RealtimeApi, ApiError } from 'openai-realtime-client'; console.log(typeof RealtimeApi, typeof ApiError, new RealtimeApi({ apiKey: 'k' }).createRealtimeSession.length);"],
      { cwd: repoRoot, encoding: 'utf8' },
    );
    expect(out.trim()).toBe('function function 2');
  });
});
