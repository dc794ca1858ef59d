/**
 * The lines of a YAML text, as far as where its block mappings' entries begin: for each line, its
 * indentation when the line holds a node, or -1 when it cannot begin an entry (blank, a comment, a
 * block or plain scalar's next lines, a quoted scalar's lines). Then an entry of a block mapping is a line at the mapping's
 * indentation up to the next line at that indentation or less, which lazy-yaml.ts parses alone.
 *
 * That holds only if no scalar or flow collection spans lines: js-yaml accepts a quoted scalar or
 * a flow collection whose next lines are indented less than its key, so a line inside one can look
 * like a key at any indentation. The scan therefore reads each line's tokens as far as its value
 * starts and answers `undefined` (the caller parses the whole text) for:
 * - a flow collection not closed on its line (a quoted scalar may go on: its lines are read to
 *   its closing quote, as js-yaml reads them, and belong to its entry),
 * - anchors, aliases, tags, directives, reserved characters, complex keys (`? `), also inside a
 *   flow collection; a document marker but one `---` first; a tab in a line read (js-yaml takes
 *   a tab where a space separates tokens); a line break js-yaml sees and this scan would not (a
 *   lone CR); a NUL (js-yaml refuses one even in a comment): anything whose meaning could cross
 *   an entry's boundary, or that makes js-yaml refuse a text whose lines this scan never reads.
 * Plain and block scalars may span lines: every next line indented more than the key (or the `- `)
 * that holds the scalar is its content (js-yaml reads a quote or bracket there as text: the scalar
 * began earlier), so such lines are not read, and belong to the key's entry. A plain scalar that
 * begins its own line belongs to the key (or `- `) of the line before whose value was empty.
 * Doubt costs only speed (a full parse); a line misread as an entry's start would cost correctness.
 */
export interface YamlLines {
  /** Where each line starts in the text. */
  readonly starts: Int32Array;
  /** Each line's indentation, or -1 for a line that cannot begin an entry. */
  readonly indents: Int32Array;
  readonly count: number;
}

export function scanYamlLines(text: string): YamlLines | undefined {
  if (/\r(?!\n)|\0/.test(text)) return undefined;
  let count = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) count++;
  count++;
  const starts = new Int32Array(count);
  const indents = new Int32Array(count);
  // The column a multi-line scalar's content is indented beyond, while one may go on (-1: none).
  let parent = -1;
  // The quote of a quoted scalar that goes on to the next line ('' : none).
  let quote = '';
  // The column of the key or `-` of the node line before, when its value was empty (-1: not so).
  let emptyAt = -1;
  let nodes = 0;
  let marker = false;
  for (let index = 0, start = 0; index < count; index++) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    const lineEnd = text.charCodeAt(end - 1) === CR ? end - 1 : end;
    const lineStart = start;
    starts[index] = start;
    start = end + 1;
    if (quote !== '') {
      // Inside a quoted scalar every line is its text, at any indentation, until the closing quote.
      indents[index] = -1;
      const line = text.slice(lineStart, lineEnd);
      const close = closeQuote(line, -1, quote);
      if (close === -1) continue;
      quote = '';
      if (closedAt(line, close) === DOUBT) return undefined;
      continue;
    }
    // Only a line that may begin a node is cut out of the text and read.
    let at = lineStart;
    while (text.charCodeAt(at) === SPACE && at < lineEnd) at++;
    const indent = at - lineStart;
    const blank = at === lineEnd;
    if (parent >= 0 && (blank || indent > parent)) {
      indents[index] = -1;
      continue;
    }
    parent = -1;
    if (blank || text.charCodeAt(at) === HASH) {
      indents[index] = -1;
      continue;
    }
    const line = text.slice(lineStart, lineEnd);
    // A document start before the first node is allowed (`---` then the mapping); any other marker is doubt.
    if (indent === 0 && /^(---|\.\.\.)(\s|$)/.test(line)) {
      if (nodes > 0 || marker || line.startsWith('...') || line.slice(3).trim() !== '') return undefined;
      marker = true;
      indents[index] = -1;
      continue;
    }
    if (line.includes('\t')) return undefined;
    const read = readLine(line, indent);
    const before = emptyAt;
    emptyAt = read <= EMPTY ? EMPTY - read : -1;
    if (read === DOUBT) return undefined;
    if (read === OPEN_DOUBLE || read === OPEN_SINGLE) quote = read === OPEN_DOUBLE ? '"' : "'";
    // A plain scalar beginning its line goes on beyond the key (or `- `) it is the value of.
    else if (read === KEYLESS) parent = before >= 0 ? Math.min(before, indent - 1) : indent - 1;
    else parent = read <= EMPTY ? -1 : read;
    indents[index] = indent;
    nodes++;
  }
  return { starts, indents, count };
}

const CR = 13;
const SPACE = 32;
const HASH = 35;
/** `readLine`'s answers besides a column. */
const DOUBT = -2;
const CLOSED = -1;
/** A value's quoted scalar goes on to the next line. */
const OPEN_DOUBLE = -3;
const OPEN_SINGLE = -4;
/** A plain scalar begins the line (no key, no `- `). */
const KEYLESS = -5;
/** The value of the key or `-` at column c is empty (it begins on a later line): EMPTY - c. */
const EMPTY = -10;

/**
 * A node line's tokens up to its value: DOUBT, CLOSED (nothing on it goes on to later lines),
 * EMPTY - c (the value of the key or `-` at column c begins on a later line), OPEN_DOUBLE or
 * OPEN_SINGLE (a quoted value goes on), KEYLESS, or the column of the key or `-` whose scalar
 * (block or plain) may go on.
 */
function readLine(line: string, indent: number): number {
  let at = indent;
  let dash = -1;
  // Sequence entries (`- `, `- - `): the node follows.
  while (line[at] === '-' && (at + 1 === line.length || line[at + 1] === ' ')) {
    dash = at;
    at = skipSpaces(line, at + 1);
  }
  if (at >= line.length || line[at] === '#') return dash === -1 ? CLOSED : EMPTY - dash;
  const first = line[at]!;
  if (first === '"' || first === "'") {
    const close = closeQuote(line, at, first);
    if (close === -1) return first === '"' ? OPEN_DOUBLE : OPEN_SINGLE;
    const next = skipSpaces(line, close + 1);
    if (endsHere(line, next, close + 1)) return CLOSED;
    return isKeyColon(line, next) ? readValue(line, next + 1, at) : DOUBT;
  }
  if (first === '[' || first === '{') return closedAt(line, closeFlow(line, at));
  if ((first === '|' || first === '>') && dash !== -1) return BLOCK_HEADER.test(line.slice(at)) ? dash : DOUBT;
  if (SPECIAL.includes(first) || (first === '?' && (at + 1 === line.length || line[at + 1] === ' '))) return DOUBT;
  // A plain scalar: a key if a `: ` (or a final `:`) comes before any ` #` comment. A scalar goes on
  // to lines indented more than its `- `, or (KEYLESS) than the key of the line before.
  const holder = dash === -1 ? KEYLESS : dash;
  for (let i = at + 1; i < line.length; i++) {
    if (line[i] === '#' && line[i - 1] === ' ') return holder;
    if (isKeyColon(line, i)) return readValue(line, i + 1, at);
  }
  return holder;
}

/** The value after a key's colon (the key at column `key`). */
function readValue(line: string, from: number, key: number): number {
  const at = skipSpaces(line, from);
  if (at >= line.length || line[at] === '#') return EMPTY - key;
  const first = line[at]!;
  if (first === '"' || first === "'") {
    const close = closeQuote(line, at, first);
    if (close === -1) return first === '"' ? OPEN_DOUBLE : OPEN_SINGLE;
    return closedAt(line, close);
  }
  if (first === '[' || first === '{') return closedAt(line, closeFlow(line, at));
  if (first === '|' || first === '>') return BLOCK_HEADER.test(line.slice(at)) ? key : DOUBT;
  if (SPECIAL.includes(first) || ((first === '-' || first === '?') && (at + 1 === line.length || line[at + 1] === ' '))) return DOUBT;
  return key;
}

/** Anchors, aliases, tags, directives, reserved characters and block indicators out of place. */
const SPECIAL = '&*!%@`|>';
/** A block scalar's header: indicator, optional indentation and chomping indicators, optional comment. */
const BLOCK_HEADER = /^[|>](?:[1-9][+-]?|[+-][1-9]?)?\s*(?:\s#.*)?$/;

/** CLOSED when a token closed at `close` ends the line (a comment may follow), else DOUBT (also for -1: not closed). */
function closedAt(line: string, close: number): number {
  return close !== -1 && endsHere(line, skipSpaces(line, close + 1), close + 1) ? CLOSED : DOUBT;
}

function skipSpaces(line: string, at: number): number {
  while (line[at] === ' ') at++;
  return at;
}

/** Whether the line ends at `at` (or a comment starts there, after a space: `after` is where the token ended). */
function endsHere(line: string, at: number, after: number): boolean {
  return at >= line.length || (line[at] === '#' && at > after);
}

function isKeyColon(line: string, at: number): boolean {
  return line[at] === ':' && (at + 1 === line.length || line[at + 1] === ' ');
}

/** Where a scalar in `quote`s, opened at `at` (-1: on an earlier line), closes on this line, or -1. */
function closeQuote(line: string, at: number, quote: string): number {
  for (let i = at + 1; i < line.length; i++) {
    if (quote === '"' && line[i] === '\\') i++;
    else if (line[i] === quote) {
      if (quote === "'" && line[i + 1] === "'") i++;
      else return i;
    }
  }
  return -1;
}

/**
 * Where the flow collection opened at `at` closes on this line, or -1 (also for a comment inside
 * it). A quote begins a scalar only where a node begins (after `[`, `{`, `,`, `:` and spaces);
 * elsewhere it is part of a plain scalar.
 */
function closeFlow(line: string, at: number): number {
  let depth = 0;
  let nodeStart = true;
  for (let i = at; i < line.length; i++) {
    const c = line[i]!;
    if (c === '[' || c === '{') {
      depth++;
      nodeStart = true;
    } else if (c === ']' || c === '}') {
      if (--depth === 0) return i;
      nodeStart = false;
    } else if (nodeStart && '&*!?'.includes(c)) {
      // An anchor, alias, tag or complex key inside: its meaning can reach beyond the line.
      return -1;
    } else if (c === ',' || c === ':') {
      nodeStart = true;
    } else if ((c === '"' || c === "'") && nodeStart) {
      i = closeQuote(line, i, c);
      if (i === -1) return -1;
      nodeStart = false;
    } else if (c === '#' && line[i - 1] === ' ') {
      return -1;
    } else if (c !== ' ') {
      nodeStart = false;
    }
  }
  return -1;
}

/** Line `index`'s text, without its line break. */
export function lineText(text: string, lines: YamlLines, index: number): string {
  let end = index + 1 < lines.count ? lines.starts[index + 1]! - 1 : text.length;
  if (text.charCodeAt(end - 1) === CR) end--;
  return text.slice(lines.starts[index], end);
}

/** The text of lines [from, to), with the last line's break. */
export function linesText(text: string, lines: YamlLines, from: number, to: number): string {
  return text.slice(lines.starts[from], to < lines.count ? lines.starts[to] : text.length);
}
