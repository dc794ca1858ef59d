/**
 * Fault injection (issue 5, point 8): the generated package, through its public API, against a real
 * node:http server on 127.0.0.1 that resets, stalls, rate-limits and fails on cue. Each case asserts
 * the number of attempts and the error class, and lower bounds where a wait is the behaviour (a
 * Retry-After honoured, a timeout reached). No upper bound on elapsed time stands in for what an
 * attempt count shows: loaded machines are slow, not wrong. Backoff is shortened through the
 * client's `backoff` option rather than fake timers, so the real timers, sockets and aborts are
 * exercised; the backoff arithmetic is retry-policy.test.ts's, and one smoke test keeps the default
 * backoff to see it wired in.
 */
import { performance } from 'node:perf_hooks';
import { afterAll, describe, expect, it } from 'vitest';
import {
  ApiError,
  ConnectionError,
  InternalServerError,
  InvalidResponseError,
  RateLimitError,
  RealtimeApi,
  TimeoutError,
  type ClientOptions,
} from 'openai-realtime-client';
import { arrived, json, serverPerTest, session, type Fault, type FaultServer } from './fault-server.ts';

const KEY = 'sk-test-fault-key';
const body = { model: 'gpt-4o-realtime-preview' } as const;
/**
 * Tests that wait out a second or more of real time. Under mutation testing (test/mutation/run.ts
 * sets MUTATION_SUITES) they are left out, as they would be run again for every mutant of the core:
 * retry-policy.test.ts pins the same Retry-After arithmetic without waiting.
 */
const waitsSeconds = process.env['MUTATION_SUITES'] === undefined ? it : it.skip;
/** Short waits between retries, so that a test measures the fault, not the backoff. */
const fast: ClientOptions['backoff'] = { initialMs: 10, maxMs: 20 };

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown): void => {
  unhandled.push(reason);
};
process.on('unhandledRejection', onUnhandled);

const serve = serverPerTest();
afterAll(async () => {
  // Rejections that surface late (a racing fetch settling after its abort) would show up here.
  await new Promise((resolve) => setTimeout(resolve, 100));
  process.off('unhandledRejection', onUnhandled);
  expect(unhandled).toEqual([]);
});

function client(target: FaultServer, options: ClientOptions = {}): RealtimeApi {
  return new RealtimeApi({ apiKey: KEY, baseUrl: target.url, backoff: fast, ...options });
}

/** Settles a call and measures it. */
async function settle<T>(promise: Promise<T>): Promise<{ value?: T; error?: unknown; ms: number }> {
  const start = performance.now();
  try {
    const value = await promise;
    return { value, ms: performance.now() - start };
  } catch (error) {
    return { error, ms: performance.now() - start };
  }
}

/** Milliseconds between two attempts' arrivals. */
const gap = (target: FaultServer, from: number): number => target.attempts[from + 1]!.at - target.attempts[from]!.at;

describe('connection failures', () => {
  it('a reset connection is retried, and three resets reject with ConnectionError', async () => {
    const target = await serve({ kind: 'reset' }, { kind: 'reset' }, { kind: 'reset' });
    const { error } = await settle(client(target).createRealtimeSession(body));
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).not.toBeInstanceOf(TimeoutError);
    expect((error as ConnectionError).status).toBeUndefined();
    expect((error as Error).message).toMatch(/^connection failed/);
    expect(target.attempts).toHaveLength(3);
  });

  it('a reset followed by a 200 succeeds on the retry', async () => {
    const target = await serve({ kind: 'reset' }, json(200, session));
    const result = await client(target).createRealtimeSession(body);
    expect(result).toEqual(session);
    expect(target.attempts.map((a) => a.headers['x-retry-count'])).toEqual(['0', '1']);
  });

  it('a refused connection rejects with ConnectionError after the retries', async () => {
    const target = await serve();
    const url = target.url;
    await target.close();
    const api = new RealtimeApi({ apiKey: KEY, baseUrl: url, backoff: fast });
    const { error } = await settle(api.createRealtimeSession(body));
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).message).toContain('ECONNREFUSED');
  });
});

describe('timeouts', () => {
  it('slow headers beyond the timeout: TimeoutError after every attempt timed out, sockets closed', async () => {
    const slow: Fault = { kind: 'respond', status: 200, headers: { 'content-type': 'application/json' }, body: session, headersAfterMs: 5_000 };
    const target = await serve(slow, slow);
    const { error, ms } = await settle(client(target, { timeoutMs: 150, maxRetries: 1 }).createRealtimeSession(body));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).message).toContain('150 ms');
    expect(target.attempts).toHaveLength(2);
    expect(ms).toBeGreaterThanOrEqual(290);
    // The client hung up on each timed-out attempt instead of leaving the socket open.
    await Promise.all(target.attempts.map((a) => a.socketClosed));
  });

  it('a slow body beyond the timeout is a TimeoutError too, not a JSON error', async () => {
    const stall: Fault = { kind: 'stall-body', status: 200, headers: { 'content-type': 'application/json' }, firstChunk: '{"client_secret":' };
    const target = await serve(stall, stall);
    const { error, ms } = await settle(client(target, { timeoutMs: 150, maxRetries: 1 }).createRealtimeSession(body));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(target.attempts).toHaveLength(2);
    expect(ms).toBeGreaterThanOrEqual(290);
    await Promise.all(target.attempts.map((a) => a.socketClosed));
  });

  waitsSeconds('a per-call timeoutMs overrides the client default', async () => {
    const slow: Fault = { kind: 'respond', status: 200, headers: { 'content-type': 'application/json' }, body: session, headersAfterMs: 1_000 };
    const target = await serve(slow, slow);
    const api = client(target, { timeoutMs: 250, maxRetries: 0 });
    const { value, ms } = await settle(api.createRealtimeSession(body, { timeoutMs: 10_000 }));
    expect(value).toEqual(session);
    expect(ms).toBeGreaterThanOrEqual(990);
    const { error } = await settle(api.createRealtimeSession(body));
    expect(error).toBeInstanceOf(TimeoutError);
    // One attempt per call (no retries); on a loaded machine the timed-out request may not even
    // have reached the server, so the second call counts at most once.
    expect(target.attempts.length).toBeLessThanOrEqual(2);
  });
});

describe('429 and Retry-After', () => {
  it('honours retry-after-ms', async () => {
    const target = await serve(json(429, { error: { message: 'slow down' } }, { 'retry-after-ms': '300' }), json(200, session));
    const { value } = await settle(client(target).createRealtimeSession(body));
    expect(value).toEqual(session);
    expect(target.attempts).toHaveLength(2);
    // Without the header the wait would be the 10 ms backoff.
    expect(gap(target, 0)).toBeGreaterThanOrEqual(290);
  });

  waitsSeconds('honours retry-after in seconds', async () => {
    const target = await serve(json(429, { error: { message: 'slow down' } }, { 'retry-after': '1' }), json(200, session));
    const { value } = await settle(client(target).createRealtimeSession(body));
    expect(value).toEqual(session);
    expect(gap(target, 0)).toBeGreaterThanOrEqual(990);
  });

  waitsSeconds('honours retry-after as an HTTP date', async () => {
    // A whole second at least one second ahead: HTTP dates have no fractions.
    const due = Math.ceil((Date.now() + 1_000) / 1_000) * 1_000;
    const target = await serve(json(429, {}, { 'retry-after': new Date(due).toUTCString() }), json(200, session));
    const { value } = await settle(client(target).createRealtimeSession(body));
    expect(value).toEqual(session);
    const secondAt = Date.now() - (performance.now() - target.attempts[1]!.at);
    expect(secondAt).toBeGreaterThanOrEqual(due - 30);
  });

  it('three 429s reject with RateLimitError carrying status, headers, body and request id', async () => {
    const limited = json(429, { error: { message: 'Rate limit reached' } }, { 'retry-after-ms': '5', 'x-request-id': 'req_429' });
    const target = await serve(limited, limited, limited);
    const { error } = await settle(client(target).createRealtimeSession(body));
    expect(error).toBeInstanceOf(RateLimitError);
    const e = error as RateLimitError;
    expect([e.name, e.status, e.requestId, e.headers['retry-after-ms']]).toEqual(['RateLimitError', 429, 'req_429', '5']);
    expect(e.body).toEqual({ error: { message: 'Rate limit reached' } });
    expect(e.message).toBe('429 Too Many Requests: Rate limit reached');
    expect(target.attempts).toHaveLength(3);
  });
});

describe('server errors', () => {
  it('500 then 200 succeeds on the first retry, with the retry count header', async () => {
    const target = await serve(json(500, { error: { message: 'boom' } }), json(200, session));
    const { value } = await settle(client(target).createRealtimeSession(body));
    expect(value).toEqual(session);
    expect(target.attempts.map((a) => a.headers['x-retry-count'])).toEqual(['0', '1']);
    expect(target.attempts.map((a) => JSON.parse(a.body))).toEqual([body, body]);
  });

  it('every attempt of a call carries the same Idempotency-Key; the next call another; a caller key wins', async () => {
    const failing = json(500, { error: { message: 'boom' } });
    const target = await serve(failing, json(200, session), failing, json(200, session), json(200, session), json(200, session));
    const api = client(target);
    await api.createRealtimeSession(body);
    await api.createRealtimeSession(body);
    await api.createRealtimeSession(body, { idempotencyKey: 'mint-42' });
    await api.createRealtimeSession(body, { idempotencyKey: 'mint-42', headers: { 'idempotency-key': 'from-headers' } });
    const keys = target.attempts.map((a) => a.headers['idempotency-key']);
    expect(keys[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(keys[1]).toBe(keys[0]);
    expect(keys[2]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[3]).toBe(keys[2]);
    expect(keys[2]).not.toBe(keys[0]);
    expect(keys.slice(4)).toEqual(['mint-42', 'from-headers']);
  });

  it('three 503s exhaust the default two retries', async () => {
    const down = json(503, { error: { message: 'overloaded' } });
    const target = await serve(down, down, down);
    const { error } = await settle(client(target).createRealtimeSession(body));
    expect(error).toBeInstanceOf(InternalServerError);
    expect((error as InternalServerError).status).toBe(503);
    expect(target.attempts).toHaveLength(3);
  });

  it('smoke test of real timing: the default backoff waits about half a second before the first retry', async () => {
    // The backoff's arithmetic (0.5 s, then 1 s, capped, minus up to 25 % jitter) is pinned in
    // retry-policy.test.ts; this only sees that a client without a `backoff` option uses it.
    const down = json(503, {});
    const target = await serve(down, down);
    const { error } = await settle(new RealtimeApi({ apiKey: KEY, baseUrl: target.url, maxRetries: 1 }).createRealtimeSession(body));
    expect(error).toBeInstanceOf(InternalServerError);
    expect(target.attempts).toHaveLength(2);
    expect(gap(target, 0)).toBeGreaterThanOrEqual(370);
    expect(gap(target, 0)).toBeLessThan(5_000); // generous: only a wrong default (seconds, not ms) is this slow
  });

  it('an HTML 502 from a gateway: InternalServerError with the raw page as body and a clean message', async () => {
    const page = '<html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>';
    const gateway: Fault = { kind: 'respond', status: 502, headers: { 'content-type': 'text/html' }, body: page };
    const target = await serve(gateway, gateway, gateway);
    const { error } = await settle(client(target).createRealtimeSession(body));
    expect(error).toBeInstanceOf(InternalServerError);
    const e = error as InternalServerError;
    expect([e.status, e.body, e.message]).toEqual([502, page, '502 Bad Gateway']);
    expect(target.attempts).toHaveLength(3);
  });

  it('per-call maxRetries: 0 makes one attempt even when the client allows more', async () => {
    const down = json(503, {});
    const target = await serve(down, down, down);
    const { error } = await settle(client(target, { maxRetries: 5 }).createRealtimeSession(body, { maxRetries: 0 }));
    expect(error).toBeInstanceOf(InternalServerError);
    expect(target.attempts).toHaveLength(1);
  });

  it('x-should-retry overrides the status: false stops a 503, true retries a 400', async () => {
    const target = await serve(json(503, {}, { 'x-should-retry': 'false' }), json(400, {}, { 'x-should-retry': 'true' }), json(200, session));
    const api = client(target);
    expect((await settle(api.createRealtimeSession(body))).error).toBeInstanceOf(InternalServerError);
    expect(target.attempts).toHaveLength(1);
    expect((await settle(api.createRealtimeSession(body))).value).toEqual(session);
    expect(target.attempts).toHaveLength(3);
  });
});

describe('2xx bodies the client cannot hand over', () => {
  it('invalid JSON rejects with InvalidResponseError and is not retried', async () => {
    const target = await serve({ kind: 'respond', status: 200, headers: { 'content-type': 'application/json', 'x-request-id': 'req_bad' }, body: '{"client_secret": {' });
    const { error } = await settle(client(target).createRealtimeSession(body));
    expect(error).toBeInstanceOf(InvalidResponseError);
    const e = error as InvalidResponseError;
    expect(e.message).toBe('invalid JSON');
    expect([e.status, e.body, e.requestId]).toEqual([200, '{"client_secret": {', 'req_bad']);
    expect(target.attempts).toHaveLength(1);
  });

  it('a 200 with another content type rejects with InvalidResponseError', async () => {
    const target = await serve({ kind: 'respond', status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: '<html>captive portal</html>' });
    const { error } = await settle(client(target).createRealtimeSession(body));
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as Error).message).toBe('expected JSON, got content type text/html; charset=utf-8');
    expect(target.attempts).toHaveLength(1);
  });

  it('an empty 200 rejects instead of resolving with undefined', async () => {
    const target = await serve({ kind: 'respond', status: 200, headers: { 'content-type': 'application/json' }, body: '' });
    const { error } = await settle(client(target).createRealtimeSession(body));
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as Error).message).toBe('invalid JSON (an empty body)');
  });
});

describe('cancellation', () => {
  it('an abort in flight rejects at once with the signal reason, without retrying, and hangs up', async () => {
    const target = await serve({ kind: 'hang' }, { kind: 'hang' });
    const controller = new AbortController();
    const reason = new Error('user left the page');
    // Aborts once the server holds the request (a fixed delay can fire before a loaded machine sends it).
    const inFlight = setInterval(() => {
      if (target.attempts.length === 0) return;
      clearInterval(inFlight);
      controller.abort(reason);
    }, 5);
    const { error } = await settle(client(target).createRealtimeSession(body, { signal: controller.signal }));
    expect(error).toBe(reason);
    expect(target.attempts).toHaveLength(1);
    await target.attempts[0]!.socketClosed;
  });

  it('an abort without a reason rejects with a DOMException named AbortError', async () => {
    const target = await serve({ kind: 'hang' });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const { error } = await settle(client(target).createRealtimeSession(body, { signal: controller.signal }));
    expect(error).toBeInstanceOf(DOMException);
    expect((error as DOMException).name).toBe('AbortError');
    expect(error).not.toBeInstanceOf(ApiError);
  });

  it('an abort during the wait between retries rejects at once, not after the wait', async () => {
    const target = await serve(json(429, {}, { 'retry-after': '30' }), json(200, session));
    const controller = new AbortController();
    const reason = new Error('cancelled while waiting');
    const call = client(target).createRealtimeSession(body, { signal: controller.signal });
    // Abort once the first attempt was answered, i.e. while the client waits the 30 s.
    const started = performance.now();
    await arrived(target);
    await new Promise((resolve) => setTimeout(resolve, 100));
    controller.abort(reason);
    const { error } = await settle(call);
    expect(error).toBe(reason);
    // Half the 30 s wait: only an abort that waits the wait out is this slow, however loaded the machine.
    expect(performance.now() - started).toBeLessThan(15_000);
    expect(target.attempts).toHaveLength(1);
  });

  it('an already aborted signal sends nothing', async () => {
    const target = await serve(json(200, session));
    const { error } = await settle(client(target).createRealtimeSession(body, { signal: AbortSignal.abort('too late') }));
    expect(error).toBe('too late');
    expect(target.attempts).toHaveLength(0);
  });
});
