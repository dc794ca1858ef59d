/**
 * What a worker thread's failure carries back to the main thread (generator/diagnostics/crossing.ts:
 * the upstream worker's and the types worker's): a `MorphError`'s diagnostics, with causes that can
 * be copied, else the error's message and stack; and the error the main thread throws for it.
 */
import { describe, expect, it } from 'vitest';
import { MorphError, error } from '../../generator/diagnostics/diagnostic.ts';
import { crossing, failureFrom, failureReply } from '../../generator/diagnostics/crossing.ts';

describe('what a failure carries across threads', () => {
  it('a diagnostic keeps a cause that can be copied, and gives one that cannot as its message', () => {
    const plain = error('OM206', 'invalid', { file: 'a.yaml' }, [{ keyword: 'required', params: { missingProperty: 'x' } }]);
    expect(crossing(plain)).toBe(plain);
    const withFunction = error('OM206', 'invalid', undefined, { keyword: 'required', check: () => true });
    expect(() => structuredClone(withFunction.cause)).toThrow();
    expect(crossing(withFunction)).toStrictEqual({ ...withFunction, cause: "{ keyword: 'required', check: [Function: check] }" });
    expect(() => structuredClone(crossing(withFunction))).not.toThrow();
  });

  it('a MorphError crosses as its diagnostics, anything else as its message and stack', () => {
    const diagnostics = [error('OM202', 'YAML syntax error: bad', { file: 'u.yaml', line: 3, column: 1 })];
    expect(failureReply(new MorphError(diagnostics))).toStrictEqual({ diagnostics });
    const uncopyable = error('OM206', 'invalid', undefined, { check: () => true });
    expect(failureReply(new MorphError([uncopyable]))).toStrictEqual({ diagnostics: [{ ...uncopyable, cause: '{ check: [Function: check] }' }] });
    const bug = new TypeError('x is undefined');
    expect(failureReply(bug)).toStrictEqual({ error: { message: 'x is undefined', stack: bug.stack } });
    expect(failureReply('thrown text')).toStrictEqual({ error: { message: 'thrown text', stack: undefined } });
  });
});

describe('the error a failure reply stands for', () => {
  it('a MorphError with the same diagnostics, after a real crossing', () => {
    const diagnostics = [error('OM206', 'openapi-typescript could not type the selected operations: x', { file: 'u.yaml' }, new TypeError('x'))];
    const thrown = failureFrom(structuredClone(failureReply(new MorphError(diagnostics))));
    expect(thrown).toBeInstanceOf(MorphError);
    expect((thrown as MorphError).diagnostics.map((d) => [d.code, d.message, d.location])).toStrictEqual([['OM206', diagnostics[0]!.message, { file: 'u.yaml' }]]);
  });

  it('any other error as a plain Error with its message and stack', () => {
    const bug = new TypeError('x is undefined');
    const thrown = failureFrom(structuredClone(failureReply(bug)));
    expect(thrown).not.toBeInstanceOf(MorphError);
    expect([thrown.message, thrown.stack]).toStrictEqual(['x is undefined', bug.stack]);
  });
});
