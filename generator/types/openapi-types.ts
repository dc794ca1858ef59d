import { error, MorphError } from '../diagnostics/diagnostic.ts';
import { message } from '../emit/load-templates.ts';
import { isObject, own, type JsonObject } from '../json.ts';

/**
 * Types stage: openapi-typescript's Node API on the normalized subset gives `paths`,
 * `components` and `operations`, the typing backbone openapi-fetch needs. Options chosen for a
 * client: a property with a `default` stays optional (the server fills it in, the caller need not
 * send it); spec order is kept; `format: binary` strings are `Blob` (what a multipart part or a
 * binary body is sent as, and what a binary response is read as), not `string`.
 */
export async function openapiTypes(document: JsonObject, specName: string): Promise<string> {
  const { default: openapiTS, astToString } = await import('openapi-typescript');
  const { default: ts } = await import('typescript');
  const blob = () => ts.factory.createTypeReferenceNode('Blob');
  try {
    const nodes = await openapiTS(structuredClone(document) as unknown as Parameters<typeof openapiTS>[0], {
      defaultNonNullable: false,
      silent: true,
      alphabetize: false,
      exportType: false,
      transform(schema) {
        if (!isBinary(schema)) return undefined;
        const type = own(schema as unknown as JsonObject, 'type');
        return Array.isArray(type) && type.includes('null') ? ts.factory.createUnionTypeNode([blob(), ts.factory.createLiteralTypeNode(ts.factory.createNull())]) : blob();
      },
    });
    return astToString(nodes);
  } catch (cause) {
    throw new MorphError([error('OM206', `openapi-typescript could not type the selected operations: ${message(cause)}`, { file: specName }, cause)]);
  }
}

function isBinary(schema: unknown): boolean {
  if (!isObject(schema) || own(schema, 'format') !== 'binary') return false;
  const type = own(schema, 'type');
  return type === 'string' || (Array.isArray(type) && type.includes('string') && type.every((t) => t === 'string' || t === 'null'));
}
