import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { resolvePlugin } from '../../generator/format/formatter.ts';
import { configSpecifiers, prettierInputs } from '../../generator/inputs/prettier-inputs.ts';

describe('what a prettier config loads', () => {
  it.each([
    ['a shared config named by package.json', '"@acme/prettier-config"', ['@acme/prettier-config']],
    ['plugins in JSON', '{ "semi": false, "plugins": ["prettier-plugin-a", "./local.js"] }', ['prettier-plugin-a', './local.js']],
    ['plugins in YAML, unquoted', 'semi: false\nplugins:\n  - prettier-plugin-a\n', ['prettier-plugin-a']],
    ['plugins under overrides', '{ "overrides": [{ "files": "*.md", "options": { "plugins": ["prettier-plugin-md"] } }, { "files": "*.ts" }] }', ['prettier-plugin-md']],
    ['plugins and overrides together', '{ "plugins": ["a"], "overrides": [{ "options": { "plugins": ["b"] } }] }', ['a', 'b']],
    ['no plugins', '{ "semi": false }', []],
    ['JSON5 with a comment (only its text counts)', '{ // a comment\n semi: false, }', []],
    ['non-string plugin entries are ignored', '{ "plugins": [1, null, "a"] }', ['a']],
  ])('%s', (_, text, expected) => expect(configSpecifiers(text)).toStrictEqual(expected));
});

describe('prettierInputs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'om-prettier-inputs-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const install = (name: string, version: string) => {
    mkdirSync(join(dir, 'node_modules', name), { recursive: true });
    writeFileSync(join(dir, 'node_modules', name, 'package.json'), JSON.stringify({ name, version, main: 'index.js' }));
    writeFileSync(join(dir, 'node_modules', name, 'index.js'), 'module.exports = {};\n');
  };

  it('is null without a config, and names the config, its hash and the versions of what it loads', () => {
    mkdirSync(join(dir, 'out'), { recursive: true });
    writeFileSync(join(dir, 'package.json'), '{}');
    expect(prettierInputs(join(dir, 'out'), dir)).toBeNull();
    install('prettier-plugin-a', '1.2.3');
    install('@acme/prettier-plugin-b', '4.5.6');
    writeFileSync(join(dir, '.prettierrc.json'), '{ "plugins": ["prettier-plugin-a", "@acme/prettier-plugin-b/sub", "./local.mjs", "missing-plugin"] }');
    writeFileSync(join(dir, 'local.mjs'), "import 'prettier-plugin-a';\nexport default {};\n");
    const [name, hash, loads] = prettierInputs(join(dir, 'out'), dir) as [string, string, { files: Record<string, string | null>; packages: Record<string, string | null> }];
    expect(name).toBe('.prettierrc.json');
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(loads.packages).toStrictEqual({ '@acme/prettier-plugin-b': '4.5.6', 'missing-plugin': null, 'prettier-plugin-a': '1.2.3' });
    expect(Object.keys(loads.files)).toStrictEqual(['local.mjs']);
  });

  it('follows a JavaScript config through its imports', () => {
    rmSync(join(dir, '.prettierrc.json'));
    writeFileSync(join(dir, 'prettier.config.mjs'), "import plugin from 'prettier-plugin-a';\nexport default { plugins: [plugin] };\n");
    const [, , loads] = prettierInputs(join(dir, 'out'), dir) as [string, string, { packages: Record<string, string | null> }];
    expect(loads.packages).toStrictEqual({ 'prettier-plugin-a': '1.2.3' });
  });

  it('resolves a plugin package from the config file, leaving paths, objects and unknown names as given', () => {
    const configFile = join(dir, 'prettier.config.mjs');
    expect(resolvePlugin('prettier-plugin-a', configFile)).toBe(join(dir, 'node_modules/prettier-plugin-a/index.js'));
    expect(resolvePlugin('./local.mjs', configFile)).toBe('./local.mjs');
    expect(resolvePlugin('not-installed-anywhere', configFile)).toBe('not-installed-anywhere');
    const object = { parsers: {} };
    expect(resolvePlugin(object, configFile)).toBe(object);
  });
});
