import { formatDiagnostic } from '../diagnostics/format.ts';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { ResolvedConfig } from '../config/types.ts';
import type { DiffReport } from '../diff/types.ts';
import type { Release } from '../releases.ts';
import { statSync } from 'node:fs';
import { writePendingCodeCaches } from '../code-cache.ts';
import { applyEngineFlagsWithoutWorker, preferSmallHeaps } from '../engine-flags.ts';
import { LARGE_SPEC_BYTES } from '../load/limits.ts';

/** Where a command prints, and the folder it runs in; tests pass their own. */
export interface CliIO {
  readonly cwd: string;
  out(text: string): void;
  err(text: string): void;
  readonly color: boolean;
  /**
   * Overwrites one status line on stderr (an empty text clears it). Only when stderr is a
   * terminal: elsewhere progress would be noise in a log.
   */
  readonly status?: (text: string) => void;
}

/** A command's module (its name and one-line summary are in the CLI's command table, so `--help` loads no command). */
export interface Command {
  /** Full `--help` text. */
  readonly help: string;
  run(args: readonly string[], io: CliIO): Promise<number>;
}

export const SELECTION_HELP = `Selection (replaces the config's selection):
  --path P             operations under path P (exact, or a glob with *); repeatable
  --tag T              operations tagged T; repeatable
  --operation-id ID    the operation with this operationId; repeatable
  --all                every operation in the spec`;

export const RENDER_HELP = `Templates:
  --strict             override drift (a default that an ejected team template
                       replaced has changed since) is an error, not a warning
  --typecheck          type-check the emitted TypeScript before writing (default:
                       only when the config names a team template folder)
  --force              render even when no input changed since the last render
                       (without it, unchanged inputs and output are decided from
                       the manifest's hashes, without rendering), and format
                       every file the format cache does not hold (without it,
                       generate reads back from the output folder what prettier
                       made of an unchanged text; check never does)`;

export const CONFIG_HELP = `Options:
  --config FILE        config file (default: the first of openapi-morph.config.ts, .mts,
                       .cts, .js, .mjs, .cjs and .json in the working folder)
  --spec SOURCE        spec to read instead of the config's: a file path or an
                       http(s) URL (without a config, --spec and --out suffice)
  --out DIR            output folder instead of the config's
  --debug              print stack traces of internal errors
  -h, --help           this help`;

/**
 * The line `sync` and `release` print for the release they recorded. One whose diff found no change
 * to the API says why there is a release at all: the spec's text changed (so did the package's
 * files, whose headers name its sha256), as after a first `sync` rewrites a spec `init` downloaded.
 */
export function releasedLine(historyName: string, packageName: string, release: Release, report: DiffReport | undefined): string {
  const why = report?.changes.length === 0 ? ": the spec's text changed, not its API" : '';
  return `${historyName}: released ${packageName} ${release.version} (${release.date})${why}`;
}

/** Prints warnings (`file:line - warning OMxxx: ...`) on stderr, before a command's own output. */

export function printWarnings(io: CliIO, warnings: readonly Diagnostic[]): void {
  for (const warning of warnings) io.err(formatDiagnostic(warning));
}

/**
 * Whether the render will be large, known before the spec is read: a large spec file with every
 * operation selected. The format pool also lets the heaps grow less once it has been posted
 * 2,000,000 characters, but for a large spec that is late: the main thread's heap limit was set,
 * after loading the spec, by V8's own factor (up to 4), and no full collection came to lower it
 * before the end. Mailchimp's `--all` (5.3 MB) peaked at 334-340 MiB against 462-468 (3
 * interleaved rounds; wall 4.35 s against 4.29); setting the flag when the subset was selected
 * changed nothing (461). Not for some operations of a large spec: one of GitHub's took 1.04 s
 * against 0.99 with the flag from the start (7 interleaved rounds).
 */
function expectsLargeRender(config: ResolvedConfig): boolean {
  // Every operation: not `include: 'all'` with excludes, which may leave a few.
  if (config.selection.include !== 'all' || config.selection.exclude.length > 0 || config.spec.kind !== 'file') return false;
  try {
    return statSync(config.spec.path).size >= LARGE_SPEC_BYTES;
  } catch {
    // The load stage names the problem.
    return false;
  }
}

/**
 * For a command that has decided to render (`generate`, `check`: the no-op check found a changed
 * input, or `--force`; `release`): the render's format worker starts now, before the render's modules load
 * (format/render-pool.ts), and `run` renders; a worker no render took is closed when `run` ends. The
 * bin's interrupt budget is set once that worker's modules have loaded, or now without one
 * (engine-flags.ts `tuneEngineLater`).
 * Measured on our spec into a fresh folder: the whole run about 0.03 s shorter (median of 15).
 */
export async function withFormatAhead<T>(config: ResolvedConfig, run: () => Promise<T>): Promise<T> {
  // Before any worker starts or the spec loads, a large render lets every heap grow less from the
  // start (`expectsLargeRender`; in the bin's process only: the public API never sets a flag). What
  // this thread compiled so far is written to the code cache first: the workers key theirs by the flag.
  if (expectsLargeRender(config)) preferSmallHeaps(writePendingCodeCaches);
  const pools = config.output.format ? await import('../format/render-pool.ts') : undefined;
  pools?.startRenderFormattingAhead(config.output.dir);
  applyEngineFlagsWithoutWorker();
  try {
    return await run();
  } finally {
    pools?.closeRenderFormattingAhead();
  }
}

export const SOURCE_HELP = `Source:
  --from SOURCE        the upstream document: a file path or an http(s) URL
                       (a timeout, limits.fetchTimeoutMs, and the size cap,
                       limits.maxBytes, apply; other URL schemes are refused)
  --strict             an overlay target that matches nothing is an error,
                       not a warning`;
