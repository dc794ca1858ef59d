/**
 * Fenced TypeScript that prettier cannot parse (a method's signature in the docs pages) goes to
 * prettier as a language it does not format, and gets its language back (markdown-fences.ts): the
 * result is prettier's own output, and prettier never tries to parse that code. Code it could parse
 * is sent as it is, and an output whose marks are not the ones sent, or a failure, sends the text
 * as it is.
 */
import { describe, expect, it } from 'vitest';
import { createFormatter, DEFAULT_PACKAGE_SETUP } from '../../generator/format/formatter.ts';
import { formatWithoutFailingFences, markFailingFences, unmarkFences, unparsable } from '../../generator/format/markdown-fences.ts';

const prettier = await createFormatter(DEFAULT_PACKAGE_SETUP, { plainRows: false });
const format = (text: string): Promise<string> => prettier.format(text, 'markdown', 'docs/A.md');

/** `text` formatted with its unparsable fences marked: the result, and the texts prettier got. */
async function marked(text: string): Promise<{ output: string; sent: string[] }> {
  const sent: string[] = [];
  const output = await formatWithoutFailingFences(text, (t) => {
    sent.push(t);
    return format(t);
  });
  return { output, sent };
}

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

describe('fenced TypeScript prettier cannot parse', () => {
  it.each(SIGNATURES)('%s: prettier does not parse it, and the output is its own', async (signature) => {
    expect(unparsable(signature)).toBe(true);
    for (const language of ['ts', 'typescript']) {
      const text = page(signature, language);
      const { output, sent } = await marked(text);
      expect(output).toBe(await format(text));
      expect(sent).toStrictEqual([page(signature, 'openapi-morph-unparsed')]);
    }
  });

  it('several in one text, each gets its language back', async () => {
    const text = SIGNATURES.map((signature, i) => `## op${i}\n\n${fence(signature, i % 2 ? 'ts' : 'typescript')}`).join('\n');
    const { output, sent } = await marked(text);
    expect(output).toBe(await format(text));
    expect(sent).toHaveLength(1);
    expect(sent[0]!.match(/^```openapi-morph-unparsed$/gm)).toHaveLength(SIGNATURES.length);
  });

  it.each([
    { name: 'code that parses', text: page('reposGet(owner, repo)') },
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
    { name: 'a text that holds the mark', text: `${page('get(a: string): A')}\nopenapi-morph-unparsed\n` },
    { name: 'prettier-ignore', text: `<!-- prettier-ignore -->\n${page('get(a: string): A')}` },
  ])('not marked: $name', async ({ text }) => {
    expect(markFailingFences(text)).toBeUndefined();
    const { output, sent } = await marked(text);
    expect(sent).toStrictEqual([text]);
    expect(output).toBe(await format(text));
  });

  it.each([
    { name: 'a mark fewer', tamper: (output: string) => output.replace('```openapi-morph-unparsed', '```ts') },
    { name: 'a mark more', tamper: (output: string) => `${output}\n\`\`\`openapi-morph-unparsed\nx\n\`\`\`\n` },
    { name: 'a mark with words after it', tamper: (output: string) => output.replace('```openapi-morph-unparsed', '```openapi-morph-unparsed x') },
  ])('an output whose marks are not the ones sent ($name) is not used', async ({ tamper }) => {
    const text = page(SIGNATURES[0]!);
    const found = markFailingFences(text)!;
    expect(unmarkFences(await format(found.text), found)).toBe(await format(text));
    expect(unmarkFences(tamper(await format(found.text)), found)).toBeUndefined();
    const sent: string[] = [];
    const output = await formatWithoutFailingFences(text, async (t) => {
      sent.push(t);
      const result = await format(t);
      return sent.length === 1 ? tamper(result) : result;
    });
    expect(sent).toStrictEqual([found.text, text]);
    expect(output).toBe(await format(text));
  });

  it('prettier failing on the marked text formats the text as it is, so an error is its own', async () => {
    const text = page(SIGNATURES[0]!);
    const sent: string[] = [];
    const output = await formatWithoutFailingFences(text, async (t) => {
      sent.push(t);
      if (sent.length === 1) throw new Error('boom');
      return format(t);
    });
    expect(sent).toStrictEqual([markFailingFences(text)!.text, text]);
    expect(output).toBe(await format(text));
    await expect(formatWithoutFailingFences(text, () => Promise.reject(new Error('at line 3')))).rejects.toThrow('at line 3');
  });
});
