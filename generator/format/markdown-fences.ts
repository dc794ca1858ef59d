import { cuttableMarkdown, markdownLines } from './markdown-chunks.ts';
import { formatRewritten } from './rewrite.ts';

/**
 * Fenced TypeScript that prettier cannot parse, sent to it as a language it does not format, and
 * the fence's language put back into its output. Prettier formats a fence's code with the parser of
 * its language and, when that parser fails, prints the code as it is, exactly as it prints a fence
 * in a language it has no parser for. Trying costs it a parse that ends in an error.
 *
 * A method's signature, as the docs pages show it (`reposGet(owner: string, options?:
 * RequestOptions): ApiPromise<FullRepository>`), is such code: one line, an identifier and `(`, then
 * `)` or a parameter's name and `:` or `?:`, and no `=>` anywhere. Without `=>` there is no arrow
 * function, so the parenthesis opens a call's arguments, a condition, or an expression in
 * parentheses, where neither a name followed by `:` nor `): ` can stand; whatever the identifier
 * is (a keyword too), TypeScript's parser reports an error, and prettier's typescript parser fails
 * on any.
 *
 * Only with prettier's defaults (the standalone setup), in a document `cuttableMarkdown` accepts, for
 * a fence of three backticks at the first column whose language is exactly `ts` or `typescript`.
 * The output must hold the marked fences, in as many lines as were sent; otherwise, or when
 * prettier fails, the text is formatted as it is.
 *
 * Measured on GitHub's `--all`: its 1,223 signatures were about a sixth of prettier's time on the
 * markdown once plain table rows were left out (markdown-rows.ts).
 */
export function formatWithoutFailingFences(text: string, format: (text: string) => Promise<string>): Promise<string> {
  const marked = markFailingFences(text);
  return formatRewritten(text, marked && { text: marked.text, restore: (output) => unmarkFences(output, marked) }, format);
}

/** The language prettier gets for a fence it cannot parse (a text that holds it is left as it is). */
const MARK = 'openapi-morph-unparsed';

/** A markdown text with its unparsable TypeScript fences marked, and their languages in order. */
interface Marked {
  readonly text: string;
  readonly languages: readonly string[];
}

/** `text` with each fence of TypeScript that cannot parse (see above) marked, or `undefined` when it has none. */
export function markFailingFences(text: string): Marked | undefined {
  if (!text.includes('```') || text.includes(MARK) || !cuttableMarkdown(text)) return undefined;
  const lines = [...markdownLines(text)];
  const out = lines.map((line) => line.line);
  const languages: string[] = [];
  for (let i = 0; i + 2 < lines.length; i++) {
    const language = /^```(ts|typescript)$/.exec(lines[i]!.line)?.[1];
    // A fence that opens after an empty line outside fenced code (markdownLines tracks fences), at the first column: a top-level block.
    if (language && lines[i]!.afterBlank && lines[i + 2]!.line === '```' && unparsable(lines[i + 1]!.line)) {
      out[i] = `\`\`\`${MARK}`;
      languages.push(language);
      i += 2;
    }
  }
  return languages.length > 0 ? { text: out.join('\n'), languages } : undefined;
}

/** One line of TypeScript that cannot parse: an identifier, `(`, then `)` or a name and `:` or `?:`; no `=>` (see above). */
export function unparsable(line: string): boolean {
  return /^[A-Za-z_$][\w$]*\((?:\)|[A-Za-z_$][\w$]*\??:)/.test(line) && !line.includes('=>');
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
