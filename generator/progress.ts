/**
 * Where a run reports its stages (name, and a count when it has one), for the CLI's progress line
 * and `--verbose` timings. Passed explicitly through the run; the default reports nothing.
 */
export interface Progress {
  /** A stage begins; the previous one (if any) ends. */
  stage(name: string, detail?: string): void;
}

export const noProgress: Progress = { stage: () => undefined };
