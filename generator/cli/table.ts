/**
 * A plain-text table: a header row, columns padded to their widest cell, two spaces between
 * columns, the last column unpadded (no trailing spaces). Stable for scripts and diffs: no colour,
 * no wrapping, rows in the order given.
 */
export function textTable(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = head.map((cell, column) => Math.max(cell.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column]!)))
      .join('  ')
      .trimEnd();
  return [line(head), ...rows.map(line)].join('\n');
}
