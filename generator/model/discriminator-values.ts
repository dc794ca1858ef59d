import { isObject, own, ownObject, ownString, type JsonObject } from '../json.ts';
import { parsePointer, pointer } from '../pointer.ts';

/** A schema object that holds a `discriminator`, where the model met it. */
export interface DiscriminatorHolder {
  readonly at: string;
  readonly schema: JsonObject;
}

/** The value the generated types fix for a component schema's discriminator property. */
export interface FixedDiscriminator {
  readonly propertyName: string;
  readonly value: string;
}

interface Discriminator {
  readonly propertyName: string;
  readonly mapping: ReadonlyMap<string, string>;
}

/**
 * Which component schemas the generated types give a literal discriminator value, and which: the
 * rules of openapi-typescript, which writes the types (its `scanDiscriminators` and
 * `createDiscriminatorProperty`), so that an example built from the model type-checks against them.
 *
 * 1. A `oneOf` beside a discriminator fixes each schema it lists (by `$ref`) or maps: to the mapping
 *    keys naming it, else to the schema's name. Only a schema with `allOf` or `type: object` takes
 *    it, and the first such `oneOf` met wins.
 * 2. A component whose `allOf` names (first) a schema that holds or inherits a discriminator inherits
 *    it: fixed to the mapping keys whose value is exactly its `$ref`, as in 1; otherwise, when it has
 *    `allOf` or `anyOf` and no discriminator of its own, to the mapping key that names it (by `$ref`
 *    or by name), else to its name.
 *
 * `holders` are the schemas with a discriminator in the order the model met them (operations, then
 * components, as openapi-typescript walks a document's paths before its components).
 */
export function discriminatorValues(document: JsonObject, holders: readonly DiscriminatorHolder[]): Map<string, FixedDiscriminator> {
  const named = ownObject(ownObject(document, 'components') ?? {}, 'schemas') ?? {};
  const objects = new Map<string, Discriminator>();
  const fixed = new Map<string, FixedDiscriminator>();

  /** Fixes the schema `ref` names (through `$ref` aliases), unless fixed before, when it is a component with `allOf` or `type: object`. */
  const fix = (ref: string, values: readonly string[], discriminator: Discriminator): void => {
    const name = componentName(named, ref);
    const target = name === undefined ? undefined : named[name];
    if (fixed.has(name!) || !isObject(target) || !(Array.isArray(own(target, 'allOf')) || own(target, 'type') === 'object')) return;
    fixed.set(name!, { propertyName: discriminator.propertyName, value: values[0]! });
  };

  for (const { at, schema } of holders) {
    const discriminator = read(own(schema, 'discriminator'));
    if (!discriminator) continue;
    objects.set(at, discriminator);
    const oneOf = own(schema, 'oneOf');
    if (!Array.isArray(oneOf)) continue;
    const listed = new Map<string, { inferred?: string; defined?: string[] }>();
    for (const item of oneOf) {
      const ref = isObject(item) ? ownString(item, '$ref') : undefined;
      const inferred = ref?.split('/').pop();
      if (ref !== undefined && inferred) listed.set(ref, { ...listed.get(ref), inferred });
    }
    for (const [key, target] of discriminator.mapping) {
      const entry = listed.get(target);
      if (entry?.defined) entry.defined.push(key);
      else listed.set(target, { defined: [key] });
    }
    for (const [ref, { inferred, defined }] of listed) {
      const values = defined ?? (inferred ? [inferred] : []);
      if (values.length > 0) fix(ref, values, discriminator);
    }
  }

  for (const [name, schema] of Object.entries(named)) {
    const allOf = isObject(schema) ? own(schema, 'allOf') : undefined;
    if (!Array.isArray(allOf)) continue;
    const ref = pointer('components', 'schemas', name);
    for (const item of allOf) {
      const parentRef = isObject(item) ? ownString(item, '$ref') : undefined;
      if (parentRef !== undefined) {
        const parent = objects.get(parentRef);
        if (!parent) break;
        const keys = [...parent.mapping].filter(([, target]) => target === ref).map(([key]) => key);
        if (keys.length > 0) fix(ref, keys, parent);
        objects.set(ref, parent);
      } else {
        const own = isObject(item) ? read(item['discriminator']) : undefined;
        if (own) objects.set(ref, own);
      }
    }
  }

  for (const [name, schema] of Object.entries(named)) {
    const ref = pointer('components', 'schemas', name);
    const inherited = objects.get(ref);
    // (Only pass 2 gives a component one, and only one with `allOf`: openapi-typescript's `allOf` or `anyOf` condition holds.)
    if (!inherited || fixed.has(name) || !isObject(schema) || own(schema, 'discriminator') !== undefined) continue;
    const key = [...inherited.mapping].find(([, target]) => (target.startsWith('#') ? parsePointer(target)?.at(-1) === name : target === name))?.[0];
    fixed.set(name, { propertyName: inherited.propertyName, value: key ?? name });
  }
  return fixed;
}

function read(value: unknown): Discriminator | undefined {
  if (!isObject(value) || typeof value['propertyName'] !== 'string' || value['propertyName'] === '') return undefined;
  const raw = own(value, 'mapping');
  const mapping = new Map<string, string>();
  if (isObject(raw)) for (const [key, target] of Object.entries(raw)) if (typeof target === 'string') mapping.set(key, target);
  return { propertyName: value['propertyName'], mapping };
}

/** The component schema a `$ref` names, through `$ref` aliases between components (maybe none of that name); undefined elsewhere or in a loop. */
function componentName(named: JsonObject, ref: string): string | undefined {
  const seen = new Set<string>();
  let current = ref;
  for (;;) {
    const segments = parsePointer(current);
    if (segments?.length !== 3 || segments[0] !== 'components' || segments[1] !== 'schemas' || seen.has(current)) return undefined;
    seen.add(current);
    const name = segments[2]!;
    const target = own(named, name);
    const next = isObject(target) ? ownString(target, '$ref') : undefined;
    if (next === undefined) return name;
    current = next;
  }
}
