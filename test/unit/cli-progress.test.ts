/**
 * `--verbose` stage timings (generator/cli/progress.ts): a stage lasts until the next one begins,
 * and a worker thread's stage (sync's upstream), told when the main thread gets to it, counts from
 * when the worker began it.
 */
import { describe, expect, it } from 'vitest';
import { cliProgress } from '../../generator/cli/progress.ts';
import type { CliIO } from '../../generator/cli/command.ts';

const io = { out: () => undefined, err: () => undefined } as unknown as CliIO;

describe('stage timings', () => {
  it('times a stage to the next one, a worker\'s stage from when the worker began it', () => {
    // The clock and a worker's times are `progressTime`'s: one time line for every thread.
    const start = 1_700_000_000_000;
    let now = start;
    const progress = cliProgress(io, 'verbose', () => now);
    // The main thread hears of the worker's three stages at 300 ms, all at once.
    now = start + 300;
    progress.stage('load', 'upstream.yaml', start + 10);
    progress.stage('select', undefined, start + 260);
    progress.stage('validate', '1 operation', start + 280);
    now = start + 320;
    progress.stage('model');
    now = start + 400;
    expect(progress.finish()).toStrictEqual([
      { name: 'load', detail: 'upstream.yaml', ms: 250 },
      { name: 'select', detail: undefined, ms: 20 },
      { name: 'validate', detail: '1 operation', ms: 40 },
      { name: 'model', detail: undefined, ms: 80 },
    ]);
  });
});
