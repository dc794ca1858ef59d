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
