/** The message of anything thrown: an Error's message, or the value as text. */
export function message(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}
