import createClient, { type Client } from 'openapi-fetch';
import { ApiError, bodyMessage, headersToRecord, redact } from './errors.js';

/** Where the API key comes from: a string, or a function read before every request. */
export type ApiKeySource = string | (() => string | Promise<string>);

export interface ClientOptions {
  /** The API key, sent as a bearer token. Default: the environment variable named in the package's docs. */
  apiKey?: ApiKeySource;
  /** Default: the spec's first server. */
  baseUrl?: string;
  /** A fetch implementation (for proxies, tests, or runtimes without a global fetch). */
  fetch?: (request: Request) => Promise<Response>;
  /** Headers sent with every request. */
  headers?: Record<string, string>;
}

export interface RequestOptions {
  /** Cancels the request. */
  signal?: AbortSignal;
  /** Headers for this request only; they win over the client's. */
  headers?: Record<string, string>;
}

/** Per-package values the generator fills in (see defaults.ts). */
export interface ClientDefaults {
  readonly baseUrl: string | undefined;
  readonly apiKeyEnv: string | undefined;
}

/**
 * What one openapi-fetch call resolves to. The data is not typed here: a generated method names
 * its result type (`call<T>`), because openapi-fetch types 2xx data as the union of every 2xx
 * media type (JSON and an event stream, say) while the method reads one of them.
 */
interface FetchResult {
  data?: unknown;
  error?: unknown;
  response: Response;
}

/** Shared by every API class: one openapi-fetch client, authentication and error handling. */
export class ApiCore<Paths extends {}> {
  readonly client: Client<Paths>;
  readonly #apiKey: ApiKeySource | undefined;
  readonly #headers: Record<string, string>;
  #lastKey: string | undefined;

  constructor(options: ClientOptions, defaults: ClientDefaults) {
    const baseUrl = options.baseUrl ?? defaults.baseUrl;
    if (!baseUrl) throw new ApiError('baseUrl is required: the spec names no absolute server URL');
    this.#apiKey = options.apiKey ?? readEnv(defaults.apiKeyEnv);
    if (this.#apiKey === undefined || this.#apiKey === '') {
      throw new ApiError(`an API key is required: pass { apiKey }${defaults.apiKeyEnv ? ` or set ${defaults.apiKeyEnv}` : ''}`);
    }
    this.#headers = { ...options.headers };
    const send = options.fetch ?? ((request: Request) => globalThis.fetch(request));
    this.client = createClient<Paths>({ baseUrl: baseUrl.replace(/\/+$/, ''), fetch: (request: Request) => this.#authorize(request).then(send) });
  }

  /** Runs one call; resolves with the parsed 2xx body, rejects with `ApiError` otherwise. */
  async call<T>(options: RequestOptions | undefined, send: (client: Client<Paths>, init: { signal?: AbortSignal; headers: Record<string, string> }) => Promise<FetchResult>): Promise<T> {
    const init = { headers: { ...this.#headers, ...options?.headers }, ...(options?.signal ? { signal: options.signal } : {}) };
    let result: FetchResult;
    try {
      result = await send(this.client, init);
    } catch (cause) {
      if (options?.signal?.aborted) throw options.signal.reason ?? cause;
      if (cause instanceof ApiError) throw cause;
      throw this.#scrub(new ApiError(`request failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause }));
    }
    const { response } = result;
    if (!response.ok) {
      const body = result.error;
      const detail = bodyMessage(body);
      throw this.#scrub(
        new ApiError(`${response.status} ${response.statusText || 'error'}${detail ? `: ${detail}` : ''}`, {
          status: response.status,
          headers: headersToRecord(response.headers),
          body,
          ...requestIdOf(response),
        }),
      );
    }
    return result.data as T;
  }

  async #authorize(request: Request): Promise<Request> {
    const source = this.#apiKey!;
    const key = typeof source === 'function' ? await source() : source;
    if (typeof key !== 'string' || key === '') throw new ApiError('the apiKey function returned no key');
    this.#lastKey = key;
    const headers = new Headers(request.headers);
    headers.set('Authorization', `Bearer ${key}`);
    return new Request(request, { headers });
  }

  /** An error never carries the key, even when a server echoes it back. */
  #scrub(error: ApiError): ApiError {
    const key = this.#lastKey ?? (typeof this.#apiKey === 'string' ? this.#apiKey : undefined);
    if (!key || !JSON.stringify({ m: error.message, b: error.body, h: error.headers }).includes(key)) return error;
    return new ApiError(redact(error.message, key), {
      ...(error.status !== undefined ? { status: error.status } : {}),
      headers: redact({ ...error.headers }, key),
      body: redact(error.body, key),
      ...(error.requestId !== undefined ? { requestId: error.requestId } : {}),
    });
  }
}

function requestIdOf(response: Response): { requestId?: string } {
  const id = response.headers.get('x-request-id');
  return id ? { requestId: id } : {};
}

function readEnv(name: string | undefined): string | undefined {
  if (!name) return undefined;
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  return env?.[name];
}
