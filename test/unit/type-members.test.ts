/**
 * Runs of interface and object type members prettier prints as they stand but for their
 * indentation (type-members.ts) go to prettier as one placeholder member each and come back
 * re-indented: the result is prettier's own output for the whole text. What prettier would change
 * (a union that does not fit, a key it unquotes, a comment it prints as written, a container it
 * indents otherwise) is sent; code the reader does not read sends the text as it is.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatWithTypeMembers, withoutTypeMembers, withTypeMembers } from '../../generator/format/type-members.ts';
import { rewrittenTypeScript, typescriptAlone } from '../helpers/rewrites.ts';
import { printed } from '../helpers/chunked.ts';
import { repoRoot } from '../helpers/cli.ts';

const alone = typescriptAlone('src/schema.ts');

/** `text` through the rewrite: the result (which must be prettier's for the text), and the texts prettier got. */
const rewritten = (text: string, first?: (output: string) => string): Promise<string[]> => rewrittenTypeScript(formatWithTypeMembers, text, alone, alone, first);

/** An interface as openapi-typescript prints it (TypeScript's printer, indented by 4), with `members` in it. */
const schema = (...members: string[]) => `export interface components {\n    schemas: {\n${members.map((line) => (line === '' ? '' : `        ${line}`)).join('\n')}\n    };\n}\n`;

const PLAIN = [
  '/**',
  ' * Format: uri   ',
  ' *   ',
  ' * A markdown line break, then one with three spaces:  ',
  ' * @description A   spaced    description, with `code`; "quotes" and {braces}.',
  ' */',
  'url: string;',
  'readonly id?: number | null;',
  '"author-association": "OWNER" | "MEMBER";',
  '200: components["schemas"]["repo"][];',
  '[key: string]: unknown;',
  '/** @enum {string} */',
  'state: "open" | "closed";',
  'extra: Record<string, never>;',
  'nested?: {',
  '    a: -1 | 0 | 1;',
  '    b: {',
  '        c: "x"[];',
  '    }[];',
  '} | null;',
];

describe('interface members prettier prints as they stand', () => {
  it('a schema as openapi-typescript prints it: its members go as one placeholder, and the output is prettier\'s', async () => {
    const sent = await rewritten(schema(...PLAIN));
    expect(sent).toStrictEqual(['export interface components {\n  openapi_morph_members_0: 0;\n}\n']);
  });

  it.each([
    { name: 'a quoted key that is a name (prettier unquotes it)', line: '"name": string;', changed: true },
    { name: 'an index signature wider than 80 columns (prettier breaks its brackets)', line: `[key: string]: components["schemas"]["${'x'.repeat(50)}"];`, changed: true },
    { name: 'a union in parentheses alone (prettier drops them)', line: 'list: ("a" | "b");', changed: true },
    { name: 'one type in parentheses (prettier drops them)', line: 'list: ("a")[];', changed: true },
    { name: 'two pairs of parentheses (prettier drops one)', line: 'list: (("a" | "b"))[];', changed: true },
    { name: 'a union in parentheses in a generic reference', line: 'list: Record<string, ("a" | "b")[]>;', changed: false },
    { name: 'text that is not ASCII', line: 'name: "caf\u00e9";', changed: false },
  ])('left to prettier: $name', async ({ line, changed }) => {
    const sent = await rewritten(schema('first: string;', line, 'last: string;'));
    expect(sent).toHaveLength(1);
    expect(sent[0]).toContain(line.trim());
    expect(sent[0]).toContain('openapi_morph_members_1: 0;');
    // What prettier changes is never in a run; what it keeps may be left to it all the same.
    expect((await alone(schema(line))).includes(`    ${line}\n`)).toBe(!changed);
  });

  it.each([
    { name: 'a line of 80 columns (four columns of indentation)', line: `state: "${'x'.repeat(60)}" | "b";` },
    { name: 'one lookup wider than 80 columns (prettier has nowhere to break it)', line: `get: operations["${'x'.repeat(80)}"];` },
    { name: 'a string with a single quote (prettier keeps double quotes)', line: 'quote: "it\'s";' },
    { name: 'a generic reference of a union', line: 'map: Record<string, "a" | "b">;' },
    { name: 'a union in parentheses before []', line: 'list: ("a" | "b (c)")[][];' },
    { name: 'unions in parentheses in a union, one inside another', line: 'x?: (string | number) | (A["b"] | null) | ((string | number)[] | null);' },
    { name: 'an intersection of a lookup and unknown (an allOf of a schema and one that says nothing)', line: 'input_tokens_details: components["schemas"]["InputTokensDetails"] & unknown;' },
  ])('in a run: $name', async ({ line }) => {
    const sent = await rewritten(schema('first: string;', line, 'last: string;'));
    expect(sent).toStrictEqual(['export interface components {\n  openapi_morph_members_0: 0;\n}\n']);
    expect(await alone(schema(line))).toContain(`    ${line}\n`);
  });

  it.each([
    { name: 'a union that fits on the next line', line: `state: "${'x'.repeat(61)}" | "b";`, expected: `    state:\n      "${'x'.repeat(61)}" | "b";` },
    { name: 'a union one type a line', line: `state: ${Array.from({ length: 9 }, (_, i) => `"state-${i}"`).join(' | ')};`, expected: `    state:\n${Array.from({ length: 9 }, (_, i) => `      | "state-${i}"`).join('\n')};` },
    {
      name: 'a union of generic references, one broken inside its <>',
      line: `readonly reposDelete: ErrorWith<BasicError, 307> | ErrorWith<paths["/repos/{owner}/{repo}"]["delete"]["responses"]["403"], 403> | OtherError<307 | 403>;`,
      expected: '    readonly reposDelete:\n      | ErrorWith<BasicError, 307>\n      | ErrorWith<\n          paths["/repos/{owner}/{repo}"]["delete"]["responses"]["403"],\n          403\n        >\n      | OtherError<307 | 403>;',
    },
    {
      name: 'a union of generic references of generic references (a default response\'s statuses)',
      line: 'readonly getTreasuryTransactionsId: ErrorWith<Error_, StatusRange<1 | 3 | 4 | 5>> | OtherError<StatusRange<1 | 3 | 4 | 5>>;',
      expected: '    readonly getTreasuryTransactionsId:\n      | ErrorWith<Error_, StatusRange<1 | 3 | 4 | 5>>\n      | OtherError<StatusRange<1 | 3 | 4 | 5>>;',
    },
    {
      name: 'one broken inside its <>, a generic reference argument on its line',
      line: `readonly x: ErrorWith<components["schemas"]["${'e'.repeat(40)}"], StatusRange<1 | 3 | 4 | 5>> | OtherError<StatusRange<1 | 3>>;`,
      expected: `    readonly x:\n      | ErrorWith<\n          components["schemas"]["${'e'.repeat(40)}"],\n          StatusRange<1 | 3 | 4 | 5>\n        >\n      | OtherError<StatusRange<1 | 3>>;`,
    },
    {
      name: 'a union in parentheses before [] wider than 80 columns, its types on the next line',
      line: 'runtime_risks?: ("critical-resource" | "internet-exposed" | "lateral-movement")[];',
      expected: '    runtime_risks?: (\n      "critical-resource" | "internet-exposed" | "lateral-movement"\n    )[];',
    },
    {
      name: 'a union in parentheses before [] wider than 80 columns, one type a line',
      line: `list?: (components["schemas"]["${'a'.repeat(30)}"] | components["schemas"]["${'b'.repeat(30)}"] | "c")[][];`,
      expected: `    list?: (\n      | components["schemas"]["${'a'.repeat(30)}"]\n      | components["schemas"]["${'b'.repeat(30)}"]\n      | "c"\n    )[][];`,
    },
    { name: 'an atom wider than its line among them', line: `x: "${'x'.repeat(80)}" | "b";`, expected: `    x:\n      | "${'x'.repeat(80)}"\n      | "b";` },
    // Prettier hugs only a name or a generic reference with null or void (see the cases left to it below).
    { name: 'a lookup or null wider than its line', line: `${'d'.repeat(40)}?: components["schemas"]["${'f'.repeat(20)}"] | null;`, expected: `    ${'d'.repeat(40)}?:\n      components["schemas"]["${'f'.repeat(20)}"] | null;` },
    { name: 'a union in parentheses or null (Stripe\'s expandable fields)', line: 'duplicate_charge_documentation?: (string | components["schemas"]["file"]) | null;', expected: '    duplicate_charge_documentation?:\n      (string | components["schemas"]["file"]) | null;' },
    {
      name: 'a union in parentheses too wide for its line, or null: broken inside it, one type a line',
      line: 'x?: (string | components["schemas"]["application"] | components["schemas"]["deleted_application"]) | null;',
      expected: '    x?:\n      | (\n          | string\n          | components["schemas"]["application"]\n          | components["schemas"]["deleted_application"]\n        )\n      | null;',
    },
    {
      name: 'a union in parentheses before [] too wide for its line, its types on one line inside it',
      line: '"x-y": null | (Record<string, components["schemas"]["xx"]> | -4 | Axxxxxxxxxxxxxxxxx)[];',
      expected: '    "x-y":\n      | null\n      | (\n          Record<string, components["schemas"]["xx"]> | -4 | Axxxxxxxxxxxxxxxxx\n        )[];',
    },
    {
      name: 'unions in parentheses in a union, the one wider than its line broken inside it',
      line: `list: ("a" | "b")[] | (components["schemas"]["${'a'.repeat(30)}"] | components["schemas"]["${'b'.repeat(30)}"])[];`,
      expected: `    list:\n      | ("a" | "b")[]\n      | (\n          | components["schemas"]["${'a'.repeat(30)}"]\n          | components["schemas"]["${'b'.repeat(30)}"]\n        )[];`,
    },
    { name: 'an open enum of one value (Stripe\'s fields that may be emptied)', line: `${'e'.repeat(60)}?: (string & {}) | "";`, expected: `    ${'e'.repeat(60)}?:\n      (string & {}) | "";` },
    {
      name: 'a union in parentheses among others, one type a line',
      line: 'x?: (string | components["schemas"]["application_fee"]) | components["schemas"]["deleted_application"] | null;',
      expected: '    x?:\n      | (string | components["schemas"]["application_fee"])\n      | components["schemas"]["deleted_application"]\n      | null;',
    },
  ])('in a run, broken as prettier breaks it: $name', async ({ line, expected }) => {
    const sent = await rewritten(schema('first: string;', line, 'last: string;'));
    expect(sent).toStrictEqual(['export interface components {\n  openapi_morph_members_0: 0;\n}\n']);
    expect(await alone(schema(line))).toContain(`${expected}\n`);
  });

  it.each([
    { name: 'a union argument wider than its line', line: `x: A | Record<string, ${Array.from({ length: 14 }, (_, i) => `"value-${i}"`).join(' | ')}>;` },
    { name: 'one generic reference wider than its line', line: `x: Record<string, components["schemas"]["${'x'.repeat(70)}"]>;` },
    { name: 'a generic reference of one name wider than its line among others (prettier hugs the name)', line: `x: Foo<Bar${'x'.repeat(70)}> | "b";` },
    { name: 'a generic reference or null in parentheses wider than its line (prettier may hug it)', line: `key?: (Record<string, "${'r'.repeat(50)}"> | null)[];` },
    { name: 'a union in parentheses before [] after a key too wide for `(`', line: `${'k'.repeat(76)}: ("a" | "b")[];` },
    { name: 'a union in parentheses before [] holding a group, wider than its line', line: `key?: (("${'a'.repeat(40)}" | "b")[] | "${'c'.repeat(40)}")[];` },
    { name: 'a union in parentheses before [] with a generic reference too wide for its line', line: `key?: (Record<string, "${'r'.repeat(80)}"> | "a" | "b")[];` },
    { name: 'a union after an index signature', line: `[key: string]: ${Array.from({ length: 9 }, (_, i) => `"state-${i}"`).join(' | ')};` },
    // Prettier hugs a type reference with null on the key's line, breaking it inside its `<>` (found by a review).
    { name: 'a generic reference or null wider than its line', line: `${'a'.repeat(56)}?: null | Record<string, never>;` },
    { name: 'a type reference or null wider than its line', line: `${'b'.repeat(64)}?: SomeTypeName | null;` },
    // A review's fuzzing: prettier hugs these where they do not fit.
    { name: 'a hugged union in parentheses in a broken union (a generic reference or null)', line: `metadata?: (Record<string, components["schemas"]["${'x'.repeat(22)}"]> | null)[] | null;` },
    { name: 'a hugged union in parentheses in a broken union (a name or null)', line: `key?: (A${'x'.repeat(70)} | null)[] | "b";` },
    { name: 'a generic reference of one literal wider than its line among others', line: `k?: Foo<"${'x'.repeat(66)}"> | "a";` },
    { name: 'a generic reference of one hugged union wider than its line among others', line: `k?: Foo<A${'x'.repeat(61)} | null> | "a";` },
    { name: 'an intersection wider than its line', line: `${'i'.repeat(30)}: components["schemas"]["${'j'.repeat(30)}"] & unknown;` },
    { name: 'a union in parentheses holding one, too wide for its line among others', line: `x?: ((string | components["schemas"]["${'a'.repeat(40)}"]) | components["schemas"]["b"]) | null;` },
  ])('left to prettier, not predicted: $name', async ({ line }) => {
    const sent = await rewritten(schema('first: string;', line, 'last: string;'));
    expect(sent[0]).toContain(line);
  });

  it.each([
    { name: 'a comment with a line that does not start with *', members: ['/**', ' * a', '  b', ' */', 'x: string;'] },
    { name: 'an object type or void (prettier hugs it)', members: ['x: {', '    a: string;', '} | void;'] },
    { name: 'a union of object types after an index signature', members: ['[key: string]: {', '    a: string;', '} | {', '    b: string;', '};'] },
    { name: 'a union of object types with a type too wide for its line', members: ['x: {', '    a: string;', `} | Record<"${'w'.repeat(40)}", "${'v'.repeat(40)}"> | {`, '    b: string;', '};'] },
    { name: 'an object type alone in parentheses before [] (prettier drops them)', members: ['x: ({', '    a: string;', '}[])[];'] },
    { name: 'a type, an object type and another, an intersection after a union (a union of it: prettier breaks it)', members: ['x: "a" | {', '    a: string;', '} & {', '    b: string;', '};'] },
    { name: 'an intersection after a type, then a union (prettier breaks the union)', members: ['x: components["a"] & {', '    a: string;', '} | "b";'] },
    { name: 'an object type or null in parentheses before [] (prettier hugs it)', members: ['x: ({', '    a: string;', '} | null)[];'] },
    { name: 'a union in parentheses without [] (prettier drops them)', members: ['x: ({', '    a: string;', '} | {', '    b: string;', '});'] },
    { name: 'a union in parentheses before [] after a key too wide for `(`', members: [`${'k'.repeat(76)}: ({`, '    a: string;', '} | {', '    b: string;', '})[];'] },
    { name: 'an intersection of an object type and an array (prettier breaks before the array)', members: ['x: components["a"] & {', '    a: string;', '}[];'] },
    { name: 'an intersection of object types, or null (prettier breaks the union)', members: ['x: ({', '    a: string;', '} & {', '    b: string;', '}) | null;'] },
    { name: 'an intersection of object types or null, without parentheses (a union: prettier breaks it)', members: ['x: {', '    a: string;', '} & {', '    b: string;', '} | null;'] },
    { name: 'an object type after a type after the second (prettier indents it)', members: ['x: {', '    a: string;', '} & components["b"] & {', '    c: string;', '};'] },
    { name: 'an empty object type (prettier joins it)', members: ['x: {', '};'] },
    { name: 'a comment before an empty line', members: ['/** a */', '', 'x: string;'] },
    { name: 'a comment alone at the end', members: ['x: string;', '/** a */'] },
    { name: 'an index signature wider than 80 columns that opens an object type', members: [`[${'k'.repeat(70)}: string]: {`, '    a: string;', '};'] },
  ])('left to prettier: $name', async ({ members }) => {
    const sent = await rewritten(schema('first: string;', ...members));
    expect(sent).toHaveLength(1);
    // The member before is replaced all the same.
    expect(sent[0]).toContain('openapi_morph_members_0: 0;');
    expect(sent[0]).toContain(members.find((line) => line.includes('a')) ?? members[0]!);
  });

  it.each([
    { name: 'two object types', members: ['data: {', '    id: number;', '} | {', '    /** @description b */', '    head_ref: string;', '};'] },
    { name: 'an array of an object type, or null', members: ['x: {', '    a: string;', '}[] | null;'] },
    { name: 'an object type or undefined (prettier hugs null and void only)', members: ['x: {', '    a: string;', '} | undefined;'] },
    {
      name: 'types before, between and after object types, and a union inside one',
      members: ['readonly x?: "a" | {', '    a: string;', '}[] | components["schemas"]["b"] | {', '    b: {', '        c: string;', '    } | {', '        d: number;', '    };', '} | Record<string, never>;'],
    },
    { name: 'in parentheses before [] (an array of a oneOf of objects)', members: ['key?: ({', '    a: string;', '    b?: number;', '} | {', '    c: string;', '} | {', '    d: {', '        e: string;', '    };', '})[];'] },
    { name: 'in parentheses before [][], with types before, between and after the object types', members: ['x: ("a" | {', '    a: string;', '}[] | components["schemas"]["b"] | {', '    b: string;', '} | null)[][];'] },
  ])('a union with object types in a run, broken as prettier breaks it: $name', async ({ members }) => {
    const sent = await rewritten(schema('first: string;', ...members, 'last: string;'));
    // The members before and after and the union are one run: what prettier gets holds none of the union.
    expect(sent.join('\n')).not.toContain('| {');
    expect(sent.join('\n')).not.toContain(members[0]!);
  });

  it.each([
    { name: 'object types', members: ['x: {', '    a: string;', '} & {', '    b: string;', '} & {', '    /** @description c */', '    c: number;', '};'] },
    { name: 'a type before them', members: ['readonly x?: components["schemas"]["base"] & {', '    a: string;', '} & {', '    b: string;', '};'] },
    { name: 'an index signature', members: ['[key: string]: {', '    a: string;', '} & {', '    b: string;', '};'] },
    { name: 'a type after them', members: ['x: {', '    a: string;', '} & {', '    b: string;', '} & components["schemas"]["base"];'] },
    { name: 'two types after them, each after the first on a line of its own', members: ['x: {', '    a: string;', '} & components["schemas"]["b"] & components["schemas"]["c & d"] & "e";'] },
    { name: 'object types, then types wider than the line', members: ['x: {', '    a: string;', '} & {', '    b: string;', `} & components["schemas"]["${'b'.repeat(60)}"] & components["schemas"]["${'c'.repeat(60)}"];`] },
    { name: 'a line wider than 80 columns (prettier has nowhere to break it)', members: [`${'k'.repeat(50)}: components["schemas"]["${'b'.repeat(30)}"] & {`, '    a: string;', '};'] },
    { name: 'one inside another, and a union inside one', members: ['x: {', '    a: {', '        b: string;', '    } & {', '        c: string;', '    };', '} & {', '    d: {', '        e: string;', '    } | {', '        f: number;', '    };', '};'] },
  ])('an intersection in a run, as prettier prints it: $name', async ({ members }) => {
    const sent = await rewritten(schema('first: string;', ...members, 'last: string;'));
    expect(sent).toStrictEqual(['export interface components {\n  openapi_morph_members_0: 0;\n}\n']);
  });

  it('an intersection prettier prints otherwise keeps the runs inside it: their lines are indented as a container\'s', async () => {
    // An empty object type is printed `{}`: the intersection is sent, its members' runs are not.
    const sent = await rewritten(schema('x: {', '    a: string;', '} & {', '} & {', '    b: string;', '};'));
    expect(sent).toStrictEqual(['export interface components {\n    schemas: {\n        x: {\n      openapi_morph_members_0: 0;\n        } & {\n        } & {\n      openapi_morph_members_1: 0;\n        };\n    };\n}\n']);
  });

  it('a line of many groups that does not read is refused at once: each type matches one way (with two, 2^n tries for n groups: a review found it)', () => {
    // 26 groups: about a minute with two ways to match each, a millisecond with one (a safety
    // bound, not a speed target: a spec is untrusted input).
    const line = `x: ${Array.from({ length: 26 }, () => '(A | B)').join(' | ')} | 1.5;`;
    const text = schema('first: string;', line, 'last: string;');
    const start = performance.now();
    expect(withoutTypeMembers(text)!.text).toContain(line);
    expect(performance.now() - start).toBeLessThan(5_000);
  }, 300_000);

  it('comments that open and close oddly, or start their closing line', async () => {
    const sent = await rewritten('export interface A {\n    /*/ a */\n    a: string;\n    /**\n*/\n    b: string;\n}\n');
    expect(sent).toStrictEqual(['export interface A {\n  openapi_morph_members_0: 0;\n}\n']);
  });

  it('empty lines split runs and stay where they are; prettier keeps one between members', async () => {
    const sent = await rewritten(schema('a: string;', '', '', 'b: string;', '', 'c?: {', '', '    d: string;', '};'));
    expect(sent[0]).toContain('openapi_morph_members_1: 0;');
    expect(sent[0]).toContain('\n\n');
  });

  it('members of a class, a type alias or an interface that extends another are left to prettier', async () => {
    for (const text of ['export class A {\n    a: string;\n}\n', 'export type A = {\n    a: string;\n};\n', 'export interface A extends B {\n    a: string;\n}\n']) {
      expect(withoutTypeMembers(text)).toBeUndefined();
      expect(await rewritten(text)).toStrictEqual([text]);
    }
  });

  it.each([
    { name: 'a backslash in a string', code: 'export type A = "a\\"b";' },
    { name: 'a template literal', code: 'export type A = `a${string}`;' },
    { name: 'a line comment', code: 'export type A = string; // a' },
    { name: 'code after a comment on its line', code: '/** a */ export type A = string;' },
    { name: 'a single quote', code: "export type A = 'a';" },
    { name: 'an unclosed comment', code: '/** a' },
    { name: 'an unclosed interface', code: 'export interface B {\n    b: string;' },
    { name: 'a prettier-ignore comment (prettier prints the member after it as written)', code: 'export interface B {\n    /* prettier-ignore */\n    b: {\n        c: string;\n    };\n}' },
    { name: 'a line break of \\r\\n', code: 'export type B = string;\r\n' },
    { name: 'a division', code: 'export const b = 1 / 2;' },
    { name: 'a member that closes its container on its line', code: 'export interface B {\n    b: {\n        c: string; }\n    d: string;\n}' },
  ])('code it does not read sends the text as it is: $name', async ({ code }) => {
    const text = `${schema(...PLAIN)}${code}\n`;
    expect(withoutTypeMembers(text)).toBeUndefined();
    const sent: string[] = [];
    await formatWithTypeMembers(text, async (t) => {
      sent.push(t);
      return t;
    });
    expect(sent).toStrictEqual([text]);
  });

  it('an output without its placeholders where expected formats the text as it is', async () => {
    const text = schema(...PLAIN);
    for (const tamper of [(output: string) => output.replace('  openapi_morph_members_0', '    openapi_morph_members_0'), (output: string) => output.replace('openapi_morph_members_0: 0;', ''), (output: string) => `${output}// openapi_morph_members_9\n`]) {
      const sent = await rewritten(text, tamper);
      expect(sent).toHaveLength(2);
      expect(sent[1]).toBe(text);
    }
    expect(withTypeMembers('openapi_morph_members_0: 0;\n', withoutTypeMembers(text)!)).toBeUndefined();
    expect(withoutTypeMembers(`${text}// openapi_morph_members_0\n`)).toBeUndefined();
  });
});

describe('openapi-typescript\'s output for real documents', () => {
  const base = mkdtempSync(join(tmpdir(), 'om-type-members-'));
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  const sizes = { body: 0, sent: 0 };
  it.each(['petstore.json', 'schema-types.json', 'complex-nesting.json', 'polymorphism.json', 'readme-legacy.json'])('%s: src/schema.ts whole is prettier\'s bytes, and not all of it is sent', async (name) => {
    const files = new Map(await printed(join(repoRoot, 'node_modules/@readme/oas-examples/3.0/json', name), base, { all: true }));
    const text = files.get('src/schema.ts')!;
    const body = text.slice(text.indexOf('*/') + 3);
    const sent = await rewritten(body);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.length).toBeLessThan(body.length);
    sizes.body += body.length;
    sizes.sent += sent[0]!.length;
  }, 60_000);

  it('most of those schemas is not sent', () => expect(sizes.sent).toBeLessThan(sizes.body / 2));
});
