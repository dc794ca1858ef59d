import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.ts';
import { PETS } from './helpers/pets.ts';
import { startServer, type TestServer } from './helpers/http-server.ts';
import { tempProject, treeHashes, type TempProject } from './helpers/project.ts';


/** Every file under a folder, as text. */
function allText(dir: string): string {
  return Object.keys(treeHashes(dir))
    .map((f) => readFileSync(join(dir, f), 'utf8'))
    .join('\n');
}

describe('a spec from a URL, wherever a spec is read', () => {
  let server: TestServer;
  let dir: string;
  beforeAll(async () => {
    server = await startServer((request, response) => {
      const path = request.url.split('?')[0];
      if (path === '/pets.yaml') return response.writeHead(200, { 'content-type': 'application/yaml' }).end(PETS);
      if (path === '/slow.yaml') return; // never answers
      if (path === '/big.yaml') return response.writeHead(200).end('x'.repeat(4096));
      response.writeHead(404).end();
    });
  });
  afterAll(() => server.close());
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'om-urls-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const secretUrl = (path: string) => `${server.url.replace('http://', 'http://user:pw-s3cret@')}${path}?token=q-s3cret`;
  const noSecrets = (text: string) => {
    expect(text).not.toContain('s3cret');
    expect(text).not.toContain('user:');
    expect(text).not.toContain('token=');
  };

  it('generate and check download it (credentials sent as Basic auth, query kept) and never repeat credentials or query', async () => {
    const before = server.requests.length;
    const run = await runCli(['generate', '--spec', secretUrl('/pets.yaml'), '--out', 'client'], dir);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain(`in ${server.url}/pets.yaml`);
    noSecrets(run.stdout);
    const request = server.requests[before]!;
    expect(request.url).toBe('/pets.yaml?token=q-s3cret');
    expect(request.headers.authorization).toBe(`Basic ${Buffer.from('user:pw-s3cret').toString('base64')}`);
    const manifest = JSON.parse(readFileSync(join(dir, 'client/openapi-morph.manifest.json'), 'utf8')) as { spec: { path: string } };
    expect(manifest.spec.path).toBe(`${server.url}/pets.yaml`);
    noSecrets(allText(join(dir, 'client')));

    const check = await runCli(['check', '--spec', secretUrl('/pets.yaml'), '--out', 'client'], dir);
    expect(check.stderr).toBe('');
    expect(check.code).toBe(0);
  });

  it('diff reads URLs too', async () => {
    writeFileSync(join(dir, 'new.yaml'), PETS.replace('required: [id, name]', 'required: [id]'));
    const run = await runCli(['diff', secretUrl('/pets.yaml'), 'new.yaml', '--no-typescript', '--json'], dir);
    expect(run.stderr).toBe('');
    noSecrets(run.stdout);
    expect(JSON.parse(run.stdout)).toMatchObject({ breaking: true, changes: [{ kind: 'response-property-became-optional' }] });
  });

  describe('bad sources: a located message without secrets, nothing written', () => {
    let project: TempProject;
    afterEach(() => project.remove());

    it.each([
      { name: 'a 404', args: () => ['generate', '--spec', secretUrl('/missing.yaml')], want: () => `${server.url}/missing.yaml - error OM212: could not download ${server.url}/missing.yaml: HTTP 404` },
      { name: 'a refused connection', args: () => ['generate', '--spec', 'http://user:pw-s3cret@127.0.0.1:1/spec.yaml?token=q-s3cret'], want: () => 'http://127.0.0.1:1/spec.yaml - error OM212: could not download http://127.0.0.1:1/spec.yaml' },
      { name: 'sync from a refused connection', args: () => ['sync', '--from', 'http://user:pw-s3cret@127.0.0.1:1/spec.yaml?token=q-s3cret'], want: () => 'http://127.0.0.1:1/spec.yaml - error OM212: could not download http://127.0.0.1:1/spec.yaml' },
      { name: 'check of a 404', args: () => ['check', '--spec', secretUrl('/missing.yaml')], want: () => `error OM212: could not download ${server.url}/missing.yaml: HTTP 404` },
      { name: 'diff of a 404', args: () => ['diff', secretUrl('/missing.yaml'), 'spec/openapi.yaml'], want: () => `error OM212: could not download ${server.url}/missing.yaml: HTTP 404` },
      { name: 'another scheme', args: () => ['generate', '--spec', 'ftp://user:pw-s3cret@example.com/spec.yaml?token=q-s3cret'], want: () => 'ftp://example.com/spec.yaml - error OM211: ftp URLs are refused' },
      { name: 'a malformed URL', args: () => ['generate', '--spec', 'http://user:pw-s3cret@[::1/spec.yaml?token=q-s3cret'], want: () => 'error OM211: "http://[::1/spec.yaml" is neither a file path nor a valid URL' },
      { name: 'a malformed URL whose password holds a slash', args: () => ['generate', '--spec', 'https://deploy:pw-s3cret/x+y@example.invalid/spec.yaml'], want: () => 'error OM211: "https://example.invalid/spec.yaml" is neither a file path nor a valid URL' },
      { name: 'a body over limits.maxBytes', args: () => ['generate', '--spec', secretUrl('/big.yaml')], config: { limits: { maxBytes: 1024 } }, want: () => `${server.url}/big.yaml - error OM201: ${server.url}/big.yaml is` },
      { name: 'a server that never answers', args: () => ['generate', '--spec', secretUrl('/slow.yaml')], config: { limits: { fetchTimeoutMs: 300 } }, want: () => `error OM213: no complete response from ${server.url}/slow.yaml within 300 ms` },
      { name: 'sync with a URL spec', args: () => ['sync', '--from', 'upstream.yaml', '--spec', secretUrl('/pets.yaml')], want: () => "error OM100: sync writes the project's spec file, but the spec is a URL" },
    ])('$name', async ({ args, want, config }) => {
      project = tempProject({ spec: PETS, ...(config ? { config } : {}) });
      project.write('upstream.yaml', PETS);
      const before = project.snapshot();
      const run = await runCli(args(), project.dir);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(want());
      noSecrets(run.stderr);
      expect(project.snapshot()).toStrictEqual(before);
    });
  });
});

describe('no absolute path of the generating machine in generated files', () => {
  it('a spec outside the project is named by its file name; a sync source outside by its file name', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'om-outside-'));
    const project = tempProject({ spec: PETS, config: { output: { dir: 'client' } } });
    try {
      writeFileSync(join(outside, 'pets-v2.yaml'), PETS);
      const run = await runCli(['generate', '--spec', join(outside, 'pets-v2.yaml')], project.dir);
      expect(run.stderr).toBe('');
      expect(readFileSync(join(project.dir, 'client/src/index.ts'), 'utf8')).toContain('from pets-v2.yaml (sha256');
      expect(allText(join(project.dir, 'client'))).not.toContain(outside);

      writeFileSync(join(outside, 'upstream.yaml'), PETS.replace('The pet.', 'The pet, synced.'));
      const sync = await runCli(['sync', '--from', join(outside, 'upstream.yaml')], project.dir);
      expect(sync.stderr).toBe('');
      for (const where of ['client', 'spec']) expect(allText(join(project.dir, where))).not.toContain(outside);
      // The summary names the source (its file name only), so no "Spec source" line repeats it.
      const changelog = readFileSync(join(project.dir, 'client/CHANGELOG.md'), 'utf8');
      expect(changelog).toContain('Spec updated from upstream.yaml:');
      expect(changelog).not.toContain('Spec source: `upstream.yaml`');
      expect(readdirSync(project.dir).sort()).toStrictEqual(['client', 'openapi-morph.config.mjs', 'spec']);
    } finally {
      project.remove();
      rmSync(outside, { recursive: true, force: true });
    }
  });
});
