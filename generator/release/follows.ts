import { error, type Diagnostic } from '../diagnostics/diagnostic.ts';
import type { Release } from '../template-api/types.ts';

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
