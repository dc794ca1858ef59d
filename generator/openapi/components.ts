import { ownObject, type JsonObject } from '../json.ts';
import { parsePointer, resolvePointer } from '../pointer.ts';

/** The component types of an OpenAPI document, in the order the specification lists them. */
export const componentTypes = [
  'schemas',
  'responses',
  'parameters',
  'examples',
  'requestBodies',
  'headers',
  'securitySchemes',
  'links',
  'callbacks',
  'pathItems',
] as const;
export type ComponentType = (typeof componentTypes)[number];

export function isComponentType(value: string | undefined): value is ComponentType {
  return (componentTypes as readonly (string | undefined)[]).includes(value);
}

/** The name of the component schema a reference names (`#/components/schemas/<name>`), if it names one. */
export function schemaName(ref: unknown): string | undefined {
  const segments = typeof ref === 'string' ? parsePointer(ref) : undefined;
  return segments?.length === 3 && segments[0] === 'components' && segments[1] === 'schemas' ? segments[2] : undefined;
}

/** The document's `#/components/schemas`, when it has one. */
export function componentSchemas(document: JsonObject): JsonObject | undefined {
  const components = ownObject(document, 'components');
  return components && ownObject(components, 'schemas');
}

/** Whether a reference names a schema the document's `#/components/schemas` has. */
export function namesSchema(document: JsonObject, ref: unknown): boolean {
  const name = schemaName(ref);
  return name !== undefined && resolvePointer(document, ['components', 'schemas', name]) !== undefined;
}
