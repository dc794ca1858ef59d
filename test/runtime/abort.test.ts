/**
 * Timeouts and cancellation (templates/runtime/files/abort.ts), tested where they live, on an
 * injected clock (vitest's fake timers): what each helper rejects with, and that every timer and
 * listener is gone once it settles. faults.test.ts sees them against a real server.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { attemptSignal, raceAbort, sleep } from '../../templates/runtime/files/abort.ts';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** How a promise has settled so far: `pending`, `resolved: <value>` or `rejected: <reason>`. */
function watch(promise: Promise<unknown>): () => string {
  let state = 'pending';
  promise.then(
    (value) => (state = `resolved: ${String(value)}`),
    (reason: unknown) => (state = `rejected: ${reason instanceof Error ? `${reason.name} ${reason.message}` : String(reason)}`),
  );
  return () => state;
}

/** `abort` listeners added minus removed by hand (EventTarget keeps no count; a `once` listener that fired is not counted out). */
function counted(signal: AbortSignal): () => number {
  let listeners = 0;
  const add = signal.addEventListener.bind(signal);
  const remove = signal.removeEventListener.bind(signal);
  signal.addEventListener = ((...args: Parameters<AbortSignal['addEventListener']>) => {
    if (args[0] === 'abort') listeners++;
    add(...args);
  }) as AbortSignal['addEventListener'];
  signal.removeEventListener = ((...args: Parameters<AbortSignal['removeEventListener']>) => {
    if (args[0] === 'abort') listeners--;
    remove(...args);
  }) as AbortSignal['removeEventListener'];
  return () => listeners;
}

describe('raceAbort', () => {
  it("rejects with the signal's reason: the caller's, else the runtime's AbortError", async () => {
    const given = new AbortController();
    given.abort('why');
    await expect(raceAbort(new Promise(() => {}), given.signal)).rejects.toBe('why');
    const bare = new AbortController();
    bare.abort();
    const reason = (await raceAbort(new Promise(() => {}), bare.signal).catch((error: unknown) => error)) as DOMException;
    expect([reason instanceof DOMException, reason.name]).toEqual([true, 'AbortError']);
  });

  it('without a signal: the promise itself', () => {
    const promise = Promise.resolve(1);
    expect(raceAbort(promise, undefined)).toBe(promise);
  });

  it('settles like the promise, and removes its listener', async () => {
    const controller = new AbortController();
    const listeners = counted(controller.signal);
    await expect(raceAbort(Promise.resolve('v'), controller.signal)).resolves.toBe('v');
    await expect(raceAbort(Promise.reject(new Error('e')), controller.signal)).rejects.toThrow('e');
    expect(listeners()).toBe(0);
  });

  it('rejects with the reason as soon as the signal aborts, though the promise never settles', async () => {
    const controller = new AbortController();
    const state = watch(raceAbort(new Promise(() => {}), controller.signal));
    await vi.advanceTimersByTimeAsync(10);
    expect(state()).toBe('pending');
    controller.abort('stop');
    await vi.advanceTimersByTimeAsync(0);
    expect(state()).toBe('rejected: stop');
  });

  it('an already aborted signal rejects at once and listens to nothing', async () => {
    const controller = new AbortController();
    controller.abort('early');
    const listeners = counted(controller.signal);
    await expect(raceAbort(new Promise(() => {}), controller.signal)).rejects.toBe('early');
    expect(listeners()).toBe(0);
  });

  it('a rejection after the abort is handled (no unhandled rejection)', async () => {
    const controller = new AbortController();
    let fail!: (reason: unknown) => void;
    const late = new Promise((_resolve, reject) => (fail = reject));
    const raced = raceAbort(late, controller.signal);
    controller.abort('first');
    fail(new Error('late'));
    await expect(raced).rejects.toBe('first');
  });
});

describe('sleep', () => {
  it('waits the given time, then resolves and clears its timer', async () => {
    const state = watch(sleep(100, undefined));
    await vi.advanceTimersByTimeAsync(99);
    expect(state()).toBe('pending');
    await vi.advanceTimersByTimeAsync(1);
    expect(state()).toBe('resolved: undefined');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('an abort rejects at once with the reason and clears the timer', async () => {
    const controller = new AbortController();
    const state = watch(sleep(10_000, controller.signal));
    await vi.advanceTimersByTimeAsync(5);
    controller.abort('cancelled');
    await vi.advanceTimersByTimeAsync(0);
    expect(state()).toBe('rejected: cancelled');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('an already aborted signal rejects without a timer', async () => {
    const controller = new AbortController();
    controller.abort('no');
    await expect(sleep(10, controller.signal)).rejects.toBe('no');
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('attemptSignal', () => {
  it('neither a timeout nor a signal: nothing to abort', () => {
    const attempt = attemptSignal(2 ** 31 - 1, undefined);
    expect(attempt.signal).toBeUndefined();
    attempt.finish();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('no timeout: the caller signal as it is, and no timer', () => {
    const controller = new AbortController();
    const attempt = attemptSignal(2 ** 31, controller.signal);
    expect(attempt.signal).toBe(controller.signal);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('the largest timer setTimeout takes is a timeout', () => {
    const attempt = attemptSignal(2 ** 31 - 2, undefined);
    expect(attempt.signal).toBeInstanceOf(AbortSignal);
    expect(vi.getTimerCount()).toBe(1);
    attempt.finish();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('the timeout aborts with a TimeoutError and says so', async () => {
    const attempt = attemptSignal(150, undefined);
    await vi.advanceTimersByTimeAsync(149);
    expect(attempt.signal!.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    const reason = attempt.signal!.reason as DOMException;
    expect([attempt.signal!.aborted, reason.name, reason.message]).toEqual([true, 'TimeoutError', 'no complete response within 150 ms']);
  });

  it("the caller's abort passes its reason on, and is no timeout", () => {
    const controller = new AbortController();
    const attempt = attemptSignal(1_000, controller.signal);
    controller.abort('user');
    // The core tells a timeout from the caller's abort by the caller's signal (aborted here).
    expect([attempt.signal!.aborted, attempt.signal!.reason, controller.signal.aborted]).toEqual([true, 'user', true]);
  });

  it('an already aborted caller signal aborts the attempt at once', () => {
    const controller = new AbortController();
    controller.abort('before');
    const listeners = counted(controller.signal);
    const attempt = attemptSignal(1_000, controller.signal);
    expect([attempt.signal!.aborted, attempt.signal!.reason, listeners()]).toEqual([true, 'before', 0]);
  });

  it('finish clears the timer and the link to the caller', async () => {
    const controller = new AbortController();
    const listeners = counted(controller.signal);
    const attempt = attemptSignal(100, controller.signal);
    expect([vi.getTimerCount(), listeners()]).toEqual([1, 1]);
    attempt.finish();
    expect([vi.getTimerCount(), listeners()]).toEqual([0, 0]);
    await vi.advanceTimersByTimeAsync(200);
    controller.abort('later');
    expect(attempt.signal!.aborted).toBe(false);
  });
});
