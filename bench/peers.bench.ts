/**
 * openapi-morph beside its peers on the same documents: openapi-typescript (types only),
 * @hey-api/openapi-ts and orval (clients), pinned in bench/package.json and installed by `npm run
 * bench` (`npm ci --prefix bench`), so the toolkit's own install does not carry them. Each tool
 * runs as a user runs it (its CLI, a child process under /usr/bin/time -v, a fresh output folder
 * and a fresh temp folder, so openapi-morph's format cache is cold); rounds are interleaved (every
 * tool once per case, then again) and the median of the rounds is reported, with our ratio to
 * each peer. Peers generate a whole document; for one operation they get the subset
 * `openapi-morph extract` writes (so they do not pay for parsing 3 MB), openapi-morph the whole file.
 *
 *   npx tsx bench/peers.bench.ts [--rounds 3] [--case NAME]...
 *
 * Generated code goes to temp folders only, which are removed when every round has run, not after
 * each run: on a file system that checks for recently deleted inodes before it reuses one (ext4
 * without a journal, as on the machines this project runs on: `recently_deleted` in the kernel's
 * fs/ext4/ialloc.c, for 1 to 6 minutes after a deletion), every file created soon after thousands
 * were deleted costs up to about a millisecond of kernel time, so deleting a run's output would
 * charge the next runs by how many files they write (openapi-morph's `--all` of OpenAI writes 1,312
 * output files and its format cache's entries, openapi-typescript one). Before the rounds the bench
 * waits, up to 4 minutes, until creating a file is cheap again (measure.ts `settleFileCreation`),
 * and prints what it cost.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { inQuietFolder, installedToolkit, installPeers, timedNode, type ProcessCost } from './measure.ts';
import { median, type Benchmark, type Measurement } from './types.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const modules = join(root, 'bench/node_modules');
const upstreamDir = join(root, '..', 'shared', 'openai-spec');
const github = join(modules, '@octokit/openapi/generated/api.github.com.json');

/** A document and openapi-morph's selection flags. */
interface Case {
  readonly name: string;
  readonly spec: string;
  /** openapi-morph's selection flags. */
  readonly select: readonly string[];
  /** One operation: peers get `extract`'s subset. */
  readonly single: boolean;
}

function cases(): Case[] {
  const upstream = existsSync(upstreamDir) ? join(upstreamDir, readdirSync(upstreamDir).filter((f) => /^\d\d-.*\.yaml$/.test(f)).sort().at(-1)!) : undefined;
  return [
    { name: 'spec/openapi.yaml (1 operation)', spec: join(root, 'spec/openapi.yaml'), select: [], single: false },
    ...(upstream
      ? [
          { name: 'OpenAI 3 MB, 1 operation', spec: upstream, select: ['--path', '/realtime/sessions'], single: true },
          { name: 'OpenAI 3 MB, all', spec: upstream, select: ['--all'], single: false },
        ]
      : []),
    { name: 'GitHub 13 MB, 1 operation', spec: github, select: ['--operation-id', 'repos/get'], single: true },
    { name: 'GitHub 13 MB, all', spec: github, select: ['--all'], single: false },
  ];
}

type Tool = (spec: string, out: string, c: Case) => { args: string[]; cwd: string };

const RELEASES = JSON.stringify({ releases: [{ version: '1.0.0', date: '2026-01-01', source: 'bench', summary: 'bench', changes: [] }] });

const tools: Record<string, Tool> = {
  'openapi-morph': (spec, out, c) => {
    mkdirSync(join(out, 'spec'), { recursive: true });
    writeFileSync(join(out, 'spec/releases.json'), RELEASES);
    return { args: [installedToolkit(), 'generate', '--spec', c.spec, '--out', 'client', ...c.select], cwd: out };
  },
  'openapi-typescript': (spec, out) => ({ args: [join(modules, 'openapi-typescript/bin/cli.js'), spec, '-o', join(out, 'schema.ts')], cwd: out }),
  '@hey-api/openapi-ts': (spec, out) => ({ args: [join(modules, '@hey-api/openapi-ts/dist/run.mjs'), '-i', spec, '-o', join(out, 'client')], cwd: out }),
  orval: (spec, out) => ({ args: [join(modules, 'orval/dist/bin/orval.js'), '--input', spec, '--output', join(out, 'api.ts')], cwd: out }),
};

/**
 * The subset of one operation, written by `openapi-morph extract`, for peers (not measured), in a
 * folder of its own: every case's subset had been `subset.yaml` in one folder, so until 2026-12-06
 * the peers of OpenAI's one operation were given GitHub's (`repos/get`), extracted after it.
 */
function extracted(c: Case, dir: string): string {
  const file = join(mkdtempSync(join(dir, 'subset-')), 'subset.yaml');
  const run = spawnSync(process.execPath, [installedToolkit(), 'extract', '--from', c.spec, '--out', file, ...c.select], { cwd: dir, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`extract failed: ${run.stderr}`);
  return file;
}

type Cost = ProcessCost | { readonly failed: string };

function measure(rounds: number, only: readonly string[]): { result: Map<string, Map<string, Cost[]>>; settled: string } {
  installPeers();
  return inQuietFolder('om-peers-', (work) => {
    const results = new Map<string, Map<string, Cost[]>>();
    const chosen = cases().filter((c) => only.length === 0 || only.some((o) => c.name.includes(o)));
    const inputs = new Map(chosen.map((c) => [c.name, c.single ? extracted(c, work) : c.spec]));
    for (let round = 0; round < rounds; round++) {
      for (const c of chosen) {
        for (const [name, tool] of Object.entries(tools)) {
          const out = mkdtempSync(join(work, 'run-'));
          const { args, cwd } = tool(name === 'openapi-morph' ? c.spec : inputs.get(c.name)!, out, c);
          let cost: Cost;
          try {
            cost = timedNode(args, cwd, { TMPDIR: out });
          } catch (error) {
            const text = error instanceof Error ? error.message : String(error);
            cost = { failed: (/error (OM\d+: .*)/.exec(text)?.[1] ?? text.split('\n').slice(1, 3).join(' ')).slice(0, 160) };
          }
          // Progress on stderr, so a long run shows its figures as they come.
          process.stderr.write(`round ${round + 1} | ${c.name} | ${name} | ${'failed' in cost ? cost.failed : `${cost.seconds.toFixed(2)} s wall, ${cost.cpu.toFixed(2)} s CPU, ${cost.mib.toFixed(0)} MiB`}\n`);
          const byTool = results.get(c.name) ?? new Map<string, Cost[]>();
          results.set(c.name, byTool.set(name, [...(byTool.get(name) ?? []), cost]));
        }
      }
    }
    return results;
  });
}

interface Row {
  readonly caseName: string;
  readonly tool: string;
  readonly cost: ProcessCost | undefined;
  readonly failed: string | undefined;
}

function rows(results: Map<string, Map<string, Cost[]>>): Row[] {
  return [...results].flatMap(([caseName, byTool]) =>
    [...byTool].map(([tool, costs]) => {
      const ok = costs.filter((c): c is ProcessCost => !('failed' in c));
      const failed = costs.find((c): c is { failed: string } => 'failed' in c)?.failed;
      const cost = ok.length === costs.length ? { seconds: median(ok.map((c) => c.seconds)), cpu: median(ok.map((c) => c.cpu)), mib: median(ok.map((c) => c.mib)) } : undefined;
      return { caseName, tool, cost, failed };
    }),
  );
}

/** Ours / theirs, for wall, CPU and peak memory. */
function ratio(ours: ProcessCost | undefined, theirs: ProcessCost | undefined): string {
  if (!ours || !theirs) return '-';
  return `${(ours.seconds / theirs.seconds).toFixed(2)}x wall, ${(ours.cpu / theirs.cpu).toFixed(2)}x CPU, ${(ours.mib / theirs.mib).toFixed(2)}x MiB`;
}

function table(all: Row[]): string {
  const lines = ['| document | tool | wall (s) | CPU (s) | peak MiB | openapi-morph / tool |', '|---|---|---|---|---|---|'];
  for (const row of all) {
    const ours = all.find((r) => r.caseName === row.caseName && r.tool === 'openapi-morph')?.cost;
    const figures = row.cost ? `${row.cost.seconds.toFixed(2)} | ${row.cost.cpu.toFixed(2)} | ${row.cost.mib.toFixed(0)}` : `failed: ${row.failed} | | `;
    lines.push(`| ${row.caseName} | ${row.tool} | ${figures} | ${row.tool === 'openapi-morph' ? '' : ratio(ours, row.cost)} |`);
  }
  return lines.join('\n');
}

const ROUNDS = 3;

const benchmark: Benchmark = {
  name: 'openapi-morph beside openapi-typescript, @hey-api/openapi-ts and orval',
  description: `Wall, CPU and peak RSS of each tool's CLI on the same documents (our spec, the newest OpenAI snapshot with one operation and all, GitHub's spec), rounds interleaved, median of ${ROUNDS}.`,
  async run() {
    const { result, settled } = measure(ROUNDS, []);
    const all = rows(result);
    console.log(`${table(all)}\n\n${settled}`);
    return all.flatMap((r): Measurement[] =>
      r.cost ? [{ label: `${r.caseName}: ${r.tool}`, value: r.cost.seconds, unit: 's', note: `CPU ${r.cost.cpu.toFixed(2)} s, ${r.cost.mib.toFixed(0)} MiB` }] : [{ label: `${r.caseName}: ${r.tool}`, value: Number.NaN, unit: 's', note: `failed: ${r.failed}` }],
    );
  },
};
export default benchmark;

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { rounds: { type: 'string', default: String(ROUNDS) }, case: { type: 'string', multiple: true } } });
  const { result, settled } = measure(Number(values.rounds), values.case ?? []);
  console.log(`${table(rows(result))}\n\n${settled}`);
  console.log(`load average: ${loadavg().map((l) => l.toFixed(1)).join(' ')} (${cpus().length} cores)`);
}
