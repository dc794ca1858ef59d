import { join } from 'node:path';
import { error, MorphError, type Diagnostic } from '../diagnostics/diagnostic.ts';
import type { PrintedFile } from '../emit/print.ts';
import { prettierConfigSource } from './config-search.ts';
import { formatCache, formatCacheKey } from './format-cache.ts';
import { runFormatJobs } from './format-jobs.ts';
import { extension, neededParsers, PARSERS, standaloneSetup, type FormatterSetup } from './formatter.ts';
import { installedVersion } from '../installed-version.ts';
import { toolkitRoot } from '../toolkit.ts';

/**
 * Format stage: prettier, in-process, with the prettier config that applies where the file will
 * be written (the user's, if the project has one). Files prettier has no parser for pass through.
 * With a cache folder, text formatted before (same prettier, config, parser, path and text) is
 * taken from the cache, and prettier is loaded only when something is left to format.
 */
export async function formatFiles(files: readonly PrintedFile[], outDir: string, cacheDir?: string): Promise<PrintedFile[]> {
  const config = prettierConfigSource(outDir);
  const cache = formatCache(cacheDir);
  const version = installedVersion('prettier', toolkitRoot);
  const keyed = files.map((file) => {
    const parser = PARSERS[extension(file.path)];
    if (!parser) return { file, parser, key: undefined };
    const mode = config ? ['config', config.path, config.text] : ['standalone', neededParsers(file) ?? 'all'];
    return { file, parser, key: formatCacheKey([version, mode, parser, join(outDir, file.path)], file.content) };
  });
  const cached = await Promise.all(keyed.map(({ key }) => (key ? cache.get(key) : undefined)));
  const todo = keyed.flatMap(({ file, parser, key }, i) => (parser && key && cached[i] === undefined ? [{ file, parser, key }] : []));
  const setup: FormatterSetup = config ? { kind: 'config' } : standaloneSetup(todo.map(({ file }) => file));
  const { outcomes } = todo.length === 0 ? { outcomes: [] } : await runFormatJobs(todo.map(({ file, parser }) => ({ text: file.content, parser, filepath: join(outDir, file.path) })), setup);
  const diagnostics: Diagnostic[] = [];
  const fresh = new Map<string, string>();
  await Promise.all(
    todo.map(async ({ file, key }, i) => {
      const outcome = outcomes[i]!;
      if ('error' in outcome) {
        diagnostics.push(error('OM600', `prettier could not format ${file.path} (from template "${file.template.template.name}"): ${outcome.error}`, { file: file.template.file }, outcome.cause));
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
  if (diagnostics.length > 0) throw new MorphError(diagnostics);
  return formatted;
}
