import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** One process's cost, as `/usr/bin/time -v` reports it (children included). */
export interface ProcessCost {
  /** Elapsed wall clock, seconds. */
  readonly seconds: number;
  /** User + system CPU, seconds. */
  readonly cpu: number;
  /** Maximum resident set size, MiB. */
  readonly mib: number;
}

/** Runs `node <args>` under GNU time; throws with the process's stderr when it fails. */
export function timedNode(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): ProcessCost {
  if (!existsSync('/usr/bin/time')) throw new Error('/usr/bin/time is needed (GNU time, for the peak RSS; Debian package "time")');
  const run = spawnSync('/usr/bin/time', ['-v', process.execPath, ...args], { cwd, encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`node ${args.join(' ')} failed (${run.status}):\n${run.stderr.slice(-2000)}`);
  const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/.exec(run.stderr)!;
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(run.stderr)!;
  const cpu = ['User', 'System'].reduce((sum, kind) => sum + Number(new RegExp(`${kind} time \\(seconds\\): ([\\d.]+)`).exec(run.stderr)![1]), 0);
  return { seconds: Number(wall[1] ?? 0) * 3600 + Number(wall[2]) * 60 + Number(wall[3]), cpu, mib: Number(rss[1]) / 1024 };
}

const bench = fileURLToPath(new URL('.', import.meta.url));

/** The peers and GitHub's spec (bench/package.json, bench/package-lock.json): `npm ci --prefix bench` when they are not installed yet. */
export function installPeers(): string {
  const modules = join(bench, 'node_modules');
  if (existsSync(join(modules, 'orval')) && existsSync(join(modules, '@octokit/openapi'))) return modules;
  const run = spawnSync('npm', ['ci', '--prefix', bench, '--ignore-scripts', '--no-audit', '--no-fund'], { stdio: 'inherit' });
  if (run.status !== 0) throw new Error('npm ci --prefix bench failed');
  return modules;
}
