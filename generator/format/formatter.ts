import { createRequire } from 'node:module';
import { isAbsolute } from 'node:path';
import type { PrintedFile } from '../emit/print.ts';
import { prettierFull, prettierPluginNames, prettierStandalone } from '../heavy.ts';
import { babelAlike } from './babel-alike.ts';
import { formattedFences, formatWithVerbatimFences, UNFORMATTED_LANGUAGES } from './markdown-fences.ts';
import { formatWithPlainBlocks } from './markdown-blocks.ts';
import { formatWithPlainItems } from './markdown-items.ts';
import { formatWithoutPlainRows } from './markdown-rows.ts';
import { formatWithTypeAliases } from './type-aliases.ts';
import { formatWithTypeMembers } from './type-members.ts';
import { formatWithApiMethods } from './api-methods.ts';
import { printedSkeleton } from './skeleton.ts';
import { formatWithDataElements } from './data-elements.ts';
import { formatWithDocComments } from './doc-comments.ts';
import { printedJson } from './json-code.ts';
import { STRICT_BABEL_TS, strictBabelPlugin } from './strict-babel.ts';

/** prettier, set up once for a batch of files: the user's config, or the standalone build's defaults. */
export interface Formatter {
  format(text: string, parser: string, filepath: string): Promise<string>;
  /** How many texts it has given prettier so far (the standalone setup prints many itself, see `standalone`); absent: every text. */
  readonly prettierCalls?: () => number;
}

/**
 * How to set prettier up, as plain data (a worker thread sets up its own copy from it): the full
 * prettier resolving the project's config per file, or the standalone build with the parser
 * plugins the files need (`all`: every plugin, for markdown fences in a language not listed).
 */
export type FormatterSetup = { readonly kind: 'config' } | { readonly kind: 'standalone'; readonly parsers: readonly string[]; readonly all: boolean };

const PARSERS: Record<string, string> = { ts: 'typescript', mts: 'typescript', cts: 'typescript', js: 'babel', mjs: 'babel', json: 'json', md: 'markdown', yaml: 'yaml', yml: 'yaml', css: 'css' };

/**
 * The files prettier formats as `JSON.stringify` lays them out (its `json-stringify` parser, which
 * it infers from these names): every array and object broken, where its `json` parser joins an
 * array that fits on a line. `prettier --check` in a project reads a package's `package.json` so.
 */
const JSON_STRINGIFY_FILES = new Set(['package.json', 'package-lock.json', 'composer.json']);

/** The parser prettier infers for a file from its path, of those the format stage uses; `undefined`: not formatted. */
export function parserFor(path: string): string | undefined {
  return JSON_STRINGIFY_FILES.has(path.slice(path.lastIndexOf('/') + 1)) ? 'json-stringify' : PARSERS[extension(path)];
}

/**
 * `rewrites: false`: the standalone build gives prettier markdown as it is, all table rows,
 * paragraphs, headings and fences (the tests' reference for prettier's own output; see
 * markdown-rows.ts, markdown-blocks.ts, markdown-fences.ts).
 */
export function createFormatter(setup: FormatterSetup, { rewrites = true }: { rewrites?: boolean } = {}): Promise<Formatter> {
  return setup.kind === 'config' ? configured() : Promise.resolve(standalone(setup.parsers, setup.all, rewrites));
}

/**
 * The standalone setup of one file: a default package's plugins (so a TypeScript file keeps, say,
 * an embedded `markdown` template formatted as before), plus the parsers its own code fences need,
 * sorted; every plugin when a fence's language is unknown. Per file, so that a file's cache key and
 * its output do not depend on the other files of the package: a package with one page in another
 * language formats that page with more plugins, not every file again.
 */
export function fileSetup(file: Pick<PrintedFile, 'path' | 'content'>): FormatterSetup {
  const needed = neededParsers(file);
  return { kind: 'standalone', parsers: [...new Set([...DEFAULT_PARSERS, ...(needed ?? [])])].sort(), all: needed === undefined };
}

/**
 * The standalone setup of a package from the default templates (TypeScript, JSON, package.json,
 * markdown with TypeScript and JSON fences): what a render's format worker loads before the files
 * exist, and what the build's format seed is keyed for (`bin/build-format-seed.ts`).
 */
const DEFAULT_PARSERS = ['json', 'json-stringify', 'markdown', 'typescript'];
export const DEFAULT_PACKAGE_SETUP: FormatterSetup = { kind: 'standalone', parsers: DEFAULT_PARSERS, all: false };

/** The full prettier with the project's config (a render's setup where the output folder has one). */
export const CONFIG_SETUP: FormatterSetup = { kind: 'config' };

/**
 * The options prettier resolves for a file, as JSON (the format cache's key in config mode). Its
 * config cache is cleared first: a long-lived process (`--watch`) must see a config edited since.
 */
export async function configOptions(): Promise<(filepath: string) => Promise<string>> {
  const prettier = await prettierFull();
  await prettier.clearConfigCache();
  return async (filepath) => JSON.stringify((await prettier.resolveConfig(filepath)) ?? {});
}

/**
 * The full prettier, resolving the config per file (its config cache cleared first, as above).
 * Plugins a config names as packages are found from the config file's folder, as for the config
 * itself: prettier would look from the process's working folder, which is not the project's when
 * the toolkit runs in-process with another `cwd` or the config sits in a workspace package.
 */
async function configured(): Promise<Formatter> {
  const prettier = await prettierFull();
  await prettier.clearConfigCache();
  return {
    async format(text, parser, filepath) {
      const options = (await prettier.resolveConfig(filepath)) ?? {};
      const configFile = options.plugins ? await prettier.resolveConfigFile(filepath) : null;
      const plugins = configFile ? options.plugins!.map((plugin) => resolvePlugin(plugin, configFile)) : options.plugins;
      return prettier.format(text, { ...options, ...(plugins ? { plugins } : {}), parser, filepath });
    },
  };
}

/** A plugin named as a package, resolved from `configFile`'s folder; anything else (a path, a plugin object, a package not found there) as given. */
export function resolvePlugin<T>(plugin: T, configFile: string): T | string {
  if (typeof plugin !== 'string' || plugin.startsWith('.') || isAbsolute(plugin)) return plugin;
  try {
    return createRequire(configFile).resolve(plugin);
  } catch {
    return plugin;
  }
}

/**
 * No config anywhere: prettier's defaults, with the standalone build and the parser plugins needed;
 * markdown with the runs of blocks it prints as they are replaced by placeholders
 * (markdown-blocks.ts), then without the other tables' plain rows (markdown-rows.ts), with
 * the fenced code it prints as it is marked as a language it does not format (markdown-fences.ts),
 * and with the runs of plain items of the other lists as placeholder items (markdown-items.ts);
 * TypeScript with the runs of aliases of indexed access types it lays out (type-aliases.ts) and of
 * interface and object type members it prints as they stand (but for their indentation) replaced
 * by placeholders (type-members.ts), the API classes' methods it lays
 * out (api-methods.ts), the validation data's
 * elements it lays out (data-elements.ts), and the middle lines of the JSDoc comments on lines of
 * their own as one placeholder line (doc-comments.ts); what is then left of a text, where it is an
 * API class's skeleton, a `schema.ts` chunk's or the package's exports, printed without prettier
 * (skeleton.ts); any other text parsed by babel (`babel-ts`), else
 * by prettier's `typescript` parser; JSON as `JSON.stringify` writes it laid out as prettier lays it
 * out (json-code.ts), and a package.json so written as it stands (prettier's `json-stringify`
 * parser keeps that layout), without prettier.
 *
 * Why babel: prettier's tests hold that its `babel-ts` parser and its `typescript` parser give the
 * same output (each TypeScript case is formatted with both and compared), and babel parses in about
 * a third of the time: GitHub's 71 TypeScript files formatted in 3.9 s instead of 5.2, byte for
 * byte the same. Where a review found the two differ (a JSDoc type cast, a quoted abstract key, a
 * comment inside a function's head, code prettier's typescript parser refuses), a text that may hold
 * such a thing goes to `typescript` (`babelAlike`, babel-alike.ts): on GitHub's `--all`, only the
 * runtime's files, which the build's format seed holds anyway. Where babel refuses a text (`module A {}`, some syntax only TypeScript reads), the
 * `typescript` parser formats it, and reports the error of a text neither can parse. Every
 * TypeScript file of a render was parsed by TypeScript before (emit/print.ts), so babel sees
 * only text TypeScript reads. A top-level TypeScript fence in markdown goes the same way, its code
 * formatted apart as a file (markdown-fences.ts `formattedFences`), but through a strict babel
 * (strict-babel.ts): prettier leaves code its `typescript` parser refuses as it is, and babel
 * reads some such code (recovered errors, proposals). Fences elsewhere (in a list item) keep
 * prettier's `typescript` parser.
 */
function standalone(parsers: Iterable<string>, allPlugins: boolean, rewrites: boolean): Formatter {
  const { format, plugins: loaded } = prettierStandalone(parsers, allPlugins);
  // A fence's code is not known to parse as TypeScript: babel reads it strictly (strict-babel.ts).
  const strict = strictBabelPlugin(loaded);
  const plugins = strict ? [...loaded, strict] : loaded;
  return rewriting((text, parser, filepath) => format(text, { parser, filepath, plugins }), strict !== undefined, rewrites);
}

/**
 * The standalone setup's rewrites without prettier, for a thread that has not loaded it (the main
 * thread, while it waits for the format workers: format-jobs.ts `FormatPool.assist`): what the
 * rewrites print whole (`prettierCalls` unchanged) is the text a worker would give; a text that
 * needs prettier is refused (its call rejects) and goes to a worker. `undefined` for the config setup.
 */
export function prettierlessFormatter(setup: FormatterSetup): Formatter | undefined {
  if (setup.kind !== 'standalone') return undefined;
  // The strict babel exists where the babel plugin loads (`strictBabelPlugin`): fences are read alike.
  const strict = prettierPluginNames(setup.parsers, setup.all).includes('babel');
  return rewriting(() => Promise.reject(new Error('prettier is not loaded on this thread')), strict, true);
}

/** The standalone formatter around `format` (prettier), counting its calls; `strict`: the plugins include the strict babel (strict-babel.ts). */
function rewriting(format: (text: string, parser: string, filepath: string) => Promise<string>, strict: boolean, rewrites: boolean): Formatter {
  let calls = 0;
  const prettier = (text: string, parser: string, filepath: string) => {
    calls++;
    return format(text, parser, filepath);
  };
  const typescript = (text: string, filepath: string, babel = 'babel-ts') =>
    formatWithTypeAliases(text, (aliases) =>
      formatWithTypeMembers(aliases, (members) =>
        formatWithApiMethods(members, (methods) =>
          formatWithDataElements(methods, (elements) =>
            formatWithDocComments(elements, (sent) => {
              const skeleton = printedSkeleton(sent);
              if (skeleton !== undefined) return Promise.resolve(skeleton);
              return babelAlike(sent) ? prettier(sent, babel, filepath).catch(() => prettier(sent, 'typescript', filepath)) : prettier(sent, 'typescript', filepath);
            }),
          ),
        ),
      ),
    );
  // Its TypeScript fences' code formatted apart first, as a file (markdown-fences.ts), so that the fences are verbatim.
  const markdown = async (text: string, filepath: string) => {
    const printed = strict ? await formattedFences(text, (code) => typescript(code, 'dummy.ts', STRICT_BABEL_TS)) : undefined;
    return formatWithPlainBlocks(
      text,
      (blocks) => formatWithoutPlainRows(blocks, (rows) => formatWithVerbatimFences(rows, (fenced) => formatWithPlainItems(fenced, (sent) => prettier(sent, 'markdown', filepath)), printed)),
      printed,
    );
  };
  // A JSON file as `JSON.stringify(value, null, 2)` writes it (tsconfig.json) as prettier lays it out (json-code.ts).
  const json = (text: string, filepath: string) => {
    const lines = text.endsWith('\n') ? printedJson(text.slice(0, -1)) : undefined;
    return lines ? Promise.resolve(`${lines.join('\n')}\n`) : prettier(text, 'json', filepath);
  };
  // package.json: prettier's `json-stringify` parser lays a text out as `JSON.stringify(value, null, 2)` does, its strings as written.
  const jsonStringify = (text: string, filepath: string) => (stringified(text) ? Promise.resolve(text) : prettier(text, 'json-stringify', filepath));
  return {
    prettierCalls: () => calls,
    format: (text, parser, filepath) => {
      if (rewrites && parser === 'typescript') return typescript(text, filepath);
      if (rewrites && parser === 'json') return json(text, filepath);
      if (rewrites && parser === 'json-stringify') return jsonStringify(text, filepath);
      return rewrites && parser === 'markdown' ? markdown(text, filepath) : prettier(text, parser, filepath);
    },
  };
}

/** Whether a text is `JSON.stringify(value, null, 2)` of what it holds, with a newline after it. */
function stringified(text: string): boolean {
  try {
    return `${JSON.stringify(JSON.parse(text), null, 2)}\n` === text;
  } catch {
    return false;
  }
}

function extension(path: string): string {
  return /\.([^./]+)$/.exec(path)?.[1] ?? '';
}

/**
 * Code fence languages and the parser prettier formats them with (`null`: left as is, by every
 * plugin: a page with a Ruby sample needs no more plugins than one without).
 */
const FENCES: Record<string, string | null> = {
  ts: 'typescript',
  typescript: 'typescript',
  js: 'babel',
  javascript: 'babel',
  mjs: 'babel',
  cjs: 'babel',
  json: 'json',
  ...Object.fromEntries(UNFORMATTED_LANGUAGES.map((language) => [language, null])),
};

/**
 * The parsers a file needs: its own, and for markdown those of its code fences (prettier formats
 * fenced code too); `undefined` when a fence is in a language not listed, so every plugin loads.
 */
export function neededParsers(file: Pick<PrintedFile, 'path' | 'content'>): string[] | undefined {
  const own = parserFor(file.path);
  if (own !== 'markdown') return own ? [own] : [];
  // Front matter: YAML (`---`) is formatted by the yaml plugin; TOML (`+++`) by whatever can.
  if (file.content.startsWith('+++')) return undefined;
  const needed = file.content.startsWith('---') ? ['markdown', 'yaml'] : ['markdown'];
  for (const match of file.content.matchAll(/^ {0,3}(?:`{3,}|~{3,})[ \t]*([^\s`]*)/gm)) {
    const language = match[1]!.toLowerCase();
    if (!(language in FENCES)) return undefined;
    if (FENCES[language]) needed.push(FENCES[language]!);
  }
  return needed;
}
