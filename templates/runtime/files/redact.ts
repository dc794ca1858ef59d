/**
 * Replaces every occurrence of the secrets in the strings inside a value: a server may echo a
 * credential back in an error body or header, and errors must never carry it, nor its URL
 * encodings. Longer secrets go first, so one that contains another is replaced whole. Objects are
 * copied with `Object.fromEntries`, which defines its keys, so a `__proto__` key in a body stays a plain key.
 */
export function redact<T>(value: T, secrets: readonly string[]): T {
  // Each secret also as a URL carries it: percent-encoded, and form-encoded (a query credential).
  const encoded = secrets.flatMap((s) => [s, encodeURIComponent(s), new URLSearchParams({ k: s }).toString().slice(2)]);
  const list = encoded.filter((s) => s !== '').sort((a, b) => b.length - a.length);
  return list.length === 0 ? value : replace(value, list);
}

function replace<T>(value: T, secrets: readonly string[]): T {
  // Each secret becomes a NUL first, and NULs the marker last: a secret the marker holds (`t` in
  // `[redacted]`) cannot match inside one an earlier secret left (a NUL of the text's own is marked too).
  if (typeof value === 'string') return secrets.reduce((text, secret) => text.split(secret).join('\0'), value as string).split('\0').join('[redacted]') as T;
  if (Array.isArray(value)) return value.map((item) => replace(item, secrets)) as T;
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, replace(child, secrets)])) as T;
  return value;
}
