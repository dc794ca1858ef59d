import { describe, expect, it } from 'vitest';
import { MorphError } from '../../generator/diagnostics/diagnostic.ts';
import { checkTree, defaultLimits } from '../../generator/load/limits.ts';
import { mayHaveAliases, parseSpecText } from '../../generator/load/parse.ts';
import { sourceFromText } from '../../generator/load/source.ts';

describe('trees that cannot share nodes take the cheap limits check', () => {
  it.each([
    { name: 'JSON', given: '{"a": "&x y", "b": [1]}', want: false },
    { name: 'YAML without anchors, markdown bold in text', given: 'summary: |\n  **NOTE:** this does **not**\n  R&D & more\n', want: false },
    { name: 'an anchor on a value', given: 'a: &x 1\nb: *x\n', want: true },
    { name: 'an anchor on its own line', given: 'a:\n  &x\n  c: 1\nb: *x\n', want: true },
    { name: 'an anchor in flow', given: 'a: [&x 1, *x]\n', want: true },
    { name: 'a word like &nbsp; (errs towards the full check)', given: 'a: b &nbsp; c\n', want: true },
  ])('$name: $want', ({ given, want }) => {
    expect(mayHaveAliases(given)).toBe(want);
  });

  const problem = (text: string, aliasFree: boolean, limits = defaultLimits) => {
    try {
      checkTree(parseSpecText(sourceFromText('s.yaml', text)), limits, 's.yaml', aliasFree);
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
