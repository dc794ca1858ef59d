/**
 * A large markdown file (one `cuttableMarkdown` accepts) cut into texts of about `chunkChars` each,
 * formatted one by one and joined by one empty line (`undefined`: not cut). Where it may be cut
 * for chunked formatting (see `chunks.ts`; a large table is also cut between its rows, see
 * `markdown-tables.ts`): before an ATX heading at the start of a line, after an empty line, when
 * the line before that empty line starts a plain block (no indentation, list item or quote that
 * could go on) and no fenced code or HTML comment is open. There prettier's markdown parser starts
 * a new top-level block whatever came before, and its printer separates top-level blocks by one
 * empty line (a list after another list changes its marker, but only when nothing stands between
 * them, and a heading does). Not cut at all: front matter, link or footnote definitions (a
 * reference anywhere may use them), math blocks, HTML blocks that run past empty lines (`<pre>`,
 * `<script>`, `<style>`, `<textarea>`, `<?`, `<!X`; but for `htmlCodeBlock`'s), `prettier-ignore`,
 * and line terminators other than `\n`.
 *
 * Measured on GitHub's `--all`: `docs/ReposApi.md` (0.9 MB, 140 operations) took 15-40 s of one
 * worker, the longest job of the run.
 */
export function markdownChunks(text: string, chunkChars: number): string[] | undefined {
  const cuts: number[] = [];
  let last = 0;
  for (const { line, offset, blockStart } of markdownLines(text)) {
    if (blockStart && offset - last >= chunkChars && /^#{1,6}( |$)/.test(line)) {
      cuts.push(offset);
      last = offset;
    }
  }
  if (cuts.length === 0) return undefined;
  const bounds = [0, ...cuts, text.length];
  return bounds.slice(0, -1).map((start, i) => text.slice(start, bounds[i + 1]));
}

/**
 * Whether a markdown document may be cut at all (its blocks formatted apart): not with front
 * matter, definitions, math or HTML blocks that run past empty lines, `prettier-ignore`, or line
 * terminators other than `\n` (see above).
 */
export function cuttableMarkdown(text: string): boolean {
  if (/^(---|\+\+\+)/.test(text) || /[\r\u2028\u2029\uFEFF\0]|prettier-ignore/.test(text)) return false;
  // An HTML code block holds no definition, math or other HTML: only text.
  const rest = text.includes('<pre><code>') ? text.replace(HTML_CODE_BLOCKS, '') : text;
  return !(/^[ \t>]*\[[^\]\n]*\]:/m.test(rest) || /^[ \t]*\$\$/m.test(rest) || /^[ \t>]*<(script|pre|style|textarea|\?|![A-Za-z[])/im.test(rest));
}

/**
 * An HTML block of code as `md.block` writes a description's fenced code (escape/markdown-block.ts): a
 * line that starts with `<pre><code>` at the first column, text without `<` or `>`, and
 * `</code></pre>` at the end of a line; no empty line in it, and no line that could open or close
 * a fence (three backticks or tildes after any indent). CommonMark ends such a block (type 1) only
 * at a line that holds `</pre>`, the first `<` after its start here; prettier prints it as it is;
 * and `markdownLines` reads its lines as a paragraph's, none starting a block or a fence, so a cut
 * or a placeholder never falls inside it.
 */
const HTML_CODE_BLOCK = '<pre><code>(?:[^<>\\n]|\\n(?!\\n|[ \\t]*(?:`{3}|~{3})))*</code></pre>';
const HTML_CODE_BLOCKS = new RegExp(`^${HTML_CODE_BLOCK}$`, 'gm');
const ONE_HTML_CODE_BLOCK = new RegExp(`^${HTML_CODE_BLOCK}$`);

/** Whether a block's lines are one HTML code block (see `HTML_CODE_BLOCK`), which prettier prints as it is. */
export function htmlCodeBlock(lines: readonly string[]): boolean {
  return lines[0]?.startsWith('<pre><code>') === true && ONE_HTML_CODE_BLOCK.test(lines.join('\n'));
}

/** A line of markdown, where it starts in the text, and whether a top-level block starts there (a cut may go before it). */
export interface MarkdownLine {
  readonly line: string;
  readonly offset: number;
  readonly blockStart: boolean;
  /** The line follows an empty line (or starts the text) outside fenced code and HTML comments: a block at its first column starts there. */
  readonly afterBlank: boolean;
}

/**
 * The lines of a cuttable markdown text (`cuttableMarkdown`). A block starts on a line after an
 * empty one, when the line before that empty line starts a plain block and no fenced code or HTML
 * comment is open (see above).
 */
export function* markdownLines(text: string): Generator<MarkdownLine> {
  let fence: { char: string; length: number } | undefined;
  let looseFence: { char: string; length: number } | undefined;
  let comment = false;
  let offset = 0;
  let previous = '';
  let beforeBlank = '';
  for (const line of text.split('\n')) {
    const afterBlank = !fence && !looseFence && !comment && previous === '';
    yield { line, offset, blockStart: afterBlank && /^[^\s>*+\-\d]/.test(beforeBlank), afterBlank };
    fence = fenceAfter(fence, line, /^ {0,3}(`{3,}|~{3,})(.*)$/);
    looseFence = fenceAfter(looseFence, line, /^\s*(`{3,}|~{3,})(.*)$/);
    if (!fence && !looseFence) comment = commentAfter(comment, line);
    if (previous !== '' && line === '') beforeBlank = previous;
    previous = line;
    offset += line.length + 1;
  }
}

/** The fence open after `line` (a fence closes with a line of its character, at least as long, and nothing after). */
function fenceAfter(open: { char: string; length: number } | undefined, line: string, pattern: RegExp): { char: string; length: number } | undefined {
  const match = pattern.exec(line);
  if (!match) return open;
  const marker = match[1]!;
  if (!open) return marker[0] === '`' && match[2]!.includes('`') ? undefined : { char: marker[0]!, length: marker.length };
  // Only spaces or tabs may follow a closing fence (CommonMark; prettier's parser too): not U+00A0 and the like.
  return marker[0] === open.char && marker.length >= open.length && /^[ \t]*$/.test(match[2]!) ? undefined : open;
}

/** Whether an HTML comment is open after `line`. */
export function commentAfter(open: boolean, line: string): boolean {
  let at = 0;
  let inside = open;
  for (;;) {
    const next = line.indexOf(inside ? '-->' : '<!--', at);
    if (next < 0) return inside;
    at = next + (inside ? 3 : 4);
    inside = !inside;
  }
}
