import { realpathSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Which `$ref`s may leave the document. Default: none. With `external: true`, relative file
 * references resolve, but only to files under the spec's own folder (symlinks resolved first),
 * and http(s) references only to the hosts listed. `file://` URLs, absolute paths, `..` escapes
 * and every other scheme are always refused.
 */
export type RefPolicy = { readonly external: false } | { readonly external: true; readonly allowHosts?: readonly string[] };

export const defaultRefPolicy: RefPolicy = { external: false };

/** Where an external reference points, once the policy allowed it. */
export type ExternalLocation = { readonly kind: 'file'; readonly path: string } | { readonly kind: 'url'; readonly url: string };

/** A refusal, worded for the user; `undefined` means allowed. */
export function checkExternalRef(
  ref: string,
  base: ExternalLocation,
  policy: RefPolicy,
  specDir: string,
): { location: ExternalLocation; fragment: string } | { refused: string } {
  if (!policy.external) return { refused: 'external references are off (set refs: { external: true } in the config to allow files under the spec folder)' };
  const hash = ref.indexOf('#');
  const target = hash === -1 ? ref : ref.slice(0, hash);
  const fragment = hash === -1 ? '' : ref.slice(hash + 1);
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(target)?.[1]?.toLowerCase();

  if (scheme === 'http' || scheme === 'https' || (scheme === undefined && base.kind === 'url')) {
    let url: URL;
    try {
      url = new URL(target, base.kind === 'url' ? base.url : undefined);
    } catch {
      return { refused: 'not a valid URL' };
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return { refused: `${url.protocol} references are refused` };
    const allowed = policy.allowHosts ?? [];
    if (!allowed.includes(url.host) && !allowed.includes(url.hostname)) {
      return { refused: `host ${url.host} is not in refs.allowHosts${allowed.length === 0 ? ' (no hosts are allowed by default)' : ''}` };
    }
    return { location: { kind: 'url', url: url.href }, fragment };
  }
  if (scheme !== undefined && !/^[a-zA-Z]$/.test(scheme)) return { refused: `${scheme}: references are refused; only relative file paths and allow-listed http(s) URLs` };
  if (isAbsolute(target) || /^[a-zA-Z]:[\\/]/.test(target) || target.startsWith('\\')) return { refused: 'absolute paths are refused; use a path relative to the spec' };
  if (base.kind !== 'file') return { refused: 'a file reference inside a downloaded document is refused' };

  const path = resolve(base.path, '..', decodeURIComponent(target));
  const root = safeRealpath(specDir);
  const real = safeRealpath(path);
  if (real === undefined) return { refused: `file not found: ${relative(specDir, path)}` };
  if (real !== root && !real.startsWith(root + sep)) return { refused: 'the file is outside the spec folder' };
  return { location: { kind: 'file', path: real }, fragment };
}

function safeRealpath(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}

export function locationKey(location: ExternalLocation): string {
  return location.kind === 'file' ? `file:${location.path}` : location.url;
}

export function fileLocation(path: string): ExternalLocation {
  return { kind: 'file', path: path.startsWith('file:') ? fileURLToPath(path) : path };
}
