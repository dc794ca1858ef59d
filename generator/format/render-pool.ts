import { prettierConfigSource } from './config-search.ts';
import { renderPoolSize, startFormatPool, type FormatPool } from './format-jobs.ts';
import { CONFIG_SETUP, DEFAULT_PACKAGE_SETUP } from './formatter.ts';

/**
 * Format workers for a render, started before its files exist (the format stage passes the pool to
 * `formatFiles`): they load prettier while the types and templates stages run, with the setup a
 * render most likely needs (the project's prettier config, or the standalone build with the
 * plugins of a default package; another setup costs only the plugins it adds).
 * `undefined` when the toolkit runs from its TypeScript sources (no compiled worker).
 */
export function startRenderFormatting(outDir: string): FormatPool | undefined {
  return startFormatPool(prettierConfigSource(outDir) ? CONFIG_SETUP : DEFAULT_PACKAGE_SETUP, renderPoolSize(), true);
}

/** The pool a command started ahead of its render, for this output folder. */
let ahead: { readonly outDir: string; readonly pool: FormatPool | undefined } | undefined;

/**
 * Starts the render's format worker now: `generate` and `check` call it as soon as the no-op check
 * has found a changed input, before they load the render's modules, so that the worker's own
 * start (a thread, then prettier: about a quarter of a second) overlaps that load and the spec's
 * instead of following them. Not earlier: a no-op run must not pay for a thread it does not use.
 * The render takes it (`renderFormatting`); a second call for the same folder keeps the first pool,
 * one for another folder replaces it. What no render took is closed by `closeRenderFormattingAhead`.
 */
export function startRenderFormattingAhead(outDir: string): void {
  if (ahead?.outDir === outDir) return;
  closeRenderFormattingAhead();
  ahead = { outDir, pool: startRenderFormatting(outDir) };
}

/**
 * Closes the pool started ahead if no render took it (the command failed before its render, e.g. on
 * its release history): in `generate --watch` it would otherwise outlive the run, prettier loaded.
 */
export function closeRenderFormattingAhead(): void {
  ahead?.pool?.close();
  ahead = undefined;
}

/**
 * The render's format pool: the one started ahead for the same output folder, else a new one (a
 * pool started ahead for another folder is closed: its setup may not be this render's).
 */
export function renderFormatting(outDir: string): FormatPool | undefined {
  startRenderFormattingAhead(outDir);
  const { pool } = ahead!;
  ahead = undefined;
  return pool;
}
