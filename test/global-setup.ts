import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Builds the checked-in package once before the suites run, so tests that import
 * `openai-realtime-client` (its dist/) exercise the current generated sources, not a stale build.
 */
export default function setup(): void {
  const root = fileURLToPath(new URL('..', import.meta.url));
  execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'generated/tsconfig.json')], { stdio: 'inherit' });
}
