import { CHUNK_CHARS, CHUNKED_CHARS, planChunks, PROBE, type TypeScriptPart } from '../typescript-chunks.ts';
import type { FormatJob, FormatOutcome } from './format-jobs.ts';
import { cuttableMarkdown, markdownChunks } from './markdown-chunks.ts';
import { joinTable, tablePieces } from './markdown-tables.ts';

/**
 * Chunked formatting of a large TypeScript or markdown file (markdown: between top-level sections,
 * see `markdown-chunks.ts`, and a large table between its rows, see `markdown-tables.ts`). A
 * TypeScript file is cut between the members of its
 * largest containers (top-level statements; the members of a top-level interface or class, and
 * of an object type that is the type of such a member, at any depth; in data, the properties of a
 * top-level `const`'s object literal and the elements of an array or object that is such a
 * property's value; the plan is typescript-chunks.ts `planChunks`), each chunk is formatted
 * as a file of its own (on as many workers as there are, each holding a small syntax tree), and
 * the results are joined into the bytes prettier gives for the whole file.
 *
 * Why the bytes are the same: prettier prints the members of a program, class body, interface
 * body or broken object type one after the other, each on its own lines, joined by one line break
 * and a blank line where the source has an empty line after the member (`isNextLineEmpty`); a
 * member's printing does not look at its siblings with prettier's defaults (a class property's
 * semicolon does with `semi: false`, hence standalone formatting only). A chunk keeps the
 * context a member is printed in: it is the original text with the other members of each
 * enclosing container left out (the headers down to it, its members, the closing braces), so its
 * indentation and parents are those of the whole file. What a chunk adds around its members (the
 * headers and closing lines) is learned by formatting the same wrapper around one probe member,
 * and cut off. Comments decide where a cut may go: only where the member before ends its line with
 * nothing after it, and every comment up to the next member starts a line of its own (then prettier
 * attaches each of them to the next member, whatever precedes it; a comment that follows code on
 * its line may go to the member before). A cut never falls next to an empty statement or a
 * `prettier-ignore` comment. A file that does not parse, or whose chunks fail or do not give what
 * is expected, is formatted whole (so an error names the file's own line and column).
 *
 * Measured on GitHub's `--all` (README, "Performance"): `src/schema.ts` (3.4 MB) is three
 * interfaces, formatted whole in 7 s on one worker while the other one idles.
 */

/**
 * Markdown at least this long (and shorter than `PAGE_SECTIONED_CHARS`) is formatted in its sections of
 * at least `SECTION_CHARS` (a smaller one stays with the text before it): a section that another
 * page of the run has too is formatted once (chunk-cache.ts), and a later run formats only the
 * sections that changed. Smaller sections would cost more than they save: prettier's setup for
 * each text (cut in every section, our spec's README formatted 40 ms slower).
 */
export const SECTIONED_CHARS = 8 * 1024;
const SECTION_CHARS = 4 * 1024;
/**
 * Markdown at least this long (and shorter than `CHUNKED_CHARS`) is cut before each heading of
 * level 1 or 2 instead, each section with its subsections: an API page's title and operation
 * table, then each operation. Its sections are mostly smaller than `SECTION_CHARS`, so the rule
 * above joined them all and the page went to prettier whole (GitHub's `IssuesApi.md`, 196 KB: 1.4 s
 * of a worker again after a change in one operation's description). Where these sections start does
 * not depend on the size of any other, so a later run formats only the operations that changed.
 * Measured on that page: 59 sections took the time of the whole page, with 30-40 MB less memory.
 */
export const PAGE_SECTIONED_CHARS = 32 * 1024;

/** Formats `jobs` with `run`, large TypeScript files in chunks; the outcomes are what `run` gives for the whole files. */
export async function formatChunked(jobs: readonly FormatJob[], run: (jobs: readonly FormatJob[]) => Promise<FormatOutcome[]>, options: ChunkOptions = {}): Promise<FormatOutcome[]> {
  const plans = jobs.map((job) => planFor(job, options));
  const batch = jobs.flatMap((job, i) => plans[i]?.texts.map((text) => ({ ...job, text })) ?? [job]);
  const outcomes = await run(batch);
  const results: (FormatOutcome | undefined)[] = [];
  let at = 0;
  for (const [i, plan] of plans.entries()) {
    if (!plan) {
      results.push(outcomes[at++]);
      continue;
    }
    const parts = outcomes.slice(at, (at += plan.texts.length));
    const texts = parts.flatMap((outcome) => ('content' in outcome ? [outcome.content] : []));
    const joined = texts.length === parts.length ? joinChunks(plan, texts) : undefined;
    // Printed without prettier when each chunk was (a chunk from the cache was prettier's once).
    const rewritten = parts.every((outcome) => 'content' in outcome && outcome.rewritten);
    results.push(joined === undefined ? undefined : { content: joined, ...(rewritten ? { rewritten } : {}) });
    if (joined === undefined) options.onWhole?.(jobs[i]!.filepath);
  }
  // A chunk that failed, or chunks that did not give what was expected: the whole file, as prettier formats it.
  const whole = jobs.filter((_, i) => results[i] === undefined);
  const again = whole.length > 0 ? await run(whole) : [];
  return results.map((outcome) => outcome ?? again.shift()!);
}

function planFor(job: FormatJob, options: ChunkOptions): ChunkPlan | undefined {
  const chunked = job.text.length >= (options.chunkedChars ?? CHUNKED_CHARS);
  const chunkChars = options.chunkChars ?? CHUNK_CHARS;
  if (job.parser === 'typescript') return chunked ? planChunks(job.text, chunkChars) : undefined;
  if (job.parser !== 'markdown' || (!chunked && job.text.length < (options.sectionedChars ?? SECTIONED_CHARS)) || !cuttableMarkdown(job.text)) return undefined;
  // Top-level blocks of markdown, joined by one empty line; a large table's groups of rows joined by `joinTable`.
  const page = job.text.length >= (options.pageSectionedChars ?? PAGE_SECTIONED_CHARS);
  const min = options.sectionChars ?? SECTION_CHARS;
  const joins = page ? (section: string) => !/^#{1,2}( |$)/.test(section) : (section: string) => section.length < min;
  const sections = (chunked ? markdownChunks(job.text, chunkChars) : joinSections(markdownChunks(job.text, 1), joins)) ?? [job.text];
  const texts: string[] = [];
  const parts: Part[] = [];
  for (const piece of sections.flatMap((section) => tablePieces(section, chunkChars) ?? [section])) {
    const blankAfter = parts.length > 0;
    if (blankAfter) parts[parts.length - 1] = { ...parts[parts.length - 1]!, blankAfter };
    parts.push(typeof piece === 'string' ? { text: texts.push(piece) - 1, blankAfter: false } : { table: piece.groups.map((group) => texts.push(group) - 1), blankAfter: false });
  }
  return texts.length > 1 ? { texts, parts } : undefined;
}

/**
 * Consecutive sections of one text, each joined to the text before it where `joins` says so (not
 * the first); `undefined` when that leaves one text.
 */
function joinSections(sections: readonly string[] | undefined, joins: (section: string) => boolean): string[] | undefined {
  const texts: string[] = [];
  for (const section of sections ?? []) {
    if (texts.length > 0 && joins(section)) texts[texts.length - 1] += section;
    else texts.push(section);
  }
  return texts.length > 1 ? texts : undefined;
}

/** Thresholds (the tests make them small) and a witness of files formatted whole after all. */
export interface ChunkOptions {
  readonly chunkedChars?: number;
  readonly sectionedChars?: number;
  readonly sectionChars?: number;
  readonly pageSectionedChars?: number;
  readonly chunkChars?: number;
  readonly onWhole?: (filepath: string) => void;
}

/**
 * The texts to format for one file, and how their outputs join into the file's (`joinChunks`).
 * Plain data: it holds no syntax tree, which is released before prettier runs.
 */
export interface ChunkPlan {
  readonly texts: readonly string[];
  readonly parts: readonly Part[];
}

/** The file's formatted text from its chunks' outputs (in the order of `plan.texts`); `undefined` when they are not as expected: format the file whole. */
export function joinChunks(plan: ChunkPlan, outputs: readonly string[]): string | undefined {
  return joinParts(plan.parts, outputs, '', '');
}

/** A TypeScript plan's part (typescript-chunks.ts), or a markdown table's groups of rows (markdown-tables.ts). */
type Part = TypeScriptPart | { readonly table: readonly number[]; readonly blankAfter: boolean };

/** The formatted parts joined; the wrapper text (`head`, `tail`) cut off each chunk; `undefined` when an output is not as expected. */
function joinParts(parts: readonly Part[], outputs: readonly string[], head: string, tail: string): string | undefined {
  let joined = '';
  for (const part of parts) {
    let body: string | undefined;
    if ('text' in part) body = unwrap(outputs[part.text]!, head, tail);
    else if ('table' in part) body = joinTable(part.table.map((i) => outputs[i]!));
    else {
      const probe = outputs[part.probe]!;
      const lines = probe.split('\n');
      const at = lines.findIndex((line) => line.includes(PROBE));
      if (at < 0 || lines.slice(at + 1).some((line) => line.includes(PROBE)) || lines[at]!.trim() !== part.line) return undefined;
      const innerHead = lines.slice(0, at).map((line) => `${line}\n`).join('');
      const innerTail = lines.slice(at + 1).join('\n');
      if (!innerHead.startsWith(head) || !innerTail.endsWith(tail) || innerTail.length < tail.length) return undefined;
      const inner = joinParts(part.parts, outputs, innerHead, innerTail);
      if (inner === undefined) return undefined;
      body = innerHead.slice(head.length) + inner + innerTail.slice(0, innerTail.length - tail.length);
    }
    if (body === undefined) return undefined;
    joined += body + (part.blankAfter ? '\n' : '');
  }
  return joined;
}

/** A chunk's output without its wrapper: what lies between `head` and `tail`, if it is there and ends a line. */
function unwrap(output: string, head: string, tail: string): string | undefined {
  if (!output.startsWith(head) || !output.endsWith(tail) || output.length < head.length + tail.length) return undefined;
  const body = output.slice(head.length, output.length - tail.length);
  return body.endsWith('\n') && body.length > 1 ? body : undefined;
}
