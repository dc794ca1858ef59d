import { changesCode, printedComment } from './block-comment.ts';
import { commentRanges } from './comment-ranges.ts';
import { splitOutside } from './split-outside.ts';
import { TYPE_KEYWORDS } from './keywords.ts';
import { formatRewritten, replacedPlaceholders } from './rewrite.ts';
import { ASCII, Unsure, WIDTH } from './print-width.ts';

/**
 * The API classes' methods (templates/api.ts: a signature line, `return this.#core.call<R>(...)`,
 * `}`) laid out as prettier lays them out, each run of them (with their JSDoc comments, as prettier
 * prints a comment on lines of its own, and one empty line between two members where the text has
 * any) sent to it as one placeholder property and put back:
 * GitHub's 62 API classes were about two thirds of what its `--all` gave prettier after the doc
 * comments (doc-comments.ts), mostly these methods: each one a signature to break and two calls
 * whose last arguments prettier tries hugged, then broken out.
 *
 * What prettier's printer does with these (its defaults: width 80, indent 2, trailing commas), measured up to the next line break:
 * - the signature stays on one line where it fits; else each parameter goes on a line of its own
 *   with a comma, and `): ApiPromise<R> {` follows (one parameter or several alike);
 * - a type argument `R` stays inside `<>` where the line up to its next break fits (`<R> {` after
 *   the signature, `<R>(` before the call's arguments), or is a name (prettier hugs a plain type
 *   reference or keyword); else it goes on a line of its own, indented by 2, and `>` after;
 * - a parameter's type: `NonNullable<...>[...]` breaks inside its `<>` as above, an object type `{
 *   a?: T; b: U }` one member a line (each with `;`), a union (of a parameter or a member) after
 *   its key on a line of its own, on the next line where it fits, else one type a line after
 *   `| `, an indexed access chain or name never;
 * - the call's arguments: on one line where all fits; else hugged, its last argument (the arrow
 *   function) broken where the line up to ` =>` fits, its body on the next line indented by 2 and
 *   `,` then `);` after it; else one argument a line, each with a comma, the arrow function on one
 *   line where it fits, else its body on the next line;
 * - the inner call `client.M("path", { ... })` likewise: one line, else hugged (its object one member
 *   a line) where the line up to `{` fits, else one argument a line; an object on one line where it
 *   fits with what follows it, else one member a line, each with a comma.
 *
 * Only methods of that shape (what the default template prints, ASCII, strings without a backslash,
 * names as keys, values of names and objects, security lists that prettier does not break: `securityList`) in a
 * top-level `export class Name {`, and only where every piece is predicted: a member that does not
 * fit, or anything else, leaves the method to prettier, and so does a comment in its
 * lines. Text with `prettier-ignore`, a template literal, a `/` that starts no comment, or a string
 * that does not close on its line is formatted as it is. The output must hold each placeholder once, in order, on
 * a line of its own at the class's member indentation; otherwise, or when prettier fails, the text
 * is formatted as it is.
 */
export function formatWithApiMethods(text: string, format: (text: string) => Promise<string>): Promise<string> {
  return formatRewritten(text, withoutApiMethods, withApiMethods, format);
}

export const PLACEHOLDER = 'openapi_morph_method_';

interface Replaced {
  readonly text: string;
  readonly methods: readonly (readonly string[])[];
}

const NAME = '[A-Za-z_$][\\w$]*';
const IS_NAME = new RegExp(`^${NAME}$`);
const STRING = '"[^"\\\\]*"';
const IS_STRING = new RegExp(`^${STRING}$`);
const CLASS = new RegExp(`^export class ${NAME} \\{$`);
const SIGNATURE = new RegExp(`^  (${NAME})\\((.*)\\): ApiPromise<(.*)> \\{$`);
const CALL = /^ {4}return this\.#core\.call<(.*)>\((.*)\);$/;
/** An indexed access chain or array type: `paths["/a"]["get"]`, `Pet[]` (prettier has nowhere to break it, and does not hug it as a type argument). */
const CHAIN = new RegExp(`^${NAME}(?:\\[${STRING}\\])*(?:\\[\\])*$`);
const NON_NULLABLE = new RegExp(`^NonNullable<(${NAME}(?:\\[${STRING}\\])+)>((?:\\[${STRING}\\])*)$`);
/** A key: a name, or a string prettier keeps quoted (it holds what no name can, so the object's other quoted keys stay quoted too). */
const KEY = `(?:${NAME}|"[^"\\\\]*[^\\w$"\\\\][^"\\\\]*")`;
const SPREAD = new RegExp(`^\\.\\.\\.${NAME}(?:\\.${NAME})*$`);
const PARAMETER = new RegExp(`^(${NAME}\\??): (.+)$`);
const TYPE_MEMBER = new RegExp(`^(${KEY}\\??): (.+)$`);
const VALUE_MEMBER = new RegExp(`^${KEY}: (?:${NAME}|${STRING})$`);
const OBJECT_MEMBER = new RegExp(`^(${KEY}): (\\{.*\\})$`);
/** A list of strings (a security requirement's schemes). */
const SCHEMES = new RegExp(`^\\[(?:${STRING}(?:, ${STRING})*)?\\]$`);
const ARROW = new RegExp(`^\\(client, init\\) => client\\.(${NAME})\\((${STRING}), (\\{.*\\})\\)$`);

/** `text` with its predicted methods as placeholders, or `undefined` when it has none (see above). */
export function withoutApiMethods(text: string): Replaced | undefined {
  // Only a text with a class is read (the scan below is over the whole text: schema.ts has none).
  if (!(text.startsWith('export class ') || text.includes('\nexport class ')) || text.includes(PLACEHOLDER) || text.includes('prettier-ignore') || /[\r\u2028\u2029]/.test(text)) return undefined;
  const comments = commentRanges(text);
  if (!comments) return undefined;
  const lines = text.split('\n');
  const starts: number[] = [];
  for (let i = 0, at = 0; i < lines.length; at += lines[i++]!.length + 1) starts.push(at);
  // Whether lines `from` to `to` are code: no comment starts, ends or goes on in them.
  let next = 0;
  const code = (from: number, to: number) => {
    const start = starts[from]!;
    const end = starts[to]! + lines[to]!.length;
    while (next < comments.length && comments[next]![1] <= start) next++;
    return next === comments.length || comments[next]![0] > end;
  };
  // Block comments by where they end.
  const blockStarts = new Map(comments.filter(([at]) => text[at + 1] === '*').map(([at, end]) => [end, at]));
  // The predicted methods, by the line their member starts on (its JSDoc's first line, or its signature's).
  const members = new Map<number, { readonly end: number; readonly lines: readonly string[] }>();
  let inClass = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!inClass) inClass = CLASS.test(line) && code(i, i);
    else if (line === '}' && code(i, i)) inClass = false;
    else if (lines[i + 2] === '  }' && code(i, i + 2)) {
      const printed = SIGNATURE.test(line) && CALL.test(lines[i + 1]!) ? printedMethod(line, lines[i + 1]!) : printedIsError(line, lines[i + 1]!);
      if (!printed) continue;
      const comment = i > 0 ? leadingComment(lines, starts, i, blockStarts.get(starts[i - 1]! + lines[i - 1]!.length)) : undefined;
      members.set(comment?.start ?? i, { end: i + 2, lines: [...(comment?.lines ?? []), ...printed] });
      i += 2;
    }
  }
  if (members.size === 0) return undefined;
  // Members one after another, with only empty lines between them, go as one placeholder: prettier
  // keeps one empty line between two class members where the text has any, none where it has none.
  const out: string[] = [];
  const methods: string[][] = [];
  let run: string[] | undefined;
  // Empty lines after the run's last member, held back until a member or other code comes.
  let gap = 0;
  const close = () => {
    out.push(...Array<string>(gap).fill(''));
    run = undefined;
    gap = 0;
  };
  for (let i = 0; i < lines.length; i++) {
    const member = members.get(i);
    if (member) {
      if (run) run.push(...(gap > 0 ? [''] : []), ...member.lines);
      else {
        out.push(`  ${PLACEHOLDER}${methods.length};`);
        methods.push((run = [...member.lines]));
      }
      gap = 0;
      i = member.end;
    } else if (run && lines[i] === '') gap++;
    else {
      if (run) close();
      out.push(lines[i]!);
    }
  }
  if (run) close();
  return { text: out.join('\n'), methods };
}

/**
 * The JSDoc comment right above the signature on line `at`, as prettier prints it there (two
 * columns in), when it stands on lines of its own from column 2 (`start`: where it begins, if a
 * block comment ends right before the line) and says nothing that changes how prettier prints code
 * (a type cast, a pragma: kept by doc-comments.ts too).
 */
function leadingComment(lines: readonly string[], starts: readonly number[], at: number, start: number | undefined): { start: number; lines: string[] } | undefined {
  if (start === undefined) return undefined;
  let first = at - 1;
  while (first > 0 && starts[first]! > start) first--;
  if (start !== starts[first]! + 2 || !lines[first]!.startsWith('  /**')) return undefined;
  const comment = lines.slice(first, at);
  if (changesCode(comment.join('\n'))) return undefined;
  const printed = printedComment(comment);
  return printed && { start: first, lines: printed.map((line) => `  ${line}`) };
}

/** `output` (prettier's for the replaced text) with the methods back in place of their placeholders, or `undefined` when it is not as expected. */
export function withApiMethods(output: string, replaced: Replaced): string | undefined {
  return replacedPlaceholders(output, PLACEHOLDER, replaced.methods.length, (n, line) => (line === `  ${PLACEHOLDER}${n};` ? replaced.methods[n]!.join('\n') : undefined));
}

/** A method's lines as prettier prints them, or `undefined` where that is not predicted. */
export function printedMethod(signature: string, call: string): string[] | undefined {
  if (!ASCII.test(signature) || !ASCII.test(call)) return undefined;
  try {
    return [...printedSignature(signature), ...printedCall(call), '  }'];
  } catch (error) {
    if (error instanceof Unsure) return undefined;
    throw error;
  }
}

const IS_ERROR = new RegExp(`^  isError<M extends keyof (${NAME})>\\(error: unknown, method: M\\): error is \\1\\[M\\] \\{$`);
const IS_ERROR_RETURN = new RegExp(`^ {4}return error instanceof (${NAME}) && error\\.operationId === \\(\\{ (.*) \\} as const\\)\\[method\\];$`);
const ENTRY = new RegExp(`^${NAME}: ${STRING}$`);

/**
 * The class's `isError` (its signature, then `return error instanceof ApiError && error.operationId
 * === ({ method: "operation-id", ... } as const)[method];`) as prettier prints it, or `undefined`:
 * the signature as it stands where it fits, else the parameters one a line; `return (`, the two
 * operands on lines of their own, the second as the first of these that fits: whole on its line
 * (`error.operationId === ({ ... } as const)[method]`), `error.operationId ===` then the rest on
 * the next line, two columns in, the same with `[`, `method` and `]` on lines of their own (a few
 * operations, Zuora's classes of one), else the object in parentheses, on one line in them where it
 * fits there (a width of exactly 70 columns), else one entry a line (`key: "value",` where it fits,
 * else the value on the next line, indented by 2, after a key of five columns or more), `} as
 * const` and `)[method]`. Where both operands fit on one line (an error class of a short name), not known.
 */
function printedIsError(signature: string, body: string): string[] | undefined {
  const name = IS_ERROR.exec(signature)?.[1];
  const returned = IS_ERROR_RETURN.exec(body);
  if (!name || !returned || !ASCII.test(signature) || !ASCII.test(body)) return undefined;
  const head = `  isError<M extends keyof ${name}>(`;
  const tail = `  ): error is ${name}[M] {`;
  if (signature.length > WIDTH && (head.length > WIDTH || tail.length > WIDTH)) return undefined;
  let entries: string[];
  try {
    entries = splitOutside(returned[2]!, ', ');
  } catch {
    return undefined;
  }
  const object = `{ ${returned[2]} } as const`;
  const instance = `      error instanceof ${returned[1]} &&`;
  if (!entries.every((entry) => ENTRY.test(entry)) || instance.length > WIDTH) return undefined;
  const signatureLines = signature.length <= WIDTH ? [signature] : [head, '    error: unknown,', '    method: M,', tail];
  const end = ['    );', '  }'];
  const lookup = `(${object})[method]`;
  // Both operands on one line in the parentheses, or the whole body on its line (an error class of a
  // short name, a custom template's): not known (a review found it).
  if (`${instance} error.operationId === ${lookup}`.length <= WIDTH) return undefined;
  if (`      error.operationId === ${lookup}`.length <= WIDTH) return [...signatureLines, '    return (', instance, `      error.operationId === ${lookup}`, ...end];
  const operands = [...signatureLines, '    return (', instance, '      error.operationId ==='];
  if (8 + lookup.length <= WIDTH) return [...operands, `        ${lookup}`, ...end];
  if (8 + `(${object})[`.length <= WIDTH) return [...operands, `        (${object})[`, '          method', '        ]', ...end];
  // The parentheses broken, the object on one line in them where it fits there.
  operands.push('        (');
  const close = ['        )[method]', ...end];
  if (10 + object.length <= WIDTH) return [...operands, `          ${object}`, ...close];
  const printed: string[] = [];
  for (const entry of entries) {
    const key = entry.slice(0, entry.indexOf(': '));
    if (12 + entry.length + 1 <= WIDTH) printed.push(`            ${entry},`);
    else if (key.length >= 5) printed.push(`            ${key}:`, `              ${entry.slice(key.length + 2)},`);
    else return undefined;
  }
  return [...operands, '          {', ...printed, '          } as const', ...close];
}

function printedSignature(line: string): string[] {
  const [, name, list, result] = SIGNATURE.exec(line)!;
  const params = splitOutside(list!, ', ').map((param) => {
    const match = PARAMETER.exec(param);
    if (!match) throw new Unsure();
    return { prefix: `${match[1]}: `, type: parsedType(match[2]!) };
  });
  const returns = parsedType(result!);
  // Flat, as prettier prints each type (an object type's members joined by `; `).
  const flat = `  ${name}(${params.map(({ prefix, type }) => `${prefix}${flatType(type)}`).join(', ')}): ApiPromise<${flatType(returns)}> {`;
  if (flat.length <= WIDTH) return [flat];
  const returned = typeArgument('  ): ApiPromise', returns, ' {', 2);
  returned.push(`${returned.pop()} {`);
  return [`  ${name}(`, ...params.flatMap(({ prefix, type }) => printedType(type, 4, prefix, ',')), ...returned];
}

/** `return this.#core.call<R>(...)` as prettier prints it. */
function printedCall(line: string): string[] {
  // Never on one line: its shortest, `return this.#core.call<R>("a", "GET", "none", [], options,
  // (client, init) => client.GET("/", { ...init }));`, is 111 columns at its indentation, 87 from
  // a broken type argument's `>`.
  const [, result, list] = CALL.exec(line)!;
  const args = splitOutside(list!, ', ');
  const arrow = ARROW.exec(args.at(-1)!);
  const first = args.slice(0, -1);
  if (!arrow || first.some((arg) => !IS_STRING.test(arg) && !IS_NAME.test(arg) && !securityList(arg))) throw new Unsure();
  const [, method, path, object] = arrow;
  const members = objectMembers(object!);
  // The callee and its type argument: the line goes on after `>`.
  const head = typeArgument('    return this.#core.call', parsedType(result!), '(', 4);
  const last = head.pop()!;
  const hugged = `${last}(${first.join(', ')}, (client, init) =>`;
  if (hugged.length <= WIDTH) return [...head, hugged, ...innerCall(method!, path!, members, 6, ','), '    );'];
  const broken = first.map((arg) => {
    // A string or name has nowhere to break; a list that does not fit would break.
    if (arg.startsWith('[') && 6 + arg.length + 1 > WIDTH) throw new Unsure();
    return `      ${arg},`;
  });
  const flatArrow = `      (client, init) => client.${method}(${path}, ${flatObject(members)}),`;
  const arrowLines = flatArrow.length <= WIDTH ? [flatArrow] : ['      (client, init) =>', ...innerCall(method!, path!, members, 8, ',')];
  return [...head, `${last}(`, ...broken, ...arrowLines, '    );'];
}

/** `client.M("path", { ... })` at column `indent`, then `suffix` (see above). */
function innerCall(method: string, path: string, members: readonly Member[], indent: number, suffix: string): string[] {
  const pad = ' '.repeat(indent);
  const callee = `client.${method}(`;
  const flat = `${pad}${callee}${path}, ${flatObject(members)})${suffix}`;
  if (flat.length <= WIDTH) return [flat];
  const hugged = `${pad}${callee}${path}, {`;
  if (hugged.length <= WIDTH) return [hugged, ...members.flatMap((member) => printedMember(member, indent + 2)), `${pad}})${suffix}`];
  return [`${pad}${callee}`, `${pad}  ${path},`, ...printedObject(members, indent + 2, '', ','), `${pad})${suffix}`];
}

/** An object literal's member: `...name`, `name`, `key: name` or `key: { ... }`. */
type Member = { readonly text: string } | { readonly key: string; readonly members: readonly Member[] };

function objectMembers(object: string): Member[] {
  const inner = /^\{ (.*) \}$/.exec(object)?.[1];
  if (inner === undefined) throw new Unsure();
  return splitOutside(inner, ', ').map((member): Member => {
    if (SPREAD.test(member) || IS_NAME.test(member) || VALUE_MEMBER.test(member)) return { text: member };
    const nested = OBJECT_MEMBER.exec(member);
    if (!nested) throw new Unsure();
    return { key: nested[1]!, members: objectMembers(nested[2]!) };
  });
}

function flatObject(members: readonly Member[]): string {
  return `{ ${members.map((member) => ('text' in member ? member.text : `${member.key}: ${flatObject(member.members)}`)).join(', ')} }`;
}

/** An object literal after `prefix` at column `indent`, then `suffix`: on one line where it fits, else one member a line. */
function printedObject(members: readonly Member[], indent: number, prefix: string, suffix: string): string[] {
  const pad = ' '.repeat(indent);
  const flat = `${pad}${prefix}${flatObject(members)}${suffix}`;
  if (flat.length <= WIDTH) return [flat];
  if (pad.length + prefix.length + 1 > WIDTH) throw new Unsure();
  return [`${pad}${prefix}{`, ...members.flatMap((member) => printedMember(member, indent + 2)), `${pad}}${suffix}`];
}

/** A member of a broken object, with its comma. */
function printedMember(member: Member, indent: number): string[] {
  if ('members' in member) return printedObject(member.members, indent, `${member.key}: `, ',');
  if (indent + member.text.length + 1 > WIDTH) throw new Unsure();
  return [`${' '.repeat(indent)}${member.text},`];
}

/**
 * `[]`, or a list of lists of strings that prettier does not break for what it holds: it breaks a
 * list of two or more lists each of two strings or more (`[["A", "B"], ["C", "D"]]`), and prints
 * any other as it is where it fits (one list; lists of one scheme each, Stripe's
 * `[["basicAuth"], ["bearerAuth"]]` on every method).
 */
function securityList(arg: string): boolean {
  if (arg === '[]') return true;
  const inner = /^\[(.+)\]$/.exec(arg)?.[1];
  const lists = inner === undefined ? [] : splitOutside(inner, ', ');
  if (lists.length === 0 || !lists.every((list) => SCHEMES.test(list))) return false;
  return lists.length === 1 || lists.some((list) => !list.includes(','));
}

/**
 * A type of a signature or type argument: a name (prettier hugs it as a type argument, and so a
 * name with `null` or `void`), an indexed access chain, array type or string (`atom`, nowhere to
 * break), `NonNullable<chain>[...]`, a union of names, chains and strings, or an object type.
 */
type Type =
  | { readonly kind: 'atom'; readonly text: string; readonly hugged: boolean }
  | { readonly kind: 'nonNullable'; readonly inner: string; readonly tail: string }
  | { readonly kind: 'union'; readonly parts: readonly string[] }
  | { readonly kind: 'object'; readonly members: readonly { readonly prefix: string; readonly type: Type }[] };

function parsedType(text: string): Type {
  if (IS_NAME.test(text) || CHAIN.test(text) || IS_STRING.test(text)) return { kind: 'atom', text, hugged: IS_NAME.test(text) };
  const nonNullable = NON_NULLABLE.exec(text);
  if (nonNullable) return { kind: 'nonNullable', inner: nonNullable[1]!, tail: nonNullable[2]! };
  // An object type, its members as the printer wrote them (`{ a: A; b?: B; }` or without the last `;`).
  const inner = /^\{ (.*) \}$/.exec(text)?.[1];
  if (inner !== undefined) {
    const members = splitOutside(inner.replace(/;$/, ''), '; ').map((member) => {
      const match = TYPE_MEMBER.exec(member);
      if (!match) throw new Unsure();
      return { prefix: `${match[1]}: `, type: parsedType(match[2]!) };
    });
    return { kind: 'object', members };
  }
  const parts = splitOutside(text, ' | ');
  // A request body that a GET may omit, `NonNullable<...>["content"][...] | undefined` (Stripe's): a
  // lookup of a NonNullable, not a reference (a reference beside `null` or `void` would be hugged).
  if (parts.length < 2 || !parts.every((part) => IS_NAME.test(part) || CHAIN.test(part) || IS_STRING.test(part) || NON_NULLABLE.exec(part)?.[2])) throw new Unsure();
  // One type's name with `null` or `void` (a nullable body or result): prettier never breaks it, as a name.
  if (huggedUnion(parts)) return { kind: 'atom', text: parts.join(' | '), hugged: true };
  return { kind: 'union', parts };
}

/** A union prettier prints on one line wherever it stands: one type's name, the other parts `null` or `void` (found by a review's fuzzing against prettier). */
function huggedUnion(parts: readonly string[]): boolean {
  const others = parts.filter((part) => part !== 'null' && part !== 'void');
  return others.length === 1 && IS_NAME.test(others[0]!) && !TYPE_KEYWORDS.has(others[0]!);
}

/** A type as prettier prints it on one line. */
function flatType(type: Type): string {
  switch (type.kind) {
    case 'atom':
      return type.text;
    case 'nonNullable':
      return `NonNullable<${type.inner}>${type.tail}`;
    case 'union':
      return type.parts.join(' | ');
    case 'object':
      return `{ ${type.members.map(({ prefix, type: member }) => `${prefix}${flatType(member)}`).join('; ')} }`;
  }
}

/**
 * `before<type>` then `after` up to the next line break, `before` at column 0 holding its own
 * indentation (`indent` columns): the lines, the last one open (what follows goes on it).
 */
function typeArgument(before: string, type: Type, after: string, indent: number): string[] {
  const flat = `${before}<${flatType(type)}>`;
  // A plain reference or keyword is hugged: it stays, however long the line.
  if ((type.kind === 'atom' && type.hugged) || flat.length + after.length <= WIDTH) return [flat];
  const pad = ' '.repeat(indent + 2);
  const close = `${' '.repeat(indent)}>`;
  // On its own line: an atom cannot break; a union breaks before each `|` where it does not fit.
  if (type.kind === 'atom') return [`${before}<`, `${pad}${type.text}`, close];
  if (type.kind !== 'union') throw new Unsure();
  const own = `${pad}${flatType(type)}`;
  return [`${before}<`, ...(own.length <= WIDTH ? [own] : type.parts.map((part) => typeArgumentPart(pad, part))), close];
}

/** A union's type on its line in a type argument: a NonNullable that does not fit there is not known. */
function typeArgumentPart(pad: string, part: string): string {
  const line = `${pad}| ${part}`;
  if (line.length > WIDTH && NON_NULLABLE.test(part)) throw new Unsure();
  return line;
}

/** A parameter's or type member's `prefix` and type at column `indent`, then `suffix` (see above). */
function printedType(type: Type, indent: number, prefix: string, suffix: string): string[] {
  const pad = ' '.repeat(indent);
  const flat = `${pad}${prefix}${flatType(type)}${suffix}`;
  if (flat.length <= WIDTH || type.kind === 'atom') return [flat];
  if (type.kind === 'nonNullable') return [`${pad}${prefix}NonNullable<`, `${pad}  ${type.inner}`, `${pad}>${type.tail}${suffix}`];
  if (type.kind === 'union') return brokenUnion(`${pad}${prefix.trimEnd()}`, type.parts, `${pad}  `, suffix);
  if (type.kind !== 'object') throw new Unsure();
  return [`${pad}${prefix}{`, ...type.members.flatMap((member) => printedType(member.type, indent + 2, member.prefix, ';')), `${pad}}${suffix}`];
}

/**
 * A union after its key (`name:` or `name?:`, a line of its own) that does not fit on the key's
 * line: on the next line, indented by 2, where it fits with `suffix`; else one type a line after
 * `| `, `suffix` after the last.
 */
function brokenUnion(key: string, parts: readonly string[], pad: string, suffix: string): string[] {
  if (key.length > WIDTH) throw new Unsure();
  const own = `${pad}${parts.join(' | ')}${suffix}`;
  if (own.length <= WIDTH) return [key, own];
  return [key, ...parts.flatMap((part, i) => unionPart(pad, part, i === parts.length - 1 ? suffix : ''))];
}

/**
 * A broken union's type on its line after `| ` (`pad` its indentation), then `suffix`: as it is, or
 * a NonNullable that does not fit broken inside its `<>` (its type two columns in from the `| `,
 * then `>` and its lookups).
 */
function unionPart(pad: string, part: string, suffix: string): string[] {
  const line = `${pad}| ${part}${suffix}`;
  const nonNullable = line.length > WIDTH ? NON_NULLABLE.exec(part) : null;
  return nonNullable ? [`${pad}| NonNullable<`, `${pad}    ${nonNullable[1]}`, `${pad}  >${nonNullable[2]}${suffix}`] : [line];
}
