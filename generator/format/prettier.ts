import { join } from 'node:path';
import { error } from '../diagnostics/diagnostic.ts';
import { DiagnosticCollector } from '../diagnostics/collector.ts';
import type { PrintedFile } from '../emit/print.ts';
import { prettierConfigSource } from './config-search.ts';
import { formatCache, formatCacheKey } from './format-cache.ts';
import { renderPoolSize, runFormatJobs, startFormatPool, type FormatPool } from './format-jobs.ts';
import { configOptions, extension, PARSERS, standaloneSetup, type FormatterSetup } from './formatter.ts';
import { installedVersion } from '../installed-version.ts';
import { toolkitRoot } from '../toolkit.ts';

/**
 * Format stage: prettier, in-process, with the prettier config that applies where the file will
 * be written (the user's, if the project has one). Files prettier has no parser for pass through.
 * With a cache folder, text formatted before (same prettier, config, parser, path and text) is
 * taken from the cache, and prettier is loaded only when something is left to format. With a
 * `pool` (see `startRenderFormatting`) the workers format; else the main thread, or workers started
 * here for a large package.
 */
export async function formatFiles(files: readonly PrintedFile[], outDir: string, cacheDir?: string, pool?: FormatPool): Promise<PrintedFile[]> {
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
      if (!parser) return { file, parser, key: undefined };
      const mode = options ? ['config', config!.path, await options(join(outDir, file.path))] : ['standalone', setup];
      return { file, parser, key: formatCacheKey([version, mode, parser, join(outDir, file.path)], file.content) };
    }),
  );
  const cached = await Promise.all(keyed.map(({ key }) => (key ? cache.get(key) : undefined)));
  const todo = keyed.flatMap(({ file, parser, key }, i) => (parser && key && cached[i] === undefined ? [{ file, parser, key }] : []));
  const jobs = todo.map(({ file, parser }) => ({ text: file.content, parser, filepath: join(outDir, file.path) }));
  const outcomes = jobs.length === 0 ? [] : pool ? await pool.run(jobs, setup) : (await runFormatJobs(jobs, setup)).outcomes;
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
      await cache.set(key, outcome.content);
    }),
  );
  const formatted = keyed.map(({ file }, i) => {
    const content = cached[i] ?? fresh.get(file.path);
    return content === undefined ? file : { ...file, content };
  });
  diagnostics.throwIfErrors();
  return formatted;
}

/**
 * Format workers for a render, started before its files exist (the format stage passes the pool to
 * `formatFiles`): they load prettier while the types and templates stages run, with the setup a
 * render most likely needs (the project's prettier config, or the standalone build with the
 * plugins for TypeScript, JSON and markdown; another setup costs only the plugins it adds).
 * `undefined` when the toolkit runs from its TypeScript sources (no compiled worker).
 */
export function startRenderFormatting(outDir: string): FormatPool | undefined {
  return startFormatPool(prettierConfigSource(outDir) ? { kind: 'config' } : { kind: 'standalone', parsers: ['typescript', 'json', 'markdown'], all: false }, renderPoolSize());
}
