import { error } from '../diagnostics/diagnostic.ts';
import { DiagnosticCollector } from '../diagnostics/collector.ts';
import { jsonText } from '../escape/string-literal.ts';
import { isObject, setOwn, type JsonObject } from '../json.ts';
import { tsMorph, typescript } from '../heavy.ts';
import { letParseGo, parseModule } from '../typescript-module.ts';
import type { TemplateFile } from '../template-api/types.ts';
import { headerMember, headerPrefix, type HeaderInfo } from './header.ts';
import { message } from '../diagnostics/message.ts';
import type { LoadedTemplate } from './load-templates.ts';
import type { EmittedFile } from './run-templates.ts';

/** A file as text, before formatting. */
export interface PrintedFile {
  readonly path: string;
  readonly content: string;
  /** The do-not-edit header `content` starts with (`headerPrefix`); absent or empty: none. */
  readonly header?: string;
  readonly template: LoadedTemplate;
}

/**
 * Turns template files into text: ts-morph's structure printer prints TypeScript structures (one
 * in-memory project for its settings), JSON gets its header as the first member, and every
 * TypeScript file is parsed so that a template that emits broken code is named.
 */
export function printFiles(emitted: readonly EmittedFile[], header: HeaderInfo): PrintedFile[] {
  const printer = createPrinter(header);
  const printed = emitted.flatMap((entry) => printer.print(entry) ?? []);
  printer.done();
  return printed;
}

/**
 * `printFiles` one file at a time (a render prints each template's files as soon as they are
 * emitted): `print` gives the text, or `undefined` when the file could not be printed; `done`
 * throws every problem met (OM501, OM503) at once.
 */
export interface Printer {
  print(entry: EmittedFile): PrintedFile | undefined;
  done(): void;
}

/** `parses`: whether a TypeScript text (after its header) is known to parse (see `FormatSession.seeded`), so the check can skip it. */
export function createPrinter(header: HeaderInfo, parses: (path: string, text: string) => boolean = () => false): Printer {
  const diagnostics = new DiagnosticCollector();
  // ts-morph (and with it TypeScript's compiler) loads for the first TypeScript structure printed.
  let project: import('ts-morph').Project | undefined;
  const printStructures = (path: string, statements: Extract<TemplateFile, { kind: 'typescript' }>['statements']) => {
    if (!project) {
      const { IndentationText, NewLineKind, Project, QuoteKind, ts } = tsMorph();
      project = new Project({
        useInMemoryFileSystem: true,
        // It prints (and parses, where `structureText` falls back to a source file), never type-checks: no lib files (ts-morph-lib-files.ts).
        skipLoadingLibFiles: true,
        // The target the syntax check parses for, should the fallback parse.
        compilerOptions: { target: ts.ScriptTarget.ES2022 },
        manipulationSettings: {
          indentationText: IndentationText.TwoSpaces,
          newLineKind: NewLineKind.LineFeed,
          quoteKind: QuoteKind.Double,
          useTrailingCommas: true,
        },
      });
    }
    return structureText(project, path, statements);
  };
  const print = ({ file, template }: EmittedFile): PrintedFile | undefined => {
    // The last file's parse was for the format stage to take right after it was printed.
    letParseGo();
    try {
      let content: string;
      if (file.kind === 'typescript') {
        // Printed structures are checked as a text file is (`syntaxError`, below).
        content = printStructures(`/${file.path}`, file.statements);
      } else if (file.kind === 'json') {
        if (!isObject(file.value)) throw new Error('a JSON file must hold an object, so it can carry the do-not-edit header');
        const value: JsonObject = {};
        setOwn(value, '//', headerMember(header));
        for (const [key, child] of Object.entries(file.value)) if (key !== '//') setOwn(value, key, child);
        // Escaped like every JSON sink: no raw control or format character in an output file.
        content = `${jsonText(value, 2)}\n`;
      } else {
        content = file.content;
      }
      const prefix = headerPrefix(file.path, header);
      const text = `${prefix}${content}`;
      const syntax = /\.[mc]?tsx?$/.test(file.path) && !parses(file.path, content) ? syntaxError(file.path, prefix, content) : undefined;
      if (syntax) {
        diagnostics.add(error('OM503', `template "${template.template.name}" emitted ${file.path}, which does not parse: ${syntax}`, { file: template.file }));
        return undefined;
      }
      return { path: file.path, content: text, header: prefix, template };
    } catch (cause) {
      diagnostics.add(error('OM501', `template "${template.template.name}" emitted ${file.path}, which could not be printed: ${message(cause)}`, { file: template.file }, cause));
      return undefined;
    }
  };
  return {
    print,
    done: () => {
      letParseGo();
      diagnostics.throwIfErrors();
    },
  };
}

/** What ts-morph's project holds that prints structures (not in its public types: see `structureText`). */
interface PrintingContext {
  createWriter(): { toString(): string };
  structurePrinterFactory: { forSourceFile(options: { isAmbient: boolean }): { printText(writer: unknown, structure: unknown): void } };
}

/**
 * A file's statements as ts-morph prints them: its structure printer's text, which
 * `project.createSourceFile` would parse into a source file (printing alone was about half of that:
 * parsing every JSDoc comment with parent pointers took GitHub's `--all` about 0.4 s of the main
 * thread, and the syntax check parses the text itself, without JSDoc; a large file's parse then
 * serves the format stage's chunk plan too, see typescript-module.ts). The printer is ts-morph's
 * own, reached through the project's context, which its public types leave out; a ts-morph without
 * it (another version) prints through `createSourceFile` as before.
 */
export function structureText(project: import('ts-morph').Project, path: string, statements: Extract<TemplateFile, { kind: 'typescript' }>['statements']): string {
  const context = (project as unknown as { _context?: Partial<PrintingContext> })._context;
  if (typeof context?.createWriter === 'function' && typeof context.structurePrinterFactory?.forSourceFile === 'function') {
    const writer = context.createWriter();
    context.structurePrinterFactory.forSourceFile({ isAmbient: path.endsWith('.d.ts') }).printText(writer, { statements });
    return writer.toString();
  }
  const source = project.createSourceFile(path, { statements }, { overwrite: true });
  const text = source.getFullText();
  project.removeSourceFile(source);
  return text;
}

/**
 * The first syntax error of a TypeScript file, printed or emitted as text. Its content alone is parsed (`parseModule`,
 * which the format stage's chunk plan reuses) where the header before it cannot change the parse:
 * not a `.d.ts` file (whose name makes it ambient) nor a text starting with `#!`, which only the
 * first line may hold.
 */
function syntaxError(path: string, prefix: string, content: string): string | undefined {
  if (!/\.d\.[mc]?ts$/.test(path) && !content.startsWith('#!')) return firstSyntaxError(parseModule(content), prefix.split('\n').length - 1);
  const ts = typescript();
  return firstSyntaxError(ts.createSourceFile(path, `${prefix}${content}`, { languageVersion: ts.ScriptTarget.ES2022, jsDocParsingMode: ts.JSDocParsingMode.ParseNone }, false, ts.ScriptKind.TS), 0);
}

/** The first syntax error of a parsed file, located in the written file (`lineOffset`: the header's lines above the parsed text). */
function firstSyntaxError(source: import('ts-morph').ts.SourceFile, lineOffset: number): string | undefined {
  const ts = typescript();
  const first = (source as unknown as { parseDiagnostics?: readonly import('ts-morph').ts.Diagnostic[] }).parseDiagnostics?.[0];
  if (!first) return undefined;
  const { line, character } = source.getLineAndCharacterOfPosition(first.start ?? 0);
  // The line itself, since the file is not written (a review had a line number in a file it could not open); JSON-quoted, cut at 120 characters.
  const text = source.text.slice(source.getPositionOfLineAndCharacter(line, 0)).split('\n', 1)[0]!.trim();
  const excerpt = text === '' ? '' : ` At: ${JSON.stringify(text.length > 120 ? `${text.slice(0, 120)}...` : text)}`;
  return `line ${lineOffset + line + 1}, column ${character + 1}: ${ts.flattenDiagnosticMessageText(first.messageText, ' ')}${excerpt}`;
}
