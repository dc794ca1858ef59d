import { isObject, own, ownObject, ownString, type JsonObject } from '../json.ts';
import { parsePointer, resolvePointer } from '../pointer.ts';
import { mapDocumentSchemas } from '../schema-walk.ts';

/**
 * A `discriminator` without a `mapping` means, by the OpenAPI rules, that each variant's value is
 * its schema's name (`type: "FunctionTool"`), and openapi-typescript types it so. Upstream writes
 * such discriminators over variants whose property is a constant of their own (`type: "function"`),
 * which is what the server sends and expects. When every `$ref` variant has such a constant (a
 * `const` or a one-value `enum`), the mapping is made explicit from those constants; otherwise
 * (a variant without one, or an inline variant) the discriminator is left as written.
 */
export function explicitMappings(document: JsonObject): JsonObject {
  return mapDocumentSchemas(document, (schema) => {
    const discriminator = ownObject(schema, 'discriminator');
    const property = discriminator ? ownString(discriminator, 'propertyName') : undefined;
    if (!discriminator || property === undefined || own(discriminator, 'mapping') !== undefined) return schema;
    const variants = own(schema, 'oneOf') ?? own(schema, 'anyOf');
    if (!Array.isArray(variants) || variants.length === 0) return schema;
    const mapping: Record<string, string> = {};
    for (const variant of variants) {
      const ref = isObject(variant) ? ownString(variant, '$ref') : undefined;
      const value = ref === undefined ? undefined : constantOf(resolvePointer(document, parsePointer(ref) ?? []), property);
      if (ref === undefined || value === undefined || Object.prototype.hasOwnProperty.call(mapping, value)) return schema;
      Object.defineProperty(mapping, value, { value: ref, enumerable: true, writable: true, configurable: true });
    }
    return { ...schema, discriminator: { ...discriminator, mapping } };
  });
}

function constantOf(schema: unknown, property: string): string | undefined {
  const properties = isObject(schema) ? ownObject(schema, 'properties') : undefined;
  const member = properties ? own(properties, property) : undefined;
  if (!isObject(member)) return undefined;
  const constant = own(member, 'const');
  if (typeof constant === 'string') return constant;
  const values = own(member, 'enum');
  return Array.isArray(values) && values.length === 1 && typeof values[0] === 'string' ? values[0] : undefined;
}
