import type { ApiKeySource } from './auth.js';
import type { Backoff } from './retry.js';

/**
 * Checks a 2xx body against the spec: returns where it differs (empty when it matches). The
 * package's `/validation` entry point exports one generated from the spec, `validateResponse`.
 */
export type ResponseValidator = (operationId: string, status: number, body: unknown) => readonly string[];

export interface ClientOptions {
  /**
   * The API key, sent as a bearer token: a string, or a function (sync or async) called before
   * every request, e.g. to fetch a fresh short-lived key. Default: the environment variable named
   * in the package's README, where `process.env` exists.
   */
  apiKey?: ApiKeySource;
  /** Default: the spec's first server. */
  baseUrl?: string;
  /** A fetch implementation (for proxies, tests, or runtimes without a global fetch). */
  fetch?: (request: Request) => Promise<Response>;
  /** Headers sent with every request. */
  headers?: Record<string, string>;
  /** Retries after a connection failure, timeout, 408, 409, 429 or >= 500. Default 2. */
  maxRetries?: number;
  /** Time allowed for each attempt, from sending the request to reading the whole body. Default 60000 (60 s). */
  timeoutMs?: number;
  /**
   * Allows a standard secret key in a browser-like environment, where anyone using the page can
   * read it. Default false: only ephemeral keys (`ek_...`) are accepted there. See the README.
   */
  dangerouslyAllowBrowser?: boolean;
  /** Waits between retries when the server does not say; see the README. Default `{ initialMs: 500, maxMs: 8000 }`. */
  backoff?: Partial<Backoff>;
  /** Checks every 2xx body against the spec; off by default. Pass `validateResponse` from the package's `/validation` entry point. */
  validateResponse?: ResponseValidator;
}

export interface RequestOptions {
  /** Cancels the call at once, also while it waits between retries; it rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Headers for this request only; they win over the client's. */
  headers?: Record<string, string>;
  /** Overrides the client's `maxRetries` for this call. */
  maxRetries?: number;
  /** Overrides the client's `timeoutMs` for this call. */
  timeoutMs?: number;
  /**
   * Sent as `Idempotency-Key` with every attempt of this call (not for GET, HEAD or OPTIONS), so
   * that a server can recognise a retry. Default: a random UUID per call, the same for its retries.
   */
  idempotencyKey?: string;
}

/** Per-package values the generator fills in (see defaults.ts). */
export interface ClientDefaults {
  readonly baseUrl: string | undefined;
  readonly apiKeyEnv: string | undefined;
}

export const DEFAULT_TIMEOUT_MS = 60_000;
