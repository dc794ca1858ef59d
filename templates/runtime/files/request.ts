import type { Client } from 'openapi-fetch';
import { ApiError } from './errors.js';

/** One request, described but not sent: the core adds credentials in the query, the signal, and sends it. */
export interface Outgoing {
  readonly url: string;
  readonly init: RequestInit & { headers: Record<string, string> };
}

/** What a generated method passes with its path: openapi-fetch's options, the subset the core uses. */
interface CallInit {
  params?: { path?: Record<string, unknown>; query?: Record<string, unknown>; header?: Record<string, unknown> };
  body?: unknown;
  bodySerializer?: (body: unknown, headers: Record<string, string>) => unknown;
  /** The operation's own, where the spec writes a query parameter other than OpenAPI's default way (query.ts); a function, not openapi-fetch's options object. */
  querySerializer?: (query: Record<string, unknown>) => string;
  headers?: Record<string, string>;
}

/**
 * The path and query serializers (openapi-fetch's path serializer, query.ts for the query), where
 * the spec has such parameters: defaults.ts imports them only then, so a package whose operations
 * take none does not carry them.
 */
export interface Serializers {
  readonly pathSerializer?: (url: string, params: Record<string, unknown>) => string;
  readonly querySerializer?: (query: Record<string, unknown>) => string;
}

/** A JSON body (a function of its own: `JSON.stringify` would take the headers for a replacer). */
const json = (body: unknown): string => JSON.stringify(body);

/** Without a serializer, a parameter of that kind fails loudly rather than being dropped. */
function missing(kind: string, params: object): string {
  for (const _ in params) throw new ApiError(`${kind} parameters need defaults.${kind}Serializer`);
  return '';
}

/**
 * The `client` a generated method calls (`client.POST("/path", { ...init, params, body })`): typed
 * as openapi-fetch's client, so every call is checked against the spec's `paths`, and built with
 * the defaults' path and query serializers (as openapi-fetch's `createFinalURL` does; a serializer
 * is only called with parameters when the spec has them, see `missing`), or the call's own query
 * serializer where it passes one. Its methods (any property
 * read: the method's name) return the request they describe (`Outgoing`) instead of sending it:
 * the core sends, reads and retries, so openapi-fetch's response parsing and middleware would be
 * work done twice. Header names are lower-cased, so a later header replaces an earlier one
 * whatever its case; an array goes as OpenAPI's `simple` style writes one (`a,b`; an object is
 * not written so, its `String`); `Content-Type` defaults to JSON. A body without its own serializer goes as
 * JSON: the generated methods pass one (body.ts) for every other media type, so openapi-fetch's
 * default serializer, which guesses from the body and the headers, would only repeat that choice.
 */
export function requestBuilder<Paths extends {}>(baseUrl: string, { pathSerializer = (url, path) => missing('path', path) || url, querySerializer = (query) => missing('query', query) }: Serializers): Client<Paths> {
  const builder = (method: string) => (path: string, { params = {}, body, bodySerializer = json, querySerializer: query = querySerializer, headers: given }: CallInit): Outgoing => {
    const headers: Record<string, string> = {};
    for (const group of [given, params.header]) {
      for (const name in group) {
        const value = group[name];
        if (value !== undefined && value !== null) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(',') : String(value);
      }
    }
    const data = body === undefined ? undefined : (bodySerializer(body, headers) as BodyInit);
    if (data !== undefined && !(data instanceof FormData)) headers['content-type'] ??= 'application/json';
    // A query serializer returns the query without a `?`.
    const search = query(params.query ?? {});
    return { url: pathSerializer(baseUrl + path, params.path ?? {}) + (search && `?${search}`), init: { method, headers, body: data ?? null } };
  };
  return new Proxy({}, { get: (_, method: string) => builder(method) }) as Client<Paths>;
}
