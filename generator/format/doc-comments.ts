import { changesCode, printedComment } from './block-comment.ts';
import { commentRanges } from './comment-ranges.ts';
import { formatRewritten, replacedPlaceholders } from './rewrite.ts';

/**
 * TypeScript with the middle lines of its JSDoc comments that stand on lines of their own given to
 * prettier as one line (` * openapi_morph_doc_N`), and put back as prettier prints them
 * (`printedComment`, at the indentation prettier gave that line). The API classes of a large spec
 * are mostly such comments (GitHub's: 2.8 MB, 0.9 MB without them), and prettier reads and prints
 * each of their lines; measured on GitHub's 62 API classes, warm: 527 ms against 813.
 *
 * Why the code around them prints the same: prettier prints a comment where it attaches it, by its
 * position (on its own line or not, what comes before and after), and the placeholder keeps the
 * comment's first and last lines, so every width prettier measures up to the comment's first line
 * break (the fill of a number array, an assignment's right side, a hugged last argument: a review
 * found each of these flipped by a one-line placeholder, whose first line is wider than `/**`) and
 * every line break in it are the original's. What a comment's text changes otherwise:
 * - a JSDoc type cast (`@type`, `@satisfies`) keeps parentheses; a pragma (`@format`, `@prettier`,
 *   `@flow`, `@jsx`, `@noflow`) changes what prettier does: such a comment stays;
 * - a node that `prettier-ignore` keeps is printed as written, comments inside it too: a text that
 *   holds `prettier-ignore` anywhere is not rewritten.
 * A comment is replaced when it starts its line and ends it, spans three lines or more, and is
 * "indentable" (`printedComment`). The text is read for its comments and strings; one with a
 * template literal, a `/` that starts no comment (a division or a regular expression), a string that
 * does not close on its line, or a comment that does not close, is not rewritten (nor one holding
 * `\r` or the placeholder's name). The output must hold each placeholder once, in order, on a line
 * of its own after the indentation. A review fuzzed about 139,000 programs with comments in 54
 * kinds of places against prettier (both parsers), then 49,000 with this placeholder: no difference.
 */
export function formatWithDocComments(text: string, format: (text: string) => Promise<string>): Promise<string> {
  return formatRewritten(text, withoutDocComments, withDocComments, format);
}

export const PLACEHOLDER = 'openapi_morph_doc_';

/** A text with its comments' middle lines replaced by placeholders, and those lines as prettier prints them (without indentation). */
interface Replaced {
  readonly text: string;
  readonly comments: readonly (readonly string[])[];
}


/** `text` with its replaceable comments as placeholders, or `undefined` when it has none or is not read (see above). */
export function withoutDocComments(text: string): Replaced | undefined {
  if (text.includes(PLACEHOLDER) || text.includes('prettier-ignore') || /[\r\u2028\u2029]/.test(text)) return undefined;
  const parts: string[] = [];
  const comments: string[][] = [];
  let copied = 0;
  const ranges = commentRanges(text);
  if (!ranges) return undefined;
  for (const [at, end] of ranges) {
    if (text[at + 1] !== '*') continue;
    const lineStart = text.lastIndexOf('\n', at - 1) + 1;
    const lineEnd = text.indexOf('\n', end);
    const after = text.slice(end, lineEnd < 0 ? text.length : lineEnd);
    if (!/^[ \t]*$/.test(text.slice(lineStart, at)) || !/^[ \t]*$/.test(after) || !text.startsWith('/**', at) || text.startsWith('/**/', at)) continue;
    const lines = text.slice(at, end).split('\n');
    if (lines.length < 3 || changesCode(text.slice(at, end))) continue;
    const printed = printedComment(lines);
    if (!printed) continue;
    parts.push(text.slice(copied, at), `${lines[0]}\n * ${PLACEHOLDER}${comments.length}\n${lines.at(-1)}`);
    comments.push(printed.slice(1, -1));
    copied = end;
  }
  if (comments.length === 0) return undefined;
  parts.push(text.slice(copied));
  return { text: parts.join(''), comments };
}

/** `output` (prettier's for the replaced text) with the comments' middle lines back in place of their placeholders, or `undefined` when it is not as expected. */
export function withDocComments(output: string, replaced: Replaced): string | undefined {
  return replacedPlaceholders(output, PLACEHOLDER, replaced.comments.length, (n, line) => {
    const placeholder = ` * ${PLACEHOLDER}${n}`;
    const indent = line.slice(0, line.length - placeholder.length);
    return line.endsWith(placeholder) && /^[ \t]*$/.test(indent) ? replaced.comments[n]!.map((text) => `${indent}${text}`).join('\n') : undefined;
  });
}
