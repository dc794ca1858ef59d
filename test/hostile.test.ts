import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.ts';
import { buildPackage, codeIdentifiers, importAll } from './helpers/build-output.ts';
import { tempProject, type TempProject } from './helpers/project.ts';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures/hostile', name), 'utf8');

let project: TempProject | undefined;
afterEach(() => project?.remove());

/**
 * Generates a hostile spec into a project inside the repository (so `openapi-fetch` resolves), then
 * builds and imports it. `checks` are type assertions on the output (file name -> source), written
 * into its src/ before the build, so the package's own compile checks them too.
 */
async function generateAndRun(spec: string, checks: Record<string, string> = {}) {
  project = tempProject({ spec, inRepo: true, config: { select: 'all' } });
  const run = await runCli(['generate'], project.dir);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  const out = join(project.dir, 'generated');
  const sources = readdirSync(join(out, 'src'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
  for (const [name, text] of Object.entries(checks)) writeFileSync(join(out, 'src', name), text);
  expect(buildPackage(out)).toBe('');
  const imported = importAll(out);
  expect(imported.pwned).toBeNull();
  expect(imported.stdout).toBe('');
  for (const file of sources) expect(codeIdentifiers(join(out, 'src', file)).has('__pwned'), file).toBe(false);
  return { out, read: (path: string) => readFileSync(join(out, path), 'utf8'), exports: imported.exports };
}

describe('hostile specs that must generate safe, compiling code', () => {
  it('text sinks: titles, summaries, descriptions, paths, servers, versions, media types, defaults, examples, vendor extensions', async () => {
    const { read } = await generateAndRun(fixture('text-sinks.yaml'));
    const readme = read('README.md');
    expect(readme).not.toContain('<script>');
    expect(readme).toContain('&lt;script&gt;');
    const docs = read('docs/TagXApi.md');
    expect(docs).not.toContain('](javascript:');
    expect(docs).not.toContain('<b>');
    const api = read('src/apis/TagXApi.ts');
    expect(api).toContain('\\@deprecated sneaky');
    expect(api).not.toMatch(/^\s*\* @deprecated/m);
    expect(api).not.toMatch(/[\u2028\u2029\u202e]/);
  });

  it('names: non-identifiers, collisions, reserved words, runtime globals, prototype keys', async () => {
    const { read, exports } = await generateAndRun(fixture('names.yaml'));
    const models = read('src/models.ts');
    const types = [...models.matchAll(/^export type (\S+) =/gm)].map((m) => m[1]);
    expect(new Set(types).size).toBe(types.length);
    expect(types).toEqual(expect.arrayContaining(['Proto', 'FooBar', 'FooBar2', 'FooBar3', '_123leading', 'Model', 'Class', 'Promise_', 'Response_', 'Default', 'DotsAndMore', 'ApiError2', 'Constructor']));
    const api = read('src/apis/DefaultApi.ts');
    for (const method of ['then_(', 'constructor_(', 'createItem(', 'createItem2(', '_1st(', 'itSCreateItemWithSlashes(']) expect(api).toContain(method);
    expect(exports).toStrictEqual(['ApiError', 'DefaultApi', ...exports.filter((e) => e !== 'ApiError' && e !== 'DefaultApi')].sort());
    const schema = read('src/schema.ts');
    for (const key of ['__proto__: string;', 'constructor: string;', '"a-b"?: string;', '123?: number;', '""?: boolean;', '\'quote"key\'?: string;']) expect(schema).toContain(key);
    expect(read('README.md')).toMatch(/\|\s*type\s*\|\s*`foo-bar`\s*\|\s*`FooBar`\s*\|/);
    // Security schemes named toString and constructor are documented as schemes, not as inherited functions.
    expect(read('README.md')).toContain('`toString`');
    expect(read('README.md')).toContain('X-Constructor-Key');
  });

  it('values: enum values and defaults of every type keep their exact values in the types', async () => {
    // The literal types must be exactly the spec's values: compile assertions against them.
    const { read } = await generateAndRun(fixture('values.yaml'), {
      'values-check.ts': `import type { components } from './schema.js';
type V = components['schemas']['Values'];
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const text: Equal<NonNullable<V['text']>, 'plain' | 'quote"d' | "single'quote" | 'new\\nline' | 'back\\\\slash' | '*/' | '\${globalThis.__pwned=\\'enum\\'}' | '\`tick\`' | '\\u2028' | '\\u202e' | ''> = true;
const number: Equal<NonNullable<V['number']>, 0 | -1.5 | 1e21 | 3> = true;
const nullable: Equal<V['nullable'], 'x' | null | undefined> = true;
const mixed: Equal<NonNullable<V['mixed']>, 'a' | 1 | true> = true;
const constant: Equal<NonNullable<V['constant']>, '*/ "; globalThis.__pwned=\\'const\\'; "'> = true;
export { text, number, nullable, mixed, constant };
`,
    });
    expect(read('src/schema.ts')).not.toMatch(/[\u2028\u202e]/);
  });

  it('legal recursion gives recursive types', async () => {
    await generateAndRun(fixture('recursion.yaml'), {
      'recursion-check.ts': `import type { Node, Tree, Person } from './models.js';
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const next: Equal<Node['next'], Node | undefined> = true;
const children: Equal<Tree['children'], Tree[] | undefined> = true;
const mutual: Equal<NonNullable<Person['trees']>[number]['owner'], Person | undefined> = true;
const list: Node = { value: 1, next: { value: 2, next: { value: 3 } } };
export { next, children, mutual, list };
`,
    });
  });

  it('the YAML merge key works', async () => {
    const { read } = await generateAndRun(fixture('merge-keys.yaml'));
    expect(read('src/schema.ts')).toMatch(/Merged: \{\s+id: string;/);
  });
});

describe('hostile specs that must be refused quickly, with a located message, writing nothing', () => {
  const refused = async (spec: string, code: string, message: RegExp) => {
    project = tempProject({ spec });
    const run = await runCli(['generate'], project.dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(new RegExp(`spec/openapi\\.yaml.* - error ${code}: `));
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(project.exists('generated')).toBe(false);
  };

  it('component names OpenAPI forbids, named at the component', () =>
    refused(`openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths:\n  /x:\n    get:\n      responses:\n        '200':\n          description: ok\n          content: {application/json: {schema: {$ref: "#/components/schemas/it's bad"}}}\ncomponents:\n  schemas:\n    "it's bad": {type: string}\n`, 'OM206', /\(#\/components\/schemas\/it's bad\) - error OM206: invalid OpenAPI: the name "it's bad" must match pattern/));
  it('a YAML alias bomb', () => refused(fixture('alias-bomb.yaml'), 'OM204', /aliases expand to more than/));
  it('a recursive alias', () => refused(fixture('recursive-alias.yaml'), 'OM204', /recursive alias/));
  it('nesting deeper than the limit', () => refused(`{"openapi":"3.1.0","info":{"title":"t","version":"1"},"paths":{},"x":${'['.repeat(5000)}${']'.repeat(5000)}}`, 'OM203', /nest/));
  it('a huge enum', () => refused(`openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    Big:\n      enum: [${Array.from({ length: 20_000 }, (_, i) => `v${i}`).join(', ')}]\n`, 'OM210', /20000 values/));
  it('a document over the size cap', async () => {
    project = tempProject({ spec: 'openapi: 3.1.0\n', config: { limits: { maxBytes: 1024 } } });
    project.write('spec/openapi.yaml', `openapi: 3.1.0\nx-pad: "${'x'.repeat(2000)}"\n`);
    const run = await runCli(['generate'], project.dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/error OM201: spec\/openapi\.yaml is 2\.0 KiB, over the limit of 1\.0 KiB/);
  });
});
