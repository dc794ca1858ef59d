import { visibleText } from './unsafe-text.ts';

/**
 * Prose for a markdown block: keeps the spec's markdown, but raw HTML (and so autolinks) is shown,
 * not rendered, and the targets of inline links and reference definitions whose scheme is
 * `javascript:`, `vbscript:` or `data:` are disarmed, however spelled (see disarmLinks). It is not
 * an HTML sanitizer for every renderer: docs served to browsers still belong behind one.
 */
export function markdownText(text: string): string {
  return disarmLinks(visibleText(text))
    .replace(/&(?![a-zA-Z]+;|#\d+;|#x[0-9a-fA-F]+;)/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .trim();
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
    .replace(/^( {0,3}\[[^\]\n]+\]:[ \t]*\n?[ \t]*)(<[^>\n]*>?|\S+)/gm, (_m, open: string, target: string) => `${open}${disarm(target)}`);
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
