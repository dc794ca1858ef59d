import { printedComment } from './block-comment.ts';
import { formatRewritten, replacedPlaceholders } from './rewrite.ts';

/**
 * TypeScript with its JSDoc comments that stand on lines of their own given to prettier as
 * one-line placeholders (`/** openapi_morph_doc_N *\/`), and put back as prettier prints them
 * (`printedComment`, at the indentation prettier gave the placeholder). The API classes of a large
 * spec are mostly such comments (GitHub's: 2.8 MB, 0.9 MB without them), and prettier reads and
 * prints each of their lines; measured on GitHub's 62 API classes, warm: 527 ms against 813.
 *
 * Why the code around them prints the same: prettier prints a comment where it attaches it, by its
 * position (on its own line or not, what comes before and after), and a comment that ends its line
 * is followed by a hard line break wherever it is printed as a leading or trailing comment, which
 * breaks every group around it whatever the comment holds. What a comment's text changes:
 * - a JSDoc type cast (`@type`, `@satisfies`) keeps parentheses; a pragma (`@format`, `@prettier`,
 *   `@flow`, `@jsx`, `@noflow`) or `prettier-ignore` changes what prettier does: such a comment stays;
 * - a comment printed where no line break follows (a dangling one, as in `f(/** a *\/)`) breaks its
 *   group by its own line breaks, which a placeholder has none of: then the placeholder does not
 *   stand alone on its line in prettier's output, and the text goes to prettier as it is.
 * A comment is replaced when it starts its line and ends it, spans several lines, and is
 * "indentable" (`printedComment`). The text is read for its comments and strings; one with a
 * template literal, a `/` that starts no comment (a division or a regular expression), a string that
 * does not close on its line, or a comment that does not close, is not rewritten (nor one holding
 * `\r` or the placeholder's name). The output must hold each placeholder once, in order, alone on
 * its line.
 */
export function formatWithDocComments(text: string, format: (text: string) => Promise<string>): Promise<string> {
  return formatRewritten(text, withoutDocComments, withDocComments, format);
}

const PLACEHOLDER = 'openapi_morph_doc_';

/** A text with its comments replaced by placeholders, and each comment's lines as prettier prints them (without indentation). */
interface Replaced {
  readonly text: string;
  readonly comments: readonly (readonly string[])[];
}

/** What in a comment changes how prettier prints the code around it (see above). */
const KEPT = /@(?:type|satisfies|format|prettier|flow|noflow|jsx)\b|prettier-ignore/;

/** `text` with its replaceable comments as placeholders, or `undefined` when it has none or is not read (see above). */
export function withoutDocComments(text: string): Replaced | undefined {
  if (text.includes(PLACEHOLDER) || /[\r\u2028\u2029]/.test(text)) return undefined;
  const parts: string[] = [];
  const comments: string[][] = [];
  let copied = 0;
  const special = /['"`/]/g;
  for (let match = special.exec(text); match; match = special.exec(text)) {
    const at = match.index;
    const c = text[at]!;
    if (c === '`') return undefined;
    if (c === "'" || c === '"') {
      let end = at + 1;
      while (end < text.length && text[end] !== c && text[end] !== '\n') end += text[end] === '\\' ? 2 : 1;
      if (text[end] !== c) return undefined;
      special.lastIndex = end + 1;
      continue;
    }
    const next = text[at + 1];
    if (next === '/') {
      const end = text.indexOf('\n', at);
      special.lastIndex = end < 0 ? text.length : end;
      continue;
    }
    if (next !== '*') return undefined;
    const close = text.indexOf('*/', at + 2);
    if (close < 0) return undefined;
    const end = close + 2;
    special.lastIndex = end;
    const lineStart = text.lastIndexOf('\n', at - 1) + 1;
    const lineEnd = text.indexOf('\n', end);
    const after = text.slice(end, lineEnd < 0 ? text.length : lineEnd);
    if (!/^[ \t]*$/.test(text.slice(lineStart, at)) || !/^[ \t]*$/.test(after) || !text.startsWith('/**', at) || text.startsWith('/**/', at)) continue;
    const comment = text.slice(at, end);
    if (!comment.includes('\n') || KEPT.test(comment)) continue;
    const printed = printedComment(comment.split('\n'));
    if (!printed) continue;
    parts.push(text.slice(copied, at), `/** ${PLACEHOLDER}${comments.length} */`);
    comments.push(printed);
    copied = end;
  }
  if (comments.length === 0) return undefined;
  parts.push(text.slice(copied));
  return { text: parts.join(''), comments };
}

/** `output` (prettier's for the replaced text) with the comments back in place of their placeholders, or `undefined` when it is not as expected. */
export function withDocComments(output: string, replaced: Replaced): string | undefined {
  return replacedPlaceholders(output, PLACEHOLDER, replaced.comments.length, (n, line) => {
    const placeholder = `/** ${PLACEHOLDER}${n} */`;
    const indent = line.slice(0, line.length - placeholder.length);
    return line.endsWith(placeholder) && /^[ \t]*$/.test(indent) ? replaced.comments[n]!.map((text) => `${indent}${text}`).join('\n') : undefined;
  });
}
