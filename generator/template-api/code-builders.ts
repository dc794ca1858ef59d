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
  /** `[a, b]`. */
  arrayLiteral(elements: readonly string[]): string;
  /** `{ a: 1, "b-c": x, ...rest }`: see `ObjectMember`; keys pass through `escape.valuePropertyKey`. */
  objectLiteral(members: readonly ObjectMember[]): string;
  /** `return expression;` */
  returnStatement(expression: string): string;
}

const typeArgumentList = (typeArguments: readonly string[] | undefined) => (typeArguments && typeArguments.length > 0 ? `<${typeArguments.join(', ')}>` : '');

const builders: CodeBuilders = {
  call: (callee, args, typeArguments) => `${callee}${typeArgumentList(typeArguments)}(${args.join(', ')})`,
  construct: (className, args, typeArguments) => `new ${className}${typeArgumentList(typeArguments)}(${args.join(', ')})`,
  arrowFunction: (parameters, body) => `(${parameters.join(', ')}) => ${body}`,
  arrayLiteral: (elements) => `[${elements.join(', ')}]`,
  objectLiteral: (members) => (members.length === 0 ? '{}' : `{ ${members.map((m) => (typeof m === 'string' ? m : `${valuePropertyKey(m[0])}: ${m[1]}`)).join(', ')} }`),
  returnStatement: (expression) => `return ${expression};`,
};

export const codeBuilders: CodeBuilders = Object.freeze(builders);
