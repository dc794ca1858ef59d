/**
 * The API classes' methods go to prettier as placeholders and come back laid out as prettier lays
 * them out (api-methods.ts): the result is prettier's own output for the whole class, with either
 * of the parsers the formatter uses; a method of another shape, or a piece whose layout is not
 * predicted, goes to prettier as it is; output not as expected sends the text as it is.
 */
import { describe, expect, it } from 'vitest';
import { formatWithApiMethods, withApiMethods, withoutApiMethods } from '../../generator/format/api-methods.ts';
import { rewrittenTypeScript, typescriptAlone } from '../helpers/rewrites.ts';

const alone = typescriptAlone('src/apis/A.ts');
const babel = typescriptAlone('src/apis/A.ts', 'babel-ts');

interface Shape {
  readonly name?: string;
  readonly params?: readonly string[];
  readonly result?: string;
  readonly operation?: string;
  readonly security?: string;
  readonly path?: string;
  readonly members?: string;
}

/** A method as the default API template prints it (before formatting), with its JSDoc. */
function method({ name = 'reposGet', params = ['owner: string'], result = 'Repo', operation = 'repos/get', security = '[]', path = '/repos/{owner}', members = '...init, params: { path: { owner: owner } }' }: Shape): string {
  const signature = `  ${name}(${[...params, 'options?: RequestOptions'].join(', ')}): ApiPromise<${result}> {`;
  const call = `    return this.#core.call<${result}>("${operation}", "GET", "json", ${security}, options, (client, init) => client.GET("${path}", { ${members} }));`;
  return `  /**\n   * ${name}\n   * @returns ${result}\n   */\n${signature}\n${call}\n  }`;
}

const klass = (methods: readonly string[]) => `import type { paths } from "../schema.js";\n\nexport class ReposApi {\n  readonly #core: ApiCore<paths>;\n\n${methods.join('\n\n')}\n}\n`;

const long = (n: number) => 'x'.repeat(n);
const lookup = (path: string, ...keys: string[]) => `paths["${path}"]${keys.map((key) => `["${key}"]`).join('')}`;

/** Each layout the methods take (a row's method is predicted, and prettier's output is the result). */
const LAYOUTS: [string, Shape][] = [
  ['the signature and the arrow function on their lines', { name: 'a', params: [], result: 'void', operation: 'a', path: '/a', members: '...init' }],
  ['the parameters broken, the type argument hugged', { name: `repos${long(40)}`, params: ['owner: string', 'repo: string'] }],
  ['a NonNullable parameter broken inside <>', { params: [`body: NonNullable<${lookup(`/repos/${long(30)}`, 'post', 'requestBody')}>["content"]["application/json"]`] }],
  ['a body a GET may omit, a NonNullable or undefined, broken inside <> (Stripe\'s)', { params: [`body: NonNullable<${lookup(`/v1/${long(20)}`, 'get', 'requestBody')}>["content"]["application/x-www-form-urlencoded"] | undefined`, `params: { query: NonNullable<${lookup(`/v1/${long(20)}`, 'get', 'parameters', 'query')}> }`] }],
  ['a body a GET may omit on the line after its name', { params: [`body: NonNullable<${lookup('/v1/a', 'get', 'requestBody')}>["content"]["a"] | undefined`] }],
  ['a body a GET may omit, one type a line', { params: [`body: NonNullable<${lookup(`/v1/${long(8)}`, 'get', 'requestBody')}>["content"]["application/json"] | undefined`] }],
  ['an object type parameter, one member a line', { params: [`params?: { query?: NonNullable<${lookup(`/r/${long(40)}`, 'get', 'parameters', 'query')}>; header?: Header }`] }],
  ['an object type parameter on its line', { name: long(50), params: ['params?: { query?: Query }'] }],
  ['an object type written with a last `;`, printed without it', { params: ['object_: { name?: string; "x-id"?: Id; }'] }],
  ['an object type with a last `;`, broken', { name: long(30), params: [`object_: { name?: string; description${long(50)}?: string; }`] }],
  ['a union of strings as a parameter', { params: ['kind: "open" | "closed"'] }],
  ['a union parameter on the line after its name', { params: ['owner: string', 'packageType: "npm" | "maven" | "rubygems" | "docker" | "nuget" | "container"'] }],
  ['a union parameter one type a line', { params: [`kind?: "open" | "closed" | Pet | ${lookup(`/repos/${long(40)}`, 'get', 'responses', '200')}`] }],
  ['a union wider than the line, one type a line', { params: [`x: "${long(90)}" | "b"`] }],
  ['a union of a name and undefined on the line after its name', { params: [`body: ${long(60)} | undefined`] }],
  ['a name and null, never broken (a nullable body)', { params: [`body: Body${long(60)} | null`] }],
  ['null and a name, or a name and void, never broken', { params: [`a: null | A${long(70)}`, `b: B${long(70)} | void`] }],
  ['a name and null as an object type member, never broken', { params: [`params?: { query?: Q; body${long(30)}: Pet${long(40)} | null }`] }],
  ['a keyword and null, broken as a union', { params: [`body${long(70)}: string | null`] }],
  ['a name and null as the result, hugged in both type arguments', { result: `Repository${long(40)} | null` }],
  ['a union member of an object type on the line after its key', { params: [`params?: { query?: Query; visibility${long(10)}: "public" | "private" | "internal" | "all-of-them-really" }`] }],
  ['a union member of an object type one type a line', { params: [`params?: { visibility${long(20)}?: "public" | "private" | "internal" | "all-of-them" | "more" }`] }],
  ['the result type broken after the parameters (a chain)', { params: [], result: lookup(`/repos/${long(20)}`, 'get', 'responses', '200', 'content', 'application/json') }],
  ['the result type broken (a union on its line)', { params: [], result: `${lookup('/repos', 'get', 'responses', '200')} | undefined` }],
  ['the result type broken (a union one type a line)', { params: [], result: `${lookup(`/repos/${long(30)}`, 'get', 'responses', '200')} | undefined` }],
  ['a long name as the type argument (hugged)', { result: `Repository${long(70)}` }],
  ['the call broken out, the arrow function on its line', { operation: `repos/${long(60)}`, path: '/r', members: '...init, body' }],
  ['the call broken out, its body on the next line', { operation: `repos/${long(50)}`, path: `/repos/${long(30)}` }],
  ['the inner call hugged, an object member broken', { operation: `r/${long(50)}`, path: `/repos/${long(20)}`, members: `...init, params: { ...params, path: { owner: owner, ${long(30)}: ${long(20)} } }, body` }],
  ['the inner call broken out, a long path', { operation: `r/${long(50)}`, path: `/repos/${long(70)}` }],
  ['the inner call broken out, its object on its line', { operation: `r/${long(50)}`, path: `/repos/${long(55)}`, members: '...init, body' }],
  ['quoted keys, strings and a member spread', { operation: `r/${long(50)}`, members: '...init, params: { path: { "enterprise-team": team } }, body, headers: { "Content-Type": "text/plain", ...init.headers }' }],
  ['a security list', { security: '[["BearerAuth", "ApiKey"]]', operation: `r/${long(60)}` }],
  ['a security list of lists of one scheme each, on the hugged line', { security: '[["basicAuth"], ["bearerAuth"]]' }],
  ['a security list of lists of one scheme each, broken out', { security: '[["basicAuth"], ["bearerAuth"]]', operation: `r/${long(60)}` }],
  ['a security list of a list of one scheme and one of two, broken out', { security: '[["A"], ["B", "C"], []]', operation: `r/${long(60)}` }],
  ['the type argument broken before the call', { result: lookup(`/repos/${long(40)}`, 'get', 'responses', '200'), members: '...init' }],
  ['the type argument broken, the call hugged after it', { result: lookup(`/repos/${long(20)}`, 'get', 'responses', '200'), operation: 'g', path: `/repos/${long(30)}` }],
];

/** The text through the rewrite with `parser`: the texts prettier got; the result must be prettier's (typescript parser) for the text. */
const rewritten = (text: string, parser = alone, first?: (output: string) => string): Promise<string[]> => rewrittenTypeScript(formatWithApiMethods, text, alone, parser, first);

/** A pseudo-random sequence (the same on every run). */
function random(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
}

describe('API methods as placeholders', () => {
  it.each(LAYOUTS)('a method whose layout is known (%s) is laid out as prettier lays it out', async (_, shape) => {
    const text = klass([method(shape)]);
    expect(withoutApiMethods(text)?.methods).toHaveLength(1);
    const sent = await rewritten(text);
    expect(sent).toStrictEqual([withoutApiMethods(text)!.text]);
    expect(sent[0]).toContain('\n  openapi_morph_method_0;\n}');
  });

  it.each([
    ['typescript', alone],
    ['babel-ts', babel],
  ])('a class of every layout comes back as prettier prints it (%s)', async (_, parser) => {
    const text = klass(LAYOUTS.map(([, shape]) => method(shape)));
    const sent = await rewritten(text, parser);
    // One run: the methods and their comments, with the empty lines between them.
    expect(sent).toStrictEqual(['import type { paths } from "../schema.js";\n\nexport class ReposApi {\n  readonly #core: ApiCore<paths>;\n\n  openapi_morph_method_0;\n}\n']);
  });

  it.each([
    ['two empty lines between members (prettier keeps one)', '\n\n\n', 1],
    ['no empty line between members (prettier adds none)', '\n', 1],
    ['a method left to prettier between them', `\n\n${method({ members: '...init, body: body as never', name: 'middle' })}\n\n`, 2],
    ['a property between them', '\n\n  readonly x = 1;\n\n', 2],
  ])('runs of members: %s', async (_, between, runs) => {
    const text = klass([`${method({ name: 'first' })}${between}${method({ name: 'last' })}`]);
    const sent = await rewritten(text);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.match(/openapi_morph_method_\d+;/g)).toHaveLength(runs);
    expect(sent[0]).not.toContain('reposGet');
  });

  /** The class's isError, as the default template prints it, over `entries`. */
  const isError = (entries: readonly string[], name = 'ReposApiErrors', errorClass = 'ApiError') =>
    `  /**\n   * Whether.\n   */\n  isError<M extends keyof ${name}>(error: unknown, method: M): error is ${name}[M] {\n    return error instanceof ${errorClass} && error.operationId === ({ ${entries.join(', ')} } as const)[method];\n  }`;
  const entries = (n: number, width: number) => Array.from({ length: n }, (_, i) => `method${i}${long(width)}: "operation-${i}/${long(width)}"`);

  it.each([
    ['its object one entry a line', entries(8, 10)],
    ['entries too wide broken after their key', entries(3, 30)],
    // `{ ... } as const` of exactly 70 columns: ten columns in, it fits; eight in, with `(` and `)[`, it does not.
    ['its object on one line in broken parentheses', [`a${long(51)}: "b"`]],
    // A class of one operation or a few (Zuora's): the object fits on a line after `===`.
    ['its operand on one line', entries(1, 2)],
    ['its operand on the line after ===', entries(1, 10)],
    ['its operand on the line after ===, with [method] broken', [`a${long(45)}: "b"`]],
    ['its signature on one line', entries(1, 10), 'AErrors'],
  ])('isError is laid out in the run (%s)', async (_, list, name?: string) => {
    const text = klass([isError(list, name), method({})]);
    expect(withoutApiMethods(text)?.methods).toHaveLength(1);
    const sent = await rewritten(text);
    expect(sent[0]).not.toContain('isError');
  });

  it.each([
    ['a key of fewer than five columns that does not fit', ['a: "x"', `b: "${long(80)}"`, ...entries(4, 10)], 'ReposApiErrors'],
    ['a head too wide', entries(8, 10), `R${long(60)}`],
    // A review's fuzzing: with an error class of a short name (a custom template's) both operands share a line.
    ['both operands on one line', ['a: "b"'], 'AErrors', 'X'],
  ])('isError is left to prettier: %s', async (_, list, name, errorClass?: string) => {
    const text = klass([isError(list, name, errorClass), method({})]);
    const sent = await rewritten(text);
    expect(sent[0]).toContain('isError');
  });

  it.each([
    ['a type cast', '  /**\n   * @type {X}\n   */'],
    ['a comment that is not indentable', '  /* a\n     b */'],
    ['a line comment', '  // a'],
    ['a comment sharing its line with code', '  readonly x = 1; /**\n   * a\n   */'],
  ])('a comment above a method stays out of its run: %s', async (_, comment) => {
    const text = klass([`${comment}\n${method({}).split('\n').slice(4).join('\n')}`]);
    const sent = await rewritten(text);
    expect(sent[0]).toContain(`${comment}\n  openapi_morph_method_0;`);
  });

  it('predicts methods of widths around every break, as prettier lays them out', async () => {
    const next = random(7);
    const pick = (n: number) => Math.floor(next() * n);
    const shapes = Array.from({ length: 60 }, (): Shape => {
      const path = `/repos/${long(pick(70))}`;
      return {
        name: `m${long(pick(60))}`,
        params: [
          ...Array.from({ length: pick(4) }, (_, i) => `p${i}${long(pick(25))}: string`),
          ...(next() < 0.5 ? [`u${long(pick(40))}: ${Array.from({ length: 2 + pick(6) }, (_, i) => `"v${i}${long(pick(12))}"`).join(' | ')}`] : []),
          ...(next() < 0.5 ? [`body: NonNullable<${lookup(path, 'post', 'requestBody')}>["content"]["application/json"]`] : []),
        ],
        result: [`R${long(pick(60))}`, lookup(path, 'get', 'responses', '200'), `R${long(pick(60))} | undefined`, 'void'][pick(4)],
        operation: `o${long(pick(70))}`,
        path,
        members: ['...init', `...init, params: { path: { a: a${long(pick(40))}, b: b } }`, '...init, body'][pick(3)],
        security: ['[]', '[["basicAuth"], ["bearerAuth"]]', `[["A${long(pick(20))}", "B"]]`, `[["A"], ["B${long(pick(30))}"], []]`][pick(4)],
      };
    });
    const text = klass(shapes.map(method));
    expect(withoutApiMethods(text)!.text.split('return this.#core.call').length - 1).toBeLessThan(10);
    await rewritten(text);
  });

  it.each([
    ['a body prettier would lay out otherwise', { members: '...init, body: body as never' }],
    ['a security list of two lists', { security: '[["A", "B"], ["C", "D"]]' }],
    ['a security list wider than its line', { security: `[["A"], ["${long(70)}"]]` }],
    ['a union after a key wider than the line', { params: [`${long(80)}: "a" | "b"`] }],
    ['a key prettier could unquote', { members: '...init, params: { path: { "owner": owner } }' }],
    ['a string with a backslash', { path: '/a\\\\b' }],
    ['text that is not ASCII', { path: '/répertoire' }],
  ])('leaves a method to prettier where its layout is not predicted (%s)', async (_, shape) => {
    const text = klass([method({ ...shape, operation: `r/${long(70)}` })]);
    expect(withoutApiMethods(text)).toBeUndefined();
    expect(await rewritten(text)).toStrictEqual([text]);
  });

  it('reads a class at the start of a text (a chunk of a large file starts with it)', async () => {
    const text = klass([method({})]).replace('import type { paths } from "../schema.js";\n\n', '');
    expect(text.startsWith('export class ')).toBe(true);
    expect(withoutApiMethods(text)?.methods).toHaveLength(1);
    await rewritten(text);
  });

  it.each([
    ['outside a class', (text: string) => text.replace('export class ReposApi {', 'export interface ReposApi {')],
    ['in a text with a template literal', (text: string) => `const a = \`\`;\n${text}`],
    ['in a text with a division', (text: string) => `const a = 1 / 2;\n${text}`],
    ['in a text with a comment that does not close', (text: string) => `${text}/* open`],
    ['with prettier-ignore in the text', (text: string) => `// prettier-ignore\n${text}`],
    ["with the placeholder's name in the text", (text: string) => `const openapi_morph_method_0 = 1;\n${text}`],
  ])('does not read methods %s', (_, change) => {
    expect(withoutApiMethods(change(klass([method({})])))).toBeUndefined();
  });

  it('reads comments and strings: a method in a comment, or with a comment in its lines, stays', async () => {
    const inComment = `  /* \`code\` " and ' in a comment\n${method({ name: 'inComment' }).split('\n').slice(4).join('\n')}\n  */`;
    const commented = method({ name: 'commented' }).replace('(owner: string', '(owner: string /* a comment */');
    const text = klass([method({ name: 'first' }), inComment, commented, `  // "/* \``, method({ name: 'last' })]);
    const replaced = withoutApiMethods(text)!;
    expect(replaced.methods.flat().filter((line) => /^ {2}\w+\(/.test(line))).toStrictEqual(['  first(owner: string, options?: RequestOptions): ApiPromise<Repo> {', '  last(owner: string, options?: RequestOptions): ApiPromise<Repo> {']);
    expect(replaced.text).toContain('commented(owner: string /* a comment */');
    expect(replaced.text).toContain('  inComment(');
    await rewritten(text);
  });

  it("sends the text as it is when prettier's output is not as expected", async () => {
    const text = klass([method({ operation: `r/${long(60)}` }), '  readonly x = 1;', method({ name: 'other' })]);
    const reduced = withoutApiMethods(text)!;
    const output = await alone(reduced.text);
    expect(withApiMethods(output, reduced)).toBe(await alone(text));
    expect(withApiMethods(output.replace('  openapi_morph_method_1;', '    openapi_morph_method_1;'), reduced)).toBeUndefined();
    expect(withApiMethods(output.replace('openapi_morph_method_1;', 'openapi_morph_method_1 = 1;'), reduced)).toBeUndefined();
    expect(withApiMethods(output.replace('openapi_morph_method_0', 'openapi_morph_method_X').replace('openapi_morph_method_1', 'openapi_morph_method_0').replace('openapi_morph_method_X', 'openapi_morph_method_1'), reduced)).toBeUndefined();
    const sent = await rewritten(text, alone, (first) => first.replace('  openapi_morph_method_0;', '  openapi_morph_method_0: 1;'));
    expect(sent).toStrictEqual([reduced.text, text]);
  });
});
