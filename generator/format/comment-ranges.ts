/**
 * Where the comments of a TypeScript text start and end, in order (`[start, end)`, a `//` comment
 * up to its line break), or `undefined` for text this does not read: a template literal, a `/` that
 * starts no comment (a division or a regular expression), a string that does not close on its line,
 * or a comment that does not close. Strings are skipped with their escapes. The rewrites that must
 * know what is code read a text through this (doc-comments.ts, api-methods.ts).
 */
export function commentRanges(text: string): [number, number][] | undefined {
  const ranges: [number, number][] = [];
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
    let end: number;
    if (text[at + 1] === '/') {
      const lineEnd = text.indexOf('\n', at);
      end = lineEnd < 0 ? text.length : lineEnd;
    } else if (text[at + 1] === '*') {
      const close = text.indexOf('*/', at + 2);
      if (close < 0) return undefined;
      end = close + 2;
    } else {
      return undefined;
    }
    ranges.push([at, end]);
    special.lastIndex = end;
  }
  return ranges;
}
