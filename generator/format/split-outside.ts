import { Unsure } from './print-width.ts';

/**
 * `text` split at `separator` where it stands outside brackets, braces, parentheses, angle
 * brackets and double-quoted strings (an arrow's `=>` is no closing bracket): the types, arguments
 * and members the layouts read (api-methods.ts, type-members.ts). Throws `Unsure` on text whose
 * brackets or quotes do not pair.
 */
export function splitOutside(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') {
      const end = text.indexOf('"', i + 1);
      if (end < 0) throw new Unsure();
      i = end;
    } else if ('([{<'.includes(c)) depth++;
    else if (c === '>' && text[i - 1] === '=') continue;
    else if (')]}>'.includes(c)) {
      if (--depth < 0) throw new Unsure();
    } else if (depth === 0 && text.startsWith(separator, i)) {
      parts.push(text.slice(start, i));
      start = i + separator.length;
      i = start - 1;
    }
  }
  if (depth !== 0) throw new Unsure();
  parts.push(text.slice(start));
  return parts;
}
