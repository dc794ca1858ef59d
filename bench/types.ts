/** One figure a benchmark reports. */
export interface Measurement {
  readonly label: string;
  readonly value: number;
  readonly unit: string;
  readonly note?: string;
}

/**
 * A benchmark module: `bench/<name>.bench.ts` whose default export is one of these. Benchmarks
 * measure; they never pass or fail (speed targets are not tests).
 */
export interface Benchmark {
  readonly name: string;
  readonly description: string;
  run(): Promise<readonly Measurement[]>;
}

/** The middle value (the upper one of an even count): what benchmarks report of repeated runs. */
export const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
