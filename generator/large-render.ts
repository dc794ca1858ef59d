import { statSync } from 'node:fs';
import { writePendingCodeCaches } from './code-cache.ts';
import type { ResolvedConfig } from './config/types.ts';
import { preferSmallHeaps } from './engine-flags.ts';

/** A spec of this many bytes is large (GitHub's is 13 MB, OpenAI's 3 MB, ours 40 KB). */
export const LARGE_SPEC_BYTES = 1024 * 1024;

/**
 * Before a render starts any worker or loads its spec: when the render will be large, lets every
 * heap grow less from the start (engine-flags.ts `preferSmallHeaps`; in the bin's process only).
 * What this thread compiled so far is written to the code cache first, as the format pool does:
 * the workers started after key their code cache by the flag.
 */
export function prepareHeaps(config: ResolvedConfig): void {
  if (expectsLargeRender(config)) preferSmallHeaps(writePendingCodeCaches);
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
