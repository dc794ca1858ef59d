// Build step (`npm run build`, after tsc): prettier's output for the text that is the same in every
// package from the default templates, the runtime's files (`src/runtime/<file>` as the runtime
// template emits them), keyed as the format stage keys them with prettier's defaults and the plugin a
// TypeScript file needs. A cold run takes them from this seed instead of formatting them (about a
// third of a one-operation package's formatting). Rewritten only when a key changed (prettier's
// version, a runtime file); a team's prettier config or other plugins give other keys, so no hit.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runFormatJobs } from '../format/format-jobs.ts';
import { fileSetup } from '../format/formatter.ts';
import { FORMAT_SEED, standaloneKey } from '../format/prettier.ts';
import { installedVersion } from '../installed-version.ts';
import { compareStrings } from '../json.ts';
import { toolkitRoot } from '../toolkit.ts';

const dir = join(toolkitRoot, 'templates', 'runtime', 'files');
const version = installedVersion('prettier', toolkitRoot);
const jobs = readdirSync(dir)
  .filter((name) => name.endsWith('.ts'))
  .sort(compareStrings)
  .map((name) => ({ text: readFileSync(join(dir, name), 'utf8'), parser: 'typescript', filepath: `src/runtime/${name}` }));
// TypeScript files: each needs the typescript plugin only, as the format stage keys it.
const setup = fileSetup({ path: 'src/runtime/index.ts', content: '' });
const keys = jobs.map((job) => standaloneKey(version, setup, job));
const previous = existsSync(FORMAT_SEED) ? (JSON.parse(readFileSync(FORMAT_SEED, 'utf8')) as Record<string, string>) : {};
if (keys.length !== Object.keys(previous).length || !keys.every((key) => key in previous)) {
  const { outcomes } = await runFormatJobs(jobs, setup);
  const seed: Record<string, string> = {};
  outcomes.forEach((outcome, i) => {
    // A runtime file prettier cannot parse is left to the run, which reports it where it is emitted.
    if ('content' in outcome) seed[keys[i]!] = outcome.content;
  });
  writeFileSync(FORMAT_SEED, `${JSON.stringify(seed, null, 1)}\n`);
}
