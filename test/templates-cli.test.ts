import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { normalizeText } from '../generator/emit/load-templates.ts';
import { sha256 } from '../generator/hash.ts';
import { toolkit } from '../generator/toolkit.ts';
import { repoRoot, runCli } from './helpers/cli.ts';
import { teamProject } from './helpers/team-project.ts';

const DEFAULTS = join(repoRoot, 'templates');
const defaultNames = readdirSync(DEFAULTS, { withFileTypes: true })
  .filter((e) => !e.name.startsWith('_')) // the folder's own helper modules
  .filter((e) => (e.isFile() && e.name.endsWith('.ts')) || (e.isDirectory() && readdirSync(join(DEFAULTS, e.name)).includes('index.ts')))
  .map((e) => e.name.replace(/\.ts$/, ''))
  .sort();
const without = (files: Record<string, string>, name: string) => Object.fromEntries(Object.entries(files).filter(([path]) => !path.endsWith(name)));

describe('openapi-morph templates list', () => {
  const empty = mkdtempSync(join(tmpdir(), 'om-list-'));
  afterAll(() => rmSync(empty, { recursive: true, force: true }));

  it('without a config: every default, in a stable table', async () => {
    const run = await runCli(['templates', 'list'], empty);
    expect(run.code).toBe(0);
    const [head, ...rows] = run.stdout.trimEnd().split('\n');
    expect(head).toBe('NAME          SOURCE   SCOPE     EMITS');
    const table = rows.slice(0, defaultNames.length);
    expect(table.map((r) => r.split(/\s+/)[0])).toStrictEqual(defaultNames);
    for (const row of table) expect(row).toMatch(/^[\w-]+ +default {2}(document|tag|schema) +\S.*\S$/);
    expect(run.stdout).toContain('No team folder: set templates.dir in the config to override templates by name.');
  });

  it('--json: the same, for scripts', async () => {
    const run = await runCli(['templates', 'list', '--json'], empty);
    const json = JSON.parse(run.stdout) as { toolkit: string; teamDir: string | null; templates: { name: string; source: string; scope: string; emits: string; file: string }[] };
    expect(json.toolkit).toBe(toolkit.version);
    expect(json.teamDir).toBeNull();
    expect(json.templates.map((t) => t.name)).toStrictEqual(defaultNames);
    expect(json.templates.find((t) => t.name === 'api')).toMatchObject({ source: 'default', scope: 'tag', emits: expect.stringMatching(/^src\/apis\//) });
  });
});

describe('openapi-morph templates eject', () => {
  const project = teamProject({ config: "typecheck: 'never'," });
  afterAll(() => project.remove());
  let baseline: Record<string, string>;

  it('copies a default module with an eject record: toolkit version and the default sha256', async () => {
    expect((await runCli(['generate'], project.dir)).code).toBe(0);
    baseline = project.snapshot('generated');
    const run = await runCli(['templates', 'eject', 'api'], project.dir);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const original = readFileSync(join(DEFAULTS, 'api.ts'), 'utf8');
    const hash = sha256(normalizeText(original));
    expect(run.stdout).toContain(`Ejected the default template "api" (openapi-morph ${toolkit.version}, sha256 ${hash.slice(0, 12)}…) to team/api.ts`);
    const copy = project.read('team/api.ts');
    const [first, record, ...rest] = copy.split('\n');
    expect(first).toBe(`// Ejected from openapi-morph ${toolkit.version} by \`openapi-morph templates eject api\`: this copy replaces the default template "api".`);
    expect(record).toBe(`// @openapi-morph-ejected template=api toolkit=${toolkit.version} sha256=${hash}`);
    // The copy is the default, its imports of shared helpers pointing at the toolkit's copies.
    expect(rest.slice(2).join('\n')).toBe(original.replace(/from '\.\/([^']+)'/g, "from 'openapi-morph/templates/$1'"));
  });

  it('copies a folder template whole, the record in its index.ts', async () => {
    const run = await runCli(['templates', 'eject', 'runtime'], project.dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('to team/runtime/');
    const files = readdirSync(join(DEFAULTS, 'runtime', 'files'));
    for (const file of files) expect(project.read(`team/runtime/files/${file}`)).toBe(readFileSync(join(DEFAULTS, 'runtime', 'files', file), 'utf8'));
    expect(project.read('team/runtime/index.ts')).toMatch(/^\/\/ Ejected from openapi-morph .*\n\/\/ @openapi-morph-ejected template=runtime toolkit=\S+ sha256=[0-9a-f]{64}\n/);
    // A module of the folder that its index does not import (the readme's sections) has its imports rewritten too: they named ../_base-url.ts.
    const sections = project.read('team/runtime/readme-sections.ts');
    expect(sections).toContain("from 'openapi-morph/templates/_base-url.ts'");
    expect(sections).not.toMatch(/from '\.\.\//);
  });

  it('refuses to overwrite, to eject what does not exist, and to guess a folder', async () => {
    const before = project.snapshot('team');
    const again = await runCli(['templates', 'eject', 'api'], project.dir);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('team/api.ts - error OM508: team/api.ts already exists; templates eject never overwrites.');
    expect(project.snapshot('team')).toStrictEqual(before);
    const unknown = await runCli(['templates', 'eject', 'apis'], project.dir);
    expect(unknown.stderr).toContain(`error OM507: there is no default template "apis"; the defaults are: ${defaultNames.join(', ')}`);
    const nowhere = mkdtempSync(join(tmpdir(), 'om-eject-'));
    try {
      const run = await runCli(['templates', 'eject', 'api'], nowhere);
      expect(run.stderr).toContain('error OM100: no team folder to eject into: set templates.dir in the config, or pass --to DIR');
      const to = await runCli(['templates', 'eject', 'models', '--to', 'staging'], nowhere);
      expect(to.code).toBe(0);
      expect(to.stdout).toContain('Note: there is no config here; generate uses staging once templates.dir names it.');
      expect(readFileSync(join(nowhere, 'staging/models.ts'), 'utf8')).toContain('@openapi-morph-ejected template=models');
    } finally {
      rmSync(nowhere, { recursive: true, force: true });
    }
  });

  it('ejected templates work unchanged: every default ejected gives the same package', async () => {
    for (const name of defaultNames.filter((n) => n !== 'api' && n !== 'runtime')) expect((await runCli(['templates', 'eject', name], project.dir)).code).toBe(0);
    const run = await runCli(['generate'], project.dir);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(without(project.snapshot('generated'), 'openapi-morph.manifest.json')).toStrictEqual(without(baseline, 'openapi-morph.manifest.json'));
    // ...and it was the ejected copies that rendered it.
    const manifest = JSON.parse(project.read('generated/openapi-morph.manifest.json')) as { templates: { name: string; origin: string; source: string }[] };
    expect(manifest.templates.filter((t) => t.origin === 'team').map((t) => `${t.name} ${t.source}`)).toStrictEqual(defaultNames.map((n) => `${n} team/${n === 'runtime' ? 'runtime/index.ts' : `${n}.ts`}`));
    const list = await runCli(['templates', 'list'], project.dir);
    expect(list.stdout).toContain(`  api: team/api.ts replaces the default; ejected from openapi-morph ${toolkit.version}'s "api", unchanged since`);
  });

  it('override drift: a warning naming the template when the default changed since; --strict and templates.strict make it an error', async () => {
    const current = sha256(normalizeText(readFileSync(join(DEFAULTS, 'api.ts'), 'utf8')));
    const older = 'a'.repeat(64);
    project.write('team/api.ts', project.read('team/api.ts').replace(`sha256=${current}`, `sha256=${older}`));
    const warned = await runCli(['generate'], project.dir);
    expect(warned.code).toBe(0);
    expect(warned.stderr).toMatch(
      new RegExp(`^team/api\\.ts:2 - warning OM505: team template "api" overrides a default that has changed since it was ejected: .* had sha256 aaaaaaaaaaaa…, openapi-morph ${toolkit.version.replace(/\./g, '\\.')}'s has ${current.slice(0, 12)}…\\. .* then set sha256=${current} in the eject record\\n$`),
    );
    expect(warned.stdout).toContain('generated: pets-client');
    const list = await runCli(['templates', 'list'], project.dir);
    expect(list.stdout).toContain(`which has changed since: override drift (warning OM505 on generate)`);

    const before = project.snapshot();
    const strict = await runCli(['generate', '--strict'], project.dir);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toMatch(/^team\/api\.ts:2 - error OM505: team template "api" overrides a default that has changed/);
    expect(strict.stderr).toContain('nothing was written');
    project.write('openapi-morph.config.mjs', project.read('openapi-morph.config.mjs').replace("dir: 'team'", "dir: 'team', strict: true"));
    const configured = await runCli(['check'], project.dir);
    expect(configured.code).toBe(1);
    expect(configured.stderr).toContain('error OM505');
    project.write('openapi-morph.config.mjs', project.read('openapi-morph.config.mjs').replace("dir: 'team', strict: true", "dir: 'team'"));
    expect(without(project.snapshot(), 'openapi-morph.config.mjs')).toStrictEqual(without(before, 'openapi-morph.config.mjs'));
  });

  it('a record that cannot be read, or names a default that is gone, is reported too', async () => {
    project.write('team/models.ts', project.read('team/models.ts').replace(/sha256=[0-9a-f]{64}/, 'sha256=unknown'));
    project.write('team/schema.ts', project.read('team/schema.ts').replace('template=schema', 'template=openapi-types'));
    const run = await runCli(['check'], project.dir);
    expect(run.stderr).toMatch(/^team\/models\.ts:2 - warning OM506: team template "models" has an eject record that cannot be read/m);
    expect(run.stderr).toMatch(/^team\/schema\.ts:2 - warning OM505: team template "schema": the default template "openapi-types" it was ejected from \(openapi-morph \S+\) no longer exists/m);
  });
});
