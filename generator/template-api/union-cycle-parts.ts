import type { ApiModel, SchemaModel, SchemaNode } from '../model/types.ts';
import { schemasByName } from './schemas-by-name.ts';

/**
 * The model's side of the types' union cycles (generator/types/union-cycles.ts): an `allOf` part
 * naming a schema whose `oneOf`/`anyOf` leads back to the schema that part belongs to is typed as
 * that schema without its `oneOf` and `anyOf` (`Cat: Omit<{ petType: string }, "petType"> & …` for a
 * `Pet` whose `oneOf` lists `Cat`). Given an intersection `node` being built for the schema named
 * last on `stack` and one of its parts (or that schema's node, when it is one part, a reference),
 * returns what the types made of the part when they did so: the named schema's node without its
 * unions; else undefined. Its members lead back through references, compositions and array items.
 */
export function typedOwnPart(part: SchemaNode, node: SchemaNode, stack: readonly string[], model: ApiModel): SchemaNode | undefined {
  const owner = stack.at(-1);
  if (part.kind !== 'ref' || owner === undefined) return undefined;
  const nodes = schemasByName(model.schemas);
  const parent = nodes.get(part.name);
  const ownerNode = nodes.get(owner);
  if (!parent || !ownerNode || !topLevel(ownerNode).includes(node)) return undefined;
  let parents = ownParts.get(model.schemas);
  if (!parents) ownParts.set(model.schemas, (parents = new Map()));
  let known = parents.get(part.name);
  if (!known) {
    const members = topLevel(parent).flatMap((n) => (isComposedUnion(n) ? n.variants : []));
    parents.set(part.name, (known = { reached: reachedNames(members, nodes), own: withoutUnions(parent) }));
  }
  return known.reached.has(owner) ? known.own : undefined;
}

/**
 * Each model's parents by name: the names their unions lead to and their node without the unions,
 * made once (a union of thousands of members, each an example that meets the parent, is common).
 */
const ownParts = new WeakMap<readonly SchemaModel[], Map<string, { readonly reached: ReadonlySet<string>; readonly own: SchemaNode }>>();

/** A node and the nodes its type is composed of at its top level: intersection parts and inline union members, not properties or array items. */
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

/** The names a type composed of `members` names at its top level (array items too), through references. */
function reachedNames(members: readonly SchemaNode[], nodes: ReadonlyMap<string, SchemaNode>): Set<string> {
  const seen = new Set<string>();
  const stack = members.flatMap(topLevel);
  for (let n = stack.pop(); n !== undefined; n = stack.pop()) {
    if (n.kind === 'array') stack.push(...[n.items, ...(n.prefixItems ?? [])].flatMap(topLevel));
    if (n.kind !== 'ref' || seen.has(n.name)) continue;
    seen.add(n.name);
    const target = nodes.get(n.name);
    if (target) stack.push(...topLevel(target));
  }
  return seen;
}

/** The node without its `oneOf`/`anyOf` unions, in nested intersections too; nothing left is `unknown`. */
function withoutUnions(node: SchemaNode): SchemaNode {
  if (isComposedUnion(node)) return { kind: 'unknown', nullable: false };
  if (node.kind !== 'intersection') return node;
  const parts = node.parts.filter((p) => !isComposedUnion(p)).map(withoutUnions);
  return parts.length === 0 ? { kind: 'unknown', nullable: false } : parts.length === 1 ? parts[0]! : { ...node, parts };
}

function isComposedUnion(node: SchemaNode): node is Extract<SchemaNode, { kind: 'union' }> {
  return node.kind === 'union' && node.combinator !== 'type';
}
