import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The version in the package.json Node would find from `dir` (node_modules folders upwards). */
export function installedVersion(pkg: string, dir: string): string | null {
  for (let current = dir; ; current = dirname(current)) {
    const manifest = join(current, 'node_modules', pkg, 'package.json');
    if (existsSync(manifest)) {
      try {
        return String((JSON.parse(readFileSync(manifest, 'utf8')) as { version?: unknown }).version ?? null);
      } catch {
        return null;
      }
    }
    if (dirname(current) === current) return null;
  }
}
