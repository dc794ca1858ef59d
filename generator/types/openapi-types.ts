import type { TransformNodeOptions } from 'openapi-typescript';
import type { TypeNode } from 'typescript';
import { error, MorphError } from '../diagnostics/diagnostic.ts';
import { message } from '../diagnostics/message.ts';
import { openapiTypescript, typescript } from '../heavy.ts';
import { isObject, own, type JsonObject } from '../json.ts';
import { markReadWrite } from '../openapi/read-write-markers.ts';
import { escapeInvisible } from '../escape/string-literal.ts';
import { openEnumValues } from '../model/open-enum.ts';
import { memberlessObject } from '../model/memberless-object.ts';
import { requiredOnly } from '../model/required-only.ts';
import { typesOffThread, type TypesWorker } from './types-thread.ts';
import { nullableOmitHook } from './nullable-omit.ts';
import { readWriteView } from './read-write-views.ts';
import { unionCycleHook } from './union-cycles.ts';
import { helperFooter } from './with-required.ts';

/**
 * Types stage: openapi-typescript's Node API on the normalized subset gives `paths`,
 * `components` and `operations`, the typing backbone openapi-fetch needs. Options chosen for a
 * client: a property with a `default` stays optional (the server fills it in, the caller need not
 * send it); spec order is kept; `format: binary` strings are `Blob` (what a multipart part or a
 * binary body is sent as, and what a binary response is read as), not `string`; an `anyOf`/`oneOf`
 * of a plain string and string enums is an open enum, `(string & {}) | "a" | "b"`: any string
 * type-checks and editors still suggest the known values (`string | "a"` would collapse to `string`);
 * an object schema without members (`{ type: object }`, a free-form object) is
 * `Record<string, unknown>`, not openapi-typescript's default `Record<string, never>`, which no
 * object with a property satisfies, unless it is closed (`additionalProperties: false`);
 * an `allOf` part that would make a circular type through a `oneOf` is typed without that `oneOf`
 * (union-cycles.ts); the `WithRequired` helper it writes for an `allOf` part beside a `required`
 * list takes a nullable part (with-required.ts), and the `Omit` of a nullable discriminated part is
 * over its non-null type (nullable-omit.ts); a property marked `readOnly` or `writeOnly` is
 * `$Read<T>` or `$Write<T>` (openapi/read-write-markers.ts), which openapi-fetch's request and response
 * types read, and its views keep tuples and Blobs (read-write-views.ts).
 * openapi-typescript changes the document it is given: it gets a copy, unless the document is
 * `owned` by this call (the types worker's, posted to it). `progress` is called for each schema
 * openapi-typescript transforms (the types worker tells the main thread when it last was).
 */
export function openapiTypes(document: JsonObject, specName: string, owned = false, progress?: () => void): string {
  const ts = typescript();
  const { transformSchema, scanDiscriminators, resolveRef, astToString, transformSchemaObject } = openapiTypescript();
  const blob = () => ts.factory.createTypeReferenceNode('Blob');
  const keyword = (kind: Parameters<typeof ts.factory.createKeywordTypeNode>[0]) => ts.factory.createKeywordTypeNode(kind);
  // A type the hook returns for a schema whose types include `null` (the hook is called before they
  // are split) or that is `nullable` (for a property, the hook's type replaces openapi-typescript's).
  const orNull = (node: unknown, type: TypeNode): TypeNode => {
    const types = own(node as JsonObject, 'type');
    const nullable = (Array.isArray(types) && types.includes('null')) || own(node as JsonObject, 'nullable') === true;
    return nullable ? ts.factory.createUnionTypeNode([type, ts.factory.createLiteralTypeNode(ts.factory.createNull())]) : type;
  };
  const options = { defaultNonNullable: false, silent: true, alphabetize: false, exportType: false };
  // Component name -> the interface that stands for an array of it (see recursiveArrayItem).
  const recursiveArrays = new Map<string, string>();
  try {
    const schema = (owned ? document : structuredClone(document)) as unknown as Parameters<typeof transformSchema>[0];
    // Before the scan, which writes a discriminator property afresh (without its `readOnly`): the
    // model, which sees the document as it is, may hold that property marked (read-write.ts).
    const readWriteMarkers = markReadWrite(schema);
    const discriminators = scanDiscriminators(schema, options);
    // After the scan: the parts that close a cycle through a union are pointed at their parent's own part.
    const cycles = unionCycleHook(schema as unknown as JsonObject, discriminators, ts, transformSchemaObject);
    const nullableOmit = nullableOmitHook(schema as unknown as JsonObject, ts);
    const postTransform = cycles && nullableOmit ? (type: TypeNode, options: TransformNodeOptions) => both(cycles, nullableOmit, type, options) : (cycles ?? nullableOmit);
    // The context openapi-typescript's `openapiTS()` builds (7.13.0, options above, the rest at
    // their defaults), minus its Redocly bundling, which this validated, internal-only subset
    // does not need (see heavy.ts).
    const ctx = {
      ...options,
      additionalProperties: false,
      arrayLength: false,
      discriminators,
      emptyObjectsUnknown: true,
      enum: false,
      enumValues: false,
      conditionalEnums: false,
      dedupeEnums: false,
      excludeDeprecated: false,
      immutable: false,
      rootTypes: false,
      rootTypesNoSchemaPrefix: false,
      rootTypesKeepCasing: false,
      injectFooter: helperFooter(ts),
      pathParamsAsTypes: false,
      postTransform,
      propertiesRequiredByDefault: false,
      redoc: undefined,
      inject: undefined,
      transformProperty: undefined,
      makePathsEnum: false,
      generatePathParams: false,
      readWriteMarkers,
      resolve: ($ref: string) => resolveRef(schema, $ref, { silent: true }),
      transform(node: unknown, options: { path?: string }) {
        progress?.();
        const recursive = recursiveArrayItem(node, options.path);
        if (recursive !== undefined) {
          const name = recursiveArrays.get(recursive) ?? `RecursiveArray${recursiveArrays.size + 1}`;
          recursiveArrays.set(recursive, name);
          return ts.factory.createTypeReferenceNode(name);
        }
        // An object without members is any object (`emptyObjectsUnknown`), unless it is closed.
        if (own(memberlessObject(node) ?? {}, 'additionalProperties') === false) return orNull(node, ts.factory.createTypeReferenceNode('Record', [keyword(ts.SyntaxKind.StringKeyword), keyword(ts.SyntaxKind.NeverKeyword)]));
        const required = requiredOnly(node);
        if (required) return orNull(node, ts.factory.createTypeLiteralNode(required.map((name) => ts.factory.createPropertySignature(undefined, ts.factory.createStringLiteral(name), undefined, keyword(ts.SyntaxKind.UnknownKeyword)))));
        const known = openEnumValues(node);
        if (known) {
          const anyString = ts.factory.createIntersectionTypeNode([ts.factory.createKeywordTypeNode(ts.SyntaxKind.StringKeyword), ts.factory.createTypeLiteralNode([])]);
          return ts.factory.createUnionTypeNode([anyString, ...known.map((value) => ts.factory.createLiteralTypeNode(ts.factory.createStringLiteral(value)))]);
        }
        return isBinary(node) ? orNull(node, blob()) : undefined;
      },
    };
    // openapi-typescript leaves bidi controls and line separators raw in literals and comments;
    // as escapes they keep their value in literals and become visible text in comments.
    const types = astToString(transformSchema(schema, ctx as unknown as Parameters<typeof transformSchema>[1]).map((node) => readWriteView(ts, node)));
    const arrays = [...recursiveArrays].map(([component, name]) => `export interface ${name} extends Array<components["schemas"][${JSON.stringify(component)}]> {}\n`);
    return escapeInvisible(types + arrays.join(''));
  } catch (cause) {
    throw new MorphError([error('OM206', `openapi-typescript could not type the selected operations: ${message(cause)}`, { file: specName }, cause)]);
  }
}

/**
 * The types stage when first needed: a render runs its templates before it loads TypeScript, so
 * the markdown pages (which need only the model) reach the format worker while the compiler loads;
 * `text()` makes the types the first time a template reads `ctx.openapiTypes`, and the render
 * calls it after the templates when none did, so a subset openapi-typescript cannot type fails the
 * run (OM206) either way. A large document's types are made on a worker thread from the call on
 * (types-thread.ts; `started`, the worker a render started for it when it selected the subset),
 * and `text()` takes them from there (or makes them here when the worker gave none). `failure()`:
 * that error, once `text()` has thrown it.
 */
export function lazyOpenapiTypes(document: JsonObject, specName: string, started?: TypesWorker): { text(): string; failure(): MorphError | undefined } {
  let outcome: { readonly text: string } | { readonly failure: MorphError } | undefined;
  const offThread = typesOffThread(document, specName, undefined, undefined, started);
  return {
    text() {
      if (!outcome) {
        try {
          outcome = { text: offThread?.() ?? openapiTypes(document, specName) };
        } catch (cause) {
          if (!(cause instanceof MorphError)) throw cause;
          outcome = { failure: cause };
        }
      }
      if ('failure' in outcome) throw outcome.failure;
      return outcome.text;
    },
    failure: () => (outcome && 'failure' in outcome ? outcome.failure : undefined),
  };
}

/** Two `postTransform` hooks, the second on what the first returns (undefined: the type as it is). */
function both(first: PostTransform, second: PostTransform, type: TypeNode, options: TransformNodeOptions): TypeNode | undefined {
  const once = first(type, options);
  return second(once ?? type, options) ?? once;
}

type PostTransform = (type: TypeNode, options: TransformNodeOptions) => TypeNode | undefined;

/**
 * An array of a component schema as a direct member of a component's `oneOf`/`anyOf`/`allOf`
 * (a JSON value type: `string | ... | JsonValue[]`): written as openapi-typescript writes it,
 * `components["schemas"]["JsonValue"][]` inside the union that declares `JsonValue` is a circular
 * type annotation (TS2502). A named interface extending the array type is the same type and
 * breaks the cycle. Returns the component the array holds, when this is such an array.
 */
function recursiveArrayItem(node: unknown, path: string | undefined): string | undefined {
  if (!isObject(node) || own(node, 'type') !== 'array' || !path || !/^#\/components\/schemas\/[^/]+(\/(oneOf|anyOf|allOf)\/\d+)+$/.test(path)) return undefined;
  const items = own(node, 'items');
  const ref = isObject(items) && Object.keys(items).length === 1 ? own(items, '$ref') : undefined;
  const name = typeof ref === 'string' ? /^#\/components\/schemas\/([^/]+)$/.exec(ref)?.[1] : undefined;
  return name === undefined ? undefined : name.replace(/~1/g, '/').replace(/~0/g, '~');
}

function isBinary(schema: unknown): boolean {
  if (!isObject(schema) || own(schema, 'format') !== 'binary') return false;
  const type = own(schema, 'type');
  return type === 'string' || (Array.isArray(type) && type.includes('string') && type.every((t) => t === 'string' || t === 'null'));
}

