/**
 * `npm run mutation`: StrykerJS over the generator's escape, select, openapi and naming folders and
 * the runtime (templates/runtime/files), in passes that each run only the suites that can see
 * their mutants (vitest.mutation.config.ts, MUTATION_SUITES). A mutant in module-level code (a
 * reserved word, a regex, a default) is "static": Stryker runs every test of the pass for it, so
 * the 200 static mutants of escape and naming must not wait for the select tests' spec loading or
 * the runtime's servers. The passes' JSON reports
 * are merged into reports/mutation/mutation.json (and mutation.html); a score table per file and
 * per folder is printed.
 *
 *   npm run mutation                    # the unit passes: text, select, runtime
 *   npm run mutation -- core            # the core and auth against real servers (hours)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');
const out = join(root, 'reports', 'mutation');

const passes = {
  text: ['generator/escape/**/*.ts', 'generator/naming/**/*.ts'],
  select: ['generator/select/**/*.ts', 'generator/openapi/**/*.ts'],
  runtime: ['templates/runtime/files/**/*.ts', '!templates/runtime/files/core.ts', '!templates/runtime/files/auth.ts', '!templates/runtime/files/schemes.ts'],
  /**
   * The core, auth and the scheme makers (which only the auth and in-place suites reach), against
   * real servers: about 4 minutes on two idle cores with concurrency 2, much longer on a loaded machine.
   */
  core: ['templates/runtime/files/core.ts', 'templates/runtime/files/auth.ts', 'templates/runtime/files/schemes.ts'],
} as const;
type Pass = keyof typeof passes;

interface MutantResult {
  readonly status: string;
}
interface Report {
  readonly files: Record<string, { readonly mutants: readonly MutantResult[] }>;
  readonly [key: string]: unknown;
}

function runPass(pass: Pass): void {
  const base = JSON.parse(readFileSync(join(root, 'stryker.config.json'), 'utf8')) as Record<string, unknown>;
  const config = {
    ...base,
    mutate: passes[pass],
    jsonReporter: { fileName: `reports/mutation/${pass}.json` },
    htmlReporter: { fileName: `reports/mutation/${pass}.html` },
  };
  const configFile = join(out, `stryker.${pass}.json`);
  writeFileSync(configFile, JSON.stringify(config, null, 2));
  const result = spawnSync('npx', ['stryker', 'run', configFile], { cwd: root, stdio: 'inherit', env: { ...process.env, MUTATION_SUITES: pass } });
  if (result.status !== 0) throw new Error(`stryker (${pass}) exited with ${result.status}`);
}

/** Detected (killed or timed out) over valid mutants (no compile or runtime errors, not ignored), as Stryker counts. */
function score(mutants: readonly MutantResult[]): { detected: number; valid: number; survived: number; noCoverage: number } {
  const valid = mutants.filter((m) => !['CompileError', 'RuntimeError', 'Ignored'].includes(m.status));
  return {
    detected: valid.filter((m) => m.status === 'Killed' || m.status === 'Timeout').length,
    valid: valid.length,
    survived: valid.filter((m) => m.status === 'Survived').length,
    noCoverage: valid.filter((m) => m.status === 'NoCoverage').length,
  };
}

function table(report: Report): string {
  const rows: string[] = ['| file | score | killed | survived | no coverage |', '|---|---:|---:|---:|---:|'];
  const line = (name: string, mutants: readonly MutantResult[]): string => {
    const s = score(mutants);
    return `| ${name} | ${((100 * s.detected) / Math.max(1, s.valid)).toFixed(1)} % | ${s.detected} | ${s.survived} | ${s.noCoverage} |`;
  };
  const byFolder = new Map<string, MutantResult[]>();
  for (const [file, { mutants }] of Object.entries(report.files).sort(([a], [b]) => (a < b ? -1 : 1))) {
    rows.push(line(file, mutants));
    const folder = file.slice(0, file.lastIndexOf('/'));
    byFolder.set(folder, [...(byFolder.get(folder) ?? []), ...mutants]);
  }
  for (const [folder, mutants] of byFolder) rows.push(line(`**${folder}/**`, mutants));
  rows.push(line('**all**', Object.values(report.files).flatMap((f) => f.mutants)));
  return rows.join('\n');
}

/** One report from the passes' reports (each file belongs to one pass), and its HTML page. */
function merge(): Report {
  const reports = (Object.keys(passes) as Pass[]).map((pass) => join(out, `${pass}.json`)).filter(existsSync);
  const parsed = reports.map((file) => JSON.parse(readFileSync(file, 'utf8')) as Report);
  const merged: Report = { ...parsed[0]!, files: Object.assign({}, ...parsed.map((r) => r.files)) as Report['files'] };
  writeFileSync(join(out, 'mutation.json'), JSON.stringify(merged));
  // The HTML reporter's page embeds its report: the first pass's page, with the merged one.
  const page = readFileSync(reports[0]!.replace(/\.json$/, '.html'), 'utf8');
  const at = page.indexOf('app.report = ');
  const end = page.indexOf(';\n', at);
  writeFileSync(join(out, 'mutation.html'), `${page.slice(0, at)}app.report = ${JSON.stringify(merged).replace(/</g, '<"+"')}${page.slice(end)}`);
  return merged;
}

function main(args: readonly string[]): void {
  mkdirSync(out, { recursive: true });
  const chosen = args.length > 0 ? args : ['text', 'select', 'runtime'];
  for (const pass of chosen) {
    if (!(pass in passes)) throw new Error(`unknown pass "${pass}": expected ${Object.keys(passes).join(' or ')}`);
    runPass(pass as Pass);
  }
  console.log(`\n${table(merge())}`);
}

main(process.argv.slice(2));
