import type { JsonObject } from '../json.ts';
import type { ChangeSink, Place } from './sink.ts';

/** The two normalized subsets being compared and where changes go. */
export interface DiffContext {
  readonly old: JsonObject;
  readonly new: JsonObject;
  readonly sink: ChangeSink;
  /** Component schema names in each subset, for rename detection. */
  readonly oldSchemas: ReadonlySet<string>;
  readonly newSchemas: ReadonlySet<string>;
  /** Schema pairs being compared right now (`direction|old|new`), so recursive schemas terminate. */
  readonly comparing: Set<string>;
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
