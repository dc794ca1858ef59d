import { commentAfter, markdownLines } from './markdown-chunks.ts';

/**
 * A large markdown table formatted in groups of rows, each group a table of its own (the header,
 * the delimiter row and some rows), and joined into the bytes prettier gives for the whole table.
 * Prettier prints each cell alone, then pads it to its column's width, the widest cell of the
 * column in any row (at least 3): `| cell | cell |`, the delimiter row as dashes of that width.
 * So a group's rows are the whole table's rows with less padding, and the join pads them to the
 * widest of all groups (`joinTable`). Only where a cell's width is its length (`ONE_COLUMN_A_CHARACTER`,
 * checked on the input and on prettier's output) and no column is centred (whose padding is split
 * around the cell); anything else prettier gives goes whole.
 *
 * Measured on GitHub's `--all`: the README's table of 1,223 operations (270 KB) made its first
 * part the run's largest markdown job, formatted while its memory peaked. The table alone: 152 MiB
 * formatted whole, 122 MiB in 4 groups, in the same time.
 */

/** A markdown text cut around its large tables: texts, and tables as their groups of rows. */
export type TablePiece = string | { readonly groups: readonly string[] };

/**
 * `text` (from a document `cuttableMarkdown` accepts) with each table of `groupChars` or more cut
 * into groups of about `groupChars`, or `undefined` when none is. A table is cut only where it
 * starts a top-level block and each of its lines starts and ends with a pipe; the texts before and
 * after it are cut at empty lines, as between sections.
 */
export function tablePieces(text: string, groupChars: number): TablePiece[] | undefined {
  // A text shorter than a group holds no table of two groups: not walked (most sections of a run).
  if (text.length < groupChars) return undefined;
  const lines = [...markdownLines(text)];
  const pieces: TablePiece[] = [];
  let from = 0;
  for (let i = 0; i < lines.length; i++) {
    const { line, offset, blockStart } = lines[i]!;
    if (!blockStart || !line.startsWith('|')) continue;
    let end = i;
    while (end < lines.length && lines[end]!.line !== '') end++;
    const groups = rowGroups(lines.slice(i, end).map((row) => row.line), groupChars);
    if (!groups) continue;
    if (text.slice(from, offset).trim() !== '') pieces.push(text.slice(from, offset));
    pieces.push({ groups });
    from = lines[end]?.offset ?? text.length;
    i = end;
  }
  if (pieces.length === 0) return undefined;
  if (text.slice(from).trim() !== '') pieces.push(text.slice(from));
  return pieces;
}

/**
 * A line whose width as prettier measures it (`getStringWidth`) is its length: printable ASCII and
 * the dashes and curly quotes of prose that plain inline text takes (markdown-inline.ts), `–`, `—`,
 * `‘`, `’`, `“`, `”`, and `£`, `¥`, `€`, each one column (East Asian width "ambiguous" or
 * "narrow", which prettier counts as one).
 * Stripe's descriptions write them: a table holding one went to prettier whole, all its rows, which
 * was most of the markdown its `--all` gave prettier.
 */
const ONE_COLUMN_A_CHARACTER = /^[\x20-\x7e\u00A3\u00A5\u20AC\u2013\u2014\u2018\u2019\u201C\u201D]*$/;
const DELIMITER = /^\|(?: *:?-+:? *\|)+$/;

/**
 * A table's lines (the header, the delimiter row, the rows) in groups of rows, or `undefined` when
 * that is one group (a table smaller than `groupChars`), or it is not one to cut. A group ends
 * before a row whose hash is a multiple of 8 once it holds `groupChars`, so where groups end
 * depends on the rows there more than on the rows before: a row added to a regenerated spec's
 * table changes its group and the next one or two, where cut by size alone every later group would
 * change (each is cached under its own text, chunk-cache.ts).
 */
function rowGroups(lines: readonly string[], groupChars: number): string[] | undefined {
  if (!joinableTable(lines)) return undefined;
  const [header, delimiter, ...rows] = lines as [string, string, ...string[]];
  const groups: string[][] = [[]];
  let size = 0;
  for (const row of rows) {
    if (size >= groupChars && hash(row) % 8 === 0) {
      groups.push([]);
      size = 0;
    }
    groups[groups.length - 1]!.push(row);
    size += row.length + 1;
  }
  return groups.length > 1 ? groups.map((group) => `${header}\n${delimiter}\n${group.join('\n')}\n`) : undefined;
}

/**
 * Whether a table's lines (the header, the delimiter row, at least one row) are of a table whose
 * rows may be formatted apart and padded again: each line starts and ends with a pipe and is
 * one column a character (`ONE_COLUMN_A_CHARACTER`: a cell's width is its length) with no HTML comment opening in it, no column is
 * centred, and the header has as many cells as the delimiter row.
 */
export function joinableTable(lines: readonly string[]): boolean {
  if (lines.length < 3) return false;
  const [header, delimiter] = lines as [string, string];
  if (!DELIMITER.test(delimiter) || /:-+:/.test(delimiter) || cells(header) !== cells(delimiter)) return false;
  return lines.every((line) => line.startsWith('|') && line.endsWith('|') && ONE_COLUMN_A_CHARACTER.test(line) && !commentAfter(false, line));
}

/** How many cells a table line has: its pipes not escaped, less one. */
export function cells(line: string): number {
  return line.replace(/\\./g, '').split('|').length - 2;
}

/** FNV-1a of a text's UTF-16 units. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * The whole table from its groups as prettier formatted them, or `undefined` when one is not a
 * table laid out as expected: each group's rows padded to the widest column of all groups, the
 * header and delimiter row once.
 */
export function joinTable(outputs: readonly string[]): string | undefined {
  const tables = outputs.map(laidOut);
  if (tables.some((table) => table === undefined)) return undefined;
  const [first, ...rest] = tables as Table[];
  if (!first || rest.some((table) => table.aligns.join() !== first.aligns.join())) return undefined;
  const widths = first.widths.map((_, c) => Math.max(...tables.map((table) => table!.widths[c]!)));
  const header = paddedRow(first.header, first.widths, widths, first.aligns);
  if (rest.some((table) => paddedRow(table.header, table.widths, widths, first.aligns) !== header)) return undefined;
  return [header, delimiterRow(widths, first.aligns), ...(tables as Table[]).flatMap((table) => table.rows.map((row) => paddedRow(row, table.widths, widths, first.aligns))), ''].join('\n');
}

/** A table line of `cells`, each as wide as `from` says, padded to `widths` (before the cell in a right-aligned column, else after it). */
export function paddedRow(cells: readonly string[], from: readonly number[], widths: readonly number[], aligns: readonly Align[]): string {
  return `| ${cells.map((cell, c) => (aligns[c] === 'right' ? ' '.repeat(widths[c]! - from[c]!) + cell : cell + ' '.repeat(widths[c]! - from[c]!))).join(' | ')} |`;
}

/** The delimiter row prettier prints for columns of these widths (at least 3) and alignments. */
export function delimiterRow(widths: readonly number[], aligns: readonly Align[]): string {
  return `| ${aligns.map((align, c) => `${align === 'left' ? ':' : '-'}${'-'.repeat(widths[c]! - 2)}${align === 'right' ? ':' : '-'}`).join(' | ')} |`;
}

type Align = 'none' | 'left' | 'right';

/** A column's alignment by its delimiter row's mark (`:--`, `--:`, `---`; its spaces trimmed). */
export const alignment = (mark: string): Align => (mark.startsWith(':') ? 'left' : mark.endsWith(':') ? 'right' : 'none');

/** A formatted table: its columns' widths and alignment, and each line's cells as padded. */
interface Table {
  readonly widths: readonly number[];
  readonly aligns: readonly Align[];
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

/** A group's output read as prettier lays a table out, or `undefined` when it is not so. */
function laidOut(output: string): Table | undefined {
  const lines = output.split('\n');
  return lines.pop() === '' && lines.length >= 3 ? laidOutLines(lines) : undefined;
}

/** A table's lines (the header, the delimiter row, the rows: none or more) read as prettier lays a table out, or `undefined` when they are not so. */
export function laidOutLines(lines: readonly string[]): Table | undefined {
  if (lines.length < 2 || lines.some((line) => !ONE_COLUMN_A_CHARACTER.test(line))) return undefined;
  const [header, delimiter, ...rows] = lines as [string, string, ...string[]];
  const marks = /^\| (:?-+:?(?: \| :?-+:?)*) \|$/.exec(delimiter)?.[1]?.split(' | ');
  if (!marks || marks.some((mark) => mark.length < 3 || (mark.startsWith(':') && mark.endsWith(':')))) return undefined;
  const widths = marks.map((mark) => mark.length);
  const split = (line: string): string[] | undefined => {
    if (line.length !== widths.reduce((sum, width) => sum + width + 3, 1) || !line.startsWith('| ')) return undefined;
    const row: string[] = [];
    let at = 2;
    for (const width of widths) {
      if (line.slice(at + width, at + width + 2) !== ' |' || (at + width + 2 < line.length && line[at + width + 2] !== ' ')) return undefined;
      row.push(line.slice(at, at + width));
      at += width + 3;
    }
    return row;
  };
  const cellsOf = [header, ...rows].map(split);
  if (cellsOf.some((row) => row === undefined)) return undefined;
  const [headerCells, ...rowCells] = cellsOf as string[][];
  return { widths, aligns: marks.map(alignment), header: headerCells!, rows: rowCells };
}
