import { canonicalJson, compareStrings, isObject, own, type JsonObject } from '../json.ts';
import { parsePointer, resolvePointer } from '../pointer.ts';
import { NON_STRUCTURAL } from './keywords.ts';

/**
 * The structure of a schema as one string: references expanded (a reference back into a schema
 * being expanded becomes its depth, so two recursive schemas of the same shape compare equal),
 * documentation keywords and vendor extensions dropped, keys sorted. Two schemas with equal
 * structures accept the same values and generate the same types, whatever they are called.
 *
 * Expanding is expensive on large documents (upstream unions have dozens of members, each deep),
 * and the same schemas are compared many times in one diff, so results are kept per document in
 * a `StructureCache` that lives as long as one diff. Only top-level results are cached: they
 * start from an empty expansion stack, so they do not depend on who asked first.
 */
export interface StructureCache {
  readonly byRef: Map<string, string>;
  readonly byNode: WeakMap<object, string>;
}

export function structureCache(): StructureCache {
  return { byRef: new Map(), byNode: new WeakMap() };
}

export function structureOf(document: JsonObject, value: unknown, cache: StructureCache): string {
  if (!isObject(value)) return write(document, value, []);
  const ref = own(value, '$ref');
  const onlyRef = typeof ref === 'string' && Object.keys(value).length === 1;
  const known = onlyRef ? cache.byRef.get(ref) : cache.byNode.get(value);
  if (known !== undefined) return known;
  const result = write(document, value, []);
  if (onlyRef) cache.byRef.set(ref, result);
  else cache.byNode.set(value, result);
  return result;
}

const MAX_DEPTH = 64;

/** Keywords whose members are names chosen by the author, not keywords (a property may be called `description`). */
const NAME_MAPS = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas']);

/** Data keywords hold values, not schemas: written as they are. */
const DATA = new Set(['enum', 'const', 'default']);

function write(document: JsonObject, value: unknown, expanding: readonly string[]): string {
  if (Array.isArray(value)) return `[${value.map((item) => write(document, item, expanding)).join(',')}]`;
  if (!isObject(value)) return JSON.stringify(value) ?? 'null';
  if (expanding.length > MAX_DEPTH) return '{"$depth":"max"}';
  const ref = own(value, '$ref');
  if (typeof ref === 'string') {
    const open = expanding.indexOf(ref);
    if (open >= 0) return `{"$cycle":${open}}`;
    const segments = parsePointer(ref);
    const expanded = write(document, segments ? resolvePointer(document, segments) : undefined, [...expanding, ref]);
    const siblings = Object.keys(value).filter((key) => key !== '$ref' && !key.startsWith('x-') && !NON_STRUCTURAL.has(key));
    return siblings.length === 0 ? expanded : `{"$target":${expanded},"$siblings":${members(document, value, siblings, expanding)}}`;
  }
  return members(document, value, Object.keys(value), expanding);
}

function members(document: JsonObject, value: JsonObject, keys: readonly string[], expanding: readonly string[]): string {
  const parts: string[] = [];
  for (const key of [...keys].sort(compareStrings)) {
    if (key === '$ref' || key.startsWith('x-') || NON_STRUCTURAL.has(key)) continue;
    const child = value[key];
    let text: string;
    if (DATA.has(key)) text = canonicalJson(child);
    else if (NAME_MAPS.has(key) && isObject(child)) text = names(document, child, expanding);
    else text = write(document, child, expanding);
    parts.push(`${JSON.stringify(key)}:${text}`);
  }
  return `{${parts.join(',')}}`;
}

function names(document: JsonObject, map: JsonObject, expanding: readonly string[]): string {
  return `{${Object.keys(map)
    .sort(compareStrings)
    .map((name) => `${JSON.stringify(name)}:${write(document, map[name], expanding)}`)
    .join(',')}}`;
}
