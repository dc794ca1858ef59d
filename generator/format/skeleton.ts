import { PLACEHOLDER as METHOD } from './api-methods.ts';
import { PLACEHOLDER as DOC } from './doc-comments.ts';
import { ASCII, WIDTH } from './print-width.ts';
import { PLACEHOLDER as MEMBER } from './type-members.ts';

/**
 * What the rewrites before this leave of a TypeScript text, its skeleton, as prettier prints it,
 * without prettier: an API class (api-methods.ts: its methods as `openapi_morph_method_N;`;
 * type-members.ts: its error map's members as `openapi_morph_members_N: 0;`; doc-comments.ts: its
 * comments' middle lines as ` * openapi_morph_doc_N`), or a chunk of `schema.ts` whose members were
 * all laid out (`export interface paths {` and one placeholder member). GitHub's 62 API classes
 * gave prettier their skeletons, one call each, about a fifth of the format worker's time on them,
 * and half of `schema.ts`'s 67 chunks were such an interface.
 *
 * Prettier (its defaults) prints such a text as it stands when each of its lines is one of these,
 * at two spaces a level, no line ending in a space (empty lines: below):
 * - a named import, `import { A, type B } from "path";` or `import type { A, B } from "path";`,
 *   or such an export (`export { A } from "path";`, the package's `index.ts`), within 80 columns
 *   or of one name; past them, with two names or more, one name a line (`importLines`);
 * - a type alias, `export type Name = Type;`, within 80 columns;
 * - a comment of one line, `/** ... *\/`, at any width (prettier moves no comment's text), or a
 *   JSDoc comment whose middle is one placeholder line;
 * - `export interface Name {` holding placeholder members, then `}`;
 * - `export class Name {` holding placeholder methods, comments, fields `readonly #name: Type;`
 *   and a constructor `constructor(name: Type = {}) {` whose body is `this.#name = new
 *   Type(a, b);`, then `}`; each line within 80 columns.
 * Types are names, strings and generic references of them (`Omit<ClientOptions<AuthOptions>,
 * "apiKey">`) in prettier's spacing. Empty lines go where prettier drops them: at the text's start
 * and end (a chunk of a large class starts with some, chunks.ts), at a block's start and end (a
 * chunk's class opens on one), all but one of several in a row.
 * Code lines are printable ASCII (measured a column a character, as prettier does only for those).
 * Anything else, a text with `prettier-ignore`, and a text with none of these, is `undefined`:
 * prettier formats it.
 */
export function printedSkeleton(text: string): string | undefined {
  // A node after `prettier-ignore` is printed as written, empty lines and all (a review found it).
  if (text.includes('prettier-ignore')) return undefined;
  const lines = text.replace(/^\n+/, '').replace(/\n+$/, '').split('\n');
  const out: string[] = [];
  let context: 'top' | 'interface' | 'class' | 'constructor' = 'top';
  let statements = 0;
  // Lines in the block open now (an empty one prettier prints `{}`).
  let held = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === '') {
      // Prettier keeps one empty line between two lines of a block, none at its start or end.
      if (context === 'constructor') return undefined;
      const next = lines[i + 1] ?? '';
      if (next !== '' && !/^ *\}$/.test(next) && !out.at(-1)!.endsWith('{')) out.push(line);
      continue;
    }
    if (/\s$/.test(line)) return undefined;
    const closing: string = context === 'constructor' ? '  }' : '}';
    if (context !== 'top' && line === closing) {
      if (held === 0) return undefined;
      context = context === 'constructor' ? 'class' : 'top';
      held = 1;
      out.push(line);
      continue;
    }
    const indent = { top: '', interface: '  ', class: '  ', constructor: '    ' }[context];
    if (!line.startsWith(indent) || line[indent.length] === ' ') return undefined;
    const code: string = line.slice(indent.length);
    held++;
    if (context !== 'constructor' && ONE_LINE_COMMENT.test(code)) {
      out.push(line);
      continue;
    }
    // Code measured a column a character: prettier counts an East Asian character as two, a
    // combining mark as none (a review found imports and types misjudged so).
    if (!ASCII.test(line)) return undefined;
    if (context !== 'constructor' && code === '/**') {
      const middle = lines[i + 1] ?? '';
      if (!middle.startsWith(`${indent} * `) || !DOC_PLACEHOLDER.test(middle.slice(indent.length + 3)) || lines[i + 2] !== `${indent} */`) return undefined;
      out.push(line, middle, lines[i + 2]!);
      i += 2;
      continue;
    }
    if (context === 'top') {
      const imported = IMPORT.exec(code);
      const alias = !imported && line.length <= WIDTH && typed(ALIAS.exec(code)?.[1]);
      const printed = imported ? importLines(code, `${imported[1]!} ${imported[2] ?? ''}`, imported[3]!, imported[4]!) : alias || INTERFACE.test(code) || CLASS.test(code) ? [line] : undefined;
      if (!printed) return undefined;
      statements++;
      if (!imported && !alias) {
        context = CLASS.test(code) ? 'class' : 'interface';
        held = 0;
      }
      out.push(...printed);
      continue;
    }
    if (line.length > WIDTH) return undefined;
    if (context === 'interface' && MEMBER_PLACEHOLDER.test(code)) out.push(line);
    else if (context === 'class' && (METHOD_PLACEHOLDER.test(code) || typed(FIELD.exec(code)?.[1]))) out.push(line);
    else if (context === 'class' && typed(CONSTRUCTOR.exec(code)?.[1])) {
      context = 'constructor';
      held = 0;
      out.push(line);
    } else if (context === 'constructor' && held === 1 && assignment(code)) out.push(line);
    else return undefined;
  }
  return context === 'top' && statements > 0 ? `${out.join('\n')}\n` : undefined;
}

const NAME = '[A-Za-z_$][\\w$]*';
const ONE_LINE_COMMENT = /^\/\*\*? (?:(?!\*\/).)*\S \*\/$/;
/** The placeholders of the rewrites before this one, as they leave them (each module's own name). */
const DOC_PLACEHOLDER = new RegExp(`^${DOC}\\d+$`);
const MEMBER_PLACEHOLDER = new RegExp(`^${MEMBER}\\d+: 0;$`);
const METHOD_PLACEHOLDER = new RegExp(`^${METHOD}\\d+;$`);
const IMPORT = new RegExp(`^(import|export) (type )?\\{ ((?:type )?${NAME}(?:, (?:type )?${NAME})*) \\} from ("[^"\\\\]*");$`);
const ALIAS = new RegExp(`^export type ${NAME} = (.+);$`);
const INTERFACE = new RegExp(`^export interface ${NAME} \\{$`);
const CLASS = new RegExp(`^export class ${NAME} \\{$`);
/** A field's type (checked by `typed`). */
const FIELD = new RegExp(`^readonly #${NAME}: (.+);$`);
/** A constructor's one parameter's type, defaulting to `{}` (checked by `typed`). */
const CONSTRUCTOR = new RegExp(`^constructor\\(${NAME}: (.+) = \\{\\}\\) \\{$`);
/** The constructor's assignment of a new instance (its type arguments, if any, checked by `typed`). */
const ASSIGNMENT = new RegExp(`^this\\.#${NAME} = new ${NAME}(?:<(.+)>)?\\(${NAME}(?:, ${NAME})*\\);$`);

/** Whether `code` is the constructor's assignment of a new instance, its type arguments (if any) as prettier prints them. */
function assignment(code: string): boolean {
  const match = ASSIGNMENT.exec(code);
  return match !== null && (match[1] === undefined || typed(match[1]));
}

/**
 * The lines prettier prints for a named import or export from a module (`head`: `import `,
 * `export type `, ...), of one line: itself within 80 columns, or with one name at any width (a
 * lone specifier does not break); past them, with two names or more, `{`, a name a line indented
 * by 2 with a comma after each, then `} from "path";`.
 */
function importLines(line: string, head: string, names: string, from: string): string[] {
  const each = names.split(', ');
  return line.length <= WIDTH || each.length < 2 ? [line] : [`${head}{`, ...each.map((name) => `  ${name},`), `} from ${from};`];
}

/**
 * Whether `type` (absent: `undefined`, not one) is written as prettier prints it on one line: names,
 * strings without a backslash, and generic references of those, joined by `, ` in `<>`, `|` between
 * members with a space each side.
 */
function typed(type: string | undefined): boolean {
  if (type === undefined) return false;
  let at = 0;
  const union = (): boolean => {
    if (!member()) return false;
    while (type.startsWith(' | ', at)) {
      at += 3;
      if (!member()) return false;
    }
    return true;
  };
  const member = (): boolean => {
    const atom = ATOM.exec(type.slice(at))?.[0];
    if (atom === undefined) return false;
    at += atom.length;
    if (atom.startsWith('"') || type[at] !== '<') return true;
    at++;
    if (!union()) return false;
    while (type.startsWith(', ', at)) {
      at += 2;
      if (!union()) return false;
    }
    return type[at++] === '>';
  };
  return union() && at === type.length;
}

const ATOM = new RegExp(`^(?:${NAME}|"[^"\\\\]*")`);
