import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ResolvedConfig } from '../config/types.ts';
import { priorOutput, type PriorOutput } from '../format/prior-output.ts';
import { toolkit } from '../toolkit.ts';
import { MANIFEST_NAME } from '../write/output-tree.ts';
import { renderVouched, toolkitInstalled } from './render-stamp.ts';

/**
 * prettier's output from the output folder's last render (format/prior-output.ts), when the folder's
 * manifest was made by the toolkit that runs now: by this version when installed (another
 * version may format differently: its chunking, its headers), and in a source checkout only when
 * this machine's render stamp vouches for the manifest with the current code (render-stamp.ts), as
 * for the no-op check. `undefined` otherwise, or without a manifest: prettier formats what the
 * cache does not hold.
 */
export async function lastRenderOutput(config: ResolvedConfig): Promise<PriorOutput | undefined> {
  let manifest: string;
  try {
    manifest = await readFile(join(config.output.dir, MANIFEST_NAME), 'utf8');
  } catch {
    return undefined;
  }
  const trusted = toolkitInstalled ? madeBy(manifest, toolkit) : await renderVouched(config.root, config.output.dir, manifest);
  return trusted ? priorOutput(config.output.dir, manifest, config.output.banner) : undefined;
}

/** Whether the manifest's `toolkit` member names this toolkit and version. */
export function madeBy(manifest: string, by: { readonly name: string; readonly version: string }): boolean {
  try {
    const recorded = (JSON.parse(manifest) as { toolkit?: { name?: unknown; version?: unknown } }).toolkit;
    return recorded?.name === by.name && recorded.version === by.version;
  } catch {
    return false;
  }
}
