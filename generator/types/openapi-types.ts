import { error, MorphError } from '../diagnostics/diagnostic.ts';
import { message } from '../diagnostics/message.ts';
import { openapiTypescript, typescript } from '../heavy.ts';
import { isObject, own, type JsonObject } from '../json.ts';
import { escapeInvisible } from '../escape/string-literal.ts';
import { openEnumValues } from '../model/open-enum.ts';

/**
 * Types stage: openapi-typescript's Node API on the normalized subset gives `paths`,
 * `components` and `operations`, the typing backbone openapi-fetch needs. Options chosen for a
 * client: a property with a `default` stays optional (the server fills it in, the caller need not
 * send it); spec order is kept; `format: binary` strings are `Blob` (what a multipart part or a
 * binary body is sent as, and what a binary response is read as), not `string`; an `anyOf`/`oneOf`
 * of a plain string and string enums is an open enum, `(string & {}) | "a" | "b"`: any string
 * type-checks and editors still suggest the known values (`string | "a"` would collapse to `string`).
 */
export async function openapiTypes(document: JsonObject, specName: string): Promise<string> {
  const ts = typescript();
  const { transformSchema, scanDiscriminators, resolveRef, astToString } = openapiTypescript();
  const blob = () => ts.factory.createTypeReferenceNode('Blob');
  const schema = structuredClone(document) as unknown as Parameters<typeof transformSchema>[0];
  const options = { defaultNonNullable: false, silent: true, alphabetize: false, exportType: false };
  try {
    // The context openapi-typescript's `openapiTS()` builds (7.13.0, options above, the rest at
    // their defaults), minus its Redocly bundling, which this validated, internal-only subset
    // does not need (see heavy.ts).
    const ctx = {
      ...options,
      additionalProperties: false,
      arrayLength: false,
      discriminators: scanDiscriminators(schema, options),
      emptyObjectsUnknown: false,
      enum: false,
      enumValues: false,
      conditionalEnums: false,
      dedupeEnums: false,
      excludeDeprecated: false,
      immutable: false,
      rootTypes: false,
      rootTypesNoSchemaPrefix: false,
      rootTypesKeepCasing: false,
      injectFooter: [],
      pathParamsAsTypes: false,
      postTransform: undefined,
      propertiesRequiredByDefault: false,
      redoc: undefined,
      inject: undefined,
      transformProperty: undefined,
      makePathsEnum: false,
      generatePathParams: false,
      readWriteMarkers: false,
      resolve: ($ref: string) => resolveRef(schema, $ref, { silent: true }),
      transform(node: unknown) {
        const known = openEnumValues(node);
        if (known) {
          const anyString = ts.factory.createIntersectionTypeNode([ts.factory.createKeywordTypeNode(ts.SyntaxKind.StringKeyword), ts.factory.createTypeLiteralNode([])]);
          return ts.factory.createUnionTypeNode([anyString, ...known.map((value) => ts.factory.createLiteralTypeNode(ts.factory.createStringLiteral(value)))]);
        }
        if (!isBinary(node)) return undefined;
        const type = own(node as JsonObject, 'type');
        return Array.isArray(type) && type.includes('null') ? ts.factory.createUnionTypeNode([blob(), ts.factory.createLiteralTypeNode(ts.factory.createNull())]) : blob();
      },
    };
    // openapi-typescript leaves bidi controls and line separators raw in literals and comments;
    // as escapes they keep their value in literals and become visible text in comments.
    return escapeInvisible(astToString(transformSchema(schema, ctx as unknown as Parameters<typeof transformSchema>[1])));
  } catch (cause) {
    throw new MorphError([error('OM206', `openapi-typescript could not type the selected operations: ${message(cause)}`, { file: specName }, cause)]);
  }
}

function isBinary(schema: unknown): boolean {
  if (!isObject(schema) || own(schema, 'format') !== 'binary') return false;
  const type = own(schema, 'type');
  return type === 'string' || (Array.isArray(type) && type.includes('string') && type.every((t) => t === 'string' || t === 'null'));
}

