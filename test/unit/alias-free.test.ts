import { describe, expect, it } from 'vitest';
import { MorphError } from '../../generator/diagnostics/diagnostic.ts';
import { checkTree, defaultLimits } from '../../generator/load/limits.ts';
import { parseCheckedTree } from '../../generator/load/checked-tree.ts';
import { parseSpecText } from '../../generator/load/parse.ts';
import { sourceFromText } from '../../generator/load/source.ts';

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

  const problem = (text: string, sharesNoNodes: boolean, limits = defaultLimits) => {
    try {
      checkTree(parseSpecText(sourceFromText('s.yaml', text)), limits, 's.yaml', sharesNoNodes);
      return undefined;
    } catch (cause) {
      return (cause as MorphError).diagnostics.map((d) => `${d.code} ${d.location?.pointer}`);
    }
  };

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
