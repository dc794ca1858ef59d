import { existsSync, lstatSync, mkdirSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

/**
 * Where openapi-morph keeps what it may forget at any time (formatted output by content hash, the
 * record of its last render in a source checkout): `node_modules/.cache/openapi-morph` of the
 * project, as other tools do, or a folder of the current user's in the OS temp folder for a project
 * without node_modules. Nothing read from it changes what a run produces, only how fast.
 */
export function cacheDir(root: string): string {
  return existsSync(join(root, 'node_modules')) ? join(root, 'node_modules', '.cache', 'openapi-morph') : join(tmpdir(), `openapi-morph-cache-${userInfo().uid}`);
}

/**
 * The cache folder, created if needed, or undefined when it cannot be trusted: it must be a real
 * folder (not a symlink) owned by the current user and writable by no one else, since what is in
 * it ends up in generated files (a shared temp folder is where another user could plant entries).
 */
export function trustedCacheDir(root: string): string | undefined {
  const dir = cacheDir(root);
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const info = lstatSync(dir);
    const owner = typeof process.getuid === 'function' ? process.getuid() : info.uid;
    return info.isDirectory() && info.uid === owner && (info.mode & 0o022) === 0 ? dir : undefined;
  } catch {
    return undefined;
  }
}
