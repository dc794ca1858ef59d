import { spawn, type ChildProcess } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { binPath } from './helpers/cli.ts';
import { PETS } from './helpers/pets.ts';
import { tempProject, type TempProject } from './helpers/project.ts';


/** A spawned `generate --watch`, its output collected line by line. */
interface Watcher {
  readonly child: ChildProcess;
  readonly out: string[];
  err: string;
  /** Waits (bounded) until stdout has `count` lines matching `pattern`; returns the last. */
  line(pattern: RegExp, count?: number, timeoutMs?: number): Promise<string>;
}

function startWatch(cwd: string, args: readonly string[] = []): Watcher {
  const child = spawn(process.execPath, [binPath, 'generate', '--watch', ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  const watcher: Watcher = {
    child,
    out: [],
    err: '',
    async line(pattern, count = 1, timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const matches = watcher.out.filter((l) => pattern.test(l));
        if (matches.length >= count) return matches[count - 1]!;
        if (Date.now() > deadline || child.exitCode !== null) throw new Error(`no line matching ${pattern} (${count}) within ${timeoutMs} ms\nstdout:\n${watcher.out.join('\n')}\nstderr:\n${watcher.err}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
  };
  let buffer = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    const lines = buffer.split('\n');
    buffer = lines.pop()!;
    watcher.out.push(...lines);
  });
  child.stderr!.on('data', (chunk: Buffer) => {
    watcher.err += chunk.toString();
  });
  return watcher;
}

async function stop(watcher: Watcher): Promise<number | null> {
  if (watcher.child.exitCode !== null) return watcher.child.exitCode;
  const exited = new Promise<number | null>((resolve) => watcher.child.once('exit', (code) => resolve(code)));
  watcher.child.kill('SIGTERM');
  const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 10_000).unref());
  const result = await Promise.race([exited, timeout]);
  if (result === 'timeout') {
    watcher.child.kill('SIGKILL');
    return null;
  }
  return result;
}

describe('generate --watch', () => {
  let project: TempProject;
  let watcher: Watcher | undefined;
  afterEach(async () => {
    if (watcher) await stop(watcher);
    watcher = undefined;
    project.remove();
  });

  it('regenerates on spec, config and team template changes, debounced; a broken change keeps the last good output', async () => {
    project = tempProject({
      // In the repository (an ESM package): the loader of this branch re-imports an edited .ts
      // template there; under a folder without package.json it is CommonJS, cached by path.
      inRepo: true,
      spec: PETS,
      config: { output: { dir: 'client' }, templates: { dir: 'team' }, typecheck: 'never' },
    });
    const notice = (text: string) =>
      `export default { apiVersion: 1, name: 'notice', description: 'NOTICE', scope: 'document', render: () => ({ kind: 'text', path: 'NOTICE', content: ${JSON.stringify(text)} }) };\n`;
    // A team template in plain JavaScript: the file-name rule wants .ts, and a .ts file with no types is plain JavaScript.
    project.write('team/notice.ts', notice('first'));
    project.write('.prettierrc.json', '{ "semi": true }\n');
    watcher = startWatch(project.dir);
    expect(await watcher.line(/^\d\d:\d\d:\d\d started: client: test-client (\d+) files \(\1 written, 0 unchanged, 0 removed\)/)).toMatch(/ in \d/);
    expect(project.read('client/NOTICE')).toMatch(/\nfirst$/);
    await waitFor(() => watcher!.err.includes('watching '));
    expect(watcher.err).toContain('watching openapi-morph.config.mjs, spec/openapi.yaml, spec/releases.json, .prettierrc.json, team');

    // Three quick writes of the spec: one regeneration.
    project.write('spec/openapi.yaml', PETS.replace('The pet.', 'The pet, 1.'));
    project.write('spec/openapi.yaml', PETS.replace('The pet.', 'The pet, 2.'));
    project.write('spec/openapi.yaml', PETS.replace('The pet.', 'The pet, 3.'));
    expect(await watcher.line(/spec\/openapi.yaml changed: client: test-client \d+ files \(\d+ written/)).toMatch(/ in \d/);
    expect(project.read('client/docs/PetsApi.md')).toContain('The pet, 3.');
    await new Promise((r) => setTimeout(r, 1000));
    expect(watcher.out.filter((l) => l.includes('spec/openapi.yaml changed')).length).toBe(1);
    // Touching a file without changing it runs nothing.
    project.write('spec/openapi.yaml', PETS.replace('The pet.', 'The pet, 3.'));
    await new Promise((r) => setTimeout(r, 1000));
    expect(watcher.out.filter((l) => l.includes('spec/openapi.yaml changed')).length).toBe(1);

    // A broken spec: diagnostics, nothing written, still watching.
    const good = project.snapshot('client');
    project.write('spec/openapi.yaml', `${PETS}  broken: [\n`);
    expect(await watcher.line(/spec\/openapi.yaml changed: failed \(1 error\)/)).toBeDefined();
    expect(watcher.err).toMatch(/spec\/openapi.yaml:\d+:\d+ - error OM202: YAML syntax error/);
    expect(watcher.err).toContain('the output keeps the last good generation');
    expect(project.snapshot('client')).toStrictEqual(good);

    // Fixed again: regenerates.
    project.write('spec/openapi.yaml', PETS);
    await watcher.line(/spec\/openapi.yaml changed: client: test-client/, 2);
    expect(project.read('client/docs/PetsApi.md')).toContain('The pet.');

    // The config: a new package name.
    project.write('openapi-morph.config.mjs', project.read('openapi-morph.config.mjs').replace('"test-client"', '"renamed-client"'));
    await watcher.line(/openapi-morph.config.mjs changed: client: renamed-client/);
    expect(JSON.parse(project.read('client/package.json'))).toMatchObject({ name: 'renamed-client' });

    // A module the config imports, once the config imports it (TypeScript: jiti loads it afresh;
    // a plain .mjs one Node's own loader would keep cached in this long-lived process).
    project.write('package-name.ts', "export const name: string = 'helper-client';\n");
    project.write('openapi-morph.config.mjs', `import { name } from './package-name.ts';\n${project.read('openapi-morph.config.mjs').replace('"renamed-client"', 'name')}`);
    await watcher.line(/openapi-morph.config.mjs changed: client: helper-client/);
    project.write('package-name.ts', "export const name: string = 'edited-client';\n");
    await watcher.line(/package-name.ts changed: client: edited-client/);
    expect(JSON.parse(project.read('client/package.json'))).toMatchObject({ name: 'edited-client' });

    // The prettier config.
    expect(project.read('client/src/index.ts')).toMatch(/;\n/);
    project.write('.prettierrc.json', '{ "semi": false }\n');
    await watcher.line(/\.prettierrc\.json changed: client: edited-client/);
    expect(project.read('client/src/index.ts')).not.toMatch(/;\n/);

    // A team template.
    project.write('team/notice.ts', notice('second'));
    await watcher.line(/team\/notice.ts changed: client: edited-client \d+ files \(\d written/);
    expect(project.read('client/NOTICE')).toMatch(/\nsecond$/);

    expect(await stop(watcher)).toBe(0);
    watcher = undefined;
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}
