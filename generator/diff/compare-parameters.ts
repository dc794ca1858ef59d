import { isObject, own, ownObject, ownString } from '../json.ts';
import { childPointer } from '../pointer.ts';
import { compareAnnotations, keyed, pointerOf, type Keyed } from './annotations.ts';
import { compareSchemas } from './compare-schema.ts';
import { schemaPlace, type DiffContext } from './context.ts';
import type { SideOperation } from './match-operations.ts';
import { followRef } from '../openapi/follow-ref.ts';
import { operationSecurity, parameterKey, suppliedParameters } from '../openapi/supplied-parameters.ts';
import { changedKeys, parameterSerialization } from './serialization.ts';
import type { Place } from './sink.ts';

export interface Parameter {
  /** `query limit`; path parameters are keyed by position (`path #0`), since their names are not on the wire (`byPosition`, below). */
  readonly key: string;
  readonly label: string;
  readonly node: Keyed;
}

/**
 * Path-item parameters, overridden by the operation's own (same `in` and name), references
 * followed; without those the client sends itself on either side (`supplied`, see
 * supplied-parameters.ts): no method takes them, and one that a new scheme now sends is the
 * security change that reports it, not a parameter removed from the spec. `byPosition` false: path
 * parameters are keyed by name too.
 */
export function parametersOf(document: Parameters<typeof followRef>[0], operation: SideOperation, supplied: ReadonlySet<string>, byPosition = true): Parameter[] {
  const byKey = new Map<string, Parameter>();
  const templateNames = byPosition ? pathTemplateNames(operation.path) : [];
  const sources = [
    [own(operation.pathItem, 'parameters'), childPointer(operation.pointer.replace(/\/[^/]+$/, ''), 'parameters')],
    [own(operation.operation, 'parameters'), childPointer(operation.pointer, 'parameters')],
  ] as const;
  for (const [list, at] of sources) {
    if (!Array.isArray(list)) continue;
    list.forEach((raw, index) => {
      const resolved = followRef(document, raw, childPointer(at, index));
      if (!isObject(resolved.value)) return;
      const location = ownString(resolved.value, 'in') ?? 'query';
      const name = ownString(resolved.value, 'name') ?? '';
      if (supplied.has(parameterKey(location, name))) return;
      const position = location === 'path' ? templateNames.indexOf(name) : -1;
      const key = position >= 0 ? `path #${position}` : `${location} ${name}`;
      byKey.set(key, { key, label: `${location} ${name}`, node: keyed(resolved.value, resolved.pointer) });
    });
  }
  return [...byKey.values()];
}

function pathTemplateNames(path: string): string[] {
  return [...path.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]!);
}

export const isRequired = (p: Parameter): boolean => own(p.node.keywords, 'required') === true || own(p.node.keywords, 'in') === 'path';

/** Parameters added, removed, made required or optional, re-serialized, and their schemas (as request data). */
export function compareParameters(ctx: DiffContext, place: Place, old: SideOperation, next: SideOperation, oldOp: Keyed, newOp: Keyed): void {
  const supplied = new Set([...suppliedParameters(ctx.old, operationSecurity(ctx.old, old.operation)), ...suppliedParameters(ctx.new, operationSecurity(ctx.new, next.operation))]);
  // By position where the path's template has as many parameters on both sides (a parameter renamed); else by name: GitHub moved an
  // environment secret from /repositories/{repository_id}/... to /repos/{owner}/{repo}/..., and positions paired unrelated parameters.
  const byPosition = pathTemplateNames(old.path).length === pathTemplateNames(next.path).length;
  const before = parametersOf(ctx.old, old, supplied, byPosition);
  const after = parametersOf(ctx.new, next, supplied, byPosition);
  for (const a of before) {
    const b = after.find((p) => p.key === a.key);
    const here: Place = { ...place, prefix: `parameter ${(b ?? a).label}` };
    if (!b) {
      ctx.sink.add('request-parameter-removed', here, { old: a.node.pointer, new: pointerOf(newOp, 'parameters') }, { name: a.label }, { old: a.node.keywords });
      continue;
    }
    if (isRequired(a) !== isRequired(b)) {
      ctx.sink.add(isRequired(b) ? 'request-parameter-became-required' : 'request-parameter-became-optional', here, { old: pointerOf(a.node, 'required'), new: pointerOf(b.node, 'required') }, { name: b.label });
    }
    const changed = changedKeys(parameterSerialization(a.node.keywords, (value) => followRef(ctx.old, value, a.node.pointer).value), parameterSerialization(b.node.keywords, (value) => followRef(ctx.new, value, b.node.pointer).value));
    if (changed.length > 0) {
      ctx.sink.add('request-parameter-serialization-changed', here, { old: a.node.pointer, new: b.node.pointer }, { name: b.label, what: changed.join(', ') });
    }
    compareAnnotations(ctx.sink, here, a.node, b.node, ['description', 'example', 'examples']);
    compareSchemas(ctx, schemaPlace(here, 'request'), schemaOf(a.node), schemaOf(b.node));
  }
  for (const b of after.filter((p) => !before.some((a) => a.key === p.key))) {
    const here: Place = { ...place, prefix: `parameter ${b.label}` };
    ctx.sink.add(isRequired(b) ? 'request-parameter-added-required' : 'request-parameter-added', here, { old: pointerOf(oldOp, 'parameters'), new: b.node.pointer }, { name: b.label }, { new: b.node.keywords });
  }
}

/** A parameter's schema: `schema`, or the one schema under `content`. */
function schemaOf(node: Keyed): { value: unknown; at: string } {
  if ('schema' in node.keywords) return { value: own(node.keywords, 'schema'), at: node.keyAt('schema') };
  const content = ownObject(node.keywords, 'content');
  const [mediaType, media] = Object.entries(content ?? {})[0] ?? [];
  if (mediaType !== undefined && isObject(media)) return { value: own(media, 'schema') ?? {}, at: childPointer(node.keyAt('content'), mediaType, 'schema') };
  return { value: {}, at: node.pointer };
}
