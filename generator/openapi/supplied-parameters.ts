import { isObject, own, ownObject, ownString, type JsonObject } from '../json.ts';
import { followRef } from './follow-ref.ts';
import { walkOperations } from './operations.ts';

/**
 * Parameters a generated client never asks its caller for, because the client sends them itself:
 * - a header parameter named `Accept` or `Content-Type`, which OpenAPI says "SHALL be ignored" (the
 *   responses' and the request body's media types say them);
 * - a parameter that a security scheme of the operation's requirements puts in the same place:
 *   Trello declares `key` and `token` both as required query parameters and as API key schemes,
 *   and a spec may declare an `Authorization` header beside an `http` or OAuth scheme. The
 *   credential comes from the client's options; asking for it again in every call would send the
 *   caller's value, or two. An `Authorization` header that no scheme of the operation sends stays
 *   a parameter: it is then the only way the spec gives to authenticate.
 * Keys are `location:name`, a header's name in lower case (header names are case-insensitive).
 */
export function suppliedParameters(document: JsonObject, security: unknown): ReadonlySet<string> {
  const supplied = new Set(['header:accept', 'header:content-type']);
  const schemes = ownObject(ownObject(document, 'components') ?? {}, 'securitySchemes') ?? {};
  for (const requirement of Array.isArray(security) ? security : []) {
    if (!isObject(requirement)) continue;
    for (const name of Object.keys(requirement)) {
      const scheme = followRef(document, own(schemes, name), '').value;
      if (!isObject(scheme)) continue;
      const type = ownString(scheme, 'type');
      const location = ownString(scheme, 'in');
      const parameterName = ownString(scheme, 'name');
      if (type === 'apiKey' && location !== undefined && parameterName !== undefined) supplied.add(parameterKey(location, parameterName));
      if (type === 'http' || type === 'oauth2' || type === 'openIdConnect') supplied.add('header:authorization');
    }
  }
  return supplied;
}

/** The security requirements an operation is under: its own `security`, else the document's. */
export function operationSecurity(document: JsonObject, operation: JsonObject): unknown {
  return own(operation, 'security') ?? own(document, 'security');
}

/** `query:key`; a header's name in lower case. */
export function parameterKey(location: string, name: string): string {
  return `${location}:${location === 'header' ? name.toLowerCase() : name}`;
}

/**
 * Removes the supplied parameters (see `suppliedParameters`) from a document the caller owns (the
 * types stage's copy, whose pointers no message reads). An operation keeps its own other
 * parameters; a path item's parameters that one of its operations does not take are moved down
 * into each of its operations (an operation's own parameter of the same name and location wins,
 * as OpenAPI says), so that the other operations keep them.
 */
export function removeSuppliedParameters(document: JsonObject): void {
  const paths = ownObject(document, 'paths') ?? {};
  const entries = walkOperations(paths, { pathItem: (item) => (isObject(item) ? item : undefined) });
  const keyOf = (parameter: unknown): string | undefined => {
    const node = followRef(document, parameter, '').value;
    const name = isObject(node) ? ownString(node, 'name') : undefined;
    const location = isObject(node) ? ownString(node, 'in') : undefined;
    return name === undefined || location === undefined ? undefined : parameterKey(location, name);
  };
  const listOf = (node: JsonObject): unknown[] => {
    const list = own(node, 'parameters');
    return Array.isArray(list) ? list : [];
  };
  const moved = new Set<JsonObject>();
  for (const entry of entries) {
    const supplied = suppliedParameters(document, operationSecurity(document, entry.operation));
    const shared = listOf(entry.pathItem);
    if (!moved.has(entry.pathItem) && shared.some((parameter) => supplied.has(keyOf(parameter) ?? ''))) moved.add(entry.pathItem);
  }
  for (const entry of entries) {
    const supplied = suppliedParameters(document, operationSecurity(document, entry.operation));
    const declared = listOf(entry.operation);
    const declaredKeys = new Set(declared.map(keyOf));
    const inherited = moved.has(entry.pathItem) ? listOf(entry.pathItem).filter((parameter) => !declaredKeys.has(keyOf(parameter))) : [];
    const kept = [...inherited, ...declared].filter((parameter) => !supplied.has(keyOf(parameter) ?? ''));
    if (kept.length !== declared.length || inherited.length > 0) entry.operation['parameters'] = kept;
  }
  for (const pathItem of moved) delete pathItem['parameters'];
}
