import { describe, expect, it } from 'vitest';
import { MorphError } from '../../generator/diagnostics/diagnostic.ts';
import { Locator } from '../../generator/diagnostics/locate.ts';
import { checkTree, defaultLimits } from '../../generator/load/limits.ts';
import { parseSpecText } from '../../generator/load/parse.ts';
import { sourceFromText } from '../../generator/load/source.ts';

const parse = (text: string) => parseSpecText(sourceFromText('t.yaml', text));
const failure = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as MorphError).diagnostics[0];
  }
  throw new Error('expected a failure');
};

/** A 1 KB YAML document whose aliases expand to 10^9 nodes. */
const ALIAS_BOMB = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]', ...'bcdefghi'.split('').map((k, i) => `${k}: &${k} [${Array(10).fill(`*${'abcdefghi'[i]}`).join(',')}]`)].join('\n');

describe('load limits', () => {
  it('refuses a YAML alias bomb at once, before anything walks it', () => {
    const parsed = parse(ALIAS_BOMB);
    const problem = failure(() => checkTree(parsed, defaultLimits, 't.yaml'));
    expect(problem?.code).toBe('OM204');
    expect(problem?.message).toMatch(/aliases expand to more than 1000000 extra nodes/);
  });

  it('expands legitimate aliases and merge keys into a plain tree', () => {
    const tree = checkTree(parse('base: &b {x: 1}\nuse: *b\nmerged: {<<: *b, y: 2}\n'), defaultLimits, 't.yaml') as Record<string, Record<string, number>>;
    expect(tree).toStrictEqual({ base: { x: 1 }, use: { x: 1 }, merged: { x: 1, y: 2 } });
    expect(tree['use']).not.toBe(tree['base']);
  });

  it('refuses nesting deeper than the limit, naming where', () => {
    const deep = `${'['.repeat(300)}${']'.repeat(300)}`;
    const problem = failure(() => checkTree(JSON.parse(deep), defaultLimits, 't.json'));
    expect(problem?.code).toBe('OM203');
    expect(problem?.location?.pointer).toMatch(/^#\/0\/0\//);
  });

  it('parses dates and numbers as JSON values, not Date objects', () => {
    expect(parse('version: 2024-01-01\nn: 0x10\n')).toStrictEqual({ version: '2024-01-01', n: 16 });
  });

  it('refuses duplicate keys with a line', () => {
    const problem = failure(() => parse('a: 1\nb: 2\na: 3\n'));
    expect(problem?.code).toBe('OM202');
    expect(problem?.location?.line).toBe(3);
  });

  it('keeps __proto__ as an own key', () => {
    const tree = parse('__proto__: {polluted: true}\n') as Record<string, unknown>;
    expect(Object.keys(tree)).toStrictEqual(['__proto__']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});

describe('locating a JSON pointer in the source', () => {
  const text = 'openapi: 3.1.0\npaths:\n  /a/{b}:\n    post:\n      tags: [x, y]\n      responses:\n        "200":\n          description: ok\n';
  it.each([
    { pointer: '#/paths/~1a~1{b}/post', line: 4, column: 5 },
    { pointer: '#/paths/~1a~1{b}/post/tags/1', line: 5, column: 17 },
    { pointer: '#/paths/~1a~1{b}/post/responses/200/description', line: 8, column: 11 },
    { pointer: '#/paths/~1a~1{b}/post/missing/deeper', line: 4, column: 5 },
  ])('$pointer', ({ pointer, line, column }) => {
    expect(new Locator('t.yaml', text).locate(pointer)).toStrictEqual({ file: 't.yaml', line, column, pointer });
  });
});
