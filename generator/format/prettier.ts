import { join } from 'node:path';
import { error, MorphError, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { message } from '../diagnostics/message.ts';
import type { PrintedFile } from '../emit/print.ts';
import { prettierFull, prettierStandalone } from '../heavy.ts';
import { hasPrettierConfig } from './config-search.ts';

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
 */
export async function formatFiles(files: readonly PrintedFile[], outDir: string): Promise<PrintedFile[]> {
  const formatter = hasPrettierConfig(outDir) ? await configured() : standaloneFor(files);
  const diagnostics: Diagnostic[] = [];
  const formatted = await Promise.all(
    files.map(async (file) => {
      const parser = PARSERS[extension(file.path)];
      if (!parser) return file;
      try {
        return { ...file, content: await formatter.format(file.content, parser, join(outDir, file.path)) };
      } catch (cause) {
        diagnostics.push(error('OM600', `prettier could not format ${file.path} (from template "${file.template.template.name}"): ${message(cause)}`, { file: file.template.file }, cause));
        return file;
      }
    }),
  );
  if (diagnostics.length > 0) throw new MorphError(diagnostics);
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
