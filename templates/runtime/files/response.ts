import { InvalidResponseError, type ApiErrorInit } from './errors.js';

/**
 * How an operation's 2xx body is read, from its media type in the spec: JSON, text (text/*,
 * application/sdp, XML...), a Blob for binary media (octet-stream, images, audio, video, archives,
 * `format: binary`), nothing, or unread: the body's stream, for events and lines (`text/event-stream`, NDJSON).
 */
export type ResponseKind = 'json' | 'text' | 'binary' | 'none' | 'stream';

/**
 * An operation whose 2xx responses are not all read alike (a 200 with JSON beside a 202 without a
 * body, a PDF beside a JSON "not ready yet"): the kind of each such status, and `other` for the rest.
 */
export type ResponseKinds = { readonly other: ResponseKind; readonly [status: number]: ResponseKind };

const JSON_TYPE = /^application\/(?:[\w.!#$%&'*^`|~-]+\+)?json\s*(?:;|$)/i;

/** The kind a status's body is read as. */
export function kindOf(kinds: ResponseKind | ResponseKinds, status: number): ResponseKind {
  return typeof kinds === 'string' ? kinds : (kinds[status] ?? kinds.other);
}

/**
 * Reads a 2xx body as its status's kind says. A JSON body insists on a JSON content type and
 * valid JSON: a proxy's HTML page or a truncated body rejects with `InvalidResponseError` instead
 * of reaching the caller as a string or a half object. 204 and 205 carry no body by definition.
 */
export async function readSuccessBody(response: Response, kinds: ResponseKind | ResponseKinds): Promise<unknown> {
  const kind = kindOf(kinds, response.status);
  if (kind === 'stream') return response.body ?? undefined;
  // Read whole in every case, so that the connection is free for the next request. A body the spec
  // does not declare is read through a copy: `.withResponse()` still gives one to read (Trello
  // declares none for any 200; Box's download follows a redirect it does not declare).
  const read = await (kind === 'binary' ? response.blob() : kind === 'none' ? response.clone().arrayBuffer() : response.text());
  if (kind === 'none' || response.status === 204 || response.status === 205) return undefined;
  if (kind !== 'json') return read;
  const text = read as string;
  const type = response.headers.get('content-type');
  if (!type || !JSON_TYPE.test(type)) {
    throw new InvalidResponseError(`expected JSON, got ${type ? `content type ${type.slice(0, 100)}` : 'no content type'}`, errorInit(response, text));
  }
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new InvalidResponseError(`invalid JSON${text === '' ? ' (an empty body)' : ''}`, { ...errorInit(response, text), cause });
  }
}

/** A non-2xx body: parsed JSON, else the raw text (an HTML gateway page); `undefined` when empty. */
export async function readErrorBody(response: Response): Promise<unknown> {
  const text = await response.text();
  try {
    return JSON.parse(text);
  } catch {
    // Not JSON (`''` is not either).
    return text || undefined;
  }
}

/** Status, headers, body and request id of a response, as every error built from one carries them. */
export function errorInit(response: Response, body: unknown): ApiErrorInit {
  // Headers iterate with lower-case names (the DOM lib of ES2022 does not type it as iterable).
  const headers = Object.fromEntries(response.headers as unknown as Iterable<[string, string]>);
  return { status: response.status, headers, body, requestId: response.headers.get('x-request-id') || undefined };
}

/** `429 Too Many Requests: <the message the body carries>`, in the body shapes APIs commonly use. */
export function statusMessage(response: Response, body: unknown): string {
  const detail = bodyMessage(body);
  return `${response.status} ${response.statusText || 'error'}${detail ? `: ${detail}` : ''}`;
}

/**
 * `{ error: "..." }`, `{ error: { message } }`, `{ message }`, a problem's `{ detail }` (RFC 9457,
 * `application/problem+json`), `{ errors: [{ message }] }` or `[{ detail }]`, else a problem's
 * `{ title }` (the most general: "Validation failed"), or text that is not an HTML page.
 */
function bodyMessage(body: unknown): string | undefined {
  if (typeof body === 'string') return body.trim().startsWith('<') ? undefined : body.slice(0, 200) || undefined;
  const { error, message, detail, title, errors } = (body ?? {}) as { error?: { message?: unknown }; message?: unknown; detail?: unknown; title?: unknown; errors?: { message?: unknown; detail?: unknown }[] };
  const first = Array.isArray(errors) ? errors[0] : undefined;
  return [error, error?.message, message, detail, first?.message, first?.detail, title].find((found): found is string => typeof found === 'string');
}
