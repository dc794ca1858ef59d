/**
 * Each escaping helper, table-driven on the characters and values that decide its output. The
 * round-trip tests in escape.test.ts show a value survives; these pin the exact text each sink
 * writes, so a helper that stops escaping one character (or escapes one too many) fails here.
 */
import { describe, expect, it } from 'vitest';
import { escape } from '../../generator/escape/index.ts';
import { visibleText } from '../../generator/escape/unsafe-text.ts';
import { markdownBlock } from '../../generator/escape/markdown-block.ts';

const evaluate = (code: string): unknown => new Function(`"use strict"; return (${code});`)();

describe('templateLiteralText', () => {
  it.each([
    { name: 'plain text', given: 'plain', want: 'plain' },
    { name: 'a backslash', given: 'a\\b', want: 'a\\\\b' },
    { name: 'a backtick', given: 'a`b', want: 'a\\`b' },
    { name: 'an interpolation', given: '${x}', want: '\\${x}' },
    { name: 'a lone dollar or brace', given: '$ {x} $x', want: '$ {x} $x' },
    { name: 'LF stays (a template literal may span lines)', given: 'a\nb', want: 'a\nb' },
    { name: 'CRLF', given: 'a\r\nb', want: 'a\\r\\nb' },
    { name: 'a lone CR', given: 'a\rb', want: 'a\\rb' },
    { name: 'CR CR LF', given: '\r\r\n', want: '\\r\\r\\n' },
    { name: 'NEL', given: 'a\u0085b', want: 'a\\u0085b' },
    { name: 'LINE SEPARATOR', given: 'a\u2028b', want: 'a\\u2028b' },
    { name: 'PARAGRAPH SEPARATOR', given: 'a\u2029b', want: 'a\\u2029b' },
    { name: 'everything at once', given: '`\\${a}`\r\n', want: '\\`\\\\\\${a}\\`\\r\\n' },
  ])('$name', ({ given, want }) => {
    expect(escape.templateLiteralText(given)).toBe(want);
    // Inside backticks the text evaluates to the input; CR and CRLF would otherwise read as LF.
    expect(evaluate(`\`${escape.templateLiteralText(given)}\``)).toBe(given);
  });
});

describe('jsonLiteral and literalType', () => {
  it.each([
    { name: 'null', given: null, want: 'null' },
    { name: 'true', given: true, want: 'true' },
    { name: 'false', given: false, want: 'false' },
    { name: 'zero', given: 0, want: '0' },
    { name: 'negative zero keeps its sign', given: -0, want: '-0' },
    { name: 'a negative number', given: -2.5, want: '-2.5' },
    { name: 'a large number', given: 1e21, want: '1e+21' },
    { name: 'a string', given: 'a"b', want: '"a\\"b"' },
    { name: 'an empty array', given: [], want: '[]' },
    { name: 'an array', given: [1, 'x', null], want: '[1, "x", null]' },
    { name: 'an empty object', given: {}, want: '{}' },
    { name: 'an object with odd keys', given: { a: 1, 'b-c': [true] }, want: '{ a: 1, "b-c": [true] }' },
    { name: 'nested', given: { a: { b: [{}] } }, want: '{ a: { b: [{}] } }' },
  ])('jsonLiteral: $name', ({ given, want }) => expect(escape.jsonLiteral(given)).toBe(want));

  it('negative zero evaluates to negative zero', () => {
    expect(Object.is(evaluate(escape.jsonLiteral(-0)), -0)).toBe(true);
  });

  it.each([
    { name: 'NaN', given: Number.NaN, want: 'cannot write NaN as a JSON literal' },
    { name: 'Infinity', given: Number.POSITIVE_INFINITY, want: 'cannot write Infinity as a JSON literal' },
    { name: '-Infinity', given: Number.NEGATIVE_INFINITY, want: 'cannot write -Infinity as a JSON literal' },
    { name: 'NaN inside an array', given: [1, Number.NaN], want: 'cannot write NaN as a JSON literal' },
    { name: 'undefined', given: undefined, want: 'cannot write a undefined as a JSON literal' },
    { name: 'a function', given: () => 1, want: 'cannot write a function as a JSON literal' },
    { name: 'a bigint', given: 1n, want: 'cannot write a bigint as a JSON literal' },
  ])('jsonLiteral refuses $name', ({ given, want }) => {
    expect(() => escape.jsonLiteral(given)).toThrow(new TypeError(want));
  });

  it.each([
    { name: 'a string', given: 'on', want: '"on"' },
    { name: 'a positive number', given: 3, want: '3' },
    { name: 'zero', given: 0, want: '0' },
    { name: 'a negative number', given: -3, want: '-3' },
    { name: 'a negative fraction', given: -0.25, want: '-0.25' },
    { name: 'negative zero', given: -0, want: '-0' },
    { name: 'true', given: true, want: 'true' },
    { name: 'null', given: null, want: 'null' },
  ])('literalType: $name', ({ given, want }) => expect(escape.literalType(given)).toBe(want));
});

describe('identifier (for a template\'s own names)', () => {
  it.each([
    { name: 'an identifier stays', given: 'client', want: 'client' },
    { name: 'each run of other characters becomes one _', given: 'a--b  c', want: 'a_b_c' },
    { name: 'dollar, underscore and letters of any script stay', given: '$a_Größe', want: '$a_Größe' },
    { name: 'a leading digit gets a prefix', given: '2fa', want: '_2fa' },
    { name: 'a digit later is fine', given: 'v2', want: 'v2' },
    { name: 'a reserved word gets a suffix', given: 'delete', want: 'delete_' },
    { name: 'empty text gives the default fallback', given: '', want: '_' },
  ])('$name', ({ given, want }) => expect(escape.identifier(given)).toBe(want));

  it('empty text gives the fallback it is handed', () => expect(escape.identifier('', 'Model')).toBe('Model'));
});

describe('stringLiteral shows every invisible character as an escape', () => {
  it.each([
    ['\u007f', '\\u007f'],
    ['\u0085', '\\u0085'],
    ['\u009f', '\\u009f'],
    ['\u00ad', '\\u00ad'],
    ['\u061c', '\\u061c'],
    ['\u180e', '\\u180e'],
    ['\u200b', '\\u200b'],
    ['\u200f', '\\u200f'],
    ['\u2028', '\\u2028'],
    ['\u202e', '\\u202e'],
    ['\u2060', '\\u2060'],
    ['\u206f', '\\u206f'],
    ['\ufeff', '\\ufeff'],
  ])('%j', (given, want) => expect(escape.stringLiteral(given)).toBe(`"${want}"`));

  it.each(['~', '\u00a0', '\u00ae', '\u2010', '\u202f', '\u2070', 'é'])('%j is visible and stays', (given) => {
    expect(escape.stringLiteral(given)).toBe(`"${given}"`);
  });

  it('jsonText escapes them too and keeps the indent', () => {
    expect(escape.jsonText({ a: 'x\u2028' }, 2)).toBe('{\n  "a": "x\\u2028"\n}');
    expect(escape.jsonText(['\u202e'])).toBe('["\\u202e"]');
  });
});

describe('visibleText (prose for comments and docs)', () => {
  it.each([
    { name: 'a lone CR is a line break', given: 'a\rb', want: 'a\nb' },
    { name: 'CRLF is one line break', given: 'a\r\nb', want: 'a\nb' },
    { name: 'NEL, LS and PS are line breaks', given: 'a\u0085b\u2028c\u2029d', want: 'a\nb\nc\nd' },
    { name: 'tab and LF stay', given: 'a\tb\nc', want: 'a\tb\nc' },
    { name: 'NUL is shown', given: 'a\u0000b', want: 'a<U+0000>b' },
    { name: 'BEL is shown', given: '\u0007', want: '<U+0007>' },
    { name: 'BS is shown', given: '\u0008', want: '<U+0008>' },
    { name: 'VT and FF are shown', given: '\u000b\u000c', want: '<U+000B><U+000C>' },
    { name: 'SO through US are shown', given: '\u000e\u001f', want: '<U+000E><U+001F>' },
    { name: 'DEL is shown', given: '\u007f', want: '<U+007F>' },
    { name: 'C1 controls are shown', given: '\u0080\u0084\u0086\u009f', want: '<U+0080><U+0084><U+0086><U+009F>' },
    { name: 'a no-break space stays', given: 'a\u00a0b', want: 'a\u00a0b' },
    { name: 'bidi overrides are shown', given: '\u202a\u202e', want: '<U+202A><U+202E>' },
    { name: 'bidi isolates are shown', given: '\u2066\u2069', want: '<U+2066><U+2069>' },
    { name: 'bidi marks are shown', given: '\u061c\u200e\u200f', want: '<U+061C><U+200E><U+200F>' },
  ])('$name', ({ given, want }) => expect(visibleText(given)).toBe(want));
});

describe('jsdocText', () => {
  it.each([
    { name: 'an @ that starts an indented line', given: 'a\n  @see x', want: 'a\n  \\@see x' },
    { name: 'an @ inside a line stays', given: 'mail a@b.c', want: 'mail a@b.c' },
    { name: 'trailing spaces and tabs on each line go', given: 'a \t\nb  \nc', want: 'a\nb\nc' },
    { name: 'a lone CR is a line break', given: 'a\rb', want: 'a\nb' },
    { name: 'both comment tokens', given: '/* x */', want: '/\\* x *\\/' },
  ])('$name', ({ given, want }) => expect(escape.jsdocText(given)).toBe(want));
});

describe('markdown', () => {
  it.each([
    { name: 'a lone CR is a line break', given: 'a\rb', want: 'a\nb' },
    { name: 'vbscript: links are disarmed', given: '[x](vbscript:msgbox)', want: '[x](#unsafe-link-vbscript:msgbox)' },
    { name: 'data: links are disarmed', given: '[x](data:text/html,hi)', want: '[x](#unsafe-link-data:text/html,hi)' },
    { name: 'the scheme check ignores case and leading space', given: '[x]( JavaScript:go)', want: '[x]( #unsafe-link-JavaScript:go)' },
    { name: 'named, decimal and hex entities stay', given: '&copy; &#169; &#xA9;', want: '&copy; &#169; &#xA9;' },
    { name: 'a bare ampersand is escaped', given: 'a & b &c d', want: 'a &amp; b &amp;c d' },
    { name: 'angle brackets are shown', given: 'a > b < c', want: 'a &gt; b &lt; c' },
    { name: 'surrounding blank lines go', given: '\n\n text \n', want: 'text' },
  ])('markdownText: $name', ({ given, want }) => expect(escape.markdownText(given)).toBe(want));

  it.each([
    { name: 'three line breaks are one paragraph break', given: 'a\n\n\nb', want: 'a<br><br>b' },
    { name: 'CRLF line breaks', given: 'a\r\nb', want: 'a b' },
  ])('markdownCell: $name', ({ given, want }) => expect(escape.markdownCell(given)).toBe(want));

  it.each([
    { name: 'a run of two backticks needs a fence of three', given: 'a``b', want: '```a``b```' },
    { name: 'the longest run decides', given: 'a`b```c', want: '````a`b```c````' },
    { name: 'a leading backtick is padded', given: '`a', want: '`` `a ``' },
    { name: 'a trailing backtick is padded', given: 'a`', want: '`` a` ``' },
    { name: 'line breaks become spaces', given: 'a\nb\r\nc', want: '`a b c`' },
    { name: 'every pipe is escaped', given: 'a|b|c', want: '`a\\|b\\|c`' },
    { name: 'empty text', given: '', want: '``' },
  ])('markdownCode: $name', ({ given, want }) => expect(escape.markdownCode(given)).toBe(want));

  it.each([
    { given: 'RealtimeApi', want: 'realtimeapi' },
    { given: 'Create a session', want: 'create-a-session' },
    { given: 'snake_case and-dash', want: 'snake_case-and-dash' },
    { given: 'Größe (v2)!', want: 'größe-v2' },
    { given: 'a.b/c', want: 'abc' },
  ])('markdownAnchor($given)', ({ given, want }) => expect(escape.markdownAnchor(given)).toBe(want));
});

describe('property keys', () => {
  it.each([
    { given: '$ref', want: '$ref' },
    { given: '_x', want: '_x' },
    { given: 'a1', want: 'a1' },
    { given: 'größe', want: 'größe' },
    { given: '1a', want: '"1a"' },
    { given: 'a b', want: '"a b"' },
    { given: 'x-\u2028', want: '"x-\\u2028"' },
  ])('typePropertyKey($given)', ({ given, want }) => expect(escape.typePropertyKey(given)).toBe(want));
});

describe('markdownText: link targets as a renderer reads them', () => {
  it.each([
    { name: 'an inline target in an unclosed angle bracket', given: '[a](<javascript:alert(1)', want: '[a](#unsafe-link-&lt;javascript:alert(1)' },
    { name: 'a reference definition with its target on the next line', given: '[r]:\n  javascript:x', want: '[r]:\n  #unsafe-link-javascript:x' },
    { name: 'a reference definition without a space', given: '[r]:javascript:x', want: '[r]:#unsafe-link-javascript:x' },
    { name: 'a reference definition with two spaces', given: '[r]:  javascript:x', want: '[r]:  #unsafe-link-javascript:x' },
    { name: 'a reference definition with a tab', given: '[r]:\tjavascript:x', want: '[r]:\t#unsafe-link-javascript:x' },
    { name: 'a reference definition indented three spaces', given: 'p\n   [r]: javascript:x', want: 'p\n   [r]: #unsafe-link-javascript:x' },
    { name: 'a reference label of several characters', given: '[abc]: javascript:x', want: '[abc]: #unsafe-link-javascript:x' },
    { name: 'a reference target in angle brackets', given: '[r]: <javascript:x>', want: '[r]: #unsafe-link-&lt;javascript:x&gt;' },
    { name: 'a reference target in an unclosed angle bracket', given: '[r]: <javascript:x', want: '[r]: #unsafe-link-&lt;javascript:x' },
    { name: 'a "definition" inside a line is disarmed too (wherever `]:` stands: only how such a text looks changes)', given: 'text [r]: javascript:x', want: 'text [r]: #unsafe-link-javascript:x' },
    { name: 'a definition in a list item (marked renders it)', given: '- [a]: javascript:alert(1)\n\nclick [a]', want: '- [a]: #unsafe-link-javascript:alert(1)\n\nclick [a]' },
    { name: 'a definition whose label has an escaped ] (marked renders it)', given: '[a\\]b]: javascript:alert(1)\n\nclick [a\\]b]', want: '[a\\]b]: #unsafe-link-javascript:alert(1)\n\nclick [a\\]b]' },
    { name: 'a decimal reference without its semicolon', given: '[a](javascript&#58alert(1))', want: '[a](#unsafe-link-javascript&amp;#58alert(1))' },
    { name: 'a hex reference without its semicolon', given: '[a](javascript&#x3A//x)', want: '[a](#unsafe-link-javascript&amp;#x3A//x)' },
    { name: 'a code point beyond Unicode decodes to nothing', given: '[a](java&#x110000;script:x)', want: '[a](#unsafe-link-java&#x110000;script:x)' },
    { name: 'the last code point of Unicode is a character', given: '[a](java&#x10ffff;script:x)', want: '[a](java&#x10ffff;script:x)' },
    { name: 'a soft hyphen entity splits nothing', given: '[a](java&shy;script:x)', want: '[a](#unsafe-link-java&shy;script:x)' },
    { name: 'a zero-width joiner entity splits nothing', given: '[a](java&zwj;script:x)', want: '[a](#unsafe-link-java&zwj;script:x)' },
    { name: 'a zero-width non-joiner entity splits nothing', given: '[a](java&zwnj;script:x)', want: '[a](#unsafe-link-java&zwnj;script:x)' },
    { name: 'an unknown entity stays and splits the scheme', given: '[a](java&bogus;script:x)', want: '[a](java&bogus;script:x)' },
    { name: 'a scheme later in the target is no scheme', given: '[ok](https://x.test/?u=javascript:1)', want: '[ok](https://x.test/?u=javascript:1)' },
  ])('$name', ({ given, want }) => expect(escape.markdownText(given)).toBe(want));
});

describe('visibleText: lone surrogates', () => {
  it.each([
    { name: 'a high surrogate before another character', given: 'a\ud800b', want: 'a<U+D800>b' },
    { name: 'a low surrogate after another character', given: 'a\udc00b', want: 'a<U+DC00>b' },
    { name: 'a low before a high is two lone ones', given: '\udc00\ud800', want: '<U+DC00><U+D800>' },
    { name: 'a pair is one character and stays', given: '\ud83d\ude00', want: '\ud83d\ude00' },
  ])('$name', ({ given, want }) => expect(visibleText(given)).toBe(want));
});

describe('markdownText: a code span whose code holds &, < or > is inline HTML of its escaped code', () => {
  it.each([
    { name: 'a span with < and >', given: 'formatted as `refs/heads/<branch name>` or `main`', want: 'formatted as <code>refs/heads/&lt;branch name&gt;</code> or `main`' },
    { name: 'a span of two backticks, one space off each end', given: '`` a`<b ``', want: '<code>a\\`&lt;b</code>' },
    { name: 'what markdown reads inside the tags gets a backslash', given: '`a*b_c<d[e]~$f\\g`', want: '<code>a\\*b\\_c&lt;d\\[e\\]\\~\\$f\\\\g</code>' },
    { name: 'a line break in a span is a space', given: '`a\n<b`', want: '<code>a &lt;b</code>' },
    { name: 'an escaped backtick opens none', given: 'a \\`b<c` d', want: 'a \\`b&lt;c` d' },
    { name: 'a run closed by no run of its length is text', given: '``a<b` c', want: '``a&lt;b` c' },
    { name: 'no span across an empty line', given: '`a\n\n<b`', want: '`a\n\n&lt;b`' },
    { name: 'references in a span are code: shown as written', given: '`&amp; &&`', want: '<code>&amp;amp; &amp;&amp;</code>' },
    { name: 'URLs and addresses in it stay text (GFM and linkify would link them)', given: '`GET https://x.test/u/<id>?a=1&b=2` `www.x.test <a@b.test>`', want: '<code>GET https&#58;//x.test/u/&lt;id&gt;?a=1&amp;b=2</code> <code>www&#46;x.test &lt;a&#64;b.test&gt;</code>' },
    { name: 'a backtick in a fence pairs with none of the prose (a review: the fence stayed open)', given: 'Run:\n~~~\necho `whoami\n~~~\nThen a < b and `x`.', want: 'Run:\n~~~\necho `whoami\n~~~\nThen a &lt; b and `x`.' },
    { name: 'a fence whose info string holds < stays a fence', given: '```js <T>\nconst a = 1\n```\nafter `<`', want: '```js &lt;T&gt;\nconst a = 1\n```\nafter <code>&lt;</code>' },
  ])('$name', ({ given, want }) => expect(escape.markdownText(given)).toBe(want));

  it.each([
    { name: 'a link whose text holds a tag stays text', given: 'See <a href="https://t.test/">the <b>docs</b></a>.', want: 'See &lt;a href="https://t.test/"&gt;the <strong>docs</strong>&lt;/a&gt;.' },
    { name: 'code, bold and italic tags are ours, around their text escaped', given: 'Use <code>a &lt; b*c</code>, <B>not</b> <strong>x & y</strong>, <i>maybe</i> <em>so</em>.', want: 'Use <code>a &lt; b\\*c</code>, <strong>not</strong> <strong>x &amp; y</strong>, <em>maybe</em> <em>so</em>.' },
    { name: 'a code tag shows its references as HTML reads them, and a URL in it as text', given: '<code>GET https://x.test/?a=1&amp;b=&lt;id&gt; &nbsp;</code>', want: '<code>GET https&#58;//x.test/?a=1&amp;b=&lt;id&gt; &amp;nbsp;</code>' },
    { name: 'tags with attributes, tags inside, or unclosed stay text', given: '<code class="x">a</code> <b><i>b</i></b> <em>c', want: '&lt;code class="x"&gt;a&lt;/code&gt; &lt;b&gt;<em>b</em>&lt;/b&gt; &lt;em&gt;c' },
    { name: 'a tag does not close with another', given: '<b>a</i>', want: '&lt;b&gt;a&lt;/i&gt;' },
    { name: 'line breaks inside a tag are spaces', given: '<b>a\n\nb</b> <code>c\nd</code>', want: '<strong>a  b</strong> <code>c d</code>' },
    { name: 'a link to an http(s) URL becomes a markdown link, its text escaped, parentheses in the URL encoded', given: 'See <a target="_blank" href="https://t.test/a(b)">the [docs] & more</a>.', want: 'See [the \\[docs\\] &amp; more](https://t.test/a%28b%29).' },
    { name: 'a link to anything else stays text', given: '<a href="javascript:alert(1)">x</a> <a href="/docs">y</a>', want: '&lt;a href="javascript:alert(1)"&gt;x&lt;/a&gt; &lt;a href="/docs"&gt;y&lt;/a&gt;' },
    { name: 'br in any spelling is ours', given: 'a<br />b<BR>c<br/>d<br onclick=x>', want: 'a<br>b<br>c<br>d&lt;br onclick=x&gt;' },
  ])('HTML a spec writes for markdown: $name', ({ given, want }) => expect(escape.markdownText(given)).toBe(want));

  it('in a table cell, the span stays in its cell', () => expect(escape.markdownCell('a `x | <y>` b')).toBe('a <code>x \\| &lt;y&gt;</code> b'));
});

describe('markdownBlock: prose whose fenced code is shown as code, never as markup', () => {
  const pre = (code: string) => `<pre><code>${code}</code></pre>`;
  it.each([
    { name: "a fence's code in <pre><code>, every &, < and > escaped; prose around it as markdownText, an empty line between", given: 'Use:\n```js\nif (a && b < c) {} // &lt;\n```\nThen <b>x</b> & y', want: `Use:\n\n${pre('if (a &amp;&amp; b &lt; c) {} // &amp;lt;')}\n\nThen <strong>x</strong> &amp; y` },
    { name: 'an empty line of code is a &#10; at the end of the line before it', given: '```\na &\n\n\nb\n\n```', want: pre('a &amp;&#10;&#10;\nb\n') },
    { name: 'runs of three backticks or tildes in the code are references', given: '````\n```js\n~~~ x `` <\n````', want: pre('&#96;&#96;&#96;js\n&#126;&#126;&#126; x `` &lt;') },
    { name: 'a fence whose code holds no &, < or > stays a fence, its language too', given: 'Run:\n  ```sh\n  npm i "x"\n  ```\nDone <b>', want: 'Run:\n  ```sh\n  npm i "x"\n  ```\nDone &lt;b&gt;' },
    { name: 'a tilde fence closed by a longer one', given: '~~~~\n<x>\n~~~~~\n<y>', want: `${pre('&lt;x&gt;')}\n\n&lt;y&gt;` },
    { name: 'a run of the other character does not close it', given: '```\n~~\n<x>\n```\n<y>', want: `${pre('~~\n&lt;x&gt;')}\n\n&lt;y&gt;` },
    { name: 'a shorter run or an info string does not close it', given: '````\n``\n```js\n<x>\n````', want: pre('``\n&#96;&#96;&#96;js\n&lt;x&gt;') },
    { name: "an indented fence opens and closes too, its indent taken off the code's lines", given: 'a\n  ```\n   <x>\n y\n  ```\n<y>', want: `a\n\n${pre(' &lt;x&gt;\ny')}\n\n&lt;y&gt;` },
    { name: 'a fence without &, < or > left open is closed, so it does not hold the rest of the page', given: 'a\n~~~~ sh\nrun\n\nx', want: 'a\n~~~~ sh\nrun\n\nx\n~~~~' },
    { name: "a description's headings go three levels down, below the page's; not in a fence", given: '# Order\n  ## Parts\n#### Deep\n#nohash\n```\n# code <\n```\n###### Six', want: '#### Order\n  ##### Parts\n###### Deep\n#nohash\n\n<pre><code># code &lt;</code></pre>\n\n###### Six' },
    { name: 'four spaces are no fence', given: 'a\n    ```\n<x>', want: 'a\n    ```\n&lt;x&gt;' },
    { name: 'a fence left open runs to the end', given: 'a\n```\n<x>\n\n<y>', want: `a\n\n${pre('&lt;x&gt;&#10;\n&lt;y&gt;')}` },
    { name: "a backtick fence's info string holds no backtick: prose", given: '```a`b\n<x>', want: '```a`b\n&lt;x&gt;' },
    { name: 'a script link target in prose is disarmed', given: '[a](javascript:alert(1))', want: '[a](#unsafe-link-javascript:alert(1))' },
  ])('$name', ({ given, want }) => expect(markdownBlock(given)).toBe(want));

  it('is markdownText for prose without a fence, or whose fences hold no &, < or >', () => {
    for (const text of ['a < b && c', '<script>x</script>', '  indented\n\ttab', '[x](java&#115;cript:y)', 'a <b>\n```js\nf(1)\n\n```\n<i>']) expect(markdownBlock(text)).toBe(escape.markdownText(text));
  });

  it("leaves no `<` of the spec's raw, whatever fences it opens, indents or leaves open (a review's attacks among them), and writes no empty line in a block", () => {
    const lines = ['```', '  ```', '~~~ a`b', '~~~', '````', '<img src=x onerror=alert(1)>', '<script>', '<code>`a&lt;</code><em>x`</em><i>', '', '- item', '> quote', '\t```', '`<i>` \\`', '[`a](x<y`)', '<a href="https://x.test/"><br onclick=y>', '<br/>`</a>'];
    for (const a of lines) for (const b of lines) for (const c of lines) for (const d of lines) {
      const out = markdownBlock([a, b, c, d, '<b onclick=x>'].join('\n'));
      const label = JSON.stringify([a, b, c, d]);
      expect(out.replace(/<pre><code>|<\/code><\/pre>|<\/?(?:code|strong|em)>|<br>/g, ''), label).not.toContain('<');
      for (const block of out.match(/<pre><code>[^]*?<\/code><\/pre>/g) ?? []) expect(block, label).not.toMatch(/\n\n|\n[ \t]*(?:`{3}|~{3})/);
    }
  });
});
