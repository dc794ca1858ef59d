/**
 * prettier's output for `text` through a rewrite of it (markdown without its plain table rows,
 * markdown-rows.ts; with the fences it prints as they are marked, markdown-fences.ts): `rewrite`
 * gives the text prettier gets (`undefined`: none), `restore` turns prettier's output for it into
 * prettier's output for `text` (`undefined`: not as expected). The text itself goes to `format`
 * when there is no rewrite, when rewriting or restoring fails or the output is not as expected, or
 * when prettier fails on the rewritten text (an error must name the text's own lines).
 */
export async function formatRewritten<R extends { readonly text: string }>(
  text: string,
  rewrite: (text: string) => R | undefined,
  restore: (output: string, rewritten: R) => string | undefined,
  format: (text: string) => Promise<string>,
): Promise<string> {
  try {
    const rewritten = rewrite(text);
    const restored = rewritten && restore(await format(rewritten.text), rewritten);
    if (restored !== undefined) return restored;
  } catch {
    // Formatted as it is below, so that a failure is the text's own.
  }
  return format(text);
}

/**
 * `output` with the lines holding `placeholder` replaced, the nth of them by `replace(n, line)`, or
 * `undefined` when it does not hold `count` placeholders, one a line, or `replace` refuses a line
 * (the output of a rewrite that put placeholders in: not as expected).
 */
export function replacedPlaceholders(output: string, placeholder: string, count: number, replace: (n: number, line: string) => string | undefined): string | undefined {
  if (output.split(placeholder).length - 1 !== count) return undefined;
  const lines = output.split('\n');
  let next = 0;
  for (const [i, line] of lines.entries()) {
    if (!line.includes(placeholder)) continue;
    const replaced = replace(next++, line);
    if (replaced === undefined) return undefined;
    lines[i] = replaced;
  }
  return lines.join('\n');
}
