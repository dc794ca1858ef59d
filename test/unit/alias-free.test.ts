import { describe, expect, it } from 'vitest';
import { MorphError } from '../../generator/diagnostics/diagnostic.ts';
import { checkTree, defaultLimits } from '../../generator/load/limits.ts';
import { parseCheckedTree } from '../../generator/load/checked-tree.ts';
import { parseSpecText } from '../../generator/load/parse.ts';
import { sourceFromText } from '../../generator/load/source.ts';

/** The limits problems of a document, as `code pointer`; undefined when it is within them. */
function problem(text: string, sharesNoNodes: boolean, limits = defaultLimits): string[] | undefined {
  try {
    checkTree(parseSpecText(sourceFromText('s.yaml', text)), limits, 's.yaml', sharesNoNodes);
    return undefined;
  } catch (cause) {
    return (cause as MorphError).diagnostics.map((d) => `${d.code} ${d.location?.pointer}`);
  }
}

describe('trees without shared nodes take the cheap limits check', () => {
  const parse = (text: string) => parseCheckedTree(sourceFromText('s.yaml', text), defaultLimits) as Record<string, unknown>;

  // Aliases however they are written (an anchor right after a JSON-style key's colon, or right
  // before a flow mapping) give a plain tree of copies within the limits, or a refusal beyond them.
  it.each([
    { name: 'an anchor on a value', given: 'a: &x {v: 1}\nb: *x\n' },
    { name: 'an anchor on its own line', given: 'a:\n  &x\n  v: 1\nb: *x\n' },
    { name: 'an anchor after a quoted key, no space', given: 'a: {"k":&x {v: 1}}\nb: *x\n' },
    { name: 'an anchor right before a flow mapping', given: 'a: [&x{"v":1}]\nb: *x\n' },
  ])('$name: shared nodes are copied', ({ given }) => {
    const tree = parse(given);
    expect(JSON.stringify(tree['b'])).toBe('{"v":1}');
    const inner = (node: unknown): unknown => (Array.isArray(node) ? node[0] : (node as Record<string, unknown>)['k'] ?? node);
    expect(inner(tree['a'])).not.toBe(tree['b']);
  });

  it('a bomb written without spaces around its anchors is still refused (OM204)', () => {
    const levels = ['l0: {"k":&a0 [1,1,1,1,1,1,1,1,1,1]}'];
    for (let i = 1; i < 9; i++) levels.push(`l${i}: {"k":&a${i} [${Array(10).fill(`*a${i - 1}`).join(',')}]}`);
    expect(() => parse(levels.join('\n'))).toThrow(/OM204|more than 1000000 extra nodes/);
    try {
      parse(levels.join('\n'));
    } catch (cause) {
      expect((cause as MorphError).diagnostics.map((d) => d.code)).toStrictEqual(['OM204']);
    }
  });

  it.each([
    { name: 'too deep', given: 'a:\n  b:\n    c:\n      d: 1\n', limits: { ...defaultLimits, maxDepth: 2 } },
    { name: 'too many enum values', given: 'x:\n  - enum: [1, 2, 3]\n', limits: { ...defaultLimits, maxEnumValues: 2 } },
    { name: 'within the limits', given: 'x:\n  - enum: [1, 2]\n', limits: defaultLimits },
  ])('$name: the same diagnostics as the full check', ({ given, limits }) => {
    expect(problem(given, true, limits)).toStrictEqual(problem(given, false, limits));
  });

  it('too deep and too many enum values are still refused', () => {
    expect(problem('a:\n  b:\n    c: 1\n', true, { ...defaultLimits, maxDepth: 1 })).toStrictEqual(['OM203 #/a/b']);
    expect(problem('x:\n  enum: [1, 2, 3]\n', true, { ...defaultLimits, maxEnumValues: 2 })).toStrictEqual(['OM210 #/x/enum']);
  });
});

describe('the quick limits walk', () => {
  // The quick walk only says whether a limit is crossed; the located walk then says where.
  it.each([
    { name: 'too deep in an array', given: '{"a":[[{"b":[1]}]]}', limits: { ...defaultLimits, maxDepth: 3 }, want: ['OM203 #/a/0/0/b'] },
    { name: 'too many enum values after a plain sibling', given: '{"x":{"enum":[1]},"y":{"enum":[1,2,3]}}', limits: { ...defaultLimits, maxEnumValues: 2 }, want: ['OM210 #/y/enum'] },
    { name: 'an enum key holding no array', given: '{"enum":{"enum":[1,2]}}', limits: { ...defaultLimits, maxEnumValues: 1 }, want: ['OM210 #/enum/enum'] },
    { name: 'within the limits', given: '{"a":[{"enum":[1,2]}],"__proto__":{"b":[]}}', limits: defaultLimits, want: undefined },
  ])('$name', ({ given, limits, want }) => {
    expect(problem(given, true, limits)).toStrictEqual(want);
  });

  it('an enumerable property on Object.prototype changes no answer', () => {
    Object.defineProperty(Object.prototype, 'polluted', { value: { deep: {} }, enumerable: true, configurable: true, writable: true });
    try {
      expect(problem('{"a":{"b":{}}}', true, { ...defaultLimits, maxDepth: 2 })).toStrictEqual(undefined);
      expect(problem('{"a":{"b":{"c":{}}}}', true, { ...defaultLimits, maxDepth: 2 })).toStrictEqual(['OM203 #/a/b/c']);
    } finally {
      delete (Object.prototype as Record<string, unknown>)['polluted'];
    }
  });
});

describe('an enum that is a lazily parsed entry of its own (checked-tree.ts) is held to the limit too', () => {
  const limits = { ...defaultLimits, maxEnumValues: 2 };
  const codes = (read: () => unknown): string[] | undefined => {
    try {
      read();
      return undefined;
    } catch (cause) {
      return (cause as MorphError).diagnostics.map((d) => `${d.code} ${d.location?.pointer}`);
    }
  };

  it.each([true, false])('checkTree looks at the key the entry sits under (sharesNoNodes: %s)', (sharesNoNodes) => {
    expect(codes(() => checkTree([1, 2, 3], limits, 's.json', sharesNoNodes, { path: ['components', 'enum'], depth: 2 }))).toStrictEqual(['OM210 #/components/enum']);
    expect(codes(() => checkTree([1, 2], limits, 's.json', sharesNoNodes, { path: ['components', 'enum'], depth: 2 }))).toBeUndefined();
    expect(codes(() => checkTree([1, 2, 3], limits, 's.json', sharesNoNodes, { path: ['components', 'values'], depth: 2 }))).toBeUndefined();
  });

  // `components.enum` is cut as an entry of its own in a large document, JSON or YAML.
  const pad = 'x'.repeat(300 * 1024);
  it.each([
    ['JSON', 's.json', JSON.stringify({ openapi: '3.1.0', components: { enum: [1, 2, 3] }, pad })],
    ['YAML', 's.yaml', `openapi: 3.1.0\ncomponents:\n  enum: [1, 2, 3]\npad: ${pad}\n`],
  ])('in a large %s document, once read (not before: the entry is parsed then)', (_, name, text) => {
    // Its bytes, as a file's source gives them (a JSON document is then cut from them).
    const source = { ...sourceFromText(name, text), bytes: () => Buffer.from(text) };
    const tree = parseCheckedTree(source, limits, 'some') as { components: Record<string, unknown> };
    expect(codes(() => tree.components['enum'])).toStrictEqual(['OM210 #/components/enum']);
  });
});
