import { token, type AppliedAuth, type SchemeSpec } from './auth.js';
import { ApiError } from './errors.js';
import type { BasicCredentials } from './auth.js';

/**
 * One maker per kind of security scheme: defaults.ts calls those its spec has, so a bundle
 * carries only the code of the kinds it uses (a bearer-only package has no basic, cookie or
 * query credentials).
 */

/** `Authorization: <scheme> <token>`: `Bearer` for http bearer, OAuth 2 and OpenID Connect; another http scheme by its name. */
export function http(scheme: string): SchemeSpec {
  return { send: (value, name, request) => (request.headers['Authorization'] = `${scheme} ${token(value, name, request)}`) };
}

/** An API key in a header, a cookie or the query string. */
export function apiKey(where: 'header' | 'query' | 'cookie', key: string): SchemeSpec {
  return {
    send(value, name, request) {
      const text = token(value, name, request, where);
      if (where === 'header') request.headers[key] = text;
      else if (where === 'cookie') request.headers['Cookie'] = [request.headers['Cookie'], `${key}=${text}`].filter(Boolean).join('; ');
      else request.url = withQuery(request.url, key, text);
    },
  };
}

/** HTTP basic: `{ username, password }`, or `username:password` in the environment variable (split at the first colon). */
export const basic: SchemeSpec = {
  send(value, name, request: AppliedAuth) {
    const { username, password } = (value ?? {}) as Partial<BasicCredentials>;
    if (typeof username !== 'string' || typeof password !== 'string') throw new ApiError(`auth.${name}: expected { username, password }`);
    const encoded = base64(`${username}:${password}`);
    request.headers['Authorization'] = `Basic ${encoded}`;
    request.secrets.push(encoded, password);
  },
  fromEnv(text) {
    const at = text.indexOf(':');
    return at < 0 ? { username: text, password: '' } : { username: text.slice(0, at), password: text.slice(at + 1) };
  },
};

/** Mutual TLS: met by the transport (a `fetch` whose connections present the client certificate), not by a value. */
export const mutualTLS: SchemeSpec = {};

/**
 * Appends a query-string credential to what earlier schemes of the same requirement added, as a
 * pair of its own after the query the method wrote (not through `URLSearchParams`, which would
 * rewrite that query: spaces as `+`, a `form` array's commas and an `allowReserved` value's
 * reserved characters encoded, a `deepObject`'s brackets too). A pair of the same name already
 * there goes: Trello declares its `key` and `token` both as parameters and as credentials, and
 * the key went twice.
 */
function withQuery(previous: ((url: string) => string) | undefined, key: string, value: string): (url: string) => string {
  return (url) => {
    const [path, query = ''] = (previous ? previous(url) : url).split(/\?(.*)/s);
    const name = encodeURIComponent(key);
    // Compared decoded: the method's serializer leaves `$`, `:` and brackets of a name as they are.
    const pairs = query.split('&').filter((pair) => pair !== '' && decoded(pair.split('=')[0]!) !== key);
    return `${path}?${[...pairs, `${name}=${encodeURIComponent(value)}`].join('&')}`;
  };
}

function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Base64 of the UTF-8 bytes (RFC 7617), in every runtime with `btoa`. */
function base64(text: string): string {
  return btoa(String.fromCharCode(...new TextEncoder().encode(text)));
}
