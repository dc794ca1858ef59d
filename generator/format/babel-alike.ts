/**
 * A bundler's annotation right before a call or `new` (`/* @__PURE__ *\/ http("Bearer")`, the
 * runtime's `defaults.ts`): both parsers attach it to the expression after it, wherever that stands
 * (a generated test formats it in objects, arrays, arguments, defaults, class fields and arrow
 * bodies). Before anything else (a parameter's name) it is a comment like any other.
 */
const PURE = /\/\*\s*[#@]__PURE__\s*\*\/ ?(?=new |[A-Za-z_$][\w$.]*\()/y;

/** Where a `PURE` annotation that starts at `at` ends (with the space after it), or -1. */
function pureEnd(text: string, at: number): number {
  PURE.lastIndex = at;
  return PURE.test(text) ? PURE.lastIndex : -1;
}

/**
 * Whether prettier's `babel-ts` parser gives the output its `typescript` parser gives for a
 * TypeScript text, as far as it is known (formatter.ts formats with babel-ts when it is). Prettier's
 * tests format every TypeScript case with both parsers and require the same output; a review of
 * ours found where the two still differ, and a text that may hold one of those goes to the
 * `typescript` parser:
 * - a JSDoc type cast, `/** @type {T} *\/ (x)`, whose parentheses babel keeps (`@type` or
 *   `@satisfies` anywhere);
 * - a quoted key of an abstract member (`abstract "a": number`), which babel leaves quoted;
 * - a comment inside a function's or method's head (`m(// c`, `m /* c *\/ ()`, a comment between
 *   `)` and a return type, `export /* c *\/ * as ns`): babel attaches it elsewhere. So every comment
 *   must come after a `;`, `{` or `}` (or the start), on that line or below it, and be followed by a
 *   statement or member: a name, a quoted or numeric key, `[`, `#` or `}` (a generated test puts
 *   comments so in types, classes, blocks and statements of every kind: the parsers agree);
 * - code TypeScript's parser reads but prettier's refuses, which babel formats (an initializer in
 *   `for (x = 1 in y)`, a decorator on a parameter): no `for (` and no `@` in code.
 * - a line that starts with a number written from its dot (`.5`): after a member without its `;`
 *   (`a: { ... } | null` then `.5: number;`) babel breaks the union before it (a review found it).
 * A `PURE` annotation is not such a comment. Template literals and a `/` that starts no comment (a
 * division or a regular expression) are not read here, so a text holding one goes to `typescript` too.
 */
export function babelAlike(text: string): boolean {
  if (/@(?:type|satisfies)\b/.test(text) || /^\s*\.\d/m.test(text)) return false;
  let lastCode = '';
  let afterComment = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') continue;
    const pure = c === '/' ? pureEnd(text, i) : -1;
    if (pure > 0) {
      i = pure - 1;
      continue;
    }
    if (c === '/' && (text[i + 1] === '/' || text[i + 1] === '*')) {
      if (!['', ';', '{', '}'].includes(lastCode)) return false;
      const end = text[i + 1] === '/' ? text.indexOf('\n', i) : text.indexOf('*/', i + 2) + 1;
      if (end <= 0) return text[i + 1] === '/';
      i = end;
      afterComment = true;
      continue;
    }
    if (afterComment && !/[\w$"'[#}]/.test(c)) return false;
    afterComment = false;
    if (c === '`' || c === '/' || c === '@') return false;
    if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < text.length && text[j] !== c && text[j] !== '\n') j += text[j] === '\\' ? 2 : 1;
      if (text[j] !== c) return false;
      i = j;
      lastCode = c;
      continue;
    }
    if (/[A-Za-z_$]/.test(c)) {
      const word = /^[\w$]+/.exec(text.slice(i, i + 64))![0];
      // `for (` and `abstract` before a name or a quoted key; not a key named so (`for: string`).
      if ((word === 'for' || word === 'abstract') && /^\s*[("'\w]/.test(text.slice(i + word.length, i + word.length + 16))) return false;
      i += word.length - 1;
      lastCode = word.at(-1)!;
      continue;
    }
    lastCode = c;
  }
  return true;
}
