import createClient, { type Client } from 'openapi-fetch';
import { abortReason, attemptSignal, raceAbort, sleep } from './abort.js';
import { ApiPromise, type ApiResponse } from './api-promise.js';
import { keySource, readKey, type ApiKeySource } from './auth.js';
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
 * still reads error bodies (parsed JSON, or the raw text).
 */
export interface AttemptInit {
  signal: AbortSignal;
  headers: Record<string, string>;
  parseAs: 'stream';
}

/** One attempt of an operation, written by the generated method: `client.POST(path, { ...init, body })`. */
export type Send<Paths extends {}> = (client: Client<Paths>, init: AttemptInit) => Promise<{ response: Response; error?: unknown }>;

/**
 * Shared by every API class: one openapi-fetch client, plus what the official SDKs add on top of
 * a fetch: the API key read per request, retries with backoff, a timeout per attempt,
 * cancellation, typed errors without secrets, and strict reading of 2xx bodies.
 */
export class ApiCore<Paths extends {}> {
  readonly client: Client<Paths>;
  readonly #key: ApiKeySource;
  readonly #headers: Record<string, string>;
  readonly #maxRetries: number;
  readonly #timeoutMs: number;
  readonly #backoff: Backoff;
  readonly #allowBrowser: boolean;
  readonly #browserLike: boolean;
  readonly #validate: ResponseValidator | undefined;

  constructor(options: ClientOptions, defaults: ClientDefaults) {
    const baseUrl = options.baseUrl ?? defaults.baseUrl;
    if (!baseUrl) throw new ApiError('baseUrl is required: the spec names no absolute server URL');
    this.#key = keySource(options.apiKey, defaults.apiKeyEnv);
    this.#allowBrowser = options.dangerouslyAllowBrowser === true;
    this.#browserLike = isBrowserLike();
    // A function's key is checked per request, once it is known.
    if (typeof this.#key === 'string') checkBrowserKey(this.#key.trim(), this.#allowBrowser, this.#browserLike);
    this.#headers = { ...options.headers };
    this.#maxRetries = retriesSetting(options.maxRetries, DEFAULT_MAX_RETRIES);
    this.#timeoutMs = timeoutSetting(options.timeoutMs, DEFAULT_TIMEOUT_MS);
    this.#backoff = { ...DEFAULT_BACKOFF, ...options.backoff };
    this.#validate = options.validateResponse;
    const send = options.fetch ?? ((request: Request) => globalThis.fetch(request));
    this.client = createClient<Paths>({
      baseUrl: baseUrl.replace(/\/+$/, ''),
      // Only failures of the fetch itself become ConnectionError (retried); an error from the
      // client's own code, such as a body that cannot be serialized, is not a network problem.
      fetch: async (request: Request) => {
        try {
          return await send(request);
        } catch (cause) {
          throw new ConnectionError(`connection failed: ${describe(cause)}`, { cause });
        }
      },
    });
  }

  /**
   * Runs one operation (its operationId and HTTP method): resolves with the parsed 2xx body,
   * rejects with an `ApiError` subclass otherwise.
   */
  call<T>(operationId: string, method: string, kind: ResponseKind, options: RequestOptions | undefined, send: Send<Paths>): ApiPromise<T> {
    return new ApiPromise(this.#run<T>(operationId, method, kind, options ?? {}, send));
  }

  async #run<T>(operationId: string, method: string, kind: ResponseKind, options: RequestOptions, send: Send<Paths>): Promise<ApiResponse<T>> {
    const { signal } = options;
    const maxRetries = retriesSetting(options.maxRetries, this.#maxRetries);
    const timeoutMs = timeoutSetting(options.timeoutMs, this.#timeoutMs);
    const idempotency: Record<string, string> = wantsIdempotencyKey(method) ? { [IDEMPOTENCY_HEADER]: options.idempotencyKey ?? newIdempotencyKey() } : {};
    for (let retries = 0; ; retries++) {
      if (signal?.aborted) throw abortReason(signal);
      const key = await (signal ? raceAbort(readKey(this.#key), signal) : readKey(this.#key));
      if (typeof this.#key === 'function') checkBrowserKey(key, this.#allowBrowser, this.#browserLike);
      const attempt = attemptSignal(timeoutMs, signal);
      let failure: ApiError;
      let retryable = true;
      let headers: Headers | undefined;
      try {
        const init: AttemptInit = {
          signal: attempt.signal,
          headers: { Authorization: `Bearer ${key}`, [RETRY_COUNT_HEADER]: String(retries), ...idempotency, ...this.#headers, ...options.headers },
          parseAs: 'stream',
        };
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
        else throw cause instanceof ApiError ? scrub(cause, key) : cause;
      } finally {
        attempt.finish();
      }
      if (!retryable || retries >= maxRetries) throw scrub(failure, key);
      await sleep(retryDelay(retries, headers, this.#backoff), signal);
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
 * The same error with every occurrence of the key replaced: a server may echo it back in a body
 * or header, and no error's message, stack or JSON may carry it.
 */
function scrub(error: ApiError, key: string): ApiError {
  const Class = error.constructor as new (message: string, init: ApiErrorInit & { issues?: readonly string[] }) => ApiError;
  const init: ApiErrorInit & { issues?: readonly string[] } = { headers: redact({ ...error.headers }, key), body: redact(error.body, key), cause: error.cause };
  if (error.status !== undefined) init.status = error.status;
  if (error.requestId !== undefined) init.requestId = redact(error.requestId, key);
  if (error instanceof InvalidResponseError) init.issues = redact(error.issues, key);
  return new Class(redact(error.message, key), init);
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
