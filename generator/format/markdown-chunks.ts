/**
 * A large markdown file cut into texts of about `chunkChars` each, formatted one by one and joined
 * by one empty line (`undefined`: not cut). Where it may be cut for chunked formatting (see `chunks.ts`): before an ATX
 * heading at the start of a line, after an empty line, when the line before that empty line
 * starts a plain block (no indentation, list item or quote that could go on) and no fenced code
 * or HTML comment is open. There prettier's markdown parser starts a new top-level block whatever
 * came before, and its printer separates top-level blocks by one empty line (a list after another
 * list changes its marker, but only when nothing stands between them, and a heading does). Not
 * cut at all: front matter, link or footnote definitions (a reference anywhere may use them),
 * math blocks, HTML blocks that run past empty lines (`<pre>`, `<script>`, `<style>`,
 * `<textarea>`, `<?`, `<!X`), `prettier-ignore`, and line terminators other than `\n`.
 *
 * Measured on GitHub's `--all`: `docs/ReposApi.md` (0.9 MB, 140 operations) took 15-40 s of one
 * worker, the longest job of the run.
 */
export function markdownChunks(text: string, chunkChars: number): string[] | undefined {
  if (/^(---|\+\+\+)/.test(text) || /[\r\u2028\u2029\uFEFF\0]|prettier-ignore/.test(text)) return undefined;
  if (/^[ \t>]*\[[^\]\n]*\]:/m.test(text) || /^[ \t]*\$\$/m.test(text) || /^[ \t>]*<(script|pre|style|textarea|\?|![A-Za-z[])/im.test(text)) return undefined;
  const cuts: number[] = [];
  let fence: { char: string; length: number } | undefined;
  let looseFence: { char: string; length: number } | undefined;
  let comment = false;
  let offset = 0;
  let previous = '';
  let beforeBlank = '';
  let last = 0;
  for (const line of text.split('\n')) {
    if (!fence && !looseFence && !comment && offset - last >= chunkChars && /^#{1,6}( |$)/.test(line) && previous === '' && /^[^\s>*+\-\d]/.test(beforeBlank)) {
      cuts.push(offset);
      last = offset;
    }
    fence = fenceAfter(fence, line, /^ {0,3}(`{3,}|~{3,})(.*)$/);
    looseFence = fenceAfter(looseFence, line, /^\s*(`{3,}|~{3,})(.*)$/);
    if (!fence && !looseFence) comment = commentAfter(comment, line);
    if (previous !== '' && line === '') beforeBlank = previous;
    previous = line;
    offset += line.length + 1;
  }
  if (cuts.length === 0) return undefined;
  const bounds = [0, ...cuts, text.length];
  return bounds.slice(0, -1).map((start, i) => text.slice(start, bounds[i + 1]));
}

/** The fence open after `line` (a fence closes with a line of its character, at least as long, and nothing after). */
function fenceAfter(open: { char: string; length: number } | undefined, line: string, pattern: RegExp): { char: string; length: number } | undefined {
  const match = pattern.exec(line);
  if (!match) return open;
  const marker = match[1]!;
  if (!open) return marker[0] === '`' && match[2]!.includes('`') ? undefined : { char: marker[0]!, length: marker.length };
  return marker[0] === open.char && marker.length >= open.length && match[2]!.trim() === '' ? undefined : open;
}

/** Whether an HTML comment is open after `line`. */
function commentAfter(open: boolean, line: string): boolean {
  let at = 0;
  let inside = open;
  for (;;) {
    const next = line.indexOf(inside ? '-->' : '<!--', at);
    if (next < 0) return inside;
    at = next + (inside ? 3 : 4);
    inside = !inside;
  }
}
