/** The lines of a text in runs, each a fence (opening line to closing line, or to the end) or prose. */
export function fenceSegments(text: string): { readonly lines: string[]; readonly fenced: boolean }[] {
  const segments: { lines: string[]; fenced: boolean }[] = [];
  let fence: Fence | undefined;
  for (const line of text.split('\n')) {
    const opened = fence === undefined ? openedFence(line) : undefined;
    const fenced = fence !== undefined || opened !== undefined;
    if (segments.at(-1)?.fenced !== fenced || opened !== undefined) segments.push({ lines: [], fenced });
    segments.at(-1)!.lines.push(line);
    if (opened) fence = opened;
    else if (fence && closesFence(line, fence)) fence = undefined;
  }
  return segments;
}

export interface Fence {
  readonly char: string;
  readonly length: number;
  readonly indent: number;
}

/** The fence a line opens (CommonMark: up to three spaces; a backtick fence's info string holds no backtick), or none. */
export function openedFence(line: string): Fence | undefined {
  const opener = /^( {0,3})(?:(`{3,})[^`]*|(~{3,}).*)$/.exec(line);
  if (!opener) return undefined;
  const run = opener[2] ?? opener[3]!;
  return { char: run[0]!, length: run.length, indent: opener[1]!.length };
}

/** Whether a line closes a fence: a run of its character at least as long, up to three spaces before it, nothing after. */
export function closesFence(line: string, fence: Fence): boolean {
  const closer = /^ {0,3}(`+|~+)[ \t]*$/.exec(line)?.[1];
  return closer !== undefined && closer[0] === fence.char && closer.length >= fence.length;
}
