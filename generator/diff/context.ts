import type { JsonObject } from '../json.ts';
import type { ChangeSink, Place } from './sink.ts';
import type { StructureCache } from './structure.ts';

/** The two normalized subsets being compared and where changes go. */
export interface DiffContext {
  readonly old: JsonObject;
  readonly new: JsonObject;
  readonly sink: ChangeSink;
  /** Component schema names in each subset, for rename detection. */
  readonly oldSchemas: ReadonlySet<string>;
  readonly newSchemas: ReadonlySet<string>;
  /** Structures already computed in each document (structure.ts). */
  readonly structures: { readonly old: StructureCache; readonly new: StructureCache };
  /** Schema pairs being compared right now (`direction|old|new`), so recursive schemas terminate. */
  readonly comparing: Set<string>;
  /**
   * Schema pairs (with direction and union context) known to have no changes at all. Shared
   * schemas are compared again for every operation that reaches them (changes are reported per
   * operation), and most of them did not change: this skips those repeats.
   */
  readonly unchanged: Set<string>;
  /** How many times a recursion was cut short; a comparison that cut one is not known to be clean. */
  cuts: number;
}

/** A place inside a request or response schema. */
export interface SchemaPlace extends Place {
  readonly direction: 'request' | 'response';
  /**
   * Primitive types (`string`, `number`, ... or `*` for anything) that a sibling member of an
   * enclosing union admits without restriction, in each document. An enum whose values all fall in
   * them does not change the generated TypeScript type when it changes (`string | "a"` is `string`).
   */
  readonly openOld: ReadonlySet<string>;
  readonly openNew: ReadonlySet<string>;
  /** Set when a plain schema is compared as the single member of a union: its annotations were already compared. */
  readonly skipAnnotations?: boolean;
}

const NONE: ReadonlySet<string> = new Set();

/** A place one property (or `[]` for array items) deeper: unions do not reach into members' properties. */
export function descend(place: SchemaPlace, segment: string): SchemaPlace {
  return { ...place, path: [...place.path, segment], openOld: NONE, openNew: NONE, skipAnnotations: false };
}

export function schemaPlace(place: Place, direction: 'request' | 'response'): SchemaPlace {
  return { ...place, direction, openOld: NONE, openNew: NONE };
}
