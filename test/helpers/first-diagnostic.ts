import { MorphError } from '../../generator/diagnostics/diagnostic.ts';

/** The first diagnostic of the MorphError that `fn` throws; any other outcome fails the test. */
export function firstDiagnostic(fn: () => unknown): MorphError['diagnostics'][number] {
  try {
    fn();
  } catch (error) {
    if (error instanceof MorphError) return error.diagnostics[0]!;
    throw error;
  }
  throw new Error('expected a failure');
}
