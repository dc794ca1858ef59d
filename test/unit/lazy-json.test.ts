import { isAscii } from 'node:buffer';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LAZY_JSON_BYTES, parseCheckedTree } from '../../generator/load/checked-tree.ts';
import { lazyJsonTree } from '../../generator/load/lazy-json.ts';
import { defaultLimits } from '../../generator/load/limits.ts';
import { bytesMayHaveMisplacedRefs, MISPLACED_REF } from '../../generator/load/misplaced-refs.ts';
import { parseSpecText } from '../../generator/load/parse.ts';
import { sourceFromText, type SpecSource } from '../../generator/load/source.ts';
import { firstDiagnostic } from '../helpers/first-diagnostic.ts';

/** The lazy tree of `text`, with the entries parsed so far, as `/`-joined paths. */
function lazy(text: string): { tree: Record<string, unknown> | undefined; parsed: string[] } {
  const bytes = Buffer.from(text);
  const parsed: string[] = [];
  const tree = lazyJsonTree(bytes, (from, to, path) => {
    parsed.push(path.join('/'));
    return JSON.parse(bytes.toString('utf8', from, to));
  });
  return { tree, parsed };
}

/** Whether the lazy tree, read whole, is what `JSON.parse` makes of the whole text, key order included (undefined: not cut). */
function sameAsWhole(text: string): boolean | undefined {
  const { tree } = lazy(text);
  return tree === undefined ? undefined : JSON.stringify(tree) === JSON.stringify(JSON.parse(text));
}

/** A file's source as readSpecFile gives it: its bytes not yet decoded. */
function fileLike(name: string, text: string): SpecSource {
  const bytes = Buffer.from(text);
  let decoded = false;
  return {
    ...sourceFromText(name, text),
    get text() {
      decoded = true;
      return text;
    },
    bytes: () => (decoded ? undefined : bytes),
  };
}

/** A JSON document over the lazy size: `fields` then a padding member. */
const big = (fields: string) => fileLike('big.json', `{${fields},\n"x-padding": ${JSON.stringify('p'.repeat(LAZY_JSON_BYTES))}\n}\n`);


const DOC = JSON.stringify(
  {
    openapi: '3.1.0',
    paths: {
      '/pets/{id}': { get: { operationId: 'getPet', tags: ['pets'], responses: { '200': { description: 'ok "quoted" \\ back' }, default: { description: 'é 🐈' } } } },
      '/stores': { parameters: [], post: { operationId: 'addStore', requestBody: { content: {} } } },
    },
    components: { schemas: { Pet: { type: 'object', properties: { '404': { type: 'string' }, name: { type: 'string' } } }, 'Ünïcode "key"': { type: 'null' } } },
  },
  null,
  2,
);

describe('lazy JSON tree', () => {
  it('parses an entry when it is read, once, and reads as the whole parse does', () => {
    const { tree, parsed } = lazy(DOC);
    expect(parsed).toEqual([]);
    const paths = tree!['paths'] as Record<string, Record<string, Record<string, unknown>>>;
    expect(paths['/pets/{id}']!['get']!['operationId']).toBe('getPet');
    expect(parsed).toEqual(['paths//pets/{id}/get/operationId']);
    void paths['/pets/{id}']!['get']!['operationId'];
    expect(parsed).toHaveLength(1);
    expect(JSON.stringify(tree)).toBe(JSON.stringify(JSON.parse(DOC)));
  });

  it('keys with escapes, integer-like keys and __proto__ read as JSON.parse reads them', () => {
    const text = '{"paths": {"/a": {"get": {"responses": {"default": 1, "200": 2}}}, "/\\u00e9\\"": {}, "__proto__": {"x": 1}}, "components": {"schemas": {"404": {}, "B": {}}}}';
    expect(sameAsWhole(text)).toBe(true);
    const { tree } = lazy(text);
    expect(Object.keys(tree!['paths'] as object)).toEqual(['/a', '/é"', '__proto__']);
    expect(Object.keys((tree!['components'] as Record<string, object>)['schemas']!)).toEqual(['404', 'B']);
  });

  it('a branch with a key twice is parsed whole: the last value, at the first key\'s place', () => {
    const text = '{"paths": {"/a": {"get": 1}, "/b": {}, "/a": {"put": 2}}}';
    const { tree, parsed } = lazy(text);
    expect(tree!['paths']).toEqual({ '/a': { put: 2 }, '/b': {} });
    expect(Object.keys(tree!['paths'] as object)).toEqual(['/a', '/b']);
    expect(parsed).toEqual(['paths']);
  });

  it('is not cut when the text is not one object or its top level cannot be cut', () => {
    for (const text of ['[1]', '{"a": 1} x', '{"a": 1, "a": 2}', '{"a": "open}', '{"a" 1}', '{"a": 1,}', '\uFEFF{"a": 1}', '{"a": }']) {
      expect(lazy(text).tree, text).toBeUndefined();
    }
  });

  it('any document JSON.stringify writes, at any indentation, reads the same cut or whole', () => {
    const short = fc.string({ unit: fc.constantFrom('a', ' ', '"', '\\', '{', '}', '[', ']', ',', ':', '\n', 'é', '🐈', '#', '/'), maxLength: 12 });
    // Strings past the scan's byte-by-byte reach (64 bytes), with escapes on either side of it.
    const long = fc.string({ unit: fc.constantFrom('a', '"', '\\', 'é'), minLength: 40, maxLength: 140 });
    const text = fc.oneof(short, short, long);
    const { value: node } = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, text, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(tie('value'), { maxLength: 3 }), fc.dictionary(text, tie('value'), { maxKeys: 3 })),
    }));
    const operation = fc.dictionary(fc.oneof(fc.constantFrom('operationId', 'tags', '200', '__proto__'), text), node, { maxKeys: 4 });
    const item = fc.dictionary(fc.oneof(fc.constantFrom('get', 'post', 'parameters'), text), fc.oneof(operation, node), { maxKeys: 3 });
    const doc = fc.record({ openapi: text, paths: fc.oneof(fc.dictionary(text, fc.oneof(item, node), { maxKeys: 4 }), node), components: fc.dictionary(text, fc.dictionary(text, node, { maxKeys: 3 }), { maxKeys: 3 }) });
    fc.assert(
      fc.property(doc, fc.constantFrom(undefined, 0, 1, 2, '\t'), (value, indent) => {
        expect(sameAsWhole(JSON.stringify(value, null, indent))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('a large file is parsed lazily from its bytes, without decoding its text', () => {
    const source = big('"openapi": "3.1.0", "paths": {"/a": {"get": {"operationId": "a"}}}');
    const tree = parseCheckedTree(source, defaultLimits, 'some') as Record<string, Record<string, Record<string, Record<string, unknown>>>>;
    expect(Object.getOwnPropertyDescriptor(tree, 'paths')).toHaveProperty('get');
    expect(tree['paths']!['/a']!['get']!['operationId']).toBe('a');
    expect(source.bytes!()).toBeDefined();
    // A run that reads every entry keeps JSON lazy too (checked-tree.ts `Reading`: YAML only is parsed whole then).
    expect(Object.getOwnPropertyDescriptor(parseCheckedTree(big('"paths": {}'), defaultLimits, 'all'), 'paths')).toHaveProperty('get');
    // Not lazily: below the size, or without the bytes.
    const small = parseCheckedTree(fileLike('s.json', '{"paths": {}}'), defaultLimits, 'some');
    expect(Object.getOwnPropertyDescriptor(small, 'paths')).toHaveProperty('value');
    const decoded = parseCheckedTree(sourceFromText('d.json', `{"paths": {}, "x": ${JSON.stringify('p'.repeat(LAZY_JSON_BYTES))}}`), defaultLimits, 'some');
    expect(Object.getOwnPropertyDescriptor(decoded, 'paths')).toHaveProperty('value');
  });

  it('a syntax error in an entry read is reported as the whole parse reports it; one in an entry never read is not found', () => {
    const source = big('"openapi": "3.1.0",\n"components": {"schemas": {"Good": {"type": "string"},\n"Bad": {"type": "string" "oops": 1}}}');
    const tree = parseCheckedTree(source, defaultLimits, 'some') as Record<string, Record<string, Record<string, unknown>>>;
    expect(tree['components']!['schemas']!['Good']).toEqual({ type: 'string' });
    const problem = firstDiagnostic(() => tree['components']!['schemas']!['Bad']);
    const whole = firstDiagnostic(() => parseSpecText(sourceFromText('big.json', source.text)));
    expect(problem).toMatchObject({ code: 'OM202', location: { file: 'big.json', line: 3 } });
    expect(problem).toEqual(whole);
  });

  it('checks an entry against the depth limit from where it sits in the document', () => {
    const deep = (levels: number): string => (levels === 0 ? '1' : `{"a${levels}": ${deep(levels - 1)}}`);
    const source = big(`"components": {"schemas": {"Deep": ${deep(9)}}}`);
    const tree = parseCheckedTree(source, { ...defaultLimits, maxDepth: 10 }, 'some') as Record<string, Record<string, Record<string, unknown>>>;
    expect(firstDiagnostic(() => tree['components']!['schemas']!['Deep'])).toMatchObject({ code: 'OM203', location: { file: 'big.json' } });
  });
});

describe('misplaced references found in bytes', () => {
  const unit = fc.constantFrom('#/', 'components/', 'schemas/', 'Pet', '"', "'", ' ', ':', ',', '}', '/', '.', 'a', '\t', 'é', '\u2003', '†', '\u00a0', '#');
  const text = fc.array(unit, { maxLength: 14 }).map((parts) => parts.join(''));

  it('agree with the pattern on ASCII text, and never miss what it finds in any text', () => {
    fc.assert(
      fc.property(text, (t) => {
        const found = MISPLACED_REF.test(t);
        const inBytes = bytesMayHaveMisplacedRefs(Buffer.from(t));
        if (isAscii(Buffer.from(t))) expect(inBytes).toBe(found);
        else if (found) expect(inBytes).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('cases', () => {
    const cases: [string, boolean][] = [
      ['"$ref": "#/components/schemas/Pet"', false],
      ['"$ref": "#/components/schemas/Pet/properties/a"', true],
      ['"$ref": "#/paths/~1a"', true],
      ['"$ref":"#/components/schemas/a,b/c"', false],
      ['"$ref": "#/components/schemas/Pét"', false],
      ['"$ref": "#/components/schemas/P†/x"', true],
      ['"#/components/sché/Pet"', true],
      [`"${' #/components/s/é'.repeat(3)}"`, false],
      ['"#/components/schemas/P\u2003/x"', false],
      ['#/paths at the start', false],
      ['x#/paths', false],
    ];
    for (const [t, expected] of cases) expect(bytesMayHaveMisplacedRefs(Buffer.from(t)), t).toBe(expected);
  });
});
