/**
 * ApiPromise (templates/runtime/files/api-promise.ts), tested where it lives: the body when
 * awaited, the whole response from withResponse, the same rejection either way, and plain
 * promises from then/catch/finally. client.test.ts reads it through a real call.
 */
import { describe, expect, it } from 'vitest';
import { ApiPromise, type ApiResponse } from '../../templates/runtime/files/api-promise.ts';

const result: ApiResponse<{ id: number }> = { data: { id: 1 }, response: new Response('{"id":1}'), requestId: 'req_1' };

describe('ApiPromise', () => {
  it('awaiting it gives the body; withResponse the body with its response', async () => {
    const promise = new ApiPromise(Promise.resolve(result));
    expect(await promise).toBe(result.data);
    expect(await promise.withResponse()).toBe(result);
  });

  it('both reject with the same error', async () => {
    const error = new Error('failed');
    const promise = new ApiPromise<{ id: number }>(Promise.reject(error));
    await expect(promise.withResponse()).rejects.toBe(error);
    await expect(promise).rejects.toBe(error);
  });

  it('reading only withResponse leaves no unhandled rejection', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown): void => void unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const promise = new ApiPromise<{ id: number }>(Promise.reject(new Error('once')));
      await promise.withResponse().catch(() => undefined);
      await new Promise((resolve) => setImmediate(resolve));
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
    expect(unhandled).toEqual([]);
  });

  it('then, catch and finally return plain promises', () => {
    const promise = new ApiPromise(Promise.resolve(result));
    for (const derived of [promise.then(), promise.catch(() => undefined), promise.finally(() => undefined)]) {
      expect(derived).not.toBeInstanceOf(ApiPromise);
      expect(derived).toBeInstanceOf(Promise);
    }
  });
});
