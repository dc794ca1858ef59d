/**
 * code-block-writer's state scan goes from one character of its set to the next
 * (generator/code-block-writer-scan.ts): the installed module, edited, keeps its lines, and a writer
 * fed the same strings is in the same state after each one (string, comment, regular expression)
 * and writes the same text; a text whose loop is written otherwise is left as it is.
 */
import { describe, expect, it } from 'vitest';
import { handledCharacterJumps } from '../../generator/code-block-writer-scan.ts';
import { installedWriter as installed, writerClass, type Writer } from '../helpers/code-block-writer.ts';

type Internal = Writer & { _updateInternalState(text: string): void; isInString(): boolean; isInComment(): boolean; _isInRegEx: boolean; _stringCharStack: number[]; _currentCommentChar: number | undefined };

/** Fragments whose runs open and close strings, template literals and their `${}`, comments and regular expressions, escaped or not. */
const FRAGMENTS = ['a', ' ', 'x = ', '"', "'", '`', '\\', '\\"', '${', '}', '{', '/', '//', '/*', '*/', '*', '\n', '\r\n', '/a+/g', '(', ')', ';', '$', 'é', '\u2028', 'return /x/', 'a / b'];

/** `count` strings of up to 12 fragments, the same on every run. */
function strings(count: number): string[] {
  let seed = 7;
  const next = (below: number) => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return (seed >>> 16) % below;
  };
  return Array.from({ length: count }, () => Array.from({ length: 1 + next(12) }, () => FRAGMENTS[next(FRAGMENTS.length)]).join(''));
}

const state = (writer: Internal) => JSON.stringify([writer._stringCharStack, writer._currentCommentChar ?? null, writer._isInRegEx, writer.isInString(), writer.isInComment()]);

describe('handledCharacterJumps on the installed code-block-writer', () => {
  const edited = handledCharacterJumps(installed);

  it('searches for the next character of the set, the module\'s lines kept where they were', () => {
    expect(edited).not.toBe(installed);
    expect(edited).toContain('for (let i = openapiMorphNextHandled(str, 0); i < str.length; i = openapiMorphNextHandled(str, i + 1)) {');
    const lines = installed.split('\n');
    expect(edited.split('\n').slice(0, lines.length).filter((line, i) => line !== lines[i])).toStrictEqual(['        for (let i = openapiMorphNextHandled(str, 0); i < str.length; i = openapiMorphNextHandled(str, i + 1)) {']);
  });

  it('leaves a writer in the same state after each string, and writing the same text', () => {
    const [Before, After] = [writerClass(installed), writerClass(edited)];
    for (const options of [{}, { useSingleQuote: true, newLine: '\r\n' }]) {
      const [before, after] = [new Before(options) as Internal, new After(options) as Internal];
      let states = 0;
      for (const text of strings(20_000)) {
        before.write(text);
        after.write(text);
        expect(state(after)).toBe(state(before));
        states++;
      }
      expect(states).toBe(20_000);
      expect(after.toString()).toBe(before.toString());
    }
  });

  it('visits the characters of the set that the loop handles, at their indexes', () => {
    const After = writerClass(edited);
    const writer = new After() as Internal;
    // A template literal with a `${}` and a string, a comment and a regular expression (which the character of the set after its last `/` ends), each change on a character of the set.
    const steps: [string, string][] = [
      ['const a = `x${', '[[96,123],null,false,false,false]'],
      ['"}', '[[96,123,34],null,false,true,false]'],
      ['"}`;', '[[],null,false,false,false]'],
      [' /* c ', '[[],1,false,false,true]'],
      ['*/ b = /"', '[[],null,true,false,false]'],
      ['a/}', '[[],null,false,false,false]'],
    ];
    for (const [text, expected] of steps) {
      writer.write(text);
      expect(state(writer)).toBe(expected);
    }
  });
});

describe('what handledCharacterJumps leaves alone', () => {
  const loop = '    _updateInternalState(str) {\n        for (let i = 0; i < str.length; i++) {\n            const currentChar = str.charCodeAt(i);\n            // why\n            if (!isCharToHandle.has(currentChar)) {\n                continue;\n            }\n        }\n    }\n';
  const set = 'const isCharToHandle = new Set([\n    1,\n]);\n';

  it('edits the loop as 13.0 writes it, with the set declared', () => {
    expect(handledCharacterJumps(`${set}${loop}`)).toContain('openapiMorphNextHandled(str, i + 1)');
  });

  it('a loop that does not start with the set\'s check, a text without the set, and another text', () => {
    const unchecked = loop.replace('if (!isCharToHandle.has(currentChar))', 'if (currentChar === 1)');
    expect(handledCharacterJumps(`${set}${unchecked}`)).toBe(`${set}${unchecked}`);
    expect(handledCharacterJumps(loop)).toBe(loop);
    expect(handledCharacterJumps('class B {}')).toBe('class B {}');
  });
});
