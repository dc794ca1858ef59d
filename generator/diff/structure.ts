import { canonicalJson, isObject, own, setOwn, type JsonObject } from '../json.ts';
import { parsePointer, resolvePointer } from '../pointer.ts';
import { NON_STRUCTURAL } from './keywords.ts';

/**
 * The structure of a schema as one string: references expanded (a reference back into a schema
 * being expanded becomes its depth, so two recursive schemas of the same shape compare equal),
 * documentation keywords and vendor extensions dropped, keys sorted. Two schemas with equal
 * structures accept the same values and generate the same types, whatever they are called.
 */
export function structureOf(document: JsonObject, value: unknown): string {
  return canonicalJson(strip(document, value, []));
}

const MAX_DEPTH = 64;

/** Keywords whose members are names chosen by the author, not keywords (a property may be called `description`). */
const NAME_MAPS = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas']);

function strip(document: JsonObject, value: unknown, expanding: string[]): unknown {
  if (Array.isArray(value)) return value.map((item) => strip(document, item, expanding));
  if (!isObject(value)) return value;
  if (expanding.length > MAX_DEPTH) return { $depth: 'max' };
  const ref = own(value, '$ref');
  if (typeof ref === 'string') {
    const open = expanding.indexOf(ref);
    if (open >= 0) return { $cycle: open };
    const segments = parsePointer(ref);
    const target = segments ? resolvePointer(document, segments) : undefined;
    const siblings: JsonObject = {};
    for (const [key, sibling] of Object.entries(value)) if (key !== '$ref') setOwn(siblings, key, sibling);
    const expanded = strip(document, target, [...expanding, ref]);
    const rest = strip(document, siblings, expanding) as JsonObject;
    return Object.keys(rest).length === 0 ? expanded : { $target: expanded, ...rest };
  }
  const copy: JsonObject = {};
  for (const [key, child] of Object.entries(value)) {
    if (key.startsWith('x-') || NON_STRUCTURAL.has(key)) continue;
    // Data keywords hold values, not schemas: keep them as they are.
    if (key === 'enum' || key === 'const' || key === 'default') setOwn(copy, key, child);
    else if (NAME_MAPS.has(key) && isObject(child)) setOwn(copy, key, stripNames(document, child, expanding));
    else setOwn(copy, key, strip(document, child, expanding));
  }
  return copy;
}

function stripNames(document: JsonObject, map: JsonObject, expanding: string[]): JsonObject {
  const copy: JsonObject = {};
  for (const [name, schema] of Object.entries(map)) setOwn(copy, name, strip(document, schema, expanding));
  return copy;
}
