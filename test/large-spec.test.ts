/**
 * A 20 MB document of ours (test/helpers/large-spec.ts: 1,650 operations, 5,000 schemas) is
 * refused at once by the selection limits, with a message that names the limit and how to get
 * past it, and nothing is written. Without the limits the run takes many minutes (the test times
 * out). The limits are read from the config.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { spawnCli } from './helpers/cli.ts';
import { largeSpec } from './helpers/large-spec.ts';
import { tempProject, type TempProject } from './helpers/project.ts';

let project: TempProject | undefined;
afterEach(() => project?.remove());

describe('selection size limits', () => {
  it('refuses the 20 MB document (4,997 of its 5,000 schemas reached) with OM305 and writes nothing', () => {
    const spec = largeSpec();
    expect(spec.length).toBeGreaterThan(20_000_000);
    project = tempProject({ spec, specName: 'spec/large.json', config: { select: 'all', package: { name: 'large-client' } } });
    const run = spawnCli(['generate'], project.dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('error OM305: the selection has 4,997 schemas, over the limit of 4,000 (limits.maxSchemas): select fewer operations (select.include, select.exclude) or raise limits.maxSchemas');
    expect(run.stderr).not.toContain('maxOperations');
    expect(project.exists('generated')).toBe(false);
  });

  const small = largeSpec({ seed: 3, operations: 12, schemas: 40 });
  it.each([
    { name: 'operations over limits.maxOperations', limits: { maxOperations: 11 }, want: 'the selection has 12 operations, over the limit of 11 (limits.maxOperations)' },
    { name: 'schemas over limits.maxSchemas', limits: { maxSchemas: 5 }, want: 'schemas, over the limit of 5 (limits.maxSchemas)' },
  ])('$name', ({ limits, want }) => {
    project = tempProject({ spec: small, specName: 'spec/small.json', config: { select: 'all', limits, package: { name: 'small-client' } } });
    const run = spawnCli(['generate', '--dry-run'], project.dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(want);
  });
});
