/**
 * A render on a machine without this one's format cache (a fresh clone, a job after `npm ci`)
 * takes prettier's output for an unchanged text from the output folder: the manifest records, per
 * formatted file, the key of the text prettier was given and where its output starts
 * (format/prior-output.ts), and the folder's last render must have been the running toolkit's
 * (inputs/last-render.ts). The tests plant a recorded body prettier would never write
 * (`SENTINEL`), so what comes out says whether the render took the file or ran prettier.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../generator/config/load.ts';
import { cacheDir } from '../generator/cache-dir.ts';
import type { PrintedFile } from '../generator/emit/print.ts';
import { headerPrefix } from '../generator/emit/header.ts';
import { ENTRY_FOLDER } from '../generator/format/format-cache.ts';
import { fileSetup } from '../generator/format/formatter.ts';
import { formatRecord, formatRecordText, parseFormatRecords, priorOutput, type PriorOutput } from '../generator/format/prior-output.ts';
import { standaloneKey, startFormatSession } from '../generator/format/prettier.ts';
import { installedVersion } from '../generator/installed-version.ts';
import { madeBy } from '../generator/inputs/last-render.ts';
import { recordRender } from '../generator/inputs/render-stamp.ts';
import { toolkitRoot } from '../generator/toolkit.ts';
import { check, generate } from '../generator/generate.ts';
import { render } from '../generator/pipeline.ts';
import { sha256 } from '../generator/hash.ts';
import { MANIFEST_NAME } from '../generator/write/output-tree.ts';
import { repoRoot, runCli } from './helpers/cli.ts';
import { PETS } from './helpers/pets.ts';
import { releasesFor, tempProject, type TempProject } from './helpers/project.ts';

const KEY = 'a'.repeat(64);
const SENTINEL = 'not what prettier writes   \n';
const SPEC = { specName: 'spec/x.yaml', specSha256: 'f'.repeat(64) };

describe('format records (the manifest member)', () => {
  it('reads well-formed records by path; anything malformed is no records at all', () => {
    expect(parseFormatRecords({ 'docs/A.md': `12:${KEY}`, 'src/a.ts': `0:${KEY}` })).toStrictEqual(
      new Map([
        ['docs/A.md', { start: 12, binding: KEY }],
        ['src/a.ts', { start: 0, binding: KEY }],
      ]),
    );
    for (const bad of [[], null, 'x', { 'a.md': KEY }, { 'a.md': `1:${KEY.slice(1)}` }, { 'a.md': `-1:${KEY}` }, { 'a.md': 3 }, { '../a.md': `1:${KEY}` }, { '/etc/passwd': `1:${KEY}` }, { 'docs/../../a.md': `1:${KEY}` }]) {
      expect(parseFormatRecords(bad), JSON.stringify(bad)).toBeUndefined();
    }
  });

  it("trusts a manifest only from this toolkit's name and version (an installed toolkit)", () => {
    const manifest = (toolkit: unknown) => JSON.stringify({ toolkit });
    expect(madeBy(manifest({ name: 'openapi-morph', version: '1.2.0' }), { name: 'openapi-morph', version: '1.2.0' })).toBe(true);
    expect(madeBy(manifest({ name: 'openapi-morph', version: '1.1.0' }), { name: 'openapi-morph', version: '1.2.0' })).toBe(false);
    expect(madeBy(manifest({ name: 'other', version: '1.2.0' }), { name: 'openapi-morph', version: '1.2.0' })).toBe(false);
    expect(madeBy('{', { name: 'openapi-morph', version: '1.2.0' })).toBe(false);
  });
});

describe('prior output (read back from the folder)', () => {
  const base = mkdtempSync(join(tmpdir(), 'om-prior-'));
  afterAll(() => rmSync(base, { recursive: true, force: true }));
  const header = headerPrefix('A.md', { ...SPEC, banner: [] });

  /**
   * An output folder holding `A.md` (`content`) and `B.md` (the same); its manifest text records
   * `A.md`'s output from `start` as what prettier made of the text of `key` (`bound`: the file the
   * record binds, `content` by default), with `recorded`'s hash.
   */
  const folder = (name: string, content: string, start: number, options: { key?: string; bound?: string; recorded?: string } = {}): [string, string] => {
    const out = join(base, name);
    mkdirSync(out, { recursive: true });
    for (const file of ['A.md', 'B.md']) writeFileSync(join(out, file), content);
    const record = formatRecordText(formatRecord(options.key ?? KEY, sha256(options.bound ?? content), start));
    const hash = sha256(options.recorded ?? content);
    return [out, JSON.stringify({ spec: { path: SPEC.specName, sha256: SPEC.specSha256 }, files: { 'A.md': hash, 'B.md': hash }, formats: { 'A.md': record } })];
  };

  it("gives the file's own output for its text's key, after the header that render wrote", () => {
    const prior = priorOutput(...folder('hit', `${header}${SENTINEL}`, header.length), []);
    expect(prior(KEY, 'A.md', true)).toBe(SENTINEL);
    // Another text's key, another file (B.md has the same bytes and no record), a text cut another way: nothing.
    expect(prior('b'.repeat(64), 'A.md', true)).toBeUndefined();
    expect(prior(KEY, 'B.md', true)).toBeUndefined();
    expect(prior(KEY, 'A.md', false)).toBeUndefined();
    // No header left out (JSON, a text prettier formats with its header): the whole file.
    expect(priorOutput(...folder('whole', SENTINEL, 0), [])(KEY, 'A.md', false)).toBe(SENTINEL);
  });

  it('gives nothing for a start that is not the end of that header: 0, one off either way, another banner, a header of another spec', () => {
    const content = `${header}${SENTINEL}`;
    expect(priorOutput(...folder('zero', content, 0), [])(KEY, 'A.md', true)).toBeUndefined();
    expect(priorOutput(...folder('zero-whole', content, 0), [])(KEY, 'A.md', false)).toBe(content);
    expect(priorOutput(...folder('before', content, header.length - 1), [])(KEY, 'A.md', true)).toBeUndefined();
    expect(priorOutput(...folder('after', content, header.length + 1), [])(KEY, 'A.md', true)).toBeUndefined();
    expect(priorOutput(...folder('banner', content, header.length), ['(c) Someone'])(KEY, 'A.md', true)).toBeUndefined();
    const other = headerPrefix('A.md', { specName: SPEC.specName, specSha256: 'e'.repeat(64), banner: [] });
    expect(priorOutput(...folder('other', `${other}${SENTINEL}`, other.length), [])(KEY, 'A.md', true)).toBeUndefined();
  });

  it("gives nothing for a record bound to another output (a merge that took the record from one side, the file from the other), a file edited by hand, one that is gone, or a manifest that is not one", () => {
    expect(priorOutput(...folder('merged', `${header}${SENTINEL}`, header.length, { bound: `${header}${SENTINEL}x` }), [])(KEY, 'A.md', true)).toBeUndefined();
    expect(priorOutput(...folder('edited', `${header}${SENTINEL}`, header.length, { recorded: `${header}${SENTINEL}x` }), [])(KEY, 'A.md', true)).toBeUndefined();
    const [gone, manifest] = folder('gone', `${header}${SENTINEL}`, header.length);
    rmSync(join(gone, 'A.md'));
    expect(priorOutput(gone, manifest, [])(KEY, 'A.md', true)).toBeUndefined();
    expect(priorOutput(gone, '{', [])(KEY, 'A.md', true)).toBeUndefined();
  });

  it('a format session takes it after the cache, formats what it does not have, and records each output', async () => {
    const template = { template: { name: 't' }, file: 't.ts' } as unknown as PrintedFile['template'];
    const printed = (path: string, content: string): PrintedFile => ({ path, content, template });
    const page = printed('A.md', '# A\n\nSome   text.\n');
    const key = standaloneKey(installedVersion('prettier', toolkitRoot), fileSetup(page), { text: page.content, parser: 'markdown', filepath: page.path });
    const [out, manifest] = folder('session', SENTINEL, 0, { key });
    const other = printed('B.md', '# B\n\nOther   text.\n');
    const [a, b] = await formatted(out, [page, other], priorOutput(out, manifest, []));
    expect(a).toStrictEqual(expect.objectContaining({ content: SENTINEL, format: formatRecord(key, sha256(SENTINEL), 0) }));
    expect(b).toStrictEqual(expect.objectContaining({ content: '# B\n\nOther text.\n' }));
    expect(b!.format?.binding).toMatch(/^[0-9a-f]{64}$/);
    // Without it, prettier formats the recorded text too.
    expect((await formatted(out, [page]))[0]!.content).toBe('# A\n\nSome text.\n');
  });
});

async function formatted(out: string, files: readonly PrintedFile[], prior?: PriorOutput) {
  const session = startFormatSession(out, undefined, undefined, null, prior);
  for (const file of files) session.add(file);
  return session.done();
}

/** Removes the project's format cache (not its render stamps: the folder's last render stays vouched for). */
function dropFormatCache(project: TempProject): void {
  rmSync(join(cacheDir(project.dir), ENTRY_FOLDER), { recursive: true, force: true });
}

describe('a render without the format cache', () => {
  let project: TempProject;
  const readme = 'generated/README.md';
  const manifestPath = `generated/${MANIFEST_NAME}`;
  const manifest = () => JSON.parse(project.read(manifestPath)) as { files: Record<string, string>; formats: Record<string, string> };
  const config = () => loadConfig({ cwd: project.dir });
  /** The format key of the README's text as the templates print it now (the header left out, as the format stage does). */
  const readmeKey = async () => {
    const content = (await render(await config(), { format: false })).files.get('README.md')!;
    const text = content.slice(content.indexOf('-->\n\n') + 5);
    return standaloneKey(installedVersion('prettier', toolkitRoot), fileSetup({ path: 'README.md', content }), { text, parser: 'markdown', filepath: 'README.md' });
  };
  /** Plants SENTINEL as what prettier made of the README's text (the file, its hash and its record); `vouch`: as this toolkit's render. */
  const plant = async (vouch: boolean) => {
    const start = Number(manifest().formats['README.md']!.split(':')[0]);
    const content = project.read(readme).slice(0, start) + SENTINEL;
    project.write(readme, content);
    const recorded = manifest();
    recorded.files['README.md'] = sha256(content);
    recorded.formats['README.md'] = formatRecordText(formatRecord(await readmeKey(), sha256(content), start));
    project.write(manifestPath, `${JSON.stringify(recorded, null, 2)}\n`);
    if (vouch) await recordRender(project.dir, join(project.dir, 'generated'), project.read(manifestPath));
  };
  let edits = 0;
  /** Other spec bytes (every header changes, no formatted text does), with a release that follows them. */
  const changeSpec = () => {
    const spec = `${PETS}${'\n'.repeat(++edits)}`;
    project.write('spec/openapi.yaml', spec);
    project.write('spec/releases.json', releasesFor(spec));
  };
  const coldGenerate = async (reuseOutput = true) => {
    dropFormatCache(project);
    return generate(await config(), { reuseOutput });
  };

  beforeAll(async () => {
    project = tempProject({ spec: PETS, config: { output: { dir: 'generated' } } });
    // A project with node_modules keeps its cache there, apart from other tests' (cache-dir.ts).
    mkdirSync(join(project.dir, 'node_modules'));
  });
  afterAll(() => project.remove());
  // Each test starts from a fresh render: a planted text never outlives the test that planted it.
  beforeEach(() => coldGenerate(false));

  it('records where each formatted output starts, and no file prettier does not format', () => {
    const { files, formats } = manifest();
    expect(Object.keys(formats)).toContain('README.md');
    expect(Object.keys(formats)).toContain('src/index.ts');
    expect(Object.keys(formats)).not.toContain('LICENSE');
    for (const path of Object.keys(formats)) expect(files[path], path).toBeDefined();
    const start = Number(formats['README.md']!.split(':')[0]);
    expect(project.read(readme).slice(0, start)).toMatch(/^<!--[^]*-->\n\n$/);
  });

  it('generate asked to reuse takes an unchanged text from the folder after an input changed (every header too); by default (the public API, --force) it formats it', async () => {
    await plant(true);
    changeSpec();
    await coldGenerate();
    expect(project.read(readme).endsWith(SENTINEL)).toBe(true);
    await plant(true);
    changeSpec();
    await coldGenerate(false);
    expect(project.read(readme)).not.toContain(SENTINEL);
    // Nor does the public render, whoever compares its files with the folder.
    await plant(true);
    changeSpec();
    dropFormatCache(project);
    expect((await render(await config())).files.get('README.md')).not.toContain(SENTINEL);
  });

  it('check never takes from the folder: its render is the proof that the folder is what the inputs make', async () => {
    await plant(true);
    dropFormatCache(project);
    const report = await check(await config());
    expect(report.difference.stale).toContain('README.md');
  });

  it('nor does generate when no render stamp vouches for the manifest (a clean clone of a source checkout)', async () => {
    await plant(false);
    changeSpec();
    await coldGenerate();
    expect(project.read(readme)).not.toContain(SENTINEL);
  });

  it('nor for a file edited by hand (its bytes are not the hash the manifest has): prettier formats its text', async () => {
    await plant(true);
    project.write(readme, `${project.read(readme)}hand edit\n`);
    await recordRender(project.dir, join(project.dir, 'generated'), project.read(manifestPath));
    changeSpec();
    await coldGenerate();
    expect(project.read(readme)).not.toContain(SENTINEL);
    expect(project.read(readme)).not.toContain('hand edit');
  });
});

describe('a render that takes its files from the folder', () => {
  const cases = [
    { name: 'petstore.json', rename: false },
    { name: 'polymorphism.json', rename: true },
  ];
  it.each(cases)('writes the bytes a fresh render writes (@readme/oas-examples $name, every operation, the spec changed under the same texts; renamed: $rename)', async ({ name, rename }) => {
    const spec = readFileSync(join(repoRoot, 'node_modules/@readme/oas-examples/3.0/json', name), 'utf8');
    const project = tempProject({ spec, specName: 'spec/openapi.json', config: { output: { dir: 'generated' }, select: 'all' } });
    const entries = () => (existsSync(join(cacheDir(project.dir), ENTRY_FOLDER)) ? readdirSync(join(cacheDir(project.dir), ENTRY_FOLDER), { recursive: true }).filter((file) => /[0-9a-f]{64}$/.test(String(file))).length : 0);
    try {
      mkdirSync(join(project.dir, 'node_modules'));
      const cold = async (fresh: boolean) => {
        dropFormatCache(project);
        await generate(await loadConfig({ cwd: project.dir }), { reuseOutput: !fresh });
        return project.snapshot('generated');
      };
      await cold(false);
      // Other bytes (or another name: every header grows), the same document.
      const changed = `${spec.trimEnd()}\n\n`;
      const path = rename ? 'spec/openapi-renamed.json' : 'spec/openapi.json';
      project.write(path, changed);
      project.write('spec/releases.json', releasesFor(changed).replace('spec/openapi.yaml', path));
      if (rename) project.write('openapi-morph.config.mjs', project.read('openapi-morph.config.mjs').replace('"spec/openapi.json"', `"${path}"`));
      const taken = await cold(false);
      // prettier formatted (and cached) at most the texts that changed: the JSON files, whose header is
      // a member (which the formatter prints itself, so they are not cached either: format-jobs.ts `rewritten`).
      const formattedThen = entries();
      const fresh = await cold(true);
      expect(formattedThen).toBeLessThan(entries() / 3);
      expect(fresh).toStrictEqual(taken);
    } finally {
      project.remove();
    }
  });
});

describe('the CLI', () => {
  it('generate and sync take from the folder, generate --force does not (what prettier formatted, counted in the format cache)', async () => {
    const spec = readFileSync(join(repoRoot, 'node_modules/@readme/oas-examples/3.0/json/petstore.json'), 'utf8');
    const project = tempProject({ spec, specName: 'spec/openapi.json', config: { output: { dir: 'generated' }, select: 'all' } });
    // A project with node_modules keeps its cache there (cache-dir.ts).
    mkdirSync(join(project.dir, 'node_modules'));
    const folder = join(cacheDir(project.dir), ENTRY_FOLDER);
    const formattedBy = async (args: readonly string[]) => {
      rmSync(folder, { recursive: true, force: true });
      const run = await runCli(args, project.dir);
      expect(run.code, run.stderr).toBe(0);
      return existsSync(folder) ? readdirSync(folder, { recursive: true }).filter((file) => /[0-9a-f]{64}$/.test(String(file))).length : 0;
    };
    let edits = 0;
    const changeSpec = () => {
      const changed = `${spec.trimEnd()}${'\n'.repeat(++edits)}`;
      project.write('spec/openapi.json', changed);
      project.write('spec/releases.json', releasesFor(changed));
    };
    try {
      const all = await formattedBy(['generate']);
      changeSpec();
      const reused = await formattedBy(['generate']);
      changeSpec();
      expect(await formattedBy(['generate', '--force'])).toBe(all);
      expect(reused).toBeLessThan(all / 3);
      // The same document from elsewhere: sync writes its bytes and a release, and formats only what they change.
      project.write('upstream.json', `${spec.trimEnd()}\n\n\n\n\n\n`);
      expect(await formattedBy(['sync', '--from', 'upstream.json'])).toBeLessThan(all / 3);
    } finally {
      project.remove();
    }
  });
});

describe('with a prettier config', () => {
  it('records nothing (its keys hold options resolved for absolute paths), and the manifest has no formats member', async () => {
    const project = tempProject({ spec: PETS, config: { output: { dir: 'generated' } } });
    try {
      project.write('.prettierrc.json', '{ "semi": true }\n');
      await generate(await loadConfig({ cwd: project.dir }), { reuseOutput: true });
      const manifest = JSON.parse(project.read(`generated/${MANIFEST_NAME}`)) as { files: object; formats?: object };
      expect(Object.keys(manifest.files).length).toBeGreaterThan(10);
      expect(manifest.formats).toBeUndefined();
    } finally {
      project.remove();
    }
  });
});
