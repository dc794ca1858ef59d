import { own, type JsonObject } from '../json.ts';
import { differs } from './annotations.ts';

/**
 * The keywords that say how a value goes on the wire, compared with OpenAPI's defaults filled in:
 * a spec that writes out a default (`style: form`, `explode: true` for a query parameter) changes
 * nothing a client sends, and a default that changes because `style` did is a change of `explode`
 * too. `defaultStyle` is the location's: `form` in a query, a cookie or a form body's `encoding`,
 * `simple` in a path or a header.
 */
export function serializationChanges(before: JsonObject, after: JsonObject, keys: readonly string[], defaultStyle: 'form' | 'simple'): string[] {
  const a = withDefaults(before, defaultStyle);
  const b = withDefaults(after, defaultStyle);
  return keys.filter((key) => differs(a[key], b[key]));
}

function withDefaults(keywords: JsonObject, defaultStyle: 'form' | 'simple'): Record<string, unknown> {
  const style = own(keywords, 'style') ?? defaultStyle;
  return {
    style,
    explode: own(keywords, 'explode') ?? style === 'form',
    allowReserved: own(keywords, 'allowReserved') ?? false,
    allowEmptyValue: own(keywords, 'allowEmptyValue') ?? false,
    contentType: own(keywords, 'contentType'),
  };
}
