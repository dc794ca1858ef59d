import { stringLiteral } from './string-literal.ts';

const IDENTIFIER_NAME = /^[\p{L}$_][\p{L}\p{N}$_]*$/u;

/**
 * A property name in a type (interface member, type literal): bare when it is an identifier
 * name (keywords are fine there), otherwise a string literal. `__proto__` is an ordinary key in
 * types, but quoted so it reads as the data key it is.
 */
export function typePropertyKey(name: string): string {
  return IDENTIFIER_NAME.test(name) && name !== '__proto__' ? name : stringLiteral(name);
}

/**
 * A property name in an object literal that is evaluated. `__proto__: x` and `"__proto__": x`
 * would set the prototype there, so that key is written as a computed key, which defines an own
 * property.
 */
export function valuePropertyKey(name: string): string {
  if (name === '__proto__') return `[${stringLiteral(name)}]`;
  return typePropertyKey(name);
}
