import { describe, it } from 'vitest';

/** Something a suite needs from outside the repository: the ../shared snapshots, a Chromium binary. */
export interface RequiredInput {
  /** What it is and where it was looked for. */
  readonly what: string;
  readonly present: boolean;
  /** How to provide it. */
  readonly hint: string;
}

/**
 * `describe` for a suite that needs an outside input. Present: the suite runs. Missing on a
 * developer's machine: the suite is reported as skipped, with the reason in its name. Missing with
 * `CI` set (.ci/run sets it): the suite fails, so a green CI run means these tests ran.
 */
export function describeNeeding(input: RequiredInput, name: string, body: () => void): void {
  if (input.present) {
    describe(name, body);
  } else if (process.env['CI']) {
    describe(name, () => {
      it(`needs ${input.what}`, () => {
        throw new Error(`${input.what} is missing (${input.hint}); CI is set, so this fails instead of skipping`);
      });
    });
  } else {
    describe.skip(`${name} [skipped: ${input.what} is missing; ${input.hint}]`, body);
  }
}
