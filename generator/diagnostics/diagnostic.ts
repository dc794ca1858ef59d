import type { DiagnosticCode } from './catalog.ts';

/** Where a problem is: a file, and inside it a line/column and/or a JSON pointer. */
export interface SourceLocation {
  /** Path as given by the user, or relative to the project root. */
  readonly file?: string;
  /** 1-based. */
  readonly line?: number;
  /** 1-based. */
  readonly column?: number;
  /** JSON pointer in URI-fragment form, e.g. `#/paths/~1realtime~1sessions/post`. */
  readonly pointer?: string;
}

export type Severity = 'error' | 'warning';

export interface Diagnostic {
  readonly code: DiagnosticCode;
  readonly severity: Severity;
  readonly message: string;
  readonly location?: SourceLocation;
  /** The original library error, kept for debugging (`--debug`), never printed by default. */
  readonly cause?: unknown;
}

/** Thrown by any stage; carries every problem found, so the CLI can print them all and fail. */
export class MorphError extends Error {
  readonly diagnostics: readonly Diagnostic[];

  constructor(diagnostics: readonly Diagnostic[]) {
    super(diagnostics.map((d) => `${d.code}: ${d.message}`).join('\n'));
    this.name = 'MorphError';
    this.diagnostics = diagnostics;
  }
}

export function error(
  code: DiagnosticCode,
  message: string,
  location?: SourceLocation,
  cause?: unknown,
): Diagnostic {
  return { code, severity: 'error', message, ...(location ? { location } : {}), ...(cause === undefined ? {} : { cause }) };
}

export function warning(code: DiagnosticCode, message: string, location?: SourceLocation): Diagnostic {
  return { code, severity: 'warning', message, ...(location ? { location } : {}) };
}

/** Throws a MorphError for one problem. */
export function fail(code: DiagnosticCode, message: string, location?: SourceLocation, cause?: unknown): never {
  throw new MorphError([error(code, message, location, cause)]);
}
