import { appendFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../generator/config/load.ts';
import { unchangedOutput } from '../generator/inputs/no-op.ts';
import { cacheDir } from '../generator/cache-dir.ts';
import { sha256 } from '../generator/hash.ts';
import { repoRoot, runCli } from './helpers/cli.ts';
import { copyRepoProject, type TempProject } from './helpers/project.ts';

/**
 * `generate` and `check` decide "nothing changed" from the manifest's input hashes and the output
 * files' hashes, without rendering. Each row changes one input: the next `generate` must render
 * (its summary names the operations and schemas it rendered), and the one after must not (it
 * says no input changed). The project has every kind of input: a config importing a module, an
 * overlay, a team template importing a module, a release history.
 */
const CONFIG = `import { defineConfig } from 'openapi-morph';
import { description } from './config-helper.ts';

export default defineConfig({
  spec: 'spec/openapi.yaml',
  select: { include: [{ by: 'operationId', pattern: 'create-realtime-session' }] },
  output: { dir: 'generated' },
  package: { name: 'openai-realtime-client', description, license: 'MIT', apiKeyEnv: 'OPENAI_API_KEY' },
  overlays: ['spec/overlays/*.yaml'],
  templates: { dir: 'team' },
  typecheck: 'never',
});
`;

const TEMPLATE = `import { defineTemplate } from 'openapi-morph';
import { note } from './_note.ts';

export default defineTemplate({
  apiVersion: 1,
  name: 'note',
  description: 'NOTE.md: a note',
  scope: 'document',
  render: () => [{ kind: 'text', path: 'NOTE.md', content: note }],
});
`;

const OVERLAY = `overlay: 1.0.0
info: { title: Fixes, version: 1.0.0 }
actions: []
`;

/** An installed package: a prettier plugin that adds nothing, or a shared config. */
const installed = (name: string, version: string) => JSON.stringify({ name, version, main: 'index.js' });

const rendered = /\(\d+ written, \d+ unchanged, \d+ removed\) from \d+ operation/;
const skipped = /\(0 written, \d+ unchanged, 0 removed\): no input changed/;

describe('no-op generate and check', () => {
  let project: TempProject;
  const config = () => loadConfig({ cwd: project.dir });
  const generate = async (...args: string[]) => (await runCli(['generate', ...args], project.dir)).stdout;

  beforeAll(async () => {
    project = copyRepoProject();
    project.write('openapi-morph.config.ts', CONFIG);
    project.write('config-helper.ts', "export const description = process.env['OM_NOOP_DESCRIPTION'] ?? 'Typed client for the OpenAI Realtime sessions API: mint short-lived client secrets for browsers.';\n");
    project.write('spec/overlays/01-fix.yaml', OVERLAY);
    project.write('team/note.ts', TEMPLATE);
    project.write('team/_note.ts', "export const note = 'First note.\\n';\n");
    // Packages a prettier config may load (rows below), installed in the project before the first run.
    project.write('node_modules/prettier-plugin-noop/package.json', installed('prettier-plugin-noop', '1.0.0'));
    project.write('node_modules/prettier-plugin-noop/index.js', 'module.exports = {};\n');
    project.write('node_modules/noop-prettier-config/package.json', installed('noop-prettier-config', '2.0.0'));
    project.write('node_modules/noop-prettier-config/index.js', 'module.exports = { semi: true, printWidth: 80 };\n');
    expect(await generate()).toMatch(rendered);
  });
  afterAll(() => {
    delete process.env['OM_NOOP_DESCRIPTION'];
    project.remove();
  });

  it('touching nothing renders nothing: generate and check decide from the hashes', async () => {
    expect(await unchangedOutput(await config())).toStrictEqual(expect.objectContaining({ spec: expect.objectContaining({ name: 'spec/openapi.yaml' }) }));
    expect(await generate()).toMatch(skipped);
    const check = await runCli(['check'], project.dir);
    expect(check).toStrictEqual({ code: 0, stdout: 'generated is up to date with spec/openapi.yaml, the config and the templates\n', stderr: '' });
  });

  it('a selection flag that picks the same operations as the config renders nothing (the inputs record operations, not filters)', async () => {
    expect(await generate('--path', '/realtime/sessions')).toMatch(skipped);
  });

  it('--force renders anyway', async () => {
    expect(await generate('--force')).toMatch(/\(0 written, \d+ unchanged, 0 removed\) from 1 operation/);
  });

  it('remembers the selection by the spec bytes instead of parsing; a wrong memo renders once and is dropped', async () => {
    const memos = () => readdirSync(join(cacheDir(project.dir), 'selections')).filter((name) => name.endsWith('.json'));
    rmSync(join(cacheDir(project.dir), 'selections'), { recursive: true, force: true });
    expect(await generate()).toMatch(skipped);
    expect(memos()).toHaveLength(1);
    const [memo] = memos().map((name) => join(cacheDir(project.dir), 'selections', name));
    expect(JSON.parse(readFileSync(memo!, 'utf8'))).toStrictEqual(['POST /realtime/sessions']);
    // A memo that names other operations is what the no-op uses: the run renders.
    writeFileSync(memo!, JSON.stringify(['GET /elsewhere']));
    expect(await generate()).toMatch(rendered);
    expect(existsSync(memo!)).toBe(false);
    expect(await generate()).toMatch(skipped);
    expect(JSON.parse(readFileSync(memo!, 'utf8'))).toStrictEqual(['POST /realtime/sessions']);
  });

  it("remembers the spec's sha256 by the file's identity once the file is 2 s old: an unchanged spec is not read", async () => {
    const spec = join(project.dir, 'spec/openapi.yaml');
    const settledAt = Math.max(statSync(spec).mtimeMs, statSync(spec).ctimeMs) + 2100;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, settledAt - Date.now())));
    const records = join(cacheDir(project.dir), 'specs');
    rmSync(records, { recursive: true, force: true });
    expect(await generate()).toMatch(skipped);
    const names = readdirSync(records).filter((name) => name.endsWith('.json'));
    expect(names).toHaveLength(1);
    const record = join(records, names[0]!);
    const bytes = readFileSync(spec);
    const { identity, hash } = JSON.parse(readFileSync(record, 'utf8')) as { identity: string; hash: string };
    expect(hash).toBe(`${sha256(bytes)} ${bytes.byteLength}`);
    // The record answers for the file: one that says another hash for its identity is a changed spec.
    writeFileSync(record, JSON.stringify({ identity, hash: `${'0'.repeat(64)} ${bytes.byteLength}` }));
    expect(await unchangedOutput(await config())).toBeUndefined();
    rmSync(record);
    expect(await generate()).toMatch(skipped);
  });

  const rows: { name: string; change: (p: TempProject) => void }[] = [
    { name: 'spec bytes', change: (p) => appendFileSync(join(p.dir, 'spec/openapi.yaml'), '# a comment changes the bytes\n') },
    { name: 'config file', change: (p) => appendFileSync(join(p.dir, 'openapi-morph.config.ts'), '// a comment\n') },
    { name: 'a module the config imports', change: (p) => appendFileSync(join(p.dir, 'config-helper.ts'), '// a comment\n') },
    { name: 'an environment variable the config reads (same config text)', change: () => void (process.env['OM_NOOP_DESCRIPTION'] = 'A description from the environment.') },
    { name: 'an overlay', change: (p) => appendFileSync(join(p.dir, 'spec/overlays/01-fix.yaml'), '# a comment\n') },
    { name: 'a new overlay file', change: (p) => p.write('spec/overlays/02-more.yaml', OVERLAY) },
    { name: 'a team template', change: (p) => appendFileSync(join(p.dir, 'team/note.ts'), '// a comment\n') },
    { name: 'a module a team template imports', change: (p) => p.write('team/_note.ts', "export const note = 'Second note.\\n';\n") },
    { name: 'a new team template', change: (p) => p.write('team/other.ts', TEMPLATE.replace("name: 'note'", "name: 'other'").replace("'NOTE.md'", "'OTHER.md'")) },
    { name: 'the release history', change: (p) => p.write('spec/releases.json', p.read('spec/releases.json').replace('"summary": "', '"summary": "Edited. ')) },
    { name: 'a prettier config', change: (p) => p.write('.prettierrc.json', '{ "semi": true }\n') },
    { name: 'the prettier config', change: (p) => p.write('.prettierrc.json', '{ "semi": true, "printWidth": 80 }\n') },
    { name: 'a prettier plugin in the config', change: (p) => p.write('.prettierrc.json', '{ "semi": true, "printWidth": 80, "plugins": ["prettier-plugin-noop"] }\n') },
    { name: "that plugin's installed version (same config text)", change: (p) => p.write('node_modules/prettier-plugin-noop/package.json', installed('prettier-plugin-noop', '1.0.1')) },
    { name: 'a shared prettier config named in package.json', change: (p) => p.write('package.json', JSON.stringify({ name: 'noop', private: true, prettier: 'noop-prettier-config' })) },
    { name: "the shared config's installed version (same package.json)", change: (p) => p.write('node_modules/noop-prettier-config/package.json', installed('noop-prettier-config', '2.0.1')) },
    { name: "the toolkit's code (no render stamp from it)", change: (p) => rmSync(join(cacheDir(p.dir), 'renders'), { recursive: true, force: true }) },
  ];

  it.each(rows)('changing $name renders, and the next run does not', async ({ change }) => {
    change(project);
    expect(await unchangedOutput(await config())).toBeUndefined();
    expect(await generate()).toMatch(rendered);
    expect(await generate()).toMatch(skipped);
  });

  it('check catches an edited, a removed and an added output file (it renders and names them)', async () => {
    expect(await generate()).toMatch(skipped);
    appendFileSync(join(project.dir, 'generated/README.md'), '\nhand edit\n');
    rmSync(join(project.dir, 'generated/NOTE.md'));
    project.write('generated/extra.txt', 'not generated');
    const run = await runCli(['check'], project.dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('edited:  generated/README.md (changed since openapi-morph wrote it');
    expect(run.stderr).toContain('missing: generated/NOTE.md');
    // A file openapi-morph did not make is named, never deleted silently (OM603).
    expect(run.stderr).toContain('error OM603: generated/extra.txt is not in openapi-morph.manifest.json');
    rmSync(join(project.dir, 'generated/extra.txt'));
    expect(await generate()).toMatch(/\(2 written, \d+ unchanged, 0 removed\)/);
  });

  it('an edited manifest is caught too', async () => {
    const manifest = project.read('generated/openapi-morph.manifest.json');
    project.write('generated/openapi-morph.manifest.json', manifest.replace('"manifestVersion": 1', '"manifestVersion": 1 '));
    const run = await runCli(['check'], project.dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('stale:   generated/openapi-morph.manifest.json');
    expect(await generate()).toMatch(rendered);
  });

  it('a release history that does not follow the spec still fails check (OM701) without a render', async () => {
    project.write('spec/releases.json', project.read('spec/releases.json').replace(/"specSha256": "[0-9a-f]{64}"/, `"specSha256": "${'0'.repeat(64)}"`));
    expect(await generate()).toMatch(rendered);
    expect(await unchangedOutput(await config())).toBeDefined();
    const run = await runCli(['check'], project.dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('error OM701');
  });
});

describe('no-op generate without a config', () => {
  it("names the package as the render did (its package.json's name, from the spec's title), not a placeholder", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'om-noop-'));
    try {
      writeFileSync(join(dir, 'bookshop.yaml'), readFileSync(join(repoRoot, 'test/fixtures/bookshop.yaml')));
      const args = ['generate', '--spec', 'bookshop.yaml', '--out', 'client', '--all'];
      expect((await runCli(args, dir)).stdout).toMatch(/^client: bookshop (\d+) files \(\1 written/);
      expect((await runCli(args, dir)).stdout).toMatch(/^client: bookshop (\d+) files \(0 written, \1 unchanged, 0 removed\): no input changed/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
