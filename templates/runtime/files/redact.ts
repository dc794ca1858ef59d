/**
 * Replaces every occurrence of a secret in the strings inside a value: a server may echo the key
 * back in an error body or header, and errors must never carry it. Keys are copied with
 * `defineProperty`, so a `__proto__` key in a body stays a plain key.
 */
export function redact<T>(value: T, secret: string | undefined): T {
  if (!secret) return value;
  if (typeof value === 'string') return value.split(secret).join('[redacted]') as T;
  if (Array.isArray(value)) return value.map((item) => redact(item, secret)) as T;
  if (value !== null && typeof value === 'object') {
    const copy: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(value)) {
      Object.defineProperty(copy, key, { value: redact(child, secret), enumerable: true, writable: true, configurable: true });
    }
    return copy as T;
  }
  return value;
}
