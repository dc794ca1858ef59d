import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { error } from '../diagnostics/diagnostic.ts';
import { DiagnosticCollector } from '../diagnostics/collector.ts';
import type { PrintedFile } from '../emit/print.ts';
import { prettierConfigSource } from './config-search.ts';
import { formatCache, formatCacheKey } from './format-cache.ts';
import { formatChunked } from './chunks.ts';
import { renderPoolSize, runFormatJobs, startFormatPool, type FormatJob, type FormatPool } from './format-jobs.ts';
import { configOptions, DEFAULT_PACKAGE_SETUP, extension, PARSERS, standaloneSetup, type FormatterSetup } from './formatter.ts';
import { installedVersion } from '../installed-version.ts';
import { toolkitRoot } from '../toolkit.ts';

/**
 * Format stage: prettier, in-process, with the prettier config that applies where the file will
 * be written (the user's, if the project has one). Files prettier has no parser for pass through.
 * With a cache folder, text formatted before (same prettier, config, parser, path and text) is
 * taken from the cache, and prettier is loaded only when something is left to format. With a
 * `pool` (see `startRenderFormatting`) the workers format; else the main thread, or workers started
 * here for a large package.
 *
 * Without a prettier config, the do-not-edit header is not given to prettier: prettier formats
 * the text after it (see `formatsBody`), so the key of a file whose text is the same in every
 * package (the runtime) does not depend on the spec, and the build's format seed answers it.
 */
export async function formatFiles(files: readonly PrintedFile[], outDir: string, cacheDir?: string, pool?: FormatPool, configLoads: unknown = null): Promise<PrintedFile[]> {
  const config = prettierConfigSource(outDir);
  const cache = formatCache(cacheDir);
  const version = installedVersion('prettier', toolkitRoot);
  // One plugin set for the run, named in every key: a plugin can change another language's output
  // (front matter, embedded code), so a key must say what formatted the text. With a config, the
  // options prettier resolves for the file (shared configs and plugins included), read afresh.
  const setup: FormatterSetup = config ? { kind: 'config' } : standaloneSetup(files.filter((file) => PARSERS[extension(file.path)]));
  const options = config ? await configOptions() : undefined;
  const keyed = await Promise.all(
    files.map(async (file) => {
      const parser = PARSERS[extension(file.path)];
      if (!parser) return { file, parser, key: undefined, job: undefined };
      if (options) {
        const filepath = join(outDir, file.path);
        const job = { text: file.content, parser, filepath };
        return { file, parser, job, key: formatCacheKey([version, ['config', config!.path, await options(filepath), configLoads], parser, filepath], file.content), header: '' };
      }
      // prettier's defaults: the output folder cannot change the result, so the path is the package's.
      const header = formatsBody(file, parser) ? file.header! : '';
      const job = { text: file.content.slice(header.length), parser, filepath: file.path };
      return { file, parser, job, key: standaloneKey(version, setup, job), header };
    }),
  );
  const seed = keyed.some(({ key }) => key) ? formatSeed() : undefined;
  // The seed first: its keys are the cache's, so a hit there saves a read that would miss on a cold run.
  const cached = await Promise.all(keyed.map(async ({ key }) => (key ? (seed?.get(key) ?? (await cache.get(key))) : undefined)));
  const todo = keyed.flatMap(({ file, key, job, header }, i) => (job && key && cached[i] === undefined ? [{ file, key, job, header }] : []));
  const jobs = todo.map(({ job }) => job);
  const run = async (batch: readonly FormatJob[]) => (pool ? pool.run(batch, setup) : (await runFormatJobs(batch, setup)).outcomes);
  // Large TypeScript files in chunks, without a config only (see chunks.ts).
  const outcomes = jobs.length === 0 ? [] : options ? await run(jobs) : await formatChunked(jobs, run);
  const diagnostics = new DiagnosticCollector();
  const fresh = new Map<string, string>();
  await Promise.all(
    todo.map(async ({ file, key }, i) => {
      const outcome = outcomes[i]!;
      if ('error' in outcome) {
        diagnostics.add(error('OM600', `prettier could not format ${file.path} (from template "${file.template.template.name}"): ${outcome.error}`, { file: file.template.file }, outcome.cause));
        return;
      }
      fresh.set(file.path, outcome.content);
      await cache.set(key!, outcome.content);
    }),
  );
  const formatted = keyed.map(({ file, header }, i) => {
    const content = cached[i] ?? fresh.get(file.path);
    if (content === undefined) return file;
    // A header over nothing ends the file as prettier ends a lone comment.
    return { ...file, content: header && content === '' ? `${header.trimEnd()}\n` : `${header ?? ''}${content}` };
  });
  diagnostics.throwIfErrors();
  return formatted;
}

/** The cache key of a text formatted with prettier's standalone build and defaults (the build's seed uses it too). */
export function standaloneKey(version: string | null, setup: FormatterSetup, job: { readonly text: string; readonly parser: string; readonly filepath: string }): string {
  return formatCacheKey([version, ['standalone', setup], job.parser, job.filepath], job.text);
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

/**
 * Format workers for a render, started before its files exist (the format stage passes the pool to
 * `formatFiles`): they load prettier while the types and templates stages run, with the setup a
 * render most likely needs (the project's prettier config, or the standalone build with the
 * plugins of a default package; another setup costs only the plugins it adds).
 * `undefined` when the toolkit runs from its TypeScript sources (no compiled worker).
 */
export function startRenderFormatting(outDir: string): FormatPool | undefined {
  return startFormatPool(prettierConfigSource(outDir) ? { kind: 'config' } : DEFAULT_PACKAGE_SETUP, renderPoolSize());
}
