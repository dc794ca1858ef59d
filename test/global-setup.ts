import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Before the suites run, builds what they exercise from the current sources, so no test can see a
 * stale build: the toolkit's dist/ (the bin that tests spawn, the package that the install test
 * packs; `npm run build`, incremental, so an unchanged tree costs a few seconds), then the
 * checked-in package (tests that import `openai-realtime-client` use its dist/). Once per run: each
 * of vitest.config.ts's projects runs its global setup, in the same process. The suites get a
 * temp folder of their own (`TMPDIR`), removed after the run.
 */
export default function setup(): (() => void) | undefined {
  const run = `${process.pid}`;
  if (process.env['OPENAPI_MORPH_TEST_SETUP'] === run) return undefined;
  process.env['OPENAPI_MORPH_TEST_SETUP'] = run;
  // A temp folder of this run's own, for the test workers and every process they start: a project
  // without node_modules keeps its format cache in the OS temp folder, which other checkouts and
  // versions on the machine share (an older version once read a newer one's entries there).
  const temp = mkdtempSync(join(tmpdir(), 'om-test-run-'));
  process.env['TMPDIR'] = temp;
  const root = fileURLToPath(new URL('..', import.meta.url));
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
  execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'generated/tsconfig.json')], { stdio: 'inherit' });
  return () => rmSync(temp, { recursive: true, force: true });
}
