import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Where openapi-morph keeps what it may forget at any time (formatted output by content hash, the
 * record of its last render in a source checkout): `node_modules/.cache/openapi-morph` of the
 * project, as other tools do, or a folder in the OS temp folder for a project without
 * node_modules. Nothing read from it changes what a run produces, only how fast.
 */
export function cacheDir(root: string): string {
  return existsSync(join(root, 'node_modules')) ? join(root, 'node_modules', '.cache', 'openapi-morph') : join(tmpdir(), 'openapi-morph-cache');
}
