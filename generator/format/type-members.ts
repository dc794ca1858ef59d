import { printedComment } from './block-comment.ts';
import { formatRewritten, replacedPlaceholders } from './rewrite.ts';
import { ASCII, WIDTH } from './print-width.ts';
import { splitOutside } from './split-outside.ts';
import { GENERIC, GROUP_END, GROUP_OPENER, INTERFACE, INTERSECTION_END, INTERSECTION_MEMBER, LOOKUP, MEMBER, NAME, OPENER, UNBREAKABLE, UNION_END, UNION_MIDDLE, UNION_OPENER } from './member-lines.ts';

/**
 * Members of interfaces and object types that prettier prints as they are but for their
 * indentation, each run of them sent to it as one placeholder member and put back, re-indented, in
 * its place: openapi-typescript's `schema.ts` (GitHub's is 4 MB, about a third of its `--all`'s
 * formatting) is almost all such members, printed by TypeScript's printer with an indentation of 4.
 *
 * A member is one line `key: Type;` (`readonly` and `?` allowed; an index signature
 * `[name: string]: Type;`) or `key: {`, its members, and `};` or `}[];`, after its JSDoc or block
 * comment, if any. Prettier prints such a member (with its defaults: width 80, indent 2, double
 * quotes, `quoteProps: "as-needed"`) as it stands, each line at two spaces a level, when:
 * - a key is a name, a number without a leading zero, or a string in double quotes that prettier
 *   would not unquote (not a name nor a number) and holds no backslash;
 * - a type is a union (` | `) of names, `name["key"]...` lookups, strings without a quote or
 *   backslash, integers, generic references of those and of their unions (`Record<string, never>`,
 *   `OtherError<404 | 500>`), each with any `[]`; and the line fits in 80 columns, or the type is
 *   one such lookup, name or string after a key, where prettier has nowhere to break (an index
 *   signature's brackets break); a union after a key that does not fit is printed as prettier
 *   breaks it (`brokenUnion`: the API classes' error maps, GitHub's 134 KB of them);
 * - an object type whose first member stands on its own line stays broken (`objectWrap:
 *   "preserve"`), so `key: {` stands as it is at any width; a member's printing does not look at
 *   its siblings (quotes are decided key by key with "as-needed");
 * - an intersection of such object types (`key: {` ... `} & {` ... `};`, an allOf of objects:
 *   loket.nl's `schema.ts` is mostly those), or of them after and before a type prettier cannot
 *   break (`key: A & {`, `} & B;`), stands as it is too: prettier joins an intersection's object
 *   types with ` & ` and indents none while no object type follows another type after the second
 *   (`} & A & {` is not read);
 * - a union with such object types in it (`key: {` ... `} | {` ... `}[] | null;`, a oneOf of
 *   objects) breaks, as their lines break its group: it is printed as prettier breaks it
 *   (`Reader.union`), unless prettier hugs it (one object type with `null` or `void`); so is one in
 *   parentheses before `[]` (`key: ({` ... `})[];`, an array of a oneOf);
 * - unions in parentheses (`(A | B)[]`, `(A | B) | null`) stand as they are where the line fits
 *   (member-lines.ts `isType`); one group before `[]` that does not fit is broken inside them (`brokenGroup`);
 * - a comment every line of which after the first starts with `*` is printed line by line, each
 *   trimmed and indented with the member, with one space before the `*` (prettier's "indentable"
 *   block comment; a JSDoc line ending in two spaces keeps two); it must end its last line and
 *   stand on the lines right before the member.
 * Only in containers opened by `interface Name {` or a member `key: {` closed by `};` or `}[];`
 * (or an intersection's object types), all the way up, whose members are indented two spaces a
 * level by prettier. Runs hold no empty line (prettier keeps one of those, or none at a block's
 * start or end, as it finds them); an empty line stays where it is. Code with what this does not
 * read (a backslash, a template literal, `//`, or a `/`, `'` or backtick outside strings and
 * comments), or with `prettier-ignore` anywhere (prettier prints the node after it as written, 4
 * spaces and all: a review found it), is formatted as it is.
 *
 * The output must hold each placeholder once, in order, as a line of its own at its run's
 * indentation, and nothing else of them; otherwise, or when prettier fails, the text is formatted
 * as it is.
 */
export function formatWithTypeMembers(text: string, format: (text: string) => Promise<string>): Promise<string> {
  return formatRewritten(text, withoutTypeMembers, withTypeMembers, format);
}

export const PLACEHOLDER = 'openapi_morph_members_';

/** A text with its runs of members replaced by placeholders, and each run as prettier prints it, with the indentation it goes at. */
interface Replaced {
  readonly text: string;
  readonly runs: readonly { readonly indent: string; readonly lines: readonly string[] }[];
}

/** A statement, a container's member, an empty line, or code this does not read: lines `start` to `end`. */
interface Item {
  readonly start: number;
  readonly end: number;
  /** How prettier prints it, when it prints it as it stands (see above), without the indentation of its level. */
  readonly printed?: Printed;
  /**
   * A container (`interface Name {`, `key: {`, an intersection of object types `key: {` ... `} & {`
   * ... `};`): its opening line, each object type's items and closing line (`} & {` closes one and
   * opens the next), and whether prettier indents the items two spaces a level (see above).
   */
  readonly body?: { readonly open: number; readonly parts: readonly Body[]; readonly plain: boolean };
}

/** An object type's items and the line that closes it. */
interface Body {
  readonly items: readonly Item[];
  readonly close: number;
}

/**
 * Lines as prettier prints them at a level's indentation: a member's, or a container's opening lines
 * (its comment and `key: {`), then for each of its object types (one, or those of an intersection)
 * its items a level in and its closing line. A container keeps its
 * items rather than their lines indented once more: GitHub's `schema.ts` nests members up to six
 * levels deep, and copying each line at every level was half of this module's time.
 */
type Printed =
  | readonly string[]
  | { readonly open: readonly string[]; readonly parts: readonly { readonly items: readonly Item[]; readonly close: readonly string[] }[] }
  | { readonly union: readonly (string | readonly Item[])[] };

/** A union's object type's members, six columns in from the member (`  | {` opens it, `    }` closes it). */
const UNION_ITEMS = '      ';

/** Appends `printed`'s lines to `out`, each after `indent`. */
function pushPrinted(printed: Printed, indent: string, out: string[]): void {
  if (Array.isArray(printed)) {
    for (const line of printed) out.push(`${indent}${line}`);
    return;
  }
  if ('union' in printed) {
    for (const part of printed.union) {
      if (typeof part === 'string') out.push(`${indent}${part}`);
      else for (const item of part) pushPrinted(item.printed!, `${indent}${UNION_ITEMS}`, out);
    }
    return;
  }
  const { open, parts } = printed as Extract<Printed, { readonly open: readonly string[] }>;
  for (const line of open) out.push(`${indent}${line}`);
  for (const { items, close } of parts) {
    for (const item of items) pushPrinted(item.printed!, `${indent}  `, out);
    for (const line of close) out.push(`${indent}${line}`);
  }
}

/** `text` with its runs of plain members replaced by placeholders, or `undefined` when it has none (see above). */
export function withoutTypeMembers(text: string): Replaced | undefined {
  if (text.includes(PLACEHOLDER) || text.includes('prettier-ignore') || /[\r\u2028\u2029]/.test(text)) return undefined;
  const lines = text.split('\n');
  let top: readonly Item[];
  try {
    top = new Reader(lines).items(0, 0).items;
  } catch {
    // Code this does not read.
    return undefined;
  }
  const out: string[] = [];
  const runs: { indent: string; lines: string[] }[] = [];
  const lay = (items: readonly Item[], depth: number, plain: boolean) => {
    for (let i = 0; i < items.length; i++) {
      const { start, end, printed, body } = items[i]!;
      if (plain && printed) {
        const indent = '  '.repeat(depth);
        const run: string[] = [];
        for (; items[i]?.printed; i++) pushPrinted(items[i]!.printed!, indent, run);
        i--;
        out.push(`${indent}${PLACEHOLDER}${runs.length}: 0;`);
        runs.push({ indent, lines: run });
      } else if (body) {
        out.push(...lines.slice(start, body.open + 1));
        body.parts.forEach(({ items: inner, close }, j) => {
          lay(inner, depth + 1, plain && body.plain);
          // `} & {` closes an object type and opens the next; the last closing line ends the item.
          out.push(...lines.slice(close, j === body.parts.length - 1 ? end + 1 : close + 1));
        });
      } else {
        out.push(...lines.slice(start, end + 1));
      }
    }
  };
  lay(top, 0, true);
  return runs.length > 0 ? { text: out.join('\n'), runs } : undefined;
}

/** `output` (prettier's for the replaced text) with the runs back in place of their placeholders, or `undefined` when it is not as expected. */
export function withTypeMembers(output: string, replaced: Replaced): string | undefined {
  return replacedPlaceholders(output, PLACEHOLDER, replaced.runs.length, (n, line) => {
    const run = replaced.runs[n]!;
    return line === `${run.indent}${PLACEHOLDER}${n}: 0;` ? run.lines.join('\n') : undefined;
  });
}

/** Thrown on code this does not read (see above): the text goes to prettier as it is. */
class Unread extends Error {}

/** The line between two of an intersection's object types. */
const INTERSECTION_MIDDLE = '} & {';
const CLOSER = /^\}(?:(?:\[\])*| \| null);$/;

/** The types prettier hugs a union of one other type with (its `isVoidType`): that type stays on the key's line. */
const HUG_BESIDE = /^(?:null|void)$/;

/**
 * Whether prettier may hug a union of `types` on the key's line: one type with only `null` or
 * `void` beside it (a type reference, `Foo | null`, breaks inside its `<>` or not at all): not
 * known where it does not fit (found by a review).
 */
const huggable = (types: readonly string[]): boolean => types.filter((part) => !HUG_BESIDE.test(part)).length === 1;

/**
 * A type prettier hugs with `null` or `void` (its `shouldHugType`): a name or a generic reference
 * (`Foo | null` stays on the key's line, `Record<...> | null` breaks inside its `<>`). Not a lookup,
 * a literal, an array nor a group: `components["schemas"]["file"] | null`, `"a" | null`, `A[] | null`
 * and `(string | A) | null` break after the key as any union (checked against prettier 3.10.1).
 */
const HUGGED = new RegExp(`^${NAME}(?:<.*>)?$`);
const hugged = (types: readonly string[]): boolean => {
  const others = types.filter((part) => !HUG_BESIDE.test(part));
  return others.length === 1 && HUGGED.test(others[0]!);
};

/**
 * How prettier prints a member `head: A | B;` (`head` its modifiers and key) that does not fit at
 * `column`, its lines without that indentation, or `undefined` where that is not known: `head:`,
 * then the union on the next line, indented by 2, where it fits there with its `;`; else one type a
 * line after `| `, indented by 2 (the last with the `;`), an atom as it is at any width, a generic
 * reference that does not fit its line broken inside its `<>`: each argument on a line of its own,
 * indented by 6, with a comma but the last, then `>` indented by 4 (prettier aligns a union's types
 * two columns in and does not put a comma after the last type argument). An argument that is not
 * an atom (a union, a generic reference) must fit its line, and a lone argument that is not a
 * lookup is not known (prettier may hug it); a type that is not a union, a generic reference with `[]` after it, or
 * a union that prettier hugs (`hugged`) is not known. A group (`(A | B)`, `(A | B)[]`) is one of
 * the types, printed as it stands where its line fits, else not known (prettier breaks it inside).
 */
function brokenUnion(head: string, type: string, column: number): string[] | undefined {
  const types = splitOutside(type, ' | ');
  if (types.length < 2) return undefined;
  if (hugged(types)) return undefined;
  if (column + 2 + type.length + 1 <= WIDTH) return [`${head}:`, `  ${type};`];
  const lines = [`${head}:`];
  for (const [i, part] of types.entries()) {
    const end = i === types.length - 1 ? ';' : '';
    if (column + 4 + part.length + end.length <= WIDTH || UNBREAKABLE.test(part)) {
      lines.push(`  | ${part}${end}`);
      continue;
    }
    const group = brokenGroupPart(part, column, end);
    if (group) {
      lines.push(...group);
      continue;
    }
    const generic = GENERIC.exec(part);
    if (!generic) return undefined;
    const args = splitOutside(generic[2]!, ', ');
    // One argument: prettier hugs a name (a keyword or a reference without arguments), a literal
    // and a union it hugs (`Foo<A | null>`), and does not break the `<>` (its `shouldHugType`; two
    // reviews found them). Known only for a lookup, which it breaks there.
    if (args.length === 1 && !LOOKUP.test(args[0]!)) return undefined;
    if (args.some((arg, j) => column + 6 + arg.length + (j < args.length - 1 ? 1 : 0) > WIDTH && !UNBREAKABLE.test(arg))) return undefined;
    lines.push(`  | ${generic[1]}<`, ...args.map((arg, j) => `      ${arg}${j < args.length - 1 ? ',' : ''}`), `    >${end}`);
  }
  return lines;
}

/**
 * A union's type that is a group (`(A | B)`, `(A | B)[]`) where its line does not fit, as prettier
 * breaks it (`brokenUnion`'s lines, `end` the `;` of the last type): `  | (`, then its types on
 * the next line six columns in where they fit there, else each on a line of its own after `| `,
 * then `)` four columns in with the group's `[]` and `end`
 * (Stripe's `(string | A | B) | null` and its long enums, `("a" | ... | "z")[] | ""`). Each type
 * must fit its line or be one prettier cannot break; a group inside is not known, nor a union
 * prettier hugs (`hugged`), nor a part that is not a group of two types or more.
 */
function brokenGroupPart(part: string, column: number, end: string): string[] | undefined {
  const group = /^\((.*)\)((?:\[\])*)$/.exec(part);
  if (!group) return undefined;
  const types = splitOutside(group[1]!, ' | ');
  // A group inside, or a union prettier hugs (`(Record<...> | null)[]` stays whole: a review found it): not known.
  if (types.length < 2 || types.some((type) => type.startsWith('(')) || hugged(types)) return undefined;
  const own = `      ${types.join(' | ')}`;
  if (column + own.length <= WIDTH) return ['  | (', own, `    )${group[2]}${end}`];
  if (types.some((type) => column + 8 + type.length > WIDTH && !UNBREAKABLE.test(type))) return undefined;
  return ['  | (', ...types.map((type) => `      | ${type}`), `    )${group[2]}${end}`];
}

/**
 * An intersection's last line (`INTERSECTION_END`) as prettier prints it: as it stands with at most
 * one type after the object types; with more, a line break before each type after the first, each
 * on a line of its own two columns in (`} & A &`, `  B &`, `  C;`): prettier breaks between two
 * types that are not object types where the intersection breaks, and its object types break it.
 * (Another closing line, `};` or `}[];` of an object type alone, stands as it is.)
 */
function closingLines(closing: string): string[] {
  const types = closing.startsWith('} & ') ? splitOutside(closing.slice('} & '.length, -1), ' & ') : [];
  if (types.length < 2) return [closing];
  return [`} & ${types[0]} &`, ...types.slice(1).map((type, i) => `  ${type}${i === types.length - 2 ? ';' : ' &'}`)];
}

/**
 * How prettier prints a member `head: (A | B)[];` (one group of types and `[]` after it, `head` its
 * modifiers and key) that does not fit at `column`, its lines without that indentation, or
 * `undefined` where that is not known: `head: (` (which must fit), the types on the next line, two
 * columns in, where they fit there, else each on a line of its own after `| `, and `)[];` on a line
 * of its own. A type must then fit its line or be one prettier cannot break; a group inside is not
 * known.
 */
function brokenGroup(head: string, type: string, column: number): string[] | undefined {
  // (The caller's type is one group, not a union of them.)
  const group = /^\((.*)\)((?:\[\])+)$/.exec(type);
  if (!group || column + head.length + 3 > WIDTH) return undefined;
  const types = splitOutside(group[1]!, ' | ');
  // A group inside, or a union prettier may hug: not known.
  if (types.some((part) => part.startsWith('(')) || huggable(types)) return undefined;
  const own = `  ${types.join(' | ')}`;
  if (column + own.length <= WIDTH) return [`${head}: (`, own, `)${group[2]};`];
  if (types.some((part) => column + 4 + part.length > WIDTH && !UNBREAKABLE.test(part))) return undefined;
  return [`${head}: (`, ...types.map((part) => `  | ${part}`), `)${group[2]};`];
}

/** The types of a union's text between its object types (`"a" | B | ` or ` | null`), each as written. */
function atoms(text: string): string[] {
  return splitOutside(text, ' | ').filter((type) => type !== '');
}

/** Whether prettier keeps a key as written: a quoted one that is not a name (which it would unquote). */
function keyKept(key: string | undefined): boolean {
  return key === undefined || !/^"[A-Za-z_$][\w$]*"$/.test(key);
}

/** Reads a text's lines into items (see `Item`), throwing `Unread` on code it does not read. */
class Reader {
  constructor(private readonly lines: readonly string[]) {}

  /**
   * The items from line `at` to the end of the text (`depth` 0), or to the line that closes their
   * container (returned as `close`), at `depth` levels of it.
   */
  items(at: number, depth: number): { items: Item[]; close: number } {
    const inBody = depth > 0;
    const items: Item[] = [];
    const { lines } = this;
    while (at < lines.length) {
      const line = lines[at]!.trim();
      if (inBody && line.startsWith('}')) return { items, close: at };
      const item = line === '' ? { start: at, end: at } : this.item(at, line, depth);
      items.push(item);
      at = item.end + 1;
    }
    if (inBody) throw new Unread();
    return { items, close: lines.length };
  }

  /** The item that starts on line `at` (`line`, trimmed: not empty, not a closing line), `depth` levels down. */
  private item(at: number, line: string, depth: number): Item {
    const inBody = depth > 0;
    const { lines } = this;
    let code = at;
    let comment: string[] | undefined | null = null;
    if (line.startsWith('/*')) {
      const last = this.commentEnd(at);
      comment = printedComment(lines.slice(at, last + 1));
      code = last + 1;
      const next = lines[code]?.trim() ?? '';
      // A comment before an empty line, another comment or a closing line stands alone.
      if (next === '' || next.startsWith('/*') || next.startsWith('}')) return { start: at, end: last };
    }
    const trimmed = code === at ? line : lines[code]!.trim();
    // Its comment printed as it stands, and its code measured a column a character.
    const written = comment !== undefined && ASCII.test(trimmed);
    // Each pattern's last character first (most lines are members, `;` at their end): 12% of the
    // reader's time on GitHub's `schema.ts`.
    const opener = !trimmed.endsWith('{') ? null : inBody ? (OPENER.exec(trimmed) ?? UNION_OPENER.exec(trimmed) ?? GROUP_OPENER.exec(trimmed)) : INTERFACE.exec(trimmed);
    if (opener) {
      const { atom, leading, grouped } = opener.groups ?? {};
      if (grouped !== undefined) return this.union({ at, code, trimmed, key: opener[1], leading: grouped, comment: written ? comment : undefined, depth, grouped: true });
      let { items, close } = this.items(code + 1, depth + 1);
      let closing = lines[close]!.trim();
      // A union of object types and others (`key: {` ... `} | {` ... `};`), but for an object type or
      // its array alone (`};`, `}[];`) and one with `| null` after it (prettier keeps those as they stand).
      if (inBody && atom === undefined && (leading !== undefined || !CLOSER.test(closing)) && (UNION_MIDDLE.test(closing) || UNION_END.test(closing))) {
        return this.union({ at, code, trimmed, key: opener[1], leading: leading ?? '', comment: written ? comment : undefined, depth });
      }
      // An intersection's further object types (`} & {`): prettier prints `A & {`, `} & {` and `} & B;`
      // as they stand (`} & B & C;` as `closingLines` says) and indents each object type's members as
      // a container's (its types are not indented while no object type follows another type after
      // the second: such is not read).
      const parts: Body[] = [{ items, close }];
      // (Not after a union's first line, `key: "a" | {`: `} & {` there is another type's start.)
      const intersected = inBody && leading === undefined;
      while (intersected && closing === INTERSECTION_MIDDLE) {
        ({ items, close } = this.items(close + 1, depth + 1));
        parts.push({ items, close });
        closing = lines[close]!.trim();
      }
      // An object type alone may also be an array or have `| null` after it; an intersection's type
      // after another (`A & {...}[]`, `... | null`) would be printed otherwise.
      const closed = !inBody ? closing === '}' : (intersected && INTERSECTION_END.test(closing)) || (atom === undefined && parts.length === 1 && CLOSER.test(closing));
      const end = closed ? close : this.skip(close, 1);
      // An index signature's brackets break where its line does not fit (`[\n  key: string\n]: ...`).
      const fits = opener[1] !== undefined || 2 * depth + trimmed.length <= WIDTH;
      const plain = closed && fits && keyKept(opener[1]) && written;
      const whole = plain && inBody && parts.every((part) => part.items.length > 0 && part.items.every((item) => item.printed));
      const printed: Printed | undefined = whole ? { open: [...(comment ?? []), trimmed], parts: parts.map((part, j) => ({ items: part.items, close: j === parts.length - 1 && inBody ? closingLines(closing) : [lines[part.close]!.trim()] })) } : undefined;
      return { start: at, end, ...(printed ? { printed } : {}), body: { open: code, parts, plain: closed && fits } };
    }
    const member = inBody && trimmed.endsWith(';') ? MEMBER.exec(trimmed) : null;
    if (member) {
      const type = member[2]!;
      const fits = (member[1] !== undefined && UNBREAKABLE.test(type)) || 2 * depth + trimmed.length <= WIDTH;
      // A group (member-lines.ts `isType`): as it stands where the line fits and it is not the type alone (prettier drops those parentheses).
      const grouped = type.replace(/"[^"]*"/g, '""').includes('(');
      // One group, not a union of them: alone (no `[]` after it) prettier drops its parentheses.
      const single = grouped && splitOutside(type, ' | ').length === 1;
      const alone = single && type.endsWith(')');
      // A union of groups and other types breaks as any union (`brokenUnion`); one group before `[]` inside its parentheses (`brokenGroup`).
      const head = trimmed.slice(0, -type.length - 3);
      const lines = fits ? (alone ? undefined : [trimmed]) : member[1] === undefined ? undefined : single ? brokenGroup(head, type, 2 * depth) : brokenUnion(head, type, 2 * depth);
      if (grouped) return { start: at, end: code, ...(lines && keyKept(member[1]) && written ? { printed: [...(comment ?? []), ...lines] } : {}) };
      // A union after a key that does not fit breaks (`brokenUnion`); after an index signature, not known.
      const union = fits ? [trimmed] : member[1] !== undefined ? brokenUnion(head, type, 2 * depth) : undefined;
      return { start: at, end: code, ...(union && keyKept(member[1]) && written ? { printed: [...(comment ?? []), ...union] } : {}) };
    }
    const intersection = inBody && trimmed.endsWith(';') ? INTERSECTION_MEMBER.exec(trimmed) : null;
    if (intersection && intersection[1] !== undefined && 2 * depth + trimmed.length <= WIDTH && keyKept(intersection[1]) && written) return { start: at, end: code, printed: [...(comment ?? []), trimmed] };
    return { start: at, end: this.skip(code, 0) };
  }

  /**
   * A member whose type is a union with object types in it, from its opening line (`trimmed`, the
   * types before its first object type `leading`) and its first object type's members and closing
   * line, to the line that ends it (`UNION_END`). Printed when prettier breaks it (a union it does
   * not hug: an object type alone with `null` or `void`; its object types' members on lines of their own make
   * its group break) and every part of it is known: the key on its own line, then each type a line
   * after `| `, two columns in, an object type's members six columns in and its `}` (with any `[]`)
   * four, the last type with the `;`. A type other than an object type must fit its line, or be one
   * prettier cannot break. An index signature's key is not known (see `brokenUnion`). In parentheses
   * before `[]` (`grouped`: `key: ({` ... `} | {` ... `})[];`, Mailchimp's arrays of a oneOf), the
   * key's line ends with `(` (where it fits), the types are laid out alike, the last without `;`,
   * and `)[];` closes them on a line of its own.
   */
  private union(union: { at: number; code: number; trimmed: string; key: string | undefined; leading: string; comment: string[] | null | undefined; depth: number; grouped?: boolean }): Item {
    const { lines } = this;
    const { at, trimmed, depth, grouped = false } = union;
    // In parentheses (`key: ({` ... `})[];`): the `[]` after them.
    let brackets = '';
    const types: (string | { readonly items: readonly Item[]; readonly suffix: string })[] = [...atoms(union.leading)];
    // An object type's members stand six columns in from the member, where a container's stand two:
    // read (and measured) three levels down.
    let { items, close } = this.items(union.code + 1, depth + 3);
    let ascii = ASCII.test(trimmed);
    for (;;) {
      const closing = lines[close]!.trim();
      ascii &&= ASCII.test(closing);
      const middle = UNION_MIDDLE.exec(closing);
      if (middle) {
        types.push({ items, suffix: middle[1]! }, ...atoms(middle[2]!));
        ({ items, close } = this.items(close + 1, depth + 3));
        continue;
      }
      const end = (grouped ? GROUP_END : UNION_END).exec(closing);
      // Another closing line (`} & {`): the code to its end, not read.
      if (!end) return { start: at, end: this.skip(close, 1) };
      types.push({ items, suffix: end[1]! }, ...atoms(end[2]!));
      brackets = end[3] ?? '';
      break;
    }
    const objects = types.filter((type) => typeof type !== 'string');
    const hugged = objects.length === 1 && objects[0]!.suffix === '' && types.every((type) => typeof type !== 'string' || HUG_BESIDE.test(type));
    // In parentheses, one type alone (`({ ... }[])[]`): prettier drops them.
    const known =
      ascii &&
      union.comment !== undefined &&
      union.key !== undefined &&
      keyKept(union.key) &&
      !hugged &&
      (!grouped || types.length > 1) &&
      objects.every((type) => type.items.length > 0 && type.items.every((item) => item.printed)) &&
      types.every((type, i) => typeof type !== 'string' || UNBREAKABLE.test(type) || 2 * depth + 4 + type.length + (i === types.length - 1 && !grouped ? 1 : 0) <= WIDTH);
    const head = trimmed.slice(0, trimmed.length - `: ${grouped ? '(' : ''}${union.leading}{`.length);
    // In parentheses, the key's line keeps `(` (where it fits) and `)[];` closes the types.
    if (!known || (grouped && 2 * depth + head.length + 3 > WIDTH)) return { start: at, end: close };
    const printed: (string | readonly Item[])[] = [...(union.comment ?? []), grouped ? `${head}: (` : `${head}:`];
    types.forEach((type, i) => {
      const end = i === types.length - 1 && !grouped ? ';' : '';
      if (typeof type === 'string') printed.push(`  | ${type}${end}`);
      else printed.push('  | {', type.items, `    }${type.suffix}${end}`);
    });
    if (grouped) printed.push(`)${brackets};`);
    return { start: at, end: close, printed: { union: printed } };
  }

  /** The line where the comment opening line `at` closes, with nothing after it. */
  private commentEnd(at: number): number {
    const { lines } = this;
    const opened = lines[at]!.indexOf('/*');
    for (let i = at; i < lines.length; i++) {
      const close = lines[i]!.indexOf('*/', i === at ? opened + 2 : 0);
      if (close < 0) continue;
      if (lines[i]!.slice(close + 2).trim() !== '') throw new Unread();
      return i;
    }
    throw new Unread();
  }

  /**
   * The last line of code that opens on line `at` with `open` braces already open: where the braces
   * close (comments and strings skipped). A brace that closes more than were open ends a container
   * the reader is in, on a line it did not read: the text is not read.
   */
  private skip(at: number, open: number): number {
    const { lines } = this;
    let depth = open;
    let inComment = false;
    for (let i = at; i < lines.length; i++) {
      const line = lines[i]!;
      for (let c = 0; c < line.length; c++) {
        const char = line[c]!;
        if (inComment) {
          if (line.startsWith('*/', c)) {
            inComment = false;
            c++;
          }
        } else if (char === '"') {
          const close = line.indexOf('"', c + 1);
          if (close < 0 || line.slice(c, close).includes('\\')) throw new Unread();
          c = close;
        } else if (line.startsWith('/*', c)) {
          inComment = true;
          c++;
        } else if (char === '{') depth++;
        else if (char === '}' && --depth < 0) throw new Unread();
        else if (char === '/' || char === "'" || char === '`' || char === '\\') throw new Unread();
      }
      if (!inComment && depth === 0) return i;
    }
    throw new Unread();
  }
}
