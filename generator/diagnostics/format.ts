import type { Diagnostic, SourceLocation } from './diagnostic.ts';

/** `spec/openapi.yaml:12:7 (#/paths/~1a/post)` */
export function formatLocation(location: SourceLocation | undefined): string {
  if (!location) return '';
  let where = location.file ?? '';
  if (location.file && location.line !== undefined) {
    where += `:${location.line}`;
    if (location.column !== undefined) where += `:${location.column}`;
  }
  if (location.pointer) where += where ? ` (${location.pointer})` : location.pointer;
  return where;
}

/** One line a diagnostic, compiler style: `file:line:col (pointer) - error OM206: message`. */
export function formatDiagnostic(diagnostic: Diagnostic): string {
  const where = formatLocation(diagnostic.location);
  const head = `${diagnostic.severity} ${diagnostic.code}`;
  const message = diagnostic.message.replace(/\s*\n\s*/g, ' ');
  return where ? `${where} - ${head}: ${message}` : `${head}: ${message}`;
}

export function formatDiagnostics(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const lines = diagnostics.map(formatDiagnostic);
  if (errors > 0) lines.push(`${errors} error${errors === 1 ? '' : 's'}; nothing was written.`);
  return lines.join('\n');
}
