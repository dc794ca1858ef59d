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

/** Raw HTML shown, not rendered: `<`, `>` and a lone `&` as character references. */
function shownAsText(text: string): string {
  return text
    .replace(/&(?![a-zA-Z]+;|#\d+;|#x[0-9a-fA-F]+;)/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/**
 * Prose for a block of its own at the top level of a document (after an empty line, not in a list,
 * a quote or an HTML block), as `markdownText`, but the code of a fenced block that opens at the
 * first column is kept as written: a fence's content is never rendered as HTML, and a reference
 * there shows as written (`&amp;&amp;` where the spec's example says `&&`). A fence left open is
 * closed, so that the next block starts outside it. A fence indented or in a container (`- ````,
 * `> ````) is escaped as prose: where its code would end depends on the container.
 */
export function markdownBlock(text: string): string {
  const out: string[] = [];
  let prose: string[] = [];
  let fence: { readonly char: string; readonly length: number } | undefined;
  const flush = (): void => {
    if (prose.length > 0) out.push(shownAsText(prose.join('\n')));
    prose = [];
  };
  for (const line of disarmLinks(visibleText(text)).split('\n')) {
    if (fence) {
      const closer = /^ {0,3}(`+|~+)[ \t]*$/.exec(line)?.[1];
      if (closer !== undefined && closer[0] === fence.char && closer.length >= fence.length) fence = undefined;
      out.push(line);
      continue;
    }
    // CommonMark's opening fence, at the first column: a backtick fence's info string holds no backtick.
    const opener = /^(?:(`{3,})[^`]*|(~{3,}).*)$/.exec(line);
    if (!opener) {
      prose.push(line);
      continue;
    }
    flush();
    const run = opener[1] ?? opener[2]!;
    fence = { char: run[0]!, length: run.length };
    out.push(shownAsText(line));
  }
  flush();
  if (fence) out.push(fence.char.repeat(fence.length));
  return out.join('\n').trim();
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
