import type { ConditionalTypeNode, Node, TypeNode } from 'typescript';
import type { typescript } from '../heavy.ts';

/**
 * openapi-typescript's read/write views (`Readable<T>`, `Writable<T>`, declared with
 * `readWriteMarkers`) with two more branches before its array one, so that what they map keeps
 * its type: a `Blob` (a `format: binary` property) is itself, not an object of its members with
 * `{}` for each method, and a tuple (`prefixItems`) stays a tuple, mapped element by element,
 * where `T extends (infer E)[] ? Readable<E>[]` made `[number, number]` a `number[]`. What they
 * give is still assignable to what openapi-fetch's own views (openapi-typescript-helpers) give for
 * the same type: a tuple to an array, a Blob to the object of its members. Another declaration,
 * or another shape of these (another openapi-typescript), is left as it is.
 */
export function readWriteView(ts: ReturnType<typeof typescript>, node: Node): Node {
  if (!ts.isTypeAliasDeclaration(node) || (node.name.text !== 'Readable' && node.name.text !== 'Writable') || !ts.isConditionalTypeNode(node.type)) return node;
  const first = node.type;
  const second = first.falseType;
  if (!ts.isConditionalTypeNode(second) || !ts.isConditionalTypeNode(second.falseType) || !isArrayOfInferred(ts, second.falseType)) return node;
  const f = ts.factory;
  const ref = (name: string, ...args: TypeNode[]) => f.createTypeReferenceNode(name, args.length > 0 ? args : undefined);
  const elements = f.createMappedTypeNode(undefined, f.createTypeParameterDeclaration(undefined, 'K', f.createTypeOperatorNode(ts.SyntaxKind.KeyOfKeyword, ref('T'))), undefined, undefined, ref(node.name.text, f.createIndexedAccessTypeNode(ref('T'), ref('K'))), undefined);
  const arrays = f.createConditionalTypeNode(ref('T'), f.createTypeOperatorNode(ts.SyntaxKind.ReadonlyKeyword, f.createArrayTypeNode(f.createKeywordTypeNode(ts.SyntaxKind.UnknownKeyword))), elements, second.falseType.falseType);
  const blob = f.createConditionalTypeNode(ref('T'), ref('Blob'), ref('T'), arrays);
  const type = f.updateConditionalTypeNode(first, first.checkType, first.extendsType, first.trueType, f.updateConditionalTypeNode(second, second.checkType, second.extendsType, second.trueType, blob));
  return f.updateTypeAliasDeclaration(node, node.modifiers, node.name, node.typeParameters, type);
}

/** `T extends (infer E)[] ? …`: openapi-typescript's array branch. */
function isArrayOfInferred(ts: ReturnType<typeof typescript>, node: ConditionalTypeNode): boolean {
  if (!ts.isArrayTypeNode(node.extendsType)) return false;
  const element = node.extendsType.elementType;
  return ts.isInferTypeNode(ts.isParenthesizedTypeNode(element) ? element.type : element);
}
