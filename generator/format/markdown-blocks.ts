import { cuttableMarkdown, htmlCodeBlock, markdownLines, type MarkdownLine } from './markdown-chunks.ts';
import { verbatimFence, type PrintedFences } from './markdown-fences.ts';
import { LINE_START, plainInline, plainParagraph, printedParagraph } from './markdown-inline.ts';
import { plainTable } from './markdown-rows.ts';
import { formatRewritten } from './rewrite.ts';

/**
 * Top-level blocks that prettier prints as they are, each run of them sent to it as one short
 * placeholder paragraph and put back into its output. Such a block needs no parsing:
 * - a paragraph whose lines `plainParagraph` accepts (markdown-inline.ts), or such a paragraph
 *   quoted, `> ` before each line (`plainQuote`), or one that prettier prints otherwise in a way
 *   known (`printedParagraph`: bold text written with underscores, spaces at a line's end, runs of
 *   spaces, code between runs of backticks);
 * - an ATX heading (`#` to `######`, one space, then plain inline markdown that ends in no closing
 *   sequence of hashes, `CLOSING_HASHES`): prettier prints its level's hashes, a space and the text;
 * - an HTML block of code as `md.block` writes a description's fenced code (`htmlCodeBlock`,
 *   markdown-chunks.ts), which prettier prints as it is;
 * - a fence prettier prints without parsing it (`verbatimFence`, markdown-fences.ts): a method's
 *   signature, an example program (as prettier breaks its long statements), canonical JSON, or
 *   TypeScript whose code was formatted apart (`formattedFences`);
 * - a table of plain cells (`plainTable`, markdown-rows.ts), at the first column after a plain
 *   block, as the rows rewrite takes one: prettier prints it padded, and its run holds it so;
 * - a tight list of `- ` items of one plain line each (`plainList`), after a plain block, where no
 *   list goes on after it.
 *
 * Taking the blocks out would change the blocks around them (two lists they stood between would
 * become one); a placeholder is a block too, and prettier prints the blocks around a paragraph as
 * it prints them around a heading or a fence: an empty line between top-level blocks, a list's
 * marker and numbering set by the lists right before it. Blocks with one empty line between each
 * (prettier prints one there) share a placeholder.
 *
 * Only with prettier's defaults (the standalone setup), in a document `cuttableMarkdown` accepts,
 * for blocks at the first column after an empty line outside fenced code and comments, with an
 * empty line or the end of the text after them. The output must hold each placeholder once, in
 * order, as a line of its own between empty lines, and nothing else of them; otherwise, or when
 * prettier fails, the text is formatted as it is.
 *
 * Measured on GitHub's `--all`: 11,160 of the docs pages' 11,572 one-line paragraphs (1.5 MB) are
 * plain, and they were 37% of prettier's time on the markdown left once plain table rows and
 * verbatim fences were out; tables whose every row is plain were another quarter of what was left
 * after them. The operations' anchors, headings, signatures, titles, parameters and the paragraphs
 * on failures and navigation are the templates' own (README, "Plain blocks").
 */
export function formatWithPlainBlocks(text: string, format: (text: string) => Promise<string>, fences?: PrintedFences): Promise<string> {
  return formatRewritten(text, (sent) => withoutPlainBlocks(sent, fences), withPlainBlocks, (sent) => (LONE.test(sent) ? Promise.resolve(`${PLACEHOLDER}0\n`) : format(sent)));
}

/** The placeholders' prefix (a text that holds it is left as it is); the run's index follows. */
const PLACEHOLDER = 'openapi-morph-blocks-';

/**
 * A text of plain blocks alone, replaced: one placeholder, which prettier prints as it is (a
 * paragraph of one word) with one newline after it (a section cut before a heading ends with an
 * empty line). It does not go to prettier: on GitHub's `--all`,
 * 875 of the docs pages' markdown jobs (whole model pages, and the sections of API pages that
 * `markdown-chunks.ts` cuts) were such a text, about a second of a format worker's time.
 */
const LONE = new RegExp(`^${PLACEHOLDER}0\n*$`);

/** A markdown text with its runs of plain blocks replaced by placeholders, and the runs in order. */
interface Replaced {
  readonly text: string;
  readonly runs: readonly string[];
}

/** `text` with each run of plain blocks replaced by a placeholder, or `undefined` when it has none (see above). */
export function withoutPlainBlocks(text: string, fences?: PrintedFences): Replaced | undefined {
  if (text.includes(PLACEHOLDER) || !cuttableMarkdown(text)) return undefined;
  const lines = [...markdownLines(text)];
  const out: string[] = [];
  const runs: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    let block = plainBlock(lines, i, false, fences);
    if (!block) {
      out.push(lines[i]!.line);
      continue;
    }
    // A plain block is followed by an empty line or the end: the next one may start after it.
    const printed: string[] = [];
    for (let next: PlainBlock | undefined = block; next; next = plainBlock(lines, block.last + 2, true, fences)) {
      block = next;
      printed.push(block.printed);
    }
    out.push(`${PLACEHOLDER}${runs.length}`);
    runs.push(printed.join('\n\n'));
    i = block.last;
  }
  return runs.length > 0 ? { text: out.join('\n'), runs } : undefined;
}

/** A plain block: its last line, and how prettier prints it. */
interface PlainBlock {
  readonly last: number;
  readonly printed: string;
}

/**
 * Whether a table that starts on `line` stands where this rewrite may take it whole: at the start
 * of a top-level block (after a plain block and an empty line), or of the text (markdown-rows.ts
 * takes a table's plain rows after any block).
 */
const startsBlock = ({ blockStart, offset }: MarkdownLine): boolean => blockStart || offset === 0;

/**
 * The plain block (see above) that starts on line `i`, or `undefined` when none does; `inRun`:
 * right after another one; `fences`: fences whose code was formatted apart (markdown-fences.ts).
 */
function plainBlock(lines: readonly MarkdownLine[], i: number, inRun: boolean, fences: PrintedFences | undefined): PlainBlock | undefined {
  const line = lines[i];
  if (!line?.afterBlank) return undefined;
  const fence = verbatimFence(lines, i, fences);
  // The lines up to the next empty one (a fence's code may hold empty lines).
  let last = fence?.close ?? i;
  if (!fence) while ((lines[last + 1]?.line ?? '') !== '') last++;
  if ((lines[last + 1]?.line ?? '') !== '') return undefined;
  const block = lines.slice(i, last + 1).map(({ line }) => line);
  const heading = /^#{1,6} (.*)$/.exec(line.line);
  if (fence) return { last, printed: [line.line, ...fence.code, '```'].join('\n') };
  if (plainParagraph(block) || htmlCodeBlock(block) || plainQuote(block) || (heading && block.length === 1 && plainInline(heading[1]!) && !CLOSING_HASHES.test(heading[1]!)) || (inRun && plainList(block) && !listGoesOn(lines, last + 1))) return { last, printed: block.join('\n') };
  const paragraph = printedParagraph(block);
  if (paragraph) return { last, printed: paragraph.join('\n') };
  // A table as the rows rewrite takes one (markdown-rows.ts): at the first column after a plain block.
  const table = line.line.startsWith('|') && startsBlock(line) ? plainTable(block) : undefined;
  return table === undefined ? undefined : { last, printed: table };
}

/** A heading's closing sequence, which prettier drops (`## a ##`): plain text may hold `#`. */
const CLOSING_HASHES = /(?:^| )#+$/;

/**
 * A quote of one plain paragraph: every line `> ` and a line `plainParagraph` accepts with the
 * others, none ending in a space (no hard break). Prettier prints it as it is: `> ` before each of
 * the paragraph's lines (the docs pages' `> **Deprecated.**`).
 */
function plainQuote(block: readonly string[]): boolean {
  const contents = block.map((line) => (line.startsWith('> ') && !line.endsWith(' ') ? line.slice(2) : undefined));
  return contents.every((content) => content !== undefined) && plainParagraph(contents as string[]);
}

/**
 * A tight list of `- ` items, each one line of plain inline markdown from a letter, a backtick, a
 * link or bold text (so no item starts another block, a nested list or a task). Prettier prints it
 * as it is when it is the first of the lists that stand one right after another (it alternates
 * `-` and `*` from the first): so only after another plain block (`inRun`), and not where a list
 * could go on after it (`listGoesOn`).
 */
function plainList(block: readonly string[]): boolean {
  return block.every(plainItem);
}

/** A `- ` item of one line that prettier prints as it is in a tight list (see `plainList`). */
export function plainItem(line: string): boolean {
  return line.startsWith('- ') && plainItemContent(line.slice(2));
}

/**
 * An item's one line of content, after its marker and spaces, that prettier prints as it is: plain
 * inline markdown that starts as a plain paragraph's line does (`LINE_START`: a letter, a backtick,
 * a link, bold text, an entity, `&`, a parenthesis, a quote, or digits not followed by `.` or `)`),
 * so that it starts no other block in the item.
 */
export function plainItemContent(content: string): boolean {
  return LINE_START.test(content) && plainInline(content);
}

/** Whether the first line that is not empty from line `i` could go on a list before it: indented, or a list item of any kind. */
export function listGoesOn(lines: readonly MarkdownLine[], i: number): boolean {
  while (lines[i]?.line === '') i++;
  return /^(?:\s|[-*+]|\d)/.test(lines[i]?.line ?? '');
}

/**
 * `output` (prettier's for the replaced text) with the runs back in place of their placeholders, or
 * `undefined` when it is not as expected: each placeholder a top-level block of its own in the
 * output too (after an empty line outside fenced code and comments, by `markdownLines`, with an
 * empty line or the end after it). A review found texts where prettier's parser and markdownLines
 * disagreed on where a fence ends; prettier's output then shows it.
 */
export function withPlainBlocks(output: string, replaced: Replaced): string | undefined {
  if (output.split(PLACEHOLDER).length - 1 !== replaced.runs.length) return undefined;
  const lines = [...markdownLines(output)];
  const result = lines.map(({ line }) => line);
  let next = 0;
  for (const [i, { line, afterBlank }] of lines.entries()) {
    if (line !== `${PLACEHOLDER}${next}`) continue;
    if (!afterBlank || (result[i + 1] ?? '') !== '') return undefined;
    result[i] = replaced.runs[next++]!;
  }
  return next === replaced.runs.length ? result.join('\n') : undefined;
}
