import type { Client } from 'openapi-fetch';
import { attemptSignal, raceAbort, sleep } from './abort.js';
import { ApiPromise, type ApiResponse } from './api-promise.js';
import { applyAuth, credentialSources, secretForms, type AnyAuth, type Security } from './auth.js';
import { checkBrowserKey, isBrowserLike } from './browser.js';
import { ApiError, ConnectionError, errorClassFor, InvalidResponseError, TimeoutError } from './errors.js';
import { DEFAULT_TIMEOUT_MS, type ClientDefaults, type ClientOptions, type RequestOptions } from './options.js';
import { IDEMPOTENCY_HEADER, newIdempotencyKey, wantsIdempotencyKey } from './idempotency.js';
import { redact } from './redact.js';
import { requestBuilder, type Outgoing } from './request.js';
import { errorInit, kindOf, readErrorBody, readSuccessBody, statusMessage, type ResponseKind, type ResponseKinds } from './response.js';
import { DEFAULT_BACKOFF, DEFAULT_MAX_RETRIES, RETRY_COUNT_HEADER, retryDelay, shouldRetry, type Backoff } from './retry.js';

/** What a generated method passes with its request, for one attempt: the headers the core chose. */
export interface AttemptInit {
  headers: Record<string, string>;
}

/**
 * One attempt of an operation, written by the generated method: `client.POST(path, { ...init, body })`.
 * The client is the core's request builder (request.ts): the call returns the request, unsent.
 */
export type Send<Paths extends {}> = (client: Client<Paths>, init: AttemptInit) => unknown;

/**
 * Shared by every API class: what a hand-written SDK adds on top of a fetch: credentials from the
 * spec's security schemes read per request, retries with backoff, a timeout per attempt,
 * cancellation, typed errors without secrets, and strict reading of 2xx bodies. Everything that
 * does not change between calls is settled here, in the constructor.
 */
export class ApiCore<Paths extends {}> {
  /**
   * Runs one call. A closure over what the constructor settled rather than private fields: its
   * locals minify to one letter each, `this.#field` does not.
   */
  readonly #run: (operationId: string, method: string, kind: ResponseKind | ResponseKinds, security: Security, options: RequestOptions, send: Send<Paths>) => Promise<ApiResponse<unknown>>;

  constructor(options: ClientOptions<AnyAuth>, defaults: ClientDefaults) {
    const baseUrl = options.baseUrl ?? defaults.baseUrl;
    if (!baseUrl) throw new ApiError('baseUrl is required (the spec has no absolute server URL)');
    const { schemes, env } = defaults;
    const sources = credentialSources(options.auth, options.apiKey, schemes, defaults.tokenScheme, env);
    const browserLike = isBrowserLike();
    const rule = options.dangerouslyAllowBrowser === true || !browserLike ? undefined : defaults.browserKeyPrefixes;
    /** The browser key rule, applied to every token (a function's, per request, once it is known). */
    const checkKey = (key: string): void => checkBrowserKey(key, rule);
    for (const source of Object.values(sources)) if (typeof source === 'string') checkKey(source.trim());
    // Every credential the client holds as a value is kept out of errors, not only those a request
    // sent: a server may echo one it was not sent (another alternative's key, held beside). As a
    // sent token, with the key after a scheme word (`Bearer SG...`); from 8 characters, so that a
    // short test key (`dev`) unsent does not cut words out of every message.
    const held = Object.values(sources)
      .flatMap((source) => (typeof source === 'string' ? secretForms(source.trim()) : ((source as { password?: string }).password ?? [])))
      .filter((secret) => secret.length >= 8);
    const clientHeaders = options.headers;
    const clientMaxRetries = setting(options, 'maxRetries', DEFAULT_MAX_RETRIES);
    const clientTimeoutMs = setting(options, 'timeoutMs', DEFAULT_TIMEOUT_MS);
    // A member left undefined keeps its default (`{ ...DEFAULT_BACKOFF, ...given }` made it NaN).
    const backoff: Backoff = { initialMs: options.backoff?.initialMs ?? DEFAULT_BACKOFF.initialMs, maxMs: options.backoff?.maxMs ?? DEFAULT_BACKOFF.maxMs };
    const validate = options.validateResponse;
    // Off in browsers unless configured: a CORS preflight fails on a header the server does not allow.
    const header = (option: boolean | string | undefined, name: string | undefined, fallback: string): string | undefined =>
      typeof option === 'string' ? option : option === true ? (name ?? fallback) : option === false || (browserLike && !defaults.headersInBrowser) ? undefined : name;
    const retryHeader = header(options.retryCountHeader, defaults.retryCountHeader, RETRY_COUNT_HEADER);
    const idempotencyHeader = header(options.idempotencyHeader, defaults.idempotencyHeader, IDEMPOTENCY_HEADER);
    // A caller's fetch might ignore the signal: then the core races it (raceAbort).
    const custom = options.fetch;
    /** Sends a request; only failures of the fetch itself become `ConnectionError` (retried). */
    const request = async (url: string, init: RequestInit): Promise<Response> => {
      try {
        return await (custom ? custom(new Request(url, init)) : fetch(url, init));
      } catch (cause) {
        throw new ConnectionError(`connection failed: ${describe(cause)}`, { cause });
      }
    };
    const client = requestBuilder<Paths>(baseUrl.replace(/\/+$/, ''), defaults);

    this.#run = async (operationId, method, kind, security, callOptions, send) => {
      const { signal } = callOptions;
      const maxRetries = setting(callOptions, 'maxRetries', clientMaxRetries);
      const timeoutMs = setting(callOptions, 'timeoutMs', clientTimeoutMs);
      const idempotencyName = callOptions.idempotencyKey !== undefined ? (idempotencyHeader ?? defaults.idempotencyHeader ?? IDEMPOTENCY_HEADER) : idempotencyHeader;
      const idempotencyKey = idempotencyName && wantsIdempotencyKey(method) ? (callOptions.idempotencyKey ?? newIdempotencyKey()) : undefined;
      let secrets: readonly string[] = [];
      try {
        for (let retries = 0; ; retries++) {
          if (signal?.aborted) throw signal.reason;
          const auth = await raceAbort(applyAuth(security, schemes, sources, env, checkKey), signal);
          secrets = auth.secrets;
          // Later wins: credentials, the retry count, the idempotency key, the client's headers, the call's.
          const { headers } = auth;
          if (retryHeader) headers[retryHeader] = String(retries);
          if (idempotencyKey) headers[idempotencyName!] = idempotencyKey;
          const { url, init } = send(client, { headers: Object.assign(headers, clientHeaders, callOptions.headers) }) as Outgoing;
          const attempt = attemptSignal(timeoutMs, signal);
          const race = <R>(promise: Promise<R>): Promise<R> => (custom ? raceAbort(promise, attempt.signal) : promise);
          let failure: ApiError;
          // The response whose status failed; none after a connection failure or timeout.
          let response: Response | undefined;
          let streaming = false;
          try {
            init.signal = attempt.signal ?? null;
            response = await race(request(auth.url?.(url) ?? url, init));
            if (response.ok) {
              streaming = kindOf(kind, response.status) === 'stream';
              const data = await race(readSuccessBody(response, kind));
              // A stream is handed over unread: nothing to check (its operation's JSON `default` would reject it).
              const issues = (!streaming && validate?.(operationId, response.status, data)) || [];
              if (issues.length > 0) {
                throw new InvalidResponseError(`the response does not match the spec: ${issues.slice(0, 3).join('; ')}${issues.length > 3 ? '; ...' : ''}`, {
                  ...errorInit(response, data),
                  issues,
                });
              }
              return {
                data,
                response,
                get requestId() {
                  return response!.headers.get('x-request-id') ?? undefined;
                },
              };
            }
            const body = await race(readErrorBody(response));
            failure = new (errorClassFor(response.status))(statusMessage(response, body), errorInit(response, body));
          } catch (cause) {
            response = undefined;
            if (signal?.aborted) throw signal.reason;
            // The caller's signal is not aborted (checked above): an aborted attempt timed out.
            if (attempt.signal?.aborted) failure = new TimeoutError(`no complete response within ${timeoutMs} ms`, { cause });
            else if (cause instanceof ConnectionError) failure = cause;
            else throw cause;
          } finally {
            attempt.finish(streaming);
          }
          if (retries >= maxRetries || (response && !shouldRetry(response.status, response.headers))) throw failure;
          await sleep(retryDelay(retries, response?.headers, backoff), signal);
        }
      } catch (error) {
        throw error instanceof ApiError ? scrub(error, [...secrets, ...held], operationId) : error;
      }
    };
  }

  /**
   * Runs one operation (its operationId, HTTP method, how its 2xx body is read and its security
   * requirements): resolves with the parsed 2xx body, rejects with an `ApiError` subclass otherwise.
   */
  call<T>(operationId: string, method: string, kind: ResponseKind | ResponseKinds, security: Security, options: RequestOptions | undefined, send: Send<Paths>): ApiPromise<T> {
    return new ApiPromise(this.#run(operationId, method, kind, security, options ?? {}, send) as Promise<ApiResponse<T>>);
  }
}

/**
 * The error with every credential replaced, tagged with its operation: a server may echo a
 * credential back in a body or header, and no error's message, stack or JSON may carry one.
 */
function scrub(error: ApiError, secrets: readonly string[], operationId: string): ApiError {
  const fields = error as unknown as Record<string, unknown>;
  for (const key of 'message stack headers body requestId issues'.split(' ')) if (key in fields) fields[key] = redact(fields[key], secrets);
  // A transport error may quote the request's URL, query credentials included.
  if (fields['cause'] instanceof Error && secrets.length > 0) fields['cause'] = scrubbedCause(fields['cause'], secrets);
  fields['operationId'] = operationId;
  return error;
}

/** A copy of an error (and its causes) with the credentials replaced; its name and `code` kept. */
function scrubbedCause(error: Error, secrets: readonly string[]): Error {
  const copy = Object.assign(new Error(redact(error.message, secrets)), { name: error.name, stack: redact(error.stack, secrets) });
  const { code } = error as { code?: unknown };
  if (code !== undefined) Object.assign(copy, { code });
  if (error.cause instanceof Error) copy.cause = scrubbedCause(error.cause, secrets);
  return copy;
}

/** `fetch failed (ECONNRESET)`: the error's message and, where Node has one, its cause's code. */
function describe(cause: unknown): string {
  if (!(cause instanceof Error)) return String(cause);
  const inner = cause.cause as { code?: unknown; message?: unknown } | undefined;
  const detail = [inner?.code, inner?.message].find((found) => typeof found === 'string');
  return detail ? `${cause.message} (${detail})` : cause.message;
}

/** A client's or call's `maxRetries` (a whole number >= 0) or `timeoutMs` (a number > 0), else the fallback. */
function setting(options: RequestOptions, name: 'maxRetries' | 'timeoutMs', fallback: number): number {
  const value = options[name];
  if (value === undefined) return fallback;
  const whole = name === 'maxRetries';
  if (whole ? !Number.isInteger(value) || value < 0 : typeof value !== 'number' || !(value > 0)) {
    throw new ApiError(`${name} must be ${whole ? 'an integer >= 0' : '> 0'}, got ${String(value)}`);
  }
  return value;
}
