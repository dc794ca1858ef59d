/**
 * A text given to prettier rewritten (markdown without its plain table rows, markdown-rows.ts; with
 * the fences it prints as they are marked, markdown-fences.ts), and how prettier's output for it
 * becomes prettier's output for the text: `undefined` when it is not as expected.
 */
export interface Rewrite {
  readonly text: string;
  restore(output: string): string | undefined;
}

/**
 * prettier's output for `text` through its rewrite; the text itself goes to `format` when there is
 * no rewrite, when the output is not as expected, or when prettier fails on the rewritten text (an
 * error must name the text's own lines).
 */
export async function formatRewritten(text: string, rewrite: Rewrite | undefined, format: (text: string) => Promise<string>): Promise<string> {
  if (rewrite) {
    try {
      const restored = rewrite.restore(await format(rewrite.text));
      if (restored !== undefined) return restored;
    } catch {
      // Formatted as it is below, so that a failure is the text's own.
    }
  }
  return format(text);
}
