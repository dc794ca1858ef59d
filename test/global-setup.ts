import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Before the suites run, builds what they exercise from the current sources, so no test can see a
 * stale build: the toolkit's dist/ (the bin that tests spawn, the package that the install test
 * packs; `npm run build`, incremental, so an unchanged tree costs a few seconds), then the
 * checked-in package (tests that import `openai-realtime-client` use its dist/). Once per run: each
 * of vitest.config.ts's projects runs its global setup, in the same process.
 */
export default function setup(): void {
  const run = `${process.pid}`;
  if (process.env['OPENAPI_MORPH_TEST_SETUP'] === run) return;
  process.env['OPENAPI_MORPH_TEST_SETUP'] = run;
  const root = fileURLToPath(new URL('..', import.meta.url));
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
  execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'generated/tsconfig.json')], { stdio: 'inherit' });
}
