import type * as TS from 'typescript';
import { typescript } from './heavy.ts';
import { parseModule } from './typescript-module.ts';

/**
 * How a large TypeScript text is cut into chunks that prettier formats one by one (the format
 * stage's `formatChunked`, format/chunks.ts, which also cuts markdown and joins the outputs), and
 * what a thread that made such a text learned by parsing it (`parseVerdict`), handed to the thread
 * that prints and formats it (`adoptParse`). Kept below the stages, so that the types worker can
 * plan the text it makes.
 */

/** A TypeScript or markdown text at least this long is formatted in chunks. */
export const CHUNKED_CHARS = 256 * 1024;
/** About how much of the text one chunk holds (a member larger than this is a chunk of its own, or cut further). */
export const CHUNK_CHARS = 64 * 1024;

/** What parsing a text told: whether it parses (no syntax error), and its chunk plan at `CHUNK_CHARS`. */
export interface ParseVerdict {
  readonly parses: boolean;
  readonly plan?: TypeScriptPlan;
}

/**
 * The verdict on a text, made where the text was made: the types worker parses the types it made
 * (openapi-typescript's output, 1.4 MB for OpenAI's `--all`) while the main thread still runs the
 * templates and prints, and the main thread then neither checks its syntax nor plans its chunks
 * (`adoptParse`). On the main thread that parse came last, after every other file, 0.17 s cold.
 */
export function parseVerdict(text: string): ParseVerdict {
  const parses = (parseModule(text) as unknown as { parseDiagnostics: readonly unknown[] }).parseDiagnostics.length === 0;
  const plan = parses ? planChunks(text, CHUNK_CHARS) : undefined;
  return { parses, ...(plan ? { plan } : {}) };
}

/** The verdict another thread gave on a text, until its plan is taken (`planChunks`) or `forgetAdoptedParse`. */
let adopted: { readonly text: string; readonly verdict: ParseVerdict } | undefined;

/** Takes another thread's verdict on `text` (`parseVerdict`): the print stage's syntax check reads it (`knownToParse`), the format stage's plan takes it. */
export function adoptParse(text: string, verdict: ParseVerdict): void {
  adopted = { text, verdict };
}

/** Whether another thread parsed this very text without a syntax error (`adoptParse`). */
export function knownToParse(text: string): boolean {
  return adopted?.text === text && adopted.verdict.parses;
}

/** Lets an adopted verdict go (a render whose format stage did not plan the text: a prettier config, a cache hit). */
export function forgetAdoptedParse(): void {
  adopted = undefined;
}

/**
 * A run of members formatted as one text (its index in the plan's `texts`), or a member cut further
 * (its probe's text, the line prettier prints for the probe, and its own parts).
 */
export type TypeScriptPart =
  | { readonly text: number; readonly blankAfter: boolean }
  | { readonly probe: number; readonly line: string; readonly parts: readonly TypeScriptPart[]; readonly blankAfter: boolean };

/** The texts to format for one TypeScript file, and how their outputs join into the file's (format/chunks.ts `joinChunks`); plain data, which a thread can post. */
export interface TypeScriptPlan {
  readonly texts: readonly string[];
  readonly parts: readonly TypeScriptPart[];
}

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

/** The member name a probe uses (format/chunks.ts finds its line in a probe's output). */
export const PROBE = '__openapiMorphChunkProbe__';

/**
 * How to format `text` in chunks of about `chunkChars`, or `undefined` when it is not worth it or
 * cannot be proven the same (a parse error, a form of text prettier reads otherwise than TypeScript).
 */
export function planChunks(text: string, chunkChars: number): TypeScriptPlan | undefined {
  if (chunkChars === CHUNK_CHARS && adopted?.text === text) {
    const { plan } = adopted.verdict;
    adopted = undefined;
    return plan;
  }
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

  const plan = (container: Container): TypeScriptPart[] | undefined => {
    const { members } = container;
    if (members.length === 0 || members.some((member) => isEmpty(ts, member))) return undefined;
    const cuts = members.map((_, i) => (i === 0 ? container.bodyStart : cutBefore(container, i)));
    const parts: TypeScriptPart[] = [];
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
