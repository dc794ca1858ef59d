import { visibleText } from './unsafe-text.ts';
import { codeHtml, codeSpans } from './markdown-code-spans.ts';
import { fenceSegments } from './markdown-fences.ts';

/**
 * Prose for a markdown block: keeps the spec's markdown, but raw HTML is shown, not rendered
 * (but for the tags `referenced` reads, and autolinks to http(s) URLs), and the targets of inline links and reference definitions whose scheme is
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
export function shownAsText(text: string): string {
  // A fence's lines are code (a kept fence of md.block's, or one md.text passes through): escaped
  // only; a code span of the prose never pairs a backtick with one of them (a review found one
  // that left a fence open for the rest of the page).
  if (!/```|~~~/.test(text)) return shownAsProse(text);
  return fenceSegments(text)
    .map(({ lines, fenced }) => (fenced ? escaped(lines.join('\n')) : shownAsProse(lines.join('\n'))))
    .join('\n');
}

/**
 * Prose without fences: code spans holding `&`, `<` or `>` as `<code>`, the rest `referenced`; a
 * line's leading `>` marks (a blockquote: Impala's sign-up steps) stay markdown.
 */
function shownAsProse(text: string): string {
  const prose = proseWithCodeSpans(text);
  return prose.includes('&gt;') ? prose.replace(/^( {0,3})((?:&gt;[ \t]?)+)/gm, (_line, indent: string, marks: string) => indent + marks.replace(/&gt;/g, '>')) : prose;
}

function proseWithCodeSpans(text: string): string {
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
  // The tags specs use for what markdown has (Trello's every key parameter links its docs with
  // `<a href>`, Spotify breaks lines with `<br />`, Trello and Azure mark code with `<code>`)
  // become it: a `<br>` of ours, a markdown link, tags of ours around their text escaped.
  return text.replace(HTML_SPELLED, (_tag, href: string | undefined, label: string | undefined, name: string | undefined, inner: string | undefined, url: string | undefined) => {
    // NULs mark what is not escaped: the text has none of its own by now (visibleText shows them as <U+0000>).
    if (name !== undefined) return `\0${inlineTag(name.toLowerCase(), inner!)}\0`;
    // An autolink to an http(s) URL of URL characters only (Vonage's `<https://developer.nexmo.com/...>`)
    // becomes a link to it, as `<a href>` does: no `<` is left, should a template put the text inside HTML (a review).
    if (url !== undefined) return `\0${markdownLink(url.replace(/[[\]\\`*_]/g, '\\$&'), url)}\0`;
    if (href === undefined || label === undefined) return '\0br\0';
    return `\0${markdownLink(escaped(label).replace(/[[\]\\]/g, '\\$&'), href)}\0`;
  }).split('\0').map((part, i) => (i % 2 === 0 ? escaped(part) : part === 'br' ? '<br>' : part)).join('');
}

/**
 * A `<code>`, `<b>`, `<strong>`, `<i>` or `<em>` of the spec's, without attributes and with text
 * only inside, as ours: code as a code span's `<code>` (its five basic character references read
 * first, as HTML reads them; then everything shown as text), the others as `<strong>` or `<em>`
 * around the text escaped as prose; line breaks inside are spaces.
 */
function inlineTag(name: string, inner: string): string {
  if (name === 'code') return codeHtml(inner.replace(/&(lt|gt|quot|#39|amp);/g, (_reference, entity: string) => BASIC_REFERENCES[entity]!));
  const tag = name === 'b' || name === 'strong' ? 'strong' : 'em';
  // On one line, as a code span's: a tag open across an empty line would close in another paragraph.
  return `<${tag}>${escaped(inner.replace(/\n/g, ' '))}</${tag}>`;
}

/** `[text](target)`: the text as given (escaped by the caller), the target's parentheses percent-encoded. */
function markdownLink(text: string, target: string): string {
  return `[${text}](${target.replace(/[()]/g, (c) => (c === '(' ? '%28' : '%29'))})`;
}

const BASIC_REFERENCES: Readonly<Record<string, string>> = { lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' };

/**
 * `<br>` (`<br/>`, `<br />`), a link to an http(s) URL, `<a href="...">text</a>` (other
 * attributes left out, the text without tags), and `inlineTag`'s tags, as specs write them in
 * descriptions.
 */
const HTML_SPELLED = /<br\s*\/?>|<a\s+(?:[a-z-]+="[^"<>]*"\s+)*href="(https?:\/\/[^\s"<>]+)"(?:\s+[a-z-]+="[^"<>]*")*\s*>([^<>]*)<\/a>|<(code|b|strong|i|em)>([^<>]*)<\/\3>|<(https?:\/\/[\w\-.~:/?#[\]@!$&'()*+,;=%]+)>/gi;

function escaped(text: string): string {
  return text
    .replace(/&(?![a-zA-Z]+;|#\d+;|#x[0-9a-fA-F]+;)/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** Link targets that run code when followed. */
const UNSAFE_SCHEME = /^(?:javascript|vbscript|data):/;

/**
 * Disarms inline link targets (`[a](target)`) and reference definitions (`[a]: target`) whose
 * scheme runs code, judged as a renderer reads the target: backslash escapes and character
 * references decoded (`java&#115;cript:`, `javascript&colon;`), spaces and controls dropped.
 */
export function disarmLinks(text: string): string {
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
