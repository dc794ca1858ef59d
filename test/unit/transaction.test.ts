import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { commitWrites, JOURNAL_NAME, recoverWrites } from '../../generator/write/transaction.ts';
import { startStaging, STAGING_PREFIX, type EarlyStaging } from '../../generator/write/staging.ts';
import { runCli, spawnCli } from '../helpers/cli.ts';
import { tempProject, treeHashes, type TempProject } from '../helpers/project.ts';
import { describeNeeding } from '../helpers/required-input.ts';

/** A folder on a file system other than the temporary folder's, when the machine has one. */
const otherFileSystem = ['/dev/shm'].find((path) => statSync(path, { throwIfNoEntry: false })?.dev !== undefined && statSync(path).dev !== statSync(tmpdir()).dev);

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

describe('files staged while the render runs', () => {
  /** A project folder with out/kept.txt and out/same.txt, and staging whose view of out/ arrives when `read` is called. */
  function staging(): { staging: EarlyStaging; read: () => Promise<void> } {
    dir = mkdtempSync(join(tmpdir(), 'om-stage-'));
    mkdirSync(join(dir, 'out'));
    writeFileSync(join(dir, 'out/kept.txt'), 'old');
    writeFileSync(join(dir, 'out/same.txt'), 'same');
    let give: (files: Map<string, string>) => void = () => undefined;
    const current = new Promise<Map<string, string>>((resolve) => (give = resolve));
    const started = startStaging(dir, join(dir, 'out'), current);
    const read = async () => {
      give(new Map([['kept.txt', 'old'], ['same.txt', 'same']]));
      await current;
    };
    return { staging: started, read };
  }
  const stagingFolders = () => readdirSync(dir).filter((name) => name.startsWith(STAGING_PREFIX));
  const texts = (folder: string) => Object.fromEntries(Object.keys(treeHashes(folder)).map((path) => [path, readFileSync(join(folder, path), 'utf8')]));

  it('are linked beside their targets by the commit, which writes the rest; a file the folder holds with the same text is not staged', async () => {
    const { staging: early, read } = staging();
    // Told before the folder was read: staged once it is.
    early.stage('kept.txt', 'new');
    expect(early.staged().size).toBe(0);
    await read();
    early.stage('same.txt', 'same');
    early.stage('a/b/added.txt', 'added');
    early.stage('changed.txt', 'as staged');
    expect([...early.staged().keys()]).toStrictEqual([join(dir, 'out/kept.txt'), join(dir, 'out/a/b/added.txt'), join(dir, 'out/changed.txt')]);
    // Marked, to see which copy reaches the folder: the commit links the staged file, it does not write it again.
    writeFileSync(early.staged().get(join(dir, 'out/kept.txt'))!.stage, 'from the staging folder');
    await commitWrites(
      dir,
      [
        { path: join(dir, 'out/kept.txt'), content: 'new' },
        { path: join(dir, 'out/a/b/added.txt'), content: 'added' },
        // Staged with another text: written now.
        { path: join(dir, 'out/changed.txt'), content: 'as committed' },
        { path: join(dir, 'out/late.txt'), content: 'late' },
      ],
      early.staged(),
    );
    expect(texts(join(dir, 'out'))).toStrictEqual({ 'a/b/added.txt': 'added', 'changed.txt': 'as committed', 'kept.txt': 'from the staging folder', 'late.txt': 'late', 'same.txt': 'same' });
    expect(existsSync(join(dir, JOURNAL_NAME))).toBe(false);
    early.discard();
    expect(stagingFolders()).toStrictEqual([]);
    expect(texts(join(dir, 'out'))['kept.txt']).toBe('from the staging folder');
  });

  it('a path told twice gets two staged files', async () => {
    const { staging: early, read } = staging();
    await read();
    early.stage('a.txt', 'first');
    early.stage('a.txt', 'second');
    early.stage('b.txt', 'b');
    const stages = [...early.staged().values()];
    expect(stages.map(({ stage }) => readFileSync(stage, 'utf8'))).toStrictEqual(['second', 'b']);
  });

  it('once discarded (the render failed), nothing more is staged: neither a file told after nor those waiting for the read', async () => {
    const { staging: early, read } = staging();
    early.stage('waiting.txt', 'w');
    early.discard();
    await read();
    early.stage('late.txt', 'l');
    expect(early.staged().size).toBe(0);
    expect(stagingFolders()).toStrictEqual([]);
  });

  it("of a killed run are removed by the next command, but a live process's", async () => {
    dir = mkdtempSync(join(tmpdir(), 'om-stage-'));
    const gone = spawnSync(process.execPath, ['-e', '0']).pid!;
    for (const pid of [gone, process.pid, process.ppid]) {
      mkdirSync(join(dir, `${STAGING_PREFIX}${pid}-x`));
      writeFileSync(join(dir, `${STAGING_PREFIX}${pid}-x`, '0'), 'staged');
    }
    expect(await recoverWrites(dir)).toBe('none');
    expect(stagingFolders().sort()).toStrictEqual([`${STAGING_PREFIX}${process.pid}-x`, `${STAGING_PREFIX}${process.ppid}-x`].sort());
  });

  describeNeeding(
    { what: 'a second file system at /dev/shm', present: otherFileSystem !== undefined, hint: 'a tmpfs mounted at /dev/shm (Linux has one)' },
    'a folder of the output linked to another file system',
    () => {
      it('gets its file written beside it by the commit, where no link can go', async () => {
        const { staging: early, read } = staging();
        const elsewhere = mkdtempSync(join(otherFileSystem!, 'om-stage-'));
        try {
          symlinkSync(elsewhere, join(dir, 'out/linked'));
          await read();
          early.stage('linked/file.txt', 'text');
          expect(early.staged().size).toBe(1);
          await commitWrites(dir, [{ path: join(dir, 'out/linked/file.txt'), content: 'text' }], early.staged());
          expect(readFileSync(join(elsewhere, 'file.txt'), 'utf8')).toBe('text');
          expect(readdirSync(elsewhere)).toStrictEqual(['file.txt']);
        } finally {
          rmSync(elsewhere, { recursive: true, force: true });
        }
      });
    },
  );
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
