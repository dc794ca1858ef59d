import createClient, { type Client } from 'openapi-fetch';
import { abortReason, attemptSignal, raceAbort, sleep } from './abort.js';
import { ApiPromise, type ApiResponse } from './api-promise.js';
import { applyAuth, credentialSources, type AnyAuth, type AppliedAuth, type Security } from './auth.js';
import { checkBrowserKey, isBrowserLike } from './browser.js';
import { ApiError, ConnectionError, errorClassFor, InvalidResponseError, TimeoutError, type ApiErrorInit } from './errors.js';
import { DEFAULT_TIMEOUT_MS, type ClientDefaults, type ClientOptions, type RequestOptions, type ResponseValidator } from './options.js';
import { IDEMPOTENCY_HEADER, newIdempotencyKey, wantsIdempotencyKey } from './idempotency.js';
import { redact } from './redact.js';
import { errorInit, readSuccessBody, statusMessage, type ResponseKind } from './response.js';
import { DEFAULT_BACKOFF, DEFAULT_MAX_RETRIES, RETRY_COUNT_HEADER, retryDelay, shouldRetry, type Backoff } from './retry.js';

/**
 * What a generated method passes to openapi-fetch for one attempt. `parseAs: 'stream'` leaves a
 * 2xx body unread, so that the core reads it (content type, JSON, timeout) itself; openapi-fetch
 * still reads error bodies (parsed JSON, or the raw text). `fetch` adds query-string credentials.
 */
export interface AttemptInit {
  signal: AbortSignal;
  headers: Record<string, string>;
  parseAs: 'stream';
  fetch?: (request: Request) => Promise<Response>;
}

/** One attempt of an operation, written by the generated method: `client.POST(path, { ...init, body })`. */
export type Send<Paths extends {}> = (client: Client<Paths>, init: AttemptInit) => Promise<{ response: Response; error?: unknown }>;

/**
 * Shared by every API class: one openapi-fetch client, plus what a hand-written SDK adds on top of
 * a fetch: credentials from the spec's security schemes read per request, retries with backoff,
 * a timeout per attempt, cancellation, typed errors without secrets, and strict reading of 2xx bodies.
 */
export class ApiCore<Paths extends {}> {
  readonly client: Client<Paths>;
  readonly #defaults: ClientDefaults;
  readonly #sources: ReturnType<typeof credentialSources>;
  readonly #headers: Record<string, string>;
  readonly #maxRetries: number;
  readonly #timeoutMs: number;
  readonly #backoff: Backoff;
  readonly #allowBrowser: boolean;
  readonly #browserLike: boolean;
  readonly #retryHeader: string | undefined;
  readonly #idempotencyHeader: string | undefined;
  readonly #validate: ResponseValidator | undefined;
  readonly #fetch: (request: Request) => Promise<Response>;

  constructor(options: ClientOptions<AnyAuth>, defaults: ClientDefaults) {
    const baseUrl = options.baseUrl ?? defaults.baseUrl;
    if (!baseUrl) throw new ApiError('baseUrl is required: the spec names no absolute server URL');
    this.#defaults = defaults;
    this.#sources = credentialSources(options.auth, options.apiKey, defaults.schemes, defaults.tokenScheme, defaults.env);
    this.#allowBrowser = options.dangerouslyAllowBrowser === true;
    this.#browserLike = isBrowserLike();
    // A function's credential is checked per request, once it is known.
    for (const [name, source] of Object.entries(this.#sources)) if (typeof source === 'string') this.#checkKey(name, source.trim());
    this.#headers = { ...options.headers };
    this.#maxRetries = retriesSetting(options.maxRetries, DEFAULT_MAX_RETRIES);
    this.#timeoutMs = timeoutSetting(options.timeoutMs, DEFAULT_TIMEOUT_MS);
    this.#backoff = { ...DEFAULT_BACKOFF, ...options.backoff };
    this.#validate = options.validateResponse;
    // Off in browsers unless configured: a CORS preflight fails on a header the server does not allow.
    const header = (option: boolean | string | undefined, name: string | undefined, fallback: string): string | undefined =>
      typeof option === 'string' ? option : option === true ? (name ?? fallback) : option === false || (this.#browserLike && !defaults.headersInBrowser) ? undefined : name;
    this.#retryHeader = header(options.retryCountHeader, defaults.retryCountHeader, RETRY_COUNT_HEADER);
    this.#idempotencyHeader = header(options.idempotencyHeader, defaults.idempotencyHeader, IDEMPOTENCY_HEADER);
    const send = options.fetch ?? ((request: Request) => globalThis.fetch(request));
    // Only failures of the fetch itself become ConnectionError (retried); an error from the
    // client's own code, such as a body that cannot be serialized, is not a network problem.
    this.#fetch = async (request: Request) => {
      try {
        return await send(request);
      } catch (cause) {
        throw new ConnectionError(`connection failed: ${describe(cause)}`, { cause });
      }
    };
    this.client = createClient<Paths>({ baseUrl: baseUrl.replace(/\/+$/, ''), fetch: this.#fetch });
  }

  /**
   * Runs one operation (its operationId, HTTP method, how its 2xx body is read and its security
   * requirements): resolves with the parsed 2xx body, rejects with an `ApiError` subclass otherwise.
   */
  call<T>(operationId: string, method: string, kind: ResponseKind, security: Security, options: RequestOptions | undefined, send: Send<Paths>): ApiPromise<T> {
    return new ApiPromise(this.#run<T>(operationId, method, kind, security, options ?? {}, send));
  }

  #checkKey(_scheme: string, key: string): void {
    checkBrowserKey(key, this.#defaults.browserKeyPrefixes, this.#allowBrowser, this.#browserLike);
  }

  async #run<T>(operationId: string, method: string, kind: ResponseKind, security: Security, options: RequestOptions, send: Send<Paths>): Promise<ApiResponse<T>> {
    const { signal } = options;
    const maxRetries = retriesSetting(options.maxRetries, this.#maxRetries);
    const timeoutMs = timeoutSetting(options.timeoutMs, this.#timeoutMs);
    const idempotencyName = options.idempotencyKey !== undefined ? (this.#idempotencyHeader ?? this.#defaults.idempotencyHeader ?? IDEMPOTENCY_HEADER) : this.#idempotencyHeader;
    const fixed: Record<string, string> = idempotencyName && wantsIdempotencyKey(method) ? { [idempotencyName]: options.idempotencyKey ?? newIdempotencyKey() } : {};
    let secrets: readonly string[] = [];
    try {
      for (let retries = 0; ; retries++) {
        if (signal?.aborted) throw abortReason(signal);
        const reading = applyAuth(security, this.#defaults.schemes, this.#sources, this.#defaults.env, (name, key) => this.#checkKey(name, key));
        const auth: AppliedAuth = await (signal ? raceAbort(reading, signal) : reading);
        secrets = auth.secrets;
        const attempt = attemptSignal(timeoutMs, signal);
        let failure: ApiError;
        let retryable = true;
        let headers: Headers | undefined;
        try {
          const init: AttemptInit = {
            signal: attempt.signal,
            headers: { ...auth.headers, ...(this.#retryHeader ? { [this.#retryHeader]: String(retries) } : {}), ...fixed, ...this.#headers, ...options.headers },
            parseAs: 'stream',
          };
          if (auth.query.length > 0) init.fetch = (request) => this.#fetch(withQuery(request, auth.query));
          const { response, error } = await raceAbort(send(this.client, init), attempt.signal);
          if (response.ok) {
            const data = (await raceAbort(readSuccessBody(response, kind), attempt.signal)) as T;
            this.#check(operationId, response, data);
            return { data, response, requestId: response.headers.get('x-request-id') ?? undefined };
          }
          headers = response.headers;
          failure = new (errorClassFor(response.status))(statusMessage(response, error), errorInit(response, error));
          retryable = shouldRetry(response.status, response.headers);
        } catch (cause) {
          if (signal?.aborted) throw abortReason(signal);
          if (attempt.timedOut()) failure = new TimeoutError(`no complete response within ${timeoutMs} ms`, { cause });
          else if (cause instanceof ConnectionError) failure = cause;
          else throw cause;
        } finally {
          attempt.finish();
        }
        if (!retryable || retries >= maxRetries) throw failure;
        await sleep(retryDelay(retries, headers, this.#backoff), signal);
      }
    } catch (error) {
      throw error instanceof ApiError ? scrub(error, secrets, operationId) : error;
    }
  }

  #check(operationId: string, response: Response, data: unknown): void {
    const issues = this.#validate?.(operationId, response.status, data) ?? [];
    if (issues.length === 0) return;
    throw new InvalidResponseError(`the response does not match the spec: ${issues.slice(0, 3).join('; ')}${issues.length > 3 ? ` (and ${issues.length - 3} more)` : ''}`, {
      ...errorInit(response, data),
      issues,
    });
  }
}

/**
 * The same error with every credential replaced, tagged with its operation: a server may echo a
 * credential back in a body or header, and no error's message, stack or JSON may carry one.
 */
function scrub(error: ApiError, secrets: readonly string[], operationId: string): ApiError {
  const Class = error.constructor as new (message: string, init: ApiErrorInit & { issues?: readonly string[] }) => ApiError;
  const init: ApiErrorInit & { issues?: readonly string[] } = { headers: redact({ ...error.headers }, secrets), body: redact(error.body, secrets), cause: error.cause, operationId };
  if (error.status !== undefined) init.status = error.status;
  if (error.requestId !== undefined) init.requestId = redact(error.requestId, secrets);
  if (error instanceof InvalidResponseError) init.issues = redact(error.issues, secrets);
  return new Class(redact(error.message, secrets), init);
}

/** The request with query-string credentials added to its URL. */
function withQuery(request: Request, query: readonly (readonly [string, string])[]): Request {
  const url = new URL(request.url);
  for (const [name, value] of query) url.searchParams.append(name, value);
  return new Request(url, request);
}

/** `fetch failed (ECONNRESET)`: the error's message and, where Node has one, its cause's code. */
function describe(cause: unknown): string {
  if (!(cause instanceof Error)) return String(cause);
  const inner = cause.cause as { code?: unknown; message?: unknown } | undefined;
  const detail = typeof inner?.code === 'string' ? inner.code : typeof inner?.message === 'string' ? inner.message : undefined;
  return detail ? `${cause.message} (${detail})` : cause.message;
}

function retriesSetting(value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 0) throw new ApiError(`maxRetries must be a whole number >= 0, got ${String(value)}`);
  return value;
}

function timeoutSetting(value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !(value > 0)) throw new ApiError(`timeoutMs must be a number > 0, got ${String(value)}`);
  return value;
}
