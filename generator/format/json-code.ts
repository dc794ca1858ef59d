import { ASCII, fits, Unsure } from './print-width.ts';

/**
 * JSON as prettier prints it, known without prettier, for the text `JSON.stringify(value, null, 2)`
 * gives (the docs pages' request and response examples). prettier's JSON printer (its JavaScript
 * printer on a JSON root, with its defaults: width 80, indent 2, no trailing commas):
 * - keeps an object broken over lines when its first key stands on a line of its own, as every
 *   non-empty object of that text does; an empty one is `{}`;
 * - never breaks between a key and its value;
 * - prints an array on one line when it fits, with `, ` between items, else one item per line,
 *   each laid out again by the same rules; it always breaks an array that holds a broken object
 *   (a line break inside breaks every group around it), and one of two or more items that are
 *   all objects of two or more keys, or all arrays of two or more items; an array of numbers that
 *   does not fit it fills line by line (not predicted here: `undefined`);
 * - prints strings and keys as they are, and numbers as `JSON.stringify` does but for an
 *   exponent's `+` (`1e+21` is `1e21`: not predicted).
 * "Fits" counts the text up to the next line break: the item, and the comma after it if any, from
 * the column it starts at. Text that is not ASCII is measured only where its widest reading (two
 * columns a character) fits, as prettier counts East Asian characters as two; a key that is not
 * ASCII is not predicted.
 */
export function printedJson(code: string): string[] | undefined {
  try {
    const value: unknown = JSON.parse(code);
    return JSON.stringify(value, null, 2) === code ? print(value, '', 0, 0).split('\n') : undefined;
  } catch {
    // Not JSON, nested too deep to walk, or a layout not predicted (prettier's own embed then decides).
    return undefined;
  }
}


/** `value` as prettier prints it from column `column`, with `trail` characters after it on its line; `indent` is its line's. */
function print(value: unknown, indent: string, column: number, trail: number): string {
  if (value === null || typeof value !== 'object') {
    const text = JSON.stringify(value);
    if (typeof value === 'number' && text.includes('+')) throw new Unsure();
    return text;
  }
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    if (!mustBreak(value)) {
      const flat = flatText(value);
      if (fits(flat, column, trail)) return flat;
      if (value.every((item) => typeof item === 'number')) throw new Unsure();
    }
    const items = value.map((item, i) => `${inner}${print(item, inner, inner.length, i < value.length - 1 ? 1 : 0)}`);
    return `[\n${items.join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(value);
  if (entries.length === 0) return '{}';
  const lines = entries.map(([key, item], i) => {
    const head = `${inner}${JSON.stringify(key)}: `;
    // The value's column is the key's width: measured only for ASCII (a review found a wide key).
    if (!ASCII.test(head)) throw new Unsure();
    return `${head}${print(item, inner, head.length, i < entries.length - 1 ? 1 : 0)}`;
  });
  return `{\n${lines.join(',\n')}\n${indent}}`;
}

/**
 * Whether prettier breaks this non-empty array whatever its width (see above): also when an array
 * in it must break, which breaks every group around it (a review found the nested case).
 */
function mustBreak(items: readonly unknown[]): boolean {
  if (items.some(holdsBrokenObject) || items.some((item) => Array.isArray(item) && item.length > 0 && mustBreak(item))) return true;
  // Two or more objects of two or more keys each hold a broken object already.
  return items.length > 1 && items.every((item) => Array.isArray(item) && item.length > 1);
}

/** Whether a value is or holds an object with keys (always broken: see above). */
function holdsBrokenObject(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(holdsBrokenObject);
  return isObject(value) && Object.keys(value).length > 0;
}

const isObject = (value: unknown): value is object => value !== null && typeof value === 'object' && !Array.isArray(value);

/** An array without objects that have keys, on one line. */
function flatText(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(flatText).join(', ')}]`;
  return print(value, '', 0, 0);
}

