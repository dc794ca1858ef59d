import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { main } from '../../generator/cli/main.ts';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const binPath = fileURLToPath(new URL('../../dist/generator/bin/openapi-morph.js', import.meta.url));

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI in this process (fast); output captured. */
export async function runCli(args: readonly string[], cwd: string): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    cwd,
    out: (text) => {
      stdout += `${text}\n`;
    },
    err: (text) => {
      stderr += `${text}\n`;
    },
    color: false,
  });
  return { code, stdout, stderr };
}

const renameFault = fileURLToPath(new URL('./rename-fault.mjs', import.meta.url));

/**
 * Runs the real `openapi-morph` bin in a child process, as a user would. `killAfterRenames: N`
 * preloads test/helpers/rename-fault.mjs, which kills the process (SIGKILL) after N renames of
 * output files: a crash in the middle of an all-or-nothing write. `preload`: other plain-JS
 * modules to `--import` first (probes that wrap a built-in). `bin`: another build's bin (a
 * toolkit copy, test/helpers/toolkit-copy.ts).
 */
export function spawnCli(
  args: readonly string[],
  cwd: string,
  env: NodeJS.ProcessEnv = {},
  options: { readonly killAfterRenames?: number; readonly preload?: readonly string[]; readonly bin?: string } = {},
): CliRun {
  const fault = options.killAfterRenames;
  const preload = [...(fault === undefined ? [] : [renameFault]), ...(options.preload ?? [])].flatMap((file) => ['--import', pathToFileURL(file).href]);
  const result = spawnSync(process.execPath, [...preload, options.bin ?? binPath, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ...env, ...(fault === undefined ? {} : { RENAME_FAULT_AFTER: String(fault) }) },
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}
