import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { error } from '../diagnostics/diagnostic.ts';
import { DiagnosticCollector } from '../diagnostics/collector.ts';
import type { PrintedFile } from '../emit/print.ts';
import { prettierConfigSource } from './config-search.ts';
import { formatCache, formatCacheKey, type FormatCache } from './format-cache.ts';
import { withChunkCache } from './chunk-cache.ts';
import { formatChunked } from './chunks.ts';
import { cacheable, formatBatch, formatOne, runFormatJobs, type FormatJob, type FormatOutcome, type FormatPool } from './format-jobs.ts';
import { configOptions, CONFIG_SETUP, fileSetup, parserFor, prettierlessFormatter, type Formatter, type FormatterSetup } from './formatter.ts';
import { formatRecord, type FormatRecord, type PriorOutput } from './prior-output.ts';
import { installedVersion } from '../installed-version.ts';
import { sha256 } from '../hash.ts';
import { toolkitRoot } from '../toolkit.ts';

/**
 * Format stage: prettier, in-process, with the prettier config that applies where the file will
 * be written (the user's, if the project has one). Files prettier has no parser for pass through.
 * With a cache folder, text formatted before (same prettier, config, parser, path and text) is
 * taken from the cache, and prettier is loaded only when something is left to format. With a
 * `pool` (see `startRenderFormatting` in render-pool.ts) the workers format (and the main thread, once every file is in, what waits for them that the rewrites print whole); else the main thread, or workers started
 * here for a large package. (A render hands its files over one by one: `startFormatSession`.)
 *
 * Without a prettier config, the do-not-edit header is not given to prettier: prettier formats
 * the text after it (see `formatsBody`), so the key of a file whose text is the same in every
 * package (the runtime) does not depend on the spec, and the build's format seed answers it.
 */
export function formatFiles(files: readonly PrintedFile[], outDir: string, cacheDir?: string, pool?: FormatPool, configLoads: unknown = null): Promise<PrintedFile[]> {
  const session = startFormatSession(outDir, cacheDir, pool, configLoads);
  for (const file of files) session.add(file);
  return session.done();
}

/**
 * The format stage fed file by file, so that prettier formats on the pool's worker while the main
 * thread still runs templates and prints. `add` looks a file up in the seed and the cache and, on a
 * miss, hands it to the pool at once; `done` (after the last `add`) gives the files formatted, in
 * the order they were added, whatever order the worker finished them in, or one OM600 per file
 * prettier could not format. Without a pool everything waits for `done`, as a batch.
 */
export interface FormatSession {
  add(file: PrintedFile): void;
  done(): Promise<FormattedFile[]>;
  /**
   * Whether the build's format seed holds this TypeScript text (after its header) at this path:
   * then it is one of the toolkit's own runtime files, byte for byte, which prettier's TypeScript
   * parser formatted at build time (it refuses any syntax error) and the toolkit's type check
   * covers, so printing need not parse it again. Always false with a prettier config.
   */
  seeded(path: string, text: string): boolean;
}

/**
 * A file as formatted and, without a prettier config, its record: where prettier's output starts
 * (after the header) and the binding of its text's key to the file's bytes (`formatRecord`). The manifest records them
 * (`formats`), so the next render on a machine without this one's cache takes the output from the
 * file (prior-output.ts).
 * Not with a config: its keys hold the options resolved for the file's absolute path, and the
 * manifest is the same on every machine. `sha256`: of the file's content, for the manifest's
 * `files` (made as the file is formatted: `formattedFile`).
 */
export type FormattedFile = PrintedFile & { readonly format?: FormatRecord; readonly sha256?: string };

/** A file with the job and key for one setup, and what the seed or cache (or the last render's output) had for it. */
interface Prepared {
  readonly file: PrintedFile;
  /** The header left out of the job (`''`: none); prettier's output goes after it. */
  readonly header: string;
  readonly job?: FormatJob;
  /** What formats the job: the project's config, or the plugins this file needs (`fileSetup`). */
  readonly setup?: FormatterSetup;
  readonly key?: string;
  readonly hit?: string;
}

/**
 * `prior`: prettier's output from the last render, by key and file (prior-output.ts), asked after
 * the seed and the cache; only without a prettier config (see `FormattedFile`).
 */
export function startFormatSession(outDir: string, cacheDir?: string, pool?: FormatPool, configLoads: unknown = null, prior?: PriorOutput): FormatSession {
  const config = prettierConfigSource(outDir);
  const cache = formatCache(cacheDir);
  const version = installedVersion('prettier', toolkitRoot);
  let options: Promise<(filepath: string) => Promise<string>> | undefined;
  let seed: ReadonlyMap<string, string> | undefined;
  const lookup = (file: PrintedFile, header: string, job: FormatJob, setup: FormatterSetup, key: string): Prepared => {
    // The seed first: its keys are the cache's, so a hit there saves a read that would miss on a cold run.
    const hit = (seed ??= formatSeed()).get(key) ?? cache.get(key) ?? (config ? undefined : prior?.(key, file.path, header !== ''));
    return { file, header, job, setup, key, ...(hit === undefined ? {} : { hit }) };
  };
  // Synchronous without a config: a file printed in the templates stage's loop reaches the pool before the next template runs.
  const prepare = (file: PrintedFile): Prepared | Promise<Prepared> => {
    const parser = parserFor(file.path);
    if (!parser) return { file, header: '' };
    if (config) {
      // With a config, the options prettier resolves for the file (shared configs and plugins included), read afresh.
      const filepath = join(outDir, file.path);
      const job = { text: file.content, parser, filepath };
      return (options ??= configOptions())
        .then((resolve) => resolve(filepath))
        .then((resolved) => lookup(file, '', job, CONFIG_SETUP, formatCacheKey([version, ['config', config.path, resolved, configLoads], parser, filepath], file.content)));
    }
    // prettier's defaults: the output folder cannot change the result, so the path is the package's.
    const header = formatsBody(file, parser) ? file.header! : '';
    const job = { text: file.content.slice(header.length), parser, filepath: file.path };
    const setup = fileSetup(file);
    return lookup(file, header, job, setup, standaloneKey(version, setup, job));
  };
  // Each file is keyed and formatted with what it needs alone (`fileSetup`), so a file handed over
  // early is final: no other file can change its key. Without a config, a large TypeScript or
  // markdown file goes out in chunks (see chunks.ts), each cached under its own key (chunk-cache.ts).
  // Markdown chunks sent in this run, by `sharedKey`: the same section of two pages is formatted once.
  const inRun = new Map<string, Promise<FormatOutcome>>();
  const inChunks = (jobs: readonly FormatJob[], setup: FormatterSetup, run: (jobs: readonly FormatJob[]) => Promise<FormatOutcome[]>) => {
    if (config) return run(jobs);
    const whole = new Set(jobs);
    const keyOf = (job: FormatJob) => standaloneKey(version, setup, job);
    return formatChunked(jobs, withChunkCache(run, cache, keyOf, (job) => !whole.has(job), inRun, (job) => sharedKey(version, setup, job)));
  };
  const added: PrintedFile[] = [];
  const streamed: Promise<Formatted>[] = [];
  // Each outcome is cached as it comes, while the workers format the next files (`finish` waits for the writes).
  const formatEarly = async (prepared: Prepared): Promise<Formatted> => {
    if (!prepared.job || prepared.hit !== undefined) return prepared;
    const outcome = (await inChunks([prepared.job], prepared.setup!, (jobs) => formatBatch(pool!, jobs, prepared.setup!)))[0]!;
    if (!('content' in outcome)) return { ...prepared, outcome };
    const done = formattedFile(prepared.file, prepared.header, prepared.key, outcome.content, !config);
    // Only the file as formatted is kept until the last one is: not the text printed for it, nor
    // its job's (Stripe's --all printed 15 MB of them), which the heap can then take back.
    return { done, ...(cacheable(outcome) ? { cached: cache.set(prepared.key!, outcome.content) } : {}) };
  };
  return {
    seeded: (path, text) => !config && parserFor(path) === 'typescript' && (seed ??= formatSeed()).has(standaloneKey(version, fileSetup({ path, content: text }), { text, parser: 'typescript', filepath: path })),
    add(file) {
      if (!pool) {
        added.push(file);
        return;
      }
      const prepared = prepare(file);
      const result = 'then' in prepared ? prepared.then(formatEarly) : formatEarly(prepared);
      // Awaited by `done`; a render that fails first leaves these behind (the pool rejects them when closed).
      result.catch(() => undefined);
      streamed.push(result);
    },
    async done() {
      if (pool) {
        // Every file is printed: this thread formats what waits for a worker meanwhile (`assist`).
        const assisting = pool.assist(prettierless());
        // (Awaited below; a file that failed first must not leave it unhandled.)
        assisting.catch(() => undefined);
        const results = await Promise.all(streamed);
        await assisting;
        return finish(results, cache, !config);
      }
      // No pool: everything here, one batch per setup (the main thread, or workers for a large batch).
      const prepared = await Promise.all(added.map((file) => prepare(file)));
      const fresh = new Map<Prepared, FormatOutcome>();
      const groups = new Map<string, Prepared[]>();
      for (const p of prepared) {
        if (!p.job || p.hit !== undefined) continue;
        const key = JSON.stringify(p.setup);
        groups.set(key, [...(groups.get(key) ?? []), p]);
      }
      for (const group of groups.values()) {
        const outcomes = await inChunks(
          group.map((p) => p.job!),
          group[0]!.setup!,
          async (jobs) => (await runFormatJobs(jobs, group[0]!.setup!)).outcomes,
        );
        group.forEach((p, i) => fresh.set(p, outcomes[i]!));
      }
      return finish(
        prepared.map((p) => {
          const outcome = fresh.get(p);
          return outcome ? { ...p, outcome } : p;
        }),
        cache,
        !config,
      );
    },
  };
}

/**
 * Formats a job on this thread with the rewrites alone (formatter.ts `prettierlessFormatter`, one
 * per setup): its outcome when they print it whole, else undefined (a worker formats it); a config
 * setup, or a text they fail on, is left to the workers too.
 */
function prettierless(): (job: FormatJob, setup: FormatterSetup) => Promise<FormatOutcome | undefined> {
  const formatters = new Map<string, Formatter | undefined>();
  return async (job, setup) => {
    const key = JSON.stringify(setup);
    if (!formatters.has(key)) formatters.set(key, prettierlessFormatter(setup));
    const formatter = formatters.get(key);
    if (!formatter) return undefined;
    const outcome = await formatOne(formatter, job);
    return 'rewritten' in outcome ? outcome : undefined;
  };
}

/**
 * A prepared file with prettier's outcome, when prettier formatted it; or the file as formatted,
 * made as a worker's outcome came (`formatEarly`), with the cache's write of that outcome when begun.
 */
type Formatted = (Prepared & { readonly outcome?: FormatOutcome }) | { readonly done: FormattedFile; readonly cached?: Promise<void> };


/**
 * The files as formatted (a file prettier did not take as it was), the fresh outcomes cached; one
 * OM600 per failing file. `record`: each formatted file carries its record (`formatRecord`).
 */
async function finish(results: readonly Formatted[], cache: FormatCache, record: boolean): Promise<FormattedFile[]> {
  const diagnostics = new DiagnosticCollector();
  const formatted = await Promise.all(
    results.map(async (result) => {
      // Made as its outcome came (`formatEarly`), once its cache write is done.
      if ('done' in result) {
        await result.cached;
        return result.done;
      }
      const { file, header, key, hit, outcome } = result;
      let content = hit;
      if (outcome && 'error' in outcome) {
        diagnostics.add(error('OM600', `prettier could not format ${file.path} (from template "${file.template.template.name}"): ${outcome.error}`, { file: file.template.file }, outcome.cause));
      } else if (outcome) {
        content = outcome.content;
        if (cacheable(outcome)) await cache.set(key!, content);
      }
      if (content === undefined) return file;
      return formattedFile(file, header, key, content, record);
    }),
  );
  diagnostics.throwIfErrors();
  return formatted;
}

/**
 * A file with `content` (prettier's output, or what the seed or cache held) after its header, and
 * the sha256 of the whole and, where `record` says, its record (`formatRecord`): for a file a
 * worker formatted, made as its outcome comes (`formatEarly`), while the main thread waits for the
 * others, not after the last one.
 */
function formattedFile(file: PrintedFile, header: string, key: string | undefined, content: string, record: boolean): FormattedFile {
  // A header over nothing ends the file as prettier ends a lone comment.
  const whole = header && content === '' ? `${header.trimEnd()}\n` : `${header}${content}`;
  const hash = sha256(whole);
  return { ...file, content: whole, sha256: hash, ...(record && content !== '' ? { format: formatRecord(key!, hash, header.length) } : {}) };
}

/** The cache key of a text formatted with prettier's standalone build and defaults (the build's seed uses it too). */
export function standaloneKey(version: string | null, setup: FormatterSetup, job: { readonly text: string; readonly parser: string; readonly filepath: string }): string {
  return formatCacheKey([version, ['standalone', setup], job.parser, job.filepath], job.text);
}

/**
 * The key under which a chunk's outcome serves every file of the run with that chunk: for markdown,
 * the standalone key without the file's path (prettier's markdown printer reads the path nowhere;
 * a code fence is formatted by its language, a TypeScript one with a dummy path, and the other
 * plugins' path checks answer alike for every `.md` path). `undefined` for TypeScript, whose
 * output depends on the path (`.tsx`): a chunk of one file is never another's.
 */
export function sharedKey(version: string | null, setup: FormatterSetup, job: FormatJob): string | undefined {
  return job.parser === 'markdown' ? standaloneKey(version, setup, { ...job, filepath: '.md' }) : undefined;
}

/**
 * Whether prettier formats the text after the header instead of the whole file: for TypeScript,
 * JavaScript and markdown, where a leading comment is printed as it stands and separated by the
 * blank line it has, so the result is the bytes prettier gives for the whole file (the tests hold
 * them equal on the default package). Not for markdown whose text would start with front matter
 * (after the header it is none), nor for other languages.
 */
function formatsBody(file: PrintedFile, parser: string): boolean {
  if (!file.header) return false;
  if (parser === 'typescript' || parser === 'babel') return true;
  return parser === 'markdown' && !/^(---|\+\+\+)/.test(file.content.slice(file.header.length));
}

/** Where the build writes the format seed (see `bin/build-format-seed.ts`). */
export const FORMAT_SEED = join(toolkitRoot, 'dist', 'format-seed.json');

/**
 * The build's format seed: prettier's output, keyed like the cache, for the text that is the same
 * in every package from the default templates (the runtime's files), so a cold run does not format
 * it. Empty when there is none (a source checkout before its first build). A key names the
 * prettier version, setup, parser, path and text, so a hit is what prettier would give.
 */
function formatSeed(): ReadonlyMap<string, string> {
  try {
    return new Map(Object.entries(JSON.parse(readFileSync(FORMAT_SEED, 'utf8')) as Record<string, string>));
  } catch {
    return new Map();
  }
}
