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
 * How a security scheme of the spec sends its credential: defaults.ts holds one per scheme, made
 * by schemes.ts, and imports only the kinds the spec has, so a bearer-only package carries no
 * basic, cookie or query code. No `send`: mutual TLS, met by the transport (a `fetch` with a
 * client certificate), not by a value.
 */
export interface SchemeSpec {
  /** Puts the credential (as read from its source) on the request; `name` is the scheme's, for messages. */
  readonly send?: (value: unknown, name: string, request: AppliedAuth) => void;
  /** Turns the scheme's environment variable into a credential (basic: `username:password`). */
  readonly fromEnv?: (text: string) => unknown;
}

/** An operation's requirements: alternatives (any one will do), each a list of scheme names that apply together. Empty: no credentials. */
export type Security = readonly (readonly string[])[];

/** What one request carries for its credentials, and the strings no error may show (`redact` adds their URL encodings). */
export interface AppliedAuth {
  readonly headers: Record<string, string>;
  readonly secrets: string[];
  /** The browser key rule, applied to every token before it is sent. */
  readonly check: (token: string) => void;
  /** Adds query-string credentials to the request's URL, when a scheme sends one there. */
  url?: (url: string) => string;
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
  const has = `(the API has ${names.join(', ') || 'none'})`;
  for (const name of Object.keys(auth ?? {})) {
    if (!Object.hasOwn(schemes, name)) throw new ApiError(`auth.${name}: no such security scheme ${has}`);
  }
  if (apiKey !== undefined && tokenScheme === undefined) throw new ApiError(`apiKey names no scheme here ${has}; pass { auth: { <scheme>: value } }`);
  const sources: Record<string, Source> = {};
  for (const name of names) {
    // Own keys only: a scheme may be named `toString` (a spec is untrusted input).
    const fromEnv = readEnv(own(env, name));
    const parse = schemes[name]!.fromEnv;
    const source = own(auth, name) ?? (name === tokenScheme ? apiKey : undefined) ?? (fromEnv && parse ? (parse(fromEnv) as Source) : fromEnv);
    if (source !== undefined && source !== '') sources[name] = source;
  }
  return sources;
}

/**
 * The credentials for one request: the first alternative of `security` whose schemes all have a
 * credential, read at the same time. Rejects, before anything is sent, with an error naming the schemes it needs when
 * none has. `check` sees every token before it is used (the browser key rule).
 */
export async function applyAuth(
  security: Security,
  schemes: Readonly<Record<string, SchemeSpec>>,
  sources: Readonly<Record<string, Source>>,
  env: Readonly<Record<string, string>>,
  check: (token: string) => void,
): Promise<AppliedAuth> {
  const request: AppliedAuth = { headers: {}, secrets: [], check };
  if (security.length === 0) return request;
  const usable = (name: string): boolean => Object.hasOwn(sources, name) || (own(schemes, name) !== undefined && !schemes[name]!.send);
  // An alternative with credentials first; an empty one (`{}`: optional auth) only when none has them.
  const chosen = security.find((schemesOfOne) => schemesOfOne.length > 0 && schemesOfOne.every(usable)) ?? security.find((schemesOfOne) => schemesOfOne.length === 0);
  if (!chosen) throw new ApiError(`this operation needs credentials: ${needs(security, env)}`);
  // The credentials of an AND requirement are read together (two token functions that each fetch
  // take the longer of the two, not the sum), then sent in the requirement's order.
  const values = await Promise.all(chosen.map((name) => schemes[name]!.send && read(sources[name]!)));
  chosen.forEach((name, at) => schemes[name]!.send?.(values[at], name, request));
  return request;
}

/**
 * A token credential, checked and recorded as a secret: trimmed, not empty, and (for a header or
 * a cookie, `inHeader`) only characters HTTP headers can carry; the message never quotes it (the
 * Headers class would quote it in its own error).
 */
export function token(value: unknown, name: string, request: AppliedAuth, where: 'header' | 'cookie' | 'query' = 'header'): string {
  const text = typeof value === 'string' ? value.trim() : '';
  if (text === '') throw new ApiError(`auth.${name}: the credential function returned nothing`);
  request.check(text);
  request.secrets.push(...secretForms(text));
  // A header's value may hold spaces (SendGrid's key is `Bearer SG...`), a cookie's may not; nothing outside ASCII, no line breaks.
  if (where !== 'query' && !(where === 'header' ? /^[\t\x20-\x7e]+$/ : /^[\x21-\x7e]+$/).test(text)) throw new ApiError(`auth.${name}: the credential has characters an HTTP header cannot carry`);
  return text;
}

/**
 * The strings no error may show for a token (trimmed): itself and, for a value with a scheme word
 * before the key (`Bearer SG...`), each word after it, for a server that echoes only the key.
 */
export function secretForms(text: string): string[] {
  return [text, ...text.split(/\s+/).slice(1)];
}

/** `BearerAuth (or set PETS_TOKEN), or ApiKey + AppId`: what `security` asks for, in words. */
function needs(security: Security, env: Readonly<Record<string, string>>): string {
  return security.map((names) => names.map((name) => `${name}${own(env, name) ? ` (or set ${own(env, name)})` : ''}`).join(' + ')).join(', or ') + '; pass { auth: { <scheme>: value } }';
}

function own<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record && Object.hasOwn(record, key) ? record[key] : undefined;
}

function read(source: Source): Promise<unknown> | unknown {
  return typeof source === 'function' ? source() : source;
}

/** An environment variable, where `process.env` exists (Node, Deno, Bun); `undefined` elsewhere. */
function readEnv(name: string | undefined): string | undefined {
  if (!name) return undefined;
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  return env?.[name];
}
