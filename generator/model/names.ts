import { compareStrings } from '../json.ts';
import { NameRegistry, sanitizeIdentifier } from '../naming/identifier.ts';
import type { NamingResolver } from '../naming/resolver.ts';
import type { RenameModel } from './types.ts';

/**
 * Names the generated package's index exports besides model types and API classes (the default
 * runtime's errors and options, and openapi-typescript's roots). A schema with one of these names
 * gets a suffix instead of shadowing it.
 */
export const runtimeExportNames: readonly string[] = [
  'ApiError', 'BadRequestError', 'AuthenticationError', 'PermissionDeniedError', 'NotFoundError', 'ConflictError',
  'UnprocessableEntityError', 'RateLimitError', 'InternalServerError', 'ConnectionError', 'TimeoutError',
  'InvalidResponseError', 'ClientOptions', 'RequestOptions', 'ApiResponse', 'ApiPromise', 'ApiKeySource', 'ResponseValidator',
  'AuthOptions', 'BasicCredentials', 'Credential', 'ErrorWith', 'OtherError', 'StatusRange', 'AnyStatus',
  'paths', 'components',
  'operations', 'webhooks', '$defs',
];

/**
 * openapi-typescript's read/write views, which the index exports and the models and API classes
 * import when the types are marked (openapi/read-write-markers.ts): reserved then only, so a
 * document without markers keeps a schema of that name as it was.
 */
export const readWriteViewNames: readonly string[] = ['Readable', 'Writable'];

export interface ResolvedNames {
  /** Component schema name -> type name. */
  readonly types: ReadonlyMap<string, string>;
  /** Tag -> class name. */
  readonly classes: ReadonlyMap<string, string>;
  /** Operation pointer -> method name (unique within its class). */
  readonly methods: ReadonlyMap<string, string>;
  readonly renames: readonly RenameModel[];
}

interface NamedOperation {
  readonly pointer: string;
  readonly operationId: string;
  readonly method: string;
  readonly path: string;
  readonly tag: string;
}

/**
 * Resolves every name of the package once: the resolver proposes, this makes each proposal a
 * valid identifier and unique in its namespace. Inputs are sorted first, so suffixes are stable
 * whatever order the spec lists things in. Classes and types share the index's namespace, in
 * which names that differ only in case count as the same.
 */
export function resolveNames(operations: readonly NamedOperation[], schemaNames: readonly string[], naming: NamingResolver, reserved: readonly string[] = []): ResolvedNames {
  const renames: RenameModel[] = [];
  // Each class and type is also a page (`docs/<Name>.md`): `TimeSeries` and `Timeseries` would be one file on macOS.
  const exported = new NameRegistry([...runtimeExportNames, ...reserved], { ignoreCase: true });

  const classes = new Map<string, string>();
  for (const tag of [...new Set(operations.map((op) => op.tag))].sort(compareStrings)) {
    const proposed = naming.className(tag);
    const safe = sanitizeIdentifier(proposed, 'Api');
    // Each class also exports `<Class>Errors` (its methods' declared error types): claimed with it.
    const name = exported.claim(safe, (candidate) => [`${candidate}Errors`]);
    classes.set(tag, name);
    if (name !== proposed) renames.push({ kind: 'class', from: tag, to: name, reason: reasonFor(proposed, safe) });
  }

  const types = new Map<string, string>();
  for (const schemaName of [...schemaNames].sort(compareStrings)) {
    const proposed = naming.typeName(schemaName);
    const safe = sanitizeIdentifier(proposed, 'Model');
    const name = exported.claim(safe);
    types.set(schemaName, name);
    if (name !== schemaName) renames.push({ kind: 'type', from: schemaName, to: name, reason: name === proposed ? 'naming rule' : reasonFor(proposed, safe) });
  }

  const methods = new Map<string, string>();
  const perClass = new Map<string, NameRegistry>();
  const ordered = [...operations].sort((a, b) => compareStrings(a.operationId, b.operationId) || compareStrings(a.pointer, b.pointer));
  for (const op of ordered) {
    const registry = perClass.get(op.tag) ?? new NameRegistry(['constructor', 'isError']);
    perClass.set(op.tag, registry);
    const proposed = naming.methodName(op);
    const safe = sanitizeIdentifier(proposed, 'call');
    const name = registry.claim(safe);
    methods.set(op.pointer, name);
    if (name !== proposed) renames.push({ kind: 'method', from: op.operationId, to: name, reason: reasonFor(proposed, safe) });
  }
  return { types, classes, methods, renames: renames.sort((a, b) => compareStrings(a.kind, b.kind) || compareStrings(a.from, b.from)) };
}

/** Why the resolver's proposal was not used as is (`name !== proposed` already holds), given its sanitized form. */
function reasonFor(proposed: string, safe: string): string {
  return safe === proposed ? `"${proposed}" was already taken` : `"${proposed}" is not a usable identifier`;
}
