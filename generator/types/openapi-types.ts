import { error, MorphError } from '../diagnostics/diagnostic.ts';
import { message } from '../emit/load-templates.ts';
import type { JsonObject } from '../json.ts';
import { escapeInvisible } from '../escape/string-literal.ts';

/**
 * Types stage: openapi-typescript's Node API on the normalized subset gives `paths`,
 * `components` and `operations`, the typing backbone openapi-fetch needs. Options chosen for a
 * client: a property with a `default` stays optional (the server fills it in, the caller need not
 * send it); spec order is kept.
 */
export async function openapiTypes(document: JsonObject, specName: string): Promise<string> {
  const { default: openapiTS, astToString } = await import('openapi-typescript');
  try {
    const nodes = await openapiTS(structuredClone(document) as unknown as Parameters<typeof openapiTS>[0], {
      defaultNonNullable: false,
      silent: true,
      alphabetize: false,
      exportType: false,
    });
    // openapi-typescript leaves bidi controls and line separators raw in literals and comments;
    // as escapes they keep their value in literals and become visible text in comments.
    return escapeInvisible(astToString(nodes));
  } catch (cause) {
    throw new MorphError([error('OM206', `openapi-typescript could not type the selected operations: ${message(cause)}`, { file: specName }, cause)]);
  }
}
