/** The one diagnostics collector and its one rule for when a stage throws. */
import { describe, expect, it } from 'vitest';
import { DiagnosticCollector } from '../../generator/diagnostics/collector.ts';
import { error, MorphError, warning } from '../../generator/diagnostics/diagnostic.ts';

const caught = (run: () => void): unknown => {
  try {
    run();
  } catch (cause) {
    return cause;
  }
  return undefined;
};

describe('DiagnosticCollector', () => {
  it('keeps every problem in the order found', () => {
    const diagnostics = new DiagnosticCollector();
    const first = warning('OM800', 'a');
    const second = error('OM206', 'b');
    const third = warning('OM802', 'c');
    diagnostics.add(first);
    diagnostics.add(second, third);
    diagnostics.add();
    expect(diagnostics.list).toStrictEqual([first, second, third]);
  });

  it.each([
    { name: 'nothing', given: [], throws: false },
    { name: 'warnings only', given: [warning('OM800', 'a'), warning('OM802', 'b')], throws: false },
    { name: 'one error', given: [error('OM206', 'a')], throws: true },
    { name: 'an error after a warning', given: [warning('OM800', 'a'), error('OM206', 'b')], throws: true },
  ])('$name: hasErrors and throwIfErrors agree', ({ given, throws }) => {
    const diagnostics = new DiagnosticCollector();
    diagnostics.add(...given);
    expect(diagnostics.hasErrors()).toBe(throws);
    const thrown = caught(() => diagnostics.throwIfErrors());
    if (!throws) return expect(thrown).toBeUndefined();
    expect(thrown).toBeInstanceOf(MorphError);
    expect((thrown as MorphError).diagnostics).toStrictEqual(given);
  });

  it('the thrown error is a snapshot: problems added later do not join it', () => {
    const diagnostics = new DiagnosticCollector();
    diagnostics.add(error('OM206', 'a'));
    const thrown = caught(() => diagnostics.throwIfErrors()) as MorphError;
    diagnostics.add(error('OM206', 'b'));
    expect(thrown.diagnostics.map((d) => d.message)).toStrictEqual(['a']);
  });
});
