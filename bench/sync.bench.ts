/**
 * Wall time and peak memory of `openapi-morph sync` from an upstream snapshot, as a user runs it:
 * a fresh copy of this project in the OS temp folder per run, the real bin in a child process,
 * measured by `/usr/bin/time -v` (elapsed wall clock, maximum resident set size). Prints the median
 * of N runs for each case. Standalone: depends on nothing else in bench/.
 *
 *   npx tsx bench/sync.bench.ts [--runs 5] [--snapshot FILE] [--bin generator/bin/openapi-morph.js] [--case single|all]...
 *
 * Upstream output only ever goes to the temp copies, which are removed.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    snapshot: { type: 'string' },
    bin: { type: 'string', default: join(root, 'generator/bin/openapi-morph.js') },
    case: { type: 'string', multiple: true },
  },
});

const upstream = join(root, '..', 'shared', 'openai-spec');
const snapshot = values.snapshot ?? (existsSync(upstream) ? join(upstream, readdirSync(upstream).filter((f) => /^\d\d-.*\.yaml$/.test(f)).sort().at(-1)!) : undefined);
if (!snapshot) {
  console.error(`no snapshot: pass --snapshot FILE (the shared snapshots are not at ${upstream})`);
  process.exit(1);
}
if (!existsSync('/usr/bin/time')) {
  console.error('/usr/bin/time is needed (GNU time, for the peak RSS)');
  process.exit(1);
}

const CONFIG = {
  spec: 'spec/openapi.yaml',
  select: { include: [{ by: 'operationId', pattern: 'create-realtime-session' }] },
  output: { dir: 'generated' },
  package: { name: 'openai-realtime-client', license: 'MIT', apiKeyEnv: 'OPENAI_API_KEY' },
};

const cases: Record<string, readonly string[]> = {
  single: ['--path', '/realtime/sessions'],
  all: ['--all'],
};
const chosen = values.case ?? Object.keys(cases);
const runs = Number(values.runs);
const bin = resolve(values.bin);

function once(args: readonly string[]): { seconds: number; cpu: number; mib: number } {
  const dir = mkdtempSync(join(tmpdir(), 'om-bench-'));
  try {
    cpSync(join(root, 'spec'), join(dir, 'spec'), { recursive: true });
    // The repository's config as plain JS: a .ts config outside the repository has no package.json saying "module".
    writeFileSync(join(dir, 'openapi-morph.config.mjs'), `export default ${JSON.stringify(CONFIG)};\n`);
    cpSync(join(root, 'generated'), join(dir, 'generated'), { recursive: true, filter: (src) => !/[\\/](dist|node_modules)$/.test(src) });
    const run = spawnSync('/usr/bin/time', ['-v', process.execPath, bin, 'sync', '--from', snapshot!, ...args], { cwd: dir, encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`sync failed (${run.status}):\n${run.stderr}`);
    const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/.exec(run.stderr)!;
    const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(run.stderr)!;
    const cpu = ['User', 'System'].reduce((sum, kind) => sum + Number(new RegExp(`${kind} time \\(seconds\\): ([\\d.]+)`).exec(run.stderr)![1]), 0);
    return { seconds: Number(wall[1] ?? 0) * 3600 + Number(wall[2]) * 60 + Number(wall[3]), cpu, mib: Number(rss[1]) / 1024 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
console.log(`sync from ${snapshot}, ${runs} runs each, bin ${bin}`);
// CPU time (user + system) is shown too: on a shared machine it moves less with the load than wall time.
console.log('| case | wall time (median) | CPU time (median) | peak RSS (median) | wall times (s) |');
console.log('|---|---|---|---|---|');
for (const name of chosen) {
  const results = Array.from({ length: runs }, () => once(cases[name]!));
  const times = results.map((r) => r.seconds);
  console.log(`| ${name} (${cases[name]!.join(' ')}) | ${median(times).toFixed(2)} s | ${median(results.map((r) => r.cpu)).toFixed(2)} s | ${median(results.map((r) => r.mib)).toFixed(0)} MiB | ${times.map((t) => t.toFixed(2)).join(', ')} |`);
}
console.log(`load average: ${(await import('node:os')).loadavg().map((l) => l.toFixed(1)).join(' ')} (${(await import('node:os')).cpus().length} cores)`);
