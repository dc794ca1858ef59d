import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './cli.ts';
import type { RequiredInput } from './required-input.ts';

/** The shared upstream snapshots (test data, never committed). */
export const upstreamDir = join(repoRoot, '..', 'shared', 'openai-spec');

export const upstreamInput: RequiredInput = {
  what: `the upstream OpenAI snapshots in ${upstreamDir}`,
  present: existsSync(upstreamDir),
  hint: 'they live outside the repository, in ../shared/openai-spec',
};

export function upstreamSnapshots(): string[] {
  return upstreamInput.present ? readdirSync(upstreamDir).filter((f) => /^\d\d-.*\.yaml$/.test(f)).sort() : [];
}

export function upstreamPath(prefix: string): string {
  const file = upstreamSnapshots().find((f) => f.startsWith(prefix));
  if (!file) throw new Error(`no upstream snapshot ${prefix}* in ${upstreamDir}`);
  return join(upstreamDir, file);
}
