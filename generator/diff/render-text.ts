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
 * a group breaking first; one line per change; a summary line with the semver bump. A change that
 * several operations share (a document's server, a shared schema's property) is printed once, in a
 * group that names those operations. Color only when asked (the CLI asks when stdout is a TTY and
 * NO_COLOR is unset).
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

/** Operations a shared change's group names before `and N more`. */
const NAMED_OPERATIONS = 3;

function groups(changes: readonly DiffChange[]): Group[] {
  const operationTitle = (change: DiffChange) => (change.operation !== null ? `${change.operation}${change.operationId ? ` (${change.operationId})` : ''}` : change.source === 'typescript' ? 'Package API' : 'Document');
  // The operations each change (by everything but its operation) is reported in.
  const same = (change: DiffChange) => JSON.stringify([change.severity, change.source, change.kind, change.location, change.message]);
  const operations = new Map<string, Set<string>>();
  for (const change of changes) {
    if (change.operation !== null) operations.set(same(change), (operations.get(same(change)) ?? new Set()).add(operationTitle(change)));
  }
  const byTitle = new Map<string, Group>();
  const printed = new Set<string>();
  for (const change of changes) {
    const key = same(change);
    const shared = change.operation === null ? undefined : operations.get(key);
    if (shared && shared.size > 1 && printed.has(key)) continue;
    printed.add(key);
    const title = shared && shared.size > 1 ? sharedTitle([...shared]) : operationTitle(change);
    const group = byTitle.get(title) ?? { title, changes: [] };
    group.changes.push(change);
    byTitle.set(title, group);
  }
  const worst = (g: Group) => Math.max(...g.changes.map((c) => severityRank(c.severity)));
  return [...byTitle.values()].sort((a, b) => worst(b) - worst(a) || compareStrings(a.title, b.title));
}

/** `3 operations: POST /a (a), GET /b (b), PUT /c (c)`, or the first three `and N more`. */
function sharedTitle(titles: readonly string[]): string {
  const named = titles.slice(0, NAMED_OPERATIONS).join(', ');
  const more = titles.length - NAMED_OPERATIONS;
  return `${titles.length} operations: ${named}${more > 0 ? ` and ${more} more` : ''}`;
}

export function summary(report: DiffReport): string {
  if (report.changes.length === 0) return 'No changes.';
  const count = (severity: Severity) => report.changes.filter((c) => c.severity === severity).length;
  return `${count('breaking')} breaking, ${count('non-breaking')} non-breaking, ${count('docs')} docs change(s): semver ${report.semver}`;
}
