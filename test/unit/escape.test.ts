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
    '',
  ])('stringLiteral round-trips %j and shows no invisible characters', (value) => {
    const literal = escape.stringLiteral(value);
    expect(evaluate(literal)).toBe(value);
    expect(literal).not.toMatch(/[\n\r\u2028\u2029\u202e\u2066\u200b\ufeff]/);
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
