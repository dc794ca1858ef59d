import { visibleText } from './unsafe-text.ts';

/**
 * Prose for a markdown block: keeps the spec's markdown, but raw HTML (and so autolinks) is shown,
 * not rendered, and the targets of inline links and reference definitions whose scheme is
 * `javascript:`, `vbscript:` or `data:` are disarmed, however spelled (see disarmLinks). It is not
 * an HTML sanitizer for every renderer: docs served to browsers still belong behind one.
 */
export function markdownText(text: string): string {
  return shownAsText(disarmLinks(visibleText(text))).trim();
}

/**
 * Raw HTML shown, not rendered: `<`, `>` and a lone `&` as character references. But a code span
 * whose code holds one of them becomes inline HTML, `<code>` and its code shown as text
 * (`codeHtml`): in a code span, references show as themselves (`refs/heads/&lt;branch&gt;`).
 */
function shownAsText(text: string): string {
  // A fence's lines are code (a kept fence of md.block's, or one md.text passes through): escaped
  // only; a code span of the prose never pairs a backtick with one of them (a review found one
  // that left a fence open for the rest of the page).
  if (!/```|~~~/.test(text)) return shownAsProse(text);
  return fenceSegments(text)
    .map(({ lines, fenced }) => (fenced ? escaped(lines.join('\n')) : shownAsProse(lines.join('\n'))))
    .join('\n');
}

/** The lines of a text in runs, each a fence (opening line to closing line, or to the end) or prose. */
function fenceSegments(text: string): { readonly lines: string[]; readonly fenced: boolean }[] {
  const segments: { lines: string[]; fenced: boolean }[] = [];
  let fence: Fence | undefined;
  for (const line of text.split('\n')) {
    const opened = fence === undefined ? openedFence(line) : undefined;
    const fenced = fence !== undefined || opened !== undefined;
    if (segments.at(-1)?.fenced !== fenced || opened !== undefined) segments.push({ lines: [], fenced });
    segments.at(-1)!.lines.push(line);
    if (opened) fence = opened;
    else if (fence && closesFence(line, fence)) fence = undefined;
  }
  return segments;
}

interface Fence {
  readonly char: string;
  readonly length: number;
  readonly indent: number;
}

/** The fence a line opens (CommonMark: up to three spaces; a backtick fence's info string holds no backtick), or none. */
function openedFence(line: string): Fence | undefined {
  const opener = /^( {0,3})(?:(`{3,})[^`]*|(~{3,}).*)$/.exec(line);
  if (!opener) return undefined;
  const run = opener[2] ?? opener[3]!;
  return { char: run[0]!, length: run.length, indent: opener[1]!.length };
}

/** Whether a line closes a fence: a run of its character at least as long, up to three spaces before it, nothing after. */
function closesFence(line: string, fence: Fence): boolean {
  const closer = /^ {0,3}(`+|~+)[ \t]*$/.exec(line)?.[1];
  return closer !== undefined && closer[0] === fence.char && closer.length >= fence.length;
}

/** Prose without fences: code spans holding `&`, `<` or `>` as `<code>`, the rest `referenced`. */
function shownAsProse(text: string): string {
  // Most texts have no code span and no tag (a render escapes thousands: OpenAI's --all, 8,000).
  if (!text.includes('`') || !/[&<>]/.test(text)) return referenced(text);
  let out = '';
  let from = 0;
  for (const span of codeSpans(text)) {
    if (!/[&<>]/.test(span.code)) continue;
    out += referenced(text.slice(from, span.start)) + codeHtml(span.code);
    from = span.end;
  }
  return out + referenced(text.slice(from));
}

function referenced(text: string): string {
  if (!text.includes('<')) return escaped(text);
  // Two tags specs use for what markdown has (Trello's every key parameter links its docs with
  // `<a href>`, Spotify breaks lines with `<br />`) become it: a `<br>` of ours, a markdown link.
  return text.replace(HTML_SPELLED, (_tag, href: string | undefined, label: string | undefined) => {
    // NULs mark what is not escaped: the text has none of its own by now (visibleText shows them as <U+0000>).
    if (href === undefined || label === undefined) return '\0br\0';
    return `\0[${escaped(label).replace(/[[\]\\]/g, '\\$&')}](${href.replace(/[()]/g, (c) => (c === '(' ? '%28' : '%29'))})\0`;
  }).split('\0').map((part, i) => (i % 2 === 0 ? escaped(part) : part === 'br' ? '<br>' : part)).join('');
}

/**
 * `<br>` (`<br/>`, `<br />`) and a link to an http(s) URL, `<a href="...">text</a>` (other
 * attributes left out, the text without tags), as specs write them in descriptions.
 */
const HTML_SPELLED = /<br\s*\/?>|<a\s+(?:[a-z-]+="[^"<>]*"\s+)*href="(https?:\/\/[^\s"<>]+)"(?:\s+[a-z-]+="[^"<>]*")*\s*>([^<>]*)<\/a>/gi;

function escaped(text: string): string {
  return text
    .replace(/&(?![a-zA-Z]+;|#\d+;|#x[0-9a-fA-F]+;)/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/**
 * A code span's code as inline HTML that renderers show as the span would: its line breaks as
 * spaces and one space taken off each end when both have one (CommonMark's rules for a span),
 * `&`, `<` and `>` as references, and a backslash before what markdown would read inside the tags
 * (emphasis, links, strikethrough, math, backslashes and backticks).
 */
function codeHtml(code: string): string {
  const line = code.replace(/\n/g, ' ');
  const trimmed = /^ .*[^ ].* $/.test(line) ? line.slice(1, -1) : line;
  const shown = trimmed.replace(/[\\`*_[\]~$]/g, '\\$&').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  // Inside the tags, GFM and linkify would make links of URLs and addresses (showing `&amp;lt;` in
  // them): a reference for the colon of `://`, the dot of `www.` and `@` keeps them text, shown the same.
  return `<code>${shown.replace(/:(?=\/\/)/g, '&#58;').replace(/(?<=www)\./gi, '&#46;').replace(/@/g, '&#64;')}</code>`;
}

/**
 * The code spans of a markdown text as CommonMark finds them, left to right: a run of backticks
 * not escaped by a backslash opens one, closed by the next run of as many (a run of another length
 * is code), within its paragraph (no empty line in it). An approximation where it matters only
 * for display: what it calls a span is shown as code, and everything is escaped either way.
 */
function* codeSpans(text: string): Generator<{ readonly start: number; readonly end: number; readonly code: string }> {
  if (!text.includes('`')) return;
  // Every run of backticks, by length: a run's closer is the first run of its length after it.
  const runs = [...text.matchAll(/`+/g)].map((m) => ({ at: m.index, length: m[0].length }));
  const byLength = new Map<number, number[]>();
  for (const run of runs) {
    const starts = byLength.get(run.length);
    if (starts) starts.push(run.at);
    else byLength.set(run.length, [run.at]);
  }
  const next = new Map<number, number>();
  let after = 0;
  for (const { at, length } of runs) {
    if (at < after) continue;
    let slashes = 0;
    while (text[at - 1 - slashes] === '\\') slashes++;
    const escaped = slashes % 2 === 1;
    const open = escaped ? { at: at + 1, length: length - 1 } : { at, length };
    if (open.length === 0) continue;
    const starts = byLength.get(open.length) ?? [];
    let index = next.get(open.length) ?? 0;
    while (index < starts.length && starts[index]! <= open.at) index++;
    next.set(open.length, index);
    const close = starts[index];
    if (close === undefined) continue;
    const code = text.slice(open.at + open.length, close);
    if (/\n[ \t]*\n/.test(code)) continue;
    yield { start: open.at, end: close + open.length, code };
    after = close + open.length;
  }
}

/**
 * Prose for a block of its own (a description, after an empty line), as `markdownText`, but the
 * code of a fenced block is shown as written (`a && b`, `<T>`), not as the references `markdownText`
 * makes (`&amp;&amp;`): a fence whose code holds `&`, `<` or `>` becomes an HTML block of its own,
 * `<pre><code>` and its code with those escaped, which renderers show as text and never as markup.
 * A markdown fence cannot do both: in one, references show as themselves, and code left raw is
 * markup wherever the fence is not read as one (a fence of another field left open before it, a
 * container, a formatter's rewrite: a review found all three). No spec text is left raw here; a
 * block misread shows its code, or the tags around it, as text. A fence without those characters
 * stays a fence (its language too), as `markdownText` leaves it, closed if the text leaves it open.
 * A heading of the description goes three levels down (`# Request body order` is `####`, at most
 * `######`), below the headings of the page it is on (Box's operations hold an H1). So without
 * such a fence, an open one or a heading, the text is `markdownText`'s.
 *
 * The block is written as `htmlCodeBlock` (format/markdown-chunks.ts) takes one, so that the format
 * stage knows prettier prints it as it is: no empty line in it (an empty line of code is a `&#10;`
 * at the end of the line before it) and no run of three backticks or tildes (`&#96;`, `&#126;`).
 */
export function markdownBlock(text: string): string {
  // No fence and no heading to read: `markdownText`'s, without reading the lines.
  if (!/```|~~~|^ {0,3}#/m.test(text)) return markdownText(text);
  const out: string[] = [];
  let prose: string[] = [];
  let fence: (Fence & { readonly written: string[]; readonly code: string[] }) | undefined;
  const flush = (): void => {
    // Its empty lines around it go (the parts are joined by one); an indented first line keeps its indent.
    const shown = shownAsText(prose.join('\n')).replace(/^(?:[ \t]*\n)+/, '').trimEnd();
    if (shown !== '') out.push(shown);
    prose = [];
  };
  // A fence the text leaves open is closed (`closed`: false), or it would hold the rest of the page.
  const close = ({ written, code, char, length }: NonNullable<typeof fence>, closed = true): void => {
    const joined = code.join('\n');
    if (!/[&<>]/.test(joined)) {
      prose.push(...written, ...(closed ? [] : [char.repeat(length)]));
      return;
    }
    flush();
    const escaped = shownAsCode(joined)
      .replace(/`{3,}|~{3,}/g, (run) => (run[0] === '`' ? '&#96;' : '&#126;').repeat(run.length))
      .replace(/\n(?=\n)/g, '&#10;');
    out.push(`<pre><code>${escaped}</code></pre>`);
  };
  for (const line of disarmLinks(visibleText(text)).split('\n')) {
    if (fence) {
      fence.written.push(line);
      if (closesFence(line, fence)) {
        close(fence);
        fence = undefined;
      } else fence.code.push(line.replace(new RegExp(`^ {0,${fence.indent}}`), ''));
      continue;
    }
    const opened = openedFence(line);
    if (opened) fence = { ...opened, written: [line], code: [] };
    else prose.push(line.replace(/^( {0,3})(#{1,6})(?=[ \t]|$)/, (_m, indent: string, hashes: string) => `${indent}${'#'.repeat(Math.min(6, hashes.length + 3))}`));
  }
  if (fence) close(fence, false);
  flush();
  return out.join('\n\n').trim();
}

/** Code shown as text in HTML: every `&`, `<` and `>` a character reference. */
function shownAsCode(code: string): string {
  return code.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Link targets that run code when followed. */
const UNSAFE_SCHEME = /^(?:javascript|vbscript|data):/;

/**
 * Disarms inline link targets (`[a](target)`) and reference definitions (`[a]: target`) whose
 * scheme runs code, judged as a renderer reads the target: backslash escapes and character
 * references decoded (`java&#115;cript:`, `javascript&colon;`), spaces and controls dropped.
 */
function disarmLinks(text: string): string {
  const disarm = (target: string): string => {
    // The whole target becomes a fragment: nothing to follow, and the reader still sees it.
    return UNSAFE_SCHEME.test(decodeTarget(target)) ? `#unsafe-link-${target}` : target;
  };
  return text
    .replace(/(\]\(\s*)(<[^>\n]*>?|[^\s)]+)/g, (_m, open: string, target: string) => `${open}${disarm(target)}`)
    // A reference definition's target, wherever `]:` stands: in a list item or a quote too, and
    // after a label with an escaped `]` (a review found both rendered by marked).
    .replace(/(\]:[ \t]*\n?[ \t]*)(<[^>\n]*>?|\S+)/g, (_m, open: string, target: string) => `${open}${disarm(target)}`);
}

/** Named character references that can hide a scheme's colon or split its name. */
const NAMED: Readonly<Record<string, string>> = { colon: ':', tab: '\t', newline: '\n', nbsp: ' ', shy: '', zwj: '', zwnj: '' };

function decodeTarget(target: string): string {
  const codePoint = (n: number) => (Number.isInteger(n) && n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : '');
  return target
    .replace(/^<|>$/g, '')
    .replace(/\\([!-/:-@[-`{-~])/g, '$1')
    .replace(/&#x([0-9a-f]{1,8});?/gi, (_m, hex: string) => codePoint(parseInt(hex, 16)))
    .replace(/&#(\d{1,10});?/g, (_m, dec: string) => codePoint(Number(dec)))
    .replace(/&([a-z]+);/gi, (m, name: string) => NAMED[name.toLowerCase()] ?? m)
    // oxlint-disable-next-line no-control-regex -- dropping control characters is the point
    .replace(/[\u0000-\u0020\u007f-\u009f\u00ad\u200b-\u200d\ufeff]|<U\+[0-9A-F]{4,6}>/g, '')
    .toLowerCase();
}

/** Prose for one markdown table cell: one line, pipes escaped. */
export function markdownCell(text: string): string {
  return markdownText(text)
    .replace(/\|/g, '\\|')
    .replace(/\n{2,}/g, '<br><br>')
    .replace(/\n/g, ' ');
}

/** Inline code for any text: a backtick fence longer than any run inside, pipes escaped for tables. */
export function markdownCode(text: string): string {
  const clean = visibleText(text).replace(/\n/g, ' ');
  const longest = Math.max(0, ...(clean.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = clean.startsWith('`') || clean.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${clean.replace(/\|/g, '\\|')}${pad}${fence}`;
}

/** A GitHub-style heading anchor for a name. */
export function markdownAnchor(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}_ -]/gu, '').replace(/ /g, '-');
}
