/**
 * Timeouts and cancellation. Every timer and listener made here is removed when its promise
 * settles, so a finished call leaves nothing that keeps a process alive; but for an attempt whose
 * body is handed over as a stream, the link from the caller's signal stays (`finish(true)`), so
 * that the signal still stops the stream. A caller's abort rejects
 * with the signal's reason: what the caller passed to `abort()`, else the standard `AbortError`
 * DOMException, which every supported runtime (Node 20+, browsers, edge runtimes) sets itself.
 */

/**
 * Settles like `promise`, or rejects with the signal's reason as soon as it aborts, even when the
 * work behind `promise` ignores the signal (a custom fetch might). A rejection of `promise` that
 * comes after the abort is handled here, so it never surfaces as an unhandled rejection. Without
 * a signal: `promise` itself.
 */
export function raceAbort<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  return signal
    ? new Promise<T>((resolve, reject) => {
        promise.then(resolve, reject).finally(onAbort(signal, () => reject(signal.reason)));
      })
    : promise;
}

/** Calls `listener` when the signal aborts (at once if it has); returns what removes it. */
function onAbort(signal: AbortSignal | undefined, listener: () => void): () => void {
  if (signal?.aborted) listener();
  else signal?.addEventListener('abort', listener, { once: true });
  return () => signal?.removeEventListener('abort', listener);
}

/** Waits `ms`, or rejects with the signal's reason the moment it aborts (at once if it has; the timer is cleared). */
export function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return raceAbort(new Promise<void>((resolve) => (timer = setTimeout(resolve, ms))), signal).finally(() => clearTimeout(timer));
}

/** setTimeout fires at once for delays above 2^31 - 1 ms; such a timeout means "none". */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * One HTTP attempt's signal: aborted by the caller's signal, or by the timeout. While the caller's
 * signal is not aborted, an aborted attempt signal means that the timeout fired.
 */
export interface AttemptSignal {
  /** `undefined` when there is neither a timeout nor a caller's signal: nothing to abort. */
  readonly signal: AbortSignal | undefined;
  /**
   * Clears the timer and the link to the caller's signal; call it when the attempt is over. `streaming`: the
   * body is handed over unread, and the caller's signal still stops it (only the timer goes).
   */
  finish(streaming?: boolean): void;
}

/**
 * The caller's signal as it is when there is no timeout (no timer, no controller of our own);
 * otherwise a controller that the caller's signal and the timer both abort.
 */
export function attemptSignal(timeoutMs: number, caller: AbortSignal | undefined): AttemptSignal {
  if (timeoutMs >= MAX_TIMER_MS) return { signal: caller, finish() {} };
  const controller = new AbortController();
  const unlink = onAbort(caller, () => controller.abort(caller!.reason));
  const timer = setTimeout(() => controller.abort(new DOMException(`no complete response within ${timeoutMs} ms`, 'TimeoutError')), timeoutMs);
  return {
    signal: controller.signal,
    finish(streaming) {
      clearTimeout(timer);
      if (!streaming) unlink();
    },
  };
}
