import { Unsure } from './print-width.ts';
import { splitOutside } from './split-outside.ts';

/**
 * The lines of `schema.ts` that type-members.ts reads: a member, an object type's opening and closing
 * lines, each with the types it names. A type is an element (`ELEMENT`) or a union of them in
 * parentheses; a line is matched by a loose pattern (its key and where its types stand), then its
 * types are split at their ` | ` (or ` & `) outside brackets and quotes and each is matched alone.
 *
 * Why not one pattern a line: the member's pattern held every form of a type, 25,776 characters
 * (each union of types repeats the element's 1,823), and V8 compiles a pattern when it first runs
 * it, twice (to bytecode, then to machine code on the second run): 37 ms and 13 ms on this machine,
 * in every process that formats a `schema.ts` or an API class, with 30 ms more for the other lines'
 * patterns; a one-operation `generate` waited for it at its end. Split so, a line matches exactly
 * when the one pattern matched it: an element holds no ` | ` or ` & ` outside its brackets and
 * strings, and its strings hold no quote.
 */

export const NAME = '[A-Za-z_$][\\w$]*';
/** A key: a name, an integer, or a string prettier keeps quoted (checked by `keyKept`). */
const KEY = `(?:${NAME}|0|[1-9]\\d*|"[^"\\\\]*")`;
/** A type prettier cannot break: a name, a lookup `name["key"]`, a string, an integer; any `[]` after. */
const ATOM = `(?:${NAME}(?:\\["[^"\\\\]*"\\])*|"[^"\\\\]*"|-?(?:0|[1-9]\\d*))(?:\\[\\])*`;
/** An atom, or a union of atoms (`404 | 500`). */
const ATOM_UNION = `${ATOM}(?: \\| ${ATOM})*`;
/** A generic reference of those (`StatusRange<1 | 3 | 4 | 5>`: a `default` response's statuses, in the error maps). */
const INNER = `${NAME}<${ATOM_UNION}(?:, ${ATOM_UNION})*>`;
/** A generic reference's argument: an atom or such a reference, or a union of them (`OtherError<404 | 500>`, `ErrorWith<Error_, StatusRange<1 | 3 | 4 | 5>>`). */
const ARGUMENT = `(?:${INNER}|${ATOM})(?: \\| (?:${INNER}|${ATOM}))*`;
/**
 * An atom, a generic reference of such arguments (`Record<string, never>`), or any string of an open
 * enum, `(string & {})` (model/open-enum.ts: `(string & {}) | "a" | "b"`; prettier keeps its
 * parentheses in a union, and breaks nothing in it).
 */
export const ELEMENT = new RegExp(`^(?:${ATOM}|${NAME}<${ARGUMENT}(?:, ${ARGUMENT})*>(?:\\[\\])*|\\(string & \\{\\}\\))$`);
/** A member's modifiers and key (group 1; none for an index signature `[name: string]`), and `: `. */
const HEAD = `^(?:readonly )?(?:(${KEY})\\??|\\[${NAME}: (?:string|number)\\]): `;
/** A group's types and the `[]` after it. */
const GROUP = /^\(([^]*)\)((?:\[\])*)$/;

export const UNBREAKABLE = new RegExp(`^${ATOM}$`);
/** A lookup (`components["schemas"]["a"]`), with any `[]` after. */
export const LOOKUP = new RegExp(`^${NAME}(?:\\["[^"\\\\]*"\\])+(?:\\[\\])*$`);
/** A key's object type (`key: {`), or the first of an intersection's after a type prettier cannot break (`key: A & {`). */
export const OPENER = new RegExp(`${HEAD}(?:(?<atom>${ATOM}) & )?\\{$`);
/** An intersection's last line after an object type (`};`, `} & A;`). */
export const INTERSECTION_END = new RegExp(`^\\}((?: & ${ATOM})*);$`);
export const INTERFACE = new RegExp(`^(?:export )?interface ${NAME} \\{$`);
export const GENERIC = new RegExp(`^(${NAME})<(.*)>$`);

/** `text`'s parts between `separator`s outside brackets and quotes, or undefined where those do not pair. */
function parts(text: string, separator: string): string[] | undefined {
  try {
    return splitOutside(text, separator);
  } catch (error) {
    if (error instanceof Unsure) return undefined;
    throw error;
  }
}

const isElement = (type: string): boolean => ELEMENT.test(type);

/** Whether `text` is two types or more, each `each`, joined by `separator`. */
function joined(text: string, separator: string, each: (type: string) => boolean): boolean {
  const types = parts(text, separator);
  return types !== undefined && types.length > 1 && types.every(each);
}

/** Whether `type` is a union of two types or more, each `each`, in parentheses, with any `[]` after. */
function groupOf(type: string, each: (type: string) => boolean): boolean {
  const group = GROUP.exec(type);
  return group !== null && joined(group[1]!, ' | ', each);
}

/**
 * A union in parentheses of elements and groups of elements, one inside another at most (`(A | B)[]`,
 * `(A | B) | null`, `((A | B)[] | null)`: TypeScript's printer puts a oneOf's union in a union or an
 * array so). Prettier keeps the parentheses of such a group in a union or before `[]` (not those of
 * a type alone, nor of one type: a member whose type is a group alone is left to prettier, see
 * `Reader.item`), and prints it as it is where the line fits; where not, it breaks inside them
 * (`brokenGroup`, for a group before `[]` that is the member's type; any other is left to prettier).
 */
const isType = (type: string): boolean => isElement(type) || groupOf(type, (inner) => isElement(inner) || groupOf(inner, isElement));

/** Whether `text` is elements each followed by ` | ` (`trailing`) or each after one, none at all included. */
function elementList(text: string, trailing: boolean): boolean {
  if (text === '') return true;
  if (trailing ? !text.endsWith(' | ') : !text.startsWith(' | ')) return false;
  const types = parts(trailing ? text.slice(0, -3) : text.slice(3), ' | ');
  return types !== undefined && types.every(isElement);
}

/** A pattern of a line and a check of what it captured: `exec` gives the match only when the check passes. */
class Line {
  constructor(
    private readonly loose: RegExp,
    private readonly holds: (match: RegExpExecArray) => boolean,
  ) {}

  exec(line: string): RegExpExecArray | null {
    const match = this.loose.exec(line);
    return match && this.holds(match) ? match : null;
  }

  test(line: string): boolean {
    return this.exec(line) !== null;
  }
}

/** A member of one line (`key: T;`): its key (1, none for an index signature) and its type (2), for `MEMBER` and `INTERSECTION_MEMBER` to check. */
const MEMBER_LINE = new RegExp(`${HEAD}([^]+);$`);

/** A member of one line, `key: A | B;`: its key (1, none for an index signature) and type (2), a union of types (`isType`). */
export const MEMBER = new Line(MEMBER_LINE, (match) => {
  const types = parts(match[2]!, ' | ');
  return types !== undefined && types.every(isType);
});
/**
 * A member whose type is an intersection of elements (`components["schemas"]["A"] & unknown`, an
 * allOf of a schema and one that says nothing): prettier prints it as it stands where its line
 * fits; where not, it is not known.
 */
export const INTERSECTION_MEMBER = new Line(MEMBER_LINE, (match) => joined(match[2]!, ' & ', isElement));
/** A union's first line when types stand before its first object type (`key: "a" | {`): `leading`, each type followed by ` | `. */
export const UNION_OPENER = new Line(new RegExp(`${HEAD}(?<leading>[^]+ \\| )\\{$`), (match) => elementList(match.groups!.leading!, true));
/** The first line of a union in parentheses before `[]` (`key: ({`, `key: ("a" | {`): an array of a oneOf of objects. */
export const GROUP_OPENER = new Line(new RegExp(`${HEAD}\\((?<grouped>(?:[^]* \\| )?)\\{$`), (match) => elementList(match.groups!.grouped!, true));
/** Its last line (`})[];`, `} | null)[][];`): the object type's `[]` (1), the types after it (2), the group's `[]` (3). */
export const GROUP_END = new Line(/^\}((?:\[\])*)((?: \| [^]*)?)\)((?:\[\])+);$/, (match) => elementList(match[2]!, false));
/** The line between two of a union's object types (`} | {`, `}[] | "a" | {`): the `[]` (1), the types between (2). */
export const UNION_MIDDLE = new Line(/^\}((?:\[\])*) \| ((?:[^]* \| )?)\{$/, (match) => elementList(match[2]!, true));
/** A union's last line after an object type (`};`, `}[] | null;`): the `[]` (1), the types after (2). */
export const UNION_END = new Line(/^\}((?:\[\])*)((?: \| [^]*)?);$/, (match) => elementList(match[2]!, false));
