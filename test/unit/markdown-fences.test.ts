/**
 * Fenced code that prettier prints as it is (markdown-fences.ts: a method's signature in the docs
 * pages, which it cannot parse; JSON as `JSON.stringify(value, null, 2)` prints it, laid out as
 * prettier lays it out) goes to prettier as a language it does not format, and gets its language
 * back: the result is prettier's own output, and prettier never parses that code. Code it would
 * change or could parse is sent as it is, and an output whose marks are not the ones sent, or a
 * failure, sends the text as it is.
 */
import { describe, expect, it } from 'vitest';
import { formattedFences, formatWithVerbatimFences, markVerbatimFences, UNFORMATTED_LANGUAGES, unmarkFences, unparsable } from '../../generator/format/markdown-fences.ts';
import { formatWithPlainBlocks } from '../../generator/format/markdown-blocks.ts';
import { createFormatter, DEFAULT_PACKAGE_SETUP, fileSetup } from '../../generator/format/formatter.ts';
import { prettierStandalone } from '../../generator/heavy.ts';
import { expectFallback, format, recorded, typescriptAlone } from '../helpers/rewrites.ts';

/** `text` formatted with its unparsable fences marked: the result, and the texts prettier got. */
const marked = (text: string) => recorded(formatWithVerbatimFences, text);

const SIGNATURES = [
  'reposGet(owner: string, repo: string, options?: RequestOptions): ApiPromise<FullRepository>',
  'list(options?: RequestOptions): ApiPromise<Pet[]>',
  'ping(): ApiPromise<void>',
  'delete(id: number): ApiPromise<void>',
  'new(a: string): Thing',
  'if(x: T): U',
  'function(x: T): U',
  'async(x: T): U',
  'search(q: "a(" | "b)", page?: number):    ApiPromise<{ a: 1 }>',
];
const fence = (code: string, language = 'ts'): string => `\`\`\`${language}\n${code}\n\`\`\`\n`;
const page = (code: string, language = 'ts'): string => `## op\n\n${fence(code, language)}\n**Get    it**\n\n${fence('const   x = {a:1}')}`;

const JSONS = [
  { a: 1, b: 'two', c: true, d: null, e: { f: { g: -1.5, h: 1e20, i: 1.5e-7, j: -0 } }, i: {}, j: [], k: [{ l: 'x' }, { m: [{ n: 0 }] }] },
  { text: 'quotes " and \\ and\nnew lines, tabs\t, caf\u00e9 and \u00a0', long: 'x'.repeat(120), [`key ${'y'.repeat(90)}`]: 1 },
  [{ id: 1, login: 'string' }, { id: 2, login: 'other' }],
  'a string',
  42,
  {},
  [],
];
/** JSON prettier lays out otherwise (arrays on a line where they fit), and the lines it prints. */
const LAID_OUT = [
  { name: 'an array of numbers', value: { a: [1, 2, 3] }, code: '{\n  "a": [1, 2, 3]\n}' },
  { name: 'an array of strings', value: ['a', 'b'], code: '["a", "b"]' },
  { name: 'an array holding an empty object', value: [{}], code: '[{}]' },
  { name: 'an array of arrays holding an object (a broken object breaks each)', value: [[{ a: 1 }]], code: '[\n  [\n    {\n      "a": 1\n    }\n  ]\n]' },
  { name: 'an array of an object and null', value: [{ a: 1 }, null], code: '[\n  {\n    "a": 1\n  },\n  null\n]' },
  { name: 'arrays of two items each (always broken)', value: [[1, 2], [3, 4]], code: '[\n  [1, 2],\n  [3, 4]\n]' },
  { name: 'arrays not all of two items', value: [[1, 2], [3]], code: '[[1, 2], [3]]' },
  { name: 'a line of 80 columns with its comma', value: { k: ['x'.repeat(68)], z: 1 }, code: `{\n  "k": ["${'x'.repeat(68)}"],\n  "z": 1\n}` },
  { name: 'a line of 81 columns with its comma', value: { k: ['x'.repeat(69)], z: 1 }, code: `{\n  "k": [\n    "${'x'.repeat(69)}"\n  ],\n  "z": 1\n}` },
  { name: 'a line of 80 columns, the last', value: { z: 1, k: ['x'.repeat(69)] }, code: `{\n  "z": 1,\n  "k": ["${'x'.repeat(69)}"]\n}` },
  { name: 'a short array with an accent', value: { k: ['caf\u00e9'] }, code: '{\n  "k": ["caf\u00e9"]\n}' },
];
const NOT_JSON = [
  { name: 'a number of 1e21 or more (prettier prints 1e21)', code: JSON.stringify({ a: 1e21 }, null, 2) },
  { name: 'numbers that do not fit on a line (prettier fills lines with them)', code: JSON.stringify({ a: Array.from({ length: 40 }, (_, i) => i) }, null, 2) },
  { name: 'wide characters that may not fit', code: JSON.stringify({ k: ['\u4e2d'.repeat(40)] }, null, 2) },
  { name: 'a line terminator (no markdown with one is rewritten)', code: JSON.stringify({ a: '\u2028' }, null, 2) },
  { name: 'indented by 4', code: JSON.stringify({ a: { b: 1 } }, null, 4) },
  { name: 'an object on one line', code: '{ "a": 1 }' },
  { name: 'not JSON', code: '{ a: 1 }' },
];

describe('fenced JSON prettier prints as it is', () => {
  it.each(JSONS.map((value) => ({ value, code: JSON.stringify(value, null, 2) })))('$code: prettier does not parse it, and the output is its own', async ({ code }) => {
    const text = page(code, 'json');
    const { output, sent } = await marked(text);
    expect(output).toBe(await format(text));
    expect(sent).toStrictEqual([page(code, 'openapi-morph-verbatim')]);
  });

  it.each(LAID_OUT)('laid out as prettier lays it out, then marked: $name', async ({ value, code }) => {
    const text = page(JSON.stringify(value, null, 2), 'json');
    const { output, sent } = await marked(text);
    expect(sent).toStrictEqual([page(code, 'openapi-morph-verbatim')]);
    expect(output).toBe(await format(text));
  });

  it.each(NOT_JSON)('not marked: $name', async ({ code }) => {
    const text = page(code, 'json');
    expect(markVerbatimFences(text)).toBeUndefined();
    const { output, sent } = await marked(text);
    expect(sent).toStrictEqual([text]);
    expect(output).toBe(await format(text));
  });

  it('a fence that starts the text', async () => {
    const text = fence(JSON.stringify({ a: { b: 1 } }, null, 2), 'json');
    const { output, sent } = await marked(text);
    expect(output).toBe(await format(text));
    expect(sent).toStrictEqual([fence(JSON.stringify({ a: { b: 1 } }, null, 2), 'openapi-morph-verbatim')]);
  });

  it('generated JSON of every kind: each fence marked is printed by prettier as it is', async () => {
    let seed = 11;
    const next = (n: number) => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) % n;
    const numbers = [0, -1, 7, 0.1, -2.5e-8, 123456789.125, 1e20, 2 ** 53, 1e21, 5e-324];
    const strings = ['', 'a b', 'x'.repeat(90), 'q"\\/', 'tab\tnl\n', 'caf\u00e9 \u{1F600}', '<b>&amp;</b> *x* `y`'];
    const value = (depth: number): unknown => {
      const kind = next(depth > 2 ? 4 : 7);
      if (kind === 0) return numbers[next(numbers.length)];
      if (kind === 1) return strings[next(strings.length)];
      if (kind === 2) return [true, false, null][next(3)];
      if (kind === 3) return {};
      if (kind === 4) return Array.from({ length: next(3) }, () => ({ k: value(depth + 1) }));
      if (kind === 5 && next(4) === 0) return Array.from({ length: 1 + next(3) }, () => value(depth + 1));
      return Object.fromEntries(Array.from({ length: 1 + next(4) }, (_, i) => [`key${i}`, value(depth + 1)]));
    };
    const codes = Array.from({ length: 150 }, () => JSON.stringify(value(0), null, 2));
    const text = codes.map((code) => page(code, 'json')).join('\n');
    const found = markVerbatimFences(text)!;
    // Most are marked, not all (1e21 and up).
    expect(found.languages.length).toBeGreaterThan(75);
    expect(found.languages.length).toBeLessThan(150);
    expect(unmarkFences(await format(found.text), found)).toBe(await format(text));
  });

  it('JSON nested too deep to walk is sent as it is, as prettier prints it', async () => {
    const text = page(`${'['.repeat(10_000)}${']'.repeat(10_000)}`, 'json');
    expect(markVerbatimFences(text)).toBeUndefined();
    const { output, sent } = await marked(text);
    expect(sent).toStrictEqual([text]);
    expect(output).toBe(await format(text));
  });

  it('signatures and JSON in one text, each gets its language back; an unclosed fence at the end is left', async () => {
    const json = JSON.stringify({ a: { b: [{ c: 1 }] } }, null, 2);
    const text = `${page(SIGNATURES[0]!)}\n${page(json, 'json')}\n${page(NOT_JSON[0]!.code, 'json')}\n\`\`\`json\n${json}`;
    const { output, sent } = await marked(text);
    expect(output).toBe(await format(text));
    expect(sent).toStrictEqual([`${page(SIGNATURES[0]!, 'openapi-morph-verbatim')}\n${page(json, 'openapi-morph-verbatim')}\n${page(NOT_JSON[0]!.code, 'json')}\n\`\`\`json\n${json}`]);
  });
});

describe('example programs prettier prints as they are', () => {
  const example = 'import { PetsApi } from "pets";\n\nconst api = new PetsApi();\nconst result = await api.getPet(1, { query: { tags: ["a"] } });\nconsole.log(result);';
  it.each(['ts', 'typescript'])('under %s: sent marked, and the output is prettier\'s', async (language) => {
    const text = page(example, language);
    const { output, sent } = await marked(text);
    expect(output).toBe(await format(text));
    expect(sent).toStrictEqual([page(example, 'openapi-morph-verbatim')]);
  });

  it('one prettier changes is sent as it is', async () => {
    const text = page('await api.x("s", {  });');
    const { output, sent } = await marked(text);
    expect(sent).toStrictEqual([text]);
    expect(output).toBe(await format(text));
  });
});

describe('fenced TypeScript prettier cannot parse', () => {
  it.each(SIGNATURES)('%s: prettier does not parse it, and the output is its own', async (signature) => {
    expect(unparsable(signature)).toBe(true);
    for (const language of ['ts', 'typescript']) {
      const text = page(signature, language);
      const { output, sent } = await marked(text);
      expect(output).toBe(await format(text));
      expect(sent).toStrictEqual([page(signature, 'openapi-morph-verbatim')]);
    }
  });

  it('several in one text, each gets its language back', async () => {
    const text = SIGNATURES.map((signature, i) => `## op${i}\n\n${fence(signature, i % 2 ? 'ts' : 'typescript')}`).join('\n');
    const { output, sent } = await marked(text);
    expect(output).toBe(await format(text));
    expect(sent).toHaveLength(1);
    expect(sent[0]!.match(/^```openapi-morph-verbatim$/gm)).toHaveLength(SIGNATURES.length);
  });

  it.each([
    { name: 'code that parses', text: page('reposGet(owner, repo)') },
    { name: 'a call with no arguments (it parses)', text: page('foo()') },
    { name: 'a call with no arguments, then more (it parses)', text: page('foo().then(x) + 1 ? a : b') },
    { name: 'an arrow function', text: page('f(x: T): U => x') },
    { name: 'an arrow in a type', text: page('on(cb: () => void): void') },
    { name: 'two lines', text: `## op\n\n\`\`\`ts\nget(a: string): A\nput(a: string): A\n\`\`\`\n` },
    { name: 'another language', text: page('get(a: string): A', 'js') },
    { name: 'a language with words after it', text: page('get(a: string): A', 'ts title="x"') },
    { name: 'a fence of four backticks', text: `## op\n\n\`\`\`\`ts\nget(a: string): A\n\`\`\`\`\n` },
    { name: 'a fence of four backticks with three inside', text: `## op\n\n\`\`\`\`ts\nget(a: string): A\n\`\`\`\n\`\`\`\`\n` },
    { name: 'a method in an object literal (it parses)', text: page('const o = { get(a: string): string { return a } }') },
    { name: 'a fence that is not closed', text: `## op\n\n\`\`\`ts\nget(a: string): A` },
    { name: 'a fence in a list item', text: `- item\n\n  \`\`\`ts\n  get(a: string): A\n  \`\`\`\n` },
    { name: 'a fence right after a paragraph line', text: `text\n\`\`\`ts\nget(a: string): A\n\`\`\`\n` },
    { name: 'a fence inside another fence', text: `\`\`\`\`md\n\n\`\`\`ts\nget(a: string): A\n\`\`\`\n\`\`\`\`\n` },
    { name: 'a text that holds the mark', text: `${page('get(a: string): A')}\nopenapi-morph-verbatim\n` },
    { name: 'prettier-ignore', text: `<!-- prettier-ignore -->\n${page('get(a: string): A')}` },
  ])('not marked: $name', async ({ text }) => {
    expect(markVerbatimFences(text)).toBeUndefined();
    const { output, sent } = await marked(text);
    expect(sent).toStrictEqual([text]);
    expect(output).toBe(await format(text));
  });

  it.each([
    { name: 'a mark fewer', tamper: (output: string) => output.replace('```openapi-morph-verbatim', '```ts') },
    { name: 'a mark more', tamper: (output: string) => `${output}\n\`\`\`openapi-morph-verbatim\nx\n\`\`\`\n` },
    { name: 'a mark with words after it', tamper: (output: string) => output.replace('```openapi-morph-verbatim', '```openapi-morph-verbatim x') },
  ])('an output whose marks are not the ones sent ($name) is not used', async ({ tamper }) => {
    const text = page(SIGNATURES[0]!);
    const found = markVerbatimFences(text)!;
    expect(unmarkFences(await format(found.text), found)).toBe(await format(text));
    expect(unmarkFences(tamper(await format(found.text)), found)).toBeUndefined();
    await expectFallback(formatWithVerbatimFences, found.text, text, tamper);
  });

  it('prettier failing on the marked text formats the text as it is, so an error is its own', async () => {
    const text = page(SIGNATURES[0]!);
    await expectFallback(formatWithVerbatimFences, markVerbatimFences(text)!.text, text, () => {
      throw new Error('boom');
    });
    await expect(formatWithVerbatimFences(text, () => Promise.reject(new Error('at line 3')))).rejects.toThrow('at line 3');
  });
});

describe('example programs prettier would break', () => {
  const LONG = [
    'import { ActionsApi } from "github-s-official-openapi-spec-octokit-extension";',
    '',
    'const api = new ActionsApi();',
    'const result = await api.actionsGetActionsCacheRetentionLimitForEnterprise("string");',
    'const other = await api.reposGetContent("string", "string", "string", { query: { ref: "string" } });',
    'console.log(result, other);',
  ].join('\n');

  it('go to prettier marked, holding prettier\'s lines, and the output is prettier\'s', async () => {
    const text = page(LONG);
    const expected = await format(text);
    const { output, sent } = await marked(text);
    expect(output).toBe(expected);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toContain('```openapi-morph-verbatim\nimport { ActionsApi }');
    expect(sent[0]).toContain('const result =\n  await api.actionsGetActionsCacheRetentionLimitForEnterprise("string");\n');
    expect(sent[0]).toContain('const other = await api.reposGetContent("string", "string", "string", {\n  query: { ref: "string" },\n});\n');
  });

  it('in a run of plain blocks, the run holds prettier\'s lines', async () => {
    const text = `## op\n\n${fence(LONG)}\n**Get it**\n\n${fence('const   x = {a:1}')}`;
    const { output, sent } = await recorded(formatWithPlainBlocks, text);
    expect(sent).toStrictEqual([`openapi-morph-blocks-0\n\n${fence('const   x = {a:1}')}`]);
    expect(output).toBe(await format(text));
  });
});

describe('fences in a language prettier does not format', () => {
  it.each([
    { name: 'a shell command', language: 'sh', code: 'npm install some-package  # two spaces before the comment' },
    { name: 'no language', language: '', code: 'plain   text\n\twith a tab' },
    { name: 'a diff', language: 'diff', code: '- a\n+ b' },
    { name: 'a Ruby sample', language: 'ruby', code: 'require "base64"\n\nkey = Base64.decode64("+ZYv")\nputs   key' },
    { name: 'a Python sample', language: 'python', code: 'import requests\nr = requests.get( "https://x.test" )' },
  ])('$name: marked, and the output is prettier\'s', async ({ language, code }) => {
    const text = page(code, language);
    const { output, sent } = await marked(text);
    expect(sent).toStrictEqual([page(code, 'openapi-morph-verbatim')]);
    expect(output).toBe(await format(text));
  });

  it('in a run of plain blocks too, a fence with spaces at a line\'s end is left to prettier, which drops them', async () => {
    const text = `## Install\n\n\`\`\`sh\nnpm install x \nnpm test\n\`\`\`\n\n## Use\n`;
    const { output, sent } = await recorded(formatWithPlainBlocks, text);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toContain('npm install x \n');
    expect(output).toBe(await format(text));
  });

  it.each([
    { name: 'trailing spaces on the last line (prettier drops them)', language: 'sh', code: 'a\nb  ' },
    { name: 'a tab at the end of a line before the last (prettier drops it too)', language: 'bash', code: 'a\t\n  b' },
    { name: 'a line of one space', language: 'text', code: 'a\n \nb' },
    { name: 'an empty block (prettier prints an empty line in it)', language: 'text', code: '' },
    { name: 'a language prettier formats under another name', language: 'js', code: 'const   a=1' },
  ])('not marked: $name', async ({ language, code }) => {
    const text = `${fence(code, language)}\n${fence('const   x = {a:1}')}`.replace('```text\n\n```', '```text\n```');
    expect(markVerbatimFences(text)).toBeUndefined();
    const { output, sent } = await marked(text);
    expect(sent).toStrictEqual([text]);
    expect(output).toBe(await format(text));
  });
});

describe('TypeScript fences formatted apart', () => {
  /** The README's examples: a `try`, an arrow function with a comment after it, destructuring. */
  const EXAMPLES = [
    'import { RealtimeApi, ApiError } from "pkg";\n\nconst api = new RealtimeApi({ apiKey: "your-token" });\n\ntry {\n  const result = await api.create({ modalities: ["text", "audio"], model: "gpt-4o-realtime-preview", voice: "ash" });\n  console.log(result);\n} catch (error) {\n  if (!(error instanceof ApiError)) throw error;\n  console.error(error.name, error.status);\n}',
    'const controller = new AbortController();\nsetTimeout(() => controller.abort(), 5_000); // e.g. the user navigated away\nconst result = await api.create({}, { signal: controller.signal, timeoutMs: 10_000, maxRetries: 0 });',
    "const { data, response, requestId } = await api.create({ model: \"m\" }).withResponse();\nconsole.log(response.headers.get('x-ratelimit-remaining-requests'), requestId, data);",
  ];
  /** The TypeScript path of the standalone formatter, with prettier's parser for each text recorded. */
  const formatCode = (parsers: string[]) => (code: string) => {
    const parse = typescriptAlone('dummy.ts', 'babel-ts');
    parsers.push('babel-ts');
    return parse(code);
  };

  it('formats each fence `verbatim` does not know once, as prettier prints a file of its code', async () => {
    const text = `# A\n\n${fence(EXAMPLES[0]!)}\n${fence(EXAMPLES[1]!, 'typescript')}\n${fence(EXAMPLES[0]!)}\n${fence('reposGet(owner: string): ApiPromise<Repo>')}\n${fence('const   a=1', 'js')}`;
    const parsers: string[] = [];
    const printed = await formattedFences(text, formatCode(parsers));
    expect([...printed.keys()]).toStrictEqual([EXAMPLES[0], EXAMPLES[1]]);
    expect(parsers).toHaveLength(2);
    for (const [code, lines] of printed) expect(`${lines.join('\n')}\n`).toBe(await typescriptAlone('dummy.ts')(code));
  });

  // Each case beside its control, a text that differs from it only in what the case is about and
  // whose fence is formatted apart: a formatter that formats no fence apart fails the controls, one
  // that formats every fence fails the cases.
  it.each([
    { name: 'code neither parser reads (prettier prints it as it is)', text: `# A\n\n${fence('const x = ;\nfoo(bar): Baz')}`, control: `# A\n\n${fence('const x = 1 ;\nfoo(bar)')}` },
    { name: 'a template literal with a space at a line\'s end', text: `# A\n\n${fence('const a = `x \ny`;')}`, control: `# A\n\n${fence('const a = `x\ny`;')}` },
    { name: 'three backticks in the code', text: `# A\n\n${fence('const a = "```";')}`, control: `# A\n\n${fence('const a = "``"')}` },
    { name: 'a fence in a list item', text: `- item\n\n  \`\`\`ts\n  const   a=1\n  \`\`\`\n`, control: `- item\n\n\`\`\`ts\nconst   a=1\n\`\`\`\n` },
    { name: 'a fence right after a paragraph line', text: `text\n\`\`\`ts\nconst   a=1\n\`\`\`\n`, control: `text\n\n\`\`\`ts\nconst   a=1\n\`\`\`\n` },
    { name: 'an empty fence', text: '# A\n\n```ts\n```\n', control: '# A\n\n```ts\nconst   a=1\n```\n' },
    { name: 'a text that holds the mark', text: `${page('const   a=1')}\nopenapi-morph-verbatim\n`, control: `${page('const   a=1')}\nopenapi-morph-verbatin\n` },
    { name: 'prettier-ignore', text: `<!-- prettier-ignore -->\n${page('const   a=1')}`, control: `<!-- a comment -->\n${page('const   a=1')}` },
  ])('leaves to prettier $name', async ({ text, control }) => {
    const formatCode = (code: string) => typescriptAlone('dummy.ts')(code);
    expect((await formattedFences(text, formatCode)).size).toBe(0);
    expect((await formattedFences(control, formatCode)).size).toBeGreaterThan(0);
  });
});

describe('languages prettier has no parser for', () => {
  it('none of them is a name, an alias or an extension of a language of any plugin prettier ships, so prettier prints their fences as they are', () => {
    const { plugins } = prettierStandalone([], true);
    const languages = plugins.flatMap((plugin) => plugin.languages ?? []);
    expect(languages.length).toBeGreaterThan(20);
    // As prettier matches a fence's language (its inferParser): a name lowercased, an alias, an extension.
    const known = (language: string) => languages.some(({ name, aliases, extensions }) => name.toLowerCase() === language || aliases?.includes(language) || extensions?.includes(`.${language}`));
    expect(UNFORMATTED_LANGUAGES.filter(known)).toStrictEqual([]);
    // The check finds a language a plugin knows.
    expect(['yaml', 'css', 'node'].every(known)).toBe(true);
  });

  it('a page with a Ruby sample needs the default plugins only, and gets the bytes prettier gives with every plugin', async () => {
    const page = { path: 'docs/ActionsApi.md', content: '## Example encrypting a secret using Ruby\n\n```ruby\nrequire "rbnacl"\nputs   Base64.strict_encode64(x)\n```\n\nA   paragraph.\n' };
    expect(fileSetup(page)).toStrictEqual({ ...DEFAULT_PACKAGE_SETUP, parsers: ['json', 'json-stringify', 'markdown', 'typescript'] });
    const every = await createFormatter({ kind: 'standalone', parsers: ['markdown'], all: true }, { rewrites: false });
    const ours = await createFormatter(fileSetup(page));
    expect(await ours.format(page.content, 'markdown', page.path)).toBe(await every.format(page.content, 'markdown', page.path));
  });
});
