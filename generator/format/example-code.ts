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
  if (code.length === 0 || code[0] === '' || code.at(-1) === '') return false;
  return code.every((line, i) => (line === '' ? code[i - 1] !== '' : plainStatement(line)));
}

const IDENTIFIER = /[A-Za-z_$][\w$]*/y;
const STRING = /"[ !#-[\]-~]*"/y;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d*[1-9])?(?![\w$.])/y;
const COMMENT = /^\/\/ [ -~]*[!-~]$/;
/** The start of an import of one name (the rest of the line is read as any import's). */
const ONE_NAME_IMPORT = /^import \{ [A-Za-z_$][\w$]* \} from "/;
const KEYWORDS = new Set(
  (
    'abstract accessor any as asserts async await bigint boolean break case catch class const constructor continue debugger declare default delete do else enum export extends false ' +
    'finally for from function get global if implements import in infer instanceof interface is keyof let module namespace never new null number object of out override package ' +
    'private protected public readonly require return satisfies set static string super switch symbol this throw true try type typeof undefined unique unknown using var void while with yield'
  ).split(' '),
);

/** Whether one line is a statement of an example program that prettier prints as it is (see above). */
export function plainStatement(line: string): boolean {
  // Every token is printable ASCII, so a line's width is its length.
  if (line.length > 80 && !ONE_NAME_IMPORT.test(line)) return false;
  if (line.startsWith('//')) return COMMENT.test(line);
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
  const object = (): boolean => take('{}') || (take('{ ') && items(entry, ' }') > 0);
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
  const statement = (): boolean => {
    if (take('import { ')) return items(name, ' } from ') > 0 && match(STRING) !== undefined;
    if (take('const ')) return name() && take(' = ') && expression();
    return expression() && line[at - 1] === ')';
  };
  return statement() && take(';') && at === line.length;
}
