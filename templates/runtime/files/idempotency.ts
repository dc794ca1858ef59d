/**
 * Every attempt of one call that can change something on the server (any method but GET, HEAD
 * and OPTIONS) carries the same `Idempotency-Key`, so a server that honours it can tell a retry
 * from a new request and not, say, mint two sessions. The key is random per call unless the
 * caller gives one (`idempotencyKey`); a header of the same name in `headers` wins.
 */
export const IDEMPOTENCY_HEADER = 'Idempotency-Key';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Whether a request of this method gets the key (GET, HEAD and OPTIONS change nothing). */
export function wantsIdempotencyKey(method: string): boolean {
  return !SAFE_METHODS.has(method.toUpperCase());
}

/** A random UUID v4; `crypto.randomUUID` is missing in browsers outside secure contexts. */
export function newIdempotencyKey(): string {
  const crypto = globalThis.crypto;
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
