/**
 * The diff's public result. `DiffReport` is exactly what `openapi-morph diff --json` prints; its
 * shape is documented in the README and kept stable (add fields, never rename or remove them).
 */

export type Severity = 'breaking' | 'non-breaking' | 'docs';

/** Which way the changed data flows for a client: it sends requests and reads responses. */
export type Direction = 'request' | 'response' | 'both';

/** `spec`: found by comparing the two documents; `typescript`: by comparing the generated packages' public API. */
export type ChangeSource = 'spec' | 'typescript';

/** The version bump the changes call for: breaking -> major, non-breaking -> minor, docs -> patch. */
export type Semver = 'major' | 'minor' | 'patch' | 'none';

export interface DiffChange {
  /** A rule of the rules table (generator/diff/rules.ts), e.g. `request-property-became-required`. */
  readonly kind: string;
  readonly source: ChangeSource;
  readonly severity: Severity;
  readonly direction: Direction;
  /** `POST /realtime/sessions`; null for changes that concern no single operation (document info, package exports). */
  readonly operation: string | null;
  readonly operationId: string | null;
  /**
   * Where, readable: `request body application/json: turn_detection.type` for spec changes,
   * `RealtimeSessionCreateRequest.model` or `RealtimeApi.createRealtimeSession(body)` for TypeScript ones.
   */
  readonly location: string;
  /**
   * JSON pointers of the changed node in the old and the new document. For an addition `old` is the
   * nearest node that exists in the old document (the parent that gained it); for a removal `new` is
   * the parent that lost it. Both are null for TypeScript changes.
   */
  readonly pointers: { readonly old: string | null; readonly new: string | null };
  /** One line, no trailing period. */
  readonly message: string;
}

export interface DiffReport {
  /** True when any change is breaking. */
  readonly breaking: boolean;
  readonly semver: Semver;
  /** Sorted: by operation (document-level first), breaking first, then kind and location. */
  readonly changes: readonly DiffChange[];
}
