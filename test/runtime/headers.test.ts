/**
 * The retry-count and idempotency headers, tested where the runtime lives: on by default outside
 * browsers, renamed or turned off per package (defaults) and per client. (In browsers: see
 * browser.test.ts, against real CORS preflights.)
 */
import { describe, expect, it } from 'vitest';
import { ApiCore } from '../../templates/runtime/files/core.ts';
import type { ClientDefaults, ClientOptions } from '../../templates/runtime/files/options.ts';
import { json, serverPerTest } from './fault-server.ts';

const serve = serverPerTest();

const base: ClientDefaults = { baseUrl: undefined, schemes: {}, tokenScheme: undefined, env: {}, retryCountHeader: 'x-retry-count', idempotencyHeader: 'Idempotency-Key', headersInBrowser: false };

async function seen(options: ClientOptions, defaults: Partial<ClientDefaults> = {}, idempotencyKey?: string) {
  const target = await serve(json(503, {}), json(200, {}));
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const core = new ApiCore<any>({ baseUrl: target.url, backoff: { initialMs: 1, maxMs: 2 }, ...options }, { ...base, ...defaults });
  await core.call('make', 'POST', 'json', [], idempotencyKey === undefined ? undefined : { idempotencyKey }, (client, init) => client.POST('/make', { ...init, body: {} }));
  return target.attempts.map((a) => ({ count: a.headers['x-retry-count'], renamed: a.headers['x-attempt'], key: a.headers['idempotency-key'], op: a.headers['x-op-key'] }));
}

describe('retry-count and idempotency headers in Node', () => {
  it('on by default, the same key on every attempt', async () => {
    const attempts = await seen({});
    expect(attempts.map((a) => a.count)).toEqual(['0', '1']);
    expect(attempts[0]!.key).toMatch(/^[0-9a-f-]{36}$/);
    expect(attempts[1]!.key).toBe(attempts[0]!.key);
  });

  it('renamed or off per package', async () => {
    const attempts = await seen({}, { retryCountHeader: 'x-attempt', idempotencyHeader: undefined });
    expect(attempts.map((a) => [a.count, a.renamed, a.key])).toEqual([
      [undefined, '0', undefined],
      [undefined, '1', undefined],
    ]);
  });

  it('off or renamed per client, whatever the package says', async () => {
    const attempts = await seen({ retryCountHeader: false, idempotencyHeader: 'x-op-key' });
    expect(attempts.map((a) => [a.count, a.key, typeof a.op])).toEqual([
      [undefined, undefined, 'string'],
      [undefined, undefined, 'string'],
    ]);
  });

  it("a caller's idempotencyKey is sent even where the package turned the header off", async () => {
    const attempts = await seen({}, { idempotencyHeader: undefined }, 'mine-1');
    expect(attempts.map((a) => a.key)).toEqual(['mine-1', 'mine-1']);
  });
});
