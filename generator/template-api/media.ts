import type { MediaTypeModel, SchemaNode } from '../model/types.ts';

/**
 * How a body travels, from its media type (and, for bare strings, its schema):
 * - `json`: `application/json` and `*\/*+json`, and a range (`*\/*`) with a structured schema; a
 *   typed value, JSON on the wire;
 * - `multipart`: `multipart/*`; a typed object sent as FormData (binary fields are Blobs);
 * - `form`: `application/x-www-form-urlencoded`; a typed object sent as URL-encoded pairs;
 * - `text`: `text/*`, `application/sdp`, XML, YAML and other textual types; a string;
 * - `binary`: `application/octet-stream`, images, audio, video, archives, PDFs, and any media
 *   type whose schema is `format: binary`; a Blob.
 */
export type BodyKind = 'json' | 'multipart' | 'form' | 'text' | 'binary';

const JSON_MEDIA = /^application\/([\w.!#$%&'*^`|~-]+\+)?json\s*(;|$)/i;
const TEXT_MEDIA = /^(text\/|application\/(sdp|xml|yaml|x-yaml|javascript|ecmascript|x-ndjson|jsonl|graphql)\b|[^/]+\/[\w.-]+\+(xml|yaml)\b)/i;

/**
 * How a method reads a 2xx body: as its media's `BodyKind`, `none` without content, or `stream`
 * for media that arrive as a stream of events or lines (`text/event-stream`, NDJSON, JSON Lines,
 * JSON text sequences), which the method hands over unread, as they come.
 */
export type ReadKind = BodyKind | 'none' | 'stream';

const STREAM_MEDIA = /^(text\/event-stream|application\/(x-)?(ndjson|jsonl|jsonlines|json-seq))\s*(;|$)/i;

export function readKind(media: MediaTypeModel | undefined): ReadKind {
  if (!media) return 'none';
  return STREAM_MEDIA.test(media.mediaType.trim()) ? 'stream' : bodyKind(media);
}

/** `application/json` or `application/*+json`, parameters aside: JSON whatever the schema says. */
export function isJsonMediaType(mediaType: string): boolean {
  return JSON_MEDIA.test(mediaType.trim());
}

export function bodyKind(media: MediaTypeModel): BodyKind {
  const type = media.mediaType.trim();
  if (isJsonMediaType(type)) return 'json';
  if (/^multipart\//i.test(type)) return 'multipart';
  if (/^application\/x-www-form-urlencoded\b/i.test(type)) return 'form';
  if (isBinarySchema(media.schema)) return 'binary';
  // A plain `type: string` is typed `string` in `paths` whatever the media type (`*/*`,
  // `application/octet-stream`): the method takes what `paths` says, sent as is.
  if (media.schema.kind === 'string') return 'text';
  // A range (`*/*`, `application/*`) with a structured schema (an object, an array, a `$ref`):
  // JSON is the encoding that carries it, so the method takes what `paths` says.
  if (type.includes('*') && media.schema.kind !== 'unknown') return 'json';
  return TEXT_MEDIA.test(type) ? 'text' : 'binary';
}

/**
 * The Content-Type a request is sent with: the body's media type, or, for a range (`*\/*`,
 * `image/*`), a concrete type for its kind; a range is not a media type a server can read.
 */
export function sentContentType(media: MediaTypeModel): string {
  const type = media.mediaType.trim();
  if (!type.includes('*')) return type;
  const kind = bodyKind(media);
  return kind === 'text' ? 'text/plain' : kind === 'json' ? 'application/json' : 'application/octet-stream';
}

/**
 * Whether openapi-fetch types a body under this media type: its `MediaType` is
 * `${string}/${string}`, so under another key (a spec's `applicationjson;version=1`, `textplain`,
 * `*`) its request type has no body at all.
 */
export function typedByOpenapiFetch(media: MediaTypeModel): boolean {
  return media.mediaType.includes('/');
}

/** `type: string` with `format: binary` (3.0's way to say "bytes"; 3.1 allows it too). */
function isBinarySchema(node: SchemaNode): boolean {
  return node.kind === 'string' && node.format === 'binary';
}

/**
 * The media type a method uses when a body or response offers several: the first JSON one, else
 * the first in the spec's order (the spec author's preference).
 */
export function preferredMedia(content: readonly MediaTypeModel[]): MediaTypeModel | undefined {
  return content.find((m) => bodyKind(m) === 'json') ?? content[0];
}
