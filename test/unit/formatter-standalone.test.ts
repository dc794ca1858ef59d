/**
 * The standalone formatter (prettier's defaults) gives prettier markdown without its plain table
 * rows (markdown-rows.ts), with placeholders for its plain blocks (markdown-blocks.ts) and
 * with the fences it prints as they are marked (markdown-fences.ts), and
 * other files as they are, TypeScript parsed by babel first; `rewrites: false` gives it every
 * text as it is, TypeScript to its `typescript` parser. What prettier gets is recorded from its
 * standalone build's `format`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { seeded } from '../helpers/seeded.ts';

const sent: string[] = [];
/** The parser each text went to prettier with, in order. */
const parsedWith: string[] = [];
vi.mock('../../generator/heavy.ts', async (original) => {
  const heavy = await original<typeof import('../../generator/heavy.ts')>();
  return {
    ...heavy,
    prettierStandalone: (parsers: Iterable<string>, all: boolean) => {
      const { format, plugins } = heavy.prettierStandalone(parsers, all);
      return { plugins, format: (text: string, options: { parser: string }) => (sent.push(text), parsedWith.push(options.parser), format(text, options)) };
    },
  };
});
const { createFormatter, DEFAULT_PACKAGE_SETUP, parserFor } = await import('../../generator/format/formatter.ts');
const { prettierStandalone } = await import('../../generator/heavy.ts');
const { babelAlike } = await import('../../generator/format/babel-alike.ts');
const { STRICT_BABEL_TS } = await import('../../generator/format/strict-babel.ts');

const ROW = '| **owner** | `string` | The account owner. | required |';
const PARAGRAPH = 'Failures reject with [`ApiError`](../README.md#errors).';
const JSON_EXAMPLE = JSON.stringify({ id: 1, owner: { login: 'octocat' } }, null, 2);
const PAGE = `## reposGet\n\n\`\`\`ts\nreposGet(owner: string): ApiPromise<Repo>\n\`\`\`\n\n${PARAGRAPH}\n\n| Name | Type | Description | Notes |\n| --- | --- | --- | --- |\n${ROW}\n| ~kept~ | \`x\` | y | z |\n\n\`\`\`json\n${JSON_EXAMPLE}\n\`\`\`\n~kept~ too\n`;

describe('the standalone formatter', () => {
  it('gives prettier markdown without plain rows, plain blocks as a placeholder, a JSON example marked, and the bytes prettier gives for the page', async () => {
    const prettier = await createFormatter(DEFAULT_PACKAGE_SETUP, { rewrites: false });
    const formatter = await createFormatter(DEFAULT_PACKAGE_SETUP);
    sent.length = 0;
    const expected = await prettier.format(PAGE, 'markdown', 'docs/ReposApi.md');
    expect(sent).toStrictEqual([PAGE]);
    sent.length = 0;
    expect(await formatter.format(PAGE, 'markdown', 'docs/ReposApi.md')).toBe(expected);
    expect(sent).toHaveLength(1);
    expect(sent[0]).not.toContain(ROW);
    // The heading, the signature and the paragraph are one run of plain blocks.
    expect(sent[0]!.startsWith('openapi-morph-blocks-0\n\n| Name')).toBe(true);
    expect(sent[0]).toContain(`\`\`\`openapi-morph-verbatim\n${JSON_EXAMPLE}\n\`\`\``);
    expect(sent[0]).toContain('| ~kept~ |');
  });

  it('gives prettier the code of a README\'s TypeScript fences apart, to a strict babel, and the page with them marked: no fence of TypeScript, the bytes prettier gives', async () => {
    const example = 'const controller = new AbortController();\nsetTimeout(() => controller.abort(), 5_000); // e.g. the user navigated away\ntry {\n  await api.create({}, { signal: controller.signal, timeoutMs: 10_000 });\n} catch (error) {\n  console.error(error);\n}';
    const readme = `# pkg\n\n\`\`\`ts\n${example}\n\`\`\`\n\n| Method | Needs |\n| --- | --- |\n`;
    const prettier = await createFormatter(DEFAULT_PACKAGE_SETUP, { rewrites: false });
    const formatter = await createFormatter(DEFAULT_PACKAGE_SETUP);
    const expected = await prettier.format(readme, 'markdown', 'README.md');
    sent.length = 0;
    parsedWith.length = 0;
    expect(await formatter.format(readme, 'markdown', 'README.md')).toBe(expected);
    expect(parsedWith).toStrictEqual([STRICT_BABEL_TS, 'markdown']);
    expect(sent[0]).toBe(`${example}\n`);
    expect(sent[1]).not.toContain('```ts');
  });

  it('gives prettier\'s bytes for pages of TypeScript fences, each fence\'s code formatted apart sent to prettier without the fence', async () => {
    const random = seeded(3);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    const fence = (code: string, language = 'ts') => `\`\`\`${language}\n${code}\n\`\`\``;
    const programs = [
      'const controller = new AbortController();\nsetTimeout(() => controller.abort(), 5_000); // e.g. the user navigated away\nconst result = await api.create({}, { signal: controller.signal, timeoutMs: 10_000, maxRetries: 0 });',
      "const { data, response, requestId } = await api.create({ model: \"m\" }).withResponse();\nconsole.log(response.headers.get('x-ratelimit-remaining-requests'), requestId, data);",
      'try {\n  await api.create();\n} catch (error) {\n  if (!(error instanceof ApiError)) throw error;\n}',
      'const   x = {a:1}',
      'interface A { a: string; b?: number }',
      'export async function f(a: number) { return await g(a) }',
    ];
    const pieces = [
      () => `## ${pick(['Usage', 'Errors', 'Cancel a call'])}`,
      () => pick(['Failures reject with `ApiError`.', 'A *note*   with  spaces.', '- a list\n- of two']),
      () => fence(pick(programs), pick(['ts', 'typescript'])),
      () => fence(pick(['foo(bar): Baz', 'const x = ;', 'const d = new Date(2024, 08, 01);', 'const port = env.PORT ?? throw new Error("x");'])),
      () => fence(JSON.stringify({ a: [1, 2] }, null, 2), 'json'),
      () => '- item\n\n  ```ts\n  const   a=1\n  ```',
    ];
    const formatter = await createFormatter(DEFAULT_PACKAGE_SETUP);
    const prettier = await createFormatter(DEFAULT_PACKAGE_SETUP, { rewrites: false });
    let apart = 0;
    for (let n = 0; n < 40; n++) {
      const text = `${Array.from({ length: 3 + Math.floor(random() * 5) }, () => pick(pieces)()).join('\n\n')}\n`;
      const expected = await prettier.format(text, 'markdown', 'docs/A.md');
      sent.length = 0;
      parsedWith.length = 0;
      expect(await formatter.format(text, 'markdown', 'docs/A.md'), text).toBe(expected);
      const markdown = sent.filter((_, i) => parsedWith[i] === 'markdown');
      for (const code of programs) {
        if (!sent.includes(`${code}\n`)) continue;
        apart++;
        expect(markdown.some((page) => page.includes(`\n${code}\n`)), code).toBe(false);
      }
    }
    expect(apart).toBeGreaterThan(30);
  });

  it('gives prettier other files as they are', async () => {
    const formatter = await createFormatter(DEFAULT_PACKAGE_SETUP);
    sent.length = 0;
    const code = `// ${ROW}\nexport const a = 1;\n`;
    await formatter.format(code, 'typescript', 'src/a.ts');
    expect(sent).toStrictEqual([code]);
  });
});

describe('JSON in the standalone formatter', () => {
  it('lays out a JSON file as JSON.stringify writes it without prettier, for the bytes prettier gives; other JSON goes to prettier', async () => {
    const prettier = await createFormatter(DEFAULT_PACKAGE_SETUP, { rewrites: false });
    const formatter = await createFormatter(DEFAULT_PACKAGE_SETUP);
    const written = `${JSON.stringify({ name: 'x', files: ['dist', 'src'], scripts: { build: 'tsc' }, keywords: [] }, null, 2)}\n`;
    const expected = await prettier.format(written, 'json', 'package.json');
    sent.length = 0;
    expect(await formatter.format(written, 'json', 'package.json')).toBe(expected);
    expect(sent).toStrictEqual([]);
    for (const other of ['{"name":"x"}\n', JSON.stringify({ a: 1 }, null, 2), `${JSON.stringify({ a: 1e21 }, null, 2)}\n`]) {
      const printed = await prettier.format(other, 'json', 'package.json');
      sent.length = 0;
      expect(await formatter.format(other, 'json', 'package.json')).toBe(printed);
      expect(sent).toStrictEqual([other]);
    }
  });
});

describe('package.json in the standalone formatter', () => {
  it("takes the parser prettier infers from a file's name: json-stringify for package.json, json for others", () => {
    expect(['package.json', 'a/package.json', 'package-lock.json', 'composer.json', 'tsconfig.json', 'x.json', 'a/package.json.md'].map(parserFor)).toStrictEqual([
      'json-stringify',
      'json-stringify',
      'json-stringify',
      'json-stringify',
      'json',
      'json',
      'markdown',
    ]);
  });

  it('keeps a package.json as JSON.stringify writes it without prettier, the bytes prettier gives; other text goes to prettier', async () => {
    const prettier = await createFormatter(DEFAULT_PACKAGE_SETUP, { rewrites: false });
    const formatter = await createFormatter(DEFAULT_PACKAGE_SETUP);
    const written = `${JSON.stringify({ name: 'x', files: ['dist', 'src'], typesVersions: { '*': { v: ['./v.d.ts'] } }, keywords: [], o: {}, n: [1, -2.5, true, null] }, null, 2)}\n`;
    const expected = await prettier.format(written, 'json-stringify', 'package.json');
    sent.length = 0;
    expect(await formatter.format(written, 'json-stringify', 'package.json')).toBe(expected);
    expect(sent).toStrictEqual([]);
    // What prettier's CLI infers for the file gives the same bytes (`prettier --check` in a project).
    const { format } = await import('prettier');
    expect(await format(written, { filepath: 'package.json' })).toBe(written);
    for (const other of ['{"files":["a"]}\n', JSON.stringify({ a: 1 }, null, 2), `{\n  "a": "\\u2028"\n}\n`]) {
      const printed = await format(other, { filepath: 'package.json' });
      sent.length = 0;
      expect(await formatter.format(other, 'json-stringify', 'package.json')).toBe(printed);
      expect(sent).toStrictEqual([other]);
    }
  });
});

describe('TypeScript in the standalone formatter', () => {
  const record = async (run: () => Promise<string>): Promise<{ output: string; parsers: string[] }> => {
    parsedWith.length = 0;
    const output = await run();
    return { output, parsers: [...parsedWith] };
  };
  const CODE = 'export interface A { "a-b"?: string; c: A | null }\nexport class B { constructor(private readonly x?: number) {} async m(): Promise<void> { return } }\n';

  it('parses a TypeScript file with babel-ts, for the bytes the typescript parser gives', async () => {
    const prettier = await createFormatter(DEFAULT_PACKAGE_SETUP, { rewrites: false });
    const formatter = await createFormatter(DEFAULT_PACKAGE_SETUP);
    const expected = await record(() => prettier.format(CODE, 'typescript', 'src/a.ts'));
    expect(expected.parsers).toStrictEqual(['typescript']);
    expect(await record(() => formatter.format(CODE, 'typescript', 'src/a.ts'))).toStrictEqual({ output: expected.output, parsers: ['babel-ts'] });
  });

  it('gives the typescript parser\'s bytes for every TypeScript file of the runtime template and of the generated package, parsing with babel-ts those babelAlike takes', async () => {
    const prettier = await createFormatter(DEFAULT_PACKAGE_SETUP, { rewrites: false });
    const formatter = await createFormatter(DEFAULT_PACKAGE_SETUP);
    const files = ['templates/runtime/files', 'generated/src', 'generated/src/runtime'].flatMap((dir) => readdirSync(dir).filter((name) => name.endsWith('.ts')).map((name) => `${dir}/${name}`));
    expect(files.length).toBeGreaterThan(20);
    let babel = 0;
    for (const file of files) {
      // The generated files as they would be before formatting: prettier's output, its lines joined where it broke them.
      const text = readFileSync(file, 'utf8').replace(/,\n\s+/g, ', ');
      const expected = await prettier.format(text, 'typescript', file);
      const parser = babelAlike(text) ? 'babel-ts' : 'typescript';
      if (parser === 'babel-ts') babel++;
      expect(await record(() => formatter.format(text, 'typescript', file)), file).toStrictEqual({ output: expected, parsers: [parser] });
    }
    // The package's own files (API classes, types, models); the runtime's hold code babelAlike refuses (template literals, loops).
    expect(babel).toBeGreaterThan(5);
  });

  it('formats a text babel refuses with the typescript parser', async () => {
    const formatter = await createFormatter(DEFAULT_PACKAGE_SETUP);
    expect(await record(() => formatter.format('module A { }\n', 'typescript', 'src/a.ts'))).toStrictEqual({ output: 'module A {}\n', parsers: ['babel-ts', 'typescript'] });
  });

  it.each(['let a = /** @type {X} */ (b);\n', 'let a = /** @satisfies {X} */ (b);\n', 'export const a = 1; // @type\n'])('formats a text that may hold a JSDoc type cast with the typescript parser: %j', async (text) => {
    const prettier = await createFormatter(DEFAULT_PACKAGE_SETUP, { rewrites: false });
    const formatter = await createFormatter(DEFAULT_PACKAGE_SETUP);
    const expected = await prettier.format(text, 'typescript', 'src/a.ts');
    expect(await record(() => formatter.format(text, 'typescript', 'src/a.ts'))).toStrictEqual({ output: expected, parsers: ['typescript'] });
  });

  it('reports the typescript parser\'s error for a text neither parses', async () => {
    const prettier = await createFormatter(DEFAULT_PACKAGE_SETUP, { rewrites: false });
    const formatter = await createFormatter(DEFAULT_PACKAGE_SETUP);
    const broken = 'export const a = ;\n';
    const expected = await prettier.format(broken, 'typescript', 'src/a.ts').then(String, (error: Error) => error.message);
    parsedWith.length = 0;
    await expect(formatter.format(broken, 'typescript', 'src/a.ts')).rejects.toThrow(expected);
    expect(parsedWith).toStrictEqual(['babel-ts', 'typescript']);
  });

  it('gives prettier the typescript parser as a function that loads its plugin when called', () => {
    const lazy = prettierStandalone(['typescript'], false).plugins.map((plugin) => plugin.parsers?.['typescript']).filter((parser) => parser !== undefined);
    expect(lazy).toHaveLength(1);
    expect(typeof lazy[0]).toBe('function');
    const parser = (lazy[0] as unknown as () => { parse: unknown; astFormat: string })();
    expect(parser.astFormat).toBe('estree');
    expect(typeof parser.parse).toBe('function');
  });

  it('formats a TypeScript fence in markdown with the typescript parser', async () => {
    const formatter = await createFormatter(DEFAULT_PACKAGE_SETUP);
    const page = '# A\n\n```ts\nmodule A { }\nconst a = {b:1}\n```\n';
    expect(await formatter.format(page, 'markdown', 'docs/A.md')).toBe('# A\n\n```ts\nmodule A {}\nconst a = { b: 1 };\n```\n');
  });
});
