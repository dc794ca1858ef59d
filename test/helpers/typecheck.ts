import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from './cli.ts';

/** Runs the TypeScript compiler; returns its diagnostics as text ('' when clean). */
export function tsc(args: readonly string[], cwd = repoRoot): { code: number; output: string } {
  const run = spawnSync(process.execPath, [join(repoRoot, 'node_modules/typescript/bin/tsc'), ...args], { cwd, encoding: 'utf8' });
  return { code: run.status ?? -1, output: `${run.stdout}${run.stderr}`.trim() };
}

/** The fenced blocks of one language in a markdown text, with the line each starts on. */
export function codeBlocks(markdown: string, languages: readonly string[]): { code: string; line: number }[] {
  const blocks: { code: string; line: number }[] = [];
  const pattern = /^(`{3,})([\w+-]*)\n([\s\S]*?)\n\1$/gm;
  for (const match of markdown.matchAll(pattern)) {
    if (!languages.includes(match[2]!)) continue;
    blocks.push({ code: match[3]!, line: markdown.slice(0, match.index).split('\n').length + 1 });
  }
  return blocks;
}
