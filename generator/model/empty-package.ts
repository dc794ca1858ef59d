import { warning, type Diagnostic, type SourceLocation } from '../diagnostics/diagnostic.ts';
import { isObject, own, type JsonObject } from '../json.ts';
import type { ApiModel } from './types.ts';

/**
 * A document selected with `--all` that defines no operation, no schema and no webhook
 * (`paths: {}`, with or without an empty `components`; or whose only operations, QUERY ones,
 * are excluded beside an empty `components`) is valid: its package is generated, as a
 * types generator writes an empty types file, and this warning (OM306, at `paths`) says it holds
 * no method and no model, so a wrong file or an unfinished spec does not pass unnoticed. `locate`
 * is called only then: a location reads the spec's text again.
 */
export function emptyPackageWarnings(model: ApiModel, subset: JsonObject, locate: (pointer: string) => SourceLocation): Diagnostic[] {
  const webhooks = own(subset, 'webhooks');
  if (model.tags.some((tag) => tag.operations.length > 0) || model.schemas.length > 0 || (isObject(webhooks) && Object.keys(webhooks).length > 0)) return [];
  return [warning('OM306', `the selection keeps no operation, schema or webhook of ${model.source.name}: the package has no method and no model`, locate('#/paths'))];
}
