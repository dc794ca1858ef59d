/**
 * How openapi-morph's cost grows with the selection: GitHub's REST spec (13 MB, @octokit/openapi,
 * pinned in bench/package.json) with 1, 10, about 100 and all operations, each as a user runs
 * `generate` (a child process under /usr/bin/time -v, fresh output and temp folders, so the format
 * cache is cold). One run per size by default. The folders are removed when every run is done, and
 * the runs wait until creating a file is cheap (measure.ts `settleFileCreation`; see
 * peers.bench.ts on why).
 *
 *   npx tsx bench/scale.ts [--runs 1]     (not part of `npm run bench`)
 *
 * openapi-typescript runs on the same file in the same run, for the ratio. A size that fails is
 * reported with its error.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { inQuietFolder, installedToolkit, installPeers, timedNode, type ProcessCost } from './measure.ts';
import { median, type Benchmark } from './types.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const github = join(root, 'bench/node_modules/@octokit/openapi/generated/api.github.com.json');

const sizes: readonly { readonly name: string; readonly select: unknown }[] = [
  { name: '1 operation (repos/get)', select: { include: [{ by: 'operationId', pattern: 'repos/get' }] } },
  { name: '10 operations (tag security-advisories)', select: { include: [{ by: 'tag', pattern: 'security-advisories' }] } },
  { name: '111 operations (tag orgs)', select: { include: [{ by: 'tag', pattern: 'orgs' }] } },
  { name: 'all: 1,223 operations', select: 'all' },
];

const RELEASES = JSON.stringify({ releases: [{ version: '1.0.0', date: '2026-01-01', source: 'bench', summary: 'bench', changes: [] }] });

/** One `generate` in a folder of its own under `work`, removed with `work` when every run is done (see peers.bench.ts on deleting files). */
function once(select: unknown, work: string): ProcessCost {
  const dir = mkdtempSync(join(work, 'run-'));
  mkdirSync(join(dir, 'spec'));
  writeFileSync(join(dir, 'spec/releases.json'), RELEASES);
  writeFileSync(join(dir, 'openapi-morph.config.mjs'), `export default ${JSON.stringify({ spec: github, select, package: { name: 'github-client' } })};\n`);
  return timedNode([installedToolkit(), 'generate'], dir, { TMPDIR: dir });
}

/** openapi-typescript's CLI on the whole file (it has no selection), as the peer for `all`. */
function openapiTypescript(modules: string, work: string): ProcessCost {
  const dir = mkdtempSync(join(work, 'ots-'));
  return timedNode([join(modules, 'openapi-typescript/bin/cli.js'), github, '-o', join(dir, 'schema.ts')], dir);
}

function measure(runs: number): { result: { name: string; cost: ProcessCost | string }[]; settled: string } {
  const modules = installPeers();
  const peer = { name: 'openapi-typescript 7.13.0, whole file', select: undefined };
  return inQuietFolder('om-scale-', (work) =>
    [...sizes, peer].map(({ name, select }) => {
      try {
        const all = Array.from({ length: runs }, () => (select === undefined ? openapiTypescript(modules, work) : once(select, work)));
        return { name, cost: { seconds: median(all.map((c) => c.seconds)), cpu: median(all.map((c) => c.cpu)), mib: median(all.map((c) => c.mib)) } };
      } catch (error) {
        return { name, cost: `failed: ${/error (OM\d+: .*)/.exec(String(error))?.[1]?.slice(0, 160) ?? String(error).slice(0, 160)}` };
      }
    }),
  );
}

const benchmark: Benchmark = {
  name: 'scale: GitHub REST with 1, 10, 111 and all operations, and openapi-typescript',
  description: 'Wall, CPU and peak RSS of `openapi-morph generate` on @octokit/openapi api.github.com.json by selection size, one run each.',
  async run() {
    return measure(1).result.flatMap(({ name, cost }) =>
      typeof cost === 'string'
        ? [{ label: name, value: Number.NaN, unit: 's', note: cost }]
        : [
            { label: `${name}: wall`, value: cost.seconds, unit: 's', note: `CPU ${cost.cpu.toFixed(2)} s` },
            { label: `${name}: peak RSS`, value: Math.round(cost.mib), unit: 'MiB' },
          ],
    );
  },
};
export default benchmark;

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '1' } } });
  console.log('| GitHub REST (13 MB) | wall | CPU (user + sys) | peak RSS |\n|---|---|---|---|');
  const { result, settled } = measure(Number(values.runs));
  for (const { name, cost } of result) {
    console.log(typeof cost === 'string' ? `| ${name} | ${cost} | | |` : `| ${name} | ${cost.seconds.toFixed(1)} s | ${cost.cpu.toFixed(1)} s | ${cost.mib.toFixed(0)} MiB |`);
  }
  console.log(`\n${settled}\nload average: ${loadavg().map((l) => l.toFixed(1)).join(' ')} (${cpus().length} cores)`);
}
