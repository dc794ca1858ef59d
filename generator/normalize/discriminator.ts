import { isObject, own, ownObject, ownString, setOwn, type JsonObject } from '../json.ts';
import { namesSchema } from '../openapi/components.ts';
import { parsePointer, resolvePointer } from '../pointer.ts';
import { mapDocumentSchemas } from '../schema-walk.ts';

/**
 * The discriminator rules below, in one walk of the document's schemas (each walk of GitHub's
 * document is about 100 ms): a mapping's entries that name no schema are dropped (`namedMapping`),
 * a mapping is made explicit or a contradicted discriminator dropped (`explicitMapping`), and a lone
 * `allOf` part naming a discriminated union becomes a reference to it (`unionAlias`).
 */
export function discriminatorRules(document: JsonObject): JsonObject {
  const mapped = mappedSchemas(document);
  return mapDocumentSchemas(document, (schema) => unionAlias(explicitMapping(namedMapping(schema, document), document), document, mapped));
}

/** Each rule alone, for its tests. */
export const namedMappings = (document: JsonObject): JsonObject => mapDocumentSchemas(document, (schema) => namedMapping(schema, document));
export const explicitMappings = (document: JsonObject): JsonObject => mapDocumentSchemas(document, (schema) => explicitMapping(schema, document));
export const unionAliases = (document: JsonObject): JsonObject => {
  const mapped = mappedSchemas(document);
  return mapDocumentSchemas(document, (schema) => unionAlias(schema, document, mapped));
};

/**
 * A discriminator mapping's entries whose reference names no component schema of the document (an
 * external file, a pointer to nothing: the select stage warned, OM215) are dropped; the members of
 * its `oneOf`/`anyOf` that no entry left names then get entries from their own values where they
 * have them (as `explicitMappings` makes a whole mapping), since openapi-typescript would give them
 * their schema's name. A bare name (no `/`) is a schema's name, not a reference.
 */
function namedMapping(schema: JsonObject, document: JsonObject): JsonObject {
  const discriminator = ownObject(schema, 'discriminator');
  const mapping = discriminator ? ownObject(discriminator, 'mapping') : undefined;
  const property = discriminator ? ownString(discriminator, 'propertyName') : undefined;
  if (!discriminator || !mapping || property === undefined) return schema;
  const kept = Object.entries(mapping).filter(([, value]) => typeof value !== 'string' || !value.includes('/') || namesSchema(document, value));
  if (kept.length === Object.keys(mapping).length) return schema;
  const named: JsonObject = {};
  for (const [key, value] of kept) setOwn(named, key, value);
  const variants = own(schema, 'oneOf') ?? own(schema, 'anyOf');
  let contradicted = false;
  for (const variant of Array.isArray(variants) ? variants : []) {
    const ref = isObject(variant) ? ownString(variant, '$ref') : undefined;
    if (ref === undefined || kept.some(([, value]) => value === ref)) continue;
    const values = valuesOf(resolveRef(document, variant), property) ?? [];
    const free = values.filter((value) => !Object.hasOwn(named, value));
    for (const value of free) setOwn(named, value, ref);
    // Its values all taken by other members, the name openapi-typescript would give it contradicts them.
    if (values.length > 0 && free.length === 0 && !values.includes(parsePointer(ref)?.at(-1) ?? '')) contradicted = true;
  }
  const { mapping: _all, ...rest } = discriminator;
  if (contradicted) {
    // As `explicitMappings` does: the union stays, and narrows on the members' own values.
    const { discriminator: _dropped, ...union } = schema;
    return union;
  }
  return { ...schema, discriminator: Object.keys(named).length > 0 ? { ...rest, mapping: named } : rest };
}

/** Members beside a lone `allOf` part that say nothing of the value's shape. */
const ANNOTATIONS = new Set(['description', 'title', 'deprecated', 'example', 'examples', 'externalDocs', '$comment']);

/**
 * A schema that is one `allOf` part naming a discriminated union (`PostNotificationRule: { allOf:
 * [NotificationRuleDiscriminator] }`, whose `oneOf` and discriminator list the rules; influxdata.com)
 * is that union: a reference to it (its annotations kept beside). openapi-typescript reads the part as
 * a parent to inherit from instead, and types the schema `{ type: "PostNotificationRule" } &
 * Omit<Slack | SMTP | …, "type">`: a value no member allows, without the members' own properties.
 * Left as written: a union whose members lead to a schema that `allOf`s it (a parent with children,
 * which may be this schema: a reference would be a circular type; see types/union-cycles.ts), and a
 * schema a discriminator mapping names (its value is that mapping's key). A `type: object` beside
 * the part is dropped when every member is a `type: object`; when a member is not, the schema is
 * left as written.
 */
function unionAlias(schema: JsonObject, document: JsonObject, mapped: () => ReadonlySet<unknown>): JsonObject {
  const allOf = own(schema, 'allOf');
  const object = own(schema, 'type') === 'object';
  if (!Array.isArray(allOf) || allOf.length !== 1 || !Object.keys(schema).every((key) => key === 'allOf' || (key === 'type' && object) || ANNOTATIONS.has(key) || key.startsWith('x-'))) return schema;
  const ref = isObject(allOf[0]) && Object.keys(allOf[0]).length === 1 ? ownString(allOf[0], '$ref') : undefined;
  const target = resolveRef(document, allOf[0]);
  if (ref === undefined || !isObject(target) || !ownObject(target, 'discriminator')) return schema;
  const members = own(target, 'oneOf') ?? own(target, 'anyOf');
  if (!Array.isArray(members) || members.length === 0 || mapped().has(schema) || leadsToChild(document, members, ref)) return schema;
  // `type: object` beside the part (3.1 documents often write it) says nothing more when every member is an object.
  const anObject = (member: unknown) => {
    const resolved = resolveRef(document, member);
    return isObject(resolved) && own(resolved, 'type') === 'object';
  };
  if (object && !members.every(anObject)) return schema;
  const { allOf: _part, type: _object, ...annotations } = schema;
  return { $ref: ref, ...annotations };
}

/** Schemas a discriminator mapping names (their value is that mapping's key, not the union's): found when a wrapper is first met. */
function mappedSchemas(document: JsonObject): () => ReadonlySet<unknown> {
  let found: Set<unknown> | undefined;
  return () => {
    if (!found) {
      const mapped = new Set<unknown>();
      mapDocumentSchemas(document, (schema) => {
        const mapping = ownObject(ownObject(schema, 'discriminator') ?? {}, 'mapping');
        for (const value of Object.values(mapping ?? {})) if (typeof value === 'string') mapped.add(resolveRef(document, { $ref: value }));
        return schema;
      });
      found = mapped;
    }
    return found;
  };
}

/** Whether `members`, through references and `allOf` parts, reach a schema whose `allOf` names `ref` (a child of it, this wrapper among them). */
function leadsToChild(document: JsonObject, members: readonly unknown[], ref: string): boolean {
  const seen = new Set<unknown>();
  const stack = members.map((member) => resolveRef(document, member));
  for (let schema = stack.pop(); stack.length > 0 || schema !== undefined; schema = stack.pop()) {
    if (!isObject(schema) || seen.has(schema)) continue;
    seen.add(schema);
    if (namesInAllOf(schema, ref)) return true;
    const allOf = own(schema, 'allOf');
    stack.push(resolveRef(document, schema), ...(Array.isArray(allOf) ? allOf.map((part) => resolveRef(document, part)) : []));
  }
  return false;
}

/** The schema a `{ $ref }` member names, if it is one. */
function resolveRef(document: JsonObject, member: unknown): unknown {
  const ref = isObject(member) ? ownString(member, '$ref') : undefined;
  const segments = ref === undefined ? undefined : parsePointer(ref);
  return segments ? resolvePointer(document, segments) : undefined;
}

/** Whether a schema's `allOf` has a part that is a reference `ref`. */
function namesInAllOf(schema: unknown, ref: string): boolean {
  const allOf = isObject(schema) ? own(schema, 'allOf') : undefined;
  return Array.isArray(allOf) && allOf.some((part) => isObject(part) && own(part, '$ref') === ref);
}

/**
 * A `discriminator` without a `mapping` means, by the OpenAPI rules, that each variant's value is
 * its schema's name (`type: "FunctionTool"`), and openapi-typescript types it so. Upstream writes
 * such discriminators over variants whose property has values of their own (`type: "function"`),
 * which is what the server sends and expects. So:
 * - when every variant is a `$ref` whose property lists its values (a `const` or a string `enum`,
 *   each value naming one variant), the mapping is made explicit from them;
 * - else, when some variant's values do not include its schema name, the implicit mapping
 *   contradicts the variants and the discriminator is dropped: the union stays, and narrows on the
 *   variants' own constants where they have them;
 * - else (no contradiction to see) the discriminator is left as written.
 */
function explicitMapping(schema: JsonObject, document: JsonObject): JsonObject {
  const discriminator = ownObject(schema, 'discriminator');
  const property = discriminator ? ownString(discriminator, 'propertyName') : undefined;
  if (!discriminator || property === undefined || own(discriminator, 'mapping') !== undefined) return schema;
  const variants = own(schema, 'oneOf') ?? own(schema, 'anyOf');
  if (!Array.isArray(variants) || variants.length === 0) return schema;
  const mapping: Record<string, string> = {};
  let complete = true;
  let contradicted = false;
  for (const variant of variants) {
    const ref = isObject(variant) ? ownString(variant, '$ref') : undefined;
    const segments = ref === undefined ? undefined : parsePointer(ref);
    const values = segments ? valuesOf(resolvePointer(document, segments), property) : undefined;
    if (!segments || values === undefined) {
      complete = false;
      continue;
    }
    if (!values.includes(segments.at(-1)!)) contradicted = true;
    for (const value of values) {
      if (Object.prototype.hasOwnProperty.call(mapping, value)) complete = false;
      setOwn(mapping, value, ref);
    }
  }
  if (complete) return { ...schema, discriminator: { ...discriminator, mapping } };
  if (!contradicted) return schema;
  const { discriminator: _dropped, ...rest } = schema;
  return rest;
}

function valuesOf(schema: unknown, property: string): string[] | undefined {
  const properties = isObject(schema) ? ownObject(schema, 'properties') : undefined;
  const member = properties ? own(properties, property) : undefined;
  if (!isObject(member)) return undefined;
  const constant = own(member, 'const');
  if (typeof constant === 'string') return [constant];
  const values = own(member, 'enum');
  return Array.isArray(values) && values.length > 0 && values.every((v): v is string => typeof v === 'string') ? values : undefined;
}
