import { isObject, own, type JsonObject } from '../json.ts';
import { childPointer, parsePointer } from '../pointer.ts';

/** A reference found in a spec: the `$ref` string (or discriminator mapping value) and where it sits. */
export interface RefSite {
  readonly ref: string;
  /** Pointer of the `$ref` member (or mapping entry) itself. */
  readonly at: string;
}

/** Keys whose values are free-form data in every OpenAPI object: a `$ref` inside them is not a reference. */
const DATA_KEYS = new Set(['example', 'default', 'enum', 'const']);

/** Keys whose values are maps from user-chosen names to objects; names there are never keywords. */
const NAME_MAPS = new Set([
  'properties',
  'patternProperties',
  '$defs',
  'definitions',
  'dependentSchemas',
  'schemas',
  'responses',
  'parameters',
  'headers',
  'content',
  'callbacks',
  'links',
  'securitySchemes',
  'requestBodies',
  'pathItems',
  'encoding',
  'variables',
  'examples',
]);

/**
 * Lists the references inside `node`: `$ref` members, and discriminator `mapping` values (which
 * are references written as plain strings). Skips data (examples, defaults, enums, consts) and
 * vendor extensions, where a `$ref` key is just data.
 */
export function findRefs(node: unknown, at: string): RefSite[] {
  const found: RefSite[] = [];
  /**
   * `mode` says what `value` is: `node` an ordinary object, `names` a map from user-chosen names,
   * `examples` a map of Example objects, `example` one Example object (its `value` is data).
   */
  const walk = (value: unknown, here: string, mode: 'node' | 'names' | 'examples' | 'example'): void => {
    if (Array.isArray(value)) {
      value.forEach((item, index) => walk(item, childPointer(here, index), 'node'));
      return;
    }
    if (!isObject(value)) return;
    for (const [key, child] of Object.entries(value)) {
      const childAt = childPointer(here, key);
      if (mode === 'names' || mode === 'examples') {
        walk(child, childAt, mode === 'examples' ? 'example' : 'node');
        continue;
      }
      if (key === '$ref' && typeof child === 'string') {
        found.push({ ref: child, at: childAt });
        continue;
      }
      if (DATA_KEYS.has(key) || key.startsWith('x-')) continue;
      if (mode === 'example' && (key === 'value' || key === 'dataValue')) continue;
      if (key === 'examples' && Array.isArray(child)) continue;
      if (key === 'discriminator' && isObject(child)) {
        collectMapping(child, childAt, found);
        continue;
      }
      walk(child, childAt, key === 'examples' ? 'examples' : NAME_MAPS.has(key) ? 'names' : 'node');
    }
  };
  walk(node, at, isExampleComponent(at) ? 'example' : 'node');
  return found;
}

/** `#/components/examples/<name>`: an Example object reached on its own (through a `$ref`). */
function isExampleComponent(at: string): boolean {
  const segments = parsePointer(at);
  return segments?.length === 3 && segments[0] === 'components' && segments[1] === 'examples';
}

function collectMapping(discriminator: JsonObject, at: string, found: RefSite[]): void {
  const mapping = own(discriminator, 'mapping');
  if (!isObject(mapping)) return;
  for (const [key, value] of Object.entries(mapping)) {
    if (typeof value === 'string' && value.includes('/')) found.push({ ref: value, at: childPointer(at, 'mapping', key) });
  }
}
