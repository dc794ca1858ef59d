/**
 * The eject record: a comment `templates eject` writes at the top of an ejected template's module
 * (its `index.ts` for a folder template), naming the default it was copied from, the toolkit
 * version, and the sha256 of that default. `generate` compares the sha256 with the current default
 * to detect override drift. A comment in the module rather than a sidecar file: it travels with
 * the file when a team copies or renames it, and it is visible where the team edits.
 *
 *   // @openapi-morph-ejected template=api toolkit=0.1.0 sha256=<64 hex>
 */
export interface EjectRecord {
  /** Name of the default template it was ejected from. */
  readonly template: string;
  /** Toolkit version that ejected it. */
  readonly toolkit: string;
  /** sha256 of the default when it was ejected (as `LoadedTemplate.sha256` computes it). */
  readonly sha256: string;
  /** 1-based line of the record in the module, for diagnostics. */
  readonly line: number;
}

export const EJECT_MARK = '@openapi-morph-ejected';

/** Only the head of a module is searched, so a record quoted further down (in docs, say) is not one. */
const HEAD_LINES = 20;

export function ejectRecordComment(record: Omit<EjectRecord, 'line'>, command: string): string {
  return [
    `// Ejected from openapi-morph ${record.toolkit} by \`${command}\`: this copy replaces the default template "${record.template}".`,
    `// ${EJECT_MARK} template=${record.template} toolkit=${record.toolkit} sha256=${record.sha256}`,
    '// `openapi-morph generate` warns when the default changes after this record (override drift). Review the',
    '// new default, then set sha256= above to the value the warning names. Docs: templates/README.md in openapi-morph.',
    '',
  ].join('\n');
}

/**
 * The record in a module's first lines: the record, `'malformed'` (the mark is there but a field is
 * missing or the hash is not 64 hex digits, worth a warning: drift would go unnoticed), or
 * undefined (a template the team wrote themselves).
 */
export function readEjectRecord(text: string): EjectRecord | { readonly malformed: true; readonly line: number } | undefined {
  const lines = text.split(/\r?\n/, HEAD_LINES);
  for (const [index, line] of lines.entries()) {
    const at = line.indexOf(EJECT_MARK);
    if (at < 0 || !/^\s*(\/\/|\*|\/\*)/.test(line)) continue;
    const fields = new Map<string, string>();
    for (const match of line.slice(at + EJECT_MARK.length).matchAll(/([a-z0-9]+)=(\S+)/g)) fields.set(match[1]!, match[2]!);
    const template = fields.get('template');
    const toolkit = fields.get('toolkit');
    const sha256 = fields.get('sha256');
    if (template && toolkit && sha256 && /^[0-9a-f]{64}$/.test(sha256)) return { template, toolkit, sha256, line: index + 1 };
    return { malformed: true, line: index + 1 };
  }
  return undefined;
}
