import { isObject, own, ownObject, ownString, type JsonObject } from '../json.ts';
import { namesSchema } from '../openapi/components.ts';
import { parsePointer, resolvePointer } from '../pointer.ts';
import { mapDocumentSchemas } from '../schema-walk.ts';

/**
 * A discriminator whose mapping has an entry whose reference names no schema of the document (an
 * external file, a pointer to nothing: the select stage warned, OM215) loses its mapping, which
 * `explicitMappings` may then make from the members' values: the entries left would give the other
 * members their schema's name as the value (openapi-typescript's rule), which the members' own
 * values may contradict. A bare name (no `/`) is a schema's name, not a reference.
 */
export function namedMappings(document: JsonObject): JsonObject {
  return mapDocumentSchemas(document, (schema) => {
    const discriminator = ownObject(schema, 'discriminator');
    const mapping = discriminator ? ownObject(discriminator, 'mapping') : undefined;
    if (!discriminator || !mapping) return schema;
    const named = Object.values(mapping).every((value) => typeof value !== 'string' || !value.includes('/') || namesSchema(document, parsePointer(value)));
    if (named) return schema;
    const { mapping: _unreliable, ...rest } = discriminator;
    return { ...schema, discriminator: rest };
  });
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
export function explicitMappings(document: JsonObject): JsonObject {
  return mapDocumentSchemas(document, (schema) => {
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
        Object.defineProperty(mapping, value, { value: ref, enumerable: true, writable: true, configurable: true });
      }
    }
    if (complete) return { ...schema, discriminator: { ...discriminator, mapping } };
    if (!contradicted) return schema;
    const { discriminator: _dropped, ...rest } = schema;
    return rest;
  });
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
