import { join } from 'node:path';
import { error } from '../diagnostics/diagnostic.ts';
import { DiagnosticCollector } from '../diagnostics/collector.ts';
import { message } from '../diagnostics/message.ts';
import type { PrintedFile } from '../emit/print.ts';
import { prettierFull, prettierStandalone } from '../heavy.ts';
import { prettierConfigSource } from './config-search.ts';
import { formatCache, formatCacheKey } from './format-cache.ts';
import { installedVersion } from '../installed-version.ts';
import { toolkitRoot } from '../toolkit.ts';

const PARSERS: Record<string, string> = { ts: 'typescript', mts: 'typescript', cts: 'typescript', js: 'babel', mjs: 'babel', json: 'json', md: 'markdown', yaml: 'yaml', yml: 'yaml', css: 'css' };

/** prettier's standalone build with only the parsers these files need (all of them when a file's needs are unknown). */
function standaloneFor(files: readonly PrintedFile[]): Formatter {
  const needed = files.map(neededParsers);
  return standalone(new Set(needed.flatMap((p) => p ?? [])), needed.includes(undefined));
}

interface Formatter {
  format(text: string, parser: string, filepath: string): Promise<string>;
}

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
  const todo = keyed.filter(({ parser }, i) => parser && cached[i] === undefined).map(({ file }) => file);
  const formatter = todo.length === 0 ? undefined : config ? await configured() : standaloneFor(todo);
  const diagnostics = new DiagnosticCollector();
  const formatted = await Promise.all(
    keyed.map(async ({ file, parser, key }, i) => {
      if (!parser || !key) return file;
      if (cached[i] !== undefined) return { ...file, content: cached[i] };
      try {
        const content = await formatter!.format(file.content, parser, join(outDir, file.path));
        await cache.set(key, content);
        return { ...file, content };
      } catch (cause) {
        diagnostics.add(error('OM600', `prettier could not format ${file.path} (from template "${file.template.template.name}"): ${message(cause)}`, { file: file.template.file }, cause));
        return file;
      }
    }),
  );
  diagnostics.throwIfErrors();
  return formatted;
}

/** The full prettier, resolving the config per file. */
async function configured(): Promise<Formatter> {
  const prettier = await prettierFull();
  return {
    async format(text, parser, filepath) {
      const options = (await prettier.resolveConfig(filepath)) ?? {};
      return prettier.format(text, { ...options, parser, filepath });
    },
  };
}

/** No config anywhere: prettier's defaults, with the standalone build and the parser plugins needed. */
function standalone(parsers: ReadonlySet<string>, allPlugins: boolean): Formatter {
  const { format, plugins } = prettierStandalone(parsers, allPlugins);
  return { format: (text, parser, filepath) => format(text, { parser, filepath, plugins }) };
}

function extension(path: string): string {
  return /\.([^./]+)$/.exec(path)?.[1] ?? '';
}

/** Code fence languages and the parser prettier formats them with (`null`: left as is). */
const FENCES: Record<string, string | null> = { ts: 'typescript', typescript: 'typescript', js: 'babel', javascript: 'babel', mjs: 'babel', cjs: 'babel', json: 'json', '': null, sh: null, bash: null, shell: null, console: null, text: null, txt: null, diff: null };

/**
 * The parsers a file needs: its own, and for markdown those of its code fences (prettier formats
 * fenced code too); `undefined` when a fence is in a language not listed, so every plugin loads.
 */
function neededParsers(file: PrintedFile): string[] | undefined {
  const own = PARSERS[extension(file.path)];
  if (own !== 'markdown') return own ? [own] : [];
  const needed = ['markdown'];
  for (const match of file.content.matchAll(/^ {0,3}(?:`{3,}|~{3,})[ \t]*([^\s`]*)/gm)) {
    const language = match[1]!.toLowerCase();
    if (!(language in FENCES)) return undefined;
    if (FENCES[language]) needed.push(FENCES[language]!);
  }
  return needed;
}
