/**
 * openapi-morph as a team gets it: the tarball `npm pack` makes (the dist/ that global-setup just
 * built), installed into a CommonJS project (`npm init -y`) and an ES module project, with a
 * TypeScript config and, in the CommonJS one, an ejected team template in TypeScript; `generate` on
 * a small spec of ours (test/fixtures/bookshop.yaml); the generated package packed and installed
 * like any npm package, then called on a real 127.0.0.1 server through `import` and `require`.
 * Every other kind of config file loads in a folder with no package.json at all.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from './helpers/cli.ts';
import { sendJson, startServer, type TestServer } from './helpers/http-server.ts';
import { releasesFor } from './helpers/project.ts';

const exec = promisify(execFile);
const SPEC = readFileSync(join(repoRoot, 'test/fixtures/bookshop.yaml'), 'utf8');
const KEY = 'bk-test-key';

interface Project {
  readonly dir: string;
  readonly kind: 'commonjs' | 'module';
}

/** Runs a command; its output is in the error when it fails (the test then shows what went wrong). */
async function run(cwd: string, command: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<string> {
  try {
    const { stdout, stderr } = await exec(command, [...args], { cwd, env: { ...process.env, NO_COLOR: '1', ...env }, maxBuffer: 16 * 1024 * 1024 });
    return stdout + stderr;
  } catch (cause) {
    const { stdout = '', stderr = '' } = cause as { stdout?: string; stderr?: string };
    throw new Error(`${command} ${args.join(' ')} failed in ${cwd}:\n${stdout}${stderr}`, { cause });
  }
}

/** `npx openapi-morph ...` in a project, as its README tells a user. */
const openapiMorph = (project: Project, ...args: string[]) => run(project.dir, 'npx', ['--no', '--', 'openapi-morph', ...args]);

/** npm from its local cache where it can (the toolkit's dependencies are there after `npm ci`). */
const npmInstall = (dir: string, what: string) => run(dir, 'npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', what]);

function write(dir: string, path: string, content: string): void {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), content);
}

const tsConfig = (extra: string) => `import { defineConfig } from 'openapi-morph';

export default defineConfig({
  spec: 'spec/bookshop.yaml',
  output: { dir: 'client' },
  package: { name: 'bookshop-client', license: 'MIT', apiKeyEnv: 'BOOKSHOP_API_KEY' },${extra}
});
`;

/** A new npm project (`npm init -y`: "type": "commonjs" with npm 11), the toolkit installed from its tarball. */
async function newProject(base: string, kind: Project['kind'], tarball: string): Promise<Project> {
  const dir = join(base, kind === 'commonjs' ? 'cjs-project' : 'esm-project');
  mkdirSync(dir);
  await run(dir, 'npm', ['init', '-y']);
  if (kind === 'module') await run(dir, 'npm', ['pkg', 'set', 'type=module']);
  await npmInstall(dir, tarball);
  write(dir, 'spec/bookshop.yaml', SPEC);
  write(dir, 'spec/releases.json', releasesFor(SPEC));
  return { dir, kind };
}

/** What a team does in its project, one CLI call a line: an ejected template in one, `init` in the other. */
async function generateIn(project: Project): Promise<string> {
  if (project.kind === 'commonjs') {
    // An ejected default that imports a toolkit helper (`openapi-morph/templates/_call-example.ts`).
    await openapiMorph(project, 'templates', 'eject', 'docs-api', '--to', 'team');
    write(project.dir, 'openapi-morph.config.ts', tsConfig("\n  templates: { dir: 'team' },"));
    return openapiMorph(project, 'generate');
  }
  // The ES module project starts the way the README tells a new team to: `init`, then a hand edit.
  const init = await openapiMorph(project, 'init', '--spec', 'spec/bookshop.yaml', '--out', 'client', '--name', 'bookshop-client');
  expect(init).toMatch(/^wrote openapi-morph\.config\.ts +spec spec\/bookshop\.yaml, output client, package bookshop-client$/m);
  const config = readFileSync(join(project.dir, 'openapi-morph.config.ts'), 'utf8');
  expect(config).toContain("name: 'bookshop-client',");
  write(project.dir, 'openapi-morph.config.ts', config.replace("name: 'bookshop-client',", "name: 'bookshop-client',\n    license: 'MIT',"));
  return openapiMorph(project, 'generate');
}

/** Packs the generated package (its prepack builds dist/) and installs the tarball: no install script runs. */
async function installClient(project: Project): Promise<void> {
  const packed = await run(join(project.dir, 'client'), 'npm', ['pack', '--loglevel=error', '--pack-destination', project.dir]);
  await npmInstall(project.dir, `./${packed.trim().split('\n').at(-1)}`);
}

/** One script per module system: lists books, reads one, and turns a 404 into the package's ApiError. */
const caller = (load: string) => `${load}
async function main() {
  const api = new BooksApi({ baseUrl: process.env.BASE_URL, apiKey: '${KEY}', maxRetries: 0 });
  const books = await api.listBooks({ query: { author: 'Le Guin' } });
  const book = await api.getBook('b1');
  let missing;
  try {
    await api.getBook('nope');
  } catch (error) {
    missing = { isApiError: error instanceof ApiError, status: error.status, message: error.body.message };
  }
  console.log(JSON.stringify({ books, book, missing }));
}
main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
`;
const IMPORT = "import { ApiError, BooksApi } from 'bookshop-client';";
const REQUIRE = "const { ApiError, BooksApi } = require('bookshop-client');";

describe('openapi-morph installed from its tarball into a project', () => {
  const base = mkdtempSync(join(tmpdir(), 'om-install-'));
  let projects: Project[] = [];
  let server: TestServer;
  const generated = new Map<Project['kind'], string>();

  beforeAll(async () => {
    server = await startServer((request, response) => {
      if (request.headers.authorization !== `Bearer ${KEY}`) return sendJson(response, 401, { message: 'no key' });
      if (request.url.startsWith('/books?')) return sendJson(response, 200, [{ id: 'b1', title: 'The Dispossessed', author: 'Le Guin' }]);
      if (request.url === '/books/b1') return sendJson(response, 200, { id: 'b1', title: 'The Dispossessed', price: 9.5 });
      return sendJson(response, 404, { message: `no book at ${request.url}` });
    });
    await run(repoRoot, 'npm', ['pack', '--ignore-scripts', '--loglevel=error', '--pack-destination', base]);
    const tarball = join(base, readdirSync(base).find((f) => f.endsWith('.tgz'))!);
    projects = await Promise.all([newProject(base, 'commonjs', tarball), newProject(base, 'module', tarball)]);
    await Promise.all(
      projects.map(async (project) => {
        generated.set(project.kind, await generateIn(project));
        await installClient(project);
      }),
    );
  }, 300_000);

  afterAll(async () => {
    await server?.close();
    rmSync(base, { recursive: true, force: true });
  });

  it('the tarball holds the compiled toolkit and the template sources, not the repository', async () => {
    const installed = join(base, 'cjs-project/node_modules/openapi-morph');
    expect(existsSync(join(installed, 'dist/generator/index.js'))).toBe(true);
    expect(existsSync(join(installed, 'dist/templates/runtime/files/core.ts'))).toBe(true);
    expect(existsSync(join(installed, 'templates/api.ts'))).toBe(true);
    for (const absent of ['test', 'bench', 'examples', '.ci', 'generated', 'spec', 'generator', 'tsconfig.json']) expect(existsSync(join(installed, absent)), absent).toBe(false);
    // Nothing runs at install: the clone's build is the `setup` workspace's prepare, not the package's.
    const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
    expect(Object.keys(manifest.scripts ?? {}).filter((s) => /^(pre|post)?install$|^prepare$/.test(s))).toStrictEqual([]);
    // The bin runs compiled JavaScript: no TypeScript loader is installed with it.
    expect(existsSync(join(base, 'cjs-project/node_modules/tsx'))).toBe(false);
    expect(await openapiMorph(projects[0]!, '--version')).toBe(`${JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')).version}\n`);
  });

  it('generates from a TypeScript config in a CommonJS and an ES module project, an ejected TypeScript template included', () => {
    for (const project of projects) {
      expect(generated.get(project.kind)).toMatch(/^client: bookshop-client \d+ files .* from 2 operations and 2 schemas in spec\/bookshop\.yaml/m);
      const manifest = JSON.parse(readFileSync(join(project.dir, 'client/openapi-morph.manifest.json'), 'utf8')) as { templates: { name: string; origin: string }[] };
      // The manifest lists a default and the team template that replaces it.
      const docsApi = manifest.templates.filter((t) => t.name === 'docs-api').map((t) => t.origin);
      expect(docsApi).toStrictEqual(project.kind === 'commonjs' ? ['default', 'team'] : ['default']);
      expect(readFileSync(join(project.dir, 'client/LICENSE'), 'utf8')).toMatch(/^MIT License\n\nPermission is hereby granted/);
    }
    expect(readFileSync(join(projects[0]!.dir, 'team/docs-api.ts'), 'utf8')).toContain("from 'openapi-morph/templates/_call-example.ts'");
  });

  it('the generated package installs from its tarball and works through import and require', async () => {
    const want = {
      books: [{ id: 'b1', title: 'The Dispossessed', author: 'Le Guin' }],
      book: { id: 'b1', title: 'The Dispossessed', price: 9.5 },
      missing: { isApiError: true, status: 404, message: 'no book at /books/nope' },
    };
    for (const project of projects) {
      const installed = JSON.parse(readFileSync(join(project.dir, 'node_modules/bookshop-client/package.json'), 'utf8')) as { scripts?: Record<string, string> };
      expect(Object.keys(installed.scripts ?? {}).filter((s) => /^(pre|post)?install$|^prepare$/.test(s))).toStrictEqual([]);
      const esm = project.kind === 'module' ? 'call.js' : 'call.mjs';
      const cjs = project.kind === 'commonjs' ? 'call.js' : 'call.cjs';
      write(project.dir, esm, caller(IMPORT));
      write(project.dir, cjs, caller(REQUIRE));
      for (const script of [esm, cjs]) {
        const out = await run(project.dir, process.execPath, [script], { BASE_URL: server.url });
        expect(JSON.parse(out), `${project.kind} ${script}`).toStrictEqual(want);
      }
    }
    expect(server.requests.filter((r) => r.url === '/books?author=Le%20Guin')).toHaveLength(4);
  });

  it("diff compares the generated packages too (its TypeScript layer), from the toolkit's place in node_modules", async () => {
    const project = projects[0]!;
    // `book_info` is exported as BookInfo until a schema really called BookInfo claims the name: only the TypeScript layer sees that.
    const before = `${SPEC.replace('        price: { type: number, minimum: 0 }\n', '$&        info: { $ref: "#/components/schemas/book_info" }\n')}    book_info:\n      type: object\n      properties:\n        pages: { type: integer }\n`;
    const after = `${before.replace('        info: { $ref: "#/components/schemas/book_info" }\n', '$&        other: { $ref: "#/components/schemas/BookInfo" }\n')}    BookInfo:\n      type: object\n      required: [label]\n      properties:\n        label: { type: string }\n`;
    write(project.dir, 'before.yaml', before);
    write(project.dir, 'after.yaml', after);
    // Before, every declaration under node_modules/ (the compared packages too) was skipped as a dependency's: no "Package API" at all.
    const out = await openapiMorph(project, 'diff', 'before.yaml', 'after.yaml');
    expect(out).toContain('BookInfo.pages - member pages removed (ts-property-removed) [typescript]');
    expect(out).toMatch(/semver major/);
  });

  it("the team's templates type-check with templates/README.md's tsconfig, an ejected runtime among them, in a CommonJS project", async () => {
    const project = projects[0]!;
    const guide = readFileSync(join(repoRoot, 'templates/README.md'), 'utf8');
    const config = /\*\*Type-checking the templates themselves\.\*\*[\s\S]*?```json\n([\s\S]*?)```/.exec(guide)![1]!;
    write(project.dir, 'tsconfig.templates.json', config.replaceAll('templates/', 'team/'));
    await openapiMorph(project, 'templates', 'eject', 'runtime', '--to', 'team');
    await npmInstall(project.dir, '@types/node@20');
    await run(project.dir, 'npx', ['--no', '--', 'tsc', '-p', 'tsconfig.templates.json']);
    // And it catches what loading does not: a typo in a template.
    write(project.dir, 'team/typo.ts', "import type { TagModel } from 'openapi-morph';\nexport const name = (tag: TagModel) => tag.nmae;\n");
    await expect(run(project.dir, 'npx', ['--no', '--', 'tsc', '-p', 'tsconfig.templates.json'])).rejects.toThrow(/TS2339: Property 'nmae' does not exist on type 'TagModel'/);
  });

  it('every kind of config file loads in a folder without a package.json, through the installed API', async () => {
    const bare = join(base, 'bare');
    const select = "{ include: [{ by: 'operationId', pattern: 'getBook' }] }";
    const body = `spec: 'bookshop.yaml', select: ${select}, package: { name: 'bare-client' }`;
    const configs: Record<string, string> = {
      ts: `import { defineConfig } from 'openapi-morph';\nconst name: string = 'bare-client';\nexport default defineConfig({ ${body.replace("'bare-client'", 'name')} });\n`,
      mts: `import { defineConfig } from 'openapi-morph';\nexport default defineConfig({ ${body} });\n`,
      cts: `import { defineConfig } from 'openapi-morph';\nexport default defineConfig({ ${body} });\n`,
      js: `export default { ${body} };\n`,
      mjs: `import { defineConfig } from 'openapi-morph';\nexport default defineConfig({ ${body} });\n`,
      cjs: `const { defineConfig } = require('openapi-morph');\nmodule.exports = defineConfig({ ${body} });\n`,
      json: `${JSON.stringify({ spec: 'bookshop.yaml', select: { include: [{ by: 'operationId', pattern: 'getBook' }] }, package: { name: 'bare-client' } })}\n`,
    };
    for (const [ext, text] of Object.entries(configs)) {
      write(join(bare, ext), 'bookshop.yaml', SPEC);
      write(join(bare, ext), `openapi-morph.config.${ext}`, text);
    }
    // One process loads them all through the installed package's own API (`loadConfig`, as `generate` does).
    const api = join(projects[0]!.dir, 'node_modules/openapi-morph/dist/generator/index.js');
    write(bare, 'load.mjs', `import { loadConfig } from ${JSON.stringify(api)};
const exts = ${JSON.stringify(Object.keys(configs))};
const loaded = await Promise.all(exts.map((ext) => loadConfig({ cwd: new URL('./' + ext, import.meta.url).pathname })));
console.log(JSON.stringify(loaded.map((c, i) => [exts[i], c.configFile.split('/').pop(), c.package.name, c.selection])));
`);
    const loaded = JSON.parse(await run(bare, process.execPath, ['load.mjs'])) as [string, string, string, unknown][];
    const selection = { include: [{ by: 'operationId', pattern: 'getBook' }], exclude: [] };
    expect(loaded).toStrictEqual(Object.keys(configs).map((ext) => [ext, `openapi-morph.config.${ext}`, 'bare-client', selection]));
    expect(existsSync(join(bare, 'package.json'))).toBe(false);
  });
});
