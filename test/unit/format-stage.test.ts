/**
 * The format stage's cache gives the bytes prettier gives: its key names the plugin set that ran
 * (front matter needs the yaml plugin, whatever else the package holds) and, with a prettier
 * config, the options prettier resolves now (a config edited in a long-lived process counts).
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { PrintedFile } from '../../generator/emit/print.ts';
import { withHeader } from '../../generator/emit/header.ts';
import { runFormatJobs } from '../../generator/format/format-jobs.ts';
import { DEFAULT_PACKAGE_SETUP } from '../../generator/format/formatter.ts';
import { formatFiles } from '../../generator/format/prettier.ts';
import { repoRoot } from '../helpers/cli.ts';

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

  it('without a config, formats the text after the header: the bytes prettier gives for the whole file, the runtime from the build\'s seed', async () => {
    const out = join(base, 'seeded', 'out');
    const cache = join(base, 'seeded', 'cache');
    const info = { specName: 'spec/openapi.yaml', specSha256: 'ab'.repeat(32), banner: ['Copyright (c) Example'] };
    const headed = (path: string, body: string): PrintedFile => {
      const content = withHeader(path, body, info);
      return { path, content, header: content.slice(0, content.length - body.length), template };
    };
    const runtimeDir = join(repoRoot, 'templates/runtime/files');
    const runtime = readdirSync(runtimeDir).map((name) => headed(`src/runtime/${name}`, readFileSync(join(runtimeDir, name), 'utf8')));
    const files = [
      ...runtime,
      headed('README.md', '# Client\n\n```ts\nconst x = {y:1}\n```\n\n* one\n* two\n'),
      headed('src/empty.ts', ''),
      headed('src/a.ts', '// lead\n\n\nexport const a = {b:1}\n'),
      { path: 'package.json', content: '{"name":"x"}', template },
    ];
    const formatted = await formatFiles(files, out, cache);
    // What prettier gives for each whole file, header included (the format stage before the split).
    const { outcomes } = await runFormatJobs(
      files.map((file) => ({ text: file.content, parser: file.path.endsWith('.md') ? 'markdown' : file.path.endsWith('.json') ? 'json' : 'typescript', filepath: join(out, file.path) })),
      DEFAULT_PACKAGE_SETUP,
    );
    expect(formatted.map((file) => file.content)).toStrictEqual(outcomes.map((outcome) => ('content' in outcome ? outcome.content : outcome.error)));
    // prettier formatted (and cached) only the files that are not in the seed: the runtime's all are.
    const entries = readdirSync(join(cache, 'format'), { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
    expect(entries).toHaveLength(files.length - runtime.length);
    // An edited runtime file is not in the seed.
    await formatFiles([headed('src/runtime/abort.ts', `${runtime[0]!.content.slice(runtime[0]!.header!.length)}\nexport const edited = 1\n`)], out, cache);
    expect(readdirSync(join(cache, 'format'), { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile())).toHaveLength(files.length - runtime.length + 1);
  });
});
