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
 * Prose for a block of its own (a description), as `markdownText`, but the code of a fenced block
 * is shown as code: an HTML `<pre><code>` block of its text with every `&`, `<` and `>` escaped,
 * which renderers show as written (`&&`, `<Arduino.h>`) and never as markup. In a markdown fence,
 * escaped code shows the references themselves (`&amp;&amp;`), and unescaped code is markup
 * wherever the fence is not read as one (a fence of another field left open before it, a
 * container, a formatter's rewrite: a reviewer found all three). No spec text is left raw here:
 * a fence misread shows its code, or the tags around it, as text.
 */
export function markdownBlock(text: string): string {
  const out: string[] = [];
  let prose: string[] = [];
  let code: { readonly char: string; readonly length: number; readonly lines: string[] } | undefined;
  const flush = (): void => {
    if (prose.length > 0) out.push(shownAsText(prose.join('\n')));
    prose = [];
  };
  const pre = (lines: readonly string[]): string => `<pre><code>${lines.join('\n').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</code></pre>`;
  for (const line of disarmLinks(visibleText(text)).split('\n')) {
    if (code) {
      const closer = /^ {0,3}(`+|~+)[ \t]*$/.exec(line)?.[1];
      if (closer !== undefined && closer[0] === code.char && closer.length >= code.length) {
        out.push(pre(code.lines));
        code = undefined;
      } else code.lines.push(line);
      continue;
    }
    // CommonMark's opening fence: up to three spaces, and a backtick fence's info string holds no backtick.
    const opener = /^ {0,3}(?:(`{3,})[^`]*|(~{3,}).*)$/.exec(line);
    if (!opener) {
      prose.push(line);
      continue;
    }
    flush();
    const run = opener[1] ?? opener[2]!;
    code = { char: run[0]!, length: run.length, lines: [] };
  }
  flush();
  if (code) out.push(pre(code.lines));
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
