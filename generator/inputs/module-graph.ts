import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { compareStrings } from '../json.ts';
import { sha256 } from '../hash.ts';
import { normalizeText } from '../emit/load-templates.ts';
import { installedVersion } from '../installed-version.ts';

/** What a module reaches: project files by path and hash, packages by name and version. */
export interface ModuleGraph {
  /** Project-relative path -> sha256 of the text (line endings normalized); `null` when it cannot be found. */
  readonly files: Readonly<Record<string, string | null>>;
  /** Package name -> version (`null` when it is not installed where Node would look). */
  readonly packages: Readonly<Record<string, string | null>>;
}

/** `import ... from 'x'`, `export ... from 'x'`, `import 'x'`, `import('x')`, `require('x')`. */
const SPECIFIERS = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\brequire\s*\(\s*)(['"])([^'"\n]+)\1/g;
const EXTENSIONS = ['', '.ts', '.mts', '.cts', '.tsx', '.js', '.mjs', '.cjs', '.json'];

/**
 * Every module the given entry modules import, transitively, as the no-op check needs it: files by
 * content hash, packages by installed version. Found by scanning the text (no TypeScript, no
 * loader), so a commented-out import counts too: that errs towards rendering. Files under a
 * `skip` folder and the `skipPackages` (the toolkit's own code, versioned as a whole) and Node's
 * built-ins are left out.
 */
export function moduleGraph(entries: readonly string[], root: string, skip: readonly string[], skipPackages: readonly string[]): ModuleGraph {
  const files: Record<string, string | null> = {};
  const packages: Record<string, string | null> = {};
  const seen = new Set<string>();
  const queue = [...entries];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const name = relative(root, file).split('\\').join('/');
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      files[name] = null;
      continue;
    }
    files[name] = sha256(normalizeText(text));
    if (file.endsWith('.json')) continue;
    for (const match of text.matchAll(SPECIFIERS)) {
      const specifier = match[2]!;
      if (specifier.startsWith('node:')) continue;
      if (specifier.startsWith('.') || specifier.startsWith('/')) {
        const target = resolveFile(resolve(dirname(file), specifier));
        if (target === undefined) files[relative(root, resolve(dirname(file), specifier)).split('\\').join('/')] = null;
        else if (!skip.some((dir) => target.startsWith(dir))) queue.push(target);
        continue;
      }
      const pkg = packageName(specifier);
      if (!(pkg in packages) && !skipPackages.includes(pkg)) packages[pkg] = installedVersion(pkg, dirname(file));
    }
  }
  return { files: sorted(files), packages: sorted(packages) };
}

/** A relative import's file: as written, with an extension added, a `.js` written for a `.ts`, or a folder's index. */
function resolveFile(path: string): string | undefined {
  const candidates = [...EXTENSIONS.map((ext) => path + ext), path.replace(/\.(m|c)?js$/, '.$1ts'), ...EXTENSIONS.slice(1).map((ext) => join(path, `index${ext}`))];
  return candidates.find((candidate) => existsSync(candidate) && statSync(candidate).isFile());
}

/** The package a bare specifier names: `@scope/name` or `name`, without a subpath. */
export function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

/** A record with its keys in a machine-independent order (digests must not depend on insertion order). */
export function sorted<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => compareStrings(a, b)));
}
