/** A scheme (`https:`, `file:`), but not a Windows drive letter (`C:`). */
const SCHEME = /^[a-z][a-z0-9+.-]+:/i;

/** Whether a spec argument (`--spec`, `--from`, the config's `spec`) is a URL rather than a file path. */
export function isUrlInput(input: string): boolean {
  return SCHEME.test(input);
}

/**
 * A spec argument as messages and generated files may show it: a URL without credentials, query
 * or fragment (`https://user:secret@host/spec.yaml?token=...` shows as `https://host/spec.yaml`).
 */
export function displaySource(input: string): string {
  return isUrlInput(input) ? input.replace(/^([a-z][a-z0-9+.-]+:\/\/)[^/?#]*@/i, '$1').replace(/[?#].*$/s, '') : input;
}
