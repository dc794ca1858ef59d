import { compareStrings } from '../json.ts';
import { severityRank } from './rules.ts';
import type { DiffChange, DiffReport, Semver } from './types.ts';
import type { ReleaseChange } from '../releases.ts';

/** Sorts the changes and derives `breaking` and `semver`. */
export function buildReport(changes: readonly DiffChange[]): DiffReport {
  const sorted = [...changes].sort(compareChanges);
  const worst = Math.max(-1, ...sorted.map((c) => severityRank(c.severity)));
  const semver: Semver = worst === 2 ? 'major' : worst === 1 ? 'minor' : worst === 0 ? 'patch' : 'none';
  return { breaking: worst === 2, semver, changes: sorted };
}

/** Document-level changes first, then by operation; within one, breaking first, spec before TypeScript. */
export function compareChanges(a: DiffChange, b: DiffChange): number {
  return (
    compareStrings(a.operation ?? '', b.operation ?? '') ||
    severityRank(b.severity) - severityRank(a.severity) ||
    compareStrings(a.source, b.source) ||
    compareStrings(a.location, b.location) ||
    compareStrings(a.kind, b.kind) ||
    compareStrings(a.message, b.message)
  );
}

/**
 * The report as changelog entries (`Release.changes` in the template API), for `sync` to record:
 * one entry per change, the location folded into the message.
 */
export function toReleaseChanges(report: DiffReport): ReleaseChange[] {
  return report.changes.map((change) => ({
    severity: change.severity,
    message: `${change.location}: ${change.message}`,
    ...(change.operation !== null ? { operation: change.operation } : {}),
  }));
}
