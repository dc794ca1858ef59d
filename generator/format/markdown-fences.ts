import { cuttableMarkdown, markdownLines, type MarkdownLine } from './markdown-chunks.ts';
import { printedProgram } from './example-code.ts';
import { printedJson } from './json-code.ts';
import { formatRewritten } from './rewrite.ts';

/**
 * Fenced code that prettier prints as it is, sent to it as a language it does not format, and the
 * fence's language put back into its output. Prettier formats a fence's code with the parser of its
 * language, and prints a fence in a language it has no parser for as it is; so does it when the
 * parser fails, or when the code is already as it would print it. Either way it costs a parse.
 *
 * These are known without asking prettier (`verbatim`):
 * - A method's signature, as the docs pages show it (`reposGet(owner: string, options?:
 *   RequestOptions): ApiPromise<FullRepository>`) under `ts` or `typescript`: one line, an
 *   identifier and `(`, then `):` or a parameter's name and `:` or `?:`, and no `=>` anywhere.
 *   Without `=>` there is no arrow function, so the parenthesis opens a call's arguments, a
 *   condition, or an expression in parentheses, where neither a name followed by `:` nor `): ` can
 *   stand; whatever the identifier is (a keyword too), TypeScript's parser reports an error, and
 *   prettier's typescript parser fails on any.
 * - An example program under `ts` or `typescript` whose every statement prettier prints as it stands
 *   or as `printedProgram` breaks it (example-code.ts): the docs pages' and README's usage
 *   examples. The fence then holds prettier's lines for the code (`verbatim`).
 * - JSON under `json` as `JSON.stringify(value, null, 2)` prints it (the docs pages' examples),
 *   which the fence then holds as prettier lays it out (`printedJson`, json-code.ts): objects as
 *   they are, arrays on one line where they fit.
 * - Code under a language prettier has no parser for (`UNFORMATTED_LANGUAGES`: `sh`, `text`,
 *   `diff`, `ruby`, `python`, none, ...): as it is, where no line ends in a space or a tab (see
 *   `unformatted`).
 *
 * Only with prettier's defaults (the standalone setup), in a document `cuttableMarkdown` accepts, for
 * a fence of three backticks that opens a top-level block and whose language is exactly one of those.
 * The output must hold exactly the marks sent, each a fence's whole opening line; otherwise, or
 * when prettier fails, the text is formatted as it is.
 *
 * Measured on GitHub's `--all`: its 1,223 signatures were about a sixth of prettier's time on the
 * markdown once plain table rows were left out (markdown-rows.ts), and 532 of its 617 JSON
 * examples (the models' pages) are verbatim.
 */
export function formatWithVerbatimFences(text: string, format: (text: string) => Promise<string>, printed?: PrintedFences): Promise<string> {
  return formatRewritten(text, (sent) => markVerbatimFences(sent, printed), unmarkFences, format);
}

/**
 * The code of TypeScript fences as prettier prints it, by the code as written: what
 * `formattedFences` formatted apart. A fence holding such code is verbatim too.
 */
export type PrintedFences = ReadonlyMap<string, readonly string[]>;

/**
 * The TypeScript fences of `text` that `verbatim` does not know (the README's examples with
 * `try`, arrow functions, destructuring), each one's code formatted apart by `formatCode` (the
 * standalone formatter's TypeScript path: a strict babel where `babelAlike` allows, else
 * prettier's `typescript` parser). Prettier formats such a fence's code with its `typescript` parser
 * (filepath `dummy.ts`) at the first column, as a file, and puts the lines it prints between the
 * fence's lines; a fence whose code it cannot parse stays as it is. So a code `formatCode`
 * fails on is left out (prettier then gets that fence, and leaves it or formats it as it would),
 * as is one whose output has a line ending in a space or a tab (a template literal's: a verbatim
 * fence loses those) or three backticks, or no line.
 *
 * Why: prettier's `typescript` plugin (900 KB) loads for the first such fence, and a small
 * package's README was the only text that needed it, on the format worker's critical path
 * (README, "TypeScript fences apart").
 * `formatCode` must fail where prettier's `typescript` parser does: babel reads some code it
 * refuses (formatter.ts gives it a strict babel, strict-babel.ts).
 */
export async function formattedFences(text: string, formatCode: (code: string) => Promise<string>): Promise<PrintedFences> {
  const printed = new Map<string, readonly string[]>();
  // (`ts` and `typescript` both start so.)
  if (!text.includes('```ts') || text.includes(MARK) || !cuttableMarkdown(text)) return printed;
  const lines = [...markdownLines(text)];
  for (let i = 0; i < lines.length; i++) {
    const fence = fenceAt(lines, i);
    if (!fence) continue;
    i = fence.close;
    const code = fence.code.join('\n');
    if (!TYPESCRIPT.test(fence.language) || printed.has(code) || verbatim(fence.language, fence.code)) continue;
    const output = await formatCode(`${code}\n`).catch(() => undefined);
    const formatted = output?.endsWith('\n') ? output.slice(0, -1).split('\n') : undefined;
    if (formatted && unformatted(formatted) && !formatted.some((line) => line.includes('```'))) printed.set(code, formatted);
  }
  return printed;
}

/**
 * Fence languages no parser of prettier's formats, in any plugin it ships: it prints such a fence
 * as it is (no language, a shell, text, a diff, and the languages of code samples in API
 * descriptions). A test reads every plugin's languages (names, aliases, extensions), which prettier
 * matches a fence's language against, and finds none of these.
 */
export const UNFORMATTED_LANGUAGES: readonly string[] = [
  '',
  ...(
    'sh bash shell zsh fish console powershell ps1 bat cmd text txt plaintext log diff ' +
    'ruby rb python py go golang java kotlin kt swift rust rs php csharp cs c cpp objc scala perl r dart elixir erlang haskell clojure ' +
    'http curl xml ini toml dockerfile makefile sql'
  ).split(' '),
];

/** The languages prettier formats a fence in with its `typescript` parser, of those known here. */
const TYPESCRIPT = /^(ts|typescript)$/;

/** A fence's opening line at the first column, in a language known here (group 1). */
const FENCE_OPENING = new RegExp(`^\`\`\`(ts|typescript|json|${UNFORMATTED_LANGUAGES.join('|')})$`);

/** The language prettier gets for a fence it prints as it is (a text that holds it is left as it is). */
const MARK = 'openapi-morph-verbatim';

/** A markdown text with its verbatim fences marked, and their languages in order. */
interface Marked {
  readonly text: string;
  readonly languages: readonly string[];
}

/** `text` with each fence prettier prints as it is (see above) marked, or `undefined` when it has none. */
export function markVerbatimFences(text: string, printed?: PrintedFences): Marked | undefined {
  if (!text.includes('```') || text.includes(MARK) || !cuttableMarkdown(text)) return undefined;
  const lines = [...markdownLines(text)];
  const out: string[] = [];
  const languages: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const fence = verbatimFence(lines, i, printed);
    if (!fence) {
      out.push(lines[i]!.line);
      continue;
    }
    out.push(`\`\`\`${MARK}`, ...fence.code, '```');
    languages.push(fence.language);
    i = fence.close;
  }
  return languages.length > 0 ? { text: out.join('\n'), languages } : undefined;
}

/** A fence: its language, the line that closes it, and its code (as written, or as prettier prints it). */
interface Fence {
  readonly language: string;
  readonly close: number;
  readonly code: readonly string[];
}

/**
 * The fence prettier prints without parsing it (see above) that opens on line `i`: its language,
 * the line that closes it and its code as prettier prints it (`verbatim`, or formatted apart:
 * `printed`), or `undefined`.
 */
export function verbatimFence(lines: readonly MarkdownLine[], i: number, printed?: PrintedFences): Fence | undefined {
  const fence = fenceAt(lines, i);
  const code = fence && (verbatim(fence.language, fence.code) ?? (TYPESCRIPT.test(fence.language) ? printed?.get(fence.code.join('\n')) : undefined));
  return code ? { ...fence, code } : undefined;
}

/**
 * The fence in a language of those above that opens on line `i`, with its code as written, or
 * `undefined`. It opens after an empty line outside fenced code (markdownLines tracks fences), at
 * the first column: a top-level block.
 */
function fenceAt(lines: readonly MarkdownLine[], i: number): Fence | undefined {
  const language = FENCE_OPENING.exec(lines[i]!.line)?.[1];
  if (language === undefined || !lines[i]!.afterBlank) return undefined;
  let close = i + 1;
  while (close < lines.length && lines[close]!.line !== '```') close++;
  return close < lines.length ? { language, close, code: lines.slice(i + 1, close).map(({ line }) => line) } : undefined;
}

/**
 * A fence's code in `language` as prettier prints it, when that is known without parsing it (see
 * above), else `undefined`. Not with three backticks in a row anywhere in it: prettier then
 * prints a longer fence (found by a review).
 */
export function verbatim(language: string, code: readonly string[]): readonly string[] | undefined {
  if (code.some((line) => line.includes('```'))) return undefined;
  if (language === 'json') return printedJson(code.join('\n'));
  if (!TYPESCRIPT.test(language)) return unformatted(code) ? code : undefined;
  return code.length === 1 && unparsable(code[0]!) ? code : printedProgram(code);
}

/**
 * Code in a language prettier has no parser for (a shell, text, a diff, none named): printed as it
 * is, but for spaces and tabs at a line's end, which prettier drops (a review found it), and an
 * empty block (printed with an empty line in it).
 */
function unformatted(code: readonly string[]): boolean {
  return code.length > 0 && code.at(-1) !== '' && !code.some((line) => /[ \t]$/.test(line));
}

/** One line of TypeScript that cannot parse: an identifier, `(`, then `):` or a name and `:` or `?:`; no `=>` (see above). */
export function unparsable(line: string): boolean {
  return /^[A-Za-z_$][\w$]*\((?:\):|[A-Za-z_$][\w$]*\??:)/.test(line) && !line.includes('=>');
}

/** `output` with the marked fences' languages back, or `undefined` when its marks are not the ones sent. */
export function unmarkFences(output: string, marked: Marked): string | undefined {
  const lines = output.split('\n');
  let next = 0;
  for (const [i, line] of lines.entries()) {
    if (!line.includes(MARK)) continue;
    if (line !== `\`\`\`${MARK}`) return undefined;
    lines[i] = `\`\`\`${marked.languages[next++]}`;
  }
  // A mark more than were sent counts past them.
  return next === marked.languages.length ? lines.join('\n') : undefined;
}
