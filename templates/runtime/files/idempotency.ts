/**
 * Every attempt of one call that can change something on the server (any method but GET, HEAD
 * and OPTIONS) carries the same `Idempotency-Key`, so a server that honours it can tell a retry
 * from a new request and not, say, mint two sessions. The key is random per call unless the
 * caller gives one (`idempotencyKey`); a header of the same name in `headers` wins.
 */
export const IDEMPOTENCY_HEADER = 'Idempotency-Key';

/** Whether a request of this method gets the key (GET, HEAD and OPTIONS change nothing). */
export function wantsIdempotencyKey(method: string): boolean {
  return !/^(?:GET|HEAD|OPTIONS)$/i.test(method);
}

/**
 * A random UUID v4; `crypto.randomUUID` is missing in browsers outside secure contexts. The
 * fallback fills the template's `0`, `1` and `8` digits with random bits, keeping the version (4)
 * and the variant (8 to b) bits.
 */
export function newIdempotencyKey(): string {
  const crypto = globalThis.crypto;
  // Typed as always there, which it is not outside secure contexts.
  return (crypto.randomUUID as (() => string) | undefined)?.() ?? '10000000-1000-4000-8000-100000000000'.replace(/[018]/g, (digit) => (+digit ^ (crypto.getRandomValues(new Uint8Array(1))[0]! & (15 >> (+digit / 4)))).toString(16));
}
