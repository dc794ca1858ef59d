/**
 * `output.format: false`: the files as the templates print them, without prettier (as
 * openapi-typescript, hey-api and orval write theirs), still all checked by `check`; switching it
 * is an input change like any other.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.ts';
import { PETS_AND_STORES } from './helpers/pets.ts';
import { tempProject } from './helpers/project.ts';

const config = (format?: boolean) => ({ output: { dir: 'client', ...(format === undefined ? {} : { format }) } });

describe('output.format', () => {
  const project = tempProject({ spec: PETS_AND_STORES, config: config(false) });
  afterAll(() => project.remove());

  it('false writes the printed files without prettier; check holds them; true formats them again', async () => {
    const plain = await runCli(['generate', '--verbose'], project.dir);
    expect(plain.code).toBe(0);
    // No format stage ran.
    expect(plain.stderr).not.toMatch(/^ {2}format /m);
    const unformatted = project.read('client/docs/PetsApi.md');
    expect((await runCli(['check'], project.dir)).code).toBe(0);

    project.write('openapi-morph.config.mjs', `export default ${JSON.stringify({ spec: 'spec/openapi.yaml', package: { name: 'test-client', apiKeyEnv: 'TEST_API_KEY' }, ...config() })};\n`);
    // The config changed: the no-op does not vouch for the unformatted files.
    const stale = await runCli(['check'], project.dir);
    expect(stale.code).toBe(1);
    const formatted = await runCli(['generate', '--verbose'], project.dir);
    expect(formatted.code).toBe(0);
    expect(formatted.stderr).toMatch(/^ {2}format /m);
    // prettier aligns the docs' tables; the printed page does not.
    expect(project.read('client/docs/PetsApi.md')).not.toBe(unformatted);
    expect(project.read('client/docs/PetsApi.md')).toMatch(/^\| -{3,} +\| -{3,}/m);
  });

  it('anything but a boolean is a located config error, and nothing is written', async () => {
    const bad = tempProject({ spec: PETS_AND_STORES, config: { output: { dir: 'client', format: 'no' } } });
    const run = await runCli(['generate'], bad.dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/openapi-morph.config.mjs:\d+ - error OM103: output.format: must be true or false/);
    expect(bad.exists('client')).toBe(false);
    bad.remove();
  });
});
