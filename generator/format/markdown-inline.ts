/**
 * Inline markdown that prettier prints as it is, without parsing it: a table cell's text
 * (markdown-rows.ts), a paragraph's lines or a heading's text (markdown-blocks.ts). Prettier's markdown
 * printer prints a text node's words as they are but for `*` and `_` (which it escapes unless `_`
 * is inside a word), a code span as its text between backticks, bold text between `**`, a link as
 * `[text](destination)`, and one space for each run of spaces. So plain tokens print as they are:
 * - words of letters, digits and punctuation that opens nothing (`WORD`: ASCII, and the dashes and
 *   curly quotes of prose, `–`, `—`, `‘`, `’`, `“`, `”`, each one column wide as prettier measures a
 *   table's cells; `%` (Stripe's amounts, `a %s100 invoice`), `#` (an anchor in an escaped link,
 *   `&lt;a href="/docs/api#customers"&gt;`: no plain line starts with it, where it would open a
 *   heading), braces (no plain text holds two, `{{`, liquid's); `>` and `]` too: no plain
 *   line starts with `>`, where it would open a quote, and a `[` opens only links), `_` only between letters
 *   or digits, empty brackets not followed by a parenthesis or a bracket but for more empty
 *   ones (`Repo[]`, an array's type; prettier prints them as they are, where `[](x)` would be an
 *   empty link), the entities `&gt;`, `&lt;`, `&amp;`, `&quot;`, `&apos;` and `&#39;` (a
 *   description's escaped quote line, `&gt; [!NOTE]`: prettier prints an entity as it was
 *   written; a review found every entity kept, these six are the ones the docs pages hold), and
 *   `<br>` (inline HTML, printed as written: the line breaks of a table cell's description);
 * - an alert's marker, `[!NOTE]` (a reference to no definition: a text with definitions is never
 *   rewritten), with a space or the text's end on each side;
 * - `&` alone, with a space or the text's start or end on each side, not in a link's text (the docs
 *   pages' intersection types, `` `object` & `object` ``: no entity starts there);
 * - code spans without a backtick, pipe or backslash in them but for escaped pipes, nor a space at
 *   either end;
 * - bold words, or one code span in bold (a media type's list item, `` - **`application/json`**: ``):
 *   `**` opens before a backtick where a space or the text's start stands before it, and closes
 *   after one before a space, the text's end or punctuation that only closes it (`:.,;)`);
 * - an asterisk before a space or the text's end (`fields: * invoice * credit`, Zuora's lists
 *   in a cell): prettier's parser opens nothing there, and prints it as it is; touching only
 *   `<br>` before it, and no paragraph's line starts with one (a list item);
 * - an escaped pipe, `\|`, between spaces (the union types of the docs pages: `` `string` \| `null` ``):
 *   prettier prints a one-character escape as it was written, in a cell, a paragraph, a heading, a
 *   list item or a link's text alike;
 * - an address in emphasis, `*https://api.example.com/v1*` (the docs pages' "All URIs are
 *   relative to" line): prettier keeps the `*` of an emphasis that starts with an autolink, and
 *   prints the address as written; a host of letters, digits and `-` in dot-separated labels, a
 *   port, a path whose `.`, `_` and `~` stand between letters, digits or `-` (after `/.` or before
 *   a closing `_.`, the autolink ends elsewhere: found by fuzzing against prettier), with a space
 *   or the text's end on each side;
 * - links of those to a destination with no space, parenthesis, entity or escape, with or
 *   without a title of words one space apart in double quotes (`"Create Subscription"`); a link's text
 *   may be a run of them in brackets (`[[Back to top]](#top)`), which prettier's parser reads as a
 *   wiki link followed by text: so that destination must print as it is as text too, and may hold
 *   only letters, digits, `.`, `/`, `#` and `-` (no address: an autolink could start there, found
 *   by a review).
 *
 * One space stands between two tokens, or none between words, code spans and links (not between
 * two code spans, whose backticks would run together, nor beside bold text, whose `**` opens or
 * closes by what stands beside it, but for `:.,;)` after it and `<br>` on either side, nor beside a
 * lone asterisk but for `<br>` before it). Nothing that could start an autolink (`://` or `www.` outside
 * a destination or an address in emphasis, `@`), liquid (`{{`, `{%`), HTML, another entity, other
 * emphasis, an image, math, a footnote or another reference (a text with link definitions is never
 * rewritten: `cuttableMarkdown`).
 */

/**
 * The characters a word may hold anywhere but `]` and `-` (which a character class takes last):
 * letters, digits and punctuation that opens no markdown (a dollar sign too: prettier's parser
 * reads math only between two, `NEVER`), and the pound, yen and euro signs (Stripe's `¥100`).
 */
const WORD_CHARACTERS = String.raw`A-Za-z0-9,.;:()'"=+?/>%#{}$\u00A3\u00A5\u20AC\u2013\u2014\u2018\u2019\u201C\u201D`;
/** An underscore between letters or digits: no emphasis opens or closes there, and prettier escapes none. */
const INNER_UNDERSCORE = String.raw`(?<=[A-Za-z0-9])_(?=[A-Za-z0-9])`;
/** The entities plain text holds (prettier prints them as written). */
const ENTITY = '&(?:gt|lt|amp|quot|apos|#39);';
/** A plain word (`wordPattern`), with a run of `_` at its end: outside bold text prettier's printer prints a word as it is, and such a run opens no emphasis. */
const WORD = wordPattern(true);
/**
 * A word in bold text before another: no run of `_` at its end, which prettier's printer escapes
 * there (`**a\_ b**`: inside bold or emphasis it escapes a run that could close emphasis, looking at
 * the next word; a text's other words, and a bold text's last, it prints as they are).
 */
const INNER_BOLD_WORD = wordPattern(false);

/**
 * Letters, digits and punctuation that opens no markdown; `_` between letters or digits (no
 * emphasis), and with `trailing` a run of them after one at the word's end (`Response_`, a model's
 * name: it may close emphasis, and no plain text opens one).
 */
function wordPattern(trailing: boolean): RegExp {
  return new RegExp(String.raw`^(?:[${WORD_CHARACTERS}\]-]|${INNER_UNDERSCORE}${trailing ? String.raw`|(?<=[A-Za-z0-9])_+$` : ''}|\[\](?!\(|\]|\[(?!\]))|${ENTITY}|<br>)+$`);
}
/**
 * A run of the characters WORD takes anywhere, from a position (`]` but in a link's text, where it
 * ends the word): most words are nothing else, and where such a run ends the word, it is one
 * without WORD's lookarounds (`tokenEnd`: a third of the docs pages' inline checks went to them).
 */
const SIMPLE_WORD = new RegExp(String.raw`[${WORD_CHARACTERS}\]-]+`, 'y');
const SIMPLE_LINK_WORD = new RegExp(String.raw`[${WORD_CHARACTERS}-]+`, 'y');
/** An alert's marker, `[!NOTE]`: a shortcut reference to no definition, printed as it is. */
const ALERT = /\[![A-Z]+\]/y;
/**
 * A code span without a backtick, pipe or backslash in it but for escaped pipes (`number \\| string`),
 * nor a space at its start (prettier prints its text as it is, in a table's cell too; its parser
 * drops a space at each end only where both ends have one).
 */
const CODE = /`(?:[^`|\\ ]|\\\|)(?:[^`|\\]|\\\|)*`/y;
/**
 * What the rewrites of a text (`rewrittenInline`, the underscores' bold) pass over, printed as it is:
 * a wiki link's text, a code span, a link's destination and title.
 */
const PASSED_OVER = String.raw`\[\[.+?\]\]|\`[^\`]*\`|\]\([^)]*\)`;

/**
 * Emphasis of words as prettier prints it between a space, `(` or `<br>` and a space, `<br>` or
 * `:.,;)`: with underscores (`_Limited_`; its printer takes `*` only beside a word). Words of
 * letters, digits and `.,;:'"?-`, each from a letter or digit, with single underscores between
 * letters or digits (`_field_name_`, Zuora's; not `*`, nor a run of `_` or one at a word's end,
 * which it escapes inside emphasis, nor an address).
 */
const EMPHASIS_CHARACTER = String.raw`(?:[A-Za-z0-9.,;:'"?-]|${INNER_UNDERSCORE})`;
const EMPHASIS_WORD = `[A-Za-z0-9]${EMPHASIS_CHARACTER}*`;
/** A word after the first, which may also start with punctuation (`---`, Stripe's dash). */
const LATER_EMPHASIS_WORD = `${EMPHASIS_CHARACTER}+`;
const EMPHASIS_TEXT = `${EMPHASIS_WORD}(?: ${LATER_EMPHASIS_WORD})*`;
const EMPHASIS = new RegExp(`_${EMPHASIS_TEXT}_`, 'y');
/** Emphasis written with asterisks where prettier prints it with underscores (see EMPHASIS); code spans, links' destinations and wiki links are passed over. */
const STAR_EMPHASIS = new RegExp(String.raw`${PASSED_OVER}|(?<=^| |\(|<br>)\*(${EMPHASIS_TEXT})\*(?=$| |<br>|[.,;:)])`, 'g');

/** Bold words. */
const BOLD = /\*\*([^*\s]+(?: [^*\s]+)*)\*\*/y;
/**
 * A link's destination: a path, an anchor or an address without a space, parenthesis, entity or
 * escape (prettier prints it as it is: `printUrl` wraps one with a space or parenthesis in `<>`),
 * and a title of words one space apart in double quotes or none (`printTitle` prints such a one as
 * it is; an empty one it drops).
 */
const DESTINATION = /\(([A-Za-z0-9./#_?=:~+%-]+)(?: "[A-Za-z0-9.,:;?!'-]+(?: [A-Za-z0-9.,:;?!'-]+)*")?\)/y;
/** The destination after a link text in brackets, which prettier's parser reads as text (see above). */
const TEXT_DESTINATION = /\(([A-Za-z0-9./#-]+)\)/y;
/** What no plain text holds: liquid, and math (`$$`; prettier's parser reads no math between single dollars). */
const NEVER = /\{\{|\{%|\$\$/;
/** What no plain text holds outside its links' destinations and its code spans: an autolink's start. */
const AUTOLINK = /:\/\/|www\./i;
/**
 * An address that stands as a word of its own (between spaces, `<br>` or a line's ends) of
 * letters, digits, `./#?=%:+,;'"-`, single underscores between letters or digits (which no text
 * escapes) and the entities plain text holds, as Stripe's escaped anchors
 * (`&lt;a href="https://stripe.com/docs/keys#test-live-modes"&gt;live-mode`) and Zuora's
 * `https://rest.zuora.com`: prettier's parser may read an autolink in it, which prints as its
 * source, and none of the rewrites reads any of its characters, which as text print as they are.
 */
const ADDRESS_CHARACTER = String.raw`(?:[A-Za-z0-9./#?=%:+,;'"-]|${INNER_UNDERSCORE}|${ENTITY})`;
const ADDRESS_WORD = new RegExp(String.raw`(?<=^|\s|<br>)${ADDRESS_CHARACTER}*(?::\/\/|www\.)${ADDRESS_CHARACTER}*(?=$|\s|<br>)`, 'gi');
/** An address in emphasis (see above). */
const ADDRESS = /\*https?:\/\/[A-Za-z0-9][A-Za-z0-9-]*(?:\.[A-Za-z0-9][A-Za-z0-9-]*)*(?::\d+)?(?:\/(?:[A-Za-z0-9-]+(?:[._~][A-Za-z0-9-]+)*)?)*\*/iy;

/**
 * Whether `text` holds what no plain text holds (`NEVER`), two spaces outside its code spans, or an autolink's start outside its links'
 * destinations (an address there is no autolink; not a destination after a link text in brackets,
 * which is text) and its code spans (prettier's parser reads a code span before an address in it:
 * `` `https://api.example/v1` `` stays code).
 */
const never = (text: string): boolean =>
  NEVER.test(text) ||
  // Two spaces outside code spans (prettier prints a text's runs of spaces as one, a code span as it is).
  (text.includes('  ') && text.replace(/`[^`]*`/g, '``').includes('  ')) ||
  // Each replacement leaves its delimiters where the text it drops stood, so it makes no autolink's start: a text without one is done.
  (AUTOLINK.test(text) &&
    AUTOLINK.test(
      text
        .replace(/`[^`]*`/g, '``')
        .replace(/(?<!\])\]\([^\s(){}]*(?: "[^"]*")?\)/g, ']()')
        .replace(/(?<=^| )\*https?:\/\/[^\s*]*\*(?= |$)/gi, '**')
        .replace(ADDRESS_WORD, 'a'),
    ));

/** Whether prettier prints a table cell's text (its spaces trimmed) as it is: plain tokens (see above). */
export function plainCell(cell: string): boolean {
  return !never(cell) && plainRun(cell, 0, false) === cell.length;
}

/**
 * The text prettier prints for a table cell (its spaces trimmed), where that is known: a plain cell
 * as it is, one that is plain with each run of spaces outside its code spans as one space and its
 * code between runs of backticks between one (as prettier prints them: `oneSpaced`,
 * `singleBackticked`), or a property's name in bold (the docs pages' property tables, `**_links.html**`) with
 * the backslashes prettier adds (`escapedUnderscores`): one word of letters, digits, `.`, `-`, `[]`
 * and `_`, each run of `_` before a letter or a digit, so that none closes emphasis and the bold
 * holds the one word (no autolink's start either, `never`).
 */
export function printedCell(cell: string): string | undefined {
  if (plainCell(cell)) return cell;
  // Runs of spaces, which prettier prints as one (OpenAI's descriptions, `of specific   file types`), and code between runs of backticks.
  const collapsed = rewrittenInline(cell);
  if (collapsed !== cell && plainCell(collapsed)) return collapsed;
  const name = BOLD_NAME.exec(cell)?.[1];
  return name !== undefined && !never(cell) ? `**${escapedUnderscores(name)}**` : undefined;
}

const SPACE_RUN = new RegExp(String.raw`${PASSED_OVER}|(?<=[^ ]) {2,}(?=[^ ])`, 'g');

/** A text as prettier prints it where its code between backticks, runs of spaces and emphasis in asterisks are all it changes (`singleBackticked`, `oneSpaced`, `underscoreEmphasis`). */
function rewrittenInline(text: string): string {
  return underscoreEmphasis(oneSpaced(singleBackticked(text)));
}

/**
 * `text` with each run of spaces between two other characters as one space, but in code spans, a
 * link's destination and title, and a wiki link (`[[Back to top]]`: prettier prints a text's runs of
 * spaces as one, a code span, a title and a wiki link's text as they are; a destination and title on
 * one line: `plainParagraph` reads no line that ends in one). Spaces at the end stay (a paragraph's
 * line may end in a hard break).
 */
function oneSpaced(text: string): string {
  return text.replace(SPACE_RUN, (match) => (match.startsWith(' ') ? ' ' : match));
}

/** `text` with emphasis written with asterisks as prettier prints it (`STAR_EMPHASIS`: `*operator*` is `_operator_`). */
function underscoreEmphasis(text: string): string {
  return text.includes('*') ? text.replace(STAR_EMPHASIS, (match, words: string | undefined) => (words === undefined ? match : `_${words}_`)) : text;
}

/**
 * `text` with each code span between runs of two backticks or more as prettier prints it, between
 * one backtick each side (Zuora's descriptions, ```` ```json { "a": 1 } ``` ````: its printer takes
 * as many as the code needs, one where it holds none): code with no backtick, pipe or backslash,
 * that starts with no space (its parser drops a space at each end where both have one).
 */
function singleBackticked(text: string): string {
  // A wiki link's text (`[[...]]`, see above) is printed as it is.
  if (!text.includes('``') || text.includes('[[')) return text;
  // Code spans as CommonMark reads them: a run of backticks opens one, the next run of as many closes it.
  const run = /`+/g;
  let out = '';
  let done = 0;
  for (let open = run.exec(text); open; open = run.exec(text)) {
    const ticks = open[0].length;
    let close = run.exec(text);
    while (close && close[0].length !== ticks) close = run.exec(text);
    if (!close) {
      // Backticks that open nothing: text, after which a code span may start.
      run.lastIndex = open.index + ticks;
      continue;
    }
    const code = text.slice(open.index + ticks, close.index);
    if (ticks > 1 && /^[^`|\\ ][^`|\\]*$/.test(code)) {
      out += `${text.slice(done, open.index)}\`${code}\``;
      done = close.index + ticks;
    }
  }
  return out + text.slice(done);
}

const BOLD_NAME = /^\*\*((?:[A-Za-z0-9.-]|\[\]|_+(?=[A-Za-z0-9]))+)\*\*$/;

/**
 * A word alone in bold as prettier prints it: its `word` printer inside emphasis or bold (3.x) puts
 * a backslash before a leading `_`, then goes over the word's runs of `_` with one search,
 * `/(\\+|^|.)(\*+|_+)($|.)/g`, each match taking the character before a run and the one after
 * it, and escapes a run that could open or close emphasis between those two: for a word of
 * `BOLD_NAME` (ASCII, no `*`, no space, alone in its bold), a run after punctuation (`**a.\_b**`),
 * not one between letters or digits (`snake_case`). The search is prettier's own, so its matches are
 * too: a run whose letter before was taken as the character after the run before it is matched
 * from its second `_`, its first taken as the punctuation before (`**\_a_\_b**` for `**_a__b**`).
 */
function escapedUnderscores(word: string): string {
  return (word.startsWith('_') ? `\\${word}` : word).replace(/(\\+|^|.)(_+)($|.)/g, (match, before: string, run: string, after: string) => {
    if (/^\\+$/.test(before) && before.length % 2 === 1) return match;
    // Prettier's flanking test with the characters around the run (none at the word's ends: then no escape).
    if (before === '' || after === '') return match;
    const punctuationBefore = PUNCTUATION.test(before.at(-1)!);
    const punctuationAfter = PUNCTUATION.test(after);
    const left = !punctuationAfter || punctuationBefore;
    const right = !punctuationBefore || punctuationAfter;
    return (left ? !right || punctuationBefore : right) ? `${before}\\${run}${after}` : match;
  });
}

/** ASCII punctuation, which prettier's markdown printer counts as such (with Unicode's, not in a `BOLD_NAME`). */
const PUNCTUATION = /[!-/:-@[-`{-~]/;

/**
 * Whether prettier prints a paragraph's lines as they are, wherever it stands as a top-level block:
 * each line plain inline markdown (`plainInline`) from a letter, a backtick, a link, bold text, an
 * address in emphasis, an entity, `&`, a parenthesis, a quote, or digits not followed by `.` or `)`
 * (so it starts no other block, no list item, and no line break or setext underline ends the line
 * before it; prettier keeps the line breaks of prose). A line break may stand for a space inside a
 * link's text or bold text (`[Create or\nupdate](url)`: the lines are then checked joined by
 * spaces), not inside a link's destination or title, nor a code span (not read: each line must hold whole code spans, an even number
 * of backticks). A line other than the last may end with a hard break, two spaces (GitHub's alerts,
 * `&gt; [!WARNING]  `), each line then plain on its own. Or an empty anchor alone,
 * `<a id="name"></a>`: inline HTML, printed as it is.
 */
export function plainParagraph(lines: readonly string[]): boolean {
  if (lines.length === 1 && ANCHOR.test(lines[0]!)) return true;
  if (lines.length === 0 || !lines.every((line) => LINE_START.test(line))) return false;
  // A hard break: two spaces at the end of a line that another follows, which prettier keeps.
  const broken = lines.map((line, i) => (i < lines.length - 1 && HARD_BREAK.test(line) ? line.slice(0, -2) : line));
  if (broken.every(plainInline)) return true;
  // No line ends in a link's destination or title (prettier joins a break there with a space, where the text keeps it).
  return broken.every((text, i) => text === lines[i]) && lines.every((line) => (line.match(/`/g)?.length ?? 0) % 2 === 0 && !/\]\([^)]*$/.test(line)) && plainInline(lines.join(' '));
}

/**
 * A paragraph's lines as prettier prints them where that differs from the text but is known:
 * - bold text written with underscores (loket.nl's descriptions, `__Activity name :__ GetEmployer`):
 *   prettier's printer writes bold with `**`, so each `__` pair becomes `**`. A pair is read only
 *   where neither underscore could be taken another way: the opening `__` at the line's start or
 *   after a space and before a letter or digit, the closing one after what is not a space and
 *   before a space or the line's end, no `_`, `*` or backtick between them (`a__b__` is a word to
 *   prettier, `__a__b` too), and not in a code span;
 * - spaces that end a line and make no hard break (Zuora's descriptions, `... for more
 *   information. `): one space after what is not one, or any at the end of the last line, which
 *   prettier drops;
 * - runs of spaces between words, outside code spans, which prettier prints as one (`oneSpaced`);
 * - code between runs of backticks, printed between one (`singleBackticked`);
 * - emphasis written with asterisks, printed with underscores (`underscoreEmphasis`).
 * The lines must then be plain (`plainParagraph`). `undefined` when none of that changes a line,
 * or a line holds a `__` not read so.
 */
export function printedParagraph(lines: readonly string[]): string[] | undefined {
  // An empty anchor is an HTML block, printed as it is.
  if (lines[0]?.startsWith('<')) return undefined;
  const last = lines.length - 1;
  const printed = lines.map((line, i) =>
    rewrittenInline(line.replace(i === last ? / +$/ : /(?<=[^ ]) $/, '')).replace(UNDERSCORE_BOLD, (match, text: string | undefined) => (text === undefined ? match : `**${text}**`)),
  );
  return printed.some((line, i) => line !== lines[i]) && !printed.some((line) => line.includes('__')) && plainParagraph(printed) ? printed : undefined;
}

/** A pair of `__` (see above), or a code span or a wiki link, which is passed over: a `__` in one is left, so its line is not read. */
const UNDERSCORE_BOLD = new RegExp(String.raw`${PASSED_OVER}|(?<=^| )__([A-Za-z0-9][^_*\`\s]*(?: [^_*\`\s]+)*)__(?= |$)`, 'g');

/** Two spaces that end a line, after a character that is not one (prettier prints three or more as two). */
const HARD_BREAK = /[^ ] {2}$/;

/** Whether prettier prints a paragraph's or a heading's text as it is: plain tokens (see above), at least one, with no space before the first or after the last. */
export function plainInline(text: string): boolean {
  return text !== '' && !never(text) && plainRun(text, 0, false) === text.length;
}

const ANCHOR = /^<a id="[A-Za-z0-9_-]*"><\/a>$/;

/** How a plain paragraph's line starts (see `plainParagraph`): digits are a list's marker only before `.` or `)`. */
export const LINE_START = /^(?:[A-Za-z`[&("']|\*(?=[^ ])|\d+(?![.)\d]))/;

type Kind = 'word' | 'code' | 'bold' | 'link' | 'pipe' | 'address' | 'alert' | 'star' | 'emphasis';

/**
 * Whether two tokens may stand with no space between them (see above), the second at `at` in
 * `text`. Bold text may be followed by `:.,;)` (`**Accept**:`, `**Limited Availability**.`): a `**`
 * after a word and before punctuation only closes. A lone asterisk touches only `<br>` before it. And bold text may touch `<br>` on either side (Zuora's descriptions,
 * `values.<br><br>**Note:** a<br>`): a `**` after `>` and before what is not a space only opens
 * (or may also close, where the bold starts with punctuation: there is no opener before it to close,
 * every `*` of a plain text being in bold text or an address in emphasis that closed before it), and
 * one before `<` after what is not a space only closes (or may also open, after punctuation: its
 * own opener comes first). Bold text is then what it is beside a space.
 */
const touch = (before: Kind, after: Kind, text: string, at: number): boolean => {
  if (before === 'word' && (after === 'bold' || after === 'star')) return text.endsWith('<br>', at);
  if (before === 'word' && after === 'emphasis') return text.endsWith('<br>', at) || text[at - 1] === '(';
  if ((before === 'bold' || before === 'emphasis') && after === 'word') return CLOSING_PUNCTUATION.includes(text[at]!) || text.startsWith('<br>', at);
  return ![before, after].some((kind) => kind === 'bold' || kind === 'pipe' || kind === 'address' || kind === 'alert' || kind === 'star' || kind === 'emphasis') && !(before === 'code' && after === 'code');
};

/** What may touch bold text after it (`**Limited Availability**.`): a `**` before it only closes. */
const CLOSING_PUNCTUATION = ':.,;)';

const kindAt = (text: string, at: number): Kind =>
  text[at] === '`'
    ? 'code'
    : text.startsWith('**', at)
      ? 'bold'
      : text[at] === '*'
        ? (text[at + 1] ?? ' ') === ' '
          ? 'star'
          : 'address'
        : text.startsWith('[!', at)
          ? 'alert'
          : text[at] === '[' && text[at + 1] !== ']'
            ? 'link'
            : text.startsWith('\\|', at)
              ? 'pipe'
              : text[at] === '_'
                ? 'emphasis'
                : 'word';

/**
 * Where a run of plain tokens from `at` ends (the end of the text, or the `]` of the link it is in),
 * or -1 when one is not plain. A space must be followed by a token: not one at the end, nor before
 * the `]`.
 */
function plainRun(text: string, at: number, inLink: boolean): number {
  let before: Kind | undefined;
  while (at < text.length && !(inLink && text[at] === ']')) {
    const spaced = before !== undefined && text[at] === ' ';
    if (spaced) at++;
    const kind = kindAt(text, at);
    if (before !== undefined && !spaced && !touch(before, kind, text, at)) return -1;
    at = tokenEnd(text, at, kind, inLink);
    if (at < 0) return -1;
    before = kind;
  }
  return at;
}

/** Where the plain token of `kind` at `at` ends, or -1 when it is not one (what follows it is for `plainRun` to check). */
function tokenEnd(text: string, at: number, kind: Kind, inLink: boolean): number {
  switch (kind) {
    case 'code':
      return stickyMatch(CODE, text, at) ? CODE.lastIndex : -1;
    case 'pipe':
      return at + 2;
    case 'star':
      return inLink ? -1 : at + 1;
    case 'emphasis':
      return !inLink && stickyMatch(EMPHASIS, text, at) ? EMPHASIS.lastIndex : -1;
    case 'address':
      return !inLink && stickyMatch(ADDRESS, text, at) ? ADDRESS.lastIndex : -1;
    case 'alert':
      return !inLink && stickyMatch(ALERT, text, at) ? ALERT.lastIndex : -1;
    case 'bold': {
      const bold = stickyMatch(BOLD, text, at);
      if (!bold) return -1;
      const end = BOLD.lastIndex;
      // Bold words, or one code span in bold (`` **`application/json`**: ``).
      const words = bold[1]!.split(' ');
      return words.every((word, i) => (i === words.length - 1 ? WORD : INNER_BOLD_WORD).test(word)) || (stickyMatch(CODE, text, at + 2) && CODE.lastIndex === end - 2) ? end : -1;
    }
    case 'link': {
      if (inLink) return -1;
      const bracketed = text[at + 1] === '[';
      // The run stops at the `]` or the end (then no destination follows); an empty text is not plain.
      const from = bracketed ? at + 2 : at + 1;
      let close = plainRun(text, from, true);
      if (close <= from) return -1;
      // The text's own `]` ends the run; a text in brackets needs a second one right after it.
      if (bracketed && text[++close] !== ']') return -1;
      const destination = bracketed ? TEXT_DESTINATION : DESTINATION;
      return stickyMatch(destination, text, close + 1) ? destination.lastIndex : -1;
    }
    case 'word': {
      if (text[at] === '&' && !inLink && (at === 0 || text[at - 1] === ' ') && (text[at + 1] ?? ' ') === ' ') return at + 1;
      const simple = inLink ? SIMPLE_LINK_WORD : SIMPLE_WORD;
      if (stickyMatch(simple, text, at) && wordEndsAt(text, simple.lastIndex, inLink)) return simple.lastIndex;
      let end = at;
      // Empty brackets are part of a word (not in a link's text, whose `]` ends it).
      while (!wordEndsAt(text, end, inLink)) end += !inLink && text.startsWith('[]', end) ? 2 : 1;
      return WORD.test(text.slice(at, end)) ? end : -1;
    }
  }
}

/** `pattern` (sticky) matched at `from` in `text`, its `lastIndex` where the match ends. */
function stickyMatch(pattern: RegExp, text: string, from: number): RegExpExecArray | null {
  pattern.lastIndex = from;
  return pattern.exec(text);
}

/**
 * Whether a word token ends at `at` (see the `word` case of `tokenEnd`): the text's end, a space, a
 * backtick, a `[` that opens (not `[]`), in a link's text a bracket, a `*` after `<br>` (bold
 * text may touch it: `touch`), or a `_` after `(` or `<br>` (emphasis may).
 */
function wordEndsAt(text: string, at: number, inLink: boolean): boolean {
  const char = text[at];
  return (
    char === undefined ||
    char === ' ' ||
    char === '`' ||
    (char === '[' && text[at + 1] !== ']') ||
    (inLink && (char === ']' || char === '[')) ||
    (char === '*' && text.endsWith('<br>', at)) ||
    (char === '_' && (text[at - 1] === '(' || text.endsWith('<br>', at)))
  );
}
