/**
 * What the rewrites leave of an API class, its skeleton, is printed without prettier
 * (generator/format/skeleton.ts) exactly as prettier prints it, with either parser the formatter
 * uses; a text with anything else in it is left to prettier.
 */
import { describe, expect, it } from 'vitest';
import { printedSkeleton } from '../../generator/format/skeleton.ts';
import { createFormatter, DEFAULT_PACKAGE_SETUP } from '../../generator/format/formatter.ts';

const prettier = await createFormatter(DEFAULT_PACKAGE_SETUP, { rewrites: false });
const TYPES = ['ApiError', 'BasicError', 'ValidationError', 'ValidationErrorSimple', 'SimpleUser', 'RepositoryRuleset'];

const SKELETON = `import type { BasicError, SimpleUser } from "../models.js";
import type { ApiPromise } from "../runtime/api-promise.js";
import { type AuthOptions, defaults } from "../runtime/defaults.js";

/** What each method of \`ReposApi\` rejects with: one \`ApiError\` per status the spec declares an error body for, typed by it. */
export interface ReposApiErrors {
  openapi_morph_members_0: 0;
}

/**
 * openapi_morph_doc_0
 */
export class ReposApi {
  readonly #core: ApiCore<paths>;

  /** Creates a client. Options apply to every call made with it; credentials are checked when an operation needs them. */
  constructor(options: Omit<ClientOptions<AuthOptions>, "apiKey"> = {}) {
    this.#core = new ApiCore<paths>(options, defaults);
  }

  /**
   * openapi_morph_doc_1
   */
  openapi_morph_method_0;

  openapi_morph_method_1;
}
`;

describe('printedSkeleton', () => {
  it.each([
    { name: 'a skeleton prettier prints as it stands', text: SKELETON },
    { name: 'a chunk of a class, empty lines before and after it', text: `\n\n${SKELETON.slice(SKELETON.indexOf('/**\n * openapi'))}\n\n` },
    { name: 'empty lines where prettier drops them: after a block opens, before it closes, two in a row', text: SKELETON.replace('export class ReposApi {\n', 'export class ReposApi {\n\n').replace('openapi_morph_method_1;\n}', 'openapi_morph_method_1;\n\n}').replace('\n\n/**\n * openapi', '\n\n\n/**\n * openapi') },
    { name: 'imports and an interface, no class', text: SKELETON.slice(0, SKELETON.indexOf('/**\n * openapi')) },
    { name: "a chunk of schema.ts whose members were laid out", text: '\nexport interface operations {\n  openapi_morph_members_0: 0;\n}' },
    { name: 'a comment that is not ASCII, past 80 columns', text: `/** ${'日本語のコメント'.repeat(12)} */\nexport type webhooks = Record<string, never>;\n` },
    { name: 'type aliases', text: '\nexport type webhooks = Record<string, never>;\n\nexport type $defs = Record<string, never>;\n' },
    { name: "one name imported or exported past 80 columns (prettier breaks no lone specifier), the package's index", text: `import type { ${'A'.repeat(80)} } from "../models.js";\nexport { EnterpriseTeamMembershipsApi } from "./apis/EnterpriseTeamMembershipsApi.js";\nexport type { A, B } from "./apis/A.js";\n` },
    { name: 'an import past 80 columns, one name a line', text: `import type { ${TYPES.join(', ')} } from "../models.js";\n\n${SKELETON}` },
    { name: 'a type import of one name past 80 columns kept with the ones that fit', text: `import { type ${'A'.repeat(40)}, b } from "../${'p'.repeat(30)}.js";\n${SKELETON}` },
  ])('$name: the bytes prettier gives it', async ({ text }) => {
    const printed = printedSkeleton(text);
    expect(printed).toBeDefined();
    expect(printed).toBe(await prettier.format(text, 'babel-ts', 'src/apis/ReposApi.ts'));
    expect(printed).toBe(await prettier.format(text, 'typescript', 'src/apis/ReposApi.ts'));
  });

  it('breaks an import past 80 columns after its brace, a name a line with a comma each', () => {
    expect(printedSkeleton(`import type { ${TYPES.join(', ')} } from "../models.js";\n${SKELETON}`)!.split('\n').slice(0, 8)).toStrictEqual([
      'import type {',
      ...TYPES.map((type) => `  ${type},`),
      '} from "../models.js";',
    ]);
  });

  it.each([
    { why: 'a comment alone', text: '/** A comment. */\n' },
    { why: 'a type alias past 80 columns', text: `export type webhooks = Record<string, ${'N'.repeat(60)}>;\n` },
    { why: 'an empty line in the constructor', text: SKELETON.replace('    this.#core', '\n    this.#core') },
    { why: 'an empty constructor (prettier prints `{}`)', text: SKELETON.replace('    this.#core = new ApiCore<paths>(options, defaults);\n', '') },
    { why: 'an empty interface', text: SKELETON.replace('  openapi_morph_members_0: 0;\n', '') },
    { why: 'a line past 80 columns', text: SKELETON.replace('readonly #core: ApiCore<paths>;', `readonly #core: ApiCore<${'p'.repeat(70)}>;`) },
    { why: 'a type prettier spaces otherwise', text: SKELETON.replace('ApiCore<paths>;', 'ApiCore<paths,x>;') },
    { why: 'an array type', text: SKELETON.replace('ApiCore<paths>;', 'ApiCore<paths>[];') },
    { why: 'single quotes', text: SKELETON.replace('"../models.js"', "'../models.js'") },
    { why: 'a method', text: SKELETON.replace('  openapi_morph_method_1;\n', '  isError(error: unknown): boolean {\n    return true;\n  }\n') },
    { why: 'a comment of several lines', text: SKELETON.replace(' * openapi_morph_doc_0\n', ' * A client.\n') },
    { why: 'a line ending in a space', text: SKELETON.replace('openapi_morph_method_0;', 'openapi_morph_method_0; ') },
    { why: 'a tab', text: SKELETON.replace('  openapi_morph_method_0;', '\topenapi_morph_method_0;') },
    // A review's: prettier measures an East Asian character as two columns, a combining mark as none.
    { why: 'East Asian characters in a type (past 80 columns as prettier measures them)', text: 'export type A = "日本日本日本日本日本日本日本日本日本日本" | "bbbbbbbbbbbbbbbbbbb";\n' },
    { why: 'East Asian characters in an import\'s path', text: `import { Alpha, Beta } from "./${'日本語'.repeat(8)}";\n` },
    { why: 'combining marks in an import\'s path (within 80 columns as prettier measures them)', text: `import { Alpha, Beta } from "./${'e\u0301'.repeat(30)}";\n` },
    { why: '`prettier-ignore` (prettier prints the next node as written)', text: `/* prettier-ignore */\nimport { Alpha, Beta } from "./${'a'.repeat(60)}";\n` },
    { why: '`prettier-ignore` before a class with empty lines', text: '/* prettier-ignore */\nexport class A {\n\n  openapi_morph_method_0;\n\n\n  openapi_morph_method_1;\n\n}\n' },
  ])('leaves a text to prettier: $why', ({ text }) => {
    expect(printedSkeleton(text)).toBeUndefined();
  });
});
