import { styledQuery, type QueryStyle } from './query.js';

/**
 * Request bodies that are not JSON, turned into what fetch sends. Generated methods pass one of
 * these as openapi-fetch's `bodySerializer` (multipart, URL-encoded, text) or convert the body
 * first (binary); JSON bodies go as JSON (request.ts).
 */

/** A multipart body: one part per property; arrays repeat the name, objects go as JSON text. */
export function formData(body: unknown): FormData {
  return typedParts({})(body);
}

/**
 * `formData` for a media type whose `encoding` states a part's media type (`types`: the one to use,
 * chosen by the api template): a Blob without a type of its own goes as one of that type, a File
 * keeping its name (`new Blob([bytes])` would otherwise go as `application/octet-stream`, which a
 * server that lists `application/pdf` may refuse). Every other value goes as `formData` sends it:
 * an object as JSON text in a field, also where the encoding types its part as JSON. A typed part
 * would be a Blob, which FormData names `blob`, and a server may read it as a file upload: APIs that
 * type a part so send it as a text field in their own examples (the toolkit's upstream replay test
 * holds the wire to that). Spring's `@RequestPart` wants the typed part instead.
 */
export function typedParts(types: Readonly<Record<string, string>>): (body: unknown) => FormData {
  return (body) => {
    const form = new FormData();
    for (const [name, value] of Object.entries(body as Record<string, unknown>)) {
      const type = Object.hasOwn(types, name) ? types[name] : undefined;
      for (const item of Array.isArray(value) ? value : [value]) {
        // Left out as a form body leaves them out (`null` would go as the text "null").
        if (item === undefined || item === null) continue;
        // A date as ISO text, as a form body sends it.
        if (item instanceof Date) form.append(name, item.toISOString());
        else if (!(item instanceof Blob)) form.append(name, typeof item === 'object' ? JSON.stringify(item) : String(item));
        else if (type === undefined || item.type !== '') form.append(name, item);
        // A File keeps its name; a Blob goes without one (FormData names it "blob").
        else if (item instanceof File) form.append(name, new File([item], item.name, { type }));
        else form.append(name, new Blob([item], { type }));
      }
    }
    return form;
  };
}

/**
 * An `application/x-www-form-urlencoded` body: a query string (query.ts). The properties its
 * media type's `encoding` names (`styles`) go as it says (Stripe's `deepObject`s:
 * `line_items[0][price]=p`); every other as form fields usually do, as hey-api and Twilio's own
 * library send them: an array repeats the name, and an object, also in an array, goes as JSON
 * text. OpenAPI's default for an object (its members as fields of their own) would mix them with
 * its siblings (Twilio's `Parameters: { To }` would replace `To`) and cannot carry nesting. A date
 * goes as ISO text; a string body as it is.
 */
export function formBody(styles: Readonly<Record<string, QueryStyle>> = {}): (body: unknown) => string {
  const query = styledQuery(styles);
  const field = (value: unknown): unknown => (value instanceof Date ? value.toISOString() : typeof value === 'object' && value !== null ? JSON.stringify(value) : value);
  return (body) => {
    if (typeof body === 'string') return body;
    const fields = Object.entries(body ?? {}).map(([name, value]) => [name, Object.hasOwn(styles, name) ? value : Array.isArray(value) ? value.map(field) : field(value)]);
    return query(Object.fromEntries(fields));
  };
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
