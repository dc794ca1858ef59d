/**
 * The inline markdown prettier prints as it is (markdown-inline.ts): a table cell's text or a
 * paragraph of one line. Every text the grammar accepts is checked against prettier itself; what
 * it refuses is what prettier changes, parses otherwise, or what the grammar cannot tell apart.
 */
import { describe, expect, it } from 'vitest';
import { plainCell, plainParagraph, printedCell as knownCell, printedParagraph } from '../../generator/format/markdown-inline.ts';
import { format } from '../helpers/rewrites.ts';

/** prettier's output for `cell` in a table of one column whose header is as wide. */
const printedCell = async (cell: string): Promise<string> => {
  const header = 'h'.repeat(Math.max(3, cell.length));
  const output = await format(`| ${header} |\n| --- |\n| ${cell} |\n`);
  return output.split('\n')[2]!.slice(2, -2).trimEnd();
};

/** Plain both in a cell and as a paragraph. */
const PLAIN = [
  'word',
  'The account owner of the repository. The name is not case sensitive.',
  '`/repos/{owner}/{repo}`',
  '`a <b> & *c*`',
  '**GET** `/x`',
  '[**reposGet**](ReposApi.md#reposget)',
  '[Using `code` and **bold**](../README.md#models_x)',
  'snake_case a_b_c',
  'a "[quoted link](https://example.test/a/b_c?x=1)"',
  'see [retries](../README.md#retries-timeouts)). After `api.isError(error, "x")`, checking `error.status`',
  'Failures reject with [`ApiError`](../README.md#errors) or (`ActionsApiErrors`); see [a](b)[c](d).',
  '[[Back to top]](#reposapi) [[Back to API list]](../README.md#api-endpoints)',
  '`a`s and `b`-like (`c`)',
  'Lists [issues](https://docs.github.com/rest/issues/issues#list-issues) for the `owner`.',
  '[a](http://example.test:8080/a%20b~c+d=e)',
  '**Accept**: `application/json`, `application/scim+json`',
  '**Content-Type**: Not defined',
  '**(a.)**: b',
  '[**RunnerApplication**](RunnerApplication.md)[]',
  '`object`[] and `string`[][]',
  '**concurrency_groups[].group** x[]y [] a[]: b',
  '`string` \\| `null`',
  'Retries after 408, 409, 429 or >= 500 (x > y, in (0.75, 1]) a]',
  'Where requests go: `https://api.example.test/v1`, or `www.example.test` and [`http://a.b`](c)',
  '[**PrivateUser**](PrivateUser.md) \\| [**PublicUser**](PublicUser.md)',
  'see [`a` \\| `b`](A.md#x) \\| c',
  '`number \\| string` and `\\|`',
  '[`a \\| b`](A.md#x)',
  'All URIs are relative to *https://api.github.com*',
  '*HTTP://localhost:8080/api/v1_beta/x-y.json/* and *https://a-b.c.d/d~e.f/*',
  '&gt; [!NOTE]',
  '&gt; A `code`. **Bold**: yes, and [docs &amp; more](https://x.y/z).',
  'a &gt; b &lt; c &amp; d &quot;e&quot; &apos;f&apos; &#39;g&#39; AT&amp;T x&gt;y',
  'x [!WARNING] y',
  'Defines the level of access.<br><br>`none` means no access. a <br> b<br>',
  '**`a`**',
  '**`application/vnd.github.star+json`**: Includes a timestamp of when the star was created.',
  'x **`a b`** and **`c/d+e`**: y',
  '`object` & `object`',
  'The user’s “installation” within 4–6 hours — or ‘never’',
  'Amount transferred, in %s. A coupon makes a %s100 invoice %s50, 50% off',
  '[**Response_**](Response_.md) \\| **object_** or **a b_**, snake_ a_`b` [Error__](E.md)',
  '`a  b` and `false ` x',
  'An _em_ and (_Limited Availability_), _a b:_ c<br>_d_.',
  'If **true**, the end. In **Limited Availability**. See **b**; c **d**) e',
  '[Create](https://x.test/a#b "Create Sub"); [U](y "U\'s title")',
  'fields: * `taxItems` * invoice. * The<br><br>* `Align` - b<br><br> * c *',
  'You should &lt;a href="/docs/api#update_customer"&gt;update the customer&lt;/a&gt; #1, {id} or {a: b}',
  '[**Integration**](Integration.md) & `object` \\| [**A**](A.md)',
  '& a & & b &',
  'Version.<br><br>**Values**: `a`<br><br>**Note:** b<br>**`c`**<br>**(d)**<br>',
  'Charges $1.00 or ¥100 (€5, £3): at least $0.50 US$, **$5** a `$` [€](x), $x$ (no math between single dollars)',
  'see https://example.test, `a` https://a.test/b?c=1&amp;d=2 `b`<br>www.example.test and a.www.b [a](https://www.example.test) www.x',
  'Use &lt;a href="https://stripe.com/docs/keys#test-live-modes"&gt;live-mode keys&lt;/a&gt;. See https://www.gov.uk/eori.<br>"https://rest.zuora.com"',
  'See https://ec.europa.eu/taxation_customs/eori_en. and &lt;a href="https://stripe.com/docs/api/quotes/object#quote_object-line_items"&gt;items&lt;/a&gt;',
];

describe('plain inline markdown', () => {
  it.each(PLAIN)('%j is plain in a cell and as a paragraph, and prettier prints it as it is', async (text) => {
    expect(plainCell(text)).toBe(true);
    expect(plainParagraph([text])).toBe(true);
    expect(await printedCell(text)).toBe(text);
    expect(await format(`${text}\n`)).toBe(`${text}\n`);
  });

  it.each([
    '',
    "1. \"quoted\" it's = +1? a/b; c: d (e) -",
    '`"asc"` \\| `"desc"`',
    '**a** \\| b',
    '- a',
    '+ a',
    '(x) y',
    '<br>',
  ])('%j is a plain cell, and prettier prints it as it is', async (cell) => {
    expect(plainCell(cell)).toBe(true);
    expect(await printedCell(cell)).toBe(cell);
  });

  it.each(['<a id="reposget"></a>', '<a id=""></a>', '**Create an organization repository**'])('%j is a plain paragraph, and prettier prints it as it is', async (line) => {
    expect(plainParagraph([line])).toBe(true);
    expect(await format(`${line}\n`)).toBe(`${line}\n`);
  });

  it.each([
    'The visibility is set when you [Create or\nupdate an organization secret](https://docs.github.com/rest/actions/secrets#create).',
    'a **bold\ntext** and [[Back to\ntop]](#top)',
    'a [`code` and\n**bold**](A.md#x) `c`\nd',
  ])('%j is a plain paragraph over lines (a line break inside a link or bold text, lines from a parenthesis, a quote or digits), and prettier prints it as it is', async (text) => {
    const lines = text.split('\n');
    expect(lines.every((line) => plainParagraph([line]))).toBe(false);
    expect(plainParagraph(lines)).toBe(true);
    expect(await format(`${text}\n`)).toBe(`${text}\n`);
  });

  it('a paragraph whose lines start with a parenthesis, a quote or digits is plain, and prettier prints it as it is', async () => {
    const lines = ['Lists the jobs', '(returned as the last element) and', '"[Setting the permissions](https://docs.github.com/a#b)."', '10 on the default branch, another 5', "'quoted' at the start", '2024 was'];
    expect(plainParagraph(lines)).toBe(true);
    for (const line of lines) expect(plainParagraph([line])).toBe(true);
    expect(await format(`${lines.join('\n')}\n`)).toBe(`${lines.join('\n')}\n`);
  });

  it.each([
    '&gt; [!WARNING]  \n&gt; This endpoint is closing down.',
    'a **b**  \n[c d](#e)  \n`f`',
  ])('%j, with a hard break (two spaces ending a line another follows), is a plain paragraph, and prettier prints it as it is', async (text) => {
    expect(plainParagraph(text.split('\n'))).toBe(true);
    expect(await format(`${text}\n`)).toBe(`${text}\n`);
  });

  it.each([
    { text: 'a `b\nc` d', why: 'a code span over two lines (not read)' },
    { text: 'a   \nb', why: 'three spaces ending a line (prettier prints two)' },
    { text: 'a\nb  ', why: 'two spaces ending the last line (prettier drops them)' },
    { text: 'x [a  \nb](c)', why: 'a hard break in a link\'s text (not read)' },
    { text: 'x [a\n- b](c)', why: 'a line that starts a list item' },
    { text: 'x [a\n# b](c)', why: 'a line that starts a heading' },
    { text: 'x [a\n1. b](c)', why: 'a line that starts an ordered item' },
    { text: 'x [a \nb](c)', why: 'a space before the line break (prettier drops it)' },
    { text: 'a\n1. b', why: 'a line that starts an ordered item with a dot' },
    { text: 'a\n1) b', why: 'a line that starts an ordered item with a parenthesis' },
    { text: 'a\n1.5 b', why: 'digits before a dot (not read)' },
    { text: 'a\n+ b', why: 'a line that starts a list item with a plus' },
  ])('$text is not a plain paragraph ($why)', async ({ text }) => {
    expect(plainParagraph(text.split('\n'))).toBe(false);
  });

  it.each([
    { text: '*em*', why: 'emphasis' },
    { text: 'x *https://a.b/c_.*', why: 'an address in emphasis whose autolink ends before its end' },
    { text: 'x *https://{host}/a*', why: 'an address in emphasis with a brace' },
    { text: 'x *https://a.b*.', why: 'an address in emphasis followed by punctuation' },
    { text: 'x*https://a.b*', why: 'an address in emphasis after a word' },
    { text: '[*https://a.b*](c)', why: "an address in emphasis in a link's text" },
    { text: 'x *www.a.b*', why: 'an address without its scheme in emphasis' },
    { text: 'a $$x$$ b', why: 'math (between two dollars)' },
    { text: '$$', why: 'two dollars alone (math)' },
    { text: 'a ¢1', why: 'a currency sign of its own width unknown' },
    { text: 'a &nbsp; b', why: 'another entity' },
    { text: 'a &#42; b', why: 'a numeric entity' },
    { text: 'AT&T', why: 'an ampersand' },
    { text: 'a &b', why: 'an ampersand before a word' },
    { text: 'a& b', why: 'an ampersand after a word' },
    { text: '`a`& b', why: 'an ampersand after code' },
    { text: 'a &&', why: 'two ampersands' },
    { text: '[a & b](c)', why: "an ampersand in a link's text" },
    { text: 'a &gt b', why: 'an entity without its semicolon' },
    { text: 'x [!note] y', why: "an alert's marker in lower case" },
    { text: 'x [!NOTE]y', why: "an alert's marker followed by a word" },
    { text: '[[!NOTE]](x)', why: "an alert's marker in a link's text" },
    { text: '_snake', why: 'an underscore before a word' },
    { text: 'a._b', why: 'an underscore after punctuation' },
    { text: 'a__b', why: 'a run of underscores inside a word' },
    { text: 'a  b', why: 'two spaces' },
    { text: '` a `', why: 'a code span with spaces at its ends' },
    { text: '`a\\b`', why: 'a backslash in code' },
    { text: '`a|b`', why: 'a pipe in code (it ends a cell)' },
    { text: '`a\\\\|b`', why: 'an escaped backslash, then a pipe, in code' },
    { text: '`a', why: 'an unclosed code span' },
    { text: '` x', why: 'an unclosed code span, then a space' },
    { text: '`a``b`', why: 'two code spans with no space between' },
    { text: '*a', why: 'an asterisk before a letter' },
    { text: 'a *<br>', why: 'an asterisk before <br> (not read)' },
    { text: '**a_ b**', why: 'a run of `_` at the end of a word before another in bold (prettier escapes it)' },
    { text: '**a**b', why: 'bold followed by a word' },
    { text: 'a [](b)', why: 'empty brackets before a parenthesis (an empty link, which prettier prints otherwise)' },
    { text: 'a[](b)', why: 'empty brackets before a parenthesis, in a word' },
    { text: 'a[][b]', why: 'empty brackets before a bracket' },
    { text: 'a[]]', why: 'empty brackets before a closing bracket' },
    { text: '[a[]](b)', why: 'empty brackets in a link\'s text' },
    { text: '**a**!', why: 'bold followed by punctuation other than :.,;)' },
    { text: '**a**(b)', why: 'bold followed by a parenthesis' },
    { text: 'a**b**', why: 'bold after a word' },
    { text: '**a**`b`', why: 'bold followed by code' },
    { text: 'a>**b**', why: 'bold after a word that does not end with <br>' },
    { text: '**a**<b>', why: 'bold followed by HTML other than <br>' },
    { text: 'a<br>*b*', why: 'emphasis after <br>' },
    { text: 'a<br>**b', why: 'bold not closed after <br>' },
    { text: '**a**\\|', why: 'bold touching a pipe' },
    { text: '**a *b***', why: 'emphasis in bold' },
    { text: '**`a`**b', why: 'code in bold followed by a word' },
    { text: '**`a` b**', why: 'code and a word in bold' },
    { text: '**`a``b`**', why: 'two code spans in bold' },
    { text: '[a](b c)', why: 'a destination with a space' },
    { text: '[a](<b>)', why: 'a destination in angle brackets' },
    { text: '[a](b "a &amp; b")', why: 'a link title with an entity (prettier prints the character)' },
    { text: '[a](b "x(y)")', why: 'a link title with parentheses (not read)' },
    { text: '[a](b "")', why: 'an empty link title (prettier drops it)' },
    { text: '[a](b " t")', why: 'a link title that starts with a space' },
    { text: '[* a](b)', why: 'an asterisk in a link text (not read)' },
    { text: '[a](b&amp;c)', why: 'an entity in a destination' },
    { text: '[a](b(c))', why: 'parentheses in a destination' },
    { text: '[](b)', why: 'an empty link text' },
    { text: '[[]](b)', why: 'an empty run in brackets' },
    { text: '[[a](b)', why: 'brackets not closed twice' },
    { text: '[a [b](c)](d)', why: 'a link in a link' },
    { text: '[a]', why: 'a reference' },
    { text: '[a][b]', why: 'a full reference' },
    { text: '[[a]]', why: 'a wiki link' },
    { text: '[[a]](http://a)', why: 'an address after a link text in brackets (prettier: text)' },
    { text: '[[a]](www.a)', why: 'an autolink after a link text in brackets' },
    { text: '[[a]](a_)', why: 'an underscore after a link text in brackets' },
    { text: '[[a]](a?b)', why: 'a query after a link text in brackets' },
    { text: '[ x', why: 'a bracket that opens no link' },
    { text: '![a](b)', why: 'an image' },
    { text: 'see https://example.test/a__b', why: 'an autolink with a run of underscores (an address word holds single ones between letters or digits, no `*`, `~`, `(` or `)`)' },
    { text: 'see https://example.test/a_ b', why: "an autolink with an underscore at its end" },
    { text: 'x https://a.test/(*c*)', why: 'emphasis in an autolink (which prints as its source, where the rewrites would read it)' },
    { text: '`a` https://example.test/*x* `b`', why: 'an autolink with asterisks between code spans' },
    { text: '`a](`https://example.test`)`', why: 'an autolink between code spans that look like a destination around it' },
    { text: '[[a]x(y)', why: 'a link text in brackets without its second closing bracket' },
    { text: '[[a]((y)', why: 'a link text in brackets followed by a parenthesis, not a bracket' },
    { text: '[https://example.test](a)', why: 'an autolink in a link text' },
    { text: 'www.example.test/~x~', why: 'an autolink with tildes' },
    { text: '[a](https://www.example.test) www.x_y_', why: 'an autolink with underscores after a link' },
    { text: '**https://a.test**', why: 'an autolink in bold' },
    { text: 'me@example.test', why: 'an email autolink' },
    { text: '<b>', why: 'HTML' },
    { text: 'a<br/>b', why: 'HTML other than <br>' },
    { text: '$$x$$', why: 'math' },
    { text: '{{ x }}', why: 'liquid' },
    { text: '`{% x %}`', why: 'liquid in code' },
    { text: '`{{ x }}`', why: 'liquid in code' },
    { text: '` a`', why: 'a space that starts code' },
    { text: '``a``', why: 'code between runs of backticks (prettier prints one)' },
    { text: 'a ~b~', why: 'strikethrough' },
    { text: 'a\\*b', why: 'an escape' },
    { text: 'a\\|b', why: 'a pipe touching a word' },
    { text: '`a`\\|', why: 'a pipe touching code' },
    { text: '\\|[a](b)', why: 'a link touching a pipe' },
    { text: '[a ](b)', why: 'a space before the end of a link text' },
    { text: 'café', why: 'not ASCII (but for dashes and curly quotes)' },
    { text: 'a … b', why: 'an ellipsis' },
  ])('$text is not plain ($why)', ({ text }) => {
    expect(plainCell(text)).toBe(false);
    expect(plainParagraph([text])).toBe(false);
  });

  it.each([
    { line: '', why: 'empty' },
    { line: '1. a', why: 'a list item' },
    { line: '- a', why: 'a list item' },
    { line: '+ a', why: 'a list item' },
    { line: '1) a', why: 'a list item' },
    { line: '2024. was', why: 'digits and a dot first' },
    { line: '> a', why: 'a quote' },
    { line: '# a', why: 'a heading (a cell of it is plain)' },
    { line: '* a', why: 'a list item (a cell of it is plain)' },
    { line: '*', why: 'an empty list item' },
    { line: 'a * b\n* c', why: 'a list item after a line' },
    { line: ': a', why: 'other punctuation first' },
    { line: ' a', why: 'a space first' },
    { line: 'a ', why: 'a space last' },
    { line: '<a id="x"></a> y', why: 'HTML with text' },
    { line: 'y <a id="x"></a>', why: 'text with HTML' },
    { line: '<a name="x"></a>', why: 'HTML that is not an empty anchor' },
    { line: '<a id="x y"></a>', why: 'an anchor with a space' },
  ])('$line is not a plain paragraph ($why)', ({ line }) => {
    expect(plainParagraph([line])).toBe(false);
  });

  it('prettier prints every plain paragraph and cell as it is: generated texts of every kind', async () => {
    // A deterministic mix of the grammar's tokens, touching or one space apart.
    const words = ['a', 'Z9', '(x)', '"q"', "it's", 'a/b', 'c:', '1.', '-', '+1', '=', '?', ';', 'x,y', 'snake_case', ').', '"', ':', ':a', '::', 'a[]', '[]', 'x[].y', '[][]', '>=', '->', '1]', ']', '(0.75, 1]', '%s', '100%', '%', '#', 'a#b', '#1', '{x}', '{a:', '}', '$5', '$x', '¥1', '€', '£2'];
    const touching = [...words, '<br>', 'a.<br><br>', '`a <b> & *c* _d_ [e](f)`', '`{org}`', '`"a" \\| "b"`', '`https://x.test/a_b`', '[**x**](A.md#x)', '[see `y` here](../B.md#y_z)', '[[Back]](#top)', '[docs](https://example.test/a_b/c?d=1#e)'];
    const tokens = [...touching, '**GET**', '**Bold words.**', '**`application/json`**', '**`a b`**', '* a', '*'];
    let seed = 11;
    // The generator's high bits (its low bits repeat with a short period: `% n` never picked some tokens).
    const next = (n: number) => Math.floor(((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31) * n);
    const text = (): string => {
      let out = ['[x](y)', '`z`', 'Word', '**Bold**'][next(4)]!;
      for (let n = next(8); n > 0; n--) {
        const bold = out.endsWith('**');
        // An escaped pipe now and then, between spaces; bold text after bold text or <br>.
        const any = bold || out.endsWith('<br>');
        const token = next(6) === 0 ? '\\|' : (any ? tokens : touching)[next(any ? tokens.length : touching.length)]!;
        // Touching only where the grammar allows it (a colon or <br> right after bold text, bold after <br>, no
        // parenthesis or bracket but empty ones after empty brackets); a space otherwise.
        const apart = (token.startsWith('*') && !token.startsWith('**') && !out.endsWith('<br>')) || out.endsWith('*') || (bold && !/^[:.,;)]/.test(token) && !token.startsWith('<br>')) || (token.startsWith('**') && !out.endsWith('<br>')) || token === '\\|' || out.endsWith('\\|') || (out.endsWith('`') && token.startsWith('`')) || (out.endsWith('[]') && /^[([\]]/.test(token) && !token.startsWith('[]')) || next(2) === 0 || (/[\w"'(),.:;=?+/-]$/.test(out) && /^[\w"'(),.:;=?+/-]/.test(token));
        out += (apart ? ' ' : '') + token;
      }
      return out;
    };
    const paragraphs = Array.from({ length: 300 }, text);
    expect(paragraphs.filter((p) => !plainParagraph([p]) || !plainCell(p))).toStrictEqual([]);
    const page = `${paragraphs.join('\n\n')}\n`;
    expect(await format(page)).toBe(page);
    const width = Math.max(...paragraphs.map((p) => p.length));
    const table = `| ${'h'.repeat(width)} |\n| ${'-'.repeat(width)} |\n${paragraphs.map((p) => `| ${p.padEnd(width)} |`).join('\n')}\n`;
    expect(await format(table)).toBe(table);
  });
});

describe('texts prettier prints otherwise, in a known way', () => {
  it('prettier prints every cell and paragraph as printedCell and printedParagraph say: generated texts of every kind', async () => {
    // A deterministic mix of what the rewrites read (bold in underscores, runs of spaces, code between
    // runs of backticks, lone asterisks, titles, bold before punctuation) and what they must refuse.
    const tokens = ['a', 'Word', 'b.', '%s100', '#1', '{id}', 'Response_', '**b**.', '**b**,', '**Note:**', '* x', '__a b__', '__c__', '```json { "a":  1 } ```', '``x``', '`c `', '`d  e`', '[l](x "T t")', '[l](x)', '<br>', 'x<br>* y', '*e*', '_f_', 'a__b', '``` g```', '[[h  i]](#j)', '\\|', '**x_ y**', '**z_**'];
    let seed = 7;
    // mulberry32: every bit of it is usable for `% n`.
    const next = (n: number) => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return (((t ^ (t >>> 14)) >>> 0) % n);
    };
    const text = (): string => {
      let out = ['Word', '`z`', '[x](y)', '__Bold__'][next(4)]!;
      for (let n = 1 + next(6); n > 0; n--) out += [' ', ' ', '  ', '   '][next(4)]! + tokens[next(tokens.length)]!;
      return out + ['', '', ' ', '  '][next(4)]!;
    };
    const texts = Array.from({ length: 400 }, text);
    const cells = texts.flatMap((t) => {
      const printed = knownCell(t.trim());
      return printed === undefined || printed === t.trim() ? [] : [{ cell: t.trim(), printed }];
    });
    const paragraphs = texts.flatMap((t) => {
      const printed = printedParagraph([t]);
      return printed === undefined ? [] : [{ text: t, printed: printed[0]! }];
    });
    // Enough of both to mean something (the seed gives 100 and more of each).
    expect(cells.length).toBeGreaterThan(80);
    expect(paragraphs.length).toBeGreaterThan(80);
    const page = paragraphs.map(({ text }) => text).join('\n\n');
    expect(await format(`${page}\n`)).toBe(`${paragraphs.map(({ printed }) => printed).join('\n\n')}\n`);
    const width = Math.max(...cells.map(({ printed }) => printed.length));
    const table = (rows: readonly string[]) => `| ${'h'.repeat(width)} |\n| ${'-'.repeat(width)} |\n${rows.map((row) => `| ${row} |`).join('\n')}\n`;
    expect(await format(table(cells.map(({ cell }) => cell)))).toBe(table(cells.map(({ printed }) => printed.padEnd(width))));
  });
});

describe('printedCell', () => {
  it.each([
    ['**_links**', '**\\_links**'],
    ['**_links.html**', '**\\_links.html**'],
    ['**_links.git_url**', '**\\_links.git_url**'],
    ['**a._b.c**', '**a.\\_b.c**'],
    ['**a-_b**', '**a-\\_b**'],
    ['**items[]._links.self**', '**items[].\\_links.self**'],
    ['**__a**', '**\\__a**'],
    ['**a.__b**', '**a.\\__b**'],
    // Prettier's search takes the letter before the second run as the end of the first match, then the run's first `_` as what is before it.
    ['**_a__b**', '**\\_a_\\_b**'],
    ['**_a___b._c**', '**\\_a_\\__b.\\_c**'],
    ['**a_b__c**', '**a_b_\\_c**'],
  ])('%j, a property\'s name in bold, prints as %j, as prettier prints it', async (cell, printed) => {
    expect(plainCell(cell)).toBe(false);
    expect(knownCell(cell)).toBe(printed);
    expect(await printedCell(cell)).toBe(printed);
  });

  it.each([
    ['of specific   file types', 'of specific file types'],
    ['the  [supported  types](https://x.test/a)  and  **b**', 'the [supported types](https://x.test/a) and **b**'],
    ['a<br>  b  \\|  `c d`  `e`', 'a<br> b \\| `c d` `e`'],
    ['`a  b`  c', '`a  b` c'],
    ['a  *b*', 'a _b_'],
    ['*operator* *field*<br>*Limited Availability*.', '_operator_ _field_<br>_Limited Availability_.'],
    ['<br><br>*operator* *field_name*<br><br>a  _x_1 y_2_', '<br><br>_operator_ _field_name_<br><br>a _x_1 y_2_'],
    ['x.<br><br>*Starting May 1, 2021, card --- one for India.* maxLength: `5000`.', 'x.<br><br>_Starting May 1, 2021, card --- one for India._ maxLength: `5000`.'],
    ['is:<br><br>```json {  "a": 1 } ```', 'is:<br><br>`json {  "a": 1 } `'],
    ['x ``a``  y ````b c ````', 'x `a` y `b c `'],
  ])('%j, with runs of spaces or backticks, prints as %j, as prettier prints it: one of each, but in code', async (cell, printed) => {
    expect(plainCell(cell)).toBe(false);
    expect(knownCell(cell)).toBe(printed);
    expect(await printedCell(cell)).toBe(printed);
  });

  it.each([
    { cell: '``` a```', why: 'code between backticks that starts with a space' },
    { cell: '```a`b```', why: 'code between backticks that holds one' },
    { cell: '```a``  b', why: 'backticks that close nothing' },
    { cell: '`a``b``c` d', why: 'one backtick around code that holds runs of two (one code span)' },
    { cell: '[[a  b]](#c)', why: 'two spaces in a wiki link (printed as it is)' },
    { cell: 'a  *b*c', why: 'emphasis touching a word' },
    { cell: 'a  *field__name*', why: 'emphasis that holds a run of underscores (prettier escapes one of `b__x1` in `a_b__x1`)' },
    { cell: 'a  *name_*', why: "emphasis that holds an underscore at a word's end" },
    { cell: '[a](b "x  y")  c', why: 'a link title with two spaces (prettier keeps them)' },
  ])('$cell with runs of spaces or backticks is not known ($why)', ({ cell }) => {
    expect(knownCell(cell)).toBeUndefined();
  });

  it('gives a plain cell as it is', () => {
    expect(knownCell('`string` \\| `null`')).toBe('`string` \\| `null`');
    expect(knownCell('**name**')).toBe('**name**');
  });

  it.each([
    { cell: '**a_ b**', why: 'a run of `_` at the end of a word before another in bold' },
    { cell: '**_a_**', why: 'emphasis in bold' },
    { cell: '**a_.b**', why: 'a run of `_` before punctuation' },
    { cell: '**a _b**', why: 'two words' },
    { cell: '**a*b**', why: 'an asterisk' },
    { cell: '**a[b]**', why: 'brackets around text (a link, where a definition names it)' },
    { cell: '**www._a**', why: 'an autolink' },
    { cell: '**é_a**', why: 'not ASCII' },
    { cell: '**_a** b', why: 'text after the bold' },
  ])('$cell is not known ($why)', ({ cell }) => {
    expect(knownCell(cell)).toBeUndefined();
  });
});
