/**
 * A block comment's lines as prettier prints them where it stands on lines of its own (before a
 * member or a statement), without their indentation (an "indentable" comment: every line after
 * the first starts with `*`): the first trimmed, each other trimmed with one space before it, but
 * that a line of a JSDoc comment (`/**`, not `/***`) that is more than a `*` and ends with two
 * spaces or more keeps two (a markdown line break); one line as it is. `undefined` for another
 * comment, which prettier prints with the lines after its first as they stand.
 */
export function printedComment(lines: readonly string[]): string[] | undefined {
  if (lines.length > 1 && !lines.slice(1).every((line) => line.trimStart().startsWith('*'))) return undefined;
  const jsdoc = /^\s*\/\*\*(?!\*)/.test(lines[0]!);
  return lines.map((line, i) => {
    if (i === 0) return line.trim();
    const trimmed = line.trim();
    return i < lines.length - 1 && jsdoc && trimmed !== '*' && line.endsWith('  ') ? ` ${trimmed}  ` : ` ${trimmed}`;
  });
}

/**
 * Whether a comment's text changes how prettier prints the code around it: a JSDoc type cast
 * (`@type`, `@satisfies`) keeps its parentheses, a pragma (`@format`, `@prettier`, `@flow`, `@jsx`,
 * `@noflow`) changes what prettier does. The rewrites leave such a comment where it is.
 */
export function changesCode(comment: string): boolean {
  return /@(?:type|satisfies|format|prettier|flow|noflow|jsx)\b/.test(comment);
}
