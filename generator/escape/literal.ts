import { valuePropertyKey } from './property-key.ts';
import { stringLiteral } from './string-literal.ts';

/** An object literal of these `key: value` entries, as prettier prints one on a line: `{}` when there are none. */
export function objectLiteral(entries: readonly string[]): string {
  return entries.length === 0 ? '{}' : `{ ${entries.join(', ')} }`;
}

/**
 * A TypeScript expression that evaluates to a JSON value (from a spec's default, example or
 * enum). Strings go through `stringLiteral`, keys through `valuePropertyKey`, so no spec value can
 * become code. Non-finite numbers cannot come from JSON or YAML core and are refused.
 */
export function jsonLiteral(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return stringLiteral(value);
    case 'boolean':
      return String(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`cannot write ${String(value)} as a JSON literal`);
      return Object.is(value, -0) ? '-0' : String(value);
    case 'object':
      if (Array.isArray(value)) return `[${value.map(jsonLiteral).join(', ')}]`;
      return objectLiteral(Object.entries(value as object).map(([key, child]) => `${valuePropertyKey(key)}: ${jsonLiteral(child)}`));
    default:
      throw new TypeError(`cannot write a ${typeof value} as a JSON literal`);
  }
}

/**
 * The TypeScript literal type of a JSON primitive (`"a"`, `1`, `-1`, `true`, `null`): the same text
 * as the value's literal, since a negative number's text is already `-` and its magnitude.
 */
export function literalType(value: string | number | boolean | null): string {
  return jsonLiteral(value);
}
