import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { nextVersion, releaseDate } from '../generator/release/version.ts';
import { runCli } from './helpers/cli.ts';
import { tempProject, type TempProject } from './helpers/project.ts';
import { PETS_SPEC, teamProject, templateModule } from './helpers/team-project.ts';

describe('version bumps', () => {
  it.each([
    { from: '1.4.2', change: 'major', want: '2.0.0' },
    { from: '1.4.2', change: 'minor', want: '1.5.0' },
    { from: '1.4.2', change: 'patch', want: '1.4.3' },
    { from: '1.4.2', change: 'none', want: '1.4.3' },
    { from: '0.3.1', change: 'major', want: '0.4.0' },
    { from: '0.3.1', change: 'minor', want: '0.3.2' },
    { from: '0.3.1', change: 'patch', want: '0.3.2' },
    { from: '2.0.0-beta.1', change: 'patch', want: '2.0.1' },
  ] as const)('$from with a $change change -> $want', ({ from, change, want }) => expect(nextVersion(from, change)).toBe(want));

  it('dates a release today, or on SOURCE_DATE_EPOCH', () => {
    expect(releaseDate({ SOURCE_DATE_EPOCH: '1767225600' })).toBe('2026-01-01');
    expect(releaseDate({})).toBe(new Date().toISOString().slice(0, 10));
  });
});

let project: TempProject | undefined;
afterEach(() => project?.remove());

describe('check: the release history must follow the spec', () => {
  it('fails on a hand-edited spec (even regenerated) until a release records it, which release --previous does', async () => {
    project = tempProject();
    expect((await runCli(['generate'], project.dir)).code).toBe(0);
    const before = project.read('spec/openapi.yaml');
    writeFileSync(join(project.dir, 'old.yaml'), before);
    // A hand edit: `model` becomes required (breaking for callers that omit it).
    project.write('spec/openapi.yaml', before.replace('      description: >-\n        Settings for a new Realtime session.', '      required: [model]\n      description: >-\n        Settings for a new Realtime session.'));
    expect((await runCli(['generate'], project.dir)).code).toBe(0);
    const failing = await runCli(['check'], project.dir);
    expect(failing.code).toBe(1);
    expect(failing.stderr).toMatch(/spec\/releases\.json \(#\/releases\/0\/specSha256\) - error OM701: spec\/openapi\.yaml \(sha256 [0-9a-f]{12}…\) changed since the newest release, 1\.0\.0/);

    const released = await runCli(['release', '--previous', 'old.yaml'], project.dir);
    expect(released.stderr).toBe('');
    expect(released.stdout).toMatch(/breaking\s+.*model.*\(request-property-became-required\)/);
    expect(released.stdout).toContain('released test-client 2.0.0');
    expect(project.read('generated/package.json')).toContain('"version": "2.0.0"');
    expect(project.read('generated/CHANGELOG.md')).toMatch(/## 2\.0\.0[\s\S]*### Breaking changes\n\n- `POST \/realtime\/sessions`: .*model/);
    const check = await runCli(['check'], project.dir);
    expect(check.stderr).toBe('');
    expect(check.code).toBe(0);
  });

  it('release --previous classifies with the packages too: a schema renamed with a new field takes an export away (major), which the spec rules alone called minor', async () => {
    project = tempProject();
    expect((await runCli(['generate'], project.dir)).code).toBe(0);
    const before = project.read('spec/openapi.yaml');
    writeFileSync(join(project.dir, 'old.yaml'), before);
    // GitHub's OrgCustomProperty, which became CustomProperty with new fields.
    const renamed = before
      .replaceAll('RealtimeSessionCreateResponse', 'RealtimeSession')
      .replace('      properties:\n        client_secret:', '      properties:\n        created_at: { type: integer }\n        client_secret:');
    expect(renamed).toContain('created_at');
    project.write('spec/openapi.yaml', renamed);
    const released = await runCli(['release', '--previous', 'old.yaml'], project.dir);
    expect(released.stderr).toBe('');
    expect(released.stdout).toMatch(/breaking\s+.*RealtimeSessionCreateResponse.*\(ts-export-removed\)/);
    expect(released.stdout).toContain('released test-client 2.0.0');
  });

  it("release --previous falls back to the spec rules' verdict when the previous spec does not render with today's templates", async () => {
    // A team template written for the new spec only: it refuses a model without `nickname`.
    project = teamProject({ templates: { 'guard.ts': templateModule('guard', 'document', "(ctx) { if (!JSON.stringify(ctx.model).includes('nickname')) throw new Error('written for the new spec'); return []; }") } });
    writeFileSync(join(project.dir, 'old.yaml'), PETS_SPEC);
    const next = PETS_SPEC.replace('        name:\n          type: string\n', '        name:\n          type: string\n        nickname:\n          type: string\n');
    expect(next).toContain('nickname');
    project.write('spec/openapi.yaml', next);
    const released = await runCli(['release', '--previous', 'old.yaml'], project.dir);
    expect(released.stderr).toBe('');
    expect(released.stdout).toMatch(/non-breaking\s+.*nickname.*\(re(quest|sponse)-property-added\)/);
    expect(released.stdout).toMatch(/released pets-client 1\.1\.0/);
  });

  it('release --bump records a release without a diff; with nothing changed, there is nothing to release', async () => {
    project = tempProject();
    await runCli(['generate'], project.dir);
    const nothing = await runCli(['release', '--bump', 'patch'], project.dir);
    expect(nothing.code).toBe(1);
    expect(nothing.stderr).toMatch(/error OM702: the newest release, 1\.0\.0, already describes spec\/openapi\.yaml/);
    project.write('spec/openapi.yaml', project.read('spec/openapi.yaml').replace('version: 2.3.0', 'version: 2.3.1'));
    const run = await runCli(['release', '--bump', 'minor', '--summary', 'Upstream 2.3.1.'], project.dir);
    expect(run.code).toBe(0);
    const history = JSON.parse(project.read('spec/releases.json')) as { releases: { version: string; summary: string }[] };
    expect(history.releases[0]).toMatchObject({ version: '1.1.0', summary: 'Upstream 2.3.1.' });
    expect((await runCli(['check'], project.dir)).code).toBe(0);
  });

  it('release needs --previous or --bump', async () => {
    project = tempProject();
    const run = await runCli(['release'], project.dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/error OM100: release needs --previous FILE/);
  });
});
