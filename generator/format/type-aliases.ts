import { changesCode, printedComment } from './block-comment.ts';
import { RESERVED_WORDS } from './keywords.ts';
import { ASCII, WIDTH } from './print-width.ts';
import { formatRewritten, replacedPlaceholders } from './rewrite.ts';

/**
 * A module of aliases of indexed access types (`src/models.ts`: `export type Pet =
 * components["schemas"]["pet"];` for each component schema, after its JSDoc) laid out as prettier
 * lays them out, each run of them sent to prettier as one placeholder alias and put back in its
 * place. GitHub's `models.ts` (625 aliases, 96 KB) took prettier 0.24 s of a format worker, warm,
 * as long as everything it still got of the 3.5 MB `schema.ts`.
 *
 * Why they print so: prettier prints a type alias as an assignment; an indexed access type has no
 * place to break, so the alias stands on its line where it fits in 80 columns, and is broken after
 * `=` with the type on the next line, indented two spaces, where it does not (however wide that
 * line is then). A string index in double quotes without a backslash keeps its quotes. A comment
 * on lines of its own right before an alias is printed where it stands, as `printedComment` gives
 * it (at the first column: nothing to re-indent); one that changes code (`changesCode`) stays.
 *
 * Only for a text every line of which is one of these, so every one of them is at the top level:
 * an empty line, an import of one line (`import type { a, b } from "./x.js";`), a `//` comment, a
 * block comment from the first column to the end of a line (`*\/` nowhere before), or an alias
 * `export type Name = name["key"]...;`. Any other line, a `prettier-ignore` anywhere, `\r` or the
 * placeholder's name, and the text goes as it is. A run is aliases of printable ASCII whose names
 * are no keywords (`KEYWORDS`), each with the comments right before it, with no empty line:
 * anything else ends one and stays where it is (an empty line, an import, a `//` comment, a comment
 * that changes code or is not indentable and the alias after it, another alias). The output must
 * hold each placeholder once, as a line of its own; otherwise, or when prettier fails, the text is
 * formatted as it is.
 */
export function formatWithTypeAliases(text: string, format: (text: string) => Promise<string>): Promise<string> {
  return formatRewritten(text, withoutTypeAliases, withTypeAliases, format);
}

const PLACEHOLDER = 'openapi_morph_aliases_';

const ALIAS = /^export type ([A-Za-z_$][\w$]*) = ([A-Za-z_$][\w$]*)(?:\["[^"\\]*"\])+;$/;

/**
 * Words that are not a plain name where an alias's name or the type it indexes stands: prettier
 * prints `keyof["a"]` as `keyof ["a"]` (a type operator on a tuple), babel prints `export type
 * export` otherwise, and a reserved word there is an error prettier reports. Such an alias is left
 * to prettier. The format stage's reserved words (keywords.ts), with `arguments`, `eval` and `then`
 * (which the naming stage's `reservedWords` lists too, naming/identifier.ts) and the type-position
 * words `assert` and `intrinsic`.
 */
const KEYWORDS = new Set([...RESERVED_WORDS, 'arguments', 'assert', 'eval', 'intrinsic', 'then']);
const FIRST_LINE = /^(?:import |export type |\/[/*]|\n)/;
const IMPORT = /^import (?:type )?(?:\{ [\w$]+(?:, [\w$]+)* \}|[\w$]+) from "[^"\\]*";$/;

/** The placeholder alias that stands for run `n`. */
const placeholder = (n: number): string => `export type ${PLACEHOLDER}${n} = 0;`;

/** A text with its runs of aliases replaced by placeholders, and each run's lines as prettier prints them. */
interface Replaced {
  readonly text: string;
  readonly runs: readonly (readonly string[])[];
}

/** `text` with each run of aliases replaced by a placeholder alias, or `undefined` when it has none or holds a line this does not read (see above). */
export function withoutTypeAliases(text: string): Replaced | undefined {
  // The first line first: a text that starts with another (`schema.ts`, 3.5 MB) is not split.
  if (!FIRST_LINE.test(text) || !text.endsWith('\n') || text.includes(PLACEHOLDER) || text.includes('prettier-ignore') || /[\r\u2028\u2029]/.test(text)) return undefined;
  const lines = text.slice(0, -1).split('\n');
  const out: string[] = [];
  const runs: string[][] = [];
  let run: string[] | undefined;
  // The comments since the last statement: their lines as written, and as prettier prints them (`undefined`: not in a run).
  let written: string[] = [];
  let printed: string[] | undefined = [];
  const leave = (...left: string[]) => {
    out.push(...written, ...left);
    [run, written, printed] = [undefined, [], []];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const alias = ALIAS.exec(line);
    if (line.startsWith('/*')) {
      const end = commentEnd(lines, i);
      if (end === undefined) return undefined;
      const comment = lines.slice(i, end + 1);
      const shown = changesCode(comment.join('\n')) ? undefined : printedComment(comment);
      written.push(...comment);
      printed = printed && shown && [...printed, ...shown];
      i = end;
    } else if (alias) {
      if (!printed || !ASCII.test(line) || KEYWORDS.has(alias[1]!) || KEYWORDS.has(alias[2]!)) {
        leave(line);
        continue;
      }
      if (!run) {
        out.push(placeholder(runs.length));
        runs.push((run = []));
      }
      run.push(...printed, ...laidOut(line));
      [written, printed] = [[], []];
    } else if (line === '' || line.startsWith('//') || IMPORT.test(line)) {
      leave(line);
    } else {
      return undefined;
    }
  }
  leave();
  return runs.length > 0 ? { text: `${out.join('\n')}\n`, runs } : undefined;
}

/** prettier's output for the rewritten text, with each placeholder alias replaced by its run. */
export function withTypeAliases(output: string, replaced: Replaced): string | undefined {
  return replacedPlaceholders(output, PLACEHOLDER, replaced.runs.length, (n, line) => (line === placeholder(n) ? replaced.runs[n]!.join('\n') : undefined));
}

/** The line a block comment from line `start` ends on, where its `*\/` ends that line and is its first; `undefined` otherwise. */
function commentEnd(lines: readonly string[], start: number): number | undefined {
  for (let i = start; i < lines.length; i++) {
    const close = lines[i]!.indexOf('*/', i === start ? 2 : 0);
    if (close !== -1) return close === lines[i]!.length - 2 ? i : undefined;
  }
  return undefined;
}

/** An alias as prettier prints it: on its line where it fits, else broken after `=`. */
function laidOut(line: string): string[] {
  if (line.length <= WIDTH) return [line];
  const equals = line.indexOf(' = ');
  return [line.slice(0, equals + 2), `  ${line.slice(equals + 3)}`];
}
