import { formatRewritten } from './rewrite.ts';
import { ASCII, fits, Unsure, WIDTH } from './print-width.ts';

/**
 * The validation data's elements (templates/validation.ts: `export const data = {`, then
 * `components: [` and `responses: [` with one `[name, schema]` element a line, as
 * `escape.jsonLiteral` writes them) laid out as prettier lays them out, each run of them sent to it
 * as two placeholder elements and put back: GitHub's `schemas.ts` (540 KB on one line an element)
 * was a tenth of its `--all`'s formatting.
 *
 * prettier's JavaScript printer, with its defaults (width 80, indent 2, double quotes, trailing
 * commas, bracket spacing), on such an element:
 * - an object or array goes on one line where it fits (`{ a: 1 }`, `[1, 2]`), with what follows
 *   it up to the line's end (a comma) counted; else one entry a line, each followed by a comma;
 * - an array always breaks when it holds two or more arrays, or two or more objects, all of two or
 *   more entries; and so does every array or object around one that must break;
 * - a key of fewer than 5 columns stays beside its value; a longer one too before a number (not a
 *   negative one), a boolean, or an array or object whose opening bracket fits on the line; before
 *   a string, a negative number or `null` that does not fit there, the value goes to the next line,
 *   indented by 2;
 * - strings and keys are printed as written (a string with an escaped double quote is not
 *   predicted: prettier may quote it with single quotes), numbers too (one with an exponent is not
 *   predicted), an array of numbers only where it fits on one line (else prettier fills lines).
 * Text that is not ASCII is measured as in json-code.ts (its widest reading, else not predicted).
 *
 * Only in an array of two or more elements, each an array of two or more elements (which prettier
 * always breaks: the two placeholders keep that so; one such element alone goes on a line if it fits), opened by `key: [` in a top-level `export const
 * name: Type = {` and closed by `],` (or `]` in a chunk of the file, chunks.ts); each element one
 * line as `jsonLiteral` writes it, with its comma (prettier prints one after the last too). The output must hold each pair of placeholders, in order, on lines of their own at the
 * elements' indentation; otherwise, or when prettier fails, the text is formatted as it is.
 */
export function formatWithDataElements(text: string, format: (text: string) => Promise<string>): Promise<string> {
  return formatRewritten(text, withoutDataElements, withDataElements, format);
}

const PLACEHOLDER = 'openapi_morph_data_';
/** Where the elements stand: in `key: [` in `export const name = {`. */
const INDENT = '    ';

interface Replaced {
  readonly text: string;
  readonly runs: readonly (readonly string[])[];
}

const DATA = /^export const [A-Za-z_$][\w$]*(?:: [A-Za-z_$][\w$]*)? = \{$/;
/** A property of the constant's object, at its first level. */
const ARRAY = /^ {2}[A-Za-z_$][\w$]*: \[$/;
/** The array's closing line; a chunk of the file (chunks.ts) closes it with `]`, its last element without its comma. */
const CLOSE = /^ *\],?$/;

/** `text` with each run of elements it lays out replaced by two placeholder elements, or `undefined` when it has none (see above). */
export function withoutDataElements(text: string): Replaced | undefined {
  // No template literal (lines that look like data may stand in one).
  if (text.includes(PLACEHOLDER) || text.includes('prettier-ignore') || text.includes('`') || /[\r\u2028\u2029]/.test(text)) return undefined;
  const lines = text.split('\n');
  const out: string[] = [];
  const runs: string[][] = [];
  let inData = false;
  let inComment = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    out.push(line);
    // A block comment's lines are no code (lines that look like data may stand in one).
    const wasInComment = inComment;
    inComment = commentOpenAfter(inComment, line);
    if (wasInComment || inComment) continue;
    if (DATA.test(line)) inData = true;
    // The constant ends at the first line that closes a top-level brace (`};`, `} as const;`).
    else if (line.startsWith('}')) inData = false;
    if (!inData || !ARRAY.test(line)) continue;
    let close = i + 1;
    while (close < lines.length && !CLOSE.test(lines[close]!)) close++;
    // Every element but the last with its comma (a chunk drops the last one's).
    const elements = lines.slice(i + 1, close).map((text, e, all) => (e < all.length - 1 && !text.endsWith(',') ? undefined : element(text)));
    if (close === lines.length || elements.length < 2 || !elements.every((value) => Array.isArray(value) && value.length > 1)) continue;
    const printed = elements.map((value) => printedElement(value!));
    for (let e = 0; e < elements.length; e++) {
      if (!printed[e]) {
        out.push(lines[i + 1 + e]!);
        continue;
      }
      const run: string[] = [];
      for (; e < elements.length && printed[e]; e++) run.push(...printed[e]!);
      e--;
      out.push(`${INDENT}[${PLACEHOLDER}${runs.length}, 0],`, `${INDENT}[${PLACEHOLDER}${runs.length}, 1],`);
      runs.push(run);
    }
    i = close - 1;
  }
  return runs.length > 0 ? { text: out.join('\n'), runs } : undefined;
}

/** `output` (prettier's for the replaced text) with the runs back in place of their placeholders, or `undefined` when it is not as expected. */
export function withDataElements(output: string, replaced: Replaced): string | undefined {
  if (output.split(PLACEHOLDER).length - 1 !== 2 * replaced.runs.length) return undefined;
  const lines = output.split('\n');
  const result: string[] = [];
  let next = 0;
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i]!.includes(PLACEHOLDER)) {
      result.push(lines[i]!);
      continue;
    }
    if (lines[i] !== `${INDENT}[${PLACEHOLDER}${next}, 0],` || lines[i + 1] !== `${INDENT}[${PLACEHOLDER}${next}, 1],`) return undefined;
    result.push(...replaced.runs[next++]!);
    i++;
  }
  return result.join('\n');
}

/** A value as `jsonLiteral` writes it, strings and numbers kept as written. */
type Value = { readonly raw: string } | readonly Value[] | { readonly entries: readonly (readonly [string, Value])[] };

/** The element a line holds (`  [...],`), or `undefined` when it is not one `jsonLiteral` wrote. */
function element(line: string): Value | undefined {
  const match = /^ *(\[.*\]),?$/.exec(line);
  if (!match) return undefined;
  try {
    const reader = new LiteralReader(match[1]!);
    const value = reader.value();
    return reader.done() ? value : undefined;
  } catch {
    return undefined;
  }
}

const NAME = /[A-Za-z_$][\w$]*/y;
/** A string as `JSON.stringify` escapes it (no `\/`, no other escape prettier would print otherwise). */
const STRING = /"(?:[^"\\]|\\["\\bfnrt]|\\u[0-9a-fA-F]{4})*"/y;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:e[+-]?\d+)?/y;
const WORD = /true|false|null/y;

/** Reads `jsonLiteral`'s output exactly: `, ` between entries, `{ ` and ` }` around an object's. */
class LiteralReader {
  private at = 0;
  constructor(private readonly text: string) {}

  done(): boolean {
    return this.at === this.text.length;
  }

  value(): Value {
    const char = this.text[this.at];
    if (char === '[') {
      this.at++;
      const items: Value[] = [];
      while (this.text[this.at] !== ']') {
        if (items.length > 0) this.expect(', ');
        items.push(this.value());
      }
      this.at++;
      return items;
    }
    if (char === '{') {
      if (this.text.startsWith('{}', this.at)) {
        this.at += 2;
        return { entries: [] };
      }
      this.expect('{ ');
      const entries: [string, Value][] = [];
      while (!this.text.startsWith(' }', this.at)) {
        if (entries.length > 0) this.expect(', ');
        const key = this.token(NAME) ?? this.token(STRING);
        if (key === undefined) throw new Error('not a key');
        this.expect(': ');
        entries.push([key, this.value()]);
      }
      this.at += 2;
      return { entries };
    }
    const raw = this.token(STRING) ?? this.token(NUMBER) ?? this.token(WORD);
    // A number as `String(number)` writes it (not `1.50`, which prettier prints `1.5`).
    if (raw === undefined || (/^-?\d/.test(raw) && String(Number(raw)) !== raw)) throw new Error('not a value as jsonLiteral writes one');
    return { raw };
  }

  private token(pattern: RegExp): string | undefined {
    pattern.lastIndex = this.at;
    const match = pattern.exec(this.text);
    if (!match) return undefined;
    this.at = pattern.lastIndex;
    return match[0];
  }

  private expect(text: string): void {
    if (!this.text.startsWith(text, this.at)) throw new Error(`${text} expected`);
    this.at += text.length;
  }
}

/** An element's lines as prettier prints them, at the elements' indentation, with its comma; `undefined` when not predicted. */
function printedElement(value: Value): string[] | undefined {
  try {
    return `${INDENT}${print(value, INDENT, INDENT.length, 1)},`.split('\n');
  } catch {
    return undefined;
  }
}

const isArray = (value: Value): value is readonly Value[] => Array.isArray(value);
// Not `'entries' in value` alone: an array has an `entries` method.
const isObject = (value: Value): value is { readonly entries: readonly (readonly [string, Value])[] } => !Array.isArray(value) && 'entries' in value;

/** `value` as prettier prints it from column `column`, `trail` characters after it on its line; `indent` is its line's. */
function print(value: Value, indent: string, column: number, trail: number): string {
  const inner = `${indent}  `;
  if (isArray(value)) {
    if (value.length === 0) return '[]';
    if (!mustBreak(value)) {
      const flat = flatText(value);
      if (flat !== undefined && fits(flat, column, trail)) return flat;
      if (value.every((item) => !isArray(item) && !isObject(item) && /^-?\d/.test(item.raw))) throw new Unsure();
    }
    return `[\n${value.map((item) => `${inner}${print(item, inner, inner.length, 1)},`).join('\n')}\n${indent}]`;
  }
  if (isObject(value)) {
    if (value.entries.length === 0) return '{}';
    if (!mustBreak(value)) {
      const flat = flatText(value);
      if (flat !== undefined && fits(flat, column, trail)) return flat;
    }
    return `{\n${value.entries.map(([key, item]) => `${inner}${property(key, item, inner)},`).join('\n')}\n${indent}}`;
  }
  if (value.raw.includes('\\"') || /^-?\d.*[eE]/.test(value.raw)) throw new Unsure();
  return value.raw;
}

/** `key: value` on its own line of a broken object, at `indent`, its comma after it. */
function property(key: string, value: Value, indent: string): string {
  const head = `${printedKey(key)}: `;
  const short = key.length < 5;
  const column = indent.length + head.length;
  if ((isArray(value) && value.length > 0) || (isObject(value) && value.entries.length > 0)) {
    // The opening bracket must fit beside the key (prettier breaks after the colon otherwise).
    if (!short && column + 1 > WIDTH) throw new Unsure();
    return `${head}${print(value, indent, column, 1)}`;
  }
  // What cannot break: `[]`, `{}` (the whole of it and its comma must fit, a review found), a string, a number, a boolean, `null`.
  const text = print(value, indent, column, 1);
  // Beside any key: a boolean or a number (not a negative one: that is an expression).
  if (short || text === 'true' || text === 'false' || /^\d/.test(text) || fits(text, column, 1)) return `${head}${text}`;
  return `${head.trimEnd()}\n${indent}  ${text}`;
}

/**
 * A key as prettier prints it, where that is as written: a name, or a quoted ASCII key that is no
 * name and holds no double quote (prettier unquotes a name, a non-ASCII one too, and quotes a key
 * holding `"` with single quotes: a review found both). Else not predicted.
 */
function printedKey(key: string): string {
  if (!ASCII.test(key) || key.slice(1, -1).includes('\\"') || /^"[A-Za-z_$][\w$]*"$/.test(key)) throw new Unsure();
  return key;
}

/** Whether a block comment is open after `line` (strings aside: a data line holds no `/*`; a line that does is read as a comment's). */
function commentOpenAfter(open: boolean, line: string): boolean {
  let at = 0;
  let inside = open;
  for (;;) {
    const next = line.indexOf(inside ? '*/' : '/*', at);
    if (next < 0) return inside;
    at = next + 2;
    inside = !inside;
  }
}

/** Whether prettier breaks this array or object whatever its width (see above). */
function mustBreak(value: Value): boolean {
  if (isArray(value)) {
    if (value.some((item) => (isArray(item) || isObject(item)) && mustBreak(item))) return true;
    const many = (item: Value) => (isArray(item) ? item.length : isObject(item) ? item.entries.length : 0) > 1;
    return value.length > 1 && (value.every((item) => isArray(item) && many(item)) || value.every((item) => isObject(item) && many(item)));
  }
  return isObject(value) && value.entries.some(([, item]) => (isArray(item) || isObject(item)) && mustBreak(item));
}

/** The value on one line, as prettier prints it flat. */
function flatText(value: Value): string | undefined {
  if (isArray(value)) {
    const items = value.map(flatText);
    return items.every((item) => item !== undefined) ? `[${items.join(', ')}]` : undefined;
  }
  if (isObject(value)) {
    if (value.entries.length === 0) return '{}';
    const items = value.entries.map(([key, item]) => [key, flatText(item)] as const);
    return items.every(([, item]) => item !== undefined) ? `{ ${items.map(([key, item]) => `${printedKey(key)}: ${item}`).join(', ')} }` : undefined;
  }
  return print(value, '', 0, 0);
}

