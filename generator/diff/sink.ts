import type { JsonObject } from '../json.ts';
import { anchorOf, reachedSchemas, type SchemaAnchor } from './anchors.ts';
import { formatMessage, ruleDirection, ruleSeverity, type MessageParams, type RuleKind } from './rules.ts';
import type { DiffChange, Direction } from './types.ts';

/** The operation a change is reported at: `POST /realtime/sessions` and its operationId. */
export interface OperationRef {
  readonly label: string;
  readonly operationId: string | null;
}

/** Where a comparison currently is: which operation, which way data flows, and a readable location. */
export interface Place {
  readonly operation: OperationRef | null;
  readonly direction: Direction;
  /** `request body application/json`, `response 200 application/json`, `parameter query limit`, `operation`. */
  readonly prefix: string;
  /** Property path below the prefix: `['turn_detection', 'type']`, `[]` for array items. */
  readonly path: readonly string[];
  /**
   * The named schemas the comparison went through to get here, and how long `path` was when it
   * entered each: a change at `service_tier` inside `Response` (reached by reference) concerns
   * `Response.service_tier` even when the keyword sits in a schema merged in by `allOf`.
   */
  readonly frames?: readonly { readonly side: 'old' | 'new'; readonly schema: string; readonly base: number }[];
}

export function locationOf(place: Place): string {
  return place.path.length === 0 ? place.prefix : `${place.prefix}: ${place.path.join('.').replace(/\.(?=[[(])/g, '')}`;
}

/** A change plus what only the TypeScript-surface diff needs: the schemas it concerns. */
export interface Finding {
  readonly change: DiffChange;
  readonly anchors: readonly SchemaAnchor[];
}

export interface Pointers {
  readonly old: string | null;
  readonly new: string | null;
}

/** Subtrees whose referenced schemas the change also concerns (an added property's `$ref` target, ...). */
export interface Reach {
  readonly old?: unknown;
  readonly new?: unknown;
}

/**
 * Collects changes, turning a rule kind into a full change through the rules table. A change inside
 * a shared schema reached twice from one operation in the same direction is kept once.
 */
export class ChangeSink {
  readonly #findings: Finding[] = [];
  readonly #seen = new Set<string>();
  /** Every `add`, kept or deduplicated: the schema comparison uses it to tell a pair had no changes. */
  attempts = 0;
  readonly #documents: { readonly old: JsonObject; readonly new: JsonObject };

  constructor(documents: { readonly old: JsonObject; readonly new: JsonObject }) {
    this.#documents = documents;
  }

  add(kind: RuleKind, place: Place, pointers: Pointers, params: MessageParams = {}, reach: Reach = {}): void {
    this.attempts++;
    const direction = ruleDirection(kind, place.direction);
    const change: DiffChange = {
      kind,
      source: 'spec',
      severity: ruleSeverity(kind, direction),
      direction,
      operation: place.operation?.label ?? null,
      operationId: place.operation?.operationId ?? null,
      location: locationOf(place),
      pointers: { old: pointers.old, new: pointers.new },
      message: formatMessage(kind, params),
    };
    const key = JSON.stringify([change.operation, change.kind, change.direction, change.location, change.pointers.old, change.pointers.new, change.message]);
    if (this.#seen.has(key)) return;
    this.#seen.add(key);
    const anchors: SchemaAnchor[] = [];
    for (const frame of place.frames ?? []) {
      anchors.push({ side: frame.side, schema: frame.schema, path: place.path.slice(frame.base).filter((segment) => !segment.startsWith('(')) });
    }
    for (const side of ['old', 'new'] as const) {
      const at = anchorOf(side, pointers[side]);
      if (at) anchors.push(at);
      if (reach[side] !== undefined) {
        for (const schema of reachedSchemas(this.#documents[side], reach[side])) anchors.push({ side, schema, path: [] });
      }
    }
    this.#findings.push({ change, anchors });
  }

  get findings(): readonly Finding[] {
    return this.#findings;
  }
}
