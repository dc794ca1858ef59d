import type { SourceLocation } from './diagnostics/diagnostic.ts';
import { Locator } from './diagnostics/locate.ts';
import type { JsonObject } from './json.ts';
import type { SpecSource } from './load/source.ts';

/** The OpenAPI versions read; 3.2 is 3.1 plus additions (normalize reads it as 3.1). */
export type SpecVersion = '3.0' | '3.1' | '3.2';

/** A document an external `$ref` brought in (recorded in the manifest). */
export interface ExternalDocument {
  /** Project-relative path or URL. */
  readonly name: string;
  readonly sha256: string;
}

/** A parsed spec plus what diagnostics need to point into it. Passed explicitly between stages. */
export interface SpecDocument {
  readonly source: SpecSource;
  readonly document: JsonObject;
  /** From the `openapi` field (`3.0` for a converted Swagger 2.0 document). */
  readonly version: SpecVersion;
  /** External documents bundled in (only when the config allows external references). */
  readonly externals: readonly ExternalDocument[];
  /** Location (file, line, column) of a JSON pointer in this spec. */
  at(pointer: string): SourceLocation;
}

export function specDocument(source: SpecSource, document: JsonObject, version: SpecVersion, externals: readonly ExternalDocument[] = []): SpecDocument {
  // Through `source`, not the string: a source that lets go of its text (`narrowedTo`) reads it again here.
  const locator = new Locator(source.name, () => source.text);
  return { source, document, version, externals, at: (pointer) => locator.locate(pointer) };
}

/**
 * The same spec whose `document` is a subset of it (the selection's): locations still point into
 * the source, and neither the whole tree nor, for a file, its text is held any longer by whoever
 * holds the result (the source reads the file again if a diagnostic needs a line).
 */
export function narrowedTo(spec: SpecDocument, subset: JsonObject): SpecDocument {
  spec.source.release?.();
  return { ...spec, document: subset };
}
