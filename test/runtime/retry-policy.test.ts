/**
 * The retry policy's pure parts, table-driven: which statuses retry, and how long to wait. The
 * 60 s cap on a server's Retry-After is checked here rather than by waiting a minute.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_BACKOFF, RETRY_AFTER_CAP_MS, retryDelay, serverDelay, shouldRetry } from '../../templates/runtime/files/retry.ts';

const NOW = Date.UTC(2026, 0, 1, 12, 0, 0);

describe('shouldRetry', () => {
  const cases: { name: string; status: number; headers?: Record<string, string>; want: boolean }[] = [
    { name: '408', status: 408, want: true },
    { name: '409', status: 409, want: true },
    { name: '429', status: 429, want: true },
    { name: '500', status: 500, want: true },
    { name: '599', status: 599, want: true },
    { name: '400', status: 400, want: false },
    { name: '401', status: 401, want: false },
    { name: '404', status: 404, want: false },
    { name: '422', status: 422, want: false },
    { name: 'x-should-retry: true on a 400', status: 400, headers: { 'x-should-retry': 'true' }, want: true },
    { name: 'x-should-retry: false on a 503', status: 503, headers: { 'x-should-retry': 'false' }, want: false },
    { name: 'another x-should-retry value is ignored', status: 503, headers: { 'x-should-retry': 'maybe' }, want: true },
  ];
  it.each(cases)('$name', ({ status, headers, want }) => {
    expect(shouldRetry(status, new Headers(headers))).toBe(want);
  });
});

describe('serverDelay', () => {
  const cases: { name: string; headers: Record<string, string>; want: number | undefined }[] = [
    { name: 'none', headers: {}, want: undefined },
    { name: 'retry-after-ms', headers: { 'retry-after-ms': '250' }, want: 250 },
    { name: 'retry-after-ms with a fraction', headers: { 'retry-after-ms': '12.5' }, want: 12.5 },
    { name: 'retry-after-ms wins over retry-after', headers: { 'retry-after-ms': '5', 'retry-after': '9' }, want: 5 },
    { name: 'unreadable retry-after-ms falls back to retry-after', headers: { 'retry-after-ms': 'soon', 'retry-after': '2' }, want: 2_000 },
    { name: 'retry-after-ms with trailing garbage is unreadable', headers: { 'retry-after-ms': '5abc', 'retry-after': '2' }, want: 2_000 },
    { name: 'retry-after-ms with a fraction of two digits', headers: { 'retry-after-ms': '12.55' }, want: 12.55 },
    { name: 'retry-after-ms with a dot but no fraction is unreadable', headers: { 'retry-after-ms': '12.', 'retry-after': '1' }, want: 1_000 },
    { name: 'retry-after seconds', headers: { 'retry-after': '3' }, want: 3_000 },
    { name: 'retry-after 0', headers: { 'retry-after': '0' }, want: 0 },
    { name: 'retry-after HTTP date', headers: { 'retry-after': new Date(NOW + 7_000).toUTCString() }, want: 7_000 },
    { name: 'retry-after date in the past', headers: { 'retry-after': new Date(NOW - 7_000).toUTCString() }, want: 0 },
    { name: 'negative seconds are unreadable', headers: { 'retry-after': '-1' }, want: undefined },
    { name: 'garbage', headers: { 'retry-after': 'later' }, want: undefined },
  ];
  it.each(cases)('$name', ({ headers, want }) => {
    expect(serverDelay(new Headers(headers), NOW)).toBe(want);
  });
});

describe('retryDelay', () => {
  const cases: { name: string; retries: number; headers?: Record<string, string>; random: number; want: number }[] = [
    { name: 'first retry, no jitter', retries: 0, random: 0, want: 500 },
    { name: 'second retry, no jitter', retries: 1, random: 0, want: 1_000 },
    { name: 'fifth retry reaches the 8 s cap', retries: 5, random: 0, want: 8_000 },
    { name: 'largest jitter takes 25 % off', retries: 1, random: 1, want: 750 },
    { name: 'a server delay is used as is', retries: 0, headers: { 'retry-after-ms': '1234' }, random: 0.5, want: 1_234 },
    { name: 'a server delay is capped at 60 s', retries: 0, headers: { 'retry-after': '3600' }, random: 0, want: RETRY_AFTER_CAP_MS },
    { name: 'a far HTTP date is capped at 60 s', retries: 0, headers: { 'retry-after': new Date(NOW + 600_000).toUTCString() }, random: 0, want: 60_000 },
  ];
  it.each(cases)('$name', ({ retries, headers, random, want }) => {
    expect(retryDelay(retries, headers ? new Headers(headers) : undefined, DEFAULT_BACKOFF, NOW, () => random)).toBe(want);
  });

  it('custom backoff', () => {
    expect(retryDelay(3, undefined, { initialMs: 10, maxMs: 50 }, NOW, () => 0)).toBe(50);
  });
});
