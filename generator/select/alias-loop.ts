import { error } from '../diagnostics/diagnostic.ts';
import { DiagnosticCollector } from '../diagnostics/collector.ts';
import { compareStrings, isObject, own, ownString } from '../json.ts';
import { childPointer, parsePointer, pointer, resolvePointer } from '../pointer.ts';
import type { SpecDocument } from '../spec-context.ts';
import type { ComponentKey } from './closure.ts';

/** Members that say nothing about a schema's values: a schema of only these and a `$ref` is an alias. */
const ANNOTATIONS = new Set(['$ref', 'title', 'description', 'summary', 'deprecated', 'example', 'examples', 'default', 'readOnly', 'writeOnly', 'nullable', '$comment']);

/**
 * Pure alias loops: schemas that are only a `$ref` to each other (LoopA -> LoopB -> LoopA), also
 * through a one-member `allOf`/`anyOf`/`oneOf`. No value has such a type and no language can
 * declare it; each loop is reported once, at the `$ref` of its first schema in document order.
 */
export function findAliasLoops(spec: SpecDocument, components: readonly ComponentKey[], diagnostics: DiagnosticCollector): void {
  const reported = new Set<string>();
  for (const key of components) {
    if (!key.startsWith('schemas/')) continue;
    const chain: string[] = [];
    let current: string | undefined = key.slice('schemas/'.length);
    while (current !== undefined && !chain.includes(current)) {
      chain.push(current);
      current = aliasTarget(spec, current);
    }
    if (current === undefined || reported.has(current)) continue;
    const loop = chain.slice(chain.indexOf(current));
    for (const name of loop) reported.add(name);
    const first = [...loop].sort(compareStrings)[0]!;
    const at = aliasRefPointer(spec, first)!;
    const cycle = [...loop.slice(loop.indexOf(first)), ...loop.slice(0, loop.indexOf(first)), first].join(' -> ');
    diagnostics.add(error('OM214', `schemas ${cycle} only refer to each other (a $ref loop with no type in it): no value has this type; give one of them a type`, spec.at(at)));
  }
}

/** The schema `name` is an alias of, when it is one (only a `$ref`, or one-member `allOf`/`anyOf`/`oneOf`). */
function aliasTarget(spec: SpecDocument, name: string): string | undefined {
  const at = aliasRefPointer(spec, name);
  const ref = at === undefined ? undefined : resolvePointer(spec.document, parsePointer(at)!);
  const segments = typeof ref === 'string' ? parsePointer(ref) : undefined;
  return segments?.length === 3 && segments[0] === 'components' && segments[1] === 'schemas' ? segments[2] : undefined;
}

/** Pointer of the `$ref` that makes schema `name` an alias, if it is one. */
function aliasRefPointer(spec: SpecDocument, name: string): string | undefined {
  let at = pointer('components', 'schemas', name);
  let schema = resolvePointer(spec.document, ['components', 'schemas', name]);
  for (;;) {
    if (!isObject(schema)) return undefined;
    const keys = Object.keys(schema).filter((k) => !ANNOTATIONS.has(k) && !k.startsWith('x-'));
    if (keys.length === 0 && ownString(schema, '$ref') !== undefined) return childPointer(at, '$ref');
    const list = keys.length === 1 && ownString(schema, '$ref') === undefined ? own(schema, keys[0]!) : undefined;
    if (!['allOf', 'anyOf', 'oneOf'].includes(keys[0] ?? '') || !Array.isArray(list) || list.length !== 1) return undefined;
    at = childPointer(at, keys[0]!, 0);
    schema = list[0];
  }
}
