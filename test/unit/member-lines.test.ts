/**
 * The lines type-members.ts reads (member-lines.ts): a loose pattern a line, then each of its types
 * matched alone. What a line captures, what it refuses, and that no pattern is of the size whose
 * first run cost V8 about 50 ms to compile (the member's single pattern was 25,776 characters).
 */
import { describe, expect, it } from 'vitest';
import * as lines from '../../generator/format/member-lines.ts';
import { GROUP_END, GROUP_OPENER, INTERSECTION_MEMBER, MEMBER, UNION_END, UNION_MIDDLE, UNION_OPENER } from '../../generator/format/member-lines.ts';

const captured = (match: RegExpExecArray | null) => (match ? [...match] : null);

describe('member-lines', () => {
  it('a member: its key and a union of elements and groups, one group inside another at most', () => {
    expect(captured(MEMBER.exec('readonly id?: number | null;'))).toEqual(['readonly id?: number | null;', 'id', 'number | null']);
    expect(captured(MEMBER.exec('[key: string]: unknown;'))).toEqual(['[key: string]: unknown;', undefined, 'unknown']);
    expect(MEMBER.test('a: ErrorWith<Problem, StatusRange<1 | 3>> | OtherError<404 | 500>;')).toBe(true);
    expect(MEMBER.test('a: (string & {}) | "x | y" | "(";')).toBe(true);
    expect(MEMBER.test('a: ((A | B)[] | null) | C;')).toBe(true);
    // A group of one type, three levels of groups, an element that is none: refused.
    expect(MEMBER.test('a: (A) | B;')).toBe(false);
    expect(MEMBER.test('a: (((A | B) | C) | D);')).toBe(false);
    expect(MEMBER.test('a: (A | B) & C;')).toBe(false);
    expect(MEMBER.test('a: "x\\"y";')).toBe(false);
    expect(MEMBER.test("a: 'x';")).toBe(false);
    // Brackets or quotes that do not pair: refused, not thrown.
    expect(MEMBER.test('a: (A | B;')).toBe(false);
    expect(MEMBER.test('a: "A | B;')).toBe(false);
  });

  it('an intersection member: two elements or more', () => {
    expect(captured(INTERSECTION_MEMBER.exec('a: components["schemas"]["A"] & unknown;'))?.[2]).toBe('components["schemas"]["A"] & unknown');
    expect(INTERSECTION_MEMBER.test('a: (string & {}) & B;')).toBe(true);
    expect(INTERSECTION_MEMBER.test('a: (string & {});')).toBe(false);
    expect(INTERSECTION_MEMBER.test('a: A & (B | C);')).toBe(false);
  });

  it('a union of object types: its first, middle and last lines, and the types each names', () => {
    expect(UNION_OPENER.exec('key: "a" | B | {')?.groups?.leading).toBe('"a" | B | ');
    expect(UNION_OPENER.test('key: (A | B) | {')).toBe(false);
    expect(UNION_OPENER.test('key: A & B | {')).toBe(false);
    expect(GROUP_OPENER.exec('key: ({')?.groups?.grouped).toBe('');
    expect(GROUP_OPENER.exec('key: ("a" | {')?.groups?.grouped).toBe('"a" | ');
    // Types the checks refuse, where the loose patterns take the line (prettier would print `(B & C)`).
    expect(GROUP_OPENER.test('key: (A & B | {')).toBe(false);
    expect(GROUP_OPENER.test('key: ((A | B) | {')).toBe(false);
    expect(captured(UNION_MIDDLE.exec('}[] | "a" | {'))).toEqual(['}[] | "a" | {', '[]', '"a" | ']);
    expect(captured(UNION_MIDDLE.exec('} | {'))).toEqual(['} | {', '', '']);
    expect(UNION_MIDDLE.test('} | A & B | {')).toBe(false);
    expect(captured(UNION_END.exec('}[] | null;'))).toEqual(['}[] | null;', '[]', ' | null']);
    expect(captured(UNION_END.exec('};'))).toEqual(['};', '', '']);
    expect(UNION_END.test('} | (A | B);')).toBe(false);
    expect(captured(GROUP_END.exec('} | "a)[]")[][];'))).toEqual(['} | "a)[]")[][];', '', ' | "a)[]"', '[][]']);
    expect(GROUP_END.test('} | A & B)[];')).toBe(false);
    expect(GROUP_END.test('} | (A | B))[];')).toBe(false);
    expect(UNION_END.test('} | A & B;')).toBe(false);
    expect(UNION_MIDDLE.test('} | (A | B) | {')).toBe(false);
  });

  it('no pattern long enough to cost a compile the reader waits for', () => {
    const patterns = Object.values(lines).flatMap((value) => (value instanceof RegExp ? [value] : []));
    expect(patterns.length).toBeGreaterThan(4);
    for (const pattern of patterns) expect(pattern.source.length).toBeLessThan(2_000);
    // The lines' loose patterns too.
    for (const line of [MEMBER, INTERSECTION_MEMBER, UNION_OPENER, GROUP_OPENER, GROUP_END, UNION_MIDDLE, UNION_END]) expect((line as unknown as { loose: RegExp }).loose.source.length).toBeLessThan(2_000);
  });
});
