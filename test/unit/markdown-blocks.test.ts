/**
 * Runs of top-level blocks prettier prints as they are (markdown-blocks.ts: one-line paragraphs,
 * headings, verbatim fences) go to prettier as placeholders and come back in their place: the
 * result is prettier's own output for the whole text, and prettier never sees those blocks. An
 * output that is not as expected (or a failure) sends the text as it is.
 */
import { describe, expect, it } from 'vitest';
import { formatWithPlainBlocks, withoutPlainBlocks, withPlainBlocks } from '../../generator/format/markdown-blocks.ts';
import { cuttableMarkdown } from '../../generator/format/markdown-chunks.ts';
import { markdownBlock } from '../../generator/escape/markdown-block.ts';
import { createFormatter, DEFAULT_PACKAGE_SETUP } from '../../generator/format/formatter.ts';
import { expectFallback, format, recorded } from '../helpers/rewrites.ts';

const placeholder = (n: number) => `openapi-morph-blocks-${n}`;
const replaced = (text: string) => recorded(formatWithPlainBlocks, text);
/** Formats `text`: prettier gets `sent` alone (`null`: nothing), and the result is prettier's own output for `text`. */
const expectSent = async (text: string, sent: string | null): Promise<string> => {
  const result = await replaced(text);
  expect(result.sent).toStrictEqual(sent === null ? [] : [sent]);
  expect(result.output).toBe(await format(text));
  return result.output;
};

const A = 'Failures reject with [`ApiError`](../README.md#errors) (see [retries](../README.md#retries)).';
const B = '[[Back to top]](#reposapi) [[Back to README]](../README.md)';
const C = '<a id="reposget"></a>';
const KEPT = 'Some   ~prose~.';
const SIGNATURE = '```ts\nreposGet(owner: string): ApiPromise<Repo>\n```';
const JSON_FENCE = `\`\`\`json\n${JSON.stringify({ id: 1, tags: [{ name: 'a' }] }, null, 2)}\n\`\`\``;

describe('plain blocks', () => {
  it('a run between empty lines goes as one placeholder, and the output is the bytes prettier gives the text', async () => {
    const text = `${A}\n\n${B}\n\n${C}\n\n## *reposGet*\n\n${KEPT}\n\n**Get a repository**\n`;
    await expectSent(text, `${placeholder(0)}\n\n## *reposGet*\n\n${KEPT}\n\n${placeholder(1)}\n`);
  });

  it('headings, signatures and JSON join a run; fences and headings that are not plain stay', async () => {
    const text = `${C}\n\n## reposGet\n\n${SIGNATURE}\n\n**Get a repository**\n\n### Example\n\n\`\`\`ts\nconst a=1\n\`\`\`\n\n## *em*\n\n${JSON_FENCE}\n\n###### \`six\` [levels](#six)\n`;
    await expectSent(text, `${placeholder(0)}\n\n\`\`\`ts\nconst a=1\n\`\`\`\n\n## *em*\n\n${placeholder(1)}\n`);
  });

  it('a hash that closes no heading is plain: in a heading, a paragraph, a cell', async () => {
    const text = '## Step #1 of #2\n\nSee &lt;a href="/docs/api#customers"&gt;customers&lt;/a&gt; {id}.\n\n| a#b |\n| --- |\n| # c |\n';
    await expectSent(text, null);
  });

  it('a quote of a plain paragraph joins a run: `> ` before each line', async () => {
    const text = `${KEPT}\n\n> **Deprecated.**\n\n${A}\n\n> ${A}\n> [Create or\n\n## *em*\n\n> **Deprecated.** See\n> [a](b) &gt; c\n`;
    await expectSent(text, `${KEPT}\n\n${placeholder(0)}\n\n> ${A}\n> [Create or\n\n## *em*\n\n${placeholder(1)}\n`);
  });

  it.each([
    { quote: '>**Deprecated.**', why: 'no space after `>` (prettier adds one)' },
    { quote: '>  a', why: 'two spaces after `>`' },
    { quote: '> a  \n> b', why: 'a hard break' },
    { quote: '> a\nb', why: 'a lazy line' },
    { quote: '> > a', why: 'a quote in a quote' },
    { quote: '> - a', why: 'a list in a quote' },
    { quote: '> *a*', why: 'emphasis (prettier prints `_a_`)' },
  ])('a quote is left to prettier: $why', async ({ quote }) => {
    const text = `${A}\n\n${quote}\n`;
    await expectSent(text, `${placeholder(0)}\n\n${quote}\n`);
  });

  it('a paragraph of bold text written with underscores joins a run, printed with `**` as prettier prints it', async () => {
    const bold = '__Activity name :__ GetEmployerByEmployerId __a b1__ (GET)\n__Metadata:__ x';
    const text = `## *em*\n\n${bold}\n\n${A}\n`;
    const output = await expectSent(text, `## *em*\n\n${placeholder(0)}\n`);
    expect(output).toContain('**Activity name :** GetEmployerByEmployerId **a b1** (GET)\n**Metadata:** x');
  });

  it('a paragraph whose lines end in spaces that make no hard break joins a run, printed without them', async () => {
    const paragraph = '**Note:** only if you have [Invoice Settlement](https://x.test/Billing/Invoice_Settlement) enabled. \nSee the guide.   ';
    const text = `## *em*\n\n${paragraph}\n\n${A}\n`;
    const output = await expectSent(text, `## *em*\n\n${placeholder(0)}\n`);
    expect(output).toContain('enabled.\nSee the guide.\n');
  });

  it('a paragraph with runs of spaces between words joins a run, printed with one space, but for a hard break', async () => {
    const paragraph = 'Used to boost  cache hit rates,   and `a  b`  to help.  \nNext  ``line``.';
    const text = `## *em*\n\n${paragraph}\n\n${A}\n`;
    const output = await expectSent(text, `## *em*\n\n${placeholder(0)}\n`);
    expect(output).toContain('Used to boost cache hit rates, and `a  b` to help.  \nNext `line`.\n');
  });

  it.each([
    { paragraph: 'a   \nb', why: 'three spaces before a line break (a hard break, printed with two)' },
    { paragraph: 'a\t\nb', why: 'a tab' },
    { paragraph: 'a \n b', why: 'a space that starts a line' },
    { paragraph: '[a](b\n"t")', why: 'a line break before a link title (prettier joins it with a space)' },
    { paragraph: '[a](b\n"x  y")', why: 'a line break before a link title with two spaces' },
    { paragraph: 'a [[Back  to top]](#top)', why: 'two spaces in a wiki link (printed as it is)' },
    { paragraph: 'a__b__ c', why: 'an opening `__` inside a word (a word to prettier)' },
    { paragraph: 'a<br>__b__ c', why: 'an opening `__` after what is not a space (not read)' },
    { paragraph: '__a__b c', why: 'a closing `__` before a letter' },
    { paragraph: '__a__: b', why: 'a closing `__` before punctuation' },
    { paragraph: '__a_b__ c', why: 'an underscore in the bold text' },
    { paragraph: '__a *b*__ c', why: 'emphasis in the bold text' },
    { paragraph: '__ a__ b', why: 'a space after the opening `__`' },
    { paragraph: '__a __ b', why: 'a space before the closing `__`' },
    { paragraph: '__a\nb__ c', why: 'bold text across lines' },
    { paragraph: '__a__ b__', why: 'a `__` left over' },
    { paragraph: '__a__ `x __b__ y`', why: 'a pair beside a code span that holds one' },
    { paragraph: '[[x __a__ y]](#b) and __c__', why: 'underscores in a wiki link' },
    { paragraph: '[[``a``]](#b)', why: 'backticks in a wiki link' },
    { paragraph: '<a  id="x"></a>', why: 'an anchor with two spaces (an HTML block)' },
  ])('a paragraph is left to prettier: $why', async ({ paragraph }) => {
    await expectSent(`${A}\n\n${paragraph}\n`, `${placeholder(0)}\n\n${paragraph}\n`);
  });

  it('a table of plain cells joins a run, laid out as prettier lays it out: widths, alignments, escaped pipes', async () => {
    const table = '| Name | Type |Notes|\n|:--|---:|-|\n| **owner** | `"a"` \\| `"b"` | x |\n| [**reposGet**](ReposApi.md#reposget) | `string` | required, path parameter `owner` |';
    const text = `## Parameters\n\n${table}\n\n${A}\n`;
    const output = await expectSent(text, null);
    expect(output).toContain('| :----------------------------------- | -------------: | -------------------------------- |');
  });

  it.each([
    { name: 'a row that is not plain', table: '| a | b |\n| - | - |\n| ~x~ | y |' },
    { name: 'a plain row and one that is not', table: '| a | b |\n| - | - |\n| x | y |\n| ~x~ | y |' },
    { name: 'a centred column', table: '| a | b |\n| :-: | - |\n| x | y |' },
    { name: 'a row of fewer cells', table: '| a | b |\n| - | - |\n| x |' },
    { name: 'no closing pipes', table: '| a | b\n| - | -\n| x | y' },
    { name: 'no rows', table: '| a | b |\n| - | - |' },
  ])('a table with $name is left to prettier', async ({ table }) => {
    const text = `${table}\n\n${A}\n`;
    await expectSent(text, `${table}\n\n${placeholder(0)}\n`);
  });

  it('a table that starts the text, its delimiter row spaced, joins a run', async () => {
    const text = `| a | b | c |\n| :-- | --: | --- |\n| x | \`y\` | [z](#z) |\n\n${A}\n`;
    const output = await expectSent(text, null);
    expect(output.split('\n')[1]).toBe('| :-- | --: | ------- |');
  });

  it("an HTML code block as md.block writes a description's fenced code joins a run: prettier never sees it", async () => {
    const description = markdownBlock('Try:\n\n```js\nif (a && b < c) {\n\n  x(`${y}`); // ```\n}\n```\n\nThen *stop*.');
    expect(description).toBe('Try:\n\n<pre><code>if (a &amp;&amp; b &lt; c) {&#10;\n  x(`${y}`); // &#96;&#96;&#96;\n}</code></pre>\n\nThen *stop*.');
    await expectSent(`${A}\n\n${description}\n\n${B}\n`, null);
    await expectSent(`${A}\n\n${description}\n\n## *em*\n`, `${placeholder(0)}\n\n## *em*\n`);
  });

  it.each([
    { name: 'an empty line in it (markdownLines would start a block there)', block: '<pre><code>a\n\nb</code></pre>' },
    { name: 'a line that opens a fence', block: '<pre><code>a\n  ```\nb</code></pre>' },
    { name: 'a tilde fence', block: '<pre><code>a\n~~~\nb</code></pre>' },
    { name: 'other HTML in it', block: '<pre><code>a <b>x</b></code></pre>' },
    { name: 'an attribute', block: '<pre class="x"><code>a</code></pre>' },
    { name: 'an indent', block: ' <pre><code>a</code></pre>' },
  ])('a <pre> block with $name leaves the text to prettier whole, uncut', ({ block }) => {
    const text = `${A}\n\n${block}\n\n${B}\n`;
    expect(cuttableMarkdown(text)).toBe(false);
    expect(withoutPlainBlocks(text)).toBeUndefined();
  });

  it('an HTML code block followed by a line of text is left to prettier (it adds an empty line there)', async () => {
    const text = `${A}\n\n<pre><code>a\nb</code></pre>\nAfter\n`;
    await expectSent(text, `${placeholder(0)}\n\n<pre><code>a\nb</code></pre>\nAfter\n`);
  });

  it('a table after a list is left to prettier (it may not start a block there)', async () => {
    const text = `- a\n\n| a | b |\n| - | - |\n| x | y |\n`;
    expect(withoutPlainBlocks(text)).toBeUndefined();
  });

  it.each([
    { name: 'between two lists (a paragraph still stands between them; the second list joins the run)', text: `- a\n- b\n\n${A}\n\n- c\n`, sent: `- a\n- b\n\n${placeholder(0)}\n` },
    { name: 'at the first column after a list item', text: `1. a\n\n${A}\n`, sent: `1. a\n\n${placeholder(0)}\n` },
    { name: 'a paragraph of three lines (prettier keeps its line breaks)', text: `# *h*\n\n${A}\n${B}\n**Bold** and \`code\`\n`, sent: `# *h*\n\n${placeholder(0)}\n` },
    { name: 'two empty lines apart (prettier prints one)', text: `${A}\n\n\n${B}\n`, sent: `${placeholder(0)}\n\n\n${placeholder(1)}\n` },
    { name: 'at the end of a text with no newline', text: `# *a*\n\n${A}`, sent: `# *a*\n\n${placeholder(0)}` },
    { name: 'after a quote, with a table', text: `> *q*\n\n${A}\n\n| a |\n| - |\n| b |\n\n${B}\n`, sent: `> *q*\n\n${placeholder(0)}\n` },
  ])('$name', async ({ text, sent: expected }) => {
    await expectSent(text, expected);
  });

  it.each([
    { name: 'a paragraph whose second line is not plain', text: `${A}\n*b*\n` },
    { name: 'a list item after a paragraph line', text: `${A}\n- b\n` },
    { name: 'an anchor in a paragraph of two lines', text: `${A}\n${C}\n` },
    { name: 'a table after a paragraph line', text: `${A}\n| a |\n| - |\n| b |\n` },
    { name: 'a line before it', text: `# a\n${A}\n` },
    { name: 'a setext heading', text: `${A}\n===\n` },
    { name: 'in fenced code', text: `\`\`\`md\n\n${A}\n\n\`\`\`\n` },
    { name: 'in an HTML comment', text: `<!--\n\n${A}\n\n-->\n` },
    { name: 'indented in a list item', text: `- a\n\n  ${A}\n` },
    { name: 'not plain', text: `${KEPT}\n\n- ${A}\n` },
    { name: 'a heading of seven hashes', text: '####### a\n' },
    { name: 'a heading with two spaces', text: '##  a\n' },
    { name: 'an empty heading', text: '## \n\n##\n' },
    { name: 'a heading with closing hashes', text: '## a ##\n' },
    { name: 'a heading closed by one hash', text: '## Step #1 #\n' },
    { name: 'a heading of hashes', text: '## #\n' },
    { name: 'a heading indented', text: ' ## a\n' },
    { name: 'a heading followed by a line', text: '## a\ntext\n' },
    { name: 'a signature followed by a line', text: `${SIGNATURE}\ntext\n` },
    { name: 'a fence that is not verbatim', text: '```ts\nconst a=1\n```\n' },
    { name: 'a fence not closed', text: '```ts\nreposGet(owner: string): A\n' },
    { name: 'a text that holds a placeholder', text: `${A}\n\n${placeholder(3)}\n` },
    { name: 'a text with a link definition', text: `${A}\n\n[a]: https://example.test\n` },
    { name: 'a text with front matter', text: `---\na: 1\n---\n\n${A}\n` },
  ])('is left in the text: $name', async ({ text }) => {
    expect(withoutPlainBlocks(text)).toBeUndefined();
    await expectSent(text, text);
  });

  const HEADERS = '- **Content-Type**: Not defined\n- **Accept**: `application/json`, `application/scim+json`';
  it('a list of plain items after a plain block joins its run', async () => {
    const text = `### HTTP request headers\n\n${HEADERS}\n\n### HTTP response details\n\n${KEPT}\n\n- [Model](docs/Model.md): A model.\n- [Other](docs/Other.md)\n`;
    await expectSent(text, `${placeholder(0)}\n\n${KEPT}\n\n- [Model](docs/Model.md): A model.\n- [Other](docs/Other.md)\n`);
  });

  it.each([
    { name: 'first in the text (a list may stand right before it)', text: `${HEADERS}\n\n${A}\n`, sent: `${HEADERS}\n\n${placeholder(0)}\n` },
    { name: 'after a list of other markers', text: `# h\n\n* a\n\n${HEADERS}\n`, sent: `${placeholder(0)}\n\n* a\n\n${HEADERS}\n` },
    { name: 'before a list of other markers (the two are two lists)', text: `# h\n\n- a\n\n* b\n`, sent: `${placeholder(0)}\n\n- a\n\n* b\n` },
    { name: 'before an item of its own marker (one loose list)', text: `# h\n\n- a\n- b\n\n\n- c\n`, sent: `${placeholder(0)}\n\n- a\n- b\n\n\n- c\n` },
    { name: 'before a numbered list', text: `# h\n\n- a\n\n1. b\n`, sent: `${placeholder(0)}\n\n- a\n\n1. b\n` },
    { name: 'before an indented line (its last item goes on)', text: `# h\n\n- a\n\n  b\n`, sent: `${placeholder(0)}\n\n- a\n\n  b\n` },
    { name: 'with an item that is not plain', text: `# h\n\n- a\n- *b*\n`, sent: `${placeholder(0)}\n\n- a\n- *b*\n` },
    { name: 'with a task', text: `# h\n\n- [ ] a\n- [x] b\n`, sent: `${placeholder(0)}\n\n- [ ] a\n- [x] b\n` },
    { name: 'with a nested list', text: `# h\n\n- a\n  - b\n`, sent: `${placeholder(0)}\n\n- a\n  - b\n` },
    { name: 'with a line that is not an item', text: `# h\n\n- a\nb\n`, sent: `${placeholder(0)}\n\n- a\nb\n` },
    { name: 'of other markers', text: `# h\n\n* a\n+ b\n`, sent: `${placeholder(0)}\n\n* a\n+ b\n` },
    { name: 'of an item that starts another block', text: `# h\n\n- # a\n- > b\n`, sent: `${placeholder(0)}\n\n- # a\n- > b\n` },
    { name: 'of an item that is a numbered list', text: `# h\n\n- 1. a\n- 2) b\n`, sent: `${placeholder(0)}\n\n- 1. a\n- 2) b\n` },
  ])('a list is left to prettier: $name', async ({ text, sent: expected }) => {
    await expectSent(text, expected);
  });

  it('generated pages of lists among plain blocks: the bytes prettier gives each', async () => {
    const plain = [A, '## h', SIGNATURE, '| a |\n| - |\n| b |', HEADERS, '- a', '- [x](y): z\n- `c`'];
    const blocks = [...plain, ...plain, '* a', '+ b', '1. a', '2) b', '- a\n  b', '  c', '- *a*', '- [ ] t', '> q', '---', KEPT, '- a\nlazy'];
    let seed = 7;
    const next = (n: number) => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) % n;
    let lists = 0;
    for (let page = 0; page < 600; page++) {
      const text = `${Array.from({ length: 2 + next(8) }, () => blocks[next(blocks.length)]!).join(['\n\n', '\n\n', '\n\n\n', '\n'][next(4)]!)}\n`;
      const { output } = await replaced(text);
      if (withoutPlainBlocks(text)?.runs.some((run) => /(^|\n)- /.test(run))) lists++;
      expect(output, text).toBe(await format(text));
    }
    expect(lists).toBeGreaterThan(30);
  });

  it('generated pages of plain and other blocks: the bytes prettier gives each', async () => {
    const blocks = [A, B, C, KEPT, SIGNATURE, JSON_FENCE, '## `h` [x](#y)', '# h', '- a\n- b', '1. a', '> q', '| a |\n| - |\n| b |', '| a | bb |\n|--:|:--|\n| `x` | [y](#z) |', '| a |\n| - |\n| *b* |', '```ts\nconst a=1\n```', '**Title**', 'two\nlines', `${A}\n${B}`, 'a\n*b*', '<!-- c -->'];
    let seed = 5;
    const next = (n: number) => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) % n;
    for (let page = 0; page < 40; page++) {
      const text = `${Array.from({ length: 2 + next(12) }, () => blocks[next(blocks.length)]!).join(next(4) === 0 ? '\n\n\n' : '\n\n')}\n`;
      const { output } = await replaced(text);
      expect(output, text).toBe(await format(text));
    }
  });

  const text = `${A}\n\n# *h*\n\n${B}\n\n${KEPT}\n`;
  const sentText = `${placeholder(0)}\n\n# *h*\n\n${placeholder(1)}\n\n${KEPT}\n`;
  it.each([
    { name: 'a placeholder missing', tamper: (o: string) => o.replace(`${placeholder(1)}\n`, '') },
    { name: 'a placeholder twice', tamper: (o: string) => `${o}\n${placeholder(1)}\n` },
    { name: 'the placeholders swapped', tamper: (o: string) => o.replace(placeholder(0), 'X').replace(placeholder(1), placeholder(0)).replace('X', placeholder(1)) },
    { name: 'a placeholder inside a line', tamper: (o: string) => o.replace(placeholder(1), `a ${placeholder(1)}`) },
    { name: 'a placeholder indented', tamper: (o: string) => o.replace(placeholder(1), `  ${placeholder(1)}`) },
    { name: 'a line right before a placeholder', tamper: (o: string) => o.replace(`\n\n${placeholder(1)}`, `\nx\n${placeholder(1)}`) },
    { name: 'a line right after a placeholder', tamper: (o: string) => o.replace(`${placeholder(0)}\n\n`, `${placeholder(0)}\nx\n`) },
  ])('an output with $name: prettier gets the text as it is, and the result is its output', async ({ tamper }) => {
    expect(withoutPlainBlocks(text)?.text).toBe(sentText);
    await expectFallback(formatWithPlainBlocks, sentText, text, tamper);
  });

  it.each([
    { name: 'with a newline at its end', text: `${A}\n\n${B}\n\n${C}\n` },
    { name: 'without one', text: `${C}\n\n## reposGet\n\n${SIGNATURE}` },
    { name: 'with an empty line at its end (a section cut before a heading)', text: `${A}\n\n${B}\n\n` },
  ])('a text of plain blocks alone is not sent: prettier would print its lone placeholder as it is ($name)', async ({ text }) => {
    const { output, sent } = await replaced(text);
    expect(sent).toStrictEqual([]);
    expect(output).toBe(await format(text));
    // A placeholder beside anything else, or another one, is sent.
    expect((await replaced(`${text}\n\n${KEPT}\n`)).sent).toHaveLength(1);
    expect((await replaced(`${KEPT}\n\n${text}`)).sent).toHaveLength(1);
  });

  it('restores a run of several paragraphs, line for line', () => {
    const found = withoutPlainBlocks(`${A}\n\n${B}\n`)!;
    expect(found.text).toBe(`${placeholder(0)}\n`);
    expect(withPlainBlocks(`${placeholder(0)}\n`, found)).toBe(`${A}\n\n${B}\n`);
  });

  it('a failure on the replaced text formats the text as it is, so an error is its own', async () => {
    await expectFallback(formatWithPlainBlocks, sentText, text, () => {
      throw new Error('boom');
    });
    await expect(formatWithPlainBlocks(text, () => Promise.reject(new Error('at line 3')))).rejects.toThrow('at line 3');
  });

  // A review's reproducers (a differential fuzzer against prettier alone): each went wrong before.
  it.each([
    { name: 'three backticks in an example program', text: 'x\n\n```ts\nconst a = "```";\n```\n' },
    { name: 'three backticks in a comment', text: '```ts\n// see ```x```\n```\n' },
    { name: 'three backticks in JSON', text: '```json\n{\n  "a": "```"\n}\n```\n' },
    { name: 'three backticks in a signature', text: '```ts\nf(a: ```)\n```\n' },
    { name: 'a fence closed by a line with a no-break space after it (prettier: not closed)', text: '```\n```\u00a0\n\n| a |\n|-|\n| b |\n\n```\n' },
    { name: 'an address after a link text in brackets (prettier: text, with an autolink)', text: '[**a** a](a)[[a]](http://a)[[a]](a)\n' },
    { name: 'the same in a paragraph of two lines', text: 'a\n[**a** b](c)[[a]](http://a)[[a]](b)\n' },
  ])('the format stage gives prettier\'s bytes: $name', async ({ text }) => {
    const formatter = await createFormatter(DEFAULT_PACKAGE_SETUP);
    expect(await formatter.format(text, 'markdown', 'docs/A.md')).toBe(await format(text));
  });

  it('an output with a placeholder inside fenced code is not used', () => {
    const found = withoutPlainBlocks(`${A}\n`)!;
    expect(withPlainBlocks(`\`\`\`\n\n${placeholder(0)}\n\n\`\`\`\n`, found)).toBeUndefined();
    expect(withPlainBlocks(`${placeholder(0)}\n`, found)).toBe(`${A}\n`);
  });
});
