/**
 * A code span's code as inline HTML that renderers show as the span would: its line breaks as
 * spaces and one space taken off each end when both have one (CommonMark's rules for a span),
 * `&`, `<` and `>` as references, and a backslash before what markdown would read inside the tags
 * (emphasis, links, strikethrough, math, backslashes and backticks).
 */
export function codeHtml(code: string): string {
  const line = code.replace(/\n/g, ' ');
  const trimmed = /^ .*[^ ].* $/.test(line) ? line.slice(1, -1) : line;
  const shown = shownAsCode(trimmed.replace(/[\\`*_[\]~$]/g, '\\$&'));
  // Inside the tags, GFM and linkify would make links of URLs and addresses (showing `&amp;lt;` in
  // them): a reference for the colon of `://`, the dot of `www.` and `@` keeps them text, shown the same.
  return `<code>${shown.replace(/:(?=\/\/)/g, '&#58;').replace(/(?<=www)\./gi, '&#46;').replace(/@/g, '&#64;')}</code>`;
}

/** Code shown as text in HTML: every `&`, `<` and `>` a character reference. */
export function shownAsCode(code: string): string {
  return code.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * The code spans of a markdown text as CommonMark finds them, left to right: a run of backticks
 * not escaped by a backslash opens one, closed by the next run of as many (a run of another length
 * is code), within its paragraph (no empty line in it). An approximation where it matters only
 * for display: what it calls a span is shown as code, and everything is escaped either way.
 */
export function* codeSpans(text: string): Generator<{ readonly start: number; readonly end: number; readonly code: string }> {
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
