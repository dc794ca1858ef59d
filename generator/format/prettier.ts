import { join } from 'node:path';
import { error } from '../diagnostics/diagnostic.ts';
import { DiagnosticCollector } from '../diagnostics/collector.ts';
import type { PrintedFile } from '../emit/print.ts';
import { prettierConfigSource } from './config-search.ts';
import { formatCache, formatCacheKey } from './format-cache.ts';
import { runFormatJobs } from './format-jobs.ts';
import { configOptions, extension, PARSERS, standaloneSetup, type FormatterSetup } from './formatter.ts';
import { installedVersion } from '../installed-version.ts';
import { toolkitRoot } from '../toolkit.ts';

/**
 * Format stage: prettier, in-process, with the prettier config that applies where the file will
 * be written (the user's, if the project has one). Files prettier has no parser for pass through.
 * With a cache folder, text formatted before (same prettier, config, parser, path and text) is
 * taken from the cache, and prettier is loaded only when something is left to format. `configLoads`
 * says what the project's prettier config loads (plugins and a shared config by installed version,
 * generator/inputs/prettier-inputs.ts): part of the key, so an upgraded plugin formats afresh.
 */
export async function formatFiles(files: readonly PrintedFile[], outDir: string, cacheDir?: string, configLoads: unknown = null): Promise<PrintedFile[]> {
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
      const mode = options ? ['config', config!.path, await options(join(outDir, file.path)), configLoads] : ['standalone', setup];
      return { file, parser, key: formatCacheKey([version, mode, parser, join(outDir, file.path)], file.content) };
    }),
  );
  const cached = await Promise.all(keyed.map(({ key }) => (key ? cache.get(key) : undefined)));
  const todo = keyed.flatMap(({ file, parser, key }, i) => (parser && key && cached[i] === undefined ? [{ file, parser, key }] : []));
  const { outcomes } = todo.length === 0 ? { outcomes: [] } : await runFormatJobs(todo.map(({ file, parser }) => ({ text: file.content, parser, filepath: join(outDir, file.path) })), setup);
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
