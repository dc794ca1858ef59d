/**
 * The core (templates/runtime/files/core.ts) tested where it lives, against a real server on
 * 127.0.0.1 (connection failures through a `fetch` that rejects): what the constructor settles
 * (the base URL, the browser key rule, which headers are on), the per-call settings, response
 * validation, how a failed attempt becomes an error (the caller's abort, a timeout, a connection
 * failure) and how an error is scrubbed. The client and fault suites run on this code too
 * (in-place.test.ts); these cases are the ones they do not pin.
 */
import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import { createQuerySerializer } from 'openapi-fetch';
import type { Security } from '../../templates/runtime/files/auth.ts';
import { ApiCore } from '../../templates/runtime/files/core.ts';
import { ApiError, ConnectionError, InvalidResponseError, TimeoutError } from '../../templates/runtime/files/errors.ts';
import type { ClientDefaults, ClientOptions, RequestOptions } from '../../templates/runtime/files/options.ts';
import { http } from '../../templates/runtime/files/schemes.ts';
import { failure } from '../helpers/failure.ts';
import { globalsPerTest } from '../helpers/globals.ts';
import { arrived, json, serverPerTest } from './fault-server.ts';

const serve = serverPerTest();

const base: ClientDefaults = {
  baseUrl: undefined,
  schemes: { Bearer: http('Bearer') },
  tokenScheme: 'Bearer',
  env: {},
  retryCountHeader: 'x-retry-count',
  idempotencyHeader: 'Idempotency-Key',
  headersInBrowser: false,
  querySerializer: createQuerySerializer(),
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyCore = ApiCore<any>;

function core(options: ClientOptions, defaults: Partial<ClientDefaults> = {}): AnyCore {
  return new ApiCore({ maxRetries: 0, backoff: { initialMs: 1, maxMs: 2 }, ...options }, { ...base, ...defaults });
}

/** POST /things (or GET with `method`), open or behind the bearer scheme. */
function post(client: AnyCore, options?: RequestOptions, security: Security = [], method: 'POST' | 'GET' = 'POST'): Promise<unknown> {
  return client.call('make-thing', method, 'json', security, options, (c, init) => (method === 'GET' ? c.GET('/things', { ...init }) : c.POST('/things', { ...init, body: { a: 1 } })));
}

const lay = globalsPerTest();
/** A page's globals laid over Node's: the core then counts as running in a browser. */
const inBrowser = (): void => lay('window', { document: {} });

describe('what the constructor settles', () => {
  it('a backoff member left undefined keeps its default (a spread made the wait NaN: retries back to back)', async () => {
    const target = await serve(json(503, {}), json(200, {}));
    const started = Date.now();
    await post(core({ baseUrl: target.url, maxRetries: 1, backoff: { initialMs: 300, maxMs: undefined } }));
    // 300 ms less a quarter at most of jitter; before, the wait was NaN: about 1 ms.
    expect(Date.now() - started).toBeGreaterThanOrEqual(200);
    expect(target.attempts).toHaveLength(2);
  });

  it('refuses to start without a base URL when the spec has none', () => {
    expect(() => core({})).toThrow(new ApiError('baseUrl is required (the spec has no absolute server URL)'));
  });

  it("takes the package's base URL when the caller gives none", async () => {
    const target = await serve(json(200, {}));
    await post(core({}, { baseUrl: `${target.url}/v1` }));
    expect(target.attempts[0]!.url).toBe('/v1/things');
  });

  it("drops every slash at the end of the base URL, so paths join with one (and only there)", async () => {
    const target = await serve(json(200, {}));
    await post(core({ baseUrl: `${target.url}/v1//` }));
    expect(target.attempts[0]!.url).toBe('/v1/things');
  });

  it('refuses a secret key in a browser at construction, trimmed, unless the caller opts in', () => {
    inBrowser();
    const rule = { browserKeyPrefixes: ['ek_'] };
    expect(() => core({ baseUrl: 'http://127.0.0.1:9', apiKey: 'sk-secret' }, rule)).toThrow(/refusing to use a secret API key in a browser/);
    expect(() => core({ baseUrl: 'http://127.0.0.1:9', apiKey: ' ek_short ' }, rule)).not.toThrow();
    expect(() => core({ baseUrl: 'http://127.0.0.1:9', apiKey: 'sk-secret', dangerouslyAllowBrowser: true }, rule)).not.toThrow();
  });

  it('applies no key rule outside a browser', () => {
    expect(() => core({ baseUrl: 'http://127.0.0.1:9', apiKey: 'sk-secret' }, { browserKeyPrefixes: ['ek_'] })).not.toThrow();
  });

  it("checks a function's key in a browser once it has it, before sending anything", async () => {
    inBrowser();
    const target = await serve(json(200, {}));
    const client = core({ baseUrl: target.url, apiKey: () => 'sk-secret' }, { browserKeyPrefixes: ['ek_'] });
    const error = await failure(post(client, undefined, [['Bearer']]));
    expect(error).toBeInstanceOf(ApiError);
    expect((error as Error).message).toMatch(/refusing to use a secret API key in a browser/);
    expect(target.attempts).toHaveLength(0);
  });

  it("sends no retry-count or idempotency header in a browser unless the package says browsers may, or the caller names one", async () => {
    inBrowser();
    const target = await serve(json(200, {}), json(200, {}), json(200, {}), json(200, {}));
    await post(core({ baseUrl: target.url }));
    await post(core({ baseUrl: target.url }, { headersInBrowser: true }));
    await post(core({ baseUrl: target.url, retryCountHeader: true, idempotencyHeader: 'x-op-key' }));
    await post(core({ baseUrl: target.url, retryCountHeader: true }, { retryCountHeader: undefined }));
    expect(target.attempts.map((a) => [a.headers['x-retry-count'], typeof a.headers['idempotency-key'], typeof a.headers['x-op-key']])).toEqual([
      [undefined, 'undefined', 'undefined'],
      ['0', 'string', 'undefined'],
      ['0', 'undefined', 'string'],
      // `true` where the package has no name for it: the runtime's own name.
      ['0', 'undefined', 'undefined'],
    ]);
  });

  it('sends no header named "undefined" where a header is off', async () => {
    const target = await serve(json(200, {}), json(200, {}));
    await post(core({ baseUrl: target.url, retryCountHeader: false, idempotencyHeader: false }));
    await post(core({ baseUrl: target.url }), undefined, [], 'GET');
    for (const attempt of target.attempts) expect(Object.keys(attempt.headers)).not.toContain('undefined');
    expect([target.attempts[0]!.headers['x-retry-count'], target.attempts[0]!.headers['idempotency-key']]).toEqual([undefined, undefined]);
    // A GET carries no idempotency key, whatever the package says.
    expect(target.attempts[1]!.headers['idempotency-key']).toBeUndefined();
    expect(target.attempts[1]!.headers['x-retry-count']).toBe('0');
  });
});

describe('per-call settings', () => {
  it("a caller's idempotency key goes in the header the client named", async () => {
    const target = await serve(json(200, {}));
    await post(core({ baseUrl: target.url, idempotencyHeader: 'x-op-key' }), { idempotencyKey: 'mine-2' });
    expect([target.attempts[0]!.headers['x-op-key'], target.attempts[0]!.headers['idempotency-key']]).toEqual(['mine-2', undefined]);
  });

  it("a call's timeoutMs wins over the client's", async () => {
    const target = await serve({ kind: 'hang' });
    const error = await failure(post(core({ baseUrl: target.url, timeoutMs: 60_000 }), { timeoutMs: 30 }));
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as Error).message).toBe('no complete response within 30 ms');
  });

  it.each([
    { name: 'a timeout of 0', options: { timeoutMs: 0 }, want: 'timeoutMs must be > 0, got 0' },
    { name: 'a timeout that is a string', options: { timeoutMs: '50' as unknown as number }, want: 'timeoutMs must be > 0, got 50' },
    { name: 'a timeout that is NaN', options: { timeoutMs: Number.NaN }, want: 'timeoutMs must be > 0, got NaN' },
    { name: 'a fraction of a retry', options: { maxRetries: 1.5 }, want: 'maxRetries must be an integer >= 0, got 1.5' },
    { name: 'a negative retry count', options: { maxRetries: -1 }, want: 'maxRetries must be an integer >= 0, got -1' },
  ])('refuses $name, sending nothing', async ({ options, want }) => {
    const target = await serve(json(200, {}));
    const error = await failure(post(core({ baseUrl: target.url }), options));
    expect(error).toStrictEqual(new ApiError(want));
    expect(target.attempts).toHaveLength(0);
  });
});

describe('response validation', () => {
  it('rejects a 2xx body the validator finds issues in, naming the first three', async () => {
    const target = await serve(json(200, { a: 1 }, { 'x-request-id': 'req-9' }), json(200, { a: 1 }));
    const seen: unknown[] = [];
    const issues = ['/a: must be string', '/b: required', '/c: required', '/d: required'];
    const validateResponse = (operationId: string, status: number, body: unknown) => (seen.push([operationId, status, body]), issues);
    const error = (await failure(post(core({ baseUrl: target.url, validateResponse })))) as InvalidResponseError;
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error.message).toBe('the response does not match the spec: /a: must be string; /b: required; /c: required; ...');
    expect([error.issues, error.status, error.body, error.requestId, error.operationId]).toEqual([issues, 200, { a: 1 }, 'req-9', 'make-thing']);
    expect(seen).toEqual([['make-thing', 200, { a: 1 }]]);
    const three = (await failure(post(core({ baseUrl: target.url, validateResponse: () => issues.slice(0, 3) })))) as InvalidResponseError;
    expect(three.message).toBe('the response does not match the spec: /a: must be string; /b: required; /c: required');
  });

  it('hands the body over when the validator finds nothing', async () => {
    const target = await serve(json(200, { a: 1 }));
    await expect(post(core({ baseUrl: target.url, validateResponse: () => [] }))).resolves.toEqual({ a: 1 });
  });
});

describe('a failed attempt', () => {
  it("rejects with the caller's reason when the caller aborts mid-request, not as a timeout", async () => {
    const target = await serve({ kind: 'hang' });
    const controller = new AbortController();
    const call = failure(post(core({ baseUrl: target.url, timeoutMs: 60_000 }), { signal: controller.signal }));
    await arrived(target);
    const reason = new Error('the user left');
    controller.abort(reason);
    expect(await call).toBe(reason);
  });

  it("an aborted signal rejects with its reason before the credentials are read or anything is sent", async () => {
    const target = await serve(json(200, {}));
    let reads = 0;
    const reason = new Error('aborted before the call');
    const client = core({ baseUrl: target.url, apiKey: () => (reads++, 'tok') });
    expect(await failure(post(client, { signal: AbortSignal.abort(reason) }, [['Bearer']]))).toBe(reason);
    expect([reads, target.attempts.length]).toEqual([0, 0]);
  });

  it('a timeout keeps what aborted the request as its cause', async () => {
    const target = await serve({ kind: 'hang' });
    const error = (await failure(post(core({ baseUrl: target.url, timeoutMs: 30 })))) as TimeoutError;
    expect(error).toBeInstanceOf(TimeoutError);
    // The fetch's failure (a ConnectionError), whose own cause is the timer's abort reason.
    expect(error.cause).toBeInstanceOf(ConnectionError);
    expect(((error.cause as Error).cause as Error).name).toBe('TimeoutError');
  });

  it('without a timeout, a body that is not JSON is an InvalidResponseError', async () => {
    const target = await serve({ kind: 'respond', status: 200, headers: { 'content-type': 'application/json' }, body: '{"a":' });
    const error = await failure(post(core({ baseUrl: target.url, timeoutMs: Number.POSITIVE_INFINITY })));
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as Error).message).toBe('invalid JSON');
  });

  it("leaves no listener on the caller's signal once a call is over", async () => {
    const target = await serve(json(200, {}), json(500, {}));
    const { signal } = new AbortController();
    const client = core({ baseUrl: target.url, timeoutMs: 60_000 });
    await post(client, { signal });
    await failure(post(client, { signal }));
    expect(getEventListeners(signal, 'abort')).toHaveLength(0);
  });
});

describe('a connection failure', () => {
  const failing = (thrown: unknown, options: ClientOptions = {}): Promise<unknown> =>
    failure(
      post(
        core({
          baseUrl: 'http://127.0.0.1:9',
          fetch: () => Promise.reject(thrown),
          ...options,
        }),
        undefined,
        options.apiKey === undefined ? [] : [['Bearer']],
      ),
    );

  it.each([
    { name: 'a thrown string', thrown: 'socket hang up', want: 'connection failed: socket hang up' },
    { name: 'an error without a cause', thrown: new TypeError('fetch failed'), want: 'connection failed: fetch failed' },
    { name: "an error whose cause has Node's code", thrown: new TypeError('fetch failed', { cause: Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }) }), want: 'connection failed: fetch failed (ECONNRESET)' },
    { name: 'an error whose cause has a code that is no string', thrown: new TypeError('fetch failed', { cause: { code: 7, message: 'refused' } }), want: 'connection failed: fetch failed (refused)' },
  ])('is described from $name', async ({ thrown, want }) => {
    const error = await failing(thrown);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).message).toBe(want);
  });

  it('keeps its cause as it is when no credential was sent, and adds no field the error lacks', async () => {
    const thrown = new TypeError('fetch failed');
    const error = (await failing(thrown)) as ConnectionError;
    expect(error.cause).toBe(thrown);
    expect(error.operationId).toBe('make-thing');
    expect('issues' in error).toBe(false);
  });

  it('copies its causes without the credential, keeping name and code, adding no code where there was none', async () => {
    const inner = Object.assign(new Error('refused for tok-secret'), { code: 'ECONNREFUSED' });
    const thrown = new TypeError('fetch failed at tok-secret', { cause: inner });
    const error = (await failing(thrown, { apiKey: 'tok-secret' })) as ConnectionError;
    const cause = error.cause as Error & { code?: string };
    expect(cause).not.toBe(thrown);
    expect([cause.name, cause.message, 'code' in cause]).toEqual(['TypeError', 'fetch failed at [redacted]', false]);
    const copied = cause.cause as Error & { code?: string };
    expect([copied.message, copied.code]).toEqual(['refused for [redacted]', 'ECONNREFUSED']);
    expect(JSON.stringify([error.message, error.stack, cause.stack, copied.stack])).not.toContain('tok-secret');
  });
});
