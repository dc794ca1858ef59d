import { expect } from 'vitest';
import { createFormatter, DEFAULT_PACKAGE_SETUP } from '../../generator/format/formatter.ts';

/**
 * The rewrites' tests (markdown-rows.test.ts, type-members.test.ts, ...): prettier alone on a
 * markdown or TypeScript text, and a rewrite run through it with the texts prettier got recorded.
 */
const prettier = await createFormatter(DEFAULT_PACKAGE_SETUP, { rewrites: false });
export const format = (text: string): Promise<string> => prettier.format(text, 'markdown', 'docs/A.md');

type Rewriting = (text: string, format: (text: string) => Promise<string>) => Promise<string>;

/**
 * `text` formatted through `rewrite` (e.g. `formatWithoutPlainRows`): the result, and the texts
 * prettier got; `first` changes prettier's first output (a tampered one), or throws (a failure);
 * `prettier` formats what the rewrite sends (markdown by default).
 */
export async function recorded(
  rewrite: Rewriting,
  text: string,
  first: (output: string) => string = (output) => output,
  prettier: (text: string) => Promise<string> = format,
): Promise<{ output: string; sent: string[] }> {
  const sent: string[] = [];
  const output = await rewrite(text, async (t) => {
    sent.push(t);
    const result = await prettier(t);
    return sent.length === 1 ? first(result) : result;
  });
  return { output, sent };
}

/**
 * A rewrite's fallback (rewrite.ts): when `first` tampers with prettier's output for the rewritten
 * text or fails, prettier gets `text` as it is next, and the result is its output for it.
 */
export async function expectFallback(rewrite: Rewriting, rewritten: string, text: string, first: (output: string) => string): Promise<void> {
  const { output, sent } = await recorded(rewrite, text, first);
  expect(sent).toStrictEqual([rewritten, text]);
  expect(output).toBe(await format(text));
}

/** prettier alone (no rewrites) on a TypeScript text at `path`, with `parser` (`typescript`, or `babel-ts`). */
export const typescriptAlone =
  (path: string, parser = 'typescript') =>
  (text: string): Promise<string> =>
    prettier.format(text, parser, path);

/**
 * A TypeScript rewrite's test (type-members.ts, api-methods.ts, ...): `text` through `rewrite` with
 * `parser` as prettier, whose result must be `alone`'s (prettier's typescript parser on the text as
 * it is); the texts prettier got. `first` as for `recorded`.
 */
export async function rewrittenTypeScript(
  rewrite: Rewriting,
  text: string,
  alone: (text: string) => Promise<string>,
  parser = alone,
  first?: (output: string) => string,
): Promise<string[]> {
  const { output, sent } = await recorded(rewrite, text, first, parser);
  expect(output).toBe(await alone(text));
  return sent;
}
