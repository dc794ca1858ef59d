import { readFile } from 'node:fs/promises';
import { fail } from './diagnostics/diagnostic.ts';
import { isObject, type JsonObject } from './json.ts';
import type { Release } from './template-api/types.ts';

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
