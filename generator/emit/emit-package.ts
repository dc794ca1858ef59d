import type { TemplateContext } from '../template-api/types.ts';
import type { HeaderInfo } from './header.ts';
import type { TemplateSlot } from './load-templates.ts';
import { createPrinter, type PrintedFile } from './print.ts';
import { extendContext, runTemplates, type EmittedFile } from './run-templates.ts';

/**
 * The templates stage with printing, streamed: each node's files are printed as soon as its
 * template has returned them, and each printed file goes to `onPrinted` (the format stage, which
 * hands it to a prettier worker) while the later templates still run on this thread. TypeScript
 * structures wait: printing them loads ts-morph and TypeScript's compiler (~0.5 s), and the text
 * files (the markdown pages, the slowest to format) go to the worker first. They are printed when
 * a template first reads `ctx.openapiTypes` (before openapi-typescript makes them: the workers
 * format the API classes while this thread makes the types, where they had nothing to do; GitHub's
 * `--all` spent about a second so), or else once every template has run. The result lists the
 * files in template order, as `printFiles(runTemplates(...))` gives them, and the problems come out
 * as there: the templates' (OM500-OM502) first, then printing's (OM501, OM503). `parses` tells
 * texts known to parse, which the syntax check skips (see `createPrinter`).
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
  // Structures emitted and not printed yet; each is printed once.
  let waiting: EmittedFile[] = [];
  const printWaiting = () => {
    for (const entry of waiting) print(entry);
    waiting = [];
  };
  const typesLast = extendContext(ctx, {
    openapiTypes: {
      enumerable: true,
      get: () => {
        printWaiting();
        return ctx.openapiTypes;
      },
    },
  });
  runTemplates(slots, typesLast, root, (files) => {
    for (const entry of files) {
      emitted.push(entry);
      if (isStructure(entry)) waiting.push(entry);
      else print(entry);
    }
  });
  printWaiting();
  printer.done();
  return emitted.flatMap((entry) => printed.get(entry) ?? []);
}
