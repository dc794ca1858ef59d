/**
 * The idempotency key's pure parts: which methods carry it, and the UUID it falls back to where
 * `crypto.randomUUID` is missing (a browser page served over plain http). What reaches a server
 * is checked against real servers in faults.test.ts and media-contract.test.ts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { newIdempotencyKey, wantsIdempotencyKey } from '../../templates/runtime/files/idempotency.ts';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('wantsIdempotencyKey', () => {
  it.each([
    ['POST', true],
    ['put', true],
    ['PATCH', true],
    ['DELETE', true],
    ['GET', false],
    ['head', false],
    ['OPTIONS', false],
    // Whole method names only.
    ['XGET', true],
    ['HEADER', true],
  ] as const)('%s: %s', (method, want) => {
    expect(wantsIdempotencyKey(method)).toBe(want);
  });
});

describe('newIdempotencyKey', () => {
  const prototype = Object.getPrototypeOf(globalThis.crypto) as { randomUUID?: unknown };
  const randomUUID = Object.getOwnPropertyDescriptor(prototype, 'randomUUID')!;
  afterEach(() => {
    Object.defineProperty(prototype, 'randomUUID', randomUUID);
  });

  it('is a fresh UUID v4 each time', () => {
    const keys = Array.from({ length: 50 }, newIdempotencyKey);
    for (const key of keys) expect(key).toMatch(UUID_V4);
    expect(new Set(keys).size).toBe(50);
  });

  it('is a UUID v4 from getRandomValues where randomUUID is missing', () => {
    delete prototype.randomUUID;
    expect(typeof globalThis.crypto.randomUUID).toBe('undefined');
    const keys = Array.from({ length: 50 }, newIdempotencyKey);
    for (const key of keys) expect(key).toMatch(UUID_V4);
    expect(new Set(keys).size).toBe(50);
  });
});
