import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runCli, spawnCli } from './helpers/cli.ts';
import { startServer, type TestServer } from './helpers/http-server.ts';
import { tempProject, type TempProject } from './helpers/project.ts';

/** A small "upstream" written by us: two tags, a shared schema, one schema nothing selected uses. */
const UPSTREAM = `openapi: 3.1.0
info:
  title: Pets upstream
  version: 2.0.0
servers:
  - url: https://pets.example/v1
tags:
  - name: Pets
  - name: Stores
paths:
  /pets:
    post:
      operationId: create-pet
      tags: [Pets]
      requestBody:
        required: true
        content:
          application/json:
            schema: { $ref: '#/components/schemas/NewPet' }
      responses:
        '200':
          description: The pet.
          content:
            application/json:
              schema: { $ref: '#/components/schemas/Pet' }
  /stores/{store_id}:
    get:
      operationId: get-store
      tags: [Stores]
      parameters:
        - name: store_id
          in: path
          required: true
          schema: { type: string }
      responses:
        '200':
          description: The store.
          content:
            application/json:
              schema: { $ref: '#/components/schemas/Store' }
components:
  schemas:
    NewPet:
      type: object
      required: [name]
      properties:
        name: { type: string }
        owner: { $ref: '#/components/schemas/Owner' }
    Pet:
      allOf:
        - $ref: '#/components/schemas/NewPet'
        - type: object
          required: [id]
          properties:
            id: { type: string }
    Owner:
      type: object
      properties:
        email: { type: string }
    Store:
      type: object
      properties:
        name: { type: string }
    Unused:
      type: string
`;

const CONFIG = { select: { include: [{ by: 'tag', pattern: 'Pets' }] } };

let project: TempProject | undefined;
afterEach(() => project?.remove());

function synced(): TempProject {
  project = tempProject({ config: CONFIG });
  project.write('upstream/openapi.yaml', UPSTREAM);
  return project;
}

describe('sync from a file', () => {
  it('writes the subset (selected operations plus what they reach), regenerates, and check passes', async () => {
    const p = synced();
    const run = await runCli(['sync', '--from', 'upstream/openapi.yaml'], p.dir);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const spec = p.read('spec/openapi.yaml');
    expect(spec).toContain('/pets:');
    expect(spec).not.toContain('/stores');
    expect(spec).toMatch(/^ {4}NewPet:$/m);
    expect(spec).toMatch(/^ {4}Owner:$/m);
    expect(spec).not.toMatch(/Unused|Store:/);
    expect(spec).not.toContain('&'); // no anchors
    // Classified against the previous spec (the realtime one): the old operation is gone, a new one came.
    expect(run.stdout).toMatch(/POST \/realtime\/sessions \(create-realtime-session\)\n\s+breaking\s+operation - operation removed \(operation-removed\)/);
    expect(run.stdout).toMatch(/POST \/pets \(create-pet\)\n\s+non-breaking\s+operation - operation added \(operation-added\)/);
    expect(run.stdout).toMatch(/semver major/);
    expect(run.stdout).toContain('spec/releases.json: released test-client 2.0.0');
    expect(p.read('generated/package.json')).toContain('"version": "2.0.0"');
    expect(p.read('generated/CHANGELOG.md')).toMatch(/## 2\.0\.0 \(\d{4}-\d\d-\d\d\)[\s\S]*### Breaking changes[\s\S]*## 1\.0\.0/);
    expect(p.exists('generated/src/apis/PetsApi.ts')).toBe(true);
    expect(p.exists('generated/src/apis/RealtimeApi.ts')).toBe(false);
    const check = await runCli(['check'], p.dir);
    expect(check.stderr).toBe('');
    expect(check.code).toBe(0);
  });

  it('is stable: a second sync from the same upstream changes nothing', async () => {
    const p = synced();
    await runCli(['sync', '--from', 'upstream/openapi.yaml'], p.dir);
    const before = p.snapshot();
    const again = await runCli(['sync', '--from', 'upstream/openapi.yaml'], p.dir);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('spec/openapi.yaml: unchanged');
    expect(again.stdout).not.toContain('released');
    expect(again.stdout).toMatch(/\(0 written, \d+ unchanged, 0 removed\)/);
    expect(p.snapshot()).toStrictEqual(before);
  });

  it("a spec whose text changed but not its API is written back with a patch release, and the line says why", async () => {
    const p = synced();
    await runCli(['sync', '--from', 'upstream/openapi.yaml'], p.dir);
    p.write('spec/openapi.yaml', `# edited by hand\n${p.read('spec/openapi.yaml')}`);
    const again = await runCli(['sync', '--from', 'upstream/openapi.yaml'], p.dir);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('No changes.');
    expect(again.stdout).toContain('spec/openapi.yaml: written');
    expect(again.stdout).toMatch(/^spec\/releases\.json: released test-client 2\.0\.1 \(\d{4}-\d\d-\d\d\): the spec's text changed, not its API$/m);
  });

  it('--verbose adds the stages with their durations, the upstream\'s first; --silent prints nothing and still writes', async () => {
    const p = synced();
    const verbose = await runCli(['sync', '--from', 'upstream/openapi.yaml', '--verbose'], p.dir);
    expect(verbose.code).toBe(0);
    expect(verbose.stdout).toContain('spec/openapi.yaml: written');
    const stages = verbose.stderr.split('\n').filter((l) => /^ {2}\w/.test(l)).map((l) => l.trim().split(/\s+/)[0]);
    expect(stages.slice(0, 4)).toStrictEqual(['load', 'overlays', 'select', 'validate']);
    expect(stages).toContain('format');
    expect(stages.at(-1)).toBe('write');
    expect(verbose.stderr).toMatch(/^ {2}load +\d+(\.\d)? m?s {2}upstream\/openapi\.yaml$/m);
    const q = synced();
    const silent = await runCli(['sync', '--from', 'upstream/openapi.yaml', '--silent'], q.dir);
    expect([silent.code, silent.stdout, silent.stderr]).toStrictEqual([0, '', '']);
    expect(q.read('spec/openapi.yaml')).toBe(p.read('spec/openapi.yaml'));
    const both = await runCli(['sync', '--from', 'upstream/openapi.yaml', '--silent', '--verbose'], q.dir);
    expect(both.code).not.toBe(0);
    expect(both.stderr).toContain('error OM100: --silent and --verbose contradict each other');
  });

  it('selection flags replace the config selection, with a warning that generate and check use the config', async () => {
    const p = synced();
    const run = await runCli(['sync', '--from', 'upstream/openapi.yaml', '--operation-id', 'get-store'], p.dir);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/warning OM106: the selection flags replaced the config's selection/);
    expect(p.read('spec/openapi.yaml')).toContain('/stores/{store_id}:');
    expect(p.exists('generated/src/apis/StoresApi.ts')).toBe(true);
  });

  it('classifies a change, bumps the version by it and prepends a changelog entry', async () => {
    const p = synced();
    await runCli(['sync', '--from', 'upstream/openapi.yaml'], p.dir);
    p.write('upstream/openapi.yaml', UPSTREAM.replace('        email: { type: string }', '        email: { type: string }\n        phone: { type: string }'));
    const run = await runCli(['sync', '--from', 'upstream/openapi.yaml'], p.dir);
    expect(run.stdout).toMatch(/non-breaking\s+.*phone/);
    expect(run.stdout).toMatch(/semver minor/);
    expect(run.stdout).toContain('released test-client 2.1.0');
    const history = JSON.parse(p.read('spec/releases.json')) as { releases: { version: string; specSha256: string; changes: { severity: string; message: string }[] }[] };
    expect(history.releases.map((r) => r.version)).toStrictEqual(['2.1.0', '2.0.0', '1.0.0']);
    expect(history.releases[0]!.changes.some((c) => c.severity === 'non-breaking' && c.message.includes('phone'))).toBe(true);
    expect(p.read('generated/CHANGELOG.md')).toMatch(/## 2\.1\.0[\s\S]*### Non-breaking changes\n\n- `POST \/pets`: .*phone/);
    expect((await runCli(['check'], p.dir)).code).toBe(0);
  });

  it('classifies against a previous spec in Swagger 2.0 (a project made from one), as diff reads it', async () => {
    const p = synced();
    const swagger = ['swagger: "2.0"', 'info: { title: Pets, version: 1.0.0 }', 'host: pets.example', 'basePath: /v1', 'schemes: [https]', 'paths:', '  /pets/{id}:', '    delete:', '      operationId: delete-pet', '      tags: [Pets]', '      parameters: [{ name: id, in: path, required: true, type: string }]', "      responses: { '204': { description: Deleted. } }", ''].join('\n');
    p.write('spec/openapi.yaml', swagger);
    const run = await runCli(['sync', '--from', 'upstream/openapi.yaml'], p.dir);
    // Before, the previous spec could not be read ("OpenAPI 2.0 is not supported"): no changes, no major version.
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/DELETE \/pets\/\{id\} \(delete-pet\)\n\s+breaking\s+operation - operation removed \(operation-removed\)/);
    expect(run.stdout).toContain('released test-client 2.0.0');
  });

  it('writes a spec file named .json as JSON (as init names one from a JSON source), and reads it back unchanged', async () => {
    project = tempProject({ config: CONFIG, specName: 'spec/openapi.json', spec: JSON.stringify({ openapi: '3.1.0', info: { title: 'Old', version: '1.0.0' }, paths: {} }) });
    const p = project;
    p.write('upstream/openapi.yaml', UPSTREAM);
    const run = await runCli(['sync', '--from', 'upstream/openapi.yaml'], p.dir);
    expect(run.stderr).toBe('');
    // Before, YAML went into the .json file, which JSON readers (and this parse) refused.
    const written = JSON.parse(p.read('spec/openapi.json')) as { paths: Record<string, unknown> };
    expect(Object.keys(written.paths)).toStrictEqual(['/pets']);
    expect(p.read('spec/openapi.json')).toMatch(/^\{\n {2}"openapi": "3\.1\.0",\n/);
    expect((await runCli(['check'], p.dir)).code).toBe(0);
    const again = await runCli(['sync', '--from', 'upstream/openapi.yaml'], p.dir);
    expect(again.stdout).not.toContain('spec/openapi.json: written');
    const extracted = await runCli(['extract', '--from', 'upstream/openapi.yaml', '--operation-id', 'get-store', '--out', 'look/store.json'], p.dir);
    expect(extracted.code).toBe(0);
    expect(Object.keys((JSON.parse(p.read('look/store.json')) as { paths: object }).paths)).toStrictEqual(['/stores/{store_id}']);
    // YAML's .inf is a number JSON cannot hold (JSON.stringify writes null): refused, located, nothing written.
    p.write('upstream/openapi.yaml', UPSTREAM.replace('        email: { type: string }', '        email: { type: string }\n        score: { type: number, maximum: .inf }'));
    const before = p.snapshot();
    const refused = await runCli(['sync', '--from', 'upstream/openapi.yaml'], p.dir);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('openapi.json (#/components/schemas/Owner/properties/score/maximum) - error OM206: Infinity (YAML\'s .inf or .nan) cannot be written to a JSON spec file');
    expect(p.snapshot()).toStrictEqual(before);
  });

  it('writes spec and package in one transaction: a sync killed mid-write is rolled back whole', async () => {
    const p = synced();
    await runCli(['sync', '--from', 'upstream/openapi.yaml'], p.dir);
    p.write('upstream/openapi.yaml', UPSTREAM.replace('        email: { type: string }', '        email: { type: string }\n        phone: { type: string }'));
    const before = p.snapshot();
    const killed = spawnCli(['sync', '--from', 'upstream/openapi.yaml'], p.dir, {}, { killAfterRenames: 3 });
    expect(killed.code).not.toBe(0);
    expect(p.snapshot()).not.toStrictEqual(before); // half applied: the spec or some files moved
    const check = await runCli(['check'], p.dir); // any command recovers first
    expect(check.code).toBe(0);
    expect(p.snapshot()).toStrictEqual(before);
  });

  it('writes nothing when the upstream is invalid, naming the upstream file and line', async () => {
    const p = synced();
    const before = p.snapshot();
    p.write('upstream/openapi.yaml', UPSTREAM.replace("          description: The pet.\n", ''));
    const after = p.snapshot();
    const run = await runCli(['sync', '--from', 'upstream/openapi.yaml'], p.dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/upstream\/openapi\.yaml:\d+:\d+ \(#\/paths\/~1pets\/post\/responses\/200\) - error OM206: invalid OpenAPI: missing required property "description"/);
    expect(run.stderr).toContain('nothing was written');
    expect(Object.keys(after).length).toBe(Object.keys(before).length);
    expect(p.snapshot()).toStrictEqual(after);
  });

  it('refuses an upstream selection over the limits, as generate does, and writes nothing (OM305)', async () => {
    project = tempProject({ config: { select: { include: 'all' }, limits: { maxOperations: 1 } } });
    project.write('upstream/openapi.yaml', UPSTREAM);
    const before = project.snapshot();
    const run = await runCli(['sync', '--from', 'upstream/openapi.yaml'], project.dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('error OM305: the selection has 2 operations, over the limit of 1 (limits.maxOperations)');
    expect(run.stderr).toContain('nothing was written');
    expect(project.snapshot()).toStrictEqual(before);
  });

  it('needs --from', async () => {
    const p = synced();
    const run = await runCli(['sync'], p.dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/error OM100: sync needs --from/);
  });
});

describe('sync from a URL (a local server)', () => {
  let server: TestServer;
  let mode: 'ok' | 'missing' | 'slow' | 'big-declared' | 'big-chunked' = 'ok';
  beforeAll(async () => {
    server = await startServer((request, response) => {
      if (mode === 'missing') return void response.writeHead(404, { 'content-type': 'text/plain' }).end('no such spec');
      if (mode === 'slow') return; // never answers: the client's timeout must end it
      if (mode === 'big-declared') return void response.writeHead(200, { 'content-length': String(10 * 1024 * 1024) }).end();
      if (mode === 'big-chunked') {
        response.writeHead(200, { 'content-type': 'application/yaml' });
        for (let i = 0; i < 64; i++) response.write(`# ${'x'.repeat(1022)}\n`);
        return void response.end();
      }
      response.writeHead(200, { 'content-type': 'application/yaml' });
      response.end(UPSTREAM);
    });
  });
  afterAll(() => server.close());

  async function rejected(config: Record<string, unknown>, url: string, pattern: RegExp) {
    project = tempProject({ config: { ...CONFIG, ...config } });
    const before = project.snapshot();
    const run = await runCli(['sync', '--from', url], project.dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(pattern);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(project.snapshot()).toStrictEqual(before);
  }

  it('downloads and syncs over http', async () => {
    mode = 'ok';
    project = tempProject({ config: CONFIG });
    const run = await runCli(['sync', '--from', `${server.url}/openapi.yaml?token=secret`], project.dir);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain(`synced from ${server.url}/openapi.yaml: 1 operation`);
    expect(run.stdout).not.toContain('secret');
    expect(server.requests.at(-1)!.url).toBe('/openapi.yaml?token=secret');
    expect(project.read('spec/openapi.yaml')).toContain('/pets:');
  });

  it('names a 404', async () => {
    mode = 'missing';
    await rejected({}, `${server.url}/nope.yaml`, /error OM212: could not download http:\/\/127\.0\.0\.1:\d+\/nope\.yaml: HTTP 404 Not Found/);
  });

  it('gives up after limits.fetchTimeoutMs', async () => {
    mode = 'slow';
    await rejected({ limits: { fetchTimeoutMs: 300 } }, `${server.url}/slow.yaml`, /error OM213: no complete response from .* within 300 ms \(limits\.fetchTimeoutMs\)/);
  });

  it('refuses a body over limits.maxBytes, declared or not', async () => {
    mode = 'big-declared';
    await rejected({ limits: { maxBytes: 32 * 1024 } }, `${server.url}/big.yaml`, /error OM201: .*big\.yaml is 10\.0 MiB, over the limit of 32\.0 KiB \(limits\.maxBytes\)/);
    mode = 'big-chunked';
    await rejected({ limits: { maxBytes: 32 * 1024 } }, `${server.url}/big.yaml`, /error OM201: .*big\.yaml is more than 32\.0 KiB \(limits\.maxBytes\)/);
  });

  it('refuses other schemes and names an unreachable host', async () => {
    await rejected({}, 'ftp://127.0.0.1/openapi.yaml', /error OM211: ftp URLs are refused; --from takes a file path or an http\(s\) URL/);
    await rejected({}, 'file:///etc/passwd', /error OM211: file URLs are refused/);
    await rejected({}, 'http://127.0.0.1:1/openapi.yaml', /error OM212: could not download http:\/\/127\.0\.0\.1:1\/openapi\.yaml: fetch failed/);
  });
});

describe('extract', () => {
  it('writes the subset to --out and nothing else', async () => {
    const p = synced();
    const before = p.snapshot();
    const run = await runCli(['extract', '--from', 'upstream/openapi.yaml', '--operation-id', 'get-store', '--out', 'look/store.yaml'], p.dir);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('look/store.yaml: 1 operation and 1 component from upstream/openapi.yaml');
    const after = p.snapshot();
    delete after['look/store.yaml'];
    expect(after).toStrictEqual(before);
    expect(p.read('look/store.yaml')).toMatch(/^openapi: 3\.1\.0\n/);
    expect(p.read('look/store.yaml')).toContain('    Store:');
  });

  it('prints to standard output with --out -, and works without a config', async () => {
    const p = synced();
    p.remove();
    project = tempProject({ config: CONFIG });
    project.write('upstream/openapi.yaml', UPSTREAM);
    const bare = tempProject();
    try {
      const run = await runCli(['extract', '--from', `${project.dir}/upstream/openapi.yaml`, '--out', '-'], bare.dir);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('/stores/{store_id}:'); // no config: every operation
      expect(run.stdout).not.toContain('Unused');
    } finally {
      bare.remove();
    }
  });
});

describe('explain', () => {
  it('prints the chain of references from an operation to a schema', async () => {
    const p = synced();
    const run = await runCli(['explain', 'Owner', '--from', 'upstream/openapi.yaml'], p.dir);
    expect(run.stderr).toBe('');
    expect(run.stdout.trim().split('\n')).toStrictEqual([
      'schemas/Owner is kept: POST /pets reaches it through 2 references in upstream/openapi.yaml',
      '  POST /pets',
      '  -> schemas/NewPet  #/paths/~1pets/post/requestBody/content/application~1json/schema/$ref',
      '  -> schemas/Owner   #/components/schemas/NewPet/properties/owner/$ref',
    ]);
  });

  it('fails with a located message for a schema the selection does not keep', async () => {
    const p = synced();
    const run = await runCli(['explain', 'Store', '--from', 'upstream/openapi.yaml'], p.dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/upstream\/openapi\.yaml \(#\/components\/schemas\/Store\) - error OM303: schemas\/Store is not kept/);
  });

  it('reads the project spec by default', async () => {
    project = tempProject();
    const run = await runCli(['explain', 'VoiceIdsShared'], project.dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^schemas\/VoiceIdsShared is kept: POST \/realtime\/sessions reaches it/);
  });
});
