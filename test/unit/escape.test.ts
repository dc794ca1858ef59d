import { describe, expect, it } from 'vitest';
import { escape } from '../../generator/escape/index.ts';

const evaluate = (code: string): unknown => new Function(`"use strict"; return (${code});`)();

describe('escaping: each sink has one helper', () => {
  it.each([
    'plain',
    'quote " and \' and `backtick`',
    'back\\slash',
    'new\nline\r\nand\rcr',
    'line\u2028sep\u2029para',
    '${template}',
    '</script><!--',
    'bidi \u202e evil \u2066',
    'zero\u200bwidth\ufeff',
    'joiner\u200d nul\u0000 bell\u0007 esc\u001b[31m del\u007f shy\u00ad',
    'tag \u{e0041} music \u{1d173} emoji \u{1f600}',
    'lone \ud800 high and \udc00 low',
    '',
  ])('stringLiteral round-trips %j and shows no invisible characters', (value) => {
    const literal = escape.stringLiteral(value);
    expect(evaluate(literal)).toBe(value);
    expect(literal).not.toMatch(/[\n\r\u2028\u2029]|(?![\t\n])[\p{Cc}\p{Cf}\p{Cs}]/u);
    expect(literal).toContain(value.includes('\u{1f600}') ? '\u{1f600}' : '');
  });

  it.each([
    { given: 'zero\u200bwidth', want: 'zero<U+200B>width' },
    { given: 'joiner\u200d bom\ufeff shy\u00ad', want: 'joiner<U+200D> bom<U+FEFF> shy<U+00AD>' },
    { given: 'nul\u0000 bell\u0007 esc\u001b[0m del\u007f', want: 'nul<U+0000> bell<U+0007> esc<U+001B>[0m del<U+007F>' },
    { given: 'tag\u{e0041} lone\ud800', want: 'tag<U+E0041> lone<U+D800>' },
  ])('prose shows every Cc/Cf code point and lone surrogate visibly: jsdocText and markdownText($given)', ({ given, want }) => {
    expect(escape.jsdocText(given)).toBe(want);
    expect(escape.markdownText(given)).toBe(want.replace(/</g, '&lt;').replace(/>/g, '&gt;'));
  });

  it.each([
    '[a](java&#115;cript:alert(1))',
    '[a](JaVa&#x53;cript&colon;alert(1))',
    '[a](javascript&#58;alert(1))',
    '[a](<javascript:alert(1)>)',
    '[a](java\u0000script:alert(1))',
    '[a](vbscript\\:x)',
    '[a]( data&#x3a;text/html,<script>)',
    '[r]: java&#115;cript:alert(1)\n\n[a][r]',
  ])('markdownText(%j): a link target that decodes to a script scheme is disarmed', (given) => {
    const out = escape.markdownText(given);
    expect(out).toMatch(/(\]\(\s*|\]: )#unsafe-link-/);
  });

  it.each([
    { name: "an http(s) autolink is a link to it (Vonage's info), with no < left", given: 'See <https://developer.nexmo.com/numbers/overview?a=1&b=2>.', want: 'See [https://developer.nexmo.com/numbers/overview?a=1&b=2](https://developer.nexmo.com/numbers/overview?a=1&b=2).' },
    { name: 'its text escaped as markdown, its parentheses encoded (a review: an element parsed from it inside HTML)', given: '<https://x.example/on_mouse*over=alert(1)//>', want: '[https://x.example/on\\_mouse\\*over=alert(1)//](https://x.example/on_mouse*over=alert%281%29//)' },
    { name: 'no other scheme', given: '<javascript:alert(1)> <mailto:a@b.c>', want: '&lt;javascript:alert(1)&gt; &lt;mailto:a@b.c&gt;' },
    { name: 'no space, quote or pipe in it', given: '<https://a.b/c d> <https://a.b/"x> <https://a.b/|x>', want: '&lt;https://a.b/c d&gt; &lt;https://a.b/"x&gt; &lt;https://a.b/|x&gt;' },
    { name: "a line's leading > marks stay a blockquote (Impala's sign-up steps)", given: '> **1. Sign-up** now\n>> nested\n\nnot a > b', want: '> **1. Sign-up** now\n>> nested\n\nnot a &gt; b' },
    { name: 'not after four spaces, nor inside a fence', given: 'a\n    > code\n```\n> kept\n```', want: 'a\n    &gt; code\n```\n&gt; kept\n```' },
  ])('markdownText: $name', ({ given, want }) => expect(escape.markdownText(given)).toBe(want));

  it('markdownText keeps ordinary links, parentheses included', () => {
    expect(escape.markdownText('[ok](https://example.com/a(b)) [m](mailto:a@b.c) [r](./x.md#java)')).toBe('[ok](https://example.com/a(b)) [m](mailto:a@b.c) [r](./x.md#java)');
  });

  it.each([
    { given: 'ends */ here', want: 'ends *\\/ here' },
    { given: 'opens /* here', want: 'opens /\\* here' },
    { given: '@deprecated not really', want: '\\@deprecated not really' },
    { given: 'a\r\nb\u2028c', want: 'a\nb\nc' },
    { given: 'rtl \u202e', want: 'rtl <U+202E>' },
    { given: '  padded  \n', want: 'padded' },
  ])('jsdocText($given)', ({ given, want }) => expect(escape.jsdocText(given)).toBe(want));

  it.each([
    { given: 'a | b', want: 'a \\| b' },
    { given: 'line\nbreak', want: 'line break' },
    { given: 'para\n\nbreak', want: 'para<br><br>break' },
    { given: '<img src=x onerror=alert(1)>', want: '&lt;img src=x onerror=alert(1)&gt;' },
    { given: 'AT&T &amp; co', want: 'AT&amp;T &amp; co' },
    { given: '[click](javascript:alert(1))', want: '[click](#unsafe-link-javascript:alert(1))' },
    { given: '[ok](https://example.com)', want: '[ok](https://example.com)' },
  ])('markdownCell($given)', ({ given, want }) => expect(escape.markdownCell(given)).toBe(want));

  it.each([
    { given: 'x', want: '`x`' },
    { given: 'a`b', want: '``a`b``' },
    { given: '`edge`', want: '`` `edge` ``' },
    { given: 'a|b', want: '`a\\|b`' },
  ])('markdownCode($given)', ({ given, want }) => expect(escape.markdownCode(given)).toBe(want));

  it.each([
    { given: 'name', type: 'name', value: 'name' },
    { given: 'class', type: 'class', value: 'class' },
    { given: 'a-b', type: '"a-b"', value: '"a-b"' },
    { given: '123', type: '"123"', value: '"123"' },
    { given: '', type: '""', value: '""' },
    { given: '__proto__', type: '"__proto__"', value: '["__proto__"]' },
  ])('property keys for $given', ({ given, type, value }) => {
    expect(escape.typePropertyKey(given)).toBe(type);
    expect(escape.valuePropertyKey(given)).toBe(value);
  });

  it('jsonLiteral evaluates to the same value and never sets a prototype', () => {
    const value = JSON.parse('{"__proto__": {"polluted": true}, "a-b": [1, -0.5, null, true, "x\\u2028y"], "constructor": "c"}');
    const code = escape.jsonLiteral(value);
    const result = evaluate(code) as Record<string, unknown>;
    expect(result).toStrictEqual(value);
    expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('templateLiteralText cannot end or interpolate the template', () => {
    for (const value of ['`', '${process.exit(1)}', 'a\\`b', '\\${x}', 'line\nbreak', 'cr\rlf\r\nls\u2028']) {
      expect(evaluate(`\`${escape.templateLiteralText(value)}\``)).toBe(value);
    }
  });
});
