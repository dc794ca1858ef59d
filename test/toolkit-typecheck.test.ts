import { describe, expect, it } from 'vitest';
import { tsc } from './helpers/typecheck.ts';

describe('the toolkit itself', () => {
  it('type-checks under strict (generator, templates, tests, config)', () => {
    const run = tsc(['-p', 'tsconfig.json']);
    expect(run.output).toBe('');
    expect(run.code).toBe(0);
  });
});
