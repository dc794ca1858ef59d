import { fail } from '../diagnostics/diagnostic.ts';
import { progressTime, type Progress } from '../progress.ts';
import type { CliIO } from './command.ts';

export type Verbosity = 'silent' | 'normal' | 'verbose';

/** `--silent` and `--verbose`, for the commands that render (generate, sync). */
export const verbosityFlags = {
  silent: { type: 'boolean' },
  verbose: { type: 'boolean' },
} as const;

export const VERBOSITY_HELP = `  --silent             print errors only
  --verbose            also print each stage's duration`;

export function verbosityOf(values: { readonly silent?: boolean | undefined; readonly verbose?: boolean | undefined }): Verbosity {
  if (values.silent && values.verbose) fail('OM100', '--silent and --verbose contradict each other');
  return values.silent ? 'silent' : values.verbose ? 'verbose' : 'normal';
}

export interface StageTiming {
  readonly name: string;
  readonly detail: string | undefined;
  readonly ms: number;
}

export interface CliProgress extends Progress {
  /** Ends the last stage, clears the progress line; the stages with their durations. */
  finish(): StageTiming[];
}

/** Runs shorter than this show no progress line. */
export const PROGRESS_AFTER_MS = 1000;

/**
 * The progress line on stderr: shown only when stderr is a terminal (`io.status`), not `--silent`,
 * and only once a run has taken about a second; one line, overwritten at each stage (its name,
 * count and the time so far), cleared at the end.
 */
export function cliProgress(io: CliIO, verbosity: Verbosity, clock: () => number = progressTime): CliProgress {
  const started = clock();
  const stages: { name: string; detail: string | undefined; start: number }[] = [];
  const live = verbosity !== 'silent' ? io.status : undefined;
  let shown = false;
  const draw = () => {
    const current = stages.at(-1);
    if (!live || !current) return;
    shown = true;
    live(`openapi-morph: ${current.name}${current.detail ? ` ${current.detail}` : ''} (${((clock() - started) / 1000).toFixed(1)} s)`);
  };
  const timer = live ? setInterval(() => clock() - started >= PROGRESS_AFTER_MS && draw(), 250) : undefined;
  timer?.unref();
  return {
    stage(name, detail, startedAt) {
      // A worker's stage, told when this thread got to it, began when the worker says (the clock is `progressTime`'s).
      stages.push({ name, detail, start: startedAt ?? clock() });
      if (clock() - started >= PROGRESS_AFTER_MS) draw();
    },
    finish() {
      if (timer) clearInterval(timer);
      if (shown) live?.('');
      const end = clock();
      return stages.map((s, i) => ({ name: s.name, detail: s.detail, ms: (stages[i + 1]?.start ?? end) - s.start }));
    },
  };
}

/** Ends the progress line; with `--verbose`, prints the stages and their durations to stderr. */
export function finishProgress(progress: CliProgress, verbosity: Verbosity, io: CliIO): void {
  const timings = progress.finish();
  if (verbosity === 'verbose') io.err(`stages:\n${formatTimings(timings)}`);
}

/** `--verbose`: one line per stage, its count and duration. */
export function formatTimings(timings: readonly StageTiming[]): string {
  const width = Math.max(...timings.map((t) => t.name.length));
  return timings.map((t) => `  ${t.name.padEnd(width)}  ${formatMs(t.ms).padStart(8)}${t.detail ? `  ${t.detail}` : ''}`).join('\n');
}

export function formatMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`;
}
