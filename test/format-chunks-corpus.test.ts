/**
 * Chunked formatting on every document of `@readme/oas-examples` (a root devDependency, 61
 * documents of Swagger 2.0, OpenAPI 3.0 and 3.1): each package's printed TypeScript and markdown
 * files, cut as finely as the chunker can (TypeScript members, markdown sections, tables in groups
 * of rows), give prettier's bytes for the whole file, and none goes whole after all (the chunker
 * refused what it could not prove instead). `format-chunks.test.ts` runs four of them; this runs in
 * `npm run test:slow`. A document the corpus lists as refused by `generate`
 * (test/corpus/known-failures.json) must be refused by the render.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { knownFailures, readmeExamples } from './corpus/run.ts';
import { chunked, MD, printed, TS, whole } from './helpers/chunked.ts';
import { repoRoot } from './helpers/cli.ts';

const documents = readmeExamples(join(repoRoot, 'node_modules/@readme/oas-examples'));
// Refused by `generate` (its known failures at the other steps are packages that render).
const known = knownFailures();
const invalid = new Set(Object.keys(known).filter((name) => known[name]!.startsWith('generate: ')));
const base = mkdtempSync(join(tmpdir(), 'om-chunks-corpus-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('chunked formatting of every @readme/oas-examples package', () => {
  it('finds the documents', () => expect(documents.length).toBeGreaterThanOrEqual(60));

  it.each(documents.filter((d) => !invalid.has(d.name)))('$name: every .ts and .md file, cut as finely as it can be, gives prettier\'s bytes for the whole file', async ({ path }) => {
    const files = await printed(path, base, { all: true });
    expect(files.length).toBeGreaterThan(0);
    const cut: string[] = [];
    for (const [file, text] of files) {
      const kind = file.endsWith('.md') ? MD : TS;
      const { outcome, texts, whole: wentWhole } = await chunked(text, 1, kind);
      expect({ file, outcome, wentWhole }).toStrictEqual({ file, outcome: await whole(text, kind), wentWhole: false });
      if (texts > 1) cut.push(file);
    }
    // Every package has its schema and its README, both cut.
    expect(cut).toContain('src/schema.ts');
    expect(cut).toContain('README.md');
  }, 240_000);

  it.each(documents.filter((d) => invalid.has(d.name)))('$name (invalid) is refused', async ({ path }) => {
    await expect(printed(path, base, { all: true })).rejects.toThrow(/OM2\d\d/);
  });
});
