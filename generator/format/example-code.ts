import { RESERVED_WORDS } from './keywords.ts';
import { splitOutside } from './split-outside.ts';

/**
 * Example programs that prettier prints as they are (the docs pages' and README's usage examples),
 * so a fence of them needs no parsing (markdown-fences.ts). Prettier prints a program's statements
 * one after another with the blank lines between them (one at most), and a statement that fits
 * in 80 columns on one line; each of these prints as it stands when it is written as prettier
 * writes it:
 * - `import { A, B } from "module";` (an import of one name at any width: prettier breaks an
 *   import's braces only for several names or a comment);
 * - `const name = value;`, `await call(...);`, `call(...);`, where a value is a call (`a.b(...)`),
 *   `await` or `new` and a call, or a literal;
 * - `// a comment`.
 *
 * Literals: strings in double quotes with no quote or backslash in them, numbers as prettier
 * writes them (no exponent, no `+`, no leading or trailing zero it drops), `true`, `false`,
 * `null`, names and their members (`Status.Active`), objects `{ key: value, ... }` with names as
 * keys (or `{}`), arrays of literals that are neither objects nor arrays, or of one value
 * (prettier breaks an array of several objects or arrays). One space after each comma and colon,
 * inside an object's braces, none inside brackets and parentheses. Printable ASCII (a character's
 * width is 1), every line at most 80 columns. A name is none of JavaScript's and TypeScript's
 * keywords (`await(x)` prints as `await x`, `if(x);` as `if (x);`); a member's may be.
 */
export function plainProgram(code: readonly string[]): boolean {
  return printedProgram(code)?.join('\n') === code.join('\n');
}

/**
 * The lines prettier prints an example program as (each statement on one line), or `undefined`
 * where that is not known: every statement `plainStatement` accepts as it stands, and a longer
 * `const name = await call(...);`, `const name = new Callee(..., { ... });` or `await call(...);`
 * as prettier breaks it (`printedAssignment`, `printedConstruction`, `printedAwait`).
 */
export function printedProgram(code: readonly string[]): string[] | undefined {
  if (code.length === 0 || code[0] === '' || code.at(-1) === '') return undefined;
  const printed: string[] = [];
  for (const [i, line] of code.entries()) {
    if (line === '' && code[i - 1] === '') return undefined;
    const lines = line === '' || plainStatement(line) ? [line] : (printedAssignment(line) ?? printedAwait(line));
    if (!lines) return undefined;
    printed.push(...lines);
  }
  return printed;
}

/**
 * How prettier prints `await callee(arguments);` when it is wider than 80 columns (a statement
 * `statementParts` reads), or `undefined` where that is not known: its arguments break as a call's
 * do after `const name = ` (`printedCall`), from the first column. Measured against prettier by a
 * generated test (test/unit/example-code.test.ts).
 */
function printedAwait(line: string): string[] | undefined {
  const parts = statementParts(line);
  // A call without arguments has none to break: how prettier breaks its chain is not known.
  return parts?.awaited && parts.assigned === undefined && parts.args.length > 0 ? printedCall('', 'await ', parts.callee, parts.args) : undefined;
}

/** An argument of a statement's top-level call: its text, whether it is an object or array, its keys, and whether prettier counts it short. */
interface Argument {
  readonly text: string;
  readonly kind: 'object' | 'array' | 'other';
  /** An object's keys with their values, as written. */
  readonly keys: readonly string[];
  readonly short: boolean;
}

/**
 * How prettier prints `const name = await callee(arguments);` when it is wider than 80 columns (a
 * statement `statementParts` reads), or `undefined` where that is not known:
 * - with no argument or one short one (a string or name of at most 20 columns, a number of any
 *   length: `SHORT`, `NUMBER_TEXT`), a chain it cannot break well: it breaks after `=`, and the rest
 *   goes on the next line, indented by 2, where it fits; else the one argument goes on a line of
 *   its own, indented by 4, with a comma, and `);` after it (without one, not known);
 * - else the call stays after `=` when `const name = await callee(` fits (and goes to the next
 *   line, indented by 2, when it does not), and its arguments break (`printedCall`).
 * Measured against prettier by a generated test (test/unit/example-code.test.ts).
 */
function printedAssignment(line: string): string[] | undefined {
  // (A statement of at most 80 columns that reads is `plainStatement`'s, so this one is wider.)
  const parts = statementParts(line);
  if (!parts?.assigned) return undefined;
  const { assigned, callee, args } = parts;
  const left = `const ${assigned} =`;
  if (parts.constructed) return printedConstruction(left, callee, args);
  // A lone call without arguments (`load()`) is short to prettier only for some lengths of its name (found by a review): not known.
  if (args.length === 1 && args[0]!.text.endsWith('()')) return undefined;
  if (args.length === 0 || (args.length === 1 && args[0]!.short)) {
    const rest = `  await ${callee}(${args[0]?.text ?? ''});`;
    if (rest.length <= 80) return [left, rest];
    // Too wide there too: its one argument goes on a line of its own (the line before it may stay wider).
    return args.length === 1 ? [left, `  await ${callee}(`, `    ${args[0]!.text},`, '  );'] : undefined;
  }
  if (`${left} await ${callee}(`.length <= 80) return printedCall('', `${left} await `, callee, args);
  const rest = printedCall('  ', 'await ', callee, args);
  return rest ? [left, ...rest] : undefined;
}

/**
 * How prettier prints `const name = new Callee(arguments);` wider than 80 columns where its last
 * argument is an object with keys after arguments that are neither objects nor arrays (the docs
 * pages' `const api = new DefaultApi({ auth: { basicAuth: { ... } } });`): hugged, the line up to
 * its `{` and each key's line fitting in 80 columns; any other such statement is not known.
 * Measured against prettier by a generated test (test/unit/example-code.test.ts).
 */
function printedConstruction(left: string, callee: string, args: readonly Argument[]): string[] | undefined {
  const last = args.at(-1);
  if (!last || last.kind !== 'object' || last.text === '{}' || args.slice(0, -1).some((arg) => arg.kind !== 'other')) return undefined;
  const head = `${left} new ${callee}(${args.slice(0, -1).map((arg) => `${arg.text}, `).join('')}{`;
  const keys = entryLines(last.keys, '  ');
  return head.length <= 80 && keys ? [head, ...keys, '});'] : undefined;
}

/**
 * A call's lines (`indent` before each, `prefix` before the callee), as prettier prints its
 * arguments: on one line when it fits in 80 columns; else a last argument that is an object with
 * keys, after one that is not an object, hugged (the line up to its `{` must fit, then a key per
 * line); else one argument per line. Each line must fit; a last argument that is an array with
 * items (which prettier may hug) is not known.
 */
function printedCall(indent: string, prefix: string, callee: string, args: readonly Argument[]): string[] | undefined {
  const fits = (lines: string[]) => (lines.every((line) => line.length <= 80) ? lines : undefined);
  const head = `${indent}${prefix}${callee}(`;
  const flat = `${head}${args.map((arg) => arg.text).join(', ')});`;
  if (flat.length <= 80) return [flat];
  const last = args.at(-1)!;
  const before = args.slice(0, -1);
  if (last.kind === 'array' && last.text !== '[]' && args.at(-2)?.kind !== 'array') return undefined;
  if (last.kind === 'object' && last.text !== '{}' && args.at(-2)?.kind !== 'object') {
    const first = `${head}${before.map((arg) => `${arg.text}, `).join('')}{`;
    const keys = entryLines(last.keys, `${indent}  `);
    if (first.length <= 80) return keys && [first, ...keys, `${indent}});`];
  }
  const broken = args.map((arg) => {
    const flat = `${indent}  ${arg.text},`;
    if (flat.length <= 80 || arg.kind !== 'object' || arg.text === '{}') return [flat];
    const keys = entryLines(arg.keys, `${indent}    `);
    return keys && [`${indent}  {`, ...keys, `${indent}  },`];
  });
  return broken.every((lines) => lines !== undefined) ? fits([head, ...broken.flat(), `${indent});`]) : undefined;
}

/**
 * An object's entries (`key: value`, as written) a line each at `indent`, with a comma, as prettier
 * prints those of an object it breaks: an entry on its line where it fits in 80 columns; else one
 * whose value is an object with keys as `key: {` (where that fits: else prettier breaks after the
 * colon), its entries a level in (each so), and `},`; else not known (`undefined`).
 */
function entryLines(entries: readonly string[], indent: string): string[] | undefined {
  const lines: string[] = [];
  for (const entry of entries) {
    const flat = `${indent}${entry},`;
    if (flat.length <= 80) {
      lines.push(flat);
      continue;
    }
    const object = /^([A-Za-z_$][\w$]*: )\{ (.*) \}$/.exec(entry);
    if (!object || `${indent}${object[1]}{`.length > 80) return undefined;
    let inner: string[] | undefined;
    try {
      inner = entryLines(splitOutside(object[2]!, ', '), `${indent}  `);
    } catch {
      // (Brackets or quotes that do not pair: not read.)
    }
    if (!inner) return undefined;
    lines.push(`${indent}${object[1]}{`, ...inner, `${indent}},`);
  }
  return lines;
}

const IDENTIFIER = /[A-Za-z_$][\w$]*/y;
const STRING = /"[ !#-[\]-~]*"/y;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d*[1-9])?(?![\w$.])/y;
const COMMENT = /^\/\/ [ -~]*[!-~]$/;
/** The start of an import of one name (the rest of the line is read as any import's). */
const ONE_NAME_IMPORT = /^import \{ [A-Za-z_$][\w$]* \} from "/;
const KEYWORDS = new Set(RESERVED_WORDS);

/** Whether one line is a statement of an example program that prettier prints as it is (see above). */
export function plainStatement(line: string): boolean {
  // Every token is printable ASCII, so a line's width is its length.
  return (line.length <= 80 || ONE_NAME_IMPORT.test(line)) && statementParts(line) !== undefined;
}

/**
 * The parts of a statement of the grammar above at any width, or `undefined` when it is not one:
 * for `const name = await callee(arguments);`, `const name = new Callee(arguments);` (`constructed`)
 * and `await callee(arguments);`, the name (if any), the callee and the arguments.
 */
function statementParts(line: string): { assigned: string | undefined; awaited: boolean; constructed: boolean; callee: string; args: Argument[] } | undefined {
  if (line.startsWith('//')) return COMMENT.test(line) ? { assigned: undefined, awaited: false, constructed: false, callee: '', args: [] } : undefined;
  let at = 0;
  const take = (token: string): boolean => line.startsWith(token, at) && (at += token.length) > 0;
  const match = (pattern: RegExp): string | undefined => {
    pattern.lastIndex = at;
    const found = pattern.exec(line)?.[0];
    if (found !== undefined) at += found.length;
    return found;
  };
  const name = (): boolean => {
    const found = match(IDENTIFIER);
    return found !== undefined && !KEYWORDS.has(found);
  };
  // A name, its members, and arguments when `call` (then they must follow).
  const reference = (call: boolean): boolean => {
    if (!name()) return false;
    while (take('.')) if (match(IDENTIFIER) === undefined) return false;
    return call ? take('(') && list(value, ')') : true;
  };
  // How many items, one space after each comma, up to `close` (at least one), or 0 when not so.
  const items = (item: () => boolean, close: string): number => {
    let count = 0;
    for (;;) {
      if (!item()) return 0;
      count++;
      if (!take(', ')) return take(close) ? count : 0;
    }
  };
  const list = (item: () => boolean, close: string): boolean => take(close) || items(item, close) > 0;
  const entry = (): boolean => match(IDENTIFIER) !== undefined && take(': ') && value();
  // Each key's text goes to `keys` when given (a call's argument, which prettier may print a key per line).
  const object = (keys?: string[]): boolean =>
    take('{}') ||
    (take('{ ') &&
      items(() => {
        const from = at;
        const read = entry();
        keys?.push(line.slice(from, at));
        return read;
      }, ' }') > 0);
  // Several items, none an object or an array (prettier breaks an array of several such), or one.
  const array = (): boolean => {
    if (take('[]')) return true;
    at++;
    let nested = false;
    const count = items(() => {
      nested ||= line[at] === '{' || line[at] === '[';
      return value();
    }, ']');
    return count === 1 || (count > 1 && !nested);
  };
  const literal = (): boolean => match(STRING) !== undefined || match(NUMBER) !== undefined || take('true') || take('false') || take('null');
  // An object or an array from its first character.
  const value = (): boolean => {
    if (line[at] === '{') return object();
    if (line[at] === '[') return array();
    if (take('new ')) return reference(true);
    const start = at;
    if (literal() && !/[\w$]/.test(line[at] ?? '')) return true;
    at = start;
    return reference(line[at + (/^[\w$.]*/.exec(line.slice(at))?.[0].length ?? 0)] === '(');
  };
  const expression = (): boolean => (take('await ') ? reference(true) : value());
  // `const name = await callee(...)` and `const name = new Callee(...)`: their parts, each argument read on its own.
  let assigned: string | undefined;
  let awaited = false;
  let constructed = false;
  let callee = '';
  const args: Argument[] = [];
  const awaitedCall = (): boolean => {
    const start = at;
    if (!reference(false)) return false;
    callee = line.slice(start, at);
    if (!take('(')) return false;
    if (take(')')) return true;
    for (;;) {
      const from = at;
      const keys: string[] = [];
      if (!(line[at] === '{' ? object(keys) : value())) return false;
      const text = line.slice(from, at);
      args.push({ text, kind: text[0] === '{' ? 'object' : text[0] === '[' ? 'array' : 'other', keys, short: NUMBER_TEXT.test(text) || (SHORT.test(text) && text.length <= 20) });
      if (!take(', ')) return take(')');
    }
  };
  const statement = (): boolean => {
    if (take('import { ')) return items(name, ' } from ') > 0 && match(STRING) !== undefined;
    if (take('const ')) {
      const start = at;
      if (!name()) return false;
      const named = line.slice(start, at);
      if (!take(' = ')) return false;
      if (take('new ')) {
        assigned = named;
        return (constructed = awaitedCall());
      }
      if (!line.startsWith('await ', at)) return expression();
      at += 'await '.length;
      assigned = named;
      return (awaited = awaitedCall());
    }
    if (take('await ')) return (awaited = awaitedCall());
    return expression() && line[at - 1] === ')';
  };
  return statement() && take(';') && at === line.length ? { assigned, awaited, constructed, callee, args } : undefined;
}

/** The arguments prettier counts short with at most 20 columns: strings, `true`, `false`, `null`, names (not their members). */
const SHORT = /^(?:"[^"]*"|[A-Za-z_$][\w$]*)$/;
/** A number, which prettier counts short at any length (found by a review). */
const NUMBER_TEXT = /^-?[\d.]+$/;
