/**
 * JSON pointers: segments holding `~`, `/` or `%` are escaped and unescaped (RFC 6901, URI
 * fragment form), and the segments that hold none of them, the fast path, come back as they are.
 */
import { describe, expect, it } from 'vitest';
import { childPointer, decodeSegment, encodeSegment, parsePointer, pointer } from '../../generator/pointer.ts';

describe('JSON pointers', () => {
  it.each([
    { name: 'a plain segment', given: 'schemas', want: 'schemas' },
    { name: 'a number', given: 3, want: '3' },
    { name: 'a path', given: '/repos/{owner}', want: '~1repos~1{owner}' },
    { name: 'a tilde before a one', given: 'a~1/b', want: 'a~01~1b' },
  ])('encodes $name', ({ given, want }) => {
    expect(encodeSegment(given)).toBe(want);
    expect(decodeSegment(want)).toBe(String(given));
  });

  it.each([
    { name: 'plain segments', given: '#/components/schemas/A', want: ['components', 'schemas', 'A'] },
    { name: 'escaped segments', given: '#/paths/~1a~1{b}/get/~0x', want: ['paths', '/a/{b}', 'get', '~x'] },
    { name: 'percent-encoded segments', given: '#/paths/~1a%7Bb%7D/get', want: ['paths', '/a{b}', 'get'] },
    { name: 'a malformed percent escape', given: '#/a%ZZ', want: undefined },
    { name: 'the root', given: '#', want: [] },
    { name: 'an external reference', given: 'other.yaml#/a', want: undefined },
  ])('parses $name', ({ given, want }) => {
    expect(parsePointer(given)).toStrictEqual(want);
  });

  it('builds what it parses', () => {
    const built = childPointer(pointer('paths', '/a/{b}'), 'get', 0, 'x~y');
    expect(built).toBe('#/paths/~1a~1{b}/get/0/x~0y');
    expect(parsePointer(built)).toStrictEqual(['paths', '/a/{b}', 'get', '0', 'x~y']);
  });
});
