import { canonicalJson, compareStrings, isObject, own, ownObject, type JsonObject } from '../json.ts';
import { childPointer, pointer } from '../pointer.ts';
import { compareAnnotations, differs, keyed, pointerOf } from './annotations.ts';
import { compareArguments } from './compare-arguments.ts';
import { compareRequestBody, compareResponses } from './compare-body.ts';
import { compareParameters } from './compare-parameters.ts';
import type { DiffContext } from './context.ts';
import { operationLabel, routeTemplate, type OperationPair, type SideOperation } from './match-operations.ts';
import { defaultBaseUrlOf } from '../openapi/default-base-url.ts';
import { followRef } from '../openapi/follow-ref.ts';
import { pascalCase } from '../naming/words.ts';
import type { OperationRef, Place } from './sink.ts';

/** One matched, added or removed operation. */
export function compareOperation(ctx: DiffContext, pair: OperationPair): void {
  const { old, new: next } = pair;
  const subject = next ?? old!;
  const operation: OperationRef = { label: operationLabel(subject), operationId: subject.operationId ?? null };
  const place: Place = { operation, direction: 'both', prefix: 'operation', path: [] };
  if (!old || !next) {
    const missingIn = old ? ctx.new : ctx.old;
    const nearest = isObject(own(ownObject(missingIn, 'paths') ?? {}, subject.path)) ? pointer('paths', subject.path) : '#/paths';
    if (old) ctx.sink.add('operation-removed', place, { old: old.pointer, new: nearest }, {}, { old: old.operation });
    else ctx.sink.add('operation-added', place, { old: nearest, new: subject.pointer }, {}, { new: subject.operation });
    return;
  }
  const at = { old: old.pointer, new: next.pointer };
  if (routeTemplate(old.path) !== routeTemplate(next.path)) {
    ctx.sink.add('operation-path-changed', place, at, { from: old.path, to: next.path });
  } else if (old.path !== next.path) {
    const names = (path: string) => [...path.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]!);
    const [before, after] = [names(old.path), names(next.path)];
    before.forEach((name, i) => {
      if (name !== after[i]) ctx.sink.add('path-parameter-renamed', { ...place, prefix: `parameter path ${after[i]}` }, at, { from: name, to: after[i]! });
    });
  }
  if (old.method !== next.method) ctx.sink.add('operation-method-changed', place, at, { from: old.method.toUpperCase(), to: next.method.toUpperCase() });
  if (old.operationId !== next.operationId) ctx.sink.add('operation-id-changed', place, { old: childPointer(old.pointer, 'operationId'), new: childPointer(next.pointer, 'operationId') }, { from: old.operationId ?? 'none', to: next.operationId ?? 'none' });

  const a = keyed(old.operation, old.pointer);
  const b = keyed(next.operation, next.pointer);
  const [tagsBefore, tagsAfter] = [own(a.keywords, 'tags'), own(b.keywords, 'tags')];
  if (differs(tagsBefore, tagsAfter)) {
    // The default templates make a class of an operation's first tag: another first tag moves its method.
    const kind = classKey(tagsBefore) === classKey(tagsAfter) ? 'operation-tags-changed' : 'operation-class-changed';
    ctx.sink.add(kind, place, { old: pointerOf(a, 'tags'), new: pointerOf(b, 'tags') }, { from: describeList(tagsBefore), to: describeList(tagsAfter) });
  }
  compareAnnotations(ctx.sink, place, a, b, ['summary', 'description', 'externalDocs']);
  compareServers(ctx, place, old, next);
  compareSecurity(ctx, place, old, next);
  compareParameters(ctx, place, old, next, a, b);
  compareRequestBody(ctx, place, a, b);
  compareArguments(ctx, place, old, next);
  compareResponses(ctx, place, a, b);
}

/** The class an operation's tags give it, as the default naming spells it (`pets` and `Pets` are one class, `petStore` and `petstore` are not): its first tag's, else `default`'s. */
function classKey(tags: unknown): string {
  const first = Array.isArray(tags) && typeof tags[0] === 'string' ? tags[0] : 'default';
  return pascalCase(first);
}

function describeList(value: unknown): string {
  return Array.isArray(value) && value.length > 0 ? `[${value.map(String).join(', ')}]` : 'none';
}

/** The servers that apply to an operation: its own, else its path item's, else the document's. */
function effectiveServers(document: JsonObject, operation: SideOperation): { urls: string[]; at: string } {
  for (const [holder, at] of [
    [operation.operation, operation.pointer],
    [operation.pathItem, pointer('paths', operation.path)],
    [document, '#'],
  ] as const) {
    const servers = own(holder, 'servers');
    if (Array.isArray(servers)) return { urls: servers.map(serverText), at: childPointer(at, 'servers') };
  }
  return { urls: [], at: '#/servers' };
}

/**
 * A server's URL with its variables' defaults filled in (RFC 6570 level 1, as the client's default
 * base URL is made): `https://{region}.api.test` with `region: eu` is `https://eu.api.test`, so a
 * new default is a change, and the order of the variables or one the URL does not use is none.
 */
function serverText(server: unknown): string {
  if (!isObject(server)) return '';
  const variables = ownObject(server, 'variables') ?? {};
  return String(own(server, 'url')).replace(/\{([^{}]+)\}/g, (whole, name: string) => {
    const variable = Object.hasOwn(variables, name) ? own(variables, name) : undefined;
    const value = isObject(variable) ? own(variable, 'default') : undefined;
    return typeof value === 'string' || typeof value === 'number' ? String(value) : whole;
  });
}

function compareServers(ctx: DiffContext, place: Place, old: SideOperation, next: SideOperation): void {
  const before = effectiveServers(ctx.old, old);
  const after = effectiveServers(ctx.new, next);
  if (!differs(before.urls, after.urls)) return;
  // What the client's default base URL is on each side, as the templates make it (a review found "may differ" where it did).
  const [was, now] = [defaultBaseUrlOf(before.urls), defaultBaseUrlOf(after.urls)];
  const effect = was === now ? (now === undefined ? 'the client has no default base URL on either side' : `the default base URL stays ${now}`) : `the default base URL changes from ${was ?? 'none'} to ${now ?? 'none'}`;
  ctx.sink.add('servers-changed', place, { old: before.at, new: after.at }, { from: describeList(before.urls), to: describeList(after.urls), effect });
}

/** Security requirements as sorted alternatives, each a sorted list of `scheme[scopes]`. */
function effectiveSecurity(document: JsonObject, operation: SideOperation): { alternatives: string[]; schemes: string[]; at: string } {
  const own_ = own(operation.operation, 'security');
  const security = own_ ?? own(document, 'security');
  const at = own_ !== undefined ? childPointer(operation.pointer, 'security') : '#/security';
  const alternatives = (Array.isArray(security) ? security : []).filter(isObject).map((requirement) =>
    Object.entries(requirement)
      .map(([scheme, scopes]) => (Array.isArray(scopes) && scopes.length > 0 ? `${scheme}[${scopes.map(String).sort(compareStrings).join(', ')}]` : scheme))
      .sort(compareStrings)
      .join(' + ') || 'none',
  );
  const schemes = [...new Set((Array.isArray(security) ? security : []).filter(isObject).flatMap((r) => Object.keys(r)))].sort(compareStrings);
  return { alternatives: [...new Set(alternatives)].sort(compareStrings), schemes, at };
}

const SCHEME_KEYS = ['type', 'scheme', 'in', 'name', 'bearerFormat', 'flows', 'openIdConnectUrl'] as const;

/** Who may call the operation and how credentials are sent: any change is breaking. */
function compareSecurity(ctx: DiffContext, place: Place, old: SideOperation, next: SideOperation): void {
  const before = effectiveSecurity(ctx.old, old);
  const after = effectiveSecurity(ctx.new, next);
  const describe = (alternatives: string[]) => (alternatives.length === 0 ? 'none' : alternatives.join(' or '));
  if (canonicalJson(before.alternatives) !== canonicalJson(after.alternatives)) {
    ctx.sink.add('security-changed', place, { old: before.at, new: after.at }, { from: describe(before.alternatives), to: describe(after.alternatives) });
  }
  for (const name of before.schemes.filter((s) => after.schemes.includes(s))) {
    const at = pointer('components', 'securitySchemes', name);
    const a = followRef(ctx.old, { $ref: at }, at);
    const b = followRef(ctx.new, { $ref: at }, at);
    const changed = SCHEME_KEYS.filter((key) => differs(isObject(a.value) ? own(a.value, key) : undefined, isObject(b.value) ? own(b.value, key) : undefined));
    if (changed.length > 0) ctx.sink.add('security-scheme-changed', { ...place, prefix: `security scheme ${name}` }, { old: a.pointer, new: b.pointer }, { name, what: changed.join(', ') });
    compareAnnotations(ctx.sink, { ...place, prefix: `security scheme ${name}` }, keyed(a.value, a.pointer), keyed(b.value, b.pointer), ['description']);
  }
}

const INFO_KEYS = ['title', 'summary', 'description', 'version', 'termsOfService', 'contact', 'license'] as const;

/** The document's `info`: documentation only. */
export function compareInfo(ctx: DiffContext): void {
  const a = own(ctx.old, 'info');
  const b = own(ctx.new, 'info');
  const changed = INFO_KEYS.filter((key) => differs(isObject(a) ? own(a, key) : undefined, isObject(b) ? own(b, key) : undefined));
  if (changed.length === 0) return;
  ctx.sink.add('info-changed', { operation: null, direction: 'both', prefix: 'info', path: [] }, { old: '#/info', new: '#/info' }, { what: changed.join(', ') });
}
