import { MorphError, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { DiagnosticCollector } from '../diagnostics/collector.ts';
import { displayPath } from '../display-path.ts';
import type { Limits } from '../load/limits.ts';
import { readSpecFile } from '../load/source.ts';
import type { SpecDocument } from '../spec-context.ts';
import { applyOverlay } from './apply.ts';
import { parseOverlay, type Overlay } from './document.ts';
import { overlayFiles } from './files.ts';

export interface OverlayOptions {
  /** Config `overlays`: paths or patterns relative to `root`. */
  readonly patterns: readonly string[];
  readonly root: string;
  readonly limits: Limits;
  /** A target that matches nothing is an error instead of a warning. */
  readonly strict: boolean;
}

/**
 * The overlay stage, between load and select: reads the config's overlay files in order and
 * applies each one's actions to the loaded upstream document, in place. Returns the warnings
 * (targets that matched nothing); throws with every error at once (unreadable or invalid
 * overlays, bad targets, updates that cannot apply), before anything is written.
 */
export async function applyOverlays(spec: SpecDocument, options: OverlayOptions): Promise<{ warnings: readonly Diagnostic[] }> {
  if (options.patterns.length === 0) return { warnings: [] };
  const found = await overlayFiles(options.patterns, options.root);
  const diagnostics = new DiagnosticCollector();
  diagnostics.add(...found.diagnostics);
  const overlays: Overlay[] = [];
  for (const file of found.files) {
    try {
      overlays.push(parseOverlay(await readSpecFile(file, displayPath(options.root, file), options.limits.maxBytes), options.limits));
    } catch (cause) {
      if (!(cause instanceof MorphError)) throw cause;
      diagnostics.add(...cause.diagnostics.map((d) => (d.code === 'OM200' ? { ...d, code: 'OM800' as const } : d)));
    }
  }
  if (!diagnostics.hasErrors()) {
    for (const overlay of overlays) diagnostics.add(...applyOverlay(spec.document, overlay, options.strict));
  }
  diagnostics.throwIfErrors();
  return { warnings: diagnostics.list };
}
