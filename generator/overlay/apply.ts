import { error, warning, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { jsonPath } from '../heavy.ts';
import { isObject, own, setOwn, type JsonObject } from '../json.ts';
import type { Overlay, OverlayAction } from './document.ts';

interface Match {
  readonly value: unknown;
  readonly parent: unknown;
  readonly parentProperty: string | number | null;
  readonly pointer: string;
}

/**
 * Applies an overlay's actions in order to a document, in place (the caller owns the freshly
 * loaded tree). Per the Overlay Specification:
 * - `remove: true` deletes each selected node from its parent object or array;
 * - `update` on a selected object merges recursively: objects merge key by key, arrays are
 *   concatenated (the 1.1 clarification), anything else is replaced by the update's value;
 * - `update` on a selected array appends the update as one entry;
 * - a target that selects nothing is reported: a warning, or an error when `strict`.
 * Targets are evaluated by jsonpath-plus with `eval: 'safe'`: filter expressions such as
 * `[?(@.name == 'limit')]` run in its own interpreter, never through `eval` or `Function`, and
 * cannot reach prototypes; overlays are the project's own files, not upstream input.
 */
export function applyOverlay(document: JsonObject, overlay: Overlay, strict: boolean): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const action of overlay.actions) {
    const matches = evaluate(document, overlay, action, diagnostics);
    if (matches === undefined) continue;
    if (matches.length === 0) {
      const text = `target ${action.target} matches nothing${action.description ? ` (${action.description})` : ''}; the upstream document may have changed`;
      diagnostics.push(strict ? error('OM802', `${text} (--strict)`, overlay.at(`${action.pointer}/target`)) : warning('OM802', text, overlay.at(`${action.pointer}/target`)));
      continue;
    }
    if (action.remove) removeAll(matches, document, overlay, action, diagnostics);
    else for (const match of matches) update(match, action, overlay, diagnostics);
  }
  return diagnostics;
}

function evaluate(document: JsonObject, overlay: Overlay, action: OverlayAction, diagnostics: Diagnostic[]): Match[] | undefined {
  try {
    return jsonPath().JSONPath({ path: action.target, json: document, resultType: 'all', eval: 'safe', ignoreEvalErrors: false, wrap: true }) as Match[];
  } catch (cause) {
    diagnostics.push(error('OM803', `target ${action.target} is not a JSONPath expression openapi-morph can evaluate: ${(cause as Error).message}`, overlay.at(`${action.pointer}/target`), cause));
    return undefined;
  }
}

function update(match: Match, action: OverlayAction, overlay: Overlay, diagnostics: Diagnostic[]): void {
  if (Array.isArray(match.value)) {
    match.value.push(structuredClone(action.update));
  } else if (isObject(match.value) && isObject(action.update)) {
    mergeInto(match.value, action.update);
  } else {
    const what = isObject(match.value) ? 'an object, but the update is not a mapping' : 'a single value; target its parent object and update the member instead';
    diagnostics.push(error('OM804', `target ${action.target} selects ${what} (at ${match.pointer || '/'})`, overlay.at(`${action.pointer}/update`)));
  }
}

/** Recursive merge of `update` into `target`; values from the overlay are copied, never shared. */
function mergeInto(target: JsonObject, update: JsonObject): void {
  for (const [key, value] of Object.entries(update)) {
    const current = own(target, key);
    if (isObject(current) && isObject(value)) mergeInto(current, value);
    else if (Array.isArray(current) && Array.isArray(value)) current.push(...structuredClone(value));
    else setOwn(target, key, structuredClone(value));
  }
}

function removeAll(matches: readonly Match[], document: JsonObject, overlay: Overlay, action: OverlayAction, diagnostics: Diagnostic[]): void {
  // Array entries go from the highest index down, so earlier removals do not shift later ones.
  const ordered = [...matches].sort((a, b) => (typeof b.parentProperty === 'number' ? b.parentProperty : -1) - (typeof a.parentProperty === 'number' ? a.parentProperty : -1));
  for (const match of ordered) {
    if (match.value === document || match.parentProperty === null) {
      diagnostics.push(error('OM804', `target ${action.target} selects the whole document, which cannot be removed`, overlay.at(`${action.pointer}/target`)));
    } else if (Array.isArray(match.parent) && typeof match.parentProperty === 'number') {
      match.parent.splice(match.parentProperty, 1);
    } else if (isObject(match.parent)) {
      delete match.parent[String(match.parentProperty)];
    }
  }
}
