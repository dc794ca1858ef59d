/**
 * The format stage's cache gives the bytes prettier gives: its key names the plugin set that ran
 * (front matter needs the yaml plugin, whatever else the package holds) and, with a prettier
 * config, the options prettier resolves now (a config edited in a long-lived process counts).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { PrintedFile } from '../../generator/emit/print.ts';
import { formatFiles } from '../../generator/format/prettier.ts';

const template = { template: { name: 't' }, file: 't.ts' } as unknown as PrintedFile['template'];
const file = (path: string, content: string): PrintedFile => ({ path, content, template });
const FRONT_MATTER = '---\ntitle:    "x"\nlist: [ a,b ]\n---\n\n# Page\n';
const CODE = 'export const a = {b:1}\n';

describe('format stage', () => {
  const base = mkdtempSync(join(tmpdir(), 'om-format-'));
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  it('formats markdown front matter alike, alone or beside other files, cold or cached', async () => {
    const out = join(base, 'plain', 'out');
    const cache = join(base, 'plain', 'cache');
    const alone = await formatFiles([file('docs/A.md', FRONT_MATTER)], out, cache);
    const beside = await formatFiles([file('docs/A.md', FRONT_MATTER), file('src/a.ts', CODE)], out, cache);
    const cachedAlone = await formatFiles([file('docs/A.md', FRONT_MATTER)], out, cache);
    expect(alone[0]!.content).toBe('---\ntitle: "x"\nlist: [a, b]\n---\n\n# Page\n');
    expect(beside[0]!.content).toBe(alone[0]!.content);
    expect(cachedAlone[0]!.content).toBe(alone[0]!.content);
  });

  it('with a prettier config, an edit to it applies to the next run in the same process, cache or not', async () => {
    const project = join(base, 'configured');
    const cache = join(project, 'cache');
    const out = join(project, 'out');
    mkdirSync(out, { recursive: true });
    writeFileSync(join(project, '.prettierrc.json'), '{ "semi": true }\n');
    expect((await formatFiles([file('src/a.ts', CODE)], out, cache))[0]!.content).toBe('export const a = { b: 1 };\n');
    writeFileSync(join(project, '.prettierrc.json'), '{ "semi": false }\n');
    expect((await formatFiles([file('src/a.ts', CODE)], out, cache))[0]!.content).toBe('export const a = { b: 1 }\n');
    writeFileSync(join(project, '.prettierrc.json'), '{ "semi": true }\n');
    expect((await formatFiles([file('src/a.ts', CODE)], out, cache))[0]!.content).toBe('export const a = { b: 1 };\n');
  });
});
