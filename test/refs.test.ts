import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.ts';
import { sendJson, startServer, type TestServer } from './helpers/http-server.ts';
import { tempProject, type TempProject } from './helpers/project.ts';

const specWith = (ref: string) => `openapi: 3.1.0
info: { title: Refs, version: 1.0.0 }
paths:
  /pets:
    post:
      operationId: create-pet
      requestBody:
        content:
          application/json:
            schema:
              $ref: '${ref}'
      responses:
        '200':
          description: ok
`;

let project: TempProject | undefined;
afterEach(() => project?.remove());

let server: TestServer;
beforeAll(async () => {
  server = await startServer((request, response) => {
    if (request.url === '/pet.json') return sendJson(response, 200, { type: 'object', properties: { name: { type: 'string' } } });
    response.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data' });
    response.end();
  });
});
afterAll(() => server.close());

async function generate(ref: string, refs?: object) {
  project = tempProject({ spec: specWith(ref), config: refs ? { refs } : {} });
  project.write('spec/schemas/pet.yaml', 'type: object\nproperties:\n  name: { type: string }\n  friend: { $ref: "./friend.yaml" }\n');
  project.write('spec/schemas/friend.yaml', 'type: object\nproperties:\n  pet: { $ref: "./pet.yaml" }\n');
  project.write('spec/common.yaml', 'components:\n  schemas:\n    Error:\n      type: object\n      properties:\n        message: { type: string }\n');
  project.write('outside.yaml', 'type: string\n');
  return runCli(['generate'], project.dir);
}

const REFUSED = [
  { ref: '/etc/passwd', why: /absolute paths are refused/ },
  { ref: 'file:///etc/passwd', why: /file: references are refused/ },
  { ref: '/proc/self/environ', why: /absolute paths are refused/ },
  { ref: '../outside.yaml', why: /outside the spec folder/ },
  { ref: 'https://evil.example/x.yaml', why: /host evil\.example is not in refs\.allowHosts/ },
  { ref: 'ftp://example.com/x.yaml', why: /ftp: references are refused/ },
];

describe('$ref policy: by default only references inside the document', () => {
  it.each([...REFUSED, { ref: './schemas/pet.yaml', why: /only references inside the document/ }])('refuses $ref $ref, naming it and its pointer; nothing read, nothing written', async ({ ref }) => {
    const run = await generate(ref);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`$ref "${ref}"`);
    expect(run.stderr).toContain('(#/paths/~1pets/post/requestBody/content/application~1json/schema/$ref)');
    expect(run.stderr).toMatch(/spec\/openapi\.yaml:11:\d+/);
    expect(run.stderr).not.toContain('root:');
    expect(project!.exists('generated')).toBe(false);
  });
});

describe('$ref policy with refs: { external: true }', () => {
  it.each(REFUSED)('still refuses $ref', async ({ ref, why }) => {
    const run = await generate(ref, { external: true });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(why);
    expect(run.stderr).toContain('(#/paths/~1pets/post/requestBody/content/application~1json/schema/$ref)');
    expect(project!.exists('generated')).toBe(false);
  });

  it('refuses a symlink inside the spec folder that leads outside it', async () => {
    project = tempProject({ spec: specWith('./link.yaml'), config: { refs: { external: true } } });
    symlinkSync('/etc/hostname', join(project.dir, 'spec/link.yaml'));
    const run = await runCli(['generate'], project.dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/"\.\/link\.yaml" refused: the file is outside the spec folder/);
  });

  it('bundles relative files (mutually recursive) into components and records them in the manifest', async () => {
    const run = await generate('./schemas/pet.yaml', { external: true });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const schema = project!.read('generated/src/schema.ts');
    expect(schema).toMatch(/pet: \{\s+name\?: string;\s+friend\?: components\["schemas"\]\["friend"\];/);
    expect(schema).toMatch(/friend: \{\s+pet\?: components\["schemas"\]\["pet"\];/);
    const manifest = JSON.parse(project!.read('generated/openapi-morph.manifest.json')) as { spec: { externals: { name: string; sha256: string }[] } };
    expect(manifest.spec.externals.map((e) => e.name)).toStrictEqual(['spec/schemas/friend.yaml', 'spec/schemas/pet.yaml']);
    expect(manifest.spec.externals.every((e) => /^[0-9a-f]{64}$/.test(e.sha256))).toBe(true);
  });

  it('explain follows the same bundled references as generate', async () => {
    await generate('./schemas/pet.yaml', { external: true });
    const run = await runCli(['explain', 'friend'], project!.dir);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^schemas\/friend is kept: POST \/pets .*reaches it through 2 references/m);
  });

  it('release --previous reads the earlier spec with the same references', async () => {
    await generate('./schemas/pet.yaml', { external: true });
    project!.write('spec/before.yaml', project!.read('spec/openapi.yaml'));
    project!.write('spec/openapi.yaml', project!.read('spec/openapi.yaml').replace('version: 1.0.0', 'version: 1.0.1'));
    const run = await runCli(['release', '--previous', 'spec/before.yaml'], project!.dir);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('released test-client 1.0.1');
  });

  it('keeps the component name of a reference into another file\'s components', async () => {
    const run = await generate('./common.yaml#/components/schemas/Error', { external: true });
    expect(run.code).toBe(0);
    expect(project!.read('generated/src/models.ts')).toContain('export type Error_ = components["schemas"]["Error"];');
  });

  it('fetches from an allow-listed host, and refuses a redirect to anywhere else', async () => {
    const host = new URL(server.url).host;
    const ok = await generate(`${server.url}/pet.json`, { external: true, allowHosts: [host] });
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    expect(project!.read('generated/src/schema.ts')).toMatch(/pet: \{\s+name\?: string;/);
    project!.remove();
    const redirected = await generate(`${server.url}/moved.json`, { external: true, allowHosts: [host] });
    expect(redirected.code).toBe(1);
    expect(redirected.stderr).toMatch(/redirects are not followed/);
  });
});
