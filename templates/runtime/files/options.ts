import type { AnyAuth, ApiKeySource, SchemeSpec } from './auth.js';
import type { Serializers } from './request.js';
import type { Backoff } from './retry.js';

/**
 * Checks a 2xx body against the spec: returns where it differs (empty when it matches). The
 * package's `/validation` entry point exports one generated from the spec, `validateResponse`.
 */
export type ResponseValidator = (operationId: string, status: number, body: unknown) => readonly string[];

/** Every option may be `undefined`, which means its default: `exactOptionalPropertyTypes` projects pass `process.env.X` or an optional argument as it is. */
export interface ClientOptions<Auth extends AnyAuth = AnyAuth> {
  /**
   * Credentials, keyed by the spec's security scheme names: a string (a `{ username, password }`
   * object for HTTP basic), or a function (sync or async) returning it, called before every
   * request. Default: the environment variables the package's README names, where `process.env`
   * exists. An operation whose requirement no credential meets rejects before sending anything.
   */
  auth?: Auth | undefined;
  /** Shorthand for `auth` of the spec's one token scheme, where it has exactly one. */
  apiKey?: ApiKeySource | undefined;
  /** Default: the spec's first server. */
  baseUrl?: string | undefined;
  /** A fetch implementation (for proxies, tests, or runtimes without a global fetch). */
  fetch?: ((request: Request) => Promise<Response>) | undefined;
  /** Headers sent with every request. */
  headers?: Record<string, string> | undefined;
  /** Retries after a connection failure, timeout, 408, 409, 429 or >= 500. Default 2. */
  maxRetries?: number | undefined;
  /** Time allowed for each attempt, from sending the request to reading the whole body (to the response headers for an event stream). Default 60000 (60 s). */
  timeoutMs?: number | undefined;
  /**
   * Allows a secret key in a browser-like environment, where anyone using the page can read it,
   * for a package whose config sets a browser key rule (see its README); without a rule it has
   * no effect. Default false.
   */
  dangerouslyAllowBrowser?: boolean | undefined;
  /** Waits between retries when the server does not say; see the README. Default `{ initialMs: 500, maxMs: 8000 }`. */
  backoff?: { readonly [K in keyof Backoff]?: Backoff[K] | undefined } | undefined;
  /** Checks every 2xx body against the spec; off by default. Pass `validateResponse` from the package's `/validation` entry point. */
  validateResponse?: ResponseValidator | undefined;
  /**
   * The header numbering attempts (`0` on the first): `true` for the package's name for it, a
   * name, or `false` for none. Default: sent outside browsers; in browsers only where the
   * package's config says so, since a CORS preflight fails on a header the server does not allow.
   */
  retryCountHeader?: boolean | string | undefined;
  /** The idempotency key header of non-GET calls, with the same rules as `retryCountHeader`. */
  idempotencyHeader?: boolean | string | undefined;
}

export interface RequestOptions {
  /** Cancels the call at once, also while it waits between retries; it rejects with the signal's reason. */
  signal?: AbortSignal | undefined;
  /** Headers for this request only; they win over the client's. */
  headers?: Record<string, string> | undefined;
  /** Overrides the client's `maxRetries` for this call. */
  maxRetries?: number | undefined;
  /** Overrides the client's `timeoutMs` for this call. */
  timeoutMs?: number | undefined;
  /**
   * Sent as the idempotency key (`Idempotency-Key` unless the package names another header) with
   * every attempt of this call (not for GET, HEAD or OPTIONS), so that a server can recognise a
   * retry. Default: a random UUID per call, the same for its retries, where the header is on.
   */
  idempotencyKey?: string | undefined;
}

/** Per-package values the generator fills in (see defaults.ts). */
export interface ClientDefaults extends Serializers {
  readonly baseUrl: string | undefined;
  /** Every security scheme of the spec, by name. */
  readonly schemes: Readonly<Record<string, SchemeSpec>>;
  /** The spec's one token scheme, which `apiKey` stands for; `undefined` when it has none or several. */
  readonly tokenScheme: string | undefined;
  /** Environment variables read for schemes the caller gives no credential. */
  readonly env: Readonly<Record<string, string>>;
  /** The browser key rule: prefixes of the keys allowed in browsers. `undefined`: no rule. */
  readonly browserKeyPrefixes?: readonly string[];
  /** Header names; `undefined` for one that is off. */
  readonly retryCountHeader: string | undefined;
  readonly idempotencyHeader: string | undefined;
  /** Whether browsers send those headers by default. */
  readonly headersInBrowser: boolean;
}

export const DEFAULT_TIMEOUT_MS = 60_000;
