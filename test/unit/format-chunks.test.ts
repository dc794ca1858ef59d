/**
 * A large TypeScript or markdown file formatted in chunks gives the bytes prettier gives for the
 * whole file: on real generated packages (printed, not yet formatted: our spec, @readme/oas-examples
 * documents, a seeded large document and a slice of GitHub's REST description, from the bench's or
 * the corpus's install, a suite that fails with CI set when neither is there; rendered into memory
 * here, never written to the repository), cut as finely as the chunker can, and on hand-written texts where comments, blank lines and empty
 * statements (markdown: fences, comments, lists, definitions) decide where a cut may go. A file
 * that does not parse, or that TypeScript parses and prettier rejects, still fails with the whole
 * file's line and column.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CHUNKED_CHARS, formatChunked, joinChunks, PAGE_SECTIONED_CHARS, planChunks, SECTIONED_CHARS } from '../../generator/format/chunks.ts';
import { formatOne } from '../../generator/format/format-jobs.ts';
import { formatFiles } from '../../generator/format/prettier.ts';
import type { PrintedFile } from '../../generator/emit/print.ts';
import type { ConfigOverrides } from '../../generator/config/resolve.ts';
import { chunked, formatter, MD, printed, TS, whole, type Kind } from '../helpers/chunked.ts';
import { repoRoot } from '../helpers/cli.ts';
import { githubSpec, githubSpecInput } from '../helpers/github-spec.ts';
import { largeSpec } from '../helpers/large-spec.ts';
import { describeNeeding } from '../helpers/required-input.ts';

/** `given` in chunks as small as can be: prettier's bytes for the whole text, cut (or not) as `cut` says, and never formatted whole after all. */
async function expectCut(given: string, cut: boolean, kind: Kind): Promise<void> {
  const { outcome, texts, whole: formattedWhole } = await chunked(given, 1, kind);
  expect(outcome).toStrictEqual(await whole(given, kind));
  expect(texts > 1).toBe(cut);
  expect(formattedWhole).toBe(false);
}

describe('chunked formatting of real generated TypeScript and markdown', () => {
  const base = mkdtempSync(join(tmpdir(), 'om-chunks-'));
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  const writeSpec = (name: string, text: string): string => {
    writeFileSync(join(base, name), text);
    return join(base, name);
  };

  const cases: { name: string; spec: string; overrides: ConfigOverrides; chunkChars: number }[] = [
    { name: 'our spec', spec: join(repoRoot, 'spec/openapi.yaml'), overrides: { all: true }, chunkChars: 1 },
    ...['petstore.json', 'complex-nesting.json', 'polymorphism.json', 'schema-types.json'].map((name) => ({
      name: `@readme/oas-examples ${name}`,
      spec: join(repoRoot, 'node_modules/@readme/oas-examples/3.0/json', name),
      overrides: { all: true },
      chunkChars: 1,
    })),
    { name: 'a seeded large document of our own (20 operations, 50 schemas)', spec: writeSpec('large.json', largeSpec({ seed: 5, operations: 20, schemas: 50 })), overrides: { all: true }, chunkChars: 2_000 },
  ];

  it.each(cases)('$name: every .ts and .md file, cut as finely as it can be, gives prettier\'s bytes for the whole file', ({ spec, overrides, chunkChars }) => expectCutLikeWhole(spec, base, overrides, chunkChars), 120_000);
});

// GitHub's description comes from the bench's or the corpus's install (github-spec.ts): with CI set, missing fails.
describeNeeding(githubSpecInput, 'chunked formatting of a slice of GitHub\'s REST description', () => {
  const base = mkdtempSync(join(tmpdir(), 'om-chunks-github-'));
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  it('tag security-advisories: every .ts and .md file, cut as finely as it can be, gives prettier\'s bytes for the whole file', () =>
    expectCutLikeWhole(githubSpec, base, { include: [{ by: 'tag', pattern: 'security-advisories' }] }, 2_000), 120_000);
});

/** Every .ts and .md file of the package `spec` renders, cut in chunks of `chunkChars`, formats to prettier's bytes for the whole file. */
async function expectCutLikeWhole(spec: string, base: string, overrides: ConfigOverrides, chunkChars: number): Promise<void> {
  const files = await printed(spec, base, overrides);
  expect(files.some(([path]) => path === 'src/schema.ts')).toBe(true);
  const cut = { ts: 0, md: 0 };
  for (const [path, text] of files) {
    const kind = path.endsWith('.md') ? MD : TS;
    const expected = await whole(text, kind);
    const { outcome, texts, whole: formattedWhole } = await chunked(text, chunkChars, kind);
    expect(outcome, path).toStrictEqual(expected);
    expect(formattedWhole, path).toBe(false);
    if (texts > 1) cut[kind === MD ? 'md' : 'ts']++;
    // The validation data (one component and one operation per line) is cut between them.
    if (path === 'src/validation/schemas.ts' && text.length > 4 * chunkChars) expect(texts, path).toBeGreaterThan(3);
  }
  // The schema (several interfaces), the API classes and their docs pages (a section per operation) are cut.
  expect(cut.ts).toBeGreaterThanOrEqual(2);
  expect(cut.md).toBeGreaterThanOrEqual(1);
}

describe('a markdown page of a few sections (SECTIONED_CHARS up to CHUNKED_CHARS)', () => {
  const table = (name: string, rows: number) => `## ${name}\n\n| Name | Type |\n|-|-|\n${Array.from({ length: rows }, (_, i) => `| **${name.toLowerCase()}_${i}** | \`string\` |\n`).join('')}\n`;
  /** What prettier is given for `text` formatted as the format stage does (default thresholds). */
  async function given(text: string): Promise<string[]> {
    const texts: string[] = [];
    const [outcome] = await formatChunked([{ text, ...MD }], async (jobs) => {
      texts.push(...jobs.map((job) => job.text));
      return Promise.all(jobs.map((job) => formatOne(formatter, job)));
    });
    // The bytes prettier gives the page whole (the outcome also says whether prettier was called).
    expect(outcome && 'content' in outcome && outcome.content).toBe((await whole(text, MD) as { content: string }).content);
    return texts;
  }

  it('goes to prettier in its sections of 4 KB or more, a smaller one with the text before it, and joins into the bytes of the whole page', async () => {
    const title = '# Repository\n\nA repository.\n\n';
    const properties = table('Properties', 180);
    const note = '## Note\n\nSee   *also* the example.\n\n';
    const example = `## Example\n\n\`\`\`json\n${JSON.stringify(Object.fromEntries(Array.from({ length: 400 }, (_, i) => [`key_${i}`, i])), null, 1)}\n\`\`\`\n`;
    const page = title + properties + note + example;
    expect(page.length).toBeGreaterThanOrEqual(SECTIONED_CHARS);
    expect(await given(page)).toStrictEqual([title, properties + note, example]);
  });

  it('a shorter page, or one whose sections are all small, goes whole', async () => {
    const short = `# Short\n\n${table('Properties', 30)}`;
    expect(short.length).toBeLessThan(SECTIONED_CHARS);
    expect(await given(short)).toStrictEqual([short]);
    const small = `# Many\n\n${Array.from({ length: 80 }, (_, i) => table(`S${i}`, 3)).join('')}`;
    expect(small.length).toBeGreaterThanOrEqual(SECTIONED_CHARS);
    expect(small.length).toBeLessThan(PAGE_SECTIONED_CHARS);
    expect(await given(small)).toStrictEqual([small]);
  });

  it('an API page (PAGE_SECTIONED_CHARS or more) goes in its level 1 and 2 sections, each operation with its subsections, however small', async () => {
    const title = '# PetsApi\n\nAll   about *pets*.\n\n| Method | HTTP request |\n|-|-|\n| [**listPets**](#listpets) | **GET** `/pets` |\n\n';
    const operation = (i: number) =>
      `<a id="op${i}"></a>\n\n## op${i}\n\n\`\`\`ts\nop${i}(body: Pet, options?: RequestOptions): ApiPromise<Pet>\n\`\`\`\n\nDoes   *thing* ${i}.\n\n` +
      `### Example\n\n\`\`\`ts\nimport { PetsApi } from "pets";\nconst api = new PetsApi()\nawait api.op${i}({name:'x'})\n\`\`\`\n\n` +
      `### Parameters\n\n${table('Fields', 8).slice('## Fields\n\n'.length)}#### Notes\n\n- one\n- two\n\n`;
    const operations = Array.from({ length: 80 }, (_, i) => operation(i));
    const page = title + operations.join('');
    expect(page.length).toBeGreaterThanOrEqual(PAGE_SECTIONED_CHARS);
    expect(page.length).toBeLessThan(CHUNKED_CHARS);
    expect(operations.every((text) => text.length < 4096)).toBe(true);
    // Each operation's anchor goes with the text before it: a cut falls only before a heading.
    const anchor = (i: number) => `<a id="op${i}"></a>\n\n`;
    const expected = [title + anchor(0), ...operations.map((text, i) => text.slice(anchor(i).length) + (i + 1 < operations.length ? anchor(i + 1) : ''))];
    expect(await given(page)).toStrictEqual(expected);
  });
});

describe('where a cut may go', () => {
  const cases: { name: string; given: string; cut: boolean }[] = [
    { name: 'statements with blank lines and own-line comments between them', given: 'export type A = string;\n\n\n// about B\n\n/** B */\nexport type B = {a:1};\nexport const c = 1\n\n', cut: true },
    { name: 'a comment after a statement on its line stays with it', given: 'export type A = string; // A\nexport type B = number; /* B */\n/* C */ export type C = 1;\n', cut: false },
    { name: 'and is cut after it only where a line ends with its member', given: 'export type A = string; // A\nexport type B = number;\n/* C */ export type C = 1;\n', cut: true },
    { name: 'a type-cast comment after a statement', given: 'const a = 1; /** @type {X} */\n(b);\nconst c = 2;\n', cut: true },
    { name: 'two comments on the line before a statement', given: 'type A = 1;\n/* a */ /* b */\ntype B = 2;\n/* c\n */ type C = 3;\ntype D = 4;\n', cut: true },
    { name: 'interface members with comments and blank lines, nested object types', given: 'export interface paths {\n  "/a": {\n    /** get */\n    get: 1;\n\n    // put\n    put: {\n      a: 1; // a\n      b: {\n        c: 2\n      }\n\n      d: 3,\n    };\n  }\n  "/b": { x: 1 };\n  /* last */\n}\nexport type X = 1\n', cut: true },
    { name: 'class members', given: 'export class A extends B implements C {\n  /** a */\n  a = 1\n\n  b() { return this.a }\n  static c: string;\n  // d\n  d = async () => 2;\n}\n', cut: true },
    { name: 'an object type that fits on one line', given: 'interface A {\n  a: { b: 1; c: 2 };\n  d: {\n    e: 1;\n  };\n}\n', cut: true },
    { name: 'comments at the end of the file and of a body', given: 'interface A {\n  a: 1;\n  b: 2;\n  // end of A\n}\ntype B = 1;\n// end\n/* of file */\n', cut: true },
    { name: 'empty statements', given: 'type A = 1;;\ntype B = 2;\n;\ntype C = 3;\n', cut: false },
    { name: 'prettier-ignore', given: 'type A = 1;\n// prettier-ignore\ntype B   =   2;\ntype C = 3;\n', cut: false },
    { name: 'a class with a semicolon member', given: 'class A {\n  a = 1;\n  ;\n  b = 2;\n}\n', cut: false },
    // Data: the object of a top-level const, and the objects and arrays that are its properties' values.
    {
      name: 'a data literal: arrays of pairs and of objects, nested objects, blank lines and comments between elements',
      // One statement: only the data literal's members can give a cut.
      given: 'export const data: D = {\ncomponents: [\n["a", {type:"string"}],\n\n// b\n["b", {type:"object", properties:[["x",{type:"integer"}]]}],\n["c", [1, 2]],\n["d", null],\n],\nnested: {\nobjects: [\n{a: 1, b: [2]},\n{a: 3, b: 4},\n{ a: 5, c: 6 },\n],\nsmall: [[1, 2], [3, 4]],\n},\n};\n',
      cut: true,
    },
    { name: 'an array that can fit on a line (its elements not all arrays, or not all of two items or more) is not cut', given: 'export const data = {\nmixed: [\n["a", 1],\n{ b: 2, c: 3 },\n["d", 4],\n],\nsingles: [\n["a"],\n["b"],\n["c"],\n],\n};\n', cut: true },
    { name: 'an object with a quoted or computed key is not cut (prettier may quote a key by its siblings)', given: 'export const data = {\n"a-b": [\n[1, 2],\n[3, 4],\n[5, 6],\n],\nc: 1,\n};\n', cut: false },
    { name: 'a data literal on one line is not cut', given: 'export const data = { a: [[1, 2], [3, 4], [5, 6]], b: [[1, 2], [3, 4]] };\n', cut: false },
    { name: 'a comment after an element on its line stays with it', given: 'export const data = {\na: [\n[1, 2], // one\n[3, 4],\n[5, 6], /* three */\n[7, 8],\n],\n};\n', cut: true },
  ];

  it.each(cases)('$name', ({ given, cut }) => expectCut(given, cut, TS));

  it('a chunk is a wrapper around its members: the header down to them and the closing braces', () => {
    const given = 'export interface components {\n  schemas: {\n    A: 1;\n    B: 2;\n  };\n}\n';
    const plan = planChunks(given, 1)!;
    // The two members, each in the headers and closing braces around it; the probes of the two containers.
    expect(plan.texts).toStrictEqual([
      'export interface components {\n  schemas: {\n    A: 1;\n};\n}',
      'export interface components {\n  schemas: {\n    B: 2;\n  };\n}',
      'export interface components {\n  schemas: {\n__openapiMorphChunkProbe__: 0;\n};\n}',
      'export interface components {\n__openapiMorphChunkProbe__: 0;\n}',
    ]);
    const outputs = [
      'export interface components {\n  schemas: {\n    A: 1;\n  };\n}\n',
      'export interface components {\n  schemas: {\n    B: 2;\n  };\n}\n',
      'export interface components {\n  schemas: {\n    __openapiMorphChunkProbe__: 0;\n  };\n}\n',
      'export interface components {\n  __openapiMorphChunkProbe__: 0;\n}\n',
    ];
    expect(joinChunks(plan, outputs)).toBe('export interface components {\n  schemas: {\n    A: 1;\n    B: 2;\n  };\n}\n');
    // An output that is not its wrapper around members: no join (the file is formatted whole).
    expect(joinChunks(plan, [outputs[0]!, 'export interface components {}\n', outputs[2]!, outputs[3]!])).toBeUndefined();
  });
});

describe('where markdown may be cut', () => {
  const cases: { name: string; given: string; cut: boolean }[] = [
    { name: 'sections with tight and loose lists, numbered lists, tables and code', given: '# A\n\n- a\n- b\n\n## B\n\n* c\n\n* d\n\n## C\n\n1. e\n1. f\n\n<a id="d"></a>\n\n## D\n\n|a|b|\n|-|-|\n|long cell|x|\n\n```ts\nconst x = {y:1}\n```\n\n## E\n\n    indented\n\n## F\n*x*  \n', cut: true },
    { name: 'lists on both sides of a heading keep their markers', given: '- a\n- b\n\ntext\n\n# H\n\n- c\n- d\n\n* e\n\ntext\n\n## I\n\n+ f\n', cut: true },
    { name: 'a heading inside fenced code, or an HTML comment, is not a cut', given: '# A\n\ntext\n\n```md\n\n## not a heading\n```\n\n~~~~\n```\n\n## still code\n~~~~\n\n<!--\n\n## in a comment\n\n-->\n\ntext\n', cut: false },
    { name: 'after a list item, a quote or an indented line, not cut (they could go on)', given: '- a\n\n## B\n\n> quote\n\n## C\n\n  text\n\n## D\n', cut: false },
    { name: 'definitions anywhere: not cut', given: '# A\n\n[x]\n\n## B\n\n[x]: https://example.test\n', cut: false },
    { name: 'a definition in a list item or a quote: not cut', given: '# A\n\n[x] [y]\n\n## B\n\n- item\n\n    [x]: https://example.test\n\n> [y]: https://example.test\n', cut: false },
    { name: 'front matter: not cut', given: '---\ntitle: x\n---\n\n# A\n\ntext\n\n## B\n', cut: false },
  ];

  it.each(cases)('$name', ({ given, cut }) => expectCut(given, cut, MD));
});

describe('chunked files that prettier rejects', () => {
  const big = (tail: string) => `${Array.from({ length: 5_000 }, (_, i) => `export type T${i} = { a: ${i}; b: "${'x'.repeat(40)}" };`).join('\n')}\n${tail}`;
  const template = { template: { name: 'schema' }, file: 'templates/schema.ts' } as unknown as PrintedFile['template'];

  it.each([
    { name: 'TypeScript does not parse it (not cut)', tail: 'export const broken = {\n', line: 5002 },
    { name: 'TypeScript parses it, prettier does not (cut, then formatted whole)', tail: '@decorated\nfunction f() {}\n', line: 5001 },
  ])('$name: OM600 names the file, with the whole file\'s line', async ({ tail, line }) => {
    const text = big(tail);
    expect(text.length).toBeGreaterThan(CHUNKED_CHARS);
    const out = mkdtempSync(join(tmpdir(), 'om-chunks-bad-'));
    try {
      const failure = await formatFiles([{ path: 'src/schema.ts', content: text, template }], out).then(
        () => undefined,
        (error: unknown) => error as Error,
      );
      expect(failure?.message).toContain('OM600');
      expect(failure?.message).toContain('src/schema.ts');
      expect(failure?.message).toContain(`(${line}:`);
      const expected = await whole(text);
      expect('error' in expected && failure?.message).toContain(('error' in expected ? expected.error : '').split('\n')[0]);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
