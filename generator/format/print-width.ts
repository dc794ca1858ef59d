/**
 * prettier's line width with its defaults, as the layouts it is asked for less (json-code.ts,
 * data-elements.ts, type-members.ts) measure it: 80 columns, printable ASCII a column a character
 * (prettier counts an East Asian character as two and a combining mark as none).
 */
export const WIDTH = 80;

/** Printable ASCII: prettier measures it a column a character. */
export const ASCII = /^[\x20-\x7e]*$/;

/** Thrown where a layout is not predicted: the text goes to prettier. */
export class Unsure extends Error {}

/**
 * Whether `text` fits from column `column` with `trail` characters after it on its line (what
 * prettier measures up to the next line break). Text that is not ASCII is measured by its widest
 * reading (two columns a character) and its ASCII alone; between the two, `Unsure` is thrown.
 */
export function fits(text: string, column: number, trail: number): boolean {
  if (ASCII.test(text)) return column + text.length + trail <= WIDTH;
  if (column + 2 * text.length + trail <= WIDTH) return true;
  if (column + text.replace(/[^\x20-\x7e]/g, '').length + trail > WIDTH) return false;
  throw new Unsure();
}
