/**
 * When to try again and how long to wait first. The rules are those of widely used hand-written
 * API SDKs, so a team switching from one sees the same behaviour:
 * - retried: connection failures, timeouts, 408, 409, 429 and every status >= 500; never any other 4xx;
 * - a response header `x-should-retry: true|false` overrides that decision either way;
 * - the wait honours the server's `retry-after-ms` (milliseconds) or `retry-after` (seconds, or an
 *   HTTP date), capped at 60 s; without either it is exponential backoff with jitter:
 *   `min(initialMs * 2^n, maxMs) * f`, n = retries so far (0 for the first), f random in (0.75, 1].
 *   With the defaults (500 ms, 8 s) the waits are about 0.5 s, 1 s, 2 s, 4 s, 8 s, 8 s...
 */

/** Sent with every attempt (`0` on the first), so that a server can tell retries apart. */
export const RETRY_COUNT_HEADER = 'x-retry-count';
export const DEFAULT_MAX_RETRIES = 2;
/** The longest wait a `retry-after` header can ask for; longer requests are cut to this. */
export const RETRY_AFTER_CAP_MS = 60_000;

export interface Backoff {
  /** Wait before the first retry, before jitter. Default 500. */
  initialMs: number;
  /** Longest computed wait, before jitter. Default 8000. */
  maxMs: number;
}

export const DEFAULT_BACKOFF: Readonly<Backoff> = { initialMs: 500, maxMs: 8_000 };

/** Whether a non-2xx response is worth another attempt. */
export function shouldRetry(status: number, headers: Headers): boolean {
  const override = headers.get('x-should-retry');
  if (override === 'true') return true;
  if (override === 'false') return false;
  return status === 408 || status === 409 || status === 429 || status >= 500;
}

/** Milliseconds to wait before the next attempt; `retries` is the number of retries made so far. */
export function retryDelay(retries: number, headers: Headers | undefined, backoff: Backoff, now: number = Date.now(), random: () => number = Math.random): number {
  const asked = headers ? serverDelay(headers, now) : undefined;
  if (asked !== undefined) return Math.min(asked, RETRY_AFTER_CAP_MS);
  return Math.min(backoff.initialMs * 2 ** retries, backoff.maxMs) * (1 - random() * 0.25);
}

/** The wait a server asked for, or `undefined` when it asked for none (or for something unreadable). */
export function serverDelay(headers: Headers, now: number): number | undefined {
  const ms = headers.get('retry-after-ms') ?? '';
  const value = headers.get('retry-after') ?? '';
  if (NON_NEGATIVE.test(ms)) return +ms;
  if (NON_NEGATIVE.test(value)) return +value * 1000;
  // HTTP dates name a day and month (`Wed, 21 Oct 2026 07:28:00 GMT`); without a letter, `-1` or
  // `12` would pass for a date with Date.parse.
  const date = /[a-z]/i.test(value) ? Date.parse(value) : NaN;
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** A number of milliseconds or seconds: digits, maybe a fraction, maybe spaces around. */
const NON_NEGATIVE = /^\s*\d+(\.\d+)?\s*$/;
