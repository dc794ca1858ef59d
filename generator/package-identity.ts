/**
 * A package's name and version when no config or release history gives them: from the spec's
 * `info.title` and `info.version`. Leaf module: the config check, the pipeline and `init` use it.
 */

/** What npm accepts as a package name (optionally scoped), lower case. */
export const NPM_NAME = /^(@[a-z0-9-~][a-z0-9-._~]*\/)?[a-z0-9-~][a-z0-9-._~]*$/;

export const FALLBACK_PACKAGE_NAME = 'api-client';

/**
 * `info.title` as an npm name: lower case, every run of other characters one `-`, no leading or
 * trailing punctuation, at most 214 characters ("Pet Store API (v2)" gives `pet-store-api-v2`).
 */
export function packageNameFromTitle(title: string | undefined): string {
  const name = (title ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9._~-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-._~]+|[-._~]+$/g, '')
    .slice(0, 214)
    .replace(/[-._~]+$/, '');
  return name === '' || name === 'node_modules' || name === 'favicon.ico' ? FALLBACK_PACKAGE_NAME : name;
}

const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?(\+[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?$/;

/**
 * `info.version` as a semver version: as is when it is one; `v1.2` and `1.2` padded to `1.2.0`;
 * a date `2024-10-01` read as `2024.10.1`; leading zeros dropped. Anything else gives `0.0.0` and
 * `recognized: false` (the caller warns).
 */
export function semverFromInfoVersion(version: string | undefined): { readonly version: string; readonly recognized: boolean } {
  const text = (version ?? '').trim().replace(/^[vV=]/, '');
  if (SEMVER.test(text)) return { version: text, recognized: true };
  const parts = /^(\d+)(?:[.-](\d+))?(?:[.-](\d+))?$/.exec(text);
  if (parts) return { version: [parts[1], parts[2] ?? '0', parts[3] ?? '0'].map((n) => String(Number(n))).join('.'), recognized: true };
  return { version: '0.0.0', recognized: false };
}
