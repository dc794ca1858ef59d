import type { ApiModel, SchemaModel, SchemaNode } from '../model/types.ts';
import { schemasByName } from './schemas-by-name.ts';

/**
 * The model's side of the types' union cycles (generator/types/union-cycles.ts): an `allOf` part
 * naming a schema whose `oneOf`/`anyOf` leads back to the schema that part belongs to is typed as
 * that schema without its `oneOf` and `anyOf` (`Cat: Omit<{ petType: string }, "petType"> & …` for a
 * `Pet` whose `oneOf` lists `Cat`). Given an intersection `node` being built for the schema named
 * last on `stack` and one of its parts, returns what the types made of the part when they did so:
 * the named schema's node without its unions; else undefined.
 */
export function typedOwnPart(part: SchemaNode, node: SchemaNode, stack: readonly string[], model: ApiModel): SchemaNode | undefined {
  const owner = stack.at(-1);
  if (part.kind !== 'ref' || owner === undefined) return undefined;
  const nodes = schemasByName(model.schemas);
  const parent = nodes.get(part.name);
  const ownerNode = nodes.get(owner);
  if (!parent || !ownerNode || !topLevel(ownerNode).includes(node)) return undefined;
  let found = ownParts.get(model.schemas);
  if (!found) ownParts.set(model.schemas, (found = new Map()));
  const key = JSON.stringify([owner, part.name]);
  let own = found.get(key);
  if (own === undefined) {
    const members = topLevel(parent).flatMap((n) => (isComposedUnion(n) ? n.variants : []));
    own = leadsTo(members, owner, nodes) ? withoutUnions(parent) : null;
    found.set(key, own);
  }
  return own ?? undefined;
}

/** Each model's answers by owner and part name (null: the part is typed as it is), made once: a large document's examples meet the same parts many times. */
const ownParts = new WeakMap<readonly SchemaModel[], Map<string, SchemaNode | null>>();

/** A node and the nodes its type is composed of at its top level: intersection parts and inline union members, not properties or items. */
function topLevel(node: SchemaNode): SchemaNode[] {
  const found: SchemaNode[] = [];
  const visit = (n: SchemaNode): void => {
    found.push(n);
    if (n.kind === 'intersection') n.parts.forEach(visit);
    if (isComposedUnion(n)) n.variants.forEach(visit);
  };
  visit(node);
  return found;
}

/** Whether a type composed of `members` names `name` at its top level, through references. */
function leadsTo(members: readonly SchemaNode[], name: string, nodes: ReadonlyMap<string, SchemaNode>): boolean {
  const seen = new Set<string>();
  const stack = members.flatMap(topLevel);
  for (let n = stack.pop(); n !== undefined; n = stack.pop()) {
    if (n.kind !== 'ref') continue;
    if (n.name === name) return true;
    const target = nodes.get(n.name);
    if (seen.has(n.name) || !target) continue;
    seen.add(n.name);
    stack.push(...topLevel(target));
  }
  return false;
}

function withoutUnions(node: SchemaNode): SchemaNode {
  if (isComposedUnion(node)) return { kind: 'unknown', nullable: false };
  if (node.kind !== 'intersection') return node;
  const parts = node.parts.filter((p) => !isComposedUnion(p));
  return parts.length === 1 ? parts[0]! : { ...node, parts };
}

function isComposedUnion(node: SchemaNode): node is Extract<SchemaNode, { kind: 'union' }> {
  return node.kind === 'union' && node.combinator !== 'type';
}
