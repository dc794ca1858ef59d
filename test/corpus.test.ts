import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readmeExamples, runDocument } from './corpus/run.ts';
import { repoRoot } from './helpers/cli.ts';

/**
 * The fast subset of the real-world corpus (`npm run corpus` runs all of it): one Swagger 2.0,
 * one OpenAPI 3.0 and one 3.1 document from `@readme/oas-examples` (a root devDependency, small),
 * each generated, built with `tsc --strict`, imported and its docs examples type-checked, as the
 * full run does.
 */
const SUBSET = ['readme/2.0/petstore.json', 'readme/3.0/petstore.json', 'readme/3.1/webhooks.json'];
const base = join(repoRoot, '.scratch');
mkdirSync(base, { recursive: true });
const work = mkdtempSync(join(base, 'corpus-subset-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('real-world corpus, fast subset', () => {
  const docs = readmeExamples(join(repoRoot, 'node_modules/@readme/oas-examples'));
  it('finds the subset in the pinned package', () => expect(SUBSET.filter((name) => !docs.some((d) => d.name === name))).toStrictEqual([]));

  it('each document generates, compiles (strict), imports and its docs examples type-check', async () => {
    const results = await Promise.all(SUBSET.map((name) => runDocument(docs.find((d) => d.name === name)!, work, 240)));
    expect(results.map((r) => `${r.name}: ${r.result} ${r.reason}`.trim())).toStrictEqual(SUBSET.map((name) => `${name}: ok`));
    expect(results.map((r) => r.operations)).toStrictEqual([expect.any(Number), expect.any(Number), 0]);
  }, 600_000);

  it('a step that outlives its timeout is killed and reported as a timeout, naming the step', async () => {
    const result = await runDocument(docs.find((d) => d.name === SUBSET[0])!, work, 0.05);
    expect({ result: result.result, reason: result.reason }).toStrictEqual({ result: 'timeout', reason: 'generate did not finish in 0.05 s (killed)' });
  });
});
