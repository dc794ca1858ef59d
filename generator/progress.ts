/**
 * Where a run reports its stages (name, and a count when it has one), for the CLI's progress line
 * and `--verbose` timings. Passed explicitly through the run; the default reports nothing.
 */
export interface Progress {
  /**
   * A stage begins; the previous one (if any) ends. `startedAt`: when it began, if that was not
   * now (a worker thread's stage, told later), as `performance.timeOrigin + performance.now()`
   * there, a time every thread of the process shares.
   */
  stage(name: string, detail?: string, startedAt?: number): void;
}

/** Now, as `Progress.stage`'s `startedAt` takes it. */
export function progressTime(): number {
  return performance.timeOrigin + performance.now();
}

export const noProgress: Progress = { stage: () => undefined };
