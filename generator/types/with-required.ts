import type { Node, TypeAliasDeclaration, TypeNode } from 'typescript';
import type { typescript } from '../heavy.ts';

/**
 * openapi-typescript's footer of helper types (its context's `injectFooter`), with its
 * `WithRequired` helper replaced by one that takes a nullable type. openapi-typescript writes
 * `WithRequired<X, "name">` for an `allOf` part `X` beside a `required` list, and its helper,
 * `type WithRequired<T, K extends keyof T> = …`, does not compile when `X` is nullable (`keyof
 * ({…} | null)` is `never`: TS2344 on every such schema). This one constrains the keys by the
 * non-null type and keeps the `null`: `WithRequired<{ name?: string } | null, "name">` is
 * `{ name?: string } & { name: string } | null`. For a type without `null` it is openapi-typescript's.
 */
export function helperFooter(ts: ReturnType<typeof typescript>): Node[] {
  const footer: Node[] = [];
  const push = footer.push.bind(footer);
  // openapi-typescript pushes its helper the first time it writes one, and only when no `WithRequired` is there yet.
  footer.push = (...nodes: Node[]) => push(...nodes.map((node) => (isWithRequired(ts, node) ? withRequired(ts) : node)));
  return footer;
}

function isWithRequired(ts: ReturnType<typeof typescript>, node: Node): node is TypeAliasDeclaration {
  return ts.isTypeAliasDeclaration(node) && node.name.text === 'WithRequired';
}

/** `type WithRequired<T, K extends keyof NonNullable<T>> = T extends null ? T : T & { [P in K]-?: NonNullable<T>[P] };` */
function withRequired(ts: ReturnType<typeof typescript>): TypeAliasDeclaration {
  const f = ts.factory;
  const ref = (name: string, ...args: TypeNode[]) => f.createTypeReferenceNode(name, args.length > 0 ? args : undefined);
  const nonNull = ref('NonNullable', ref('T'));
  const keys = f.createTypeParameterDeclaration(undefined, 'K', f.createTypeOperatorNode(ts.SyntaxKind.KeyOfKeyword, nonNull));
  const required = f.createMappedTypeNode(undefined, f.createTypeParameterDeclaration(undefined, 'P', ref('K')), undefined, f.createToken(ts.SyntaxKind.MinusToken), f.createIndexedAccessTypeNode(nonNull, ref('P')), undefined);
  const type = f.createConditionalTypeNode(ref('T'), f.createLiteralTypeNode(f.createNull()), ref('T'), f.createIntersectionTypeNode([ref('T'), required]));
  return f.createTypeAliasDeclaration(undefined, 'WithRequired', [f.createTypeParameterDeclaration(undefined, 'T'), keys], type);
}
