/**
 * sanitizeIdentifier, table-driven. The word lists are the behaviour: each word below must come out
 * with a `_` suffix, so a word dropped from `reservedWords` or `runtimeGlobals` fails its own case.
 */
import { describe, expect, it } from 'vitest';
import { sanitizeIdentifier } from '../../generator/naming/identifier.ts';
import { defaultNaming, resolveNaming } from '../../generator/naming/resolver.ts';
import { camelCase, pascalCase, splitWords } from '../../generator/naming/words.ts';

/** ECMAScript reserved words, strict-mode reserved words and literals: never identifiers. */
const RESERVED = [
  'break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'default', 'delete', 'do', 'else', 'enum',
  'export', 'extends', 'false', 'finally', 'for', 'function', 'if', 'import', 'in', 'instanceof', 'new', 'null',
  'return', 'super', 'switch', 'this', 'throw', 'true', 'try', 'typeof', 'var', 'void', 'while', 'with',
  'implements', 'interface', 'let', 'package', 'private', 'protected', 'public', 'static', 'yield', 'await',
];

/** Contextual keywords and names that confuse as identifiers (`eval`, `arguments`, `then`, ...). */
const CONFUSING = [
  'abstract', 'any', 'arguments', 'as', 'async', 'boolean', 'constructor', 'declare', 'eval', 'from', 'get', 'infer',
  'is', 'keyof', 'module', 'namespace', 'never', 'number', 'object', 'of', 'readonly', 'require', 'set', 'string',
  'symbol', 'then', 'type', 'undefined', 'unique', 'unknown', 'bigint', 'satisfies', 'accessor', 'using',
];

/** Globals the generated runtime uses: a model type named like one would shadow it. */
const RUNTIME_GLOBALS = [
  'AbortController', 'AbortSignal', 'Array', 'ArrayBuffer', 'Blob', 'Boolean', 'Date', 'Error', 'File', 'FormData',
  'Function', 'Headers', 'JSON', 'Map', 'Math', 'Number', 'Object', 'Promise', 'Readonly', 'Record', 'Partial',
  'Required', 'Pick', 'Omit', 'ReadableStream', 'Request', 'RequestInit', 'Response', 'Set', 'String', 'Symbol',
  'TextDecoder', 'TextEncoder', 'URL', 'URLSearchParams', 'globalThis', 'NonNullable', 'ReturnType', 'Awaited',
];

describe('sanitizeIdentifier: words that get a _ suffix', () => {
  it.each(RESERVED)('reserved word %s', (word) => expect(sanitizeIdentifier(word, 'X')).toBe(`${word}_`));
  it.each(CONFUSING)('confusing word %s', (word) => expect(sanitizeIdentifier(word, 'X')).toBe(`${word}_`));
  it.each(RUNTIME_GLOBALS)('runtime global %s', (word) => expect(sanitizeIdentifier(word, 'X')).toBe(`${word}_`));

  it.each(['Class', 'classes', 'Delete', 'promise', 'Responses', 'Url', 'json'])('%s is not reserved (case and whole words count)', (word) => {
    expect(sanitizeIdentifier(word, 'X')).toBe(word);
  });
});

describe('sanitizeIdentifier: shape', () => {
  it.each([
    { name: 'a digit after a letter stays', given: 'v2', want: 'v2' },
    { name: 'a leading digit gets a _ prefix', given: '2fa', want: '_2fa' },
    { name: 'a leading digit of another script too', given: '٣x', want: '_٣x' },
    { name: 'invalid characters are dropped', given: 'a-b c.d', want: 'abcd' },
    { name: 'dropping can expose a leading digit', given: '-1', want: '_1' },
    { name: 'dropping can expose a reserved word', given: 'de-lete', want: 'delete_' },
    { name: 'nothing left gives the fallback', given: '-!-', want: 'Fallback' },
    { name: '$ and _ are identifier characters', given: '$_', want: '$_' },
    { name: 'letters of any script stay', given: 'Größe', want: 'Größe' },
  ])('$name', ({ given, want }) => expect(sanitizeIdentifier(given, 'Fallback')).toBe(want));

  it('a fallback that is a reserved word is still made safe', () => expect(sanitizeIdentifier('', 'default')).toBe('default_'));
});

describe('words', () => {
  it.each([
    { name: 'lower then upper', given: 'aB', want: ['a', 'B'] },
    { name: 'digit then upper', given: 'v2Beta', want: ['v2', 'Beta'] },
    { name: 'acronym then word', given: 'URLParser', want: ['URL', 'Parser'] },
    { name: 'non-ASCII upper after lower', given: 'straßeÄnderung', want: ['straße', 'Änderung'] },
    { name: 'separators of any kind', given: ' a__b--c ', want: ['a', 'b', 'c'] },
  ])('splitWords: $name', ({ given, want }) => expect(splitWords(given)).toStrictEqual(want));

  it.each([
    { name: 'a one-letter word keeps its capital', given: 'a-b', pascal: 'AB', camel: 'aB' },
    { name: 'an all-caps word is lowered first', given: 'API_KEY', pascal: 'ApiKey', camel: 'apiKey' },
    { name: 'a mixed-case word keeps its inner capitals', given: 'iPhone', pascal: 'IPhone', camel: 'iPhone' },
    { name: 'digits are words', given: 'v2', pascal: 'V2', camel: 'v2' },
    { name: 'a capital after a caseless letter does not split, and stays', given: 'ユーザーName', pascal: 'ユーザーName', camel: 'ユーザーName' },
    { name: 'empty', given: '', pascal: '', camel: '' },
  ])('pascalCase/camelCase: $name', ({ given, pascal, camel }) => {
    expect(pascalCase(given)).toBe(pascal);
    expect(camelCase(given)).toBe(camel);
  });
});

describe('default naming rules', () => {
  it.each([
    { rule: 'typeName', want: defaultNaming.typeName('realtime_session'), expected: 'RealtimeSession' },
    { rule: 'className', want: defaultNaming.className('audio speech'), expected: 'AudioSpeechApi' },
    { rule: 'methodName', want: defaultNaming.methodName({ operationId: 'create-session', method: 'post', path: '/s' }), expected: 'createSession' },
    { rule: 'apiFile', want: defaultNaming.apiFile('RealtimeApi'), expected: 'src/apis/RealtimeApi.ts' },
    { rule: 'apiDocFile', want: defaultNaming.apiDocFile('RealtimeApi'), expected: 'docs/RealtimeApi.md' },
    { rule: 'modelDocFile', want: defaultNaming.modelDocFile('Session'), expected: 'docs/Session.md' },
  ])('$rule', ({ want, expected }) => expect(want).toBe(expected));

  it('no patch gives the defaults, frozen', () => {
    const naming = resolveNaming(undefined);
    expect(naming).toStrictEqual(defaultNaming);
    expect(Object.isFrozen(naming)).toBe(true);
  });
});
