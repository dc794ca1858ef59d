import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './cli.ts';

/** The shared upstream snapshots (test data, never committed). */
export const upstreamDir = join(repoRoot, '..', 'shared', 'openai-spec');
export const hasUpstream = existsSync(upstreamDir);
export const upstreamSkipReason = `upstream OpenAI snapshots not found at ${upstreamDir} (they live outside the repository; these tests need ../shared/openai-spec)`;

export function upstreamSnapshots(): string[] {
  return hasUpstream ? readdirSync(upstreamDir).filter((f) => /^\d\d-.*\.yaml$/.test(f)).sort() : [];
}

export function upstreamPath(prefix: string): string {
  const file = upstreamSnapshots().find((f) => f.startsWith(prefix));
  if (!file) throw new Error(`no upstream snapshot ${prefix}* in ${upstreamDir}`);
  return join(upstreamDir, file);
}
