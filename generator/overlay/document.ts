import { error, fail } from '../diagnostics/diagnostic.ts';
import { DiagnosticCollector } from '../diagnostics/collector.ts';
import { Locator } from '../diagnostics/locate.ts';
import { isObject, own } from '../json.ts';
import type { Limits } from '../load/limits.ts';
import { childPointer } from '../pointer.ts';
import { parseCheckedTree } from '../load/checked-tree.ts';
import type { SpecSource } from '../load/source.ts';

/** One action of an overlay, with where it is written (for messages). */
export interface OverlayAction {
  /** A JSONPath expression selecting the nodes to change. */
  readonly target: string;
  readonly description?: string;
  /** Merged into each selected object, or appended to each selected array. */
  readonly update?: unknown;
  /** Removes each selected node from its parent. Wins over `update`. */
  readonly remove: boolean;
  /** `#/actions/3` */
  readonly pointer: string;
}

/** A parsed, checked Overlay 1.0 document. */
export interface Overlay {
  /** Project-relative path, for messages. */
  readonly file: string;
  readonly title: string;
  readonly actions: readonly OverlayAction[];
  /** Location of a pointer in the overlay file. */
  at(pointer: string): ReturnType<Locator['locate']>;
}

const ROOT_KEYS = new Set(['overlay', 'info', 'extends', 'actions']);
const ACTION_KEYS = new Set(['target', 'description', 'update', 'remove']);

/**
 * Parses an OpenAPI Overlay 1.0 document (YAML or JSON, with the spec loader's size, depth and
 * alias limits) and checks its shape: `overlay: 1.0.x`, `info` with `title` and `version`, and a
 * non-empty `actions` list whose entries have a string `target` and an `update` or `remove: true`.
 * Every problem is reported at its line in the overlay file; vendor extensions (`x-...`) are allowed.
 */
export function parseOverlay(source: SpecSource, limits: Limits): Overlay {
  const tree = parseCheckedTree(source, limits);
  const locator = new Locator(source.name, source.text);
  const diagnostics = new DiagnosticCollector();
  const problem = (pointer: string, text: string) => diagnostics.add(error('OM801', text, locator.locate(pointer)));

  if (!isObject(tree)) fail('OM801', 'an overlay must be a mapping with overlay, info and actions', locator.locate('#'));
  const version = own(tree, 'overlay');
  if (typeof version !== 'string' || !/^1\.0\.\d+$/.test(version)) problem('#/overlay', `"overlay" must be a 1.0.x version string (the Overlay Specification 1.0), got ${JSON.stringify(version ?? null)}`);
  const info = own(tree, 'info');
  if (!isObject(info) || typeof own(info, 'title') !== 'string' || typeof own(info, 'version') !== 'string') problem('#/info', '"info" must have a string "title" and "version"');
  unknownKeys(tree, ROOT_KEYS, '#', problem);

  const list = own(tree, 'actions');
  const actions: OverlayAction[] = [];
  if (!Array.isArray(list) || list.length === 0) problem('#/actions', '"actions" must be a non-empty list');
  else {
    list.forEach((entry: unknown, index: number) => {
      const pointer = `#/actions/${index}`;
      if (!isObject(entry)) return problem(pointer, 'an action must be a mapping with a target');
      const target = own(entry, 'target');
      const remove = own(entry, 'remove');
      const update = own(entry, 'update');
      const description = own(entry, 'description');
      if (typeof target !== 'string' || !target.startsWith('$')) problem(`${pointer}/target`, '"target" must be a JSONPath expression starting with $');
      if (remove !== undefined && typeof remove !== 'boolean') problem(`${pointer}/remove`, '"remove" must be true or false');
      if (remove !== true && update === undefined) problem(pointer, 'an action needs an "update" or "remove: true"');
      if (description !== undefined && typeof description !== 'string') problem(`${pointer}/description`, '"description" must be a string');
      unknownKeys(entry, ACTION_KEYS, pointer, problem);
      if (typeof target === 'string') {
        actions.push({ target, remove: remove === true, pointer, ...(update !== undefined ? { update } : {}), ...(typeof description === 'string' ? { description } : {}) });
      }
    });
  }
  diagnostics.throwIfErrors();
  return {
    file: source.name,
    title: String(own(info as Record<string, unknown>, 'title')),
    actions,
    at: (pointer) => locator.locate(pointer),
  };
}

function unknownKeys(node: Record<string, unknown>, known: ReadonlySet<string>, at: string, problem: (pointer: string, text: string) => void): void {
  for (const key of Object.keys(node)) {
    if (!known.has(key) && !key.startsWith('x-')) problem(childPointer(at, key), `unknown member "${key}" (allowed: ${[...known].join(', ')}, and x- extensions)`);
  }
}
