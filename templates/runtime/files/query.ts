import { serializeArrayParam, serializeObjectParam, serializePrimitiveParam } from 'openapi-fetch';

/**
 * How the spec writes one query parameter, where it differs from OpenAPI's default: `form` style,
 * exploded, reserved characters percent-encoded.
 */
export interface QueryStyle {
  readonly style?: 'form' | 'spaceDelimited' | 'pipeDelimited' | 'deepObject';
  readonly explode?: boolean;
  readonly allowReserved?: boolean;
}

/**
 * A query serializer (the query string, without `?`) that writes each parameter as the spec says,
 * through openapi-fetch's own serializers: the parameters named in `styles` as given there, every
 * other as OpenAPI's default, so an array goes as `id=1&id=2` (`id=1,2` when not exploded, `id=1|2`
 * pipe-delimited) and an object as `kind=dog&age=2` (`filter[kind]=dog` as a `deepObject`). The
 * delimited styles are for arrays and `deepObject` is for objects: the other kind goes as `form`.
 * An absent value, an empty array and an empty object are left out.
 */
export function styledQuery(styles: Readonly<Record<string, QueryStyle>> = {}): (query: unknown) => string {
  return (query) => {
    const parts: string[] = [];
    for (const [name, value] of Object.entries(query as Record<string, unknown>)) {
      // RFC 6570: an empty list or object is undefined, as an absent value is.
      if (value === undefined || value === null || (typeof value === 'object' && Object.keys(value).length === 0)) continue;
      const { style = 'form', explode = true, allowReserved = false } = styles[name] ?? {};
      const part = Array.isArray(value)
        ? serializeArrayParam(name, value, { style: style === 'deepObject' ? 'form' : style, explode, allowReserved })
        : typeof value === 'object'
          ? serializeObjectParam(name, value as Record<string, unknown>, { style: style === 'deepObject' ? style : 'form', explode, allowReserved })
          : serializePrimitiveParam(name, value as string, { allowReserved });
      // An object whose members are all absent writes nothing.
      if (part) parts.push(part);
    }
    return parts.join('&');
  };
}
