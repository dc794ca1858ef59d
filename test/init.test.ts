import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { repoRoot, runCli } from './helpers/cli.ts';
import { PETS, PETS_PATH } from './helpers/pets.ts';
import { startServer, type TestServer } from './helpers/http-server.ts';
import { treeHashes } from './helpers/project.ts';


interface Workflow {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  jobs: Record<string, { if?: string; permissions?: Record<string, string>; steps: { uses?: string; run?: string; env?: Record<string, string>; with?: Record<string, unknown> }[] }>;
}

describe('openapi-morph init', () => {
  let dir: string;
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer((request, response) => {
      if (request.url !== '/pets.yaml?token=abc') return response.writeHead(404).end();
      response.writeHead(200, { 'content-type': 'application/yaml' }).end(PETS);
    });
  });
  afterAll(() => server.close());
  // Under the repository, so the written config's `import ... from 'openapi-morph'` resolves.
  const project = () => {
    mkdirSync(join(repoRoot, '.scratch'), { recursive: true });
    dir = mkdtempSync(join(repoRoot, '.scratch', 'om-init-'));
    return dir;
  };
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const read = (path: string) => readFileSync(join(dir, path), 'utf8');

  it('writes a commented config and a CI workflow, copies a spec from elsewhere; generate and check then pass', async () => {
    project();
    const run = await runCli(['init', '--spec', PETS_PATH, '--out', 'client', '--ci', 'github', '--upstream', 'https://pets.example/openapi.yaml'], dir);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^wrote spec\/pets.yaml +copied from pets.yaml$/m);
    expect(run.stdout).toMatch(/^wrote openapi-morph.config.ts +spec spec\/pets.yaml, output client, package pet-store-api-v2$/m);
    expect(read('spec/pets.yaml')).toBe(PETS);
    const config = read('openapi-morph.config.ts');
    expect(config).toContain(`import { defineConfig } from 'openapi-morph';`);
    expect(config).toContain(`spec: 'spec/pets.yaml',`);
    expect(config).toContain(`name: 'pet-store-api-v2',`);
    expect(config).toMatch(/^ {4}\/\/ Release history, opt-in/m);

    const workflow = parse(read('.github/workflows/openapi-morph.yml')) as Workflow;
    expect(Object.keys(workflow.on)).toStrictEqual(['pull_request', 'schedule', 'workflow_dispatch']);
    expect(workflow.on['schedule']).toStrictEqual([{ cron: '17 6 * * 1' }]);
    expect(workflow.permissions).toStrictEqual({ contents: 'read' });
    expect(workflow.jobs['check']!.if).toBe("github.event_name == 'pull_request'");
    expect(workflow.jobs['check']!.steps.map((s) => s.uses ?? s.run)).toStrictEqual(['actions/checkout@v4', 'actions/setup-node@v4', 'npm ci', 'npx openapi-morph check']);
    const sync = workflow.jobs['sync']!;
    expect(sync.permissions).toStrictEqual({ contents: 'write', 'pull-requests': 'write' });
    const syncStep = sync.steps.find((s) => s.run?.includes('sync'))!;
    expect(syncStep.env).toStrictEqual({ UPSTREAM: 'https://pets.example/openapi.yaml' });
    expect(syncStep.run).toContain('npx openapi-morph sync --from "$UPSTREAM"');
    const pr = sync.steps.at(-1)!;
    expect(pr.uses).toBe('peter-evans/create-pull-request@v7');
    expect(pr.with).toMatchObject({ 'body-path': '${{ runner.temp }}/openapi-morph-sync.md', branch: 'openapi-morph/sync' });

    const generate = await runCli(['generate'], dir);
    expect(generate.stderr).toBe('');
    expect(generate.stdout).toContain('client: pet-store-api-v2 ');
    expect((await runCli(['check'], dir)).code).toBe(0);
  });

  it('never overwrites: a second run keeps every file and says so', async () => {
    project();
    await runCli(['init', '--spec', PETS_PATH, '--ci', 'github'], dir);
    writeFileSync(join(dir, 'openapi-morph.config.ts'), '// mine\n');
    const before = treeHashes(dir);
    const run = await runCli(['init', '--spec', PETS_PATH, '--ci', 'github', '--name', 'other-name'], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^kept {2}spec\/pets.yaml +exists; not overwritten$/m);
    expect(run.stdout).toMatch(/^kept {2}openapi-morph.config.ts +a config exists; not overwritten$/m);
    expect(run.stdout).toMatch(/^kept {2}.github\/workflows\/openapi-morph.yml +exists; not overwritten$/m);
    expect(treeHashes(dir)).toStrictEqual(before);
  });

  it('points to a spec inside the folder; without --upstream the workflow only checks pull requests', async () => {
    project();
    writeFileSync(join(dir, 'api.yaml'), PETS);
    const run = await runCli(['init', '--spec', 'api.yaml', '--ci', 'github'], dir);
    expect(run.stdout).toMatch(/^uses {2}api.yaml +the spec, where it is$/m);
    expect(read('openapi-morph.config.ts')).toContain(`spec: 'api.yaml',`);
    const workflow = parse(read('.github/workflows/openapi-morph.yml')) as Workflow;
    expect(Object.keys(workflow.on)).toStrictEqual(['pull_request']);
    expect(Object.keys(workflow.jobs)).toStrictEqual(['check']);
  });

  it('downloads a spec URL into spec/, never repeating its query', async () => {
    project();
    const run = await runCli(['init', '--spec', `${server.url}/pets.yaml?token=abc`], dir);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain(`wrote spec/openapi.yaml`);
    expect(run.stdout).toContain(`downloaded from ${server.url}/pets.yaml`);
    expect(run.stdout).not.toContain('token');
    expect(read('spec/openapi.yaml')).toBe(PETS);
    expect(read('openapi-morph.config.ts')).toContain(`spec: 'spec/openapi.yaml',`);
    expect(readdirSync(dir).sort()).toStrictEqual(['openapi-morph.config.ts', 'spec']);
  });

  it.each([
    { name: 'a bad package name', args: ['--name', 'Not A Name'], want: 'error OM100: --name "Not A Name" is not a valid npm package name' },
    { name: 'an unknown CI', args: ['--ci', 'gitlab'], want: 'error OM100: --ci "gitlab": the only CI init writes is github' },
    { name: '--upstream without --ci', args: ['--upstream', 'https://x.example/a.yaml'], want: 'error OM100: --upstream is the URL the CI job syncs from; it needs --ci github' },
    { name: 'an upstream with credentials', args: ['--ci', 'github', '--upstream', 'https://user:pw@x.example/a.yaml'], want: 'error OM100: --upstream has credentials' },
    { name: 'an upstream with a query', args: ['--ci', 'github', '--upstream', 'https://x.example/a.yaml?access_token=t0k'], want: 'error OM100: --upstream has a query string' },
    { name: 'an output outside the folder', args: ['--out', '../elsewhere'], want: 'error OM100: --out "../elsewhere" must be a folder inside the project' },
    { name: 'a spec that is not OpenAPI', args: ['--spec', 'package.json'], want: 'package.json (#/openapi) - error OM205' },
    { name: 'a spec URL that is not there', args: ['--spec', 'URL/missing.yaml?token=abc'], want: '/missing.yaml - error OM212: could not download' },
  ])('refuses $name, writing nothing', async ({ args, want }) => {
    project();
    writeFileSync(join(dir, 'package.json'), '{"name":"x"}\n');
    const run = await runCli(['init', ...args.map((a) => a.replace('URL', server.url))], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(want);
    expect(run.stderr).not.toContain('token');
    expect(run.stderr).not.toContain('pw');
    expect(readdirSync(dir)).toStrictEqual(['package.json']);
  });
});
