import type { ResolvedConfig } from '../config/types.ts';
import { diffSpecs, summary, toReleaseChanges } from '../diff/index.ts';
import { diffPackages } from '../diff/packages.ts';
import type { DiffReport, Semver } from '../diff/types.ts';
import type { ReleaseHistory } from '../releases.ts';
import type { SpecDocument } from '../spec-context.ts';
import type { Release } from '../releases.ts';
import { isObject } from '../json.ts';
import { semverFromInfoVersion } from '../package-identity.ts';
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
  /** The changes from `previous`, classified already (`classifyChanges`); else the spec rules alone classify them. */
  readonly report?: DiffReport;
  /** Overrides the bump the diff suggests (required without a previous spec). */
  readonly bump?: Exclude<Semver, 'none'>;
  readonly summary?: string;
  /**
   * The package's version when the history is empty (it is opt-in): its spec's info.version, which
   * the first release bumps. Undefined too: the first release is the new spec's info.version itself.
   */
  readonly unrecordedVersion?: string;
}

const ALL = { include: 'all', exclude: [] } as const;

/**
 * The changes a release records: the spec rules, and where they find no breaking change, also the
 * generated packages' public TypeScript API (`diff`'s second layer, with the project's templates),
 * which finds what they cannot: GitHub's `OrgCustomProperty` became `CustomProperty` with new
 * fields, an export gone (TS2724 in a consumer) that `sync` had released as a minor version. It
 * renders both packages in memory (and loads TypeScript before the release's own render), so it
 * runs only where it can change the bump: for a minor one, where the API changed without a
 * breaking spec change (docs alone change no export or signature).
 */
export async function classifyChanges(previous: SpecDocument, next: SpecDocument, config: ResolvedConfig): Promise<DiffReport> {
  // The spec rules run once: their report decides whether the TypeScript step runs, and stands if it fails.
  let spec: DiffReport | undefined;
  const minor = (report: DiffReport) => (spec = report).semver === 'minor';
  try {
    return (await diffPackages(previous, next, { ...config, selection: ALL }, { typescript: minor })).report;
  } catch (error) {
    // The previous spec may not render with today's templates: the spec rules' verdict, as before the TypeScript step.
    if (spec === undefined) throw error;
    return spec;
  }
}

/** The spec's `info.version` as semver (`0.0.0` when it is not one). */
export function infoVersion(spec: SpecDocument): string {
  const info = spec.document['info'];
  return semverFromInfoVersion(isObject(info) && typeof info['version'] === 'string' ? info['version'] : undefined).version;
}

/**
 * A new release for a changed spec (the history may be empty: the file is created): the diff between the previous and the new spec (all their
 * operations) gives the changelog entries and the semver bump, the version follows from the
 * newest release, and the new spec's sha256 is recorded so `check` can tell the history follows
 * the spec. Returns the history file's new text; writing it is the caller's transaction.
 */
export function recordRelease(history: ReleaseHistory, input: RecordInput): RecordedRelease {
  const report = input.report ?? (input.previous ? diffSpecs(input.previous, input.next, ALL) : undefined);
  const change: Semver = input.bump ?? report?.semver ?? 'patch';
  const current = history.releases[0]?.version ?? input.unrecordedVersion;
  const release: Release = {
    version: current === undefined ? infoVersion(input.next) : nextVersion(current, change),
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
