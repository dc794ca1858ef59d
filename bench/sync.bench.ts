/**
 * Wall time and peak memory of `openapi-morph sync` from an upstream snapshot, as a user runs it:
 * a fresh copy of this project in the OS temp folder per run, the real bin in a child process,
 * measured by `/usr/bin/time -v` (elapsed wall clock, maximum resident set size). Prints the median
 * of N runs for each case. Part of `npm run bench`, or run alone with options:
 *
 *   npx tsx bench/sync.bench.ts [--runs 5] [--snapshot FILE] [--bin FILE (default: this build, installed: measure.ts)] [--case single|all]...
 *
 * Upstream output only ever goes to the temp copies, which are removed when every run is done; the
 * runs wait until creating a file is cheap first (measure.ts `settleFileCreation`; see
 * peers.bench.ts on why: `--all` writes more than a thousand files).
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { inQuietFolder, installedToolkit, timedNode } from './measure.ts';
import { median, type Benchmark } from './types.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const upstream = join(root, '..', 'shared', 'openai-spec');

/** The repository's own config, written as plain JS into each temp copy (so the copied generated/ matches it). */
const CONFIG = (await import('../openapi-morph.config.ts')).default;

const cases: Record<string, readonly string[]> = {
  single: ['--path', '/realtime/sessions'],
  all: ['--all'],
};

interface Settings {
  readonly runs: number;
  readonly snapshot: string | undefined;
  readonly bin: string;
  readonly cases: readonly string[];
}

interface CaseResult {
  readonly name: string;
  readonly seconds: number;
  readonly cpu: number;
  readonly mib: number;
  readonly times: readonly number[];
}

function newestSnapshot(): string | undefined {
  return existsSync(upstream) ? join(upstream, readdirSync(upstream).filter((f) => /^\d\d-.*\.yaml$/.test(f)).sort().at(-1)!) : undefined;
}

/** One `sync` in a copy of this project under `work`, removed with `work` when every run is done (see peers.bench.ts on deleting files). */
function once(snapshot: string, bin: string, args: readonly string[], work: string): { seconds: number; cpu: number; mib: number } {
  const dir = mkdtempSync(join(work, 'run-'));
  cpSync(join(root, 'spec'), join(dir, 'spec'), { recursive: true });
  // The repository's config as plain JS: a .ts config outside the repository has no package.json saying "module".
  writeFileSync(join(dir, 'openapi-morph.config.mjs'), `export default ${JSON.stringify(CONFIG)};\n`);
  cpSync(join(root, 'generated'), join(dir, 'generated'), { recursive: true, filter: (src) => !/[\\/](dist|node_modules)$/.test(src) });
  return timedNode([bin, 'sync', '--from', snapshot, ...args], dir, { TMPDIR: dir });
}


function measure(settings: Settings): { snapshot: string; results: CaseResult[] } {
  const snapshot = settings.snapshot ?? newestSnapshot();
  if (!snapshot) throw new Error(`no snapshot: pass --snapshot FILE (the shared snapshots are not at ${upstream})`);
  const { result: results } = inQuietFolder('om-bench-', (work) =>
    settings.cases.map((name) => {
      const runs = Array.from({ length: settings.runs }, () => once(snapshot, settings.bin, cases[name]!, work));
      const times = runs.map((r) => r.seconds);
      return { name, seconds: median(times), cpu: median(runs.map((r) => r.cpu)), mib: median(runs.map((r) => r.mib)), times };
    }),
  );
  return { snapshot, results };
}

const benchmark: Benchmark = {
  name: 'sync from the newest upstream snapshot',
  description: 'Wall time, CPU time and peak RSS of `openapi-morph sync` (a child process under /usr/bin/time -v), median of 5 runs: one operation, then --all.',
  async run() {
    const { results } = measure({ runs: 5, snapshot: undefined, bin: installedToolkit(), cases: Object.keys(cases) });
    return results.flatMap((r) => [
      { label: `${r.name}: wall time`, value: r.seconds, unit: 's', note: `runs ${r.times.map((t) => t.toFixed(2)).join(', ')}` },
      { label: `${r.name}: CPU time`, value: r.cpu, unit: 's' },
      { label: `${r.name}: peak RSS`, value: Math.round(r.mib), unit: 'MiB' },
    ]);
  },
};
export default benchmark;

// Run directly (`npx tsx bench/sync.bench.ts ...`): a markdown table, with the options above.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '5' },
      snapshot: { type: 'string' },
      bin: { type: 'string' },
      case: { type: 'string', multiple: true },
    },
  });
  const bin = values.bin === undefined ? installedToolkit() : resolve(values.bin);
  const { snapshot, results } = measure({ runs: Number(values.runs), snapshot: values.snapshot, bin, cases: values.case ?? Object.keys(cases) });
  console.log(`sync from ${snapshot}, ${values.runs} runs each, bin ${bin}`);
  // CPU time (user + system) is shown too: on a shared machine it moves less with the load than wall time.
  console.log('| case | wall time (median) | CPU time (median) | peak RSS (median) | wall times (s) |');
  console.log('|---|---|---|---|---|');
  for (const r of results) {
    console.log(`| ${r.name} (${cases[r.name]!.join(' ')}) | ${r.seconds.toFixed(2)} s | ${r.cpu.toFixed(2)} s | ${r.mib.toFixed(0)} MiB | ${r.times.map((t) => t.toFixed(2)).join(', ')} |`);
  }
  console.log(`load average: ${loadavg().map((l) => l.toFixed(1)).join(' ')} (${cpus().length} cores)`);
}
