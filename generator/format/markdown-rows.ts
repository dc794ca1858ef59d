import { cuttableMarkdown, markdownLines, type MarkdownLine } from './markdown-chunks.ts';
import { printedCell } from './markdown-inline.ts';
import { alignment, cells, delimiterRow, joinableTable, laidOutLines, paddedRow } from './markdown-tables.ts';
import { formatRewritten } from './rewrite.ts';

/**
 * Table rows that prettier prints as they are, left out of the markdown it formats and put back
 * into its output. Prettier prints each cell of a table alone, then pads it to its column's width
 * (see markdown-tables.ts), and a cell of plain inline markdown (`plainCell`, markdown-inline.ts)
 * prints as its own text (a property's name in bold with the backslashes prettier adds:
 * `printedCell`). So a plain row needs no parsing: it goes back between the rows prettier printed,
 * and every line of the table is padded to the widest cell of each column of all of them.
 *
 * Only with prettier's defaults (the standalone setup: no `proseWrap: never`, which picks a compact
 * table by the widths of all rows), in a document `cuttableMarkdown` accepts, for a table that
 * starts at the first column after an empty line (a top-level table, also after a list or a quote,
 * which end at it: prettier's parser reads it so) and `joinableTable` accepts, with a plain header (so that its output is
 * found again) and rows of as many cells as the header. The output must hold as many tables as the
 * text, the table with the plain header's cells and as many rows as were sent, laid out as prettier
 * lays a table out; otherwise, or when prettier fails on the text without its rows (an error must
 * name the file's own lines), the text is formatted with all its rows.
 *
 * Measured on GitHub's `--all`: prettier gets 3.8 MB of its 5.4 MB of markdown (2.2 MB of it table
 * rows: parameters, properties, status codes, the operation index), and the run takes a fifth less
 * time (README, "Plain table rows").
 */
export function formatWithoutPlainRows(text: string, format: (text: string) => Promise<string>): Promise<string> {
  return formatRewritten(text, withoutPlainRows, withPlainRows, format);
}

/** A markdown text without its tables' plain rows, and what puts them back. */
export interface Stripped {
  readonly text: string;
  /** How many lines start a table block (`tableStart`) in the text; its output must have as many. */
  readonly tables: number;
  readonly changed: readonly StrippedTable[];
}

/** A table that lost rows: which of the text's tables it is, its header's cells, and its rows in order (a plain row's cells, or `undefined` for a row sent to prettier). */
interface StrippedTable {
  readonly index: number;
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[] | undefined)[];
}

/** A line that starts a table block in a text or its output: a pipe at the first column after an empty line, outside fenced code and comments. */
const tableStart = ({ line, afterBlank }: MarkdownLine): boolean => afterBlank && line.startsWith('|');

/** `text` without the plain rows of its tables, or `undefined` when it has none to leave out (see above). */
export function withoutPlainRows(text: string): Stripped | undefined {
  // A tilde fence with a backtick in its info string: prettier prints it with backticks, where it
  // opens no fence, and the output's fences (so its tables) would not be where the text's are.
  if (!text.includes('|') || !cuttableMarkdown(text) || /^\s*~{3,}.*`/m.test(text)) return undefined;
  const lines = [...markdownLines(text)];
  const kept: string[] = [];
  const changed: StrippedTable[] = [];
  let tables = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!tableStart(line)) {
      kept.push(line.line);
      continue;
    }
    let end = i;
    while (end < lines.length && lines[end]!.line !== '') end++;
    const block = lines.slice(i, end).map((row) => row.line);
    // (`tableStart`: at the first column after an empty line, so a top-level table, whatever block ends before the empty line.)
    const table = joinableTable(block) ? plainRows(block) : undefined;
    if (table) changed.push({ index: tables, ...table });
    // The header and delimiter row (rows[-2], rows[-1]) stay, and the rows that are not plain.
    kept.push(...(table ? block.filter((_, r) => table.rows[r - 2] === undefined) : block));
    tables++;
    i = end - 1;
  }
  return changed.length > 0 ? { text: kept.join('\n'), tables, changed } : undefined;
}

/**
 * A table whose every cell is plain, laid out as prettier lays it out (markdown-blocks.ts sends it
 * to prettier as a placeholder), or `undefined` for any other: lines `joinableTable` accepts, a plain
 * header, and rows of as many plain cells. Prettier pads each cell to the widest of its column (at
 * least 3), before the cell in a right-aligned column, else after it, and prints the delimiter row
 * of those widths with the column's colons.
 */
export function plainTable(block: readonly string[]): string | undefined {
  if (!joinableTable(block)) return undefined;
  const table = plainRows(block);
  if (!table || table.rows.some((row) => row === undefined)) return undefined;
  const all = [table.header, ...(table.rows as (readonly string[])[])];
  const widths = table.header.map((_, c) => Math.max(3, ...all.map((row) => row[c]!.length)));
  const aligns = block[1]!.slice(1, -1).split('|').map((mark) => alignment(mark.trim()));
  const [header, ...rows] = all.map((row) => paddedRow(row, row.map((cell) => cell.length), widths, aligns));
  return [header, delimiterRow(widths, aligns), ...rows].join('\n');
}

/** A table's header cells and its rows (a plain row's cells, else `undefined`), or `undefined` when its header is not plain or no row is. */
function plainRows(block: readonly string[]): Omit<StrippedTable, 'index'> | undefined {
  const [header, , ...rows] = block as [string, string, ...string[]];
  const columns = cells(header);
  const headerCells = plainCells(header, columns);
  if (!headerCells) return undefined;
  const found = rows.map((row) => plainCells(row, columns));
  return found.some((row) => row !== undefined) ? { header: headerCells, rows: found } : undefined;
}

/**
 * A row's cells as prettier prints them (`printedCell`: without their spaces, a bold name with its
 * escapes) when each is known and there are `columns` of them, else `undefined`. It splits at pipes
 * not escaped: a known cell holds no backslash but in an escaped pipe, so a cell cut elsewhere is
 * not known. Not a delimiter row's look.
 */
function plainCells(row: string, columns: number): string[] | undefined {
  if (/^\|(?: *:?-+:? *\|)+$/.test(row)) return undefined;
  const found = row.slice(1, -1).split(/(?<!\\)\|/).map((cell) => printedCell(cell.trim()));
  return found.length === columns && found.every((cell) => cell !== undefined) ? (found as string[]) : undefined;
}

/** `output` (prettier's for the stripped text) with the plain rows back in their tables, or `undefined` when it is not as expected. */
export function withPlainRows(output: string, stripped: Stripped): string | undefined {
  const lines = [...markdownLines(output)];
  const starts = lines.flatMap((line, i) => (tableStart(line) ? [i] : []));
  if (starts.length !== stripped.tables) return undefined;
  const result = lines.map((line) => line.line);
  // From the last table, so the line numbers of those before stay.
  for (const table of [...stripped.changed].reverse()) {
    const start = starts[table.index]!;
    let end = start;
    while (end < result.length && result[end] !== '') end++;
    const printed = laidOutLines(result.slice(start, end));
    const sent = table.rows.filter((row) => row === undefined).length;
    if (!printed || printed.rows.length !== sent || printed.header.length !== table.header.length) return undefined;
    if (printed.header.some((cell, c) => cell.trim() !== table.header[c])) return undefined;
    const widths = [...printed.widths];
    for (const row of table.rows) row?.forEach((cell, c) => (widths[c] = Math.max(widths[c]!, cell.length)));
    let next = 0;
    const rows = table.rows.map((row) => (row ? paddedRow(row, row.map((cell) => cell.length), widths, printed.aligns) : paddedRow(printed.rows[next++]!, printed.widths, widths, printed.aligns)));
    result.splice(start, end - start, paddedRow(printed.header, printed.widths, widths, printed.aligns), delimiterRow(widths, printed.aligns), ...rows);
  }
  return result.join('\n');
}
