import { spawnSync } from 'node:child_process';
import { closeSync, cpSync, existsSync, mkdirSync, mkdtempSync, openSync, rmSync, symlinkSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './types.ts';

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

/**
 * What creating one empty file costs now, in microseconds: the median of 200 made in a new folder
 * under `dir`, left there for the caller to remove with `dir`. Tens of microseconds on most file
 * systems; up to about a thousand on ext4 without a journal in the minutes after many deletions
 * (see peers.bench.ts), which a tool writing a file per model pays for each.
 */
export function fileCreationMicros(dir: string): number {
  const folder = mkdtempSync(join(dir, 'create-'));
  return median(
    Array.from({ length: 200 }, (_, i) => {
      const start = process.hrtime.bigint();
      closeSync(openSync(join(folder, String(i)), 'wx'));
      return Number(process.hrtime.bigint() - start) / 1000;
    }),
  );
}

/** What creating a file may cost when the rounds begin (tens of microseconds on a quiet file system). */
const QUIET_CREATE_MICROS = 100;
/** How long the bench waits for that, at most. */
const SETTLE_LIMIT_S = 240;

/**
 * Waits until creating a file costs at most QUIET_CREATE_MICROS, or SETTLE_LIMIT_S have passed: on
 * ext4 without a journal (see bench/peers.bench.ts) the deletions of a run just before (a test
 * suite, an earlier bench) make every file created in the next minutes cost up to a millisecond,
 * which would charge openapi-morph's `--all` runs by the file (1,312 output files for OpenAI's, and
 * the format cache's entries) and its peers by almost nothing. Prints, and returns, the cost it
 * began and ended with.
 */
function settleFileCreation(work: string): string {
  const begun = Date.now();
  const first = fileCreationMicros(work);
  let cost = first;
  while (cost > QUIET_CREATE_MICROS && Date.now() - begun < SETTLE_LIMIT_S * 1000) {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10_000);
    cost = fileCreationMicros(work);
  }
  const waited = Math.round((Date.now() - begun) / 1000);
  const line = `creating a file before the rounds: ${first.toFixed(0)} µs${waited > 0 ? `, ${cost.toFixed(0)} µs after waiting ${waited} s` : ''}${cost > QUIET_CREATE_MICROS ? ' (still slow: the --all rounds pay for it)' : ''} (load average ${loadavg()[0]!.toFixed(1)})`;
  process.stderr.write(`${line}\n`);
  return line;
}

/**
 * Runs `run` in a new temp folder (`prefix`) once creating a file there is cheap
 * (`settleFileCreation`), and removes the folder, with every run's output in it, when `run` is done:
 * not run by run (see bench/peers.bench.ts). Gives `run`'s result and the line the wait printed.
 */
export function inQuietFolder<T>(prefix: string, run: (work: string) => T): { result: T; settled: string } {
  const work = mkdtempSync(join(tmpdir(), prefix));
  try {
    const settled = settleFileCreation(work);
    return { result: run(work), settled };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const bench = fileURLToPath(new URL('.', import.meta.url));
const root = join(bench, '..');

let installed: string | undefined;

/**
 * The bin of this checkout's build as a project installs it: the files `npm pack` would publish,
 * under `node_modules/openapi-morph/` of a temp folder (removed at exit), its dependencies this
 * checkout's (a `node_modules` link beside them, as npm's hoisting would find them). A source
 * checkout is not what a user runs: it hashes the toolkit's own code on every render, to know
 * whether an edit changed what it renders (inputs/render-stamp.ts); an installed version is named by
 * its version. Peers run from `bench/node_modules` the same way. Build first (`npm run build`).
 */
export function installedToolkit(): string {
  if (installed) return installed;
  const pack = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' });
  if (pack.status !== 0) throw new Error(`npm pack --dry-run failed:\n${pack.stderr}`);
  const files = (JSON.parse(pack.stdout) as [{ files: { path: string }[] }])[0].files.map((file) => file.path);
  if (!files.includes('dist/generator/bin/openapi-morph.js')) throw new Error('no build to install: run npm run build');
  const project = mkdtempSync(join(tmpdir(), 'om-bench-install-'));
  process.once('exit', () => rmSync(project, { recursive: true, force: true }));
  const dir = join(project, 'node_modules', 'openapi-morph');
  for (const file of files) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    cpSync(join(root, file), join(dir, file));
  }
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return (installed = join(dir, 'dist/generator/bin/openapi-morph.js'));
}

/** The peers and GitHub's spec (bench/package.json, bench/package-lock.json): `npm ci --prefix bench` when they are not installed yet. */
export function installPeers(): string {
  const modules = join(bench, 'node_modules');
  if (existsSync(join(modules, 'orval')) && existsSync(join(modules, '@octokit/openapi'))) return modules;
  const run = spawnSync('npm', ['ci', '--prefix', bench, '--ignore-scripts', '--no-audit', '--no-fund'], { stdio: 'inherit' });
  if (run.status !== 0) throw new Error('npm ci --prefix bench failed');
  return modules;
}
