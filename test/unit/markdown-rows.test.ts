/**
 * A markdown table's plain rows (markdown-rows.ts) are left out of the text prettier formats and put
 * back into its output: the result is prettier's own output for the whole text, whichever row has a
 * column's widest cell and however the columns are aligned, and prettier never sees those rows. A
 * table that cannot be proven the same keeps its rows, and an output that is not as expected (or a
 * failure on the stripped text) sends the text with all its rows.
 */
import { describe, expect, it } from 'vitest';
import { plainCell } from '../../generator/format/markdown-inline.ts';
import { formatWithoutPlainRows, withoutPlainRows, withPlainRows } from '../../generator/format/markdown-rows.ts';
import { expectFallback, format, recorded } from '../helpers/rewrites.ts';

/** `text` formatted without its plain rows: the result, and the texts prettier got. */
const stripped = (text: string) => recorded(formatWithoutPlainRows, text);

const PLAIN = [
  '| **owner** | `string` | The account owner of the repository. The name is not case sensitive. | required, path parameter `owner` |',
  '| [**reposGet**](ReposApi.md#reposget) | **GET** `/repos/{owner}/{repo}` | Get a repository | - |',
  '| **answer_chosen_by.starred_url** | `"asc"` \\| `"desc"` \\| `null` |  | No |',
  '| [Using pagination (max 100)](../README.md#models) | `a <b> & *c*` | 1. "quoted" it\'s = +1? a/b; c: d | **200** |',
];
const KEPT = [
  '| ~em~ | `string` | Does   ~thing~ | x |',
  '| **x** | `a \\| b` | ~snake~ | [see](https://example.test/x) |',
  '| <b>html</b> | &amp; | a  b | ` spaced ` |',
];
const HEADER = '| Name | Type | Description | Notes |\n|------|:-----|-----|---:|';
const table = (rows: readonly string[]): string => [HEADER, ...rows, ''].join('\n');

describe('plain table rows', () => {
  const wideKept = `| **${'w'.repeat(70)}** | \`${'t'.repeat(40)}\` | ~${'d'.repeat(120)}~ | ${'n'.repeat(50)}_ |`;
  const widePlain = `| **${'w'.repeat(70)}** | \`${'t'.repeat(40)}\` | ${'d'.repeat(120)} | ${'n'.repeat(50)} |`;
  it.each([
    { name: 'plain and kept rows interleaved', rows: [PLAIN[0]!, KEPT[0]!, PLAIN[1]!, KEPT[1]!, PLAIN[2]!, KEPT[2]!, PLAIN[3]!], plain: [0, 2, 4, 6] },
    { name: 'the widest cells in a kept row', rows: [PLAIN[2]!, wideKept, PLAIN[1]!], plain: [0, 2] },
    { name: 'the widest cells in a plain row', rows: [KEPT[0]!, widePlain, KEPT[1]!], plain: [1] },
    { name: 'every row plain (prettier gets the header alone)', rows: PLAIN, plain: [0, 1, 2, 3] },
    { name: 'cells narrower than 3', rows: ['| a | b | c | d |', KEPT[0]!, '| x | y | z | w |'], plain: [0, 2] },
    {
      name: "bold names prettier escapes, one of them a column's widest",
      rows: ['| **_links** | `object` |  | Yes |', KEPT[0]!, '| **_links.git_url.items[]._a__b** | `string` |  | No |', '| **a_b** | `string` |  | Yes |'],
      plain: [0, 2, 3],
    },
    {
      // Prettier counts each of them one column (Stripe's descriptions write them): a cell's width is its length.
      name: "prose's curly quotes and dashes, in plain and kept rows, one of them a column's widest",
      rows: ['| **it’s** | `string` | “Quoted” – and — ‘single’ quoted, a description wider than every other one here | No |', KEPT[0]!, '| **x** | `a` | *It’s* kept – “emphasis” | Yes |', '| **y** | `b` | It’s plain | Yes |'],
      plain: [0, 3],
    },
    {
      name: "currency signs, in plain and kept rows, one of them a column's widest",
      rows: ['| **price** | `integer` | In cents: 100 for $1.00, ¥100, €1 or £1, a description wider than every other one here | No |', KEPT[0]!, '| **x** | `a` | *¥1* kept | Yes |', '| **y** | `b` | $5 | Yes |'],
      plain: [0, 3],
    },
  ])("are put back into prettier's output: the bytes of the whole text ($name)", async ({ rows, plain }) => {
    const text = `# Pets\n\nSome   ~prose~.\n\n${table(rows)}\nMore text.\n`;
    const { output, sent } = await stripped(text);
    expect(output).toBe(await format(text));
    expect(sent).toStrictEqual([`# Pets\n\nSome   ~prose~.\n\n${table(rows.filter((_, i) => !plain.includes(i)))}\nMore text.\n`]);
  });

  it('prettier gets none of the plain rows, and every other line', async () => {
    const text = `# Pets\n\n${table([...PLAIN, ...KEPT])}\n${table(KEPT)}\n\`\`\`md\n${table(PLAIN)}\`\`\`\n`;
    const { output, sent } = await stripped(text);
    expect(output).toBe(await format(text));
    expect(sent).toHaveLength(1);
    // The second table has no plain row, and the one in fenced code is not a table.
    expect(sent[0]).toBe(`# Pets\n\n${table(KEPT)}\n${table(KEPT)}\n\`\`\`md\n${table(PLAIN)}\`\`\`\n`);
  });

  it('two tables with plain rows, a table without between them: each goes back to its own', async () => {
    const first = table([PLAIN[0]!, KEPT[0]!]);
    const last = table([KEPT[2]!, PLAIN[3]!, PLAIN[1]!]);
    const text = `${first}\n${table(KEPT)}\ntext\n\n${last}`;
    const { output, sent } = await stripped(text);
    expect(output).toBe(await format(text));
    expect(sent).toStrictEqual([`${table([KEPT[0]!])}\n${table(KEPT)}\ntext\n\n${table([KEPT[2]!])}`]);
  });

  it.each([
    { name: 'blank lines prettier joins, before the table', before: '# Pets\n\n\n\ntext\n\n\n' },
    { name: 'a table without its closing pipes before it (prettier adds them)', before: '| A | B\n| --- | ---\n| a | b\n\n' },
    { name: 'text that starts with a pipe and is no table', before: '| not a table\n\n' },
  ])('other blocks around the table ($name) do not send the text with its rows', async ({ before }) => {
    const text = `${before}${table([PLAIN[0]!, KEPT[0]!])}`;
    const { output, sent } = await stripped(text);
    expect(output).toBe(await format(text));
    expect(sent).toStrictEqual([`${before}${table([KEPT[0]!])}`]);
  });

  it('a text with a tilde fence whose info string holds a backtick keeps its rows (prettier prints that fence with backticks, where it opens none)', async () => {
    const text = '~~~a`b\n~~~\n\n| h |\n|---|\n| xxxxx |\n\n~~~\n\n| h   |\n| --- |\n\n~~~\n';
    expect(withoutPlainRows(text)).toBeUndefined();
    const { output, sent } = await stripped(text);
    expect(sent).toStrictEqual([text]);
    expect(output).toBe(await format(text));
  });

  it.each([
    { name: 'an indented tilde fence, the backtick later in its info string', before: '  ~~~ lang x`y\n  ~~~\n\n', left: false },
    { name: 'a tilde fence without a backtick', before: '~~~ lang\ncode `x`\n~~~\n\n', left: true },
    { name: 'tildes and a backtick in a paragraph', before: 'see ~~~ and ~x `y`\n\n', left: true },
  ])('$name: rows left out only where no fence could move', async ({ before, left }) => {
    const text = `${before}${table([PLAIN[0]!, KEPT[0]!])}`;
    const { output, sent } = await stripped(text);
    expect(output).toBe(await format(text));
    expect(sent).toStrictEqual([left ? `${before}${table([KEPT[0]!])}` : text]);
  });

  it('a table that ends the text without a line break', async () => {
    const text = `# Pets\n\n${table([PLAIN[0]!, KEPT[0]!]).trimEnd()}`;
    const { output, sent } = await stripped(text);
    expect(output).toBe(await format(text));
    expect(sent).toStrictEqual([`# Pets\n\n${table([KEPT[0]!]).trimEnd()}`]);
    // An output that ends without a line break (prettier's ends with one) still has its table found.
    const found = withoutPlainRows(text)!;
    expect(withPlainRows((await format(found.text)).trimEnd(), found)).toBe((await format(text)).trimEnd());
  });

  it.each([
    { name: 'a list', before: '- item\n- *item*\n\n' },
    { name: 'a list of one plain item', before: '- item\n\n' },
    { name: 'an ordered list', before: '1. item\n2. item\n\n' },
    { name: 'a list whose item goes on', before: '* item\n  goes   on\n\n' },
    { name: 'a loose list', before: '- a\n\n- b\n\n' },
    { name: 'a quote', before: '> quoted *text*\n\n' },
    { name: 'a list item holding indented code', before: '- a\n\n      code\n\n' },
    { name: 'indented code', before: '    code\n\n' },
    { name: 'a paragraph that starts with digits', before: '2024 was   a year\n\n' },
    { name: 'a thematic break', before: '***\n\n' },
  ])('a table after $name: its plain rows are left out, the bytes of the whole text', async ({ before }) => {
    const text = `${before}${table([PLAIN[0]!, KEPT[0]!, PLAIN[1]!])}\nafter\n`;
    const { output, sent } = await stripped(text);
    expect(output).toBe(await format(text));
    expect(sent).toStrictEqual([`${before}${table([KEPT[0]!])}\nafter\n`]);
  });

  it.each([
    { name: 'a header that is not plain', text: `| ~Name~ | Type |\n|---|---|\n| a | b |\n` },
    { name: 'a table in a list item', text: `- item\n\n  | Name | Type |\n  |---|---|\n  | a | b |\n` },
    { name: 'a centred column', text: `| Name | Type |\n|---|:-:|\n| a | b |\n` },
    { name: 'rows with more or fewer cells than the header', text: `| Name | Type |\n|---|---|\n| a | b | c |\n| a |\n` },
    { name: 'a row that looks like a delimiter row', text: `| Name | Type |\n|---|---|\n| --- | --- |\n|---|---|\n` },
    { name: 'a non-ASCII cell', text: `| Name | Type |\n|---|---|\n| a | b |\n| café | b |\n` },
    { name: 'a document with a link definition', text: `| Name | Type |\n|---|---|\n| a | b |\n\n[a]: https://example.test\n` },
    { name: 'prettier-ignore', text: `<!-- prettier-ignore -->\n| Name | Type |\n|---|---|\n| a   | b |\n` },
    { name: 'a row with a backslash other than in an escaped pipe', text: `| Name | Type |\n|---|---|\n| a\\_b | b |\n` },
  ])('not left out: $name', async ({ text }) => {
    expect(withoutPlainRows(text)).toBeUndefined();
    const { output, sent } = await stripped(text);
    expect(sent).toStrictEqual([text]);
    expect(output).toBe(await format(text));
  });

  it.each([
    { name: 'a table fewer', tamper: (output: string) => output.replace(/^\| Name[^]*?\n\n/m, '') },
    { name: 'a table more', tamper: (output: string) => `| A |\n| --- |\n\n${output}` },
    { name: 'another header', tamper: (output: string) => output.replace('| Name', '| Nome') },
    { name: 'a row more', tamper: (output: string) => output.replace(/^(\| ~em~.*)$/m, '$1\n$1') },
    { name: 'a row laid out otherwise', tamper: (output: string) => output.replace(/^\| ~em~.*$/m, '| ~em~ | `string` | x | y |') },
    { name: 'a column fewer', tamper: (output: string) => output.replace(/^\|.*\|$/gm, (line) => line.slice(0, line.lastIndexOf('|', line.length - 2) + 1)) },
    { name: 'a table start more after it', tamper: (output: string) => `${output}\n| after |\n` },
  ])('an output not as expected ($name) is not used', async ({ tamper }) => {
    const text = `# Pets\n\n${table([PLAIN[0]!, KEPT[0]!, PLAIN[1]!])}\nMore text.\n`;
    const found = withoutPlainRows(text)!;
    expect(withPlainRows(await format(found.text), found)).toBe(await format(text));
    expect(withPlainRows(tamper(await format(found.text)), found)).toBeUndefined();
    await expectFallback(formatWithoutPlainRows, found.text, text, tamper);
  });

  it('prettier failing on the text without its rows formats the text with them, so an error is the text\'s own', async () => {
    const text = `# Pets\n\n${table([PLAIN[0]!, KEPT[0]!])}`;
    await expectFallback(formatWithoutPlainRows, withoutPlainRows(text)!.text, text, () => {
      throw new Error('boom');
    });
    await expect(formatWithoutPlainRows(text, () => Promise.reject(new Error('at line 3')))).rejects.toThrow('at line 3');
  });
});

describe('plain cells', () => {
  it('prettier prints every plain cell as it is: generated cells of every kind, in one table', async () => {
    // A deterministic mix of the grammar's tokens, with punctuation at the edges of words.
    const words = ['a', 'Z9', '(x)', '"q"', "it's", 'a/b', 'c:', '1.', '-', '+1', '=', '?', ';', 'x,y', 'snake_case'];
    const tokens = [...words, '`a <b> & *c* _d_ [e](f)`', '`{org}`', '**GET**', '**Bold words.**', '\\|', '[**x**](A.md#x)', '[see `y` here](../B.md#y_z)'];
    let seed = 7;
    const next = (n: number) => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) % n;
    const cell = () => Array.from({ length: 1 + next(5) }, () => tokens[next(tokens.length)]!).join(' ');
    const rows = Array.from({ length: 300 }, () => `| ${cell()} | ${cell()} | ${cell()} | ${cell()} |`);
    expect(rows.every((row) => row.slice(2, -2).split(/ (?<!\\)\| /).every(plainCell))).toBe(true);
    const text = table(rows);
    const found = withoutPlainRows(text)!;
    expect(found.text).toBe(`${HEADER}\n`);
    expect(withPlainRows(await format(found.text), found)).toBe(await format(text));
  });
});
