/**
 * Formatting a large package on worker threads gives the bytes the main thread gives, in the
 * order of the jobs, and a file prettier cannot parse fails alone. The compiled module (dist/, which
 * global-setup builds) is loaded, because the worker is the compiled `format-worker.js`.
 */
import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/cli.ts';
import type * as FormatJobs from '../../generator/format/format-jobs.ts';
import type * as Formatter from '../../generator/format/formatter.ts';
import type * as WarmUp from '../../generator/format/warm-up.ts';
import type * as Prettier from '../../generator/format/prettier.ts';
import type { PrintedFile } from '../../generator/emit/print.ts';

const { formatBatch, renderPoolWorkers, runFormatJobs, startFormatPool } = (await import(`${repoRoot}dist/generator/format/format-jobs.js`)) as typeof FormatJobs;
const { WARM_UP_SAMPLES } = (await import(`${repoRoot}dist/generator/format/warm-up.js`)) as typeof WarmUp;
const { createFormatter, DEFAULT_PACKAGE_SETUP, prettierlessFormatter } = (await import(`${repoRoot}dist/generator/format/formatter.js`)) as typeof Formatter;
const { formatOne } = (await import(`${repoRoot}dist/generator/format/format-jobs.js`)) as typeof FormatJobs;
const { formatFiles, startFormatSession } = (await import(`${repoRoot}dist/generator/format/prettier.js`)) as typeof Prettier;

const jobs = [
  { text: 'export const a = {b:1,\n c:[1,2,3]}', parser: 'typescript', filepath: '/out/src/a.ts' },
  { text: '# Title\nSome ~text~\n\n| a | b |\n|-|-|\n| long cell | x |\n\n```ts\nconst x = {y:1}\n```\n', parser: 'markdown', filepath: '/out/docs/A.md' },
  { text: 'export const broken = {', parser: 'typescript', filepath: '/out/src/broken.ts' },
  { text: '{"b":[1,2],"a":{}}', parser: 'json', filepath: '/out/package.json' },
  ...Array.from({ length: 6 }, (_, i) => ({ text: `export function f${i}(x:number){return x*${i}}`, parser: 'typescript', filepath: `/out/src/f${i}.ts` })),
];
const setup = { kind: 'standalone', parsers: ['typescript', 'markdown', 'json'], all: false } as const;

describe('runFormatJobs', () => {
  it('says of an outcome the formatter printed without prettier that it did, on a worker as on the main thread', async () => {
    const mixed = [
      { text: '{\n  "a": [\n    1\n  ]\n}\n', parser: 'json', filepath: 'tsconfig.json' },
      { text: 'export const a = {b:1}', parser: 'typescript', filepath: 'src/a.ts' },
      { text: '# Title\n\nSome text.\n', parser: 'markdown', filepath: 'docs/A.md' },
      { text: '# Title\n\nSome ~text~.\n', parser: 'markdown', filepath: 'docs/B.md' },
    ];
    const expected = [
      { content: '{\n  "a": [1]\n}\n', rewritten: true },
      { content: 'export const a = { b: 1 };\n' },
      { content: '# Title\n\nSome text.\n', rewritten: true },
      { content: '# Title\n\nSome ~text~.\n' },
    ];
    expect((await runFormatJobs(mixed, setup)).outcomes).toStrictEqual(expected);
    expect((await runFormatJobs(mixed, setup, { parallelChars: 0, workers: 2 })).outcomes).toStrictEqual(expected);
  });

  it('formats on two workers exactly as on the main thread', async () => {
    const inThread = await runFormatJobs(jobs, setup);
    const threaded = await runFormatJobs(jobs, setup, { parallelChars: 0, workers: 2 });
    expect(inThread.workers).toBe(0);
    expect(threaded.workers).toBe(2);
    const contents = (outcomes: readonly FormatJobs.FormatOutcome[]) => outcomes.map((o) => ('content' in o ? o.content : `error: ${o.error.split('\n')[0]}`));
    expect(contents(threaded.outcomes)).toStrictEqual(contents(inThread.outcomes));
    expect(contents(inThread.outcomes)[0]).toBe('export const a = { b: 1, c: [1, 2, 3] };\n');
    expect(contents(inThread.outcomes)[2]).toMatch(/^error: '}' expected/);
    expect(contents(inThread.outcomes)[9]).toBe('export function f5(x: number) {\n  return x * 5;\n}\n');
  });

  it('a pool started before the files exist formats with the setup the batch names, as the main thread does', async () => {
    // Warmed for TypeScript only: the batch needs markdown and JSON too, which the worker adds.
    const pool = startFormatPool({ kind: 'standalone', parsers: ['typescript'], all: false }, 1);
    expect(pool, 'the compiled worker exists').toBeDefined();
    try {
      const pooled = await formatBatch(pool!, jobs, setup);
      const inThread = await runFormatJobs(jobs, setup);
      const contents = (outcomes: readonly FormatJobs.FormatOutcome[]) => outcomes.map((o) => ('content' in o ? o.content : `error: ${o.error.split('\n')[0]}`));
      expect(contents(pooled)).toStrictEqual(contents(inThread.outcomes));
      expect(contents(pooled)[1]).toContain('| long cell | x   |');
      expect(await formatBatch(pool!, [], setup)).toStrictEqual([]);
    } finally {
      pool!.close();
    }
  });

  it('a worker\'s count of the text it has formatted reaches the main thread while it is busy (no answer taken)', async () => {
    const pool = startFormatPool({ kind: 'standalone', parsers: ['typescript'], all: false }, 1);
    expect(pool, 'the compiled worker exists').toBeDefined();
    try {
      // Ready: prettier loaded and set up.
      await formatBatch(pool!, [jobs[3]!], setup);
      expect(pool!.waiting()).toStrictEqual([0]);
      const job = { text: 'export const a=1', parser: 'typescript', filepath: '/out/src/a.ts' };
      const answer = pool!.format(job, setup);
      expect(pool!.waiting()).toStrictEqual([job.text.length]);
      // The main thread blocked (as a render's templates stage keeps it): the worker's answer waits
      // in the queue, its count does not.
      const sleep = new Int32Array(new SharedArrayBuffer(4));
      const until = Date.now() + 20_000;
      while (pool!.waiting()[0] !== 0 && Date.now() < until) Atomics.wait(sleep, 0, 0, 10);
      expect(pool!.waiting()).toStrictEqual([0]);
      expect(await answer).toStrictEqual({ content: 'export const a = 1;\n' });
    } finally {
      pool!.close();
    }
  });

  it('a pool grows for a large package to one worker for each core beside the main thread\'s, at most 4', async () => {
    expect([1, 2, 3, 4, 8, 64].map((cores) => renderPoolWorkers(cores))).toStrictEqual([0, 1, 2, 3, 4, 4]);
    expect(renderPoolWorkers()).toBe(Math.min(availableParallelism() - 1, 4));
    const pool = startFormatPool({ kind: 'standalone', parsers: ['markdown'], all: false }, 1)!;
    // Past PARALLEL_CHARS (2 MB) posted, in two jobs or more: the pool adds workers then.
    const large = (i: number) => ({ text: `# Page ${i}\n\n${'Some text.\n'.repeat(110_000)}`, parser: 'markdown', filepath: `/out/docs/P${i}.md` });
    // (As many jobs as workers at least: the pool starts no more workers than it has jobs.)
    const outcomes = Array.from({ length: Math.max(2, renderPoolWorkers()) }, (_, i) => pool.format(large(i + 1), setup));
    expect(pool.waiting()).toHaveLength(Math.max(1, renderPoolWorkers()));
    pool.close();
    await Promise.allSettled(outcomes);
  });

  it("a render's pool warms up on samples that prettier formats (one for each parser of a default package), and formats as an unwarmed one", async () => {
    // json-stringify has none: a package.json as JSON.stringify writes it does not go to prettier (formatter.ts).
    const samples = DEFAULT_PACKAGE_SETUP.kind === 'standalone' ? DEFAULT_PACKAGE_SETUP.parsers.flatMap((parser) => (WARM_UP_SAMPLES[parser] ? [{ ...WARM_UP_SAMPLES[parser], parser }] : [])) : [];
    expect(samples.map((sample) => sample.parser)).toStrictEqual(['json', 'markdown', 'typescript']);
    expect(DEFAULT_PACKAGE_SETUP.kind === 'standalone' && DEFAULT_PACKAGE_SETUP.parsers).toStrictEqual(['json', 'json-stringify', 'markdown', 'typescript']);
    // Each sample is left unformatted on purpose: prettier has work to do on it.
    const { outcomes } = await runFormatJobs(samples, DEFAULT_PACKAGE_SETUP);
    outcomes.forEach((outcome, i) => {
      expect(outcome).toHaveProperty('content');
      expect((outcome as { content: string }).content).not.toBe(samples[i]!.text);
    });
    const pool = startFormatPool(DEFAULT_PACKAGE_SETUP, 1, true);
    try {
      // Posted at once, while the worker is still loading prettier and warming up: they wait their turn.
      const pooled = await formatBatch(pool!, jobs, setup);
      const inThread = await runFormatJobs(jobs, setup);
      const contents = (outcomes: readonly FormatJobs.FormatOutcome[]) => outcomes.map((o) => ('content' in o ? o.content : `error: ${o.error.split('\n')[0]}`));
      expect(contents(pooled)).toStrictEqual(contents(inThread.outcomes));
    } finally {
      pool!.close();
    }
  });
  it('the main thread formats, while it waits, the jobs no worker was given yet, smallest first; a job it leaves goes to a worker', async () => {
    const pool = startFormatPool({ kind: 'standalone', parsers: ['markdown'], all: false }, 1)!;
    // 2,000,000 characters go to the worker at once (WORKER_BUDGET); the rest wait in the pool.
    const page = (i: number, size: number) => ({ text: `# Page ${i}\n\n${'Some text.\n'.repeat(size)}`, parser: 'markdown', filepath: `/out/docs/P${i}.md` });
    // One large page a worker: the pool grows to `renderPoolWorkers()` past 2 MB posted (PARALLEL_CHARS).
    const large = Array.from({ length: Math.max(1, renderPoolWorkers()) }, (_, k) => page(10 + k, 190_000));
    const batch = [...large, page(2, 1_000), page(3, 100), page(4, 2_000), page(5, 10)];
    try {
      const other = { kind: 'standalone', parsers: ['markdown', 'yaml'], all: false } as const;
      // Only jobs of a setup a worker has formatted with (prettier set up for it there): none yet.
      const early = pool.format(page(0, 10), setup);
      await pool.assist(async () => {
        throw new Error('no job of a setup no worker has formatted with');
      });
      await early;
      const outcomes = [...batch.map((job) => pool.format(job, setup)), pool.format(page(6, 5), other)];
      const taken: string[] = [];
      await pool.assist(async (job) => {
        taken.push(job.filepath);
        // Page 4 left to a worker, page 3 failed on (left too); the others answered here.
        if (job.filepath.endsWith('P3.md')) throw new Error('failed here');
        return job.filepath.endsWith('P4.md') ? undefined : { content: `here: ${job.filepath}`, rewritten: true };
      });
      expect(taken).toStrictEqual(['/out/docs/P5.md', '/out/docs/P3.md', '/out/docs/P2.md', '/out/docs/P4.md']);
      const answers = await Promise.all(outcomes);
      expect(answers.map((o) => ('content' in o ? o.content.split('\n')[0] : o.error))).toStrictEqual([...large.map((_, k) => `# Page ${10 + k}`), 'here: /out/docs/P2.md', '# Page 3', '# Page 4', 'here: /out/docs/P5.md', '# Page 6']);
      // Nothing waits now: nothing more to take.
      await pool.assist(async () => {
        throw new Error('no job should be left');
      });
    } finally {
      pool.close();
    }
  });

  it('the main thread helps also when it has taken none of the answers yet (a render\'s templates stage blocks it meanwhile)', async () => {
    const pool = startFormatPool({ kind: 'standalone', parsers: ['markdown'], all: false }, 1)!;
    const page = (i: number, size: number) => ({ text: `# Page ${i}\n\n${'Some text.\n'.repeat(size)}`, parser: 'markdown', filepath: `/out/docs/P${i}.md` });
    try {
      const early = pool.format(page(0, 10), setup);
      // Blocked until the worker has answered (its count says so), its answer not taken.
      const sleep = new Int32Array(new SharedArrayBuffer(4));
      const until = Date.now() + 20_000;
      while (pool.waiting()[0] !== 0 && Date.now() < until) Atomics.wait(sleep, 0, 0, 10);
      // One large page a worker (the pool grows past 2 MB posted), then a small one that waits.
      const large = Array.from({ length: Math.max(1, renderPoolWorkers()) }, (_, k) => page(10 + k, 190_000));
      const outcomes = [...large.map((job) => pool.format(job, setup)), pool.format(page(2, 100), setup)];
      const taken: string[] = [];
      await pool.assist(async (job) => {
        taken.push(job.filepath);
        return { content: 'here', rewritten: true };
      });
      expect(taken).toStrictEqual(['/out/docs/P2.md']);
      expect((await early) as { content: string }).toHaveProperty('content');
      expect(((await Promise.all(outcomes)) as { content: string }[]).map((o) => o.content.split('\n')[0])).toStrictEqual([...large.map((_, k) => `# Page ${10 + k}`), 'here']);
    } finally {
      pool.close();
    }
  });

  it("the rewrites without prettier give what the worker's formatter gives for a text they print whole, and refuse one that needs prettier", async () => {
    const markdown = { kind: 'standalone', parsers: ['markdown', 'typescript'], all: false } as const;
    const prettierless = prettierlessFormatter(markdown)!;
    const full = await createFormatter(markdown);
    const whole = [
      { text: '# Title\n\nSome text.\n', parser: 'markdown', filepath: 'docs/A.md' },
      // A TypeScript fence the rewrites print (through the strict babel's place, as with prettier loaded).
      { text: '# Title\n\n```ts\nexport type A = B;\n```\n', parser: 'markdown', filepath: 'docs/B.md' },
      { text: 'export interface components {\n    schemas: {\n        A: string;\n        b?: number | null;\n    };\n}\n', parser: 'typescript', filepath: 'src/schema.ts' },
    ];
    for (const job of whole) {
      const mine = await formatOne(prettierless, job);
      expect(mine).toStrictEqual(await formatOne(full, job));
      expect(mine).toHaveProperty('rewritten', true);
    }
    const needsPrettier = { text: '# Title\n\nSome ~text~.\n', parser: 'markdown', filepath: 'docs/C.md' };
    expect(await formatOne(full, needsPrettier)).toStrictEqual({ content: '# Title\n\nSome ~text~.\n' });
    expect(await formatOne(prettierless, needsPrettier)).not.toHaveProperty('content');
    expect(prettierless.prettierCalls!()).toBeGreaterThan(0);
    expect(prettierlessFormatter({ kind: 'config' })).toBeUndefined();
  });

  it("a render's session, once every file is in, formats on the main thread what waits that the rewrites print whole: the files are those of the batch", async () => {
    const pool = startFormatPool({ kind: 'standalone', parsers: ['markdown'], all: false }, 1)!;
    const template = { template: { name: 't' }, file: 't.ts' } as unknown as PrintedFile['template'];
    // 3 MB of pages a worker (more than the workers are given at once), most of them printed whole by the rewrites, two not.
    const files: PrintedFile[] = Array.from({ length: 60 }, (_, i) => ({
      path: `docs/P${i}.md`,
      content: `# Page ${i}\n\n${i % 30 === 7 ? 'Some ~text~.\n\n' : ''}${'Some text, [a link](https://example.com).\n\n'.repeat((1_000 + 20 * i) * Math.max(1, renderPoolWorkers()))}`,
      template,
    }));
    let here = 0;
    const assist = pool.assist.bind(pool);
    pool.assist = (local) => assist(async (job, setup) => {
      const outcome = await local(job, setup);
      if (outcome) here++;
      return outcome;
    });
    try {
      // The worker has formatted with the files' setup (as a render's has by the end of its templates).
      await formatBatch(pool, [{ text: '# A\n', parser: 'markdown', filepath: 'docs/A.md' }], DEFAULT_PACKAGE_SETUP);
      const session = startFormatSession('/out', undefined, pool);
      for (const file of files) session.add(file);
      const formatted = await session.done();
      expect(here).toBeGreaterThan(0);
      expect(formatted.map((file) => file.content)).toStrictEqual((await formatFiles(files, '/out')).map((file) => file.content));
    } finally {
      pool.close();
    }
  });
});
