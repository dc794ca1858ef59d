import { isObject, type JsonObject } from '../json.ts';
import { parsePointer, resolvePointer } from '../pointer.ts';
import { findRefs } from '../openapi/refs.ts';

/**
 * Where a spec change sits in terms the generated package also knows: a component schema (an
 * exported type) and a property path inside it (`['turn_detection', 'type']`, `[]` for array
 * items). The TypeScript-surface diff uses anchors to tell which of its findings the spec rules
 * already reported (generator/diff/typescript/coverage.ts).
 */
export interface SchemaAnchor {
  readonly side: 'old' | 'new';
  readonly schema: string;
  readonly path: readonly string[];
}

const SCHEMA_PREFIX = ['components', 'schemas'];

/** The anchor of a pointer into `#/components/schemas/<name>/...`, or undefined for pointers elsewhere. */
export function anchorOf(side: 'old' | 'new', at: string | null): SchemaAnchor | undefined {
  if (at === null) return undefined;
  const segments = parsePointer(at);
  if (!segments || segments[0] !== SCHEMA_PREFIX[0] || segments[1] !== SCHEMA_PREFIX[1] || segments[2] === undefined) return undefined;
  const path: string[] = [];
  for (let i = 3; i < segments.length; i++) {
    const segment = segments[i]!;
    if (segment === 'properties' && segments[i + 1] !== undefined) path.push(segments[++i]!);
    else if (segment === 'items') path.push('[]');
    else if (segment === 'additionalProperties') path.push('[key]');
    else if ((segment === 'anyOf' || segment === 'oneOf' || segment === 'allOf' || segment === 'prefixItems') && segments[i + 1] !== undefined) i++;
    else break;
  }
  return { side, schema: segments[2], path };
}

/** Names of the component schemas `node` reaches through `$ref`s, transitively, in `document`. */
export function reachedSchemas(document: JsonObject, node: unknown): string[] {
  const found = new Set<string>();
  const queue: unknown[] = [node];
  while (queue.length > 0) {
    for (const site of findRefs(queue.pop(), '#')) {
      const segments = parsePointer(site.ref);
      if (!segments || segments[0] !== 'components' || segments[1] !== 'schemas' || segments[2] === undefined) continue;
      if (found.has(segments[2])) continue;
      found.add(segments[2]);
      const target = resolvePointer(document, segments.slice(0, 3));
      if (isObject(target)) queue.push(target);
    }
  }
  return [...found];
}
