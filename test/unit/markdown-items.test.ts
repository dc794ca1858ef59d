/**
 * Runs of plain items of a top-level tight list go to prettier as one placeholder item each and
 * come back with the marker prettier gave it (markdown-items.ts): the result is prettier's own
 * output for the whole text. A list that could go on from or to another one, or whose lines are not
 * all items, goes as it is.
 */
import { describe, expect, it } from 'vitest';
import { formatWithPlainItems, withoutPlainItems, withPlainItems } from '../../generator/format/markdown-items.ts';
import { format, recorded } from '../helpers/rewrites.ts';

/** `text` through the rewrite: the texts prettier got; the result must be prettier's for the text. */
async function rewritten(text: string, first?: (output: string) => string): Promise<string[]> {
  const { output, sent } = await recorded(formatWithPlainItems, text, first);
  expect(output).toBe(await format(text));
  return sent;
}

const MODELS = [
  '- [ActionsCacheList](docs/ActionsCacheList.md): Repository actions caches',
  '- [Blob](docs/Blob.md): *Blob*',
  '- [Branch](docs/Branch.md)',
  '- `code` first, then **bold** and *emphasis*',
  '- [SecretScanningAlertResolution](docs/SecretScanningAlertResolution.md): **Required when the `state` is `resolved`.** The reason.',
  '- [Workflow](docs/Workflow.md): A GitHub Actions workflow, one that is longer than eighty columns and stays on its line',
];

describe('plain items of a list as placeholder items', () => {
  it("a README's model list: the runs between the items prettier changes go as placeholders", async () => {
    const text = `# Models\n\n${MODELS.join('\n')}\n\nAfter.\n`;
    const sent = await rewritten(text);
    expect(sent).toStrictEqual([
      `# Models\n\n- openapi-morph-items-0\n${MODELS[1]}\n- openapi-morph-items-1\n${MODELS[3]}\n${MODELS[4]}\n- openapi-morph-items-2\n\nAfter.\n`,
    ]);
    // prettier writes emphasis with underscores (the items plainInline does not read are sent, whether prettier changes them or not).
    expect(await format(text)).toContain('- `code` first, then **bold** and _emphasis_');
  });

  it('a list at the end of the text, and one whose items are all plain', async () => {
    expect(await rewritten('Intro.\n\n- [A](a.md)\n- [B](b.md)')).toStrictEqual(['Intro.\n\n- openapi-morph-items-0']);
    expect(await rewritten('- [A](a.md)\n- [*B*](b.md)\n')).toStrictEqual(['- openapi-morph-items-0\n- [*B*](b.md)\n']);
  });

  it.each([
    ['* and one space', '* [A](a.md)\n* [*B*](b.md)\n', '* openapi-morph-items-0\n* [*B*](b.md)\n'],
    ['* and three spaces, as GitHub writes them', 'Intro.\n\n*   `pending`, which means the migration has not started yet.\n*   `exported`, which means "done".\n*   *x*\n', 'Intro.\n\n*   openapi-morph-items-0\n*   *x*\n'],
    ['- and two spaces, the placeholder with the run\'s first', '-  a\n- *b*\n-   c\n-    d\n', '-  openapi-morph-items-0\n- *b*\n-   openapi-morph-items-1\n'],
  ])('a list with %s: prettier prints its items with `- ` (the marker and spaces are not kept)', async (_, text, sent) => {
    expect(await rewritten(text)).toStrictEqual([sent]);
    expect(await format(text)).not.toContain('  ');
  });

  it('items from a quote, a parenthesis, an entity or digits are plain; digits before `.` or `)` (a list in the item) are not', async () => {
    const text = 'Permissions:\n\n* "Agent tasks" repository permissions (read)\n* (optional) a\n* &gt; b\n* 2024 c\n* 1. d\n* 2) e\n* *x*\n';
    expect(await rewritten(text)).toStrictEqual(['Permissions:\n\n* openapi-morph-items-0\n* 1. d\n* 2) e\n* *x*\n']);
  });

  it.each([
    ['a list right before it', '- a\n\n- [A](a.md)\n- [*B*](b.md)\n'],
    ['an indented line before it', 'Intro.\n\n    code\n\n- [A](a.md)\n- [*B*](b.md)\n'],
    ['a list right after it', '- [A](a.md)\n- [*B*](b.md)\n\n- c\n'],
    ['another kind of list after it', '- [A](a.md)\n- [*B*](b.md)\n\n1. c\n'],
    ['an indented line after it (a second paragraph of its last item)', '- [A](a.md)\n- [*B*](b.md)\n\n  more\n'],
    ['a line that goes on its last item', '- [A](a.md)\n- [*B*](b.md)\nlazy\n'],
    ['no empty line before it', 'Intro.\n- [A](a.md)\n- [*B*](b.md)\n'],
    ['a + marker', '+ [A](a.md)\n+ [*B*](b.md)\n'],
    ['five spaces after its marker (indented code in the item)', '*     [A](a.md)\n*     [*B*](b.md)\n'],
    ['another bullet right after it (another list)', '* [A](a.md)\n* [*B*](b.md)\n- c\n'],
  ])('a list with %s goes as it is', async (_, text) => {
    expect(withoutPlainItems(text)).toBeUndefined();
    expect(await rewritten(text)).toStrictEqual([text]);
  });

  it.each([
    ['an item of two lines', '- [A](a.md)\n  continued\n- [B](b.md)\n'],
    ['a nested list', '- [A](a.md)\n  - [B](b.md)\n'],
    ['a fenced block that holds items', '```\n- [A](a.md)\n```\n'],
    ['front matter', '---\nx: 1\n---\n\n- [A](a.md)\n'],
  ])('%s is not read', (_, text) => {
    expect(withoutPlainItems(text)).toBeUndefined();
  });

  it("takes the marker prettier gives the placeholder, and sends the text as it is when its output is not as expected", async () => {
    const text = 'Intro.\n\n- [A](a.md)\n- [*B*](b.md)\n';
    const replaced = withoutPlainItems(text)!;
    expect(withPlainItems('Intro.\n\n* openapi-morph-items-0\n* [_B_](b.md)\n', replaced)).toBe('Intro.\n\n* [A](a.md)\n* [_B_](b.md)\n');
    expect(withPlainItems('Intro.\n\n- openapi-morph-items-1\n', replaced)).toBeUndefined();
    expect(withPlainItems('Intro.\n\n  - openapi-morph-items-0\n', replaced)).toBeUndefined();
    expect(withPlainItems('Intro.\n\nopenapi-morph-items-0\n', replaced)).toBeUndefined();
    const sent = await rewritten(text, (first) => first.replace('- openapi-morph-items-0', '- openapi-morph-items-0 x'));
    expect(sent).toStrictEqual([replaced.text, text]);
  });
});
