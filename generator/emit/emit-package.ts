import type { TemplateContext } from '../template-api/types.ts';
import type { HeaderInfo } from './header.ts';
import type { TemplateSlot } from './load-templates.ts';
import { createPrinter, type PrintedFile } from './print.ts';
import { runTemplates, type EmittedFile } from './run-templates.ts';

/**
 * The templates stage with printing, streamed: each node's files are printed as soon as its
 * template has returned them, and each printed file goes to `onPrinted` (the format stage, which
 * hands it to a prettier worker) while the later templates still run on this thread. TypeScript
 * structures wait until every template has run: printing them loads ts-morph and TypeScript's
 * compiler (~0.5 s), and by then the text files (the markdown pages, the slowest to format) are
 * with the worker. The result lists the files in template order, as `printFiles(runTemplates(...))`
 * gives them, and the problems come out as there: the templates' (OM500-OM502) first, then
 * printing's (OM501, OM503). `parses` tells texts known to parse, which the syntax check skips
 * (see `createPrinter`).
 */
export function emitPackage(slots: readonly TemplateSlot[], ctx: TemplateContext, root: string, header: HeaderInfo, onPrinted: (file: PrintedFile) => void, parses?: (path: string, text: string) => boolean): PrintedFile[] {
  const printer = createPrinter(header, parses);
  const emitted: EmittedFile[] = [];
  const printed = new Map<EmittedFile, PrintedFile>();
  const print = (entry: EmittedFile) => {
    const file = printer.print(entry);
    if (!file) return;
    printed.set(entry, file);
    onPrinted(file);
  };
  const isStructure = (entry: EmittedFile) => entry.file.kind === 'typescript';
  runTemplates(slots, ctx, root, (files) => {
    for (const entry of files) {
      emitted.push(entry);
      if (!isStructure(entry)) print(entry);
    }
  });
  for (const entry of emitted) if (isStructure(entry)) print(entry);
  printer.done();
  return emitted.flatMap((entry) => printed.get(entry) ?? []);
}
