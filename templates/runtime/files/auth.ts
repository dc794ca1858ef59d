import { ApiError } from './errors.js';

/** A credential: the value, or a function (sync or async) called before every request, e.g. to fetch a fresh token. */
export type Credential<T> = T | (() => T | Promise<T>);
/** A token (bearer, OAuth 2, OpenID Connect) or an API key. */
export type ApiKeySource = Credential<string>;
/** HTTP basic authentication. */
export interface BasicCredentials {
  readonly username: string;
  readonly password: string;
}
/** `auth` for any spec: credentials keyed by security scheme name. Each package narrows it to its own schemes. */
export type AnyAuth = { readonly [scheme: string]: Credential<string> | Credential<BasicCredentials> | undefined };

/**
 * How a security scheme of the spec sends its credential (the generator writes one per scheme
 * into defaults.ts): `bearer` covers http bearer, oauth2 and openIdConnect; `http` another HTTP
 * scheme (`Authorization: <scheme> <value>`); `apiKey` a header, query parameter or cookie;
 * `mutualTLS` is met by the transport (a `fetch` with a client certificate), not by a value.
 */
export type SchemeSpec =
  | { readonly type: 'bearer' | 'basic' | 'mutualTLS' }
  | { readonly type: 'http'; readonly scheme: string }
  | { readonly type: 'apiKey'; readonly in: 'header' | 'query' | 'cookie'; readonly name: string };

/** An operation's requirements: alternatives (any one will do), each a list of scheme names that apply together. Empty: no credentials. */
export type Security = readonly (readonly string[])[];

/** What one request carries for its credentials, and the strings no error may show (`redact` adds their URL encodings). */
export interface AppliedAuth {
  readonly headers: Record<string, string>;
  readonly query: readonly (readonly [string, string])[];
  readonly secrets: readonly string[];
}

type Source = Credential<string> | Credential<BasicCredentials>;

/**
 * The credential of every scheme the caller can use: `auth`, the `apiKey` shorthand (for the
 * spec's one token scheme), else the scheme's environment variable. Nothing is required here: an
 * operation that needs a missing credential rejects when it is called.
 */
export function credentialSources(
  auth: AnyAuth | undefined,
  apiKey: ApiKeySource | undefined,
  schemes: Readonly<Record<string, SchemeSpec>>,
  tokenScheme: string | undefined,
  env: Readonly<Record<string, string>>,
): Record<string, Source> {
  const names = Object.keys(schemes);
  for (const name of Object.keys(auth ?? {})) {
    if (!Object.hasOwn(schemes, name)) throw new ApiError(`auth.${name}: the API has no security scheme of that name${names.length > 0 ? ` (it has ${names.join(', ')})` : ''}`);
  }
  if (apiKey !== undefined && tokenScheme === undefined) {
    throw new ApiError(`apiKey names no scheme here: the API has ${names.length === 0 ? 'no security schemes' : `several (${names.join(', ')}); pass { auth: { <scheme>: value } }`}`);
  }
  const sources: Record<string, Source> = {};
  for (const name of names) {
    // Own keys only: a scheme may be named `toString` (a spec is untrusted input).
    const fromEnv = readEnv(own(env, name));
    const source = own(auth, name) ?? (name === tokenScheme ? apiKey : undefined) ?? (fromEnv && schemes[name]!.type === 'basic' ? splitBasic(fromEnv) : fromEnv);
    if (source !== undefined && source !== '') sources[name] = source;
  }
  return sources;
}

/**
 * The credentials for one request: the first alternative of `security` whose schemes all have a
 * credential. Rejects, before anything is sent, with an error naming the schemes it needs when
 * none has. `check` sees every token before it is used (the browser key rule).
 */
export async function applyAuth(
  security: Security,
  schemes: Readonly<Record<string, SchemeSpec>>,
  sources: Readonly<Record<string, Source>>,
  env: Readonly<Record<string, string>>,
  check: (token: string) => void,
): Promise<AppliedAuth> {
  const headers: Record<string, string> = {};
  const query: [string, string][] = [];
  const secrets: string[] = [];
  if (security.length === 0) return { headers, query, secrets };
  const usable = (name: string): boolean => Object.hasOwn(sources, name) || own(schemes, name)?.type === 'mutualTLS';
  // An alternative with credentials first; an empty one (`{}`: optional auth) only when none has them.
  const chosen = security.find((schemesOfOne) => schemesOfOne.length > 0 && schemesOfOne.every(usable)) ?? security.find((schemesOfOne) => schemesOfOne.length === 0);
  if (!chosen) throw new ApiError(`this operation needs credentials: ${needs(security, env)}`);
  const cookies: string[] = [];
  for (const name of chosen) {
    const spec = schemes[name]!;
    if (spec.type === 'mutualTLS') continue;
    const value: unknown = await read(sources[name]!);
    if (spec.type === 'basic') {
      const { username, password } = (value ?? {}) as Partial<BasicCredentials>;
      if (typeof username !== 'string' || typeof password !== 'string') throw new ApiError(`auth.${name}: expected { username, password }`);
      const token = base64(`${username}:${password}`);
      headers['Authorization'] = `Basic ${token}`;
      secrets.push(token, password);
      continue;
    }
    const token = typeof value === 'string' ? value.trim() : '';
    if (token === '') throw new ApiError(`auth.${name}: the credential function returned nothing`);
    check(token);
    secrets.push(token);
    if (spec.type === 'apiKey' && spec.in === 'query') {
      query.push([spec.name, token]);
      continue;
    }
    // Headers and cookies cannot carry every character; the message does not quote the value
    // (the Headers class would quote it in its own error).
    if (!/^[\x21-\x7e]+$/.test(token)) throw new ApiError(`auth.${name}: the credential contains characters that cannot be sent in an HTTP header`);
    if (spec.type === 'apiKey') {
      if (spec.in === 'header') headers[spec.name] = token;
      else cookies.push(`${spec.name}=${token}`);
    } else headers['Authorization'] = `${'scheme' in spec ? spec.scheme : 'Bearer'} ${token}`;
  }
  if (cookies.length > 0) headers['Cookie'] = cookies.join('; ');
  return { headers, query, secrets };
}

/** `BearerAuth (or set PETS_TOKEN), or ApiKey + AppId`: what `security` asks for, in words. */
function needs(security: Security, env: Readonly<Record<string, string>>): string {
  return security.map((names) => names.map((name) => `${name}${own(env, name) ? ` (or set ${own(env, name)})` : ''}`).join(' + ')).join(', or ') + '; pass them as { auth: { <scheme>: value } }';
}

function own<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record && Object.hasOwn(record, key) ? record[key] : undefined;
}

function read(source: Source): Promise<unknown> | unknown {
  return typeof source === 'function' ? source() : source;
}

/** `username:password` from an environment variable, split at the first colon. */
function splitBasic(text: string): BasicCredentials {
  const at = text.indexOf(':');
  return at < 0 ? { username: text, password: '' } : { username: text.slice(0, at), password: text.slice(at + 1) };
}

/** Base64 of the UTF-8 bytes (RFC 7617), in every runtime with `btoa`. */
function base64(text: string): string {
  return btoa(String.fromCharCode(...new TextEncoder().encode(text)));
}

/** An environment variable, where `process.env` exists (Node, Deno, Bun); `undefined` elsewhere. */
function readEnv(name: string | undefined): string | undefined {
  if (!name) return undefined;
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  return env?.[name];
}
