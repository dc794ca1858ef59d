import type { SourceLocation } from './diagnostics/diagnostic.ts';
import { Locator } from './diagnostics/locate.ts';
import type { JsonObject } from './json.ts';
import type { SpecSource } from './load/source.ts';

/** A parsed spec plus what diagnostics need to point into it. Passed explicitly between stages. */
export interface SpecDocument {
  readonly source: SpecSource;
  readonly document: JsonObject;
  /** `3.0` or `3.1`, from the `openapi` field. */
  readonly version: '3.0' | '3.1';
  /** Location (file, line, column) of a JSON pointer in this spec. */
  at(pointer: string): SourceLocation;
}

export function specDocument(source: SpecSource, document: JsonObject, version: '3.0' | '3.1'): SpecDocument {
  const locator = new Locator(source.name, source.text);
  return { source, document, version, at: (pointer) => locator.locate(pointer) };
}
