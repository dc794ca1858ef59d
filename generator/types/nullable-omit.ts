import type { TransformNodeOptions } from 'openapi-typescript';
import type { TypeNode, TypeReferenceNode } from 'typescript';
import type { typescript } from '../heavy.ts';
import { isObject, own, type JsonObject } from '../json.ts';
import { componentSchemas } from '../openapi/components.ts';

type Hook = (type: TypeNode, options: TransformNodeOptions) => TypeNode | undefined;

/**
 * openapi-typescript types an `allOf` part that names a discriminated component as
 * `Omit<components["schemas"]["Pet"], "petType">`. Where `Pet` is nullable (`{…} | null`), that is
 * `{}`: `Omit` does not distribute over a union, and `keyof ({…} | null)` is `never`, so the child
 * loses every property of its parent (and its examples, which have them, do not type-check). The
 * part means the parent's object: this `postTransform` hook writes such an `Omit` over
 * `NonNullable<…>` (a `WithRequired<…>` around the reference included). It looks only through the
 * intersections, unions and parentheses of the type openapi-typescript made for one schema, where
 * its `allOf` parts are, not into object members (each is a schema of its own). Undefined when no
 * component is nullable.
 */
export function nullableOmitHook(document: JsonObject, ts: ReturnType<typeof typescript>): Hook | undefined {
  const nullable = nullableComponents(document);
  if (nullable.size === 0) return undefined;
  const f = ts.factory;
  const named = (node: TypeNode, name: string): node is TypeReferenceNode => ts.isTypeReferenceNode(node) && ts.isIdentifier(node.typeName) && node.typeName.text === name;
  // The component `components["schemas"]["Pet"]` names, through a `WithRequired<…>` around it.
  const component = (node: TypeNode): string | undefined => {
    if (named(node, 'WithRequired') && node.typeArguments?.[0]) return component(node.typeArguments[0]);
    const key = (index: TypeNode) => (ts.isLiteralTypeNode(index) && ts.isStringLiteral(index.literal) ? index.literal.text : undefined);
    if (!ts.isIndexedAccessTypeNode(node) || !ts.isIndexedAccessTypeNode(node.objectType)) return undefined;
    const schemas = node.objectType;
    return named(schemas.objectType, 'components') && key(schemas.indexType) === 'schemas' ? key(node.indexType) : undefined;
  };
  const rewrite = (node: TypeNode): TypeNode => {
    if (ts.isIntersectionTypeNode(node) || ts.isUnionTypeNode(node)) {
      const types = node.types.map(rewrite);
      if (types.every((type, index) => type === node.types[index])) return node;
      return ts.isIntersectionTypeNode(node) ? f.updateIntersectionTypeNode(node, f.createNodeArray(types)) : f.updateUnionTypeNode(node, f.createNodeArray(types));
    }
    if (ts.isParenthesizedTypeNode(node)) {
      const type = rewrite(node.type);
      return type === node.type ? node : f.updateParenthesizedType(node, type);
    }
    if (!named(node, 'Omit')) return node;
    const [target, keys] = node.typeArguments ?? [];
    const name = target && component(target);
    if (!target || !keys || name === undefined || !nullable.has(name)) return node;
    return f.updateTypeReferenceNode(node, node.typeName, f.createNodeArray([f.createTypeReferenceNode('NonNullable', [target]), keys]));
  };
  return (type) => {
    const rewritten = rewrite(type);
    return rewritten === type ? undefined : rewritten;
  };
}

/**
 * Component schemas that admit `null`: `type: [..., "null"]`, an `anyOf`/`oneOf` with a
 * `{ type: "null" }` member (what normalize makes of a 3.0 `nullable` schema without a `type`), and
 * `nullable: true`, which openapi-typescript reads in any version (a 3.1 document may hold it).
 */
function nullableComponents(document: JsonObject): Set<string> {
  const schemas = componentSchemas(document) ?? {};
  const isNull = (member: unknown) => isObject(member) && own(member, 'type') === 'null';
  const names = new Set<string>();
  for (const [name, schema] of Object.entries(schemas)) {
    if (!isObject(schema)) continue;
    const type = own(schema, 'type');
    const members = [own(schema, 'anyOf'), own(schema, 'oneOf')].flatMap((list) => (Array.isArray(list) ? list : []));
    if ((Array.isArray(type) && type.includes('null')) || own(schema, 'nullable') === true || members.some(isNull)) names.add(name);
  }
  return names;
}
