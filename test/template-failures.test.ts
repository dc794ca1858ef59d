import { afterEach, describe, expect, it } from 'vitest';
import { resolveConfig } from '../generator/config/resolve.ts';
import { runCli } from './helpers/cli.ts';
import type { TempProject } from './helpers/project.ts';
import { teamProject, templateModule } from './helpers/team-project.ts';

let project: TempProject | undefined;
afterEach(() => project?.remove());

/** A document template `extra` that emits one file. */
const emits = (file: string) => templateModule('extra', 'document', `() { return ${file}; }`);

/**
 * A team template that fails: generate exits 1 with one line naming the template's file (and the
 * line, where the template threw) and the output file, no stack trace, and writes nothing: the
 * output a good run made stays byte for byte.
 */
async function expectFailure(templates: Record<string, string>, want: RegExp, args: string[] = []) {
  // The type check (on by default with a team folder) runs only where a case needs it: it costs seconds.
  project = teamProject({ config: "typecheck: 'never'," });
  const first = await runCli(['generate'], project.dir);
  expect(first.stderr).toBe('');
  expect(first.code).toBe(0);
  for (const [path, text] of Object.entries(templates)) project.write(`team/${path}`, text);
  const before = project.snapshot('generated');
  const run = await runCli(['generate', ...args], project.dir);
  expect(run.code).toBe(1);
  expect(run.stderr).toMatch(want);
  expect(run.stderr).not.toMatch(/\n\s+at /);
  expect(run.stderr).toContain('nothing was written');
  expect(project.snapshot('generated')).toStrictEqual(before);
  return run;
}

describe('a failing team template is named, with the output file; nothing is written', () => {
  it('throws: the template file and the line it threw on', async () => {
    const module = templateModule('api', 'tag', "(ctx, tag) {\n    if (tag.name === 'Pets') throw new Error('no pets today');\n    return undefined;\n  }");
    const line = module.split('\n').findIndex((l) => l.includes('throw new Error')) + 1;
    await expectFailure({ 'api.ts': module }, new RegExp(`^team/api\\.ts:${line}:\\d+ - error OM500: template "api" for tag "Pets" threw: no pets today$`, 'm'));
  });

  it('returns an unknown file kind', async () => {
    await expectFailure(
      { 'extra.ts': emits("{ kind: 'xml', path: 'docs/pets.xml', content: '<pets/>' }") },
      /^team\/extra\.ts - error OM501: template "extra" returned an invalid file "docs\/pets\.xml": kind must be "typescript", "text" or "json"$/m,
    );
  });

  it('imports a name its helper does not export: located at the import, as an ES module would fail (jiti made it undefined, written into the package)', async () => {
    const helper = "export const TEAM_HEADER = 'x-team';\nexport function route(): string { return '/'; }\nexport interface Shape { a: string }\nexport * from './_more.ts';\n";
    const prelude = "import { TEAM_HEADERS, route, type Shape, more } from './_routes.ts';\nimport type { Missing } from './_routes.ts';\nimport { Shape as Kept } from './_routes.ts';\nconst shapes: Shape[] & Missing[] & Kept[] = [];";
    const module = templateModule('extra', 'document', "() { return { kind: 'text', path: 'a.txt', content: String(TEAM_HEADERS) + route() + more + shapes.length }; }", prelude);
    const run = await expectFailure(
      { '_routes.ts': helper, '_more.ts': 'export const more = 1;\n', 'extra.ts': module },
      /^team\/extra\.ts:2:10 - error OM501: template "extra": "\.\/_routes\.ts" does not export "TEAM_HEADERS" \(as an ES module would say; the template would get undefined\)$/m,
    );
    // The type-only imports, one re-exported through `export *`, and the one that exists are fine: one message.
    expect(run.stderr.match(/OM501/g)).toHaveLength(1);
  });

  it("leaves alone named imports from modules whose exports only running them tells: CommonJS, JSON, export = (a review found each refused, though jiti hands them over)", async () => {
    const prelude = "import { A } from './_a.js';\nimport { D } from './_d.js';\nimport { name } from './_c.json';\nimport { E } from './_e.ts';";
    const module = templateModule('extra', 'document', "() { return { kind: 'text', path: 'a.txt', content: [A, D, name, E].join() }; }", prelude);
    project = teamProject({ config: "typecheck: 'never'," });
    for (const [path, text] of Object.entries({ '_a.js': 'module.exports = { A: 1 };\n', '_d.js': 'exports.D = 2;\n', '_c.json': '{ "name": "c" }\n', '_e.ts': 'export = { E: 3 };\n', 'extra.ts': module })) project.write(`team/${path}`, text);
    const run = await runCli(['generate'], project.dir);
    expect(run.stderr).not.toMatch(/OM501/);
    expect(project.read('generated/a.txt')).toContain('1,2,c');
  });

  it('is async: its Promise is named as such (a review got "path must be a string")', async () => {
    await expectFailure({ 'extra.ts': templateModule('extra', 'document', "() { return Promise.resolve({ kind: 'text', path: 'a.txt', content: 'x' }); }") }, /^team\/extra\.ts - error OM501: template "extra" returned a Promise; render runs synchronously/m);
  });

  it('returns a path outside the package', async () => {
    await expectFailure({ 'extra.ts': emits("{ kind: 'text', path: '../escape.txt', content: 'x' }") }, /^team\/extra\.ts - error OM501: template "extra" returned an invalid file "\.\.\/escape\.txt": path must be relative/m);
  });

  it('returns a path in a version control folder', async () => {
    await expectFailure({ 'extra.ts': emits("{ kind: 'text', path: 'docs/.git/hooks/post-checkout', content: 'x' }") }, /^team\/extra\.ts - error OM501: template "extra" returned an invalid file "docs\/\.git\/hooks\/post-checkout": path must not be in a version control folder/m);
  });

  it("returns the manifest's name in another case", async () => {
    await expectFailure({ 'extra.ts': emits("{ kind: 'json', path: 'OPENAPI-MORPH.MANIFEST.JSON', value: {} }") }, /error OM502: OPENAPI-MORPH\.MANIFEST\.JSON is reserved for the manifest \(openapi-morph\.manifest\.json, in any case\)/m);
  });

  it("returns a path where the package's build goes (always kept): named as that, not as a glob to remove", async () => {
    await expectFailure({ 'extra.ts': emits("{ kind: 'text', path: 'dist/notes.md', content: 'x' }") }, /error OM604: generated\/dist\/notes\.md is a path openapi-morph always keeps for what building, packing and file browsers leave there \(dist, node_modules, package-lock\.json, \*\.tgz, \*\*\/\.DS_Store, \*\*\/Thumbs\.db, \*\*\/desktop\.ini\), so a template may not emit it/m);
  });

  it('returns a structure that is not a statement', async () => {
    await expectFailure(
      { 'extra.ts': emits("{ kind: 'typescript', path: 'src/extra.ts', statements: [ctx.ts.docs({ description: 'a doc is not a statement' })[0]] }").replace('() {', '(ctx) {') },
      /^team\/extra\.ts - error OM501: template "extra" returned an invalid file "src\/extra\.ts": statements\[0\] is an object with kind undefined; a statement is code/m,
    );
  });

  it('emits TypeScript that does not parse', async () => {
    await expectFailure(
      { 'extra.ts': emits("{ kind: 'typescript', path: 'src/extra.ts', statements: ['export const = 1;'] }") },
      /^team\/extra\.ts - error OM503: template "extra" emitted src\/extra\.ts, which does not parse: line \d+, column \d+: Variable declaration expected\. At: ".*"$/m,
    );
  });

  it('emits TypeScript that does not type-check (checked in memory, with the package tsconfig and dependencies)', async () => {
    await expectFailure(
      { 'extra.ts': emits("{ kind: 'typescript', path: 'src/extra.ts', statements: ['export const count: number = \"three\";'] }") },
      /^team\/extra\.ts - error OM504: template "extra" emitted src\/extra\.ts, which does not type-check: line 6, column 14: TS2322 Type 'string' is not assignable to type 'number'\.$/m,
      ['--typecheck'],
    );
  });

  it('breaks another file: the error names the template that emitted that file', async () => {
    const index = templateModule(
      'index',
      'document',
      "(ctx) { return ctx.renderDefault().map((f) => (f.kind === 'typescript' ? { ...f, statements: [...ctx.ts.statementList(f.statements), ctx.ts.exportFrom('./models.js', ['Cat'], { typeOnly: true })] } : f)); }",
    );
    await expectFailure({ 'index.ts': index }, /^team\/index\.ts - error OM504: template "index" emitted src\/index\.ts, which does not type-check: line \d+, column \d+: TS2305 Module '"\.\/models\.js"' has no exported member 'Cat'\.$/m, ['--typecheck']);
  });
});

describe('when the type check runs', () => {
  it("'auto' (the default) runs it when the config names a team folder, not otherwise", () => {
    const resolve = (config: Record<string, unknown>) => resolveConfig({ spec: 'spec.yaml', package: { name: 'p' }, ...config }, '/project', undefined).typecheck;
    expect(resolve({})).toBe(false);
    expect(resolve({ templates: { dir: 'team' } })).toBe(true);
    expect(resolve({ templates: { dir: 'team' }, typecheck: 'never' })).toBe(false);
    expect(resolve({ typecheck: 'always' })).toBe(true);
  });

  const BAD = { 'extra.ts': emits("{ kind: 'typescript', path: 'src/extra.ts', statements: ['export const count: number = \"three\";'] }") };

  it("typecheck: 'never' skips it (the file is written), and --typecheck forces it", async () => {
    project = teamProject({ templates: BAD, config: "typecheck: 'never'," });
    const forced = await runCli(['generate', '--typecheck'], project.dir);
    expect(forced.code).toBe(1);
    expect(forced.stderr).toContain('error OM504');
    expect(project.exists('generated')).toBe(false);
    const skipped = await runCli(['generate'], project.dir);
    expect(skipped.stderr).toBe('');
    expect(skipped.code).toBe(0);
    expect(project.read('generated/src/extra.ts')).toContain('export const count: number = "three";');
  });
});
