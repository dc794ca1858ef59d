/** A scheme (`https:`, `file:`), but not a Windows drive letter (`C:`). */
const SCHEME = /^[a-z][a-z0-9+.-]+:/i;

/** Whether a spec argument (`--spec`, `--from`, the config's `spec`) is a URL rather than a file path. */
export function isUrlInput(input: string): boolean {
  return SCHEME.test(input);
}

/**
 * A spec argument as messages and generated files may show it: a URL without credentials, query
 * or fragment (`https://user:secret@host/spec.yaml?token=...` shows as `https://host/spec.yaml`).
 * A URL that does not parse loses everything up to its last `@` (a password may hold `/`).
 */
export function displaySource(input: string): string {
  if (!isUrlInput(input)) return input;
  if (URL.canParse(input)) return displayUrl(new URL(input));
  const bare = input.replace(/[?#].*$/s, '');
  const at = bare.lastIndexOf('@');
  return at < 0 ? bare : bare.replace(/^([a-z][a-z0-9+.-]+:(\/\/)?).*$/is, '$1') + bare.slice(at + 1);
}

/** A parsed URL as messages show it: scheme, host and path only. */
export function displayUrl(url: URL): string {
  return `${url.protocol}//${url.host}${url.pathname}`;
}
