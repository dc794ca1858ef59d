/**
 * The format stage's cache gives the bytes prettier gives: its key names the plugins that ran (the
 * ones the file needs: front matter needs the yaml plugin) and, with a prettier
 * config, the options prettier resolves now (a config edited in a long-lived process counts).
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { PrintedFile } from '../../generator/emit/print.ts';
import { withHeader } from '../../generator/emit/header.ts';
import { runFormatJobs, type FormatJob, type FormatOutcome, type FormatPool } from '../../generator/format/format-jobs.ts';
import { DEFAULT_PACKAGE_SETUP, parserFor, type FormatterSetup } from '../../generator/format/formatter.ts';

/** A file's setup: a default package's plugins, and every plugin for a fence in a language with none listed. */
const DEFAULT: FormatterSetup = { kind: 'standalone', parsers: ['json', 'json-stringify', 'markdown', 'typescript'], all: false };
import { formatFiles, sharedKey, startFormatSession } from '../../generator/format/prettier.ts';
import { ENTRY_FOLDER } from '../../generator/format/format-cache.ts';
import { CHUNKED_CHARS, PAGE_SECTIONED_CHARS, SECTIONED_CHARS } from '../../generator/format/chunks.ts';
import { MorphError } from '../../generator/diagnostics/diagnostic.ts';
import { repoRoot } from '../helpers/cli.ts';
import { sha256 } from '../../generator/hash.ts';
import { renderManifest } from '../../generator/write/manifest.ts';

const template = { template: { name: 't' }, file: 't.ts' } as unknown as PrintedFile['template'];
const file = (path: string, content: string): PrintedFile => ({ path, content, template });
const FRONT_MATTER = '---\ntitle:    "x"\nlist: [ a,b ]\n---\n\n# Page\n';
const CODE = 'export const a = {b:1}\n';

describe('format stage', () => {
  const base = mkdtempSync(join(tmpdir(), 'om-format-'));
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  /**
   * Formats a page, then the page with one word changed (`text` to `words`), with one cache: the
   * second run adds two entries (the changed page's and its one changed piece's), and its output is
   * an uncached run's, holding `formatted`. Gives how many entries the first run made.
   */
  async function formatChanged(name: string, path: string, page: (word: string) => string, formatted: string): Promise<number> {
    const out = join(base, name, 'out');
    const cache = join(base, name, 'cache');
    const entries = () => readdirSync(join(cache, ENTRY_FOLDER), { recursive: true }).filter((entry) => /[0-9a-f]{64}$/.test(String(entry))).length;
    await formatFiles([file(path, page('text'))], out, cache);
    const first = entries();
    const [changed] = await formatFiles([file(path, page('words'))], out, cache);
    const [uncached] = await formatFiles([file(path, page('words'))], out);
    expect(entries() - first).toBe(2);
    expect(changed!.content).toBe(uncached!.content);
    expect(changed!.content).toContain(formatted);
    return first;
  }

  it('caches the chunks of a large file apart: after a change in one section, prettier formats only its chunk, and the file is as formatted uncached', async () => {
    const section = (i: number, word: string) => `## Section ${i}\n\nSome   ${word} about ~item~ ${i}.\n\n| Name | Type |\n|-|-|\n| **a${i}** | \`string\` |\n\n`;
    const page = (changed: string) => `# Big\n\n${Array.from({ length: 3200 }, (_, i) => section(i, i === 1600 ? changed : 'text')).join('')}`;
    expect(page('text').length).toBeGreaterThan(CHUNKED_CHARS);
    // The whole file's entry and one per chunk (64 KB each); then the changed file's and its one changed chunk's.
    expect(await formatChanged('chunked', 'docs/Big.md', page, 'Some words about ~item~ 1600.')).toBeGreaterThanOrEqual(5);
  });

  it('caches the operations of an API page apart: after a change in one, prettier formats only its section', async () => {
    const operation = (i: number, word: string) => `<a id="op${i}"></a>\n\n## op${i}\n\nDoes   ~${word}~ ${i}.\n\n### Parameters\n\n| Name | Type |\n|-|-|\n| **a${i}** | \`string\` |\n\n`;
    const page = (changed: string) => `# PetsApi\n\n${Array.from({ length: 300 }, (_, i) => operation(i, i === 150 ? changed : 'text')).join('')}`;
    expect(page('text').length).toBeGreaterThanOrEqual(PAGE_SECTIONED_CHARS);
    expect(page('text').length).toBeLessThan(CHUNKED_CHARS);
    // The whole page's entry and one per operation (not the title's, which the formatter prints without
    // prettier: format-jobs.ts `rewritten`); then the changed page's and its one changed operation's.
    expect(await formatChanged('page', 'docs/PetsApi.md', page, 'Does ~words~ 150.')).toBe(301);
  });

  it('formats markdown front matter alike, alone or beside other files, cold or cached', async () => {
    const out = join(base, 'plain', 'out');
    const cache = join(base, 'plain', 'cache');
    const alone = await formatFiles([file('docs/A.md', FRONT_MATTER)], out, cache);
    const beside = await formatFiles([file('docs/A.md', FRONT_MATTER), file('src/a.ts', CODE)], out, cache);
    const cachedAlone = await formatFiles([file('docs/A.md', FRONT_MATTER)], out, cache);
    expect(alone[0]!.content).toBe('---\ntitle: "x"\nlist: [a, b]\n---\n\n# Page\n');
    expect(beside[0]!.content).toBe(alone[0]!.content);
    expect(cachedAlone[0]!.content).toBe(alone[0]!.content);
  });

  it('with a prettier config, an edit to it applies to the next run in the same process, cache or not', async () => {
    const project = join(base, 'configured');
    const cache = join(project, 'cache');
    const out = join(project, 'out');
    mkdirSync(out, { recursive: true });
    writeFileSync(join(project, '.prettierrc.json'), '{ "semi": true }\n');
    expect((await formatFiles([file('src/a.ts', CODE)], out, cache))[0]!.content).toBe('export const a = { b: 1 };\n');
    writeFileSync(join(project, '.prettierrc.json'), '{ "semi": false }\n');
    expect((await formatFiles([file('src/a.ts', CODE)], out, cache))[0]!.content).toBe('export const a = { b: 1 }\n');
    writeFileSync(join(project, '.prettierrc.json'), '{ "semi": true }\n');
    expect((await formatFiles([file('src/a.ts', CODE)], out, cache))[0]!.content).toBe('export const a = { b: 1 };\n');
  });

  it('without a config, formats the text after the header: the bytes prettier gives for the whole file, the runtime from the build\'s seed', async () => {
    const out = join(base, 'seeded', 'out');
    const cache = join(base, 'seeded', 'cache');
    const info = { specName: 'spec/openapi.yaml', specSha256: 'ab'.repeat(32), banner: ['Copyright (c) Example'] };
    const headed = (path: string, body: string): PrintedFile => {
      const content = withHeader(path, body, info);
      return { path, content, header: content.slice(0, content.length - body.length), template };
    };
    const runtimeDir = join(repoRoot, 'templates/runtime/files');
    const runtime = readdirSync(runtimeDir).map((name) => headed(`src/runtime/${name}`, readFileSync(join(runtimeDir, name), 'utf8')));
    const files = [
      ...runtime,
      headed('README.md', '# Client\n\n```ts\nconst x = {y:1}\n```\n\n* one\n* two\n'),
      headed('src/empty.ts', ''),
      headed('src/a.ts', '// lead\n\n\nexport const a = {b:1}\n'),
      { path: 'package.json', content: '{"name":"x"}', template },
    ];
    const formatted = await formatFiles(files, out, cache);
    // What prettier gives for each whole file, header included (the format stage before the split).
    const { outcomes } = await runFormatJobs(
      files.map((file) => ({ text: file.content, parser: parserFor(file.path)!, filepath: join(out, file.path) })),
      DEFAULT_PACKAGE_SETUP,
    );
    expect(formatted.map((file) => file.content)).toStrictEqual(outcomes.map((outcome) => ('content' in outcome ? outcome.content : outcome.error)));
    // prettier formatted (and cached) only the files that are not in the seed: the runtime's all are.
    const entries = readdirSync(join(cache, ENTRY_FOLDER), { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
    expect(entries).toHaveLength(files.length - runtime.length);
    // An edited runtime file is not in the seed.
    await formatFiles([headed('src/runtime/abort.ts', `${runtime[0]!.content.slice(runtime[0]!.header!.length)}\nexport const edited = 1\n`)], out, cache);
    expect(readdirSync(join(cache, ENTRY_FOLDER), { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile())).toHaveLength(files.length - runtime.length + 1);
  });
});

/**
 * A pool that records what it is given and answers only when released, last job first (prettier on
 * the main thread gives the outcomes), so the order of the outcomes is not the order of the files.
 */
function recordingPool() {
  const posted: { job: FormatJob; setup: FormatterSetup }[] = [];
  const held: (() => Promise<void>)[] = [];
  let released = false;
  // What the session gives `assist` (the main thread's own formatting of what waits, once every file is in).
  const assists: ((job: FormatJob, setup: FormatterSetup) => Promise<FormatOutcome | undefined>)[] = [];
  const answer = async (job: FormatJob, setup: FormatterSetup) => (await runFormatJobs([job], setup)).outcomes[0]!;
  const pool: FormatPool = {
    format(job, setup) {
      posted.push({ job, setup });
      if (released) return answer(job, setup);
      return new Promise<FormatOutcome>((resolve) => held.push(async () => resolve(await answer(job, setup))));
    },
    waiting: () => [],
    assist: async (local) => void assists.push(local),
    close() {},
  };
  const release = async () => {
    released = true;
    for (const settle of held.reverse()) await settle();
  };
  return { pool, posted, release, assists };
}

describe('format session (a render hands each file over as it is printed)', () => {
  const base = mkdtempSync(join(tmpdir(), 'om-session-'));
  afterAll(() => rmSync(base, { recursive: true, force: true }));
  const info = { specName: 'spec/openapi.yaml', specSha256: 'cd'.repeat(32) };
  const headed = (path: string, body: string): PrintedFile => {
    const content = withHeader(path, body, info);
    return { path, content, header: content.slice(0, content.length - body.length), template };
  };
  const runtimeDir = join(repoRoot, 'templates/runtime/files');
  const runtimeFile = readdirSync(runtimeDir).sort()[0]!;
  const files = [
    headed('src/a.ts', CODE),
    headed(`src/runtime/${runtimeFile}`, readFileSync(join(runtimeDir, runtimeFile), 'utf8')),
    headed('docs/A.md', '# A\n\n```ts\nconst x = {y:1}\n```\n'),
    { path: 'package.json', content: '{"name":"x"}', template },
    { path: 'LICENSE', content: 'MIT\n', template },
  ];

  it('gives prettier each file it must format when it is added, and the files in the order added, whatever order the outcomes come in', async () => {
    const { pool, posted, release, assists } = recordingPool();
    const session = startFormatSession(join(base, 'streamed', 'out'), join(base, 'streamed', 'cache'), pool);
    const postedAfterEach = files.map((file) => {
      session.add(file);
      return posted.map(({ job }) => job.filepath);
    });
    // Before `done`: each file as it came, except the runtime's (the build's seed has it) and LICENSE (no parser).
    expect(postedAfterEach).toStrictEqual([['src/a.ts'], ['src/a.ts'], ['src/a.ts', 'docs/A.md'], ['src/a.ts', 'docs/A.md', 'package.json'], ['src/a.ts', 'docs/A.md', 'package.json']]);
    // Each with the plugins it needs alone, so no other file can change its key.
    expect(posted.map(({ setup }) => setup)).toStrictEqual([DEFAULT, DEFAULT, DEFAULT]);
    expect(assists).toHaveLength(0);
    const done = session.done();
    // Once every file is in, the main thread formats what waits: a text the rewrites print whole, not one that needs prettier.
    expect(assists).toHaveLength(1);
    expect(await assists[0]!({ text: '# Title\n\nSome text.\n', parser: 'markdown', filepath: 'docs/B.md' }, DEFAULT)).toStrictEqual({ content: '# Title\n\nSome text.\n', rewritten: true });
    expect(await assists[0]!({ text: 'export const a = {b:1}', parser: 'typescript', filepath: 'src/b.ts' }, DEFAULT)).toBeUndefined();
    expect(await assists[0]!({ text: '# Title\n', parser: 'markdown', filepath: 'docs/C.md' }, { kind: 'config' })).toBeUndefined();
    await release();
    const streamed = await done;
    expect(posted).toHaveLength(3);
    expect(streamed.map((file) => file.path)).toStrictEqual(files.map((file) => file.path));
    // The bytes of the format stage without a pool, where everything waits for the end.
    expect(streamed).toStrictEqual(await formatFiles(files, join(base, 'batch', 'out'), join(base, 'batch', 'cache')));
    expect(streamed[0]!.content.endsWith('export const a = { b: 1 };\n')).toBe(true);
    // Each formatted file carries the sha256 of its content for the manifest (write/manifest.ts `hashes`).
    expect(streamed.filter((file) => file.sha256 !== undefined).length).toBeGreaterThan(1);
    for (const file of streamed) if (file.sha256 !== undefined) expect(file.sha256).toBe(sha256(file.content));
  });

  it('caches only what prettier formatted: a file the formatter prints itself is printed again the next time', async () => {
    const printedItself = [
      { path: 'tsconfig.json', content: `${JSON.stringify({ compilerOptions: { strict: true, lib: ['es2022'] } }, null, 2)}\n`, template },
      { path: 'package.json', content: `${JSON.stringify({ name: 'x', version: '1.0.0' }, null, 2)}\n`, template },
    ];
    const cache = join(base, 'rewritten', 'cache');
    const entries = () => (existsSync(join(cache, ENTRY_FOLDER)) ? readdirSync(join(cache, ENTRY_FOLDER), { recursive: true }).filter((name) => String(name).length > 2) : []);
    const { pool, posted, release } = recordingPool();
    const session = startFormatSession(join(base, 'rewritten', 'out'), cache, pool);
    for (const file of [...printedItself, files[0]!]) session.add(file);
    await release();
    const formatted = await session.done();
    expect(formatted.map((file) => file.content)).toStrictEqual((await formatFiles([...printedItself, files[0]!], join(base, 'rewritten', 'uncached'))).map((file) => file.content));
    expect(entries()).toHaveLength(1);
    // The next session finds src/a.ts in the cache, and gives the formatter the other two again.
    const next = recordingPool();
    const again = startFormatSession(join(base, 'rewritten', 'out2'), cache, next.pool);
    for (const file of [...printedItself, files[0]!]) again.add(file);
    await next.release();
    await again.done();
    expect(posted.map(({ job }) => job.filepath)).toStrictEqual(['tsconfig.json', 'package.json', 'src/a.ts']);
    expect(next.posted.map(({ job }) => job.filepath)).toStrictEqual(['tsconfig.json', 'package.json']);
  });

  it('caches each outcome as it comes in, while later files are formatted, not when the session is done', async () => {
    const { pool, release } = recordingPool();
    const cache = join(base, 'early', 'cache');
    const session = startFormatSession(join(base, 'early', 'out'), cache, pool);
    for (const file of files) session.add(file);
    await release();
    const entries = () => (existsSync(join(cache, ENTRY_FOLDER)) ? readdirSync(join(cache, ENTRY_FOLDER), { recursive: true }).filter((name) => String(name).length > 2) : []);
    await vi.waitFor(() => expect(entries()).toHaveLength(3));
    expect((await session.done()).map((file) => file.path)).toStrictEqual(files.map((file) => file.path));
  });

  it('formats each file once, keyed for what it needs alone: a file in a language no other file has changes no other key', async () => {
    // A fence in a language with no plugin listed makes its page need every plugin: that page only.
    const odd = headed('docs/B.md', '# B\n\n```css\na { color: red }\n```\n');
    const { pool, posted, release } = recordingPool();
    const session = startFormatSession(join(base, 'other', 'out'), join(base, 'other', 'cache'), pool);
    for (const file of [...files, odd]) session.add(file);
    const done = session.done();
    await release();
    const formatted = await done;
    expect(posted.map(({ job, setup }) => [job.filepath, setup])).toStrictEqual([
      ['src/a.ts', DEFAULT],
      ['docs/A.md', DEFAULT],
      ['package.json', DEFAULT],
      ['docs/B.md', { ...DEFAULT, all: true }],
    ]);
    expect(formatted).toStrictEqual(await formatFiles([...files, odd], join(base, 'other-batch', 'out'), join(base, 'other-batch', 'cache')));
    // The cache holds each outcome under its file's key: a second session without that page finds them all.
    const again = recordingPool();
    const second = startFormatSession(join(base, 'other', 'out'), join(base, 'other', 'cache'), again.pool);
    for (const file of files) second.add(file);
    await again.release();
    expect(await second.done()).toStrictEqual(formatted.slice(0, files.length));
    expect(again.posted).toStrictEqual([]);
  });

  it('formats a section two pages share once (a schema and its nullable twin), each page as prettier formats it whole', async () => {
    const rows = Array.from({ length: 200 }, (_, i) => `| **p_${i}** | \`string\` | About   ~p~ ${i}. |\n`).join('');
    const page = (name: string) => file(`docs/${name}.md`, `# ${name}\n\nSchema \`${name}\`.\n\n## Properties\n\n| Name | Type | Description |\n|-|-|-|\n${rows}`);
    const pages = [page('Repository'), page('NullableRepository')];
    expect(pages[0]!.content.length).toBeGreaterThanOrEqual(SECTIONED_CHARS);
    const { pool, posted, release } = recordingPool();
    const session = startFormatSession(join(base, 'twins', 'out'), join(base, 'twins', 'cache'), pool);
    for (const page of pages) session.add(page);
    const done = session.done();
    await release();
    const formatted = await done;
    // The twin's title goes to prettier; its properties wait for the first page's.
    expect(posted.map(({ job }) => `${job.filepath}: ${job.text.split('\n')[0]}`).sort()).toStrictEqual(['docs/NullableRepository.md: # NullableRepository', 'docs/Repository.md: # Repository', 'docs/Repository.md: ## Properties']);
    for (const [i, page] of pages.entries()) {
      const [alone] = (await runFormatJobs([{ text: page.content, parser: 'markdown', filepath: page.path }], DEFAULT)).outcomes;
      expect(formatted[i]!.content).toBe('content' in alone! ? alone.content : undefined);
    }
  });

  it('shares a markdown chunk across paths, a TypeScript chunk never (prettier reads its path: .tsx)', () => {
    const md = (filepath: string) => ({ text: '## Properties\n', parser: 'markdown', filepath });
    expect(sharedKey('3', DEFAULT, md('docs/A.md'))).toBe(sharedKey('3', DEFAULT, md('docs/B.md')));
    expect(sharedKey('3', DEFAULT, md('docs/A.md'))).not.toBe(sharedKey('3', { ...DEFAULT, all: true }, md('docs/A.md')));
    expect(sharedKey('3', DEFAULT, { text: 'type A = 1;\n', parser: 'typescript', filepath: 'src/a.ts' })).toBeUndefined();
  });

  it('one OM600 per file prettier cannot format, in the order added', async () => {
    const { pool, release } = recordingPool();
    const session = startFormatSession(join(base, 'broken', 'out'), undefined, pool);
    for (const file of [headed('src/x.ts', 'export const x = {\n'), headed('src/ok.ts', CODE), headed('src/y.ts', 'export const y = [\n'), ...files.slice(2)]) session.add(file);
    const done = session.done().then(
      () => [],
      (cause: unknown) => (cause instanceof MorphError ? cause.diagnostics.map((d) => `${d.code} ${d.message.split(':')[0]}`) : [String(cause)]),
    );
    await release();
    expect(await done).toStrictEqual(['OM600 prettier could not format src/x.ts (from template "t")', 'OM600 prettier could not format src/y.ts (from template "t")']);
  });

  it("knows the runtime's files by the build's seed (printing skips their syntax check): the same text at the same path only, and not with a prettier config", () => {
    const session = startFormatSession(join(base, 'seeded-check', 'out'));
    const text = readFileSync(join(runtimeDir, runtimeFile), 'utf8');
    expect(session.seeded(`src/runtime/${runtimeFile}`, text)).toBe(true);
    expect(session.seeded(`src/runtime/${runtimeFile}`, `${text}\nexport const edited = 1;\n`)).toBe(false);
    expect(session.seeded(`src/other/${runtimeFile}`, text)).toBe(false);
    const configured = join(base, 'seeded-config');
    mkdirSync(join(configured, 'out'), { recursive: true });
    writeFileSync(join(configured, '.prettierrc.json'), '{}');
    expect(startFormatSession(join(configured, 'out')).seeded(`src/runtime/${runtimeFile}`, text)).toBe(false);
  });
});

describe('the manifest', () => {
  it("takes a file's sha256 from the format stage where it has one, else hashes the content", () => {
    const manifest = (hashes?: ReadonlyMap<string, string>) =>
      JSON.parse(
        renderManifest({
          header: { specName: 'spec/openapi.yaml', specSha256: 'cd'.repeat(32) },
          toolkit: { name: 'openapi-morph', version: '0.0.0' },
          spec: { path: 'spec/openapi.yaml', sha256: 'cd'.repeat(32), externals: [] },
          config: { path: null, sha256: null },
          templates: [],
          inputs: 'ef'.repeat(32),
          files: new Map([['a.md', 'A\n'], ['b.md', 'B\n']]),
          ...(hashes ? { hashes } : {}),
        }),
      ).files;
    expect(manifest()).toStrictEqual({ 'a.md': sha256('A\n'), 'b.md': sha256('B\n') });
    expect(manifest(new Map([['a.md', '12'.repeat(32)]]))).toStrictEqual({ 'a.md': '12'.repeat(32), 'b.md': sha256('B\n') });
  });
});
