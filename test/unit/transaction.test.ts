import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { commitWrites, JOURNAL_NAME, recoverWrites } from '../../generator/write/transaction.ts';
import { runCli, spawnCli } from '../helpers/cli.ts';
import { tempProject, treeHashes, type TempProject } from '../helpers/project.ts';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('all-or-nothing writes', () => {
  it('writes, replaces and deletes, leaving no temporary files', async () => {
    dir = mkdtempSync(join(tmpdir(), 'om-txn-'));
    mkdirSync(join(dir, 'out/sub'), { recursive: true });
    writeFileSync(join(dir, 'out/keep.txt'), 'old');
    writeFileSync(join(dir, 'out/sub/gone.txt'), 'bye');
    await commitWrites(dir, [
      { path: join(dir, 'out/keep.txt'), content: 'new' },
      { path: join(dir, 'out/a/b/added.txt'), content: 'added' },
      { path: join(dir, 'out/sub/gone.txt'), content: null },
    ]);
    expect(Object.keys(treeHashes(dir)).sort()).toStrictEqual(['out/a/b/added.txt', 'out/keep.txt']);
    expect(readFileSync(join(dir, 'out/keep.txt'), 'utf8')).toBe('new');
    expect(existsSync(join(dir, 'out/sub'))).toBe(false);
  });

  it('rolls an interrupted transaction back to the exact previous state', async () => {
    dir = mkdtempSync(join(tmpdir(), 'om-txn-'));
    writeFileSync(join(dir, 'a.txt'), 'A');
    writeFileSync(join(dir, 'b.txt'), 'B');
    const before = treeHashes(dir);
    // The state after a kill in the middle of applying: a.txt replaced (original parked), c.txt new.
    writeFileSync(join(dir, '.a.txt.om-old'), 'A');
    writeFileSync(join(dir, 'a.txt'), 'A2');
    writeFileSync(join(dir, 'c.txt'), 'C');
    writeFileSync(join(dir, '.b.txt.om-new'), 'B2');
    writeFileSync(
      join(dir, JOURNAL_NAME),
      JSON.stringify({
        version: 1,
        phase: 'applying',
        entries: [
          { path: join(dir, 'a.txt'), stage: join(dir, '.a.txt.om-new'), backup: join(dir, '.a.txt.om-old') },
          { path: join(dir, 'c.txt'), stage: join(dir, '.c.txt.om-new'), backup: join(dir, '.c.txt.om-old') },
          { path: join(dir, 'b.txt'), stage: join(dir, '.b.txt.om-new'), backup: join(dir, '.b.txt.om-old') },
        ],
      }),
    );
    expect(await recoverWrites(dir)).toBe('rolled-back');
    expect(treeHashes(dir)).toStrictEqual(before);
  });
});

describe('one writer at a time in a project (two runs side by side rolled back each other)', () => {
  const lock = () => join(dir, `${JOURNAL_NAME}.lock`);

  it('a run waits while a live process holds the write lock, then writes', async () => {
    dir = mkdtempSync(join(tmpdir(), 'om-txn-'));
    writeFileSync(join(dir, JOURNAL_NAME), JSON.stringify({ version: 1, phase: 'committed', entries: [] }));
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 10000)']);
    try {
      writeFileSync(lock(), `${holder.pid} another-process token`);
      const writing = commitWrites(dir, [{ path: join(dir, 'out/a.txt'), content: 'a' }]);
      const recovering = recoverWrites(dir);
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(existsSync(join(dir, 'out/a.txt'))).toBe(false);
      rmSync(lock());
      await Promise.all([writing, recovering]);
    } finally {
      holder.kill();
    }
    expect(readFileSync(join(dir, 'out/a.txt'), 'utf8')).toBe('a');
    expect(existsSync(lock())).toBe(false);
  });

  it.each([
    ["a killed run's, whose process has ended", () => `${spawnSync(process.execPath, ['-e', '0']).pid} its-mark token`],
    // In a container every run may be pid 1: this process's id under another process's mark (a review waited 5 minutes).
    ['one of a run that had this process id before', () => `${process.pid} an-earlier-process token`],
  ])('a stale lock is taken over at once: %s', async (_name, content) => {
    dir = mkdtempSync(join(tmpdir(), 'om-txn-'));
    writeFileSync(lock(), content());
    const started = Date.now();
    await commitWrites(dir, [{ path: join(dir, 'a.txt'), content: 'a' }]);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe('a');
    expect(readdirSync(dir).filter((name) => name.includes('.lock'))).toStrictEqual([]);
  });

  it('nothing to write takes no lock', async () => {
    dir = mkdtempSync(join(tmpdir(), 'om-txn-'));
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 10000)']);
    try {
      writeFileSync(lock(), `${holder.pid} another-process token`);
      await commitWrites(dir, []);
    } finally {
      holder.kill();
    }
  });

  it('two processes writing 400 files each into one folder of one project both succeed, one after the other', async () => {
    dir = mkdtempSync(join(tmpdir(), 'om-txn-'));
    const module = JSON.stringify(new URL('../../generator/write/transaction.ts', import.meta.url).href);
    const script = (text: string) => `import(${module}).then(({ commitWrites }) => commitWrites(${JSON.stringify(dir)}, Array.from({ length: 400 }, (_, i) => ({ path: ${JSON.stringify(dir)} + '/out/f' + i + '.txt', content: ${JSON.stringify(text)} }))))`;
    const run = (text: string) => new Promise<number | null>((resolve) => spawn(process.execPath, ['--import', 'tsx', '-e', script(text)], { stdio: 'inherit' }).on('exit', resolve));
    expect(await Promise.all([run('one'), run('two'), run('three')])).toStrictEqual([0, 0, 0]);
    const texts = new Set(Array.from({ length: 400 }, (_, i) => readFileSync(join(dir, `out/f${i}.txt`), 'utf8')));
    // One run's files whole: the last writer's.
    expect(texts.size).toBe(1);
    expect(readdirSync(join(dir, 'out')).filter((name) => name.startsWith('.'))).toStrictEqual([]);
  });
});

describe('a generate killed mid-write changes nothing, once the next command has run', () => {
  let project: TempProject | undefined;
  afterEach(() => project?.remove());

  it.each([1, 9])('killed after %i renames', async (renames) => {
    project = tempProject();
    expect((await runCli(['generate'], project.dir)).code).toBe(0);
    const before = project.snapshot();
    project.write('spec/openapi.yaml', project.read('spec/openapi.yaml').replace('version: 2.3.0', 'version: 9.9.9'));
    const specChanged = project.snapshot();
    const killed = spawnCli(['generate', '--force'], project.dir, {}, { killAfterRenames: renames });
    expect(killed.code).toBe(-1); // killed by SIGKILL: no exit status
    expect(existsSync(join(project.dir, JOURNAL_NAME))).toBe(true);
    const check = await runCli(['check'], project.dir);
    expect(check.code).toBe(1); // recovered to the old output, which is stale for the changed spec
    expect(project.snapshot()).toStrictEqual({ ...before, 'spec/openapi.yaml': specChanged['spec/openapi.yaml'] });
  });
});
