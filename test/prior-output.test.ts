/**
 * A render on a machine without this one's format cache (a fresh clone, CI after `npm ci`) takes
 * prettier's output for an unchanged text from the output folder: the manifest records, per
 * formatted file, the key of the text prettier was given and where its output starts
 * (prior-output.ts). The tests plant a recorded body prettier would never write (`SENTINEL`), so
 * what comes out says whether the render took the file or ran prettier.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../generator/config/load.ts';
import { cacheDir } from '../generator/cache-dir.ts';
import type { PrintedFile } from '../generator/emit/print.ts';
import { fileSetup } from '../generator/format/formatter.ts';
import { parseFormatRecords, priorOutput } from '../generator/format/prior-output.ts';
import { standaloneKey, startFormatSession } from '../generator/format/prettier.ts';
import { installedVersion } from '../generator/installed-version.ts';
import { toolkitRoot } from '../generator/toolkit.ts';
import { generate } from '../generator/generate.ts';
import { sha256 } from '../generator/hash.ts';
import { MANIFEST_NAME } from '../generator/write/output-tree.ts';
import { repoRoot, runCli } from './helpers/cli.ts';
import { PETS } from './helpers/pets.ts';
import { releasesFor, tempProject, type TempProject } from './helpers/project.ts';

const KEY = 'a'.repeat(64);
const SENTINEL = 'not what prettier writes   \n';

describe('format records (the manifest member)', () => {
  it('reads well-formed records by path; anything malformed is no records at all', () => {
    expect(parseFormatRecords({ 'docs/A.md': `12:${KEY}`, 'src/a.ts': `0:${KEY}` })).toStrictEqual(
      new Map([
        ['docs/A.md', { start: 12, key: KEY }],
        ['src/a.ts', { start: 0, key: KEY }],
      ]),
    );
    for (const bad of [[], null, 'x', { 'a.md': KEY }, { 'a.md': `1:${KEY.slice(1)}` }, { 'a.md': `-1:${KEY}` }, { 'a.md': 3 }, { '../a.md': `1:${KEY}` }, { '/etc/passwd': `1:${KEY}` }, { 'docs/../../a.md': `1:${KEY}` }]) {
      expect(parseFormatRecords(bad), JSON.stringify(bad)).toBeUndefined();
    }
  });
});

describe('prior output (read back from the folder)', () => {
  const base = mkdtempSync(join(tmpdir(), 'om-prior-'));
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  /** An output folder whose manifest records `A.md` (`content`, formatted text from `start`) under `key`. */
  const folder = (name: string, content: string, start: number, key = KEY, recordedContent = content): string => {
    const out = join(base, name);
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'A.md'), content);
    writeFileSync(join(out, MANIFEST_NAME), JSON.stringify({ files: { 'A.md': sha256(recordedContent) }, formats: { 'A.md': `${start}:${key}` } }));
    return out;
  };

  it("gives the recorded file's text after its header for its key, and nothing for another key", () => {
    const prior = priorOutput(folder('hit', `<!-- header -->\n\n${SENTINEL}`, 17), MANIFEST_NAME);
    expect(prior(KEY)).toBe(SENTINEL);
    expect(prior('b'.repeat(64))).toBeUndefined();
  });

  it('gives nothing for a file whose bytes are not the ones the manifest hashes (edited by hand), one that is gone, or without a manifest', () => {
    expect(priorOutput(folder('edited', `H${SENTINEL}`, 1, KEY, `H${SENTINEL}x`), MANIFEST_NAME)(KEY)).toBeUndefined();
    const gone = folder('gone', `H${SENTINEL}`, 1);
    rmSync(join(gone, 'A.md'));
    expect(priorOutput(gone, MANIFEST_NAME)(KEY)).toBeUndefined();
    expect(priorOutput(join(base, 'none'), MANIFEST_NAME)(KEY)).toBeUndefined();
  });

  it('a format session takes it after the cache, formats what it does not have, and records the key of each text', async () => {
    const template = { template: { name: 't' }, file: 't.ts' } as unknown as PrintedFile['template'];
    const printed = (path: string, content: string): PrintedFile => ({ path, content, template });
    const page = printed('docs/A.md', '# A\n\nSome   text.\n');
    const key = standaloneKey(installedVersion('prettier', toolkitRoot), fileSetup(page), { text: page.content, parser: 'markdown', filepath: page.path });
    const out = folder('session', SENTINEL, 0, key);
    const other = printed('docs/B.md', '# B\n\nOther   text.\n');
    const [a, b] = await startSession(out, [page, other], priorOutput(out, MANIFEST_NAME));
    expect(a).toStrictEqual(expect.objectContaining({ content: SENTINEL, format: { key, start: 0 } }));
    expect(b).toStrictEqual(expect.objectContaining({ content: '# B\n\nOther text.\n' }));
    expect(b!.format?.key).toMatch(/^[0-9a-f]{64}$/);
    // Without it (`--force`), prettier formats the recorded text too.
    expect((await startSession(out, [page]))[0]!.content).toBe('# A\n\nSome text.\n');
  });
});

async function startSession(out: string, files: readonly PrintedFile[], prior?: (key: string) => string | undefined) {
  const session = startFormatSession(out, undefined, undefined, null, prior);
  for (const file of files) session.add(file);
  return session.done();
}

describe('a render without the format cache', () => {
  let project: TempProject;
  const readme = 'generated/README.md';
  const manifest = () => JSON.parse(project.read(`generated/${MANIFEST_NAME}`)) as { files: Record<string, string>; formats: Record<string, string> };
  /** Plants SENTINEL as what prettier made of the README's text: its body replaced, the manifest's hash updated. */
  const plant = () => {
    const start = Number(manifest().formats['README.md']!.split(':')[0]);
    const content = project.read(readme).slice(0, start) + SENTINEL;
    project.write(readme, content);
    const recorded = manifest();
    recorded.files['README.md'] = sha256(content);
    project.write(`generated/${MANIFEST_NAME}`, `${JSON.stringify(recorded, null, 2)}\n`);
  };
  const coldGenerate = async (fresh = false) => {
    rmSync(cacheDir(project.dir), { recursive: true, force: true });
    return generate(await loadConfig({ cwd: project.dir }), { fresh });
  };

  beforeAll(async () => {
    project = tempProject({ spec: PETS, config: { output: { dir: 'generated' } } });
    // A project with node_modules keeps its cache there, apart from other tests' (cache-dir.ts).
    mkdirSync(join(project.dir, 'node_modules'));
    await coldGenerate();
  });
  afterAll(() => project.remove());

  it("records each formatted file's key and where its text starts, and no file prettier does not format", () => {
    const { files, formats } = manifest();
    expect(Object.keys(formats)).toContain('README.md');
    expect(Object.keys(formats)).toContain('src/index.ts');
    expect(Object.keys(formats)).not.toContain('LICENSE');
    for (const path of Object.keys(formats)) expect(files[path], path).toBeDefined();
    const start = Number(formats['README.md']!.split(':')[0]);
    expect(project.read(readme).slice(0, start)).toMatch(/^<!--[^]*-->\n\n$/);
  });

  it('takes an unchanged text from the folder after an input changed, even with the spec changed; formats it afresh with --force', async () => {
    plant();
    // A changed spec: every file's header names its new sha256, and the README's text stays the same.
    const spec = `${PETS}# a comment changes the bytes\n`;
    project.write('spec/openapi.yaml', spec);
    project.write('spec/releases.json', releasesFor(spec));
    await coldGenerate();
    expect(project.read(readme).endsWith(SENTINEL)).toBe(true);
    await coldGenerate(true);
    expect(project.read(readme)).not.toContain(SENTINEL);
  });

  it('does not take a file edited by hand (its bytes are not the hash the manifest has): check renders, formats it and names it', async () => {
    plant();
    project.write(readme, `${project.read(readme)}hand edit\n`);
    rmSync(cacheDir(project.dir), { recursive: true, force: true });
    const run = await runCli(['check'], project.dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('stale:   generated/README.md');
  });

  it('check --force takes nothing from the folder: a text planted as what prettier made is named stale', async () => {
    await coldGenerate(true);
    plant();
    rmSync(cacheDir(project.dir), { recursive: true, force: true });
    const run = await runCli(['check', '--force'], project.dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('stale:   generated/README.md');
  });

  it('a malformed format record is no no-op: check renders and names the manifest', async () => {
    await coldGenerate(true);
    expect((await runCli(['check'], project.dir)).code).toBe(0);
    const recorded = readFileSync(join(project.dir, 'generated', MANIFEST_NAME), 'utf8');
    project.write(`generated/${MANIFEST_NAME}`, recorded.replace(/"README\.md": "(\d+):/, '"README.md": "x$1:'));
    const run = await runCli(['check'], project.dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`stale:   generated/${MANIFEST_NAME}`);
  });
});

describe('a render that takes its files from the folder', () => {
  const documents = ['petstore.json', 'polymorphism.json'];
  it.each(documents)('writes the bytes a fresh render writes (@readme/oas-examples %s, every operation, the spec changed under the same texts)', async (name) => {
    const spec = readFileSync(join(repoRoot, 'node_modules/@readme/oas-examples/3.0/json', name), 'utf8');
    const project = tempProject({ spec, specName: 'spec/openapi.json', config: { output: { dir: 'generated' }, select: 'all' } });
    try {
      mkdirSync(join(project.dir, 'node_modules'));
      const cold = async (fresh: boolean) => {
        rmSync(cacheDir(project.dir), { recursive: true, force: true });
        await generate(await loadConfig({ cwd: project.dir }), { fresh });
        return project.snapshot('generated');
      };
      await cold(false);
      // Other bytes, the same document: every header changes, every formatted text stays.
      const changed = `${spec.trimEnd()}\n\n`;
      project.write('spec/openapi.json', changed);
      project.write('spec/releases.json', releasesFor(changed));
      const taken = await cold(false);
      const formats = Object.keys(manifestOf(project).formats);
      expect(formats.length).toBeGreaterThan(10);
      expect(await cold(true)).toStrictEqual(taken);
    } finally {
      project.remove();
    }
  });
});

function manifestOf(project: TempProject): { formats: Record<string, string> } {
  return JSON.parse(project.read(`generated/${MANIFEST_NAME}`)) as { formats: Record<string, string> };
}

