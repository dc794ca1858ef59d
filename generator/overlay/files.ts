import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import { error, warning, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { segmentSource } from '../glob.ts';
import { compareStrings } from '../json.ts';

const GLOB = /[*?]/;

/**
 * The overlay files the config lists, in order: each entry is a path or a pattern relative to the
 * config's folder, where `*` and `?` match within one path segment (`spec/overlays/*.yaml`). A
 * pattern's matches are sorted by name (code-unit order, the same on every machine), so
 * `10-...yaml` after `09-...yaml` is the user's way to order them. A plain path that does not
 * exist is an error; a pattern that matches nothing is a warning (no overlays yet is normal, but a
 * typo should not pass silently).
 */
export async function overlayFiles(patterns: readonly string[], root: string): Promise<{ files: string[]; diagnostics: Diagnostic[] }> {
  const files: string[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const pattern of patterns) {
    const absolute = resolve(root, pattern);
    if (!GLOB.test(pattern)) {
      if (existsSync(absolute)) files.push(absolute);
      else diagnostics.push(error('OM800', `overlay file not found: ${pattern} (config "overlays")`, { file: pattern }));
      continue;
    }
    const matches = await expand(absolute);
    if (matches.length === 0) diagnostics.push(warning('OM800', `overlay pattern ${pattern} matches no file (config "overlays")`, { file: pattern }));
    for (const match of matches) if (!files.includes(match)) files.push(match);
  }
  return { files, diagnostics };
}

async function expand(pattern: string): Promise<string[]> {
  const segments = pattern.split(sep);
  const fixed = segments.findIndex((segment) => GLOB.test(segment));
  let found = [segments.slice(0, fixed).join(sep) || sep];
  for (const segment of segments.slice(fixed)) {
    if (!GLOB.test(segment)) {
      found = found.map((dir) => join(dir, segment)).filter((path) => existsSync(path));
      continue;
    }
    const regex = segmentRegex(segment);
    const next: string[] = [];
    for (const dir of found) {
      const entries = await readdir(dir).catch(() => [] as string[]);
      for (const name of entries.sort(compareStrings)) if (regex.test(name) && !name.startsWith('.')) next.push(join(dir, name));
    }
    found = next;
  }
  return found.sort((a, b) => compareStrings(a, b));
}

function segmentRegex(segment: string): RegExp {
  return new RegExp(`^${segmentSource(segment)}$`);
}
