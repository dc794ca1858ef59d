import type { FormatCache } from './format-cache.ts';
import type { FormatJob, FormatOutcome } from './format-jobs.ts';

/**
 * The chunks of a large file (chunks.ts) through the format cache, each under its own key: when a
 * regenerated spec changes one operation, the 3 MB `schema.ts` or the 0.9 MB tag page of GitHub's
 * `--all` changes in one chunk, and only that chunk goes to prettier (formatted whole, such a file
 * took one worker 7-40 s). A chunk's output is prettier's for that text, the same for a hit, so the
 * joined file is what it was. Only the jobs `isChunk` names: a file formatted whole was looked up,
 * and is cached, by the session. A failed chunk is not cached (the file is then formatted whole, as before).
 */
export function withChunkCache(
  run: (jobs: readonly FormatJob[]) => Promise<FormatOutcome[]>,
  cache: FormatCache,
  keyOf: (job: FormatJob) => string,
  isChunk: (job: FormatJob) => boolean,
): (jobs: readonly FormatJob[]) => Promise<FormatOutcome[]> {
  return async (jobs) => {
    const keys = jobs.map((job) => (isChunk(job) ? keyOf(job) : undefined));
    const hits = keys.map((key) => (key === undefined ? undefined : cache.get(key)));
    const missing = jobs.filter((_, i) => hits[i] === undefined);
    const fresh = missing.length > 0 ? await run(missing) : [];
    const writes: Promise<void>[] = [];
    let next = 0;
    const outcomes = jobs.map((_, i): FormatOutcome => {
      const hit = hits[i];
      if (hit !== undefined) return { content: hit };
      const outcome = fresh[next++]!;
      const key = keys[i];
      if (key !== undefined && 'content' in outcome) writes.push(cache.set(key, outcome.content));
      return outcome;
    });
    await Promise.all(writes);
    return outcomes;
  };
}
