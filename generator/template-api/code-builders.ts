import { valuePropertyKey } from '../escape/property-key.ts';

/**
 * A member of an object literal: `[key, value]` (the key is spec text or a name, made a safe
 * property key here; the value is code), or code as it is (`...init`, a shorthand `body`).
 */
export type ObjectMember = string | readonly [key: string, value: string];

/**
 * Builders for the code inside declarations (method bodies, initializers), so a template states
 * the structure of an expression and the builder writes its punctuation. Arguments are code: build
 * spec text into it with `ctx.escape`, and names from other modules with `ctx.ts.imports`.
 */
export interface CodeBuilders {
  /** `callee<T>(a, b)`. */
  call(callee: string, args: readonly string[], typeArguments?: readonly string[]): string;
  /** `new Name<T>(a, b)`. */
  construct(className: string, args: readonly string[], typeArguments?: readonly string[]): string;
  /** `(a, b) => body`, where `body` is an expression. */
  arrowFunction(parameters: readonly string[], body: string): string;
  /** `[a, b]`; see `LiteralLayout`. */
  arrayLiteral(elements: readonly string[], layout?: LiteralLayout): string;
  /** `{ a: 1, "b-c": x, ...rest }`: see `ObjectMember`; keys pass through `escape.valuePropertyKey`; see `LiteralLayout`. */
  objectLiteral(members: readonly ObjectMember[], layout?: LiteralLayout): string;
  /** `return expression;` */
  returnStatement(expression: string): string;
}

/**
 * `{ multiline: true }`: each element or member on a line of its own. prettier formats such a
 * literal as it does the one-line one, but for an object, which it keeps broken when its first
 * member starts a new line; in a large literal (the validation template's data) the format stage
 * can then cut the text between lines and format it in parts (see chunks.ts).
 */
export interface LiteralLayout {
  readonly multiline?: boolean;
}

/**
 * `open` items `close`, on one line or (`multiline`) each item starting a line, followed by a comma
 * (not indented: an item's text is left as it is, since a line break in it may be inside a template
 * literal; prettier indents).
 */
function list(open: string, items: readonly string[], close: string, layout: LiteralLayout | undefined, pad: string): string {
  if (items.length === 0) return `${open}${close}`;
  if (!layout?.multiline) return `${open}${pad}${items.join(', ')}${pad}${close}`;
  return `${open}\n${items.map((item) => `${item},\n`).join('')}${close}`;
}

const typeArgumentList = (typeArguments: readonly string[] | undefined) => (typeArguments && typeArguments.length > 0 ? `<${typeArguments.join(', ')}>` : '');

const builders: CodeBuilders = {
  call: (callee, args, typeArguments) => `${callee}${typeArgumentList(typeArguments)}(${args.join(', ')})`,
  construct: (className, args, typeArguments) => `new ${className}${typeArgumentList(typeArguments)}(${args.join(', ')})`,
  arrowFunction: (parameters, body) => `(${parameters.join(', ')}) => ${body}`,
  arrayLiteral: (elements, layout) => list('[', elements, ']', layout, ''),
  objectLiteral: (members, layout) => list('{', members.map((m) => (typeof m === 'string' ? m : `${valuePropertyKey(m[0])}: ${m[1]}`)), '}', layout, ' '),
  returnStatement: (expression) => `return ${expression};`,
};

export const codeBuilders: CodeBuilders = Object.freeze(builders);
