/**
 * Request bodies that are not JSON, turned into what fetch sends. Generated methods pass one of
 * these as openapi-fetch's `bodySerializer` (multipart, text) or convert the body first (binary);
 * JSON bodies go as JSON (request.ts), URL-encoded ones as a query string (query.ts, as the spec's
 * `encoding` says).
 */

/** A multipart body: one part per property; arrays repeat the name, objects go as JSON text. */
export function formData(body: unknown): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(body as Record<string, unknown>)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item === undefined) continue;
      if (item instanceof Blob) form.append(name, item);
      else form.append(name, typeof item === 'object' && item !== null ? JSON.stringify(item) : String(item));
    }
  }
  return form;
}

/** Text and Blob bodies go as they are (openapi-fetch would otherwise JSON-encode them). */
export function asIs<T>(body: T): T {
  return body;
}

/** Bytes as a Blob of the operation's media type. */
export function binary(body: Blob | ArrayBuffer | ArrayBufferView, type: string): Blob {
  if (body instanceof Blob) return body;
  // A view may cover part of its buffer: copy exactly its bytes.
  const bytes = body instanceof ArrayBuffer ? new Uint8Array(body) : new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
  return new Blob([bytes.slice()], { type });
}
