import { listGoesOn, plainItemContent } from './markdown-blocks.ts';
import { cuttableMarkdown, markdownLines, type MarkdownLine } from './markdown-chunks.ts';
import { formatRewritten, replacedPlaceholders } from './rewrite.ts';

/**
 * The items of a top-level tight list that prettier prints as they stand but for their marker
 * (`-` or `*` and one to four spaces, then one line of plain inline markdown from a letter, a
 * backtick, a link or bold text: `plainItemContent`), each run of them sent to prettier as one
 * placeholder item (`- openapi-morph-items-N`, with the run's first marker and spaces) and put back
 * with the marker prettier gave the placeholder (it prints every item's as `- ` or `* `, one
 * space: GitHub's descriptions write `*   item`). A list with one item prettier changes went to prettier whole:
 * GitHub's README lists its 625 models, and two of them (`[Blob_]`, bold text holding code) sent
 * 60 KB, about 0.4 s of a format worker.
 *
 * Why the rest prints the same: prettier prints a list's items one a line, each as its marker and
 * its content, the marker the list's (`-`, or `*` for a list right after another one: the
 * placeholder gets it too), an empty line between two items only where the source has one between
 * them (it decides that item by item, from the gap to the next one), and an item of one plain line
 * as it stands whatever its siblings hold. The run's items and the placeholder have no empty line
 * between them, and each is one line. Only for a list at the first column after an empty line,
 * whose every line is an item, with an empty line or the end after it, and no list it could go on
 * from or to (the first line that is not empty before it and after it is neither indented nor an
 * item), a conservative rule: a review found a list that goes on from one before it through a lazy
 * line (`- x\nlazy\n\n- a`), printed the same for the reason above. The output must hold each
 * placeholder once, in order, as a line of its own; otherwise the text goes as it is.
 */
export function formatWithPlainItems(text: string, format: (text: string) => Promise<string>): Promise<string> {
  return formatRewritten(text, withoutPlainItems, withPlainItems, format);
}

const PLACEHOLDER = 'openapi-morph-items-';

/** A text with its runs of plain items replaced by placeholder items, and each run's contents. */
interface Replaced {
  readonly text: string;
  readonly runs: readonly (readonly string[])[];
}

/** `text` with each run of plain items replaced by a placeholder item, or `undefined` when it has none (see above). */
export function withoutPlainItems(text: string): Replaced | undefined {
  if (text.includes(PLACEHOLDER) || !cuttableMarkdown(text)) return undefined;
  const lines = [...markdownLines(text)];
  const out: string[] = [];
  const runs: string[][] = [];
  for (let i = 0; i < lines.length; i++) {
    const start = lines[i]!;
    const bullet = start.afterBlank ? ITEM.exec(start.line)?.[1] : undefined;
    // The markers and spaces of the items of one list, from line `i`: a change of bullet starts another.
    const prefixes: string[] = [];
    for (let item = bullet && ITEM.exec(start.line); item && item[1] === bullet; item = ITEM.exec(lines[i + prefixes.length]?.line ?? '')) prefixes.push(item[0]);
    const last = i + prefixes.length - 1;
    if (!bullet || (lines[last + 1]?.line ?? '') !== '' || listGoesOn(lines, last + 1) || listBefore(lines, i)) {
      out.push(start.line);
      continue;
    }
    const content = (j: number) => lines[j]!.line.slice(prefixes[j - i]!.length);
    const plain = (j: number) => j <= last && plainItemContent(content(j));
    for (let j = i; j <= last; ) {
      if (!plain(j)) {
        out.push(lines[j++]!.line);
        continue;
      }
      // The placeholder with the run's first marker and spaces: an item of the same list.
      out.push(`${prefixes[j - i]}${PLACEHOLDER}${runs.length}`);
      const run: string[] = [];
      for (; plain(j); j++) run.push(content(j));
      runs.push(run);
    }
    i = last;
  }
  return runs.length > 0 ? { text: out.join('\n'), runs } : undefined;
}

/** An item's marker, `-` or `*`, and the one to four spaces after it (five would start indented code in the item). */
const ITEM = /^([-*]) {1,4}(?! )/;

/** Whether the last line that is not empty before line `i` could be of a list that goes on at `i`: indented, or a list item of any kind. */
function listBefore(lines: readonly MarkdownLine[], i: number): boolean {
  let j = i - 1;
  while (j >= 0 && lines[j]!.line === '') j--;
  return j >= 0 && /^(?:\s|[-*+]|\d)/.test(lines[j]!.line);
}

/** `output` (prettier's for the replaced text) with the runs back in place of their placeholders, each item with the placeholder's marker, or `undefined` when it is not as expected. */
export function withPlainItems(output: string, replaced: Replaced): string | undefined {
  return replacedPlaceholders(output, PLACEHOLDER, replaced.runs.length, (n, line) => {
    const marker = /^[-*+] /.exec(line)?.[0];
    return marker !== undefined && line === `${marker}${PLACEHOLDER}${n}` ? replaced.runs[n]!.map((content) => `${marker}${content}`).join('\n') : undefined;
  });
}
