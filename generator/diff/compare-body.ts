import { canonicalJson, isObject, own, ownObject } from '../json.ts';
import { childPointer } from '../pointer.ts';
import { compareAnnotations, keyed, pointerOf, type Keyed } from './annotations.ts';
import { compareContent } from './compare-content.ts';
import type { DiffContext } from './context.ts';
import { followRef } from '../openapi/follow-ref.ts';
import { mediaTypeEssence, readMediaType } from './serialization.ts';
import type { Place } from './sink.ts';

function resolvedKeyed(document: Parameters<typeof followRef>[0], value: unknown, at: string): Keyed | undefined {
  if (value === undefined) return undefined;
  const resolved = followRef(document, value, at);
  return keyed(resolved.value, resolved.pointer);
}

/** The request body: added, removed, required or not, and its content. */
export function compareRequestBody(ctx: DiffContext, place: Place, old: Keyed, next: Keyed): void {
  const before = resolvedKeyed(ctx.old, own(old.keywords, 'requestBody'), old.keyAt('requestBody'));
  const after = resolvedKeyed(ctx.new, own(next.keywords, 'requestBody'), next.keyAt('requestBody'));
  const here: Place = { ...place, prefix: 'request body' };
  if (!before && !after) return;
  if (!before && after) {
    const required = own(after.keywords, 'required') === true;
    ctx.sink.add(required ? 'request-body-added-required' : 'request-body-added', here, { old: old.pointer, new: after.pointer }, {}, { new: after.keywords });
    return;
  }
  if (before && !after) {
    ctx.sink.add('request-body-removed', here, { old: before.pointer, new: next.pointer }, {}, { old: before.keywords });
    return;
  }
  const a = before!;
  const b = after!;
  const wasRequired = own(a.keywords, 'required') === true;
  const isRequired = own(b.keywords, 'required') === true;
  if (wasRequired !== isRequired) {
    ctx.sink.add(isRequired ? 'request-body-became-required' : 'request-body-became-optional', here, { old: pointerOf(a, 'required'), new: pointerOf(b, 'required') });
  }
  compareAnnotations(ctx.sink, here, a, b, ['description']);
  compareContent(ctx, here, 'request', a, b);
}

const isSuccess = (status: string): boolean => status.startsWith('2');

/** What a method reads from a response, for comparing two of them: the schema of the media type it reads (as written, a `$ref` by its target), or none. */
function readBody(document: DiffContext['old'], response: unknown): string {
  const resolved = followRef(document, response, '').value;
  const content = (isObject(resolved) ? ownObject(resolved, 'content') : undefined) ?? {};
  const mediaType = readMediaType(Object.keys(content));
  return mediaType === undefined ? 'none' : `${mediaTypeEssence(mediaType)} ${canonicalJson(own(ownObject(content, mediaType) ?? {}, 'schema') ?? null)}`;
}

/**
 * Responses by status. A success status that changed (`200` -> `201`, one removed and one added)
 * is paired so its body is still compared; any other added or removed success response changes
 * what the client gets back.
 */
export function compareResponses(ctx: DiffContext, place: Place, old: Keyed, next: Keyed): void {
  const before = ownObject(old.keywords, 'responses') ?? {};
  const after = ownObject(next.keywords, 'responses') ?? {};
  const oldCodes = Object.keys(before);
  const newCodes = Object.keys(after);
  const removed = oldCodes.filter((code) => !newCodes.includes(code));
  const added = newCodes.filter((code) => !oldCodes.includes(code));
  const pairs: [string, string][] = oldCodes.filter((code) => newCodes.includes(code)).map((code) => [code, code]);
  const removedSuccess = removed.filter(isSuccess);
  const addedSuccess = added.filter(isSuccess);
  if (removedSuccess.length === 1 && addedSuccess.length === 1) {
    const [from, to] = [removedSuccess[0]!, addedSuccess[0]!];
    ctx.sink.add('response-success-status-changed', { ...place, prefix: `response ${to}` }, { old: childPointer(old.keyAt('responses'), from), new: childPointer(next.keyAt('responses'), to) }, { from, to });
    pairs.push([from, to]);
  }
  const paired = new Set(pairs.flat());
  for (const code of removed.filter((c) => !paired.has(c))) {
    // An error that declared no content types no body: a status check still compiles without it (GitHub's 409 of a custom property).
    const kind = isSuccess(code) ? 'response-success-status-removed' : readBody(ctx.old, own(before, code)) !== 'none' ? 'response-error-status-removed' : 'response-error-status-removed-untyped';
    ctx.sink.add(kind, { ...place, prefix: `response ${code}` }, { old: childPointer(old.keyAt('responses'), code), new: pointerOf(next, 'responses') }, { name: code }, { old: own(before, code) });
  }
  // A success response whose body is one the method already returns adds nothing to its result type.
  const returned = new Map(oldCodes.filter(isSuccess).map((code) => [readBody(ctx.old, own(before, code)), code]));
  for (const code of added.filter((c) => !paired.has(c))) {
    const like = isSuccess(code) ? returned.get(readBody(ctx.new, own(after, code))) : undefined;
    const kind = !isSuccess(code) ? 'response-error-status-added' : like !== undefined ? 'response-success-status-added-same-body' : 'response-success-status-added';
    ctx.sink.add(kind, { ...place, prefix: `response ${code}` }, { old: pointerOf(old, 'responses'), new: childPointer(next.keyAt('responses'), code) }, { name: code, ...(like !== undefined ? { like } : {}) }, { new: own(after, code) });
  }
  for (const [from, to] of pairs) {
    const a = resolvedKeyed(ctx.old, own(before, from), childPointer(old.keyAt('responses'), from))!;
    const b = resolvedKeyed(ctx.new, own(after, to), childPointer(next.keyAt('responses'), to))!;
    const here: Place = { ...place, prefix: `response ${to}` };
    compareAnnotations(ctx.sink, here, a, b, ['description']);
    compareContent(ctx, here, 'response', a, b);
  }
}
