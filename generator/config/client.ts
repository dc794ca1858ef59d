import { isObject } from '../json.ts';

/**
 * The config keys that shape the generated client's runtime (`client` in `openapi-morph.config.ts`).
 * Nothing here has a vendor's value by default: a package gets an environment fallback, a browser
 * key rule or a header name only when its config says so (or, for the two headers, the neutral
 * defaults below).
 */
export interface UserClientConfig {
  /**
   * Environment variables the client reads a credential from when the caller passes none, keyed
   * by security scheme name exactly as in `components.securitySchemes`: `{ BearerAuth: 'PETS_TOKEN' }`.
   * A basic scheme's variable holds `username:password`. (`package.apiKeyEnv` is the same for the
   * spec's one token scheme.)
   */
  readonly authEnv?: Readonly<Record<string, string>>;
  /**
   * A browser key rule: in a browser-like environment, a token credential that starts with none
   * of these prefixes is refused (unless the caller passes `dangerouslyAllowBrowser: true`), e.g.
   * `['ek_']` for an API whose browser-safe keys are short-lived ones with that prefix. Default: no rule.
   */
  readonly browserKeyPrefixes?: readonly string[];
  /**
   * The header that numbers attempts (`0` on the first). A name, or `false` for none. Default
   * `x-retry-count`. Sent in Node; in browsers only with `inBrowser` (CORS preflights refuse
   * headers a server does not list) or when a client enables it.
   */
  readonly retryCountHeader?: string | false;
  /** The header carrying one random key per non-GET call and its retries. Default `Idempotency-Key`; `false` for none. */
  readonly idempotencyHeader?: string | false;
  /** Whether the two headers above are also sent from browsers by default. Default false. */
  readonly headersInBrowser?: boolean;
}

/** `client`, every default applied. */
export interface ResolvedClientConfig {
  readonly authEnv: Readonly<Record<string, string>>;
  readonly browserKeyPrefixes: readonly string[] | undefined;
  readonly retryCountHeader: string | undefined;
  readonly idempotencyHeader: string | undefined;
  readonly headersInBrowser: boolean;
}

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** An HTTP header name (RFC 9110 token). */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

export function resolveClientConfig(client: unknown, problem: (path: string, text: string) => void): ResolvedClientConfig {
  const c = (isObject(client) ? client : {}) as UserClientConfig;
  // A client that is not an object is reported by the shape check (config/shape.ts), with its keys.
  const authEnv = c.authEnv ?? {};
  if (!isObject(authEnv) || Object.values(authEnv).some((v) => typeof v !== 'string' || !ENV_NAME.test(v))) {
    problem('client.authEnv', 'must map security scheme names to environment variable names');
  }
  const prefixes = c.browserKeyPrefixes;
  if (prefixes !== undefined && (!Array.isArray(prefixes) || prefixes.length === 0 || prefixes.some((p) => typeof p !== 'string' || p === ''))) {
    problem('client.browserKeyPrefixes', 'must be a non-empty list of non-empty strings');
  }
  const header = (key: 'retryCountHeader' | 'idempotencyHeader', fallback: string): string | undefined => {
    const value = c[key];
    if (value === undefined) return fallback;
    if (value === false) return undefined;
    if (typeof value !== 'string' || !HEADER_NAME.test(value)) problem(`client.${key}`, 'must be an HTTP header name or false');
    return typeof value === 'string' ? value : fallback;
  };
  if (c.headersInBrowser !== undefined && typeof c.headersInBrowser !== 'boolean') problem('client.headersInBrowser', 'must be true or false');
  return {
    authEnv: isObject(authEnv) ? (authEnv as Record<string, string>) : {},
    browserKeyPrefixes: Array.isArray(prefixes) ? prefixes : undefined,
    retryCountHeader: header('retryCountHeader', 'x-retry-count'),
    idempotencyHeader: header('idempotencyHeader', 'Idempotency-Key'),
    headersInBrowser: c.headersInBrowser === true,
  };
}
