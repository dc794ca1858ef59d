/**
 * A large markdown table goes to prettier in groups of rows (markdown-tables.ts), and the groups'
 * outputs join into the bytes prettier gives for the whole document: the widest cell of each
 * column may be in any group, columns are aligned left, right or not at all, and cells hold code,
 * emphasis prettier rewrites, links and escaped pipes. Where groups end depends on the rows there,
 * so a row added to a regenerated table changes a few groups, not all after it. A table that cannot
 * be proven the same is not cut, and a group prettier lays out otherwise sends the document whole.
 */
import { describe, expect, it } from 'vitest';
import { formatChunked } from '../../generator/format/chunks.ts';
import { formatOne, type FormatJob, type FormatOutcome } from '../../generator/format/format-jobs.ts';
import { createFormatter, DEFAULT_PACKAGE_SETUP } from '../../generator/format/formatter.ts';
import { formatWithoutPlainRows } from '../../generator/format/markdown-rows.ts';
import { joinTable } from '../../generator/format/markdown-tables.ts';

// The groups go through the format stage's formatter (without plain rows, markdown-rows.ts), the whole document through prettier alone.
const formatter = await createFormatter(DEFAULT_PACKAGE_SETUP);
const prettier = await createFormatter(DEFAULT_PACKAGE_SETUP, { rewrites: false });
const MD = { parser: 'markdown', filepath: 'README.md' };
const whole = (text: string): Promise<FormatOutcome> => formatOne(prettier, { text, ...MD });

/** `text` formatted as the format stage does, tables cut into groups of about `groupChars`: the texts prettier got, and whether it went whole after all. */
async function formatted(text: string, groupChars: number, tamper: (output: string) => string = (output) => output): Promise<{ outcome: FormatOutcome; texts: string[]; whole: boolean }> {
  const texts: string[] = [];
  let wentWhole = false;
  const run = async (jobs: readonly FormatJob[]) => {
    texts.push(...jobs.map((job) => job.text));
    const outcomes = await Promise.all(jobs.map((job) => formatOne(formatter, job)));
    return outcomes.map((outcome) => ('content' in outcome && jobs.length > 1 ? { content: tamper(outcome.content) } : outcome));
  };
  const [outcome] = await formatChunked([{ text, ...MD }], run, { chunkedChars: 0, sectionedChars: 0, chunkChars: groupChars, onWhole: () => (wentWhole = true) });
  return { outcome: outcome!, texts, whole: wentWhole };
}

/** A row of the endpoint table: its widths vary, and row `wide` (if any) has the widest cell of every column. */
const row = (i: number, wide = -1): string => {
  const name = i === wide ? `operation${'X'.repeat(60)}` : `op${i}${'x'.repeat(i % 13)}`;
  const summary = i === wide ? 'Z'.repeat(90) : `Does   ~thing~ ${i}${i % 5 === 0 ? ' with `a \\| b`' : ''}${i % 7 === 0 ? ' [see](https://example.test/x)' : ''}`;
  return `| [**PetsApi**](docs/PetsApi.md) | [**${name}**](docs/PetsApi.md#${name.toLowerCase()}) | **GET** \`/pets/${i}\` | ${i === wide ? 1_234_567 : i} | ${summary} |`;
};
const HEADER = '| Class | Method | HTTP request | Count | Description |\n|-------|:-------|---|------:|-|';
const table = (rows: number, wide = -1): string => `${HEADER}\n${Array.from({ length: rows }, (_, i) => row(i, wide)).join('\n')}\n`;
const page = (body: string): string => `# pets\n\nA    paragraph *before*.\n\n## API endpoints\n\n${body}\n## Models\n\n* [Pet](docs/Pet.md)\n* [Tag](docs/Tag.md)\n`;

describe('a large markdown table', () => {
  it.each([
    { name: 'the widest cells in the first group', wide: 3 },
    { name: 'the widest cells in a middle group', wide: 200 },
    { name: 'the widest cells in the last group', wide: 398 },
  ])('goes to prettier in groups of rows and joins into the bytes of the whole document ($name)', async ({ wide }) => {
    const text = page(table(400, wide));
    const { outcome, texts, whole: wentWhole } = await formatted(text, 2_000);
    expect(outcome).toStrictEqual(await whole(text));
    expect(wentWhole).toBe(false);
    const groups = texts.filter((t) => t.startsWith(HEADER));
    expect(groups.length).toBeGreaterThan(5);
    // Each group but the last holds at least the group size of rows.
    expect(groups.slice(0, -1).every((group) => group.length - HEADER.length - 1 >= 2_000)).toBe(true);
    // Each group is the header and some of the rows, in order.
    expect(groups.map((group) => group.slice(HEADER.length + 1)).join('')).toBe(table(400, wide).slice(HEADER.length + 1));
    // The text around the table goes apart from it.
    expect(texts.filter((t) => !t.startsWith(HEADER)).map((t) => t.split('\n')[0])).toStrictEqual(['# pets', '## Models']);
  });

  it('a table whose rows hold the curly quotes and dashes of prose (one column each) goes in groups too, the bytes of the whole', async () => {
    const text = page(table(400).replaceAll('Does   ~thing~', 'Does it’s “the” ‘thing’ – or —'));
    const { outcome, texts, whole: wentWhole } = await formatted(text, 2_000);
    expect(outcome).toStrictEqual(await whole(text));
    expect(wentWhole).toBe(false);
    expect(texts.filter((t) => t.startsWith(HEADER)).length).toBeGreaterThan(5);
  });

  it('a table with plain rows: each group goes to prettier without them (markdown-rows.ts), the bytes of the whole', async () => {
    const plain = (i: number) => `| [**PetsApi**](docs/PetsApi.md) | [**op${i}**](docs/PetsApi.md#op${i}) | **GET** \`/pets/${i}\` | ${i === 300 ? 1_234_567 : i} | Does thing ${i} |`;
    const rows = Array.from({ length: 400 }, (_, i) => (i % 3 === 0 ? row(i) : plain(i)));
    const text = page(`${HEADER}\n${rows.join('\n')}\n`);
    const groups: string[] = [];
    const sent: string[] = [];
    const withoutRows = { format: (t: string, parser: string, filepath: string) => formatWithoutPlainRows(t, (x) => (sent.push(x), prettier.format(x, parser, filepath))) };
    const run = (jobs: readonly FormatJob[]) => (groups.push(...jobs.map((job) => job.text)), Promise.all(jobs.map((job) => formatOne(withoutRows, job))));
    const [outcome] = await formatChunked([{ text, ...MD }], run, { chunkedChars: 0, sectionedChars: 0, chunkChars: 2_000 });
    expect(outcome).toStrictEqual(await whole(text));
    expect(groups.filter((t) => t.startsWith(HEADER)).length).toBeGreaterThan(3);
    // prettier got the rows that are not plain, and none of the others.
    expect(rows.filter((r) => sent.some((t) => t.includes(r)))).toStrictEqual(rows.filter((_, i) => i % 3 === 0));
  });

  it.each([
    { name: 'two tables in a section, text between and after them', text: `# pets\n\n${table(120)}\ntext   between\n\n${table(150, 60)}\ntext   *after*\n` },
    { name: 'two tables with only an empty line between them', text: `# pets\n\n${table(120)}\n${table(150, 60)}` },
    { name: 'a table that ends the document, without a line break', text: `# pets\n\n${table(150, 60).trimEnd()}` },
  ])('$name: each table cut, the bytes of the whole', async ({ text }) => {
    const { outcome, texts, whole: wentWhole } = await formatted(text, 1_000);
    expect(outcome).toStrictEqual(await whole(text));
    expect(wentWhole).toBe(false);
    expect(texts.filter((t) => t.startsWith(HEADER)).length).toBeGreaterThan(6);
  });

  it('a row added in the middle changes the groups around it, not every group after it', async () => {
    const rows = Array.from({ length: 600 }, (_, i) => row(i));
    const before = await formatted(page(`${HEADER}\n${rows.join('\n')}\n`), 2_000);
    const added = [...rows.slice(0, 300), row(1_000), ...rows.slice(300)];
    const after = await formatted(page(`${HEADER}\n${added.join('\n')}\n`), 2_000);
    expect(after.outcome).toStrictEqual(await whole(page(`${HEADER}\n${added.join('\n')}\n`)));
    const groups = before.texts.filter((t) => t.startsWith(HEADER));
    expect(groups.length).toBeGreaterThan(10);
    // The group of the new row and the next one or two (33 groups; cut by size alone, 21 changed).
    expect(after.texts.filter((t) => !before.texts.includes(t)).length).toBeLessThanOrEqual(3);
  });

  it.each([
    { name: 'smaller than a group', text: page(table(10)), groupChars: 100_000 },
    { name: 'a centred column', text: page(table(60).replace('|---|', '|:---:|')), groupChars: 1 },
    { name: 'a cell wider than its length (not printable ASCII)', text: page(table(60).replace('Does', 'Doës')), groupChars: 1 },
    { name: 'a line without its outer pipes', text: page(table(60).replace(/\| (\[\*\*PetsApi\*\*\]\(docs\/PetsApi.md\) \| \[\*\*op5)/, '$1')), groupChars: 1 },
    { name: 'a line without its closing pipe', text: page(table(60).replace(/ \|\n(\| \[\*\*PetsApi\*\*\]\(docs\/PetsApi.md\) \| \[\*\*op6)/, '\n$1')), groupChars: 1 },
    { name: 'a delimiter row of another width than the header (a paragraph, not a table)', text: page(table(60).replace('------:|-|', '------:|')), groupChars: 1 },
    { name: 'in fenced code', text: `# pets\n\n\`\`\`md\n\n${table(60)}\n\`\`\`\n`, groupChars: 1 },
    { name: 'in an HTML comment', text: `# pets\n\n<!--\n\n${table(60)}\n-->\n`, groupChars: 1 },
    { name: 'in a list item', text: `# pets\n\n- item\n\n  ${table(60).replaceAll('\n|', '\n  |')}`, groupChars: 1 },
    { name: 'an HTML comment open in a row', text: page(table(60).replace('Does', '<!-- Does')), groupChars: 1 },
  ])('not cut: $name', async ({ text, groupChars }) => {
    const { outcome, texts, whole: wentWhole } = await formatted(text, groupChars);
    expect(outcome).toStrictEqual(await whole(text));
    expect(wentWhole).toBe(false);
    expect(texts.every((t) => t.startsWith('#'))).toBe(true);
  });

  it('a group that prettier lays out otherwise than a table sends the document whole', async () => {
    const text = page(table(200));
    const { outcome, whole: wentWhole } = await formatted(text, 2_000, (output) => (output.startsWith('| Class') ? output.replace(' |\n', '  |\n') : output));
    expect(outcome).toStrictEqual(await whole(text));
    expect(wentWhole).toBe(true);
  });
});

describe('joinTable', () => {
  const group = (rows: string[]) => `| a   |   b |\n| --- | --: |\n${rows.join('\n')}\n`;
  it('pads every group to the widest column of all, a right-aligned column before its cells', () => {
    expect(joinTable([group(['| x   |   1 |']), '| a    |    b |\n| ---- | ---: |\n| wide | 2222 |\n'])).toBe('| a    |    b |\n| ---- | ---: |\n| x    |    1 |\n| wide | 2222 |\n');
  });
  it.each([
    { name: 'headers that differ', outputs: [group(['| x   |   1 |']), group(['| z   |   3 |']), '| c   |   b |\n| --- | --: |\n| y   |   2 |\n'] },
    { name: 'alignments that differ', outputs: [group(['| x   |   1 |']), '| a   |   b |\n| :-- | --: |\n| y   |   2 |\n'] },
    { name: 'a row shorter than its cells', outputs: [group(['| x   | 1 |']), group(['| y   |   2 |'])] },
    { name: 'a row longer than its cells', outputs: [group(['| x   |   1 | z |']), group(['| y   |   2 |'])] },
    { name: 'a row whose separators are out of place', outputs: [group(['| x    |  1 |']), group(['| y   |   2 |'])] },
    { name: 'a delimiter mark shorter than 3', outputs: ['| a  |   b |\n| -- | --: |\n| x  |   1 |\n', group(['| y   |   2 |'])] },
    { name: 'a centred column in every group', outputs: ['| a   |  b  |\n| --- | :-: |\n| x   |  1  |\n', '| a   |   b   |\n| --- | :---: |\n| y   | 22222 |\n'] },
    { name: 'a cell of another width than its length', outputs: [group(['| é   |   1 |']), group(['| y   |   2 |'])] },
    { name: 'a centred column', outputs: [group(['| x   |   1 |']), '| a   |  b  |\n| --- | :-: |\n| y   |  2  |\n'] },
    { name: 'no row', outputs: ['| a   |   b |\n| --- | --: |\n', group(['| y   |   2 |'])] },
  ])('$name: undefined', ({ outputs }) => {
    expect(joinTable(outputs)).toBeUndefined();
  });
});
