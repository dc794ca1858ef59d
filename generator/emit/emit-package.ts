import type { TemplateContext } from '../template-api/types.ts';
import type { HeaderInfo } from './header.ts';
import type { TemplateSlot } from './load-templates.ts';
import { createPrinter, type PrintedFile } from './print.ts';
import { runTemplates } from './run-templates.ts';

/**
 * The templates stage with printing, streamed: each node's files are printed as soon as its
 * template has returned them, and each printed file goes to `onPrinted` (the format stage, which
 * hands it to a prettier worker) while the later templates still run on this thread. The files
 * come out in template order, as `printFiles(runTemplates(...))` gives them, and so do the
 * problems: the templates' (OM500-OM502) first, then printing's (OM501, OM503). `parses` tells
 * texts known to parse, which the syntax check skips (see `createPrinter`).
 */
export function emitPackage(slots: readonly TemplateSlot[], ctx: TemplateContext, root: string, header: HeaderInfo, onPrinted: (file: PrintedFile) => void, parses?: (path: string, text: string) => boolean): PrintedFile[] {
  const printer = createPrinter(header, parses);
  const printed: PrintedFile[] = [];
  runTemplates(slots, ctx, root, (files) => {
    for (const entry of files) {
      const file = printer.print(entry);
      if (!file) continue;
      printed.push(file);
      onPrinted(file);
    }
  });
  printer.done();
  return printed;
}
