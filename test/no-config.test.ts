import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { packageNameFromTitle, semverFromInfoVersion } from '../generator/package-identity.ts';
import { runCli } from './helpers/cli.ts';
import { PETS } from './helpers/pets.ts';


describe('package identity from info', () => {
  it.each([
    { given: 'Pet Store API (v2)', want: 'pet-store-api-v2' },
    { given: 'OpenAI Realtime Sessions API', want: 'openai-realtime-sessions-api' },
    { given: '  Café -- Überblick!  ', want: 'cafe-uberblick' },
    { given: '___', want: 'api-client' },
    { given: '', want: 'api-client' },
    { given: 'x'.repeat(300), want: 'x'.repeat(214) },
  ])('name from title $given', ({ given, want }) => {
    expect(packageNameFromTitle(given)).toBe(want);
  });

  it.each([
    { given: '2.3.0', want: { version: '2.3.0', recognized: true } },
    { given: 'v2.1', want: { version: '2.1.0', recognized: true } },
    { given: '1', want: { version: '1.0.0', recognized: true } },
    { given: '2024-10-01', want: { version: '2024.10.1', recognized: true } },
    { given: '1.0.0-beta.1', want: { version: '1.0.0-beta.1', recognized: true } },
    { given: 'latest', want: { version: '0.0.0', recognized: false } },
    { given: undefined, want: { version: '0.0.0', recognized: false } },
  ])('version from info.version $given', ({ given, want }) => {
    expect(semverFromInfoVersion(given)).toStrictEqual(want);
  });
});

describe('generate --spec --out without a config', () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const empty = (spec = PETS) => {
    dir = mkdtempSync(join(tmpdir(), 'om-noconfig-'));
    writeFileSync(join(dir, 'pets.yaml'), spec);
    return dir;
  };
  const read = (path: string) => readFileSync(join(dir, path), 'utf8');

  it('makes a complete package named and versioned from info, and check passes right after', async () => {
    empty();
    const run = await runCli(['generate', '--spec', 'pets.yaml', '--out', 'client'], dir);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('client: pet-store-api-v2 ');
    const pkg = JSON.parse(read('client/package.json')) as { name: string; version: string; license: string; files: string[] };
    expect(pkg).toMatchObject({ name: 'pet-store-api-v2', version: '2.1.0', license: 'MIT' });
    // No release history: no changelog, and nothing points to one.
    expect(existsSync(join(dir, 'client/CHANGELOG.md'))).toBe(false);
    expect(pkg.files).not.toContain('CHANGELOG.md');
    expect(read('client/README.md')).not.toContain('CHANGELOG.md');
    expect(existsSync(join(dir, 'spec/releases.json'))).toBe(false);

    const check = await runCli(['check', '--spec', 'pets.yaml', '--out', 'client'], dir);
    expect(check.stderr).toBe('');
    expect(check.code).toBe(0);
  });

  it('an info.version that is no version gives 0.0.0 with a located warning', async () => {
    empty(PETS.replace('version: v2.1', 'version: latest'));
    const run = await runCli(['generate', '--spec', 'pets.yaml', '--out', 'client'], dir);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('pets.yaml (#/info/version) - warning OM108: info.version "latest" is not a version; the package version is 0.0.0');
    expect(JSON.parse(read('client/package.json'))).toMatchObject({ version: '0.0.0' });
  });

  it('sync creates the release history when it is missing, bumping from info.version', async () => {
    empty();
    writeFileSync(join(dir, 'upstream.yaml'), PETS.replace('required: [id, name]', 'required: [id]'));
    await runCli(['generate', '--spec', 'pets.yaml', '--out', 'client'], dir);
    const run = await runCli(['sync', '--from', 'upstream.yaml', '--spec', 'pets.yaml', '--out', 'client'], dir);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const history = JSON.parse(read('spec/releases.json')) as { releases: { version: string; source: string }[] };
    // Pet.name became optional in a response: breaking, so 2.1.0 -> 3.0.0.
    expect(history.releases.map((r) => [r.version, r.source])).toStrictEqual([['3.0.0', 'upstream.yaml']]);
    expect(JSON.parse(read('client/package.json'))).toMatchObject({ version: '3.0.0' });
    expect(read('client/CHANGELOG.md')).toContain('## 3.0.0');
    // From now on the history drives the version, and check holds it to the spec.
    expect((await runCli(['check', '--spec', 'pets.yaml', '--out', 'client'], dir)).code).toBe(0);
    writeFileSync(join(dir, 'pets.yaml'), `${read('pets.yaml')}# edited\n`);
    const stale = await runCli(['check', '--spec', 'pets.yaml', '--out', 'client'], dir);
    expect(stale.code).toBe(1);
    expect(stale.stderr).toContain('OM701');
  });

  it('release --bump creates the history from info.version', async () => {
    empty();
    await runCli(['generate', '--spec', 'pets.yaml', '--out', 'client'], dir);
    const run = await runCli(['release', '--bump', 'minor', '--summary', 'First recorded release.', '--spec', 'pets.yaml', '--out', 'client'], dir);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(JSON.parse(read('spec/releases.json'))).toMatchObject({ releases: [{ version: '2.2.0', summary: 'First recorded release.' }] });
    expect(read('client/CHANGELOG.md')).toContain('## 2.2.0');
  });
});
