import type { JsonObject } from '../json.ts';
import { resolvePointer } from '../pointer.ts';

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

/** Whether a reference's segments (`parsePointer`'s) name a schema of the document's `#/components/schemas`. */
export function namesSchema(document: JsonObject, segments: readonly string[] | undefined): boolean {
  return segments?.length === 3 && segments[0] === 'components' && segments[1] === 'schemas' && resolvePointer(document, segments) !== undefined;
}
