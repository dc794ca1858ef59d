import { diffSpecs, summary, toReleaseChanges } from '../diff/index.ts';
import type { DiffReport, Semver } from '../diff/types.ts';
import type { ReleaseHistory } from '../releases.ts';
import type { SpecDocument } from '../spec-context.ts';
import type { Release } from '../releases.ts';
import { nextVersion, releaseDate } from './version.ts';

export interface RecordedRelease {
  readonly release: Release;
  /** The whole history, the new release first. */
  readonly releases: readonly Release[];
  /** The release history file's new text. */
  readonly text: string;
  /** The classified changes, when a previous spec was compared. */
  readonly report: DiffReport | undefined;
}

export interface RecordInput {
  /** The spec the newest release describes; without it the changes are unknown and `bump` decides. */
  readonly previous: SpecDocument | undefined;
  readonly next: SpecDocument;
  /** Where the new spec came from (`--from`, or the spec file itself). */
  readonly source: string;
  /** Overrides the bump the diff suggests (required without a previous spec). */
  readonly bump?: Exclude<Semver, 'none'>;
  readonly summary?: string;
}

/**
 * A new release for a changed spec: the diff between the previous and the new spec (all their
 * operations) gives the changelog entries and the semver bump, the version follows from the
 * newest release, and the new spec's sha256 is recorded so `check` can tell the history follows
 * the spec. Returns the history file's new text; writing it is the caller's transaction.
 */
export function recordRelease(history: ReleaseHistory, input: RecordInput): RecordedRelease {
  const report = input.previous ? diffSpecs(input.previous, input.next, { include: 'all', exclude: [] }) : undefined;
  const change: Semver = input.bump ?? report?.semver ?? 'patch';
  const release: Release = {
    version: nextVersion(history.releases[0]!.version, change),
    date: releaseDate(),
    source: input.source,
    summary: input.summary ?? defaultSummary(input.source, report),
    changes: report ? toReleaseChanges(report) : [],
    specSha256: input.next.source.sha256,
  };
  const releases = [release, ...history.releases];
  const text = `${JSON.stringify({ ...history.data, releases }, null, 2)}\n`;
  return { release, releases, text, report };
}

function defaultSummary(source: string, report: DiffReport | undefined): string {
  if (!report) return `Spec updated from ${source}.`;
  if (report.changes.length === 0) return `Spec updated from ${source}: no change to the API (formatting, order or vendor extensions only).`;
  return `Spec updated from ${source}: ${summary(report)}.`;
}
