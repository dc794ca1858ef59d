import type { SourceLocation } from './diagnostics/diagnostic.ts';
import { Locator } from './diagnostics/locate.ts';
import type { JsonObject } from './json.ts';
import type { SpecSource } from './load/source.ts';

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
  /** `3.0` or `3.1`, from the `openapi` field. */
  readonly version: '3.0' | '3.1';
  /** External documents bundled in (only when the config allows external references). */
  readonly externals: readonly ExternalDocument[];
  /** Location (file, line, column) of a JSON pointer in this spec. */
  at(pointer: string): SourceLocation;
}

export function specDocument(source: SpecSource, document: JsonObject, version: '3.0' | '3.1', externals: readonly ExternalDocument[] = []): SpecDocument {
  const locator = new Locator(source.name, source.text);
  return { source, document, version, externals, at: (pointer) => locator.locate(pointer) };
}
