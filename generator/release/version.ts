import type { Semver } from '../diff/types.ts';

/**
 * The next version for a change of the given weight. From 1.0.0 on, semver as is. Before 1.0.0
 * (an unstable API, by semver's own rule) a breaking change bumps the minor version and anything
 * else the patch version, which is how npm's caret ranges read 0.x versions: `^0.3.1` accepts
 * 0.3.9, never 0.4.0. `none` still bumps the patch: the spec's bytes changed, so the package did.
 */
export function nextVersion(current: string, change: Semver): string {
  const match = /^(\d+)\.(\d+)\.(\d+)/.exec(current);
  if (!match) throw new Error(`not a semver version: ${current}`);
  const [major, minor, patch] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const bump = major === 0 ? (change === 'major' ? 'minor' : 'patch') : change === 'none' ? 'patch' : change;
  if (bump === 'major') return `${major + 1}.0.0`;
  if (bump === 'minor') return `${major}.${minor + 1}.0`;
  return `${major}.${minor}.${patch + 1}`;
}

/** Today (UTC) as YYYY-MM-DD, or the day of SOURCE_DATE_EPOCH when set (reproducible builds). */
export function releaseDate(env: NodeJS.ProcessEnv = process.env): string {
  const epoch = env['SOURCE_DATE_EPOCH'];
  const date = epoch !== undefined && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : new Date();
  return date.toISOString().slice(0, 10);
}
