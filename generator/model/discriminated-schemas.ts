import { isObject, own, ownObject, type JsonObject } from '../json.ts';
import { parsePointer, pointer, resolvePointer } from '../pointer.ts';
import type { SchemaModel } from './types.ts';

type Discriminated = NonNullable<SchemaModel['discriminator']>;

interface Discriminator {
  readonly propertyName: string;
  readonly mapping: ReadonlyMap<string, string>;
}

/** The value sets patched into a component's discriminator property, and how (`type: object` replaces, `allOf` adds a part). */
interface Patched {
  readonly propertyName: string;
  readonly replaces: boolean;
  readonly sets: (readonly string[])[];
}

/**
 * How openapi-typescript's types treat the discriminator property of each component schema, so
 * that an example built from the model type-checks against them. The rules of openapi-typescript
 * 7 (`scanDiscriminators` in its lib/utils, `createDiscriminatorProperty` and the `allOf`
 * handling of its schema transform), on the document the types are made from, walked as it
 * walks it (every object, depth first, keys in order):
 *
 * 1. A `oneOf` beside a discriminator patches each schema it lists by `$ref` (its name) or maps
 *    (the keys naming that exact `$ref`), once per `$ref` text: a `type: object` schema's property
 *    is replaced by an enum of them, an `allOf` schema gets one more part with that enum.
 * 2. A schema whose `allOf` names, before any reference that does not, a schema holding or
 *    inheriting a discriminator inherits it; the parent's mapping keys whose value is exactly its
 *    `$ref` patch it as in 1. Where an `allOf` names a schema holding or inheriting one, the types
 *    leave the property out of that part (`Omit`).
 * 3. A component that inherits one, has no discriminator of its own and was not patched through
 *    its own pointer gets the property as one literal: the mapping key naming it (by `$ref` or by
 *    name), else its name.
 *
 * A patched `allOf` schema allows the values common to all its patches (none when they differ).
 * Not followed yet (their examples may not compile): the literal openapi-typescript also gives an
 * inline `allOf` member of a `oneOf` (its pointer's last segment) and an inline `allOf` part that
 * holds a discriminator (and the `Omit` of that part), a second discriminator property of one
 * schema, and a schema patched through an alias that also inherits one (no value).
 */
export function discriminatedSchemas(document: JsonObject): Map<string, Discriminated> {
  const named = ownObject(ownObject(document, 'components') ?? {}, 'schemas') ?? {};
  const objects = new Map<string, Discriminator>();
  const handled = new Set<string>();
  const patched = new Map<string, Patched>();

  /** openapi-typescript's `patchDiscriminatorEnum`: whether the schema `ref` resolves to takes the values. */
  const patch = (ref: string, values: readonly string[], discriminator: Discriminator): boolean => {
    const { target, name } = resolve(document, ref);
    if (!isObject(target)) return false;
    const replaces = !Array.isArray(own(target, 'allOf'));
    if (replaces && own(target, 'type') !== 'object') return false;
    const entry = name === undefined ? undefined : (patched.get(name) ?? { propertyName: discriminator.propertyName, replaces, sets: [] });
    // One property per schema here: a second discriminator's property name is not followed.
    if (entry && entry.propertyName === discriminator.propertyName) {
      entry.sets.push(values);
      patched.set(name!, entry);
    }
    return true;
  };

  // One walk: each discriminator as met (pass 1), and the schemas with `allOf` in order, for pass 2,
  // which openapi-typescript runs as a second walk (pass 1 changes nothing pass 2 reads).
  const withAllOf: { readonly node: JsonObject; readonly at: string }[] = [];
  walk(document, (node, at) => {
    if (Array.isArray(own(node, 'allOf'))) withAllOf.push({ node, at: at() });
    const discriminator = read(own(node, 'discriminator'));
    if (!discriminator) return;
    objects.set(at(), discriminator);
    const oneOf = own(node, 'oneOf');
    if (!Array.isArray(oneOf)) return;
    const listed = new Map<string, { inferred?: string; defined?: string[] }>();
    for (const item of oneOf) {
      const ref = isObject(item) ? own(item, '$ref') : undefined;
      const inferred = typeof ref === 'string' ? ref.split('/').pop() : undefined;
      if (inferred) listed.set(ref as string, { ...listed.get(ref as string), inferred });
    }
    for (const [key, target] of discriminator.mapping) {
      const entry = listed.get(target);
      if (entry?.defined) entry.defined.push(key);
      else listed.set(target, { defined: [key] });
    }
    for (const [ref, { inferred, defined }] of listed) {
      const values = defined ?? (inferred ? [inferred] : []);
      if (!handled.has(ref) && values.length > 0 && patch(ref, values, discriminator)) handled.add(ref);
    }
  });

  for (const { node, at } of withAllOf) {
    for (const item of own(node, 'allOf') as unknown[]) {
      if (!isObject(item)) continue;
      const parentRef = own(item, '$ref');
      if (parentRef !== undefined) {
        const parent = typeof parentRef === 'string' ? objects.get(parentRef) : undefined;
        if (!parent) break;
        const keys = [...parent.mapping].filter(([, target]) => target === at).map(([key]) => key);
        if (keys.length > 0 && patch(at, keys, parent)) handled.add(at);
        objects.set(at, parent);
      } else {
        const inline = read(own(item, 'discriminator'));
        if (inline) objects.set(at, inline);
      }
    }
  }

  const result = new Map<string, Discriminated>();
  for (const [name, schema] of Object.entries(named)) {
    const at = pointer('components', 'schemas', name);
    const inherited = objects.get(at);
    const fixed = patched.get(name);
    if (fixed) {
      const value = fixed.replaces ? fixed.sets.at(-1)![0] : fixed.sets.reduce((common, set) => common.filter((v) => set.includes(v)))[0];
      result.set(name, { propertyName: fixed.propertyName, ...(value === undefined ? {} : { value }), omitted: inherited !== undefined });
    } else if (inherited) {
      // openapi-typescript asks for `allOf` or `anyOf`; only pass 2, over an `allOf`, gives a component without its own discriminator one.
      const transformed = isObject(schema) && !handled.has(at) && !own(schema, 'discriminator');
      const key = transformed ? [...inherited.mapping].find(([, target]) => (target.startsWith('#') ? parsePointer(target)?.at(-1) === name : target === name))?.[0] : undefined;
      result.set(name, { propertyName: inherited.propertyName, ...(transformed ? { value: key ?? name } : {}), omitted: true });
    }
  }
  return result;
}

/**
 * openapi-typescript's `walk`: every object of a JSON value, depth first, keys in order; `at()`
 * is its pointer, made only when asked (GitHub's document has about 80,000 objects).
 */
function walk(root: unknown, visit: (node: JsonObject, at: () => string) => void): void {
  const segments: string[] = [];
  const at = () => pointer(...segments);
  const enter = (node: unknown, segment: string): void => {
    if (typeof node !== 'object' || node === null) return;
    segments.push(segment);
    step(node);
    segments.pop();
  };
  const step = (node: object): void => {
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) enter(node[i], String(i));
    } else if (isObject(node)) {
      visit(node, at);
      for (const key of Object.keys(node)) enter(node[key], key);
    }
  };
  if (typeof root === 'object' && root !== null) step(root);
}

function read(value: unknown): Discriminator | undefined {
  const propertyName = isObject(value) ? own(value, 'propertyName') : undefined;
  if (typeof propertyName !== 'string' || propertyName === '') return undefined;
  const raw = own(value as JsonObject, 'mapping');
  const mapping = new Map<string, string>();
  if (isObject(raw)) for (const [key, target] of Object.entries(raw)) if (typeof target === 'string' && target !== '') mapping.set(key, target);
  return { propertyName, mapping };
}

/** openapi-typescript's `resolveRef`: the schema `ref` points at, through `$ref` chains, and its component name when it is one. */
function resolve(document: JsonObject, ref: string): { target: unknown; name?: string } {
  const seen = new Set<string>();
  let current = ref;
  for (;;) {
    const segments = parsePointer(current);
    if (segments === undefined || segments.length === 0 || seen.has(current)) return { target: undefined };
    seen.add(current);
    const target = resolvePointer(document, segments);
    const next = isObject(target) ? own(target, '$ref') : undefined;
    if (typeof next !== 'string') {
      const component = segments.length === 3 && segments[0] === 'components' && segments[1] === 'schemas';
      return { target, ...(component ? { name: segments[2]! } : {}) };
    }
    current = next;
  }
}
