/**
 * Redaction, tested where it lives (templates/runtime/files/redact.ts): what errors show of a
 * body, header or message that echoes a credential. End to end (every scheme kind, echoed by a
 * real server): auth.test.ts and client.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { redact } from '../../templates/runtime/files/redact.ts';

describe('redact', () => {
  it.each([
    { name: 'every occurrence', value: 'k1 and k1', secrets: ['k1'], want: '[redacted] and [redacted]' },
    { name: 'a longer secret containing a shorter one is replaced whole', value: 'x-abcdef-x', secrets: ['abc', 'abcdef'], want: 'x-[redacted]-x' },
    { name: 'an empty secret changes nothing', value: 'abc', secrets: [''], want: 'abc' },
    { name: 'percent-encoded', value: 'q=a%2Fb', secrets: ['a/b'], want: 'q=[redacted]' },
    { name: 'form-encoded', value: 'q=a+b', secrets: ['a b'], want: 'q=[redacted]' },
    { name: 'a secret the marker holds (`t`, `d`) stays marker: one pass', value: 'the t, dt', secrets: ['t', 'd'], want: '[redacted]he [redacted], [redacted][redacted]' },
    { name: 'a secret with characters a pattern reads (`.`, `*`, `$&`) is matched as text', value: 'a.b*c$& axbbc', secrets: ['a.b*c$&'], want: '[redacted] axbbc' },
    { name: 'inside arrays and objects', value: { list: ['s3cret', 1, null], nested: { text: 'is s3cret' } }, secrets: ['s3cret'], want: { list: ['[redacted]', 1, null], nested: { text: 'is [redacted]' } } },
  ])('$name', ({ value, secrets, want }) => {
    expect(redact(value, secrets)).toEqual(want);
  });

  it('without secrets, the value itself', () => {
    const body = { a: 1 };
    expect(redact(body, [])).toBe(body);
  });

  it('copies, and a __proto__ key stays a plain, writable, enumerable, configurable key', () => {
    const body = JSON.parse('{"__proto__": {"polluted": "s3cret"}}') as Record<string, unknown>;
    const copy = redact(body, ['s3cret']);
    expect(copy).not.toBe(body);
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(copy, '__proto__')).toEqual({ value: { polluted: '[redacted]' }, writable: true, enumerable: true, configurable: true });
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});
