import { error, MorphError } from '../diagnostics/diagnostic.ts';
import { Locator } from '../diagnostics/locate.ts';
import { openapiSchemaValidator, swagger2openapi, swaggerParser } from '../heavy.ts';
import { isObject, own, ownObject, ownString, type JsonObject } from '../json.ts';
import { followRef } from '../openapi/follow-ref.ts';
import { schemaProblems } from './validate.ts';
import type { SpecSource } from './source.ts';

/**
 * Converts a Swagger 2.0 document to OpenAPI 3.0 with swagger2openapi (what hey-api, orval and
 * kubb do). The 2.0 source is validated first, against the official 2.0 schema and then with
 * swagger-parser's 2.0 checks (duplicate operationIds, path parameters), so every mistake is
 * reported at its line in the 2.0 file, not in a converted document the user never saw.
 */
export async function convertSwagger2(source: SpecSource, tree: JsonObject): Promise<JsonObject> {
  const locator = new Locator(source.name, source.text);
  const problems = schemaProblems(openapiSchemaValidator('2.0'), tree);
  if (problems.length > 0) throw new MorphError(problems.map((p) => error('OM206', `invalid Swagger 2.0: ${p.message}`, locator.locate(`#${p.path}`))));
  try {
    await swaggerParser().validate(structuredClone(tree) as never, {
      resolve: { external: false, file: false, http: false },
      dereference: { circular: 'ignore' },
      validate: { schema: false, spec: true },
    });
  } catch (cause) {
    const message = cause instanceof Error ? cause.message.replace(/^Validation failed\.\s*/, '') : String(cause);
    const at = /\/paths\/\S+?(?=\s|$|,)/.exec(message)?.[0];
    throw new MorphError([error('OM206', `invalid Swagger 2.0: ${message}`, at ? locator.locate(`#${at}`) : { file: source.name }, cause)]);
  }
  try {
    // `direct: true` makes the converter resolve with the converted document itself.
    const document: unknown = await swagger2openapi().convertObj(structuredClone(tree) as never, { patch: true, warnOnly: true, resolve: false, direct: true, text: source.text } as never);
    if (!isObject(document)) throw new Error('the converter returned no document');
    addFormEncodings(tree, document);
    return document;
  } catch (cause) {
    if (cause instanceof MorphError) throw cause;
    throw new MorphError([error('OM205', `Swagger 2.0 could not be converted to OpenAPI 3.0: ${cause instanceof Error ? cause.message : String(cause)}`, { file: source.name }, cause)]);
  }
}

/**
 * Where a pointer into the converted 3.0 document points in the Swagger 2.0 source, as far as the
 * two shapes correspond (components to their 2.0 sections, a response's or body's schema to the
 * 2.0 places that hold it); the locator then finds the deepest part of it the 2.0 file has.
 */
export function swagger2Pointer(pointer: string): string {
  return pointer
    .replace(/^#\/components\/schemas(?=\/|$)/, '#/definitions')
    .replace(/^#\/components\/parameters(?=\/|$)/, '#/parameters')
    .replace(/^#\/components\/responses(?=\/|$)/, '#/responses')
    .replace(/^#\/components\/securitySchemes(?=\/|$)/, '#/securityDefinitions')
    .replace(/\/content\/[^/]+(?=\/schema(\/|$))/, '')
    .replace(/\/requestBody(\/.*)?$/, '/parameters');
}

/** How each 2.0 `collectionFormat` of a form array is written, where it is not OpenAPI's default (`multi`); `tsv` has no OpenAPI style. */
const FORM_STYLES: Readonly<Record<string, JsonObject>> = {
  csv: { style: 'form', explode: false },
  ssv: { style: 'spaceDelimited', explode: false },
  pipes: { style: 'pipeDelimited', explode: false },
};

/**
 * Swagger 2.0's `collectionFormat` on a `formData` array (`csv` by default), which the converter
 * drops: the converted URL-encoded body's `encoding` says it, as a query parameter's `style` does.
 * Parameters are read inline or through `#/parameters/...`; an `encoding` the converter wrote wins.
 */
function addFormEncodings(tree: JsonObject, document: JsonObject): void {
  const resolve = (parameter: unknown): unknown => followRef(tree, parameter, '#').value;
  for (const [path, item] of Object.entries(ownObject(tree, 'paths') ?? {})) {
    if (!isObject(item)) continue;
    for (const [method, operation] of Object.entries(item)) {
      if (!isObject(operation) || method === 'parameters') continue;
      const listed = [own(item, 'parameters'), own(operation, 'parameters')].flatMap((list) => (Array.isArray(list) ? list.map(resolve) : []));
      const styles = listed.flatMap((parameter): [string, JsonObject][] => {
        if (!isObject(parameter) || own(parameter, 'in') !== 'formData' || own(parameter, 'type') !== 'array') return [];
        const name = ownString(parameter, 'name');
        const format = ownString(parameter, 'collectionFormat') ?? 'csv';
        // Its own entries only, each document given a copy of its own.
        return name !== undefined && Object.hasOwn(FORM_STYLES, format) ? [[name, { ...FORM_STYLES[format] }]] : [];
      });
      const converted = ownObject(ownObject(ownObject(document, 'paths') ?? {}, path) ?? {}, method);
      const media = ownObject(ownObject(ownObject(converted ?? {}, 'requestBody') ?? {}, 'content') ?? {}, 'application/x-www-form-urlencoded');
      if (styles.length > 0 && media) media['encoding'] = { ...Object.fromEntries(styles), ...ownObject(media, 'encoding') };
    }
  }
}
