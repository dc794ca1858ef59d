/**
 * The middle lines of JSDoc comments on lines of their own go to prettier as one placeholder line
 * and come back as prettier prints them (doc-comments.ts): the result is prettier's own output for
 * the whole text, with either of the parsers the formatter uses. A comment whose text changes how
 * prettier prints the code stays; a text the reader does not read, or that holds `prettier-ignore`,
 * goes as it is; output not as expected sends the text as it is.
 */
import { describe, expect, it } from 'vitest';
import { formatWithDocComments, withDocComments, withoutDocComments } from '../../generator/format/doc-comments.ts';
import { rewrittenTypeScript, typescriptAlone } from '../helpers/rewrites.ts';

const alone = typescriptAlone('src/apis/A.ts');
const babel = typescriptAlone('src/apis/A.ts', 'babel-ts');

/** `text` through the rewrite with `parser`: the texts prettier got; the result must be prettier's (typescript parser) for the text. */
const rewritten = (text: string, parser = alone, first?: (output: string) => string): Promise<string[]> => rewrittenTypeScript(formatWithDocComments, text, alone, parser, first);

const CLASS = `export class ReposApi {
    /**
     * Get a repository
     *
     * The \`parent\` and \`source\` objects are present when the repository is a fork.  
     * A markdown line break above; "quotes", 'apostrophes', {braces}, /slashes/ and // in a comment.
     *   *   odd   indentation   
     * @param owner The account owner.
     * @returns Response
     */
    reposGet(owner: string, repo: string, params?: { query?: { page?: number; per_page?: number } }, options?: RequestOptions): ApiPromise<FullRepository> {
        return this.#core.call<FullRepository>("repos/get", "GET", "json", [], options, (client, init) => client.GET("/repos/{owner}/{repo}", { ...init, params: { path: { owner, repo } } }));
    }

\t/**
\t * Tab-indented.
\t */
    readonly errors = {
        /**
         * A property's comment.
         */
        a: 1,
        b: [
            /**
             * An element's.
             */
            "x",
        ],
    };
}
/**
 * A statement's, the last comment.
 */
export type Errors = {
    /**
     * A member's.
     */
    readonly reposGet: ErrorWith<BasicError, 404> | ErrorWith<BasicError, 500> | OtherError<404 | 500>;
};
`;

describe('JSDoc comments as placeholders', () => {
  it.each([
    ['typescript', alone],
    ['babel-ts', babel],
  ])("an API class's comments go as placeholders and come back as prettier prints them (%s)", async (_, parser) => {
    const sent = await rewritten(CLASS, parser);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.match(/ \* openapi_morph_doc_\d+/g)).toStrictEqual([0, 1, 2, 3, 4, 5].map((n) => ` * openapi_morph_doc_${n}`));
    expect(sent[0]).not.toContain('Get a repository');
    expect(sent[0]).toContain('    /**\n * openapi_morph_doc_0\n     */\n    reposGet(');
  });

  it('keeps comments whose text changes how prettier prints the code, and those of one or two lines or sharing one', async () => {
    const kept = [
      '/**\n * @type {string}\n */\nconst a = x;',
      '/**\n * @satisfies {X}\n */\nconst b = x;',
      '/**\n * @format\n */\nconst c = x;',
      '/** Two lines.\n */\nconst d = x;',
      '/** One line. */\nconst e = x;',
      'const f = /**\n * Shares its first line.\n */ x;',
      '/**\n * Shares its last line.\n */ const g = x;',
      '/*\n * Not JSDoc.\n */\nconst h = x;',
      '/**\n   Not every line starts with a star.\n */\nconst i = x;',
    ];
    for (const text of kept) expect(withoutDocComments(text), text).toBeUndefined();
    const sent = await rewritten(`${kept.join('\n')}\n/** Replaced,\n * all but its first and last lines.\n */\nconst j = x;\n`);
    expect(sent[0]).toBe(`${kept.join('\n')}\n/** Replaced,\n * openapi_morph_doc_0\n */\nconst j = x;\n`);
  });

  it('does not rewrite a text that holds prettier-ignore anywhere: an ignored node prints its comments as written', async () => {
    const text = '// prettier-ignore\nconst a = {\n  /**\n   * c \n      * misindented\n   */\n};\n/**\n * Not inside it.\n */\nconst b = 1;\n';
    expect(withoutDocComments(text)).toBeUndefined();
    expect(await rewritten(text)).toStrictEqual([text]);
  });

  it.each([
    ['a number array (its fill measures the line the comment opens on)', `const a = [\n  1, ${'2'.repeat(67)},\n  /**\n   * c\n   * d\n   */\n  3,\n];\n`],
    ['the right side of an assignment', `const ${'a'.repeat(63)} = (\n  /**\n   * c\n   * d\n   */\n  b\n) as C;\n`],
    ['a hugged last argument', `${'f'.repeat(60)}(a, (\n  /**\n   * c\n   * d\n   */\n  { b: 1 }\n) as T);\n`],
    ['a type assertion', `function f() {\n  return <${'F'.repeat(50)}>(\n    /**\n     * c\n     * d\n     */\n    bar\n  );\n}\n`],
  ])('where the width up to the comment decides (%s), the output is prettier\'s', async (_, text) => {
    const sent = await rewritten(text);
    expect(sent[0]).toContain(' * openapi_morph_doc_0\n');
  });

  it.each([
    ['a template literal', 'const a = `/**`;\n/**\n * A comment.\n */\nconst b = 1;\n'],
    ['a division', 'const a = 1 / 2;\n/**\n * A comment.\n */\nconst b = 1;\n'],
    ['a regular expression', 'const a = /x/;\n/**\n * A comment.\n */\nconst b = 1;\n'],
    ['a string that does not close on its line', 'const a = "x;\n/**\n * A comment.\n */\nconst b = "y";\n'],
    ['a comment that does not close', '/**\n * A comment.\n */\nconst b = 1;\n/* open'],
    ['a carriage return', '/**\r\n * A comment.\r\n */\r\nconst b = 1;\r\n'],
    ["the placeholder's name", '/**\n * A comment.\n */\nconst openapi_morph_doc_0 = 1;\n'],
  ])('does not read a text with %s: it goes as it is', (_, text) => {
    expect(withoutDocComments(text)).toBeUndefined();
  });

  it('reads strings with escaped quotes, comment openers and a line continuation in them', () => {
    expect(withoutDocComments('const a = "\\"/**";\nconst b = \'/*\\\'\';\n/**\n * A comment.\n */\nconst c = 1;\n')?.text).toBe(
      'const a = "\\"/**";\nconst b = \'/*\\\'\';\n/**\n * openapi_morph_doc_0\n */\nconst c = 1;\n',
    );
    expect(withoutDocComments('const a = "x\\\n/** in the string";\n/**\n * A comment.\n */\nconst c = 1;\n')?.text).toBe(
      'const a = "x\\\n/** in the string";\n/**\n * openapi_morph_doc_0\n */\nconst c = 1;\n',
    );
  });

  it.each([
    ['function parameters', 'function f(\n  /**\n   * Dangling.\n   */\n) {}\n'],
    ['an empty object', 'const o = {\n  /**\n   * Dangling.\n   */\n};\n'],
    ['an empty class', 'class A {\n  /**\n   * Dangling.\n   */\n}\n'],
    ['call arguments', 'f(\n  /**\n   * Dangling.\n   */\n);\n'],
  ])('a comment prettier prints dangling in %s: the output is still prettier\'s', async (_, text) => {
    const sent = await rewritten(text);
    // Sent as placeholders, and where the placeholder did not stay alone on its line, sent again as it is.
    expect(sent[0]).toContain('openapi_morph_doc_0');
    if (sent.length > 1) expect(sent).toStrictEqual([sent[0], text]);
  });

  it("sends the text as it is when prettier's output is not as expected", async () => {
    const text = '/**\n * A.\n */\nconst a = 1;\n/**\n * B.\n */\nconst b = 1;\n';
    const reduced = withoutDocComments(text)!;
    const output = await alone(reduced.text);
    expect(withDocComments(output, reduced)).toBe(await alone(text));
    expect(withDocComments(output.replace('openapi_morph_doc_1', 'openapi_morph_doc_2'), reduced)).toBeUndefined();
    expect(withDocComments(output.replace(' * openapi_morph_doc_1\n', ''), reduced)).toBeUndefined();
    expect(withDocComments(output.replace(' * openapi_morph_doc_0', 'x * openapi_morph_doc_0'), reduced)).toBeUndefined();
    expect(withDocComments(output.replace(' * openapi_morph_doc_0', ' * openapi_morph_doc_0 x'), reduced)).toBeUndefined();
    expect(withDocComments(output.replace('openapi_morph_doc_0', 'openapi_morph_doc_X').replace('openapi_morph_doc_1', 'openapi_morph_doc_0').replace('openapi_morph_doc_X', 'openapi_morph_doc_1'), reduced)).toBeUndefined();
    const sent = await rewritten(text, alone, (first) => first.replace(' * openapi_morph_doc_1', ' * openapi_morph_doc_1 x'));
    expect(sent).toStrictEqual([reduced.text, text]);
  });
});
