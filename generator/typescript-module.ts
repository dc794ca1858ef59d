import type * as TS from 'typescript';
import { typescript } from './heavy.ts';

/** A text at least this long keeps its parse for the next stage (GitHub's `schema.ts` is 4 MB; our spec's largest file 20 KB). */
const SHARED_CHARS = 256 * 1024;

/** The last large text parsed and its parse, until it is asked for once more or let go. */
let last: { readonly text: string; readonly source: TS.SourceFile } | undefined;

/**
 * TypeScript's parse of a module's text (`.ts` rules, ES2022, no parent pointers, no JSDoc: its
 * syntax errors are the file's, JSDoc's are not among them, and parsing JSDoc more than doubled the
 * parse of GitHub's `schema.ts`, 0.24 s against 0.11), for the two
 * stages that parse a large file one right after the other: the print stage's syntax check of a
 * file a template emitted as text (emit/print.ts) and the format stage's plan of its chunks
 * (format/chunks.ts), which the render reaches for each file as soon as it is printed. The parse
 * of the last text of at least SHARED_CHARS is given once more for the same text, and kept until
 * then, or until the next parse or `letParseGo` (the printer lets it go before the next file: a
 * render that does not plan it, without formatting or with a prettier config, keeps no syntax
 * tree). GitHub's `--all` parsed its 4 MB `schema.ts` twice on the main thread, 0.2-0.5 s each.
 */
export function parseModule(text: string): TS.SourceFile {
  const kept = last?.text === text ? last.source : undefined;
  last = undefined;
  if (kept) return kept;
  const ts = typescript();
  const source = ts.createSourceFile('module.ts', text, { languageVersion: ts.ScriptTarget.ES2022, jsDocParsingMode: ts.JSDocParsingMode.ParseNone }, false, ts.ScriptKind.TS);
  if (text.length >= SHARED_CHARS) last = { text, source };
  return source;
}

/** Lets the kept parse go (see `parseModule`). */
export function letParseGo(): void {
  last = undefined;
}
