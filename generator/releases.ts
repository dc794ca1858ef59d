import { readFile } from 'node:fs/promises';
import { error, fail, type Diagnostic } from './diagnostics/diagnostic.ts';
import { isObject, type JsonObject } from './json.ts';

/** A release of the generated package, newest first in `options.package.releases`. */
export interface Release {
  readonly version: string;
  /** `YYYY-MM-DD` */
  readonly date: string;
  /** Where the spec of this release came from (a file or URL). */
  readonly source: string;
  readonly summary: string;
  readonly changes: readonly ReleaseChange[];
  /** sha256 of the spec file this release describes; `check` fails when the spec moved on without a release. */
  readonly specSha256?: string;
}

export interface ReleaseChange {
  readonly severity: 'breaking' | 'non-breaking' | 'docs';
  readonly message: string;
  readonly operation?: string;
}

const VERSION = /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The release history of the generated package, newest first: the source of its version and of
 * its CHANGELOG.md. Kept next to the spec (not in the output), because generated/ is derived.
 * Opt-in: without the file (`package.releases`, default `spec/releases.json`) the history is empty,
 * the version comes from the spec's `info.version` and there is no CHANGELOG.md; `sync` and
 * `release` create the file.
 */
export async function readReleases(path: string, name: string): Promise<Release[]> {
  return (await readReleaseHistory(path, name)).releases;
}

/** The release history file: its releases, checked, and the whole object (other keys are kept when it is rewritten). */
export interface ReleaseHistory {
  /** Newest first; empty when the file does not exist yet. */
  readonly releases: Release[];
  readonly data: JsonObject;
}

export async function readReleaseHistory(path: string, name: string): Promise<ReleaseHistory> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return { releases: [], data: {} };
    fail('OM105', `release history unreadable: ${name} (${(cause as NodeJS.ErrnoException).code ?? 'read error'})`, { file: name }, cause);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (cause) {
    fail('OM105', `release history is not valid JSON: ${(cause as Error).message}`, { file: name }, cause);
  }
  const releases = isObject(data) ? data['releases'] : undefined;
  if (!Array.isArray(releases) || releases.length === 0) fail('OM105', 'expected { "releases": [ ... ] } with at least one release', { file: name, pointer: '#/releases' });
  releases.forEach((release: unknown, index: number) => {
    const at = { file: name, pointer: `#/releases/${index}` };
    if (!isObject(release)) fail('OM105', 'a release must be an object', at);
    if (typeof release['version'] !== 'string' || !VERSION.test(release['version'])) fail('OM105', 'version must be a semver version such as 1.2.3', at);
    if (typeof release['date'] !== 'string' || !DATE.test(release['date'])) fail('OM105', 'date must be YYYY-MM-DD', at);
    if (typeof release['source'] !== 'string') fail('OM105', 'source must be a string', at);
    if (typeof release['summary'] !== 'string') fail('OM105', 'summary must be a string', at);
    if (!Array.isArray(release['changes'])) fail('OM105', 'changes must be a list', at);
    if (release['specSha256'] !== undefined && (typeof release['specSha256'] !== 'string' || !/^[0-9a-f]{64}$/.test(release['specSha256']))) {
      fail('OM105', 'specSha256 must be the hex sha256 of the spec file', at);
    }
  });
  return { releases: releases as Release[], data: data as JsonObject };
}

/**
 * Whether the release history follows the spec: its newest release must name the spec's current
 * sha256. A spec changed by hand (or by anything but `sync`) without a release would ship a
 * package whose version and changelog say nothing of the change.
 */
export function releaseFollowsSpec(releases: readonly Release[], spec: { readonly name: string; readonly sha256: string }, historyName: string): Diagnostic | undefined {
  const newest = releases[0];
  if (!newest || newest.specSha256 === spec.sha256) return undefined;
  const recorded = newest.specSha256 ? `describes sha256 ${newest.specSha256.slice(0, 12)}…` : 'records no specSha256';
  return error(
    'OM701',
    `${spec.name} (sha256 ${spec.sha256.slice(0, 12)}…) changed since the newest release, ${newest.version}, which ${recorded}: the package version and CHANGELOG.md would not follow. Record a release: \`openapi-morph sync\` does so, and after a hand edit \`openapi-morph release --previous <the spec before the edit>\` (or \`--bump patch|minor|major\`).`,
    { file: historyName, pointer: '#/releases/0/specSha256' },
  );
}
