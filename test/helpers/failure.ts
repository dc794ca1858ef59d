import { expect } from 'vitest';

/** What `promise` rejects with; the test fails when it resolves instead. `E`: the type the caller expects. */
export function failure<E = unknown>(promise: Promise<unknown>): Promise<E> {
  return promise.then(
    () => expect.unreachable('the call should have failed'),
    (error: unknown) => error as E,
  );
}
