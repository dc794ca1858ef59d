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
