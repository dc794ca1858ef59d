import type * as TS from 'typescript';
import { typescript } from '../heavy.ts';
import { parseModule } from '../typescript-module.ts';
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
 * property's value, see `cuttableBody`), each chunk is formatted
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

/** A TypeScript or markdown text at least this long is formatted in chunks. */
export const CHUNKED_CHARS = 256 * 1024;
/** About how much of the text one chunk holds (a member larger than this is a chunk of its own, or cut further). */
const CHUNK_CHARS = 64 * 1024;
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

/**
 * A run of members formatted as one text, a member cut further (its probe's text, the line prettier
 * prints for the probe, and its own parts), or a markdown table's groups of rows (markdown-tables.ts).
 */
type Part =
  | { readonly text: number; readonly blankAfter: boolean }
  | { readonly probe: number; readonly line: string; readonly parts: readonly Part[]; readonly blankAfter: boolean }
  | { readonly table: readonly number[]; readonly blankAfter: boolean };

/** A container whose members may be cut apart, and the wrapper a chunk of them is formatted in. */
interface Container {
  readonly members: readonly TS.Node[];
  /** Where the text of the first member's run starts, and where the last run ends (the closing brace, or the end of the file). */
  readonly bodyStart: number;
  readonly bodyEnd: number;
  /** The original text before the body (enclosing headers down to and including the opening brace), and after it. */
  readonly open: string;
  readonly close: string;
  /** A member to probe the wrapper with, and the line prettier prints for it (`undefined` for the file itself: nothing around it). */
  readonly probe?: { readonly text: string; readonly line: string };
  /** What holds the members (`BodyKind`); the file itself holds statements. */
  readonly kind?: BodyKind;
}

const PROBE = '__openapiMorphChunkProbe__';

/**
 * How to format `text` in chunks of about `chunkChars`, or `undefined` when it is not worth it or
 * cannot be proven the same (a parse error, a form of text prettier reads otherwise than TypeScript).
 */
export function planChunks(text: string, chunkChars: number): ChunkPlan | undefined {
  // Line terminators and spaces prettier does not skip as TypeScript does, a probe name in use, and prettier-ignore: not cut.
  if (/[\r\u2028\u2029\uFEFF]|prettier-ignore/.test(text) || text.includes(PROBE)) return undefined;
  const ts = typescript();
  // The print stage's parse when it checked this text (typescript-module.ts).
  const file = parseModule(text);
  if ((file as unknown as { parseDiagnostics: readonly unknown[] }).parseDiagnostics.length > 0) return undefined;
  const texts: string[] = [];
  const start = (node: TS.Node) => node.getStart(file);

  /** Where a cut before the container's `members[i]` goes (the line break after the member before), or `undefined` where none may. */
  const cutBefore = (container: Container, i: number): number | undefined => {
    const before = container.members[i - 1]!;
    const after = container.members[i]!;
    if (isEmpty(ts, before) || isEmpty(ts, after)) return undefined;
    // In a list the comma after a member is not part of its node: the line break after it.
    return cleanGap(text, before.end + ((container.kind === 'object' || container.kind === 'array') && text[before.end] === ',' ? 1 : 0), start(after));
  };

  const plan = (container: Container): Part[] | undefined => {
    const { members } = container;
    if (members.length === 0 || members.some((member) => isEmpty(ts, member))) return undefined;
    const cuts = members.map((_, i) => (i === 0 ? container.bodyStart : cutBefore(container, i)));
    const parts: Part[] = [];
    let runStart = 0;
    const endRun = (last: number) => {
      const from = cuts[runStart]!;
      const isLast = last === members.length - 1;
      const to = isLast ? container.bodyEnd : members[last]!.end;
      texts.push(`${container.open}${text.slice(from, to)}${isLast ? '' : '\n'}${container.close}`);
      parts.push({ text: texts.length - 1, blankAfter: !isLast && nextLineEmpty(text, members[last]!.end) });
      runStart = last + 1;
    };
    for (let i = 0; i < members.length; i++) {
      const member = members[i]!;
      const cutAfter = i === members.length - 1 || cuts[i + 1] !== undefined;
      const inner = member.end - start(member) > chunkChars && cuts[i] !== undefined && cutAfter ? nested(container, member, cuts[i]!) : undefined;
      if (inner) {
        if (runStart < i) endRun(i - 1);
        const innerParts = plan(inner);
        if (innerParts) {
          texts.push(`${inner.open}\n${inner.probe!.text}\n${inner.close}`);
          parts.push({ probe: texts.length - 1, line: inner.probe!.line, parts: innerParts, blankAfter: i < members.length - 1 && nextLineEmpty(text, member.end) });
          runStart = i + 1;
          continue;
        }
      }
      const runSize = member.end - cuts[runStart]!;
      // A run of an array ends with two elements or more, and leaves two or more for the next (or none).
      const counted = container.kind !== 'array' || (i > runStart && members.length - 1 - i >= 2);
      if (i === members.length - 1 || (runSize >= chunkChars && cuts[i + 1] !== undefined && counted)) endRun(i);
    }
    return parts;
  };

  /** `member` of `container` as a container of its own, when it is one that may be cut: `undefined` otherwise. */
  const nested = (container: Container, member: TS.Node, cut: number): Container | undefined => {
    const body = cuttableBody(ts, member, container.probe === undefined);
    if (!body) return undefined;
    const { members, probe } = body;
    const openBrace = members.pos - 1;
    const closeBrace = body.end - 1;
    const brackets = body.kind === 'array' ? '[]' : '{}';
    if (text[openBrace] !== brackets[0] || text[closeBrace] !== brackets[1] || !/^[;,]?$/.test(text.slice(body.end, member.end))) return undefined;
    // A line break before the first member: prettier keeps such an object (type) broken (`objectWrap: "preserve"`), as in every chunk.
    if (members.length === 0 || !text.slice(members.pos, start(members[0]!)).includes('\n')) return undefined;
    return {
      members,
      bodyStart: members.pos,
      bodyEnd: closeBrace,
      open: `${container.open}${text.slice(cut, members.pos)}`,
      close: `${text.slice(closeBrace, member.end)}${container.probe === undefined ? '' : '\n'}${container.close}`,
      probe,
      kind: body.kind,
    };
  };

  const root = plan({ members: file.statements, bodyStart: 0, bodyEnd: text.length, open: '', close: '' });
  return root && texts.length > 1 ? { texts, parts: root } : undefined;
}

/**
 * What holds a container's members: an interface, class or object type (`members`: each ends with
 * its own separator), an object literal or an array literal (separated by commas that are not part
 * of the members' nodes; an array's every text holds two elements or more, see `alwaysBroken`).
 */
type BodyKind = 'members' | 'object' | 'array';

/** A container's members, where its body ends, the probe member that learns its wrapper (and the line prettier prints for it), and its kind. */
interface Body {
  readonly members: TS.NodeArray<TS.Node>;
  readonly end: number;
  readonly probe: { readonly text: string; readonly line: string };
  readonly kind: BodyKind;
}

/** A probe element too long for a line, so that the array holding it alone is broken as it is with its elements. */
const LONG_PROBE = `${PROBE}${'_'.repeat(80)}`;

/**
 * The members of a top-level interface or class (`topLevel`), or of the object type of an interface
 * or object type member; and of data: the object literal of a top-level `const`, and an object or
 * array literal that is a property's value in it. An object only when every key is a plain
 * identifier (prettier may quote or unquote a key by its siblings'); an array only when prettier
 * always breaks it (`alwaysBroken`), and then in texts of two elements or more.
 */
function cuttableBody(ts: typeof TS, member: TS.Node, topLevel: boolean): Body | undefined {
  const body = (kind: BodyKind, members: TS.NodeArray<TS.Node>, end: number, probe: string, line = probe): Body => ({ members, end, probe: { text: probe, line }, kind });
  if (topLevel && ts.isInterfaceDeclaration(member)) return body('members', member.members, member.end, `${PROBE}: 0;`);
  if (topLevel && ts.isClassDeclaration(member)) return body('members', member.members, member.end, `${PROBE} = 0;`);
  if (!topLevel && ts.isPropertySignature(member) && member.type && ts.isTypeLiteralNode(member.type)) return body('members', member.type.members, member.type.end, `${PROBE}: 0;`);
  const value = topLevel ? onlyInitializer(ts, member) : ts.isPropertyAssignment(member) ? member.initializer : undefined;
  if (value && ts.isObjectLiteralExpression(value) && value.properties.every((property) => ts.isPropertyAssignment(property) && ts.isIdentifier(property.name))) {
    return body('object', value.properties, value.end, `${PROBE}: 0,`);
  }
  if (value && !topLevel && ts.isArrayLiteralExpression(value) && alwaysBroken(ts, value)) return body('array', value.elements, value.end, LONG_PROBE, `${LONG_PROBE},`);
  return undefined;
}

/** The initializer of a variable statement that declares one variable. */
function onlyInitializer(ts: typeof TS, statement: TS.Node): TS.Expression | undefined {
  if (!ts.isVariableStatement(statement)) return undefined;
  const { declarations } = statement.declarationList;
  return declarations.length === 1 ? declarations[0]!.initializer : undefined;
}

/**
 * prettier's rule (`printArray`'s `shouldBreak`) for an array it breaks whatever its width: two
 * elements or more, all array literals or all object literals, each with two items or more. Such an
 * array prints each element on its own lines as it would alone, so a text holding two or more of
 * them prints them as the whole array does.
 */
function alwaysBroken(ts: typeof TS, array: TS.ArrayLiteralExpression): boolean {
  const { elements } = array;
  if (elements.length < 2) return false;
  return (
    elements.every((element) => ts.isArrayLiteralExpression(element) && element.elements.length > 1) ||
    elements.every((element) => ts.isObjectLiteralExpression(element) && element.properties.length > 1)
  );
}

function isEmpty(ts: typeof TS, node: TS.Node): boolean {
  return node.kind === ts.SyntaxKind.EmptyStatement || node.kind === ts.SyntaxKind.SemicolonClassElement;
}

/**
 * The line break that ends the line `from` is on, if the text up to `to` (between two members) is
 * spaces and tabs to that line break and after it only whole lines of spaces, tabs and comments that
 * each start their line: prettier then attaches every comment there to the member that follows.
 */
function cleanGap(text: string, from: number, to: number): number | undefined {
  const gap = text.slice(from, to);
  const first = /^[ \t]*\n/.exec(gap);
  if (!first) return undefined;
  let at = first[0].length;
  let lineStart = true;
  while (at < gap.length) {
    const char = gap[at]!;
    if (char === ' ' || char === '\t') at++;
    else if (char === '\n') {
      at++;
      lineStart = true;
    } else if (char === '/' && lineStart && gap[at + 1] === '/') {
      const end = gap.indexOf('\n', at);
      at = end < 0 ? gap.length : end;
    } else if (char === '/' && lineStart && gap[at + 1] === '*') {
      const end = gap.indexOf('*/', at + 2);
      if (end < 0) return undefined;
      at = end + 2;
      // After a block comment, only the end of its line (or the next member's start on it).
      const rest = /^[ \t]*(\n|$)/.exec(gap.slice(at));
      if (!rest) return undefined;
      lineStart = false;
    } else return undefined;
  }
  return from + first[0].length - 1;
}

/** prettier's `isNextLineEmpty` after a member whose line ends cleanly (`cleanGap`): the line after it holds only spaces and tabs. */
function nextLineEmpty(text: string, end: number): boolean {
  let at = text.indexOf('\n', end) + 1;
  if (at === 0) return false;
  while (text[at] === ' ' || text[at] === '\t') at++;
  return text[at] === '\n';
}

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
