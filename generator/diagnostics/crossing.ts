import { inspect } from 'node:util';
import { MorphError, type Diagnostic } from './diagnostic.ts';
import { message } from './message.ts';

/** How a worker thread posts a failure back: a `MorphError`'s diagnostics, else the error's message and stack. */
export type FailureReply = { readonly diagnostics: readonly Diagnostic[] } | { readonly error: { readonly message: string; readonly stack: string | undefined } };

/** The reply for what a worker's work threw (see `FailureReply`). */
export function failureReply(cause: unknown): FailureReply {
  if (cause instanceof MorphError) return { diagnostics: cause.diagnostics.map(crossing) };
  return { error: { message: message(cause), stack: cause instanceof Error ? cause.stack : undefined } };
}

/** The error a `FailureReply` stands for, as the worker's work threw it: a `MorphError` with the same diagnostics, else an `Error` with its message and stack. */
export function failureFrom(reply: FailureReply): Error {
  if ('diagnostics' in reply) return new MorphError(reply.diagnostics);
  return Object.assign(new Error(reply.error.message), { stack: reply.error.stack });
}

/**
 * A diagnostic that can be posted to another thread: its `cause` (kept for `--debug`) as it is
 * when it can be copied, else as `util.inspect` shows it (a library's error object may hold a function).
 */
export function crossing(diagnostic: Diagnostic): Diagnostic {
  if (diagnostic.cause === undefined) return diagnostic;
  try {
    structuredClone(diagnostic.cause);
    return diagnostic;
  } catch {
    return { ...diagnostic, cause: inspect(diagnostic.cause) };
  }
}
