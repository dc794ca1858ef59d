import { serializeArrayParam, serializeObjectParam, serializePrimitiveParam } from 'openapi-fetch';

/**
 * How the spec writes one query parameter: its style (default `form`), whether it is exploded
 * (default: OpenAPI's, true for `form` only) and whether reserved characters go unencoded.
 */
export interface QueryStyle {
  readonly style?: 'form' | 'spaceDelimited' | 'pipeDelimited' | 'deepObject';
  readonly explode?: boolean;
  readonly allowReserved?: boolean;
  /** Written as JSON text (a form body's property whose `encoding` names a JSON content type). */
  readonly json?: boolean;
}

/**
 * A query serializer (the query string, without `?`; also a form body's) that writes each
 * parameter as the spec says, through openapi-fetch's own serializers: the parameters named in
 * `styles` as given there, every other as OpenAPI's default, so an array goes as `id=1&id=2`
 * (`id=1,2` when not exploded, `id=1|2` pipe-delimited) and an object as `kind=dog&age=2`. A
 * `deepObject` goes as `filter[kind]=dog` at any depth, an array in it by index
 * (`items[0][price]=p`, `expand[0]=a`), as Stripe's and Rails' servers read it (OpenAPI defines one
 * level of objects; openapi-fetch refuses more). The delimited styles are for arrays: an object goes
 * as `form`. An absent value, member or item is left out, and so is an array or object left empty
 * (RFC 6570); an object or array inside an array or object (not a `deepObject`) goes as JSON text.
 */
export function styledQuery(styles: Readonly<Record<string, QueryStyle>> = {}): (query: unknown) => string {
  return (query) => {
    const parts: string[] = [];
    for (const [key, given] of Object.entries(query as Record<string, unknown>)) {
      const { style = 'form', explode = style === 'form', allowReserved = false, json } = Object.hasOwn(styles, key) ? styles[key]! : {};
      const encode = allowReserved ? reserved : encodeURIComponent;
      // openapi-fetch writes names as they are: `&`, `=`, `#` or a space in one would split or end the string.
      const name = nameOf(key);
      if (json) {
        if (given !== undefined && given !== null) parts.push(`${name}=${encode(JSON.stringify(given))}`);
        continue;
      }
      if (style === 'deepObject') {
        deepObject(name, given, encode, parts);
        continue;
      }
      const value = present(given, allowReserved);
      if (value === undefined) continue;
      // Reserved characters are already left as they may be (`reserved`): openapi-fetch encodes nothing then.
      const options = { explode, allowReserved };
      parts.push(
        Array.isArray(value)
          ? serializeArrayParam(name, value, { ...options, style })
          : typeof value === 'object'
            ? serializeObjectParam(name, value as Record<string, unknown>, { ...options, style: 'form' })
            : serializePrimitiveParam(name, value as string, options),
      );
    }
    return parts.join('&');
  };
}

/**
 * The value to write: without absent members or items, `undefined` when nothing is left; with
 * `allowReserved`, every string already encoded but for the reserved characters a query value may
 * carry as they are.
 */
function present(value: unknown, allowReserved: boolean): unknown {
  // A nested object or array, for which OpenAPI's styles have no form (openapi-fetch threw a plain
  // Error), goes as JSON text: Box's search takes its array of metadata filters so.
  const text = (item: unknown) => {
    const written = typeof item === 'object' ? JSON.stringify(item) : item;
    return allowReserved ? reserved(String(written)) : written;
  };
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value)) {
    const items = value.filter((item) => item !== undefined && item !== null).map(text);
    return items.length > 0 ? items : undefined;
  }
  if (typeof value === 'object') {
    const members = Object.entries(value).flatMap(([key, member]) => (member === undefined || member === null ? [] : [[nameOf(key), text(member)]]));
    return members.length > 0 ? Object.fromEntries(members) : undefined;
  }
  return text(value);
}

/**
 * A name encoded but for the characters a query may carry as they are (`reserved`: Azure's
 * `$filter`) and brackets (`filter[status]`), which servers read as they are, as Stripe's library
 * sends them.
 */
function nameOf(key: string): string {
  return reserved(key).replace(/%5B/g, '[').replace(/%5D/g, ']');
}

/** `filter[kind]=dog`, `items[0][price]=p`: each primitive at any depth under its bracketed path. */
function deepObject(name: string, value: unknown, encode: (text: string) => string, parts: string[]): void {
  if (value === undefined || value === null) return;
  if (typeof value !== 'object') parts.push(`${name}=${encode(String(value))}`);
  else for (const [key, member] of Object.entries(value)) deepObject(`${name}[${encode(key)}]`, member, encode, parts);
}

/**
 * `allowReserved` (RFC 3986's reserved characters unencoded) for a query value: `/ : @ ! $ ' ( )
 * * , ; ?` as they are; `# & = + [ ]` (which would end or split the value) and `%` still encoded.
 */
function reserved(text: string): string {
  return encodeURIComponent(text).replace(/%(2F|3A|40|24|2C|3B|3F)/g, (escape) => decodeURIComponent(escape));
}

/**
 * `headers` with an operation's cookie parameters added to its `Cookie` header (the last given,
 * whatever the case of its name, as request.ts keeps the last of any header: a cookie credential's,
 * or the caller's, which replaces it), written as a query is (`form`: `id=5`, an array not exploded
 * `ids=1,2`, values percent-encoded), one cookie per `name=value`, joined with `; `. A browser
 * does not let a page set this header; it sends its own cookies there.
 */
export function withCookies(headers: Readonly<Record<string, string>>, cookies: unknown, styles?: Readonly<Record<string, QueryStyle>>): Record<string, string> {
  const result: Record<string, string> = {};
  let given: string | undefined;
  for (const [name, value] of Object.entries(headers)) {
    if (/^cookie$/i.test(name)) given = value;
    else result[name] = value;
  }
  // A `;` (in a name, an object's key or an allowReserved value, which a query leaves as they are) would end the cookie.
  const own = styledQuery(styles)(cookies ?? {}).replace(/;/g, '%3B').replace(/&/g, '; ');
  const jar = [...(given === undefined ? [] : [given]), ...(own === '' ? [] : [own])];
  if (jar.length > 0) result['Cookie'] = jar.join('; ');
  return result;
}
