/**
 * The client's options, API key handling, error classes and `withResponse`, through the package's
 * public API against a real local server.
 */
import { describe, expect, it } from 'vitest';
import {
  ApiError,
  ApiPromise,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  RealtimeApi,
  UnprocessableEntityError,
  type ClientOptions,
} from 'openai-realtime-client';
import { json, serverPerTest, session, type Fault, type FaultServer } from './fault-server.ts';
import { failure } from '../helpers/failure.ts';

const KEY = 'sk-test-client-key';
const body = { model: 'gpt-4o-realtime-preview' } as const;

const serve = serverPerTest();

function client(target: FaultServer, options: ClientOptions = {}): RealtimeApi {
  return new RealtimeApi({ apiKey: KEY, baseUrl: target.url, backoff: { initialMs: 1, maxMs: 5 }, ...options });
}

describe('error classes', () => {
  const cases = [
    { status: 400, want: BadRequestError, attempts: 1 },
    { status: 401, want: AuthenticationError, attempts: 1 },
    { status: 403, want: PermissionDeniedError, attempts: 1 },
    { status: 404, want: NotFoundError, attempts: 1 },
    { status: 409, want: ConflictError, attempts: 3 },
    { status: 422, want: UnprocessableEntityError, attempts: 1 },
    { status: 429, want: RateLimitError, attempts: 3 },
    { status: 500, want: InternalServerError, attempts: 3 },
    { status: 504, want: InternalServerError, attempts: 3 },
    { status: 408, want: ApiError, attempts: 3 },
    { status: 418, want: ApiError, attempts: 1 },
  ];
  it.each(cases)('$status -> $want.name after $attempts attempt(s)', async ({ status, want, attempts }) => {
    const answer = json(status, { error: { message: `status ${status}` } }, { 'x-request-id': `req_${status}` });
    const target = await serve(answer, answer, answer);
    const error = await failure(client(target).createRealtimeSession(body));
    expect(error).toBeInstanceOf(ApiError);
    expect((error as Error).constructor).toBe(want);
    expect((error as ApiError).name).toBe(want.name);
    expect([(error as ApiError).status, (error as ApiError).requestId, (error as ApiError).body]).toEqual([status, `req_${status}`, { error: { message: `status ${status}` } }]);
    expect(target.attempts).toHaveLength(attempts);
  });
});

describe('API key', () => {
  it('a string key is sent as a bearer token on every attempt', async () => {
    const target = await serve(json(500, {}), json(200, session));
    await client(target).createRealtimeSession(body);
    expect(target.attempts.map((a) => a.headers.authorization)).toEqual([`Bearer ${KEY}`, `Bearer ${KEY}`]);
  });

  it('a key function (sync or async) is read before every request', async () => {
    const target = await serve(json(500, {}), json(200, session), json(200, session));
    let calls = 0;
    const api = client(target, {
      apiKey: async () => {
        calls += 1;
        await new Promise((resolve) => setTimeout(resolve, 5));
        return `sk-rotated-${calls}`;
      },
    });
    await api.createRealtimeSession(body);
    await client(target, { apiKey: () => 'sk-sync' }).createRealtimeSession(body);
    expect(target.attempts.map((a) => a.headers.authorization)).toEqual(['Bearer sk-rotated-1', 'Bearer sk-rotated-2', 'Bearer sk-sync']);
  });

  it('without apiKey the environment variable is used, read when the client is made', async () => {
    const target = await serve(json(200, session));
    const saved = process.env['OPENAI_API_KEY'];
    process.env['OPENAI_API_KEY'] = 'sk-from-env';
    try {
      const api = new RealtimeApi({ baseUrl: target.url });
      await api.createRealtimeSession(body);
    } finally {
      if (saved === undefined) delete process.env['OPENAI_API_KEY'];
      else process.env['OPENAI_API_KEY'] = saved;
    }
    expect(target.attempts[0]!.headers.authorization).toBe('Bearer sk-from-env');
  });

  it('a client constructs without a key; a call that needs one rejects before any request, naming the scheme', async () => {
    const target = await serve(json(200, session));
    const saved = process.env['OPENAI_API_KEY'];
    delete process.env['OPENAI_API_KEY'];
    let api: RealtimeApi;
    try {
      api = new RealtimeApi({ baseUrl: target.url });
    } finally {
      if (saved !== undefined) process.env['OPENAI_API_KEY'] = saved;
    }
    const missing = await failure(api.createRealtimeSession(body));
    expect([(missing as Error).constructor, (missing as Error).message]).toEqual([ApiError, 'this operation needs credentials: ApiKeyAuth (or set OPENAI_API_KEY); pass { auth: { <scheme>: value } }']);
    expect((missing as ApiError).operationId).toBe('create-realtime-session');
    expect(api.isError(missing, 'createRealtimeSession')).toBe(true);
    const empty = await failure(client(target, { apiKey: () => '' }).createRealtimeSession(body));
    expect((empty as Error).message).toBe('auth.ApiKeyAuth: the credential function returned nothing');
    expect(target.attempts).toHaveLength(0);
  });

  it('a key that cannot go into a header is refused without quoting it', async () => {
    const target = await serve(json(200, session));
    const error = await failure(client(target, { apiKey: 'sk-secret\r\nx-injected: 1' }).createRealtimeSession(body));
    expect((error as Error).message).toBe('auth.ApiKeyAuth: the credential has characters an HTTP header cannot carry');
    expect(target.attempts).toHaveLength(0);
  });

  it('no error carries the key, even when the server echoes it in body and headers', async () => {
    const echo: Fault = json(401, { error: { message: `Incorrect API key provided: ${KEY}` }, echoed: [KEY] }, { 'x-echo': `Bearer ${KEY}` });
    const target = await serve(echo);
    const error = (await failure(client(target).createRealtimeSession(body))) as AuthenticationError;
    expect(error).toBeInstanceOf(AuthenticationError);
    for (const text of [error.message, String(error.stack), JSON.stringify(error), JSON.stringify(error.body), JSON.stringify(error.headers)]) {
      expect(text).not.toContain(KEY);
    }
    expect(error.message).toBe('401 Unauthorized: Incorrect API key provided: [redacted]');
    expect(error.headers['x-echo']).toBe('Bearer [redacted]');
  });
});

describe('options', () => {
  it('headers: per call over client, both sent; the retry count header on each attempt', async () => {
    const target = await serve(json(200, session));
    await client(target, { headers: { 'x-team': 'a', 'x-trace': 'client' } }).createRealtimeSession(body, { headers: { 'x-trace': 'call' } });
    const seen = target.attempts[0]!.headers;
    expect([seen['x-team'], seen['x-trace'], seen['x-retry-count'], seen['content-type']]).toEqual(['a', 'call', '0', 'application/json']);
  });

  it('a custom fetch is used for every attempt', async () => {
    const target = await serve(json(503, {}), json(200, session));
    const urls: string[] = [];
    const api = client(target, {
      fetch: (request) => {
        urls.push(`${request.method} ${new URL(request.url).pathname}`);
        return fetch(request);
      },
    });
    await api.createRealtimeSession(body);
    expect(urls).toEqual(['POST /realtime/sessions', 'POST /realtime/sessions']);
  });

  it('invalid maxRetries or timeoutMs are refused before any request', async () => {
    const target = await serve(json(200, session));
    expect(() => client(target, { maxRetries: -1 })).toThrow('maxRetries must be an integer >= 0, got -1');
    expect(() => client(target, { timeoutMs: 0 })).toThrow('timeoutMs must be > 0, got 0');
    const error = await failure(client(target).createRealtimeSession(body, { maxRetries: 1.5 }));
    expect((error as Error).message).toBe('maxRetries must be an integer >= 0, got 1.5');
    expect(target.attempts).toHaveLength(0);
  });
});

describe('withResponse', () => {
  it('gives the parsed body with the response headers and request id, from one request', async () => {
    const target = await serve(json(200, session, { 'x-request-id': 'req_ok', 'x-ratelimit-remaining-requests': '99' }));
    const call = client(target).createRealtimeSession(body);
    expect(call).toBeInstanceOf(ApiPromise);
    expect(call).toBeInstanceOf(Promise);
    const { data, response, requestId } = await call.withResponse();
    expect(data).toEqual(session);
    expect([requestId, response.status, response.headers.get('x-ratelimit-remaining-requests')]).toEqual(['req_ok', 200, '99']);
    expect(await call).toBe(data);
    expect(target.attempts).toHaveLength(1);
  });

  it('rejects like the call, and reading only withResponse leaves no unhandled rejection', async () => {
    const target = await serve(json(404, { error: { message: 'nope' } }));
    const unhandled: unknown[] = [];
    const listener = (reason: unknown): void => {
      unhandled.push(reason);
    };
    process.on('unhandledRejection', listener);
    try {
      const error = await failure(client(target).createRealtimeSession(body).withResponse());
      expect(error).toBeInstanceOf(NotFoundError);
      await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      process.off('unhandledRejection', listener);
    }
    expect(unhandled).toEqual([]);
  });

  it('then/catch/finally return plain promises', async () => {
    const target = await serve(json(200, session));
    const derived = client(target).createRealtimeSession(body).then((s) => s.client_secret.value);
    expect(derived).not.toBeInstanceOf(ApiPromise);
    expect(await derived).toBe('ek_test_secret');
  });
});
