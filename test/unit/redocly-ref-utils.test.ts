/**
 * `fastRefUtils` gives what Redocly's pointer helpers give (or throws where they throw) for any
 * text, and leaves the fragments that need no work alone.
 */
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fastRefUtils, type RefUtils } from '../../generator/redocly-ref-utils.ts';

const require = createRequire(import.meta.url);
const redocly = require(createRequire(require.resolve('openapi-typescript')).resolve('@redocly/openapi-core/lib/ref-utils.js')) as RefUtils;
const fast = fastRefUtils(redocly);

/** A call's value, or the class and message of what it threw. */
const outcome = (call: () => unknown): unknown => {
  try {
    return { value: call() };
  } catch (cause) {
    return { threw: (cause as Error).constructor.name, message: (cause as Error).message };
  }
};

const text = fc.string({ unit: fc.constantFrom('a', 'B', '0', '~', '0', '1', '/', '#', '#/', '%', '2', 'F', 'e', '9', 'é', '🐈', '\ud800', ' ', '{', '}'), maxLength: 16 });

describe('fastRefUtils', () => {
  for (const name of ['unescapePointer', 'escapePointer', 'parsePointer', 'parseRef'] as const) {
    it(`${name} gives what Redocly's gives, or throws the same`, () => {
      fc.assert(
        fc.property(text, (input) => {
          expect(outcome(() => fast[name](input))).toStrictEqual(outcome(() => redocly[name](input)));
        }),
        { numRuns: 3000 },
      );
    });
  }

  it.each([
    ['#/components/schemas/A~1B~0C%20D'],
    ['other.yaml#/paths/~1repos~1{owner}/get'],
    ['#'],
    ['#/'],
    ['https://example.com/a.json#/a//b'],
    ['#/a/%E0%A4%A'],
    ['a#/b#/c#/d'],
    ['#/#/'],
    ['a#'],
    ['/repos/{owner}/{repo}'],
  ])('parses %j as Redocly does', (ref) => {
    expect(outcome(() => fast.parseRef(ref))).toStrictEqual(outcome(() => redocly.parseRef(ref)));
  });

  it('returns a number given to escapePointer as it is, as Redocly does', () => {
    expect(fast.escapePointer(3)).toBe(3);
    expect(redocly.escapePointer(3)).toBe(3);
  });

  it('leaves to Redocly only a fragment with a % to decode, or with a ~ or / to escape', () => {
    const calls: string[] = [];
    const counting: RefUtils = {
      unescapePointer: (fragment) => (calls.push(`unescape ${fragment}`), redocly.unescapePointer(fragment)),
      escapePointer: (fragment) => (calls.push(`escape ${fragment}`), redocly.escapePointer(fragment)),
      parsePointer: redocly.parsePointer,
      parseRef: redocly.parseRef,
    };
    const light = fastRefUtils(counting);
    expect(light.parseRef('#/components/schemas/Repo').pointer).toStrictEqual(['components', 'schemas', 'Repo']);
    expect(light.escapePointer('application/json')).toBe('application~1json');
    expect(light.escapePointer('get')).toBe('get');
    expect(light.unescapePointer('a~1b~0~01')).toBe('a/b~~1');
    expect(light.unescapePointer('a%20b')).toBe('a b');
    expect(calls).toStrictEqual(['escape application/json', 'unescape a%20b']);
  });
});
