import { isObject, own, ownObject, ownString, setOwn, type JsonObject } from '../json.ts';
import { followRef } from './follow-ref.ts';
import { walkOperations, type OperationEntry } from './operations.ts';

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
      const key = isObject(scheme) ? credentialKey(ownString(scheme, 'type'), ownString(scheme, 'in'), ownString(scheme, 'name')) : undefined;
      if (key !== undefined) supplied.add(key);
    }
  }
  return supplied;
}

/**
 * Where a security scheme puts its credential, as a parameter key (`parameterKey`): an API key
 * where its `in` and `name` say, an http, OAuth 2 or OpenID Connect token in the Authorization
 * header; undefined for mutual TLS or an API key that does not say where.
 */
export function credentialKey(type: string | undefined, location: string | undefined, name: string | undefined): string | undefined {
  if (type === 'apiKey') return location !== undefined && name !== undefined ? parameterKey(location, name) : undefined;
  return type === 'http' || type === 'oauth2' || type === 'openIdConnect' ? 'header:authorization' : undefined;
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
 * The document without the supplied parameters (see `suppliedParameters`), for the types stage:
 * the model leaves them out as it reads each operation, and the types must say the same. Copies
 * only what changes (the paths, and each path item and operation that loses a parameter), so the
 * document the model reads keeps every pointer. An operation keeps its other parameters; a path
 * item's parameters, when one of them is supplied to one of its operations, move down into each
 * of its operations (an operation's own parameter of the same name and location wins, as OpenAPI
 * says), so that the other operations keep them.
 */
export function withoutSuppliedParameters(document: JsonObject): JsonObject {
  const paths = ownObject(document, 'paths');
  if (!paths) return document;
  // Which parameter overrides which is by name and location as written (openapi-typescript's
  // rule, and the model's); whether the client sends one itself is case-insensitive for headers.
  // Each parameter's references are followed once (a path item's are asked for by each operation).
  const identities = new Map<unknown, { readonly same: string; readonly supplied: string }>();
  const identity = (parameter: unknown): { readonly same: string; readonly supplied: string } => {
    let found = identities.get(parameter);
    if (!found) {
      const node = followRef(document, parameter, '').value;
      const name = isObject(node) ? ownString(node, 'name') : undefined;
      const location = isObject(node) ? ownString(node, 'in') : undefined;
      found = name === undefined || location === undefined ? { same: '', supplied: '' } : { same: `${location}:${name}`, supplied: parameterKey(location, name) };
      identities.set(parameter, found);
    }
    return found;
  };
  const keyOf = (parameter: unknown): string => identity(parameter).same;
  const suppliedKey = (parameter: unknown): string => identity(parameter).supplied;
  const listOf = (node: JsonObject): unknown[] => {
    const list = own(node, 'parameters');
    return Array.isArray(list) ? list : [];
  };
  const byPath = new Map<string, OperationEntry[]>();
  for (const entry of walkOperations(paths, { pathItem: (item) => (isObject(item) ? item : undefined) })) byPath.set(entry.path, [...(byPath.get(entry.path) ?? []), entry]);
  let changed: JsonObject | undefined;
  for (const [path, entries] of byPath) {
    const { pathItem } = entries[0]!;
    const supplied = new Map(entries.map((entry) => [entry, suppliedParameters(document, operationSecurity(document, entry.operation))]));
    const moved = listOf(pathItem).some((parameter) => entries.some((entry) => supplied.get(entry)!.has(suppliedKey(parameter))));
    let item: JsonObject | undefined;
    for (const entry of entries) {
      const declared = listOf(entry.operation);
      const declaredKeys = new Set(declared.map(keyOf));
      const inherited = moved ? listOf(pathItem).filter((parameter) => !declaredKeys.has(keyOf(parameter))) : [];
      const kept = [...inherited, ...declared].filter((parameter) => !supplied.get(entry)!.has(suppliedKey(parameter)));
      if (kept.length === declared.length && inherited.length === 0) continue;
      item ??= { ...pathItem };
      setOwn(item, entry.method, { ...entry.operation, parameters: kept });
    }
    if (!item) continue;
    // Moved down into every operation above; else the operations that lost one of their own still inherit them.
    if (moved) delete item['parameters'];
    changed ??= { ...paths };
    setOwn(changed, path, item);
  }
  return changed ? { ...document, paths: changed } : document;
}
