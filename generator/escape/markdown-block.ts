import { visibleText } from './unsafe-text.ts';
import { shownAsCode } from './markdown-code-spans.ts';
import { closesFence, fenceSegments, openedFence } from './markdown-fences.ts';
import { disarmLinks, markdownText, shownAsText } from './markdown.ts';

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
  const flush = (): void => {
    // Its empty lines around it go (the parts are joined by one); an indented first line keeps its indent.
    const shown = shownAsText(prose.join('\n')).replace(/^(?:[ \t]*\n)+/, '').trimEnd();
    if (shown !== '') out.push(shown);
    prose = [];
  };
  for (const { lines, fenced } of fenceSegments(disarmLinks(visibleText(text)))) {
    if (!fenced) {
      prose.push(...lines.map(deeperHeading));
      continue;
    }
    const fence = openedFence(lines[0]!)!;
    const closed = lines.length > 1 && closesFence(lines.at(-1)!, fence);
    const code = lines
      .slice(1, closed ? -1 : undefined)
      .map((line) => line.replace(new RegExp(`^ {0,${fence.indent}}`), ''))
      .join('\n');
    if (!/[&<>]/.test(code)) {
      // A fence the text leaves open is closed, or it would hold the rest of the page.
      prose.push(...lines, ...(closed ? [] : [fence.char.repeat(fence.length)]));
      continue;
    }
    flush();
    const escaped = shownAsCode(code)
      .replace(/`{3,}|~{3,}/g, (run) => (run[0] === '`' ? '&#96;' : '&#126;').repeat(run.length))
      .replace(/\n(?=\n)/g, '&#10;');
    out.push(`<pre><code>${escaped}</code></pre>`);
  }
  flush();
  return out.join('\n\n').trim();
}

/** An ATX heading three levels down (at most six), below the headings of the page the description is on. */
function deeperHeading(line: string): string {
  return line.replace(/^( {0,3})(#{1,6})(?=[ \t]|$)/, (_m, indent: string, hashes: string) => `${indent}${'#'.repeat(Math.min(6, hashes.length + 3))}`);
}
