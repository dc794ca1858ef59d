import { visibleText } from './unsafe-text.ts';

/**
 * Prose for a markdown block: keeps the spec's markdown, but raw HTML is shown, not rendered, and
 * inline links whose target starts with `javascript:`, `vbscript:` or `data:` (any case, after
 * spaces) are disarmed. Not a sanitizer: other spellings of a scheme (character references such as
 * `java&#115;cript:`, reference-style link definitions) pass through, so render the docs with one.
 */
export function markdownText(text: string): string {
  return visibleText(text)
    .replace(/\]\(\s*(javascript|vbscript|data):/gi, '](#unsafe-link-$1:')
    .replace(/&(?![a-zA-Z]+;|#\d+;|#x[0-9a-fA-F]+;)/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .trim();
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
