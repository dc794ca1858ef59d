import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Before the suites run, builds what they exercise from the current sources, so no test can see a
 * stale build: the toolkit's dist/ (the bin that tests spawn, the package that the install test
 * packs; `npm run build`, incremental, so an unchanged tree costs a few seconds), then the
 * checked-in package (tests that import `openai-realtime-client` use its dist/).
 */
export default function setup(): void {
  const root = fileURLToPath(new URL('..', import.meta.url));
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
  execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'generated/tsconfig.json')], { stdio: 'inherit' });
}
