/**
 * The standalone formatter (prettier's defaults) gives prettier markdown without its plain table
 * rows (markdown-rows.ts), with placeholders for its plain blocks (markdown-blocks.ts) and
 * with the fences it prints as they are marked (markdown-fences.ts), and
 * other files as they are; `rewrites: false` gives it every text as it is. What prettier gets is
 * recorded from its standalone build's `format`.
 */
import { describe, expect, it, vi } from 'vitest';

const sent: string[] = [];
vi.mock('../../generator/heavy.ts', async (original) => {
  const heavy = await original<typeof import('../../generator/heavy.ts')>();
  return {
    ...heavy,
    prettierStandalone: (parsers: Iterable<string>, all: boolean) => {
      const { format, plugins } = heavy.prettierStandalone(parsers, all);
      return { plugins, format: (text: string, options: object) => (sent.push(text), format(text, options)) };
    },
  };
});
const { createFormatter, DEFAULT_PACKAGE_SETUP } = await import('../../generator/format/formatter.ts');

const ROW = '| **owner** | `string` | The account owner. | required |';
const PARAGRAPH = 'Failures reject with [`ApiError`](../README.md#errors).';
const JSON_EXAMPLE = JSON.stringify({ id: 1, owner: { login: 'octocat' } }, null, 2);
const PAGE = `## reposGet\n\n\`\`\`ts\nreposGet(owner: string): ApiPromise<Repo>\n\`\`\`\n\n${PARAGRAPH}\n\n| Name | Type | Description | Notes |\n| --- | --- | --- | --- |\n${ROW}\n| *kept* | \`x\` | y | z |\n\n\`\`\`json\n${JSON_EXAMPLE}\n\`\`\`\n*kept* too\n`;

describe('the standalone formatter', () => {
  it('gives prettier markdown without plain rows, plain blocks as a placeholder, a JSON example marked, and the bytes prettier gives for the page', async () => {
    const prettier = await createFormatter(DEFAULT_PACKAGE_SETUP, { rewrites: false });
    const formatter = await createFormatter(DEFAULT_PACKAGE_SETUP);
    sent.length = 0;
    const expected = await prettier.format(PAGE, 'markdown', 'docs/ReposApi.md');
    expect(sent).toStrictEqual([PAGE]);
    sent.length = 0;
    expect(await formatter.format(PAGE, 'markdown', 'docs/ReposApi.md')).toBe(expected);
    expect(sent).toHaveLength(1);
    expect(sent[0]).not.toContain(ROW);
    // The heading, the signature and the paragraph are one run of plain blocks.
    expect(sent[0]!.startsWith('openapi-morph-blocks-0\n\n| Name')).toBe(true);
    expect(sent[0]).toContain(`\`\`\`openapi-morph-verbatim\n${JSON_EXAMPLE}\n\`\`\``);
    expect(sent[0]).toContain('| *kept* |');
  });

  it('gives prettier other files as they are', async () => {
    const formatter = await createFormatter(DEFAULT_PACKAGE_SETUP);
    sent.length = 0;
    const code = `// ${ROW}\nexport const a = 1;\n`;
    await formatter.format(code, 'typescript', 'src/a.ts');
    expect(sent).toStrictEqual([code]);
  });
});
