import type { FormatCache } from './format-cache.ts';
import { cacheable, type FormatJob, type FormatOutcome } from './format-jobs.ts';

/**
 * The chunks of a file (chunks.ts) through the format cache, each under its own key: when a
 * regenerated spec changes one operation, the 3 MB `schema.ts` or the 0.9 MB tag page of GitHub's
 * `--all` changes in one chunk, and only that chunk goes to prettier (formatted whole, such a file
 * took one worker 7-40 s). A chunk's output is prettier's for that text, the same for a hit, so the
 * joined file is what it was. Only the jobs `isChunk` names: a file formatted whole was looked up,
 * and is cached, by the session. A failed chunk is not cached (the file is then formatted whole, as
 * before), nor one the formatter printed without prettier (`rewritten`: printing it again is as cheap).
 *
 * A chunk missing from the cache whose `sameAs` key is in `inRun` (the same text, parser and setup,
 * sent by another file of the run or earlier in this batch) is not sent again: it takes that
 * chunk's outcome. A chunk without one (`undefined`) is never shared. A schema and its `nullable-` twin (GitHub's `repository` and
 * `nullable-repository`) have pages whose sections are the same 40 KB of markdown.
 */
export function withChunkCache(
  run: (jobs: readonly FormatJob[]) => Promise<FormatOutcome[]>,
  cache: FormatCache,
  keyOf: (job: FormatJob) => string,
  isChunk: (job: FormatJob) => boolean,
  inRun: Map<string, Promise<FormatOutcome>> = new Map(),
  sameAs: (job: FormatJob) => string | undefined = keyOf,
): (jobs: readonly FormatJob[]) => Promise<FormatOutcome[]> {
  return async (jobs) => {
    const keys = jobs.map((job) => (isChunk(job) ? keyOf(job) : undefined));
    const sent: number[] = [];
    const settle: ((outcomes: readonly FormatOutcome[] | Error) => void)[] = [];
    const send = (i: number) => {
      const at = sent.push(i) - 1;
      return new Promise<FormatOutcome>((resolve, reject) => settle.push((all) => (all instanceof Error ? reject(all) : resolve(all[at]!))));
    };
    const fresh = new Set<number>();
    const outcomes = jobs.map((job, i): FormatOutcome | Promise<FormatOutcome> => {
      const key = keys[i];
      // A file formatted whole: the session's to look up and cache.
      if (key === undefined) return send(i);
      const hit = cache.get(key);
      if (hit !== undefined) return { content: hit };
      fresh.add(i);
      const same = sameAs(job);
      if (same === undefined) return send(i);
      const earlier = inRun.get(same);
      if (earlier) return earlier;
      const outcome = send(i);
      inRun.set(same, outcome);
      return outcome;
    });
    if (sent.length > 0) {
      // Called at once (a file printed in the templates stage's loop reaches the pool before the next
      // template runs); a `run` that throws rather than rejects fails these chunks too, since another
      // file may be waiting for them.
      let answer: Promise<FormatOutcome[]>;
      try {
        answer = run(sent.map((i) => jobs[i]!));
      } catch (cause) {
        answer = Promise.reject(cause);
      }
      const answered = await answer.catch((cause: unknown) => (cause instanceof Error ? cause : new Error(String(cause))));
      for (const done of settle) done(answered);
    }
    const results = await Promise.all(outcomes);
    await Promise.all(results.map((outcome, i) => (fresh.has(i) && cacheable(outcome) ? cache.set(keys[i]!, outcome.content) : undefined)));
    return results;
  };
}
