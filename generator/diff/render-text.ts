import { compareStrings } from '../json.ts';
import { severityRank } from './rules.ts';
import type { DiffChange, DiffReport, Severity } from './types.ts';

const COLORS: Record<Severity, string> = { breaking: '\u001b[31m', 'non-breaking': '\u001b[33m', docs: '\u001b[2m' };
const BOLD = '\u001b[1m';
const RESET = '\u001b[0m';

interface Group {
  readonly title: string;
  readonly changes: DiffChange[];
}

/**
 * The human report: changes grouped by operation, groups with breaking changes first, and within
 * a group breaking first; one line per change; a summary line with the semver bump. Color only
 * when asked (the CLI asks when stdout is a TTY and NO_COLOR is unset).
 */
export function renderText(report: DiffReport, options: { readonly color: boolean; readonly old: string; readonly new: string }): string {
  const paint = (severity: Severity, text: string) => (options.color ? `${COLORS[severity]}${text}${RESET}` : text);
  const bold = (text: string) => (options.color ? `${BOLD}${text}${RESET}` : text);
  const lines = [`${options.old} -> ${options.new}`];
  for (const group of groups(report.changes)) {
    lines.push('', bold(group.title));
    for (const change of group.changes) {
      const source = change.source === 'typescript' ? ' [typescript]' : '';
      lines.push(`  ${paint(change.severity, change.severity.padEnd(12))}  ${change.location} - ${change.message} (${change.kind})${source}`);
    }
  }
  lines.push('', summary(report));
  return lines.join('\n');
}

function groups(changes: readonly DiffChange[]): Group[] {
  const byTitle = new Map<string, Group>();
  for (const change of changes) {
    const title = change.operation !== null ? `${change.operation}${change.operationId ? ` (${change.operationId})` : ''}` : change.source === 'typescript' ? 'Package API' : 'Document';
    const group = byTitle.get(title) ?? { title, changes: [] };
    group.changes.push(change);
    byTitle.set(title, group);
  }
  const worst = (g: Group) => Math.max(...g.changes.map((c) => severityRank(c.severity)));
  return [...byTitle.values()].sort((a, b) => worst(b) - worst(a) || compareStrings(a.title, b.title));
}

export function summary(report: DiffReport): string {
  if (report.changes.length === 0) return 'No changes.';
  const count = (severity: Severity) => report.changes.filter((c) => c.severity === severity).length;
  return `${count('breaking')} breaking, ${count('non-breaking')} non-breaking, ${count('docs')} docs change(s): semver ${report.semver}`;
}
