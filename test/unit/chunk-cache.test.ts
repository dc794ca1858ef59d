/**
 * The chunks of a large file through the format cache (generator/format/chunk-cache.ts): a chunk
 * formatted before is not formatted again, a file formatted whole is left to the session, a failed
 * chunk is not cached, and the outcomes keep the batch's order. A chunk whose text another file of
 * the run sent (the same `sameAs` key) is not sent again: it takes that chunk's outcome.
 */
import { describe, expect, it } from 'vitest';
import { withChunkCache } from '../../generator/format/chunk-cache.ts';
import type { FormatCache } from '../../generator/format/format-cache.ts';
import type { FormatJob, FormatOutcome } from '../../generator/format/format-jobs.ts';

function memoryCache(): FormatCache & { readonly entries: Map<string, string>; readonly written: string[] } {
  const entries = new Map<string, string>();
  const written: string[] = [];
  return {
    entries,
    written,
    get: (key) => entries.get(key),
    set: async (key, text) => {
      written.push(key);
      entries.set(key, text);
    },
  };
}

/** A prettier stand-in: upper-cases the text; a text holding `!` fails. Records what it was given. */
function fakePrettier(): { run(jobs: readonly FormatJob[]): Promise<FormatOutcome[]>; readonly given: string[][] } {
  const given: string[][] = [];
  return {
    given,
    run: async (jobs) => {
      given.push(jobs.map((job) => job.text));
      return jobs.map((job): FormatOutcome => (job.text.includes('!') ? { error: 'no', cause: 'no' } : { content: job.text.toUpperCase() }));
    },
  };
}

const job = (text: string): FormatJob => ({ text, parser: 'markdown', filepath: 'docs/Big.md' });

describe('chunks through the format cache', () => {
  it('formats only the chunks it has not formatted before, and keeps the batch order', async () => {
    const cache = memoryCache();
    const prettier = fakePrettier();
    const whole = job('whole file');
    const isChunk = (j: FormatJob) => j !== whole;
    // A wrapper per run (each run has its own chunks in flight): what a later run finds, it finds in the cache.
    const cached = (jobs: FormatJob[]) => withChunkCache(prettier.run, cache, (j) => `key:${j.text}`, isChunk)(jobs);

    expect(await cached([job('a'), whole, job('b'), job('c')])).toStrictEqual([{ content: 'A' }, { content: 'WHOLE FILE' }, { content: 'B' }, { content: 'C' }]);
    expect(prettier.given).toStrictEqual([['a', 'whole file', 'b', 'c']]);
    // The file formatted whole is the session's to cache; the chunks are cached here.
    expect([...cache.entries.keys()].sort()).toStrictEqual(['key:a', 'key:b', 'key:c']);

    // The spec changed in one place: one chunk is new.
    expect(await cached([job('a'), job('b2'), job('c'), whole])).toStrictEqual([{ content: 'A' }, { content: 'B2' }, { content: 'C' }, { content: 'WHOLE FILE' }]);
    expect(prettier.given[1]).toStrictEqual(['b2', 'whole file']);

    expect(cache.written).toStrictEqual(['key:a', 'key:b', 'key:c', 'key:b2']);

    // Every chunk known: prettier is not called, and nothing is written again.
    expect(await cached([job('c'), job('a')])).toStrictEqual([{ content: 'C' }, { content: 'A' }]);
    expect(prettier.given).toHaveLength(2);
    expect(cache.written).toHaveLength(4);
  });

  it('does not cache a chunk prettier failed on', async () => {
    const cache = memoryCache();
    const prettier = fakePrettier();
    const cached = withChunkCache(prettier.run, cache, (j) => `key:${j.text}`, () => true);
    expect(await cached([job('ok'), job('bad!')])).toStrictEqual([{ content: 'OK' }, { error: 'no', cause: 'no' }]);
    expect([...cache.entries.keys()]).toStrictEqual(['key:ok']);
  });

  it('sends a chunk the run already sent (in this batch or an earlier one) once, and caches it under each key', async () => {
    const cache = memoryCache();
    const prettier = fakePrettier();
    const inRun = new Map<string, Promise<FormatOutcome>>();
    // Keys name the file, as the session's do; the text alone says whether two chunks are the same.
    const cached = (filepath: string) => withChunkCache(prettier.run, cache, (j) => `${filepath}:${j.text}`, () => true, inRun, (j) => j.text);
    const twin = (text: string): FormatJob => ({ text, parser: 'markdown', filepath: 'docs/Twin.md' });
    // Files formatted whole are the session's: each goes to prettier, even with the same text.
    const whole = withChunkCache(prettier.run, cache, () => 'never', () => false, inRun, () => 'never');
    expect(await whole([job('file'), job('file')])).toStrictEqual([{ content: 'FILE' }, { content: 'FILE' }]);
    expect([prettier.given, cache.written]).toStrictEqual([[['file', 'file']], []]);
    prettier.given.length = 0;

    expect(await cached('docs/Big.md')([job('title'), job('table'), job('table')])).toStrictEqual([{ content: 'TITLE' }, { content: 'TABLE' }, { content: 'TABLE' }]);
    expect(await cached('docs/Twin.md')([twin('twin title'), twin('table')])).toStrictEqual([{ content: 'TWIN TITLE' }, { content: 'TABLE' }]);
    expect(prettier.given).toStrictEqual([['title', 'table'], ['twin title']]);
    expect([...cache.entries.keys()].sort()).toStrictEqual(['docs/Big.md:table', 'docs/Big.md:title', 'docs/Twin.md:table', 'docs/Twin.md:twin title']);
  });

  it('a failed run fails every file waiting for its chunks', async () => {
    const inRun = new Map<string, Promise<FormatOutcome>>();
    let release: () => void = () => undefined;
    const failing = async () => {
      await new Promise<void>((resolve) => (release = resolve));
      throw new Error('the pool closed');
    };
    const first = withChunkCache(failing, memoryCache(), (j) => j.text, () => true, inRun)([job('same')]);
    const second = withChunkCache(async () => [], memoryCache(), (j) => j.text, () => true, inRun)([job('same')]);
    release();
    await expect(first).rejects.toThrow('the pool closed');
    await expect(second).rejects.toThrow('the pool closed');
  });

  it('a run that throws at once, rather than rejecting, fails every file waiting for its chunks too', async () => {
    const inRun = new Map<string, Promise<FormatOutcome>>();
    let throwNow: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (throwNow = resolve));
    const first = withChunkCache(
      (): Promise<FormatOutcome[]> => {
        throw new Error('no worker could start');
      },
      memoryCache(),
      (j) => j.text,
      () => true,
      inRun,
    );
    // The second file's chunk is the first's, still in flight when it asks.
    const started = held.then(() => first([job('same')]));
    const second = withChunkCache(async () => [], memoryCache(), (j) => j.text, () => true, inRun);
    throwNow();
    await expect(started).rejects.toThrow('no worker could start');
    await expect(second([job('same')])).rejects.toThrow('no worker could start');
  });

  it('never shares a chunk whose `sameAs` is undefined (TypeScript: the output depends on the path)', async () => {
    const prettier = fakePrettier();
    const inRun = new Map<string, Promise<FormatOutcome>>();
    const ts = (filepath: string) => withChunkCache(prettier.run, memoryCache(), (j) => `${filepath}:${j.text}`, () => true, inRun, () => undefined);
    expect(await ts('src/a.ts')([job('type A = 1;')])).toStrictEqual([{ content: 'TYPE A = 1;' }]);
    expect(await ts('src/b.tsx')([job('type A = 1;'), job('type A = 1;')])).toStrictEqual([{ content: 'TYPE A = 1;' }, { content: 'TYPE A = 1;' }]);
    expect(prettier.given).toStrictEqual([['type A = 1;'], ['type A = 1;', 'type A = 1;']]);
    expect(inRun.size).toBe(0);
  });
});
