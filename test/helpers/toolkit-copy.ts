import { cpSync, mkdirSync, mkdtempSync, readdirSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SETTLED_MS } from '../../generator/file-identity.ts';
import { repoRoot } from './cli.ts';

export interface ToolkitCopy {
  /** The copy's root (its package.json, dist/, node_modules/). */
  readonly root: string;
  /** Its `openapi-morph` bin. */
  readonly bin: string;
  /** Where its V8 code cache entries go (generator/code-cache.ts) for its own modules and the packages copied. */
  readonly codeCache: string;
  /**
   * Resolves once the copied files are settled (generator/file-identity.ts): the code cache keys a
   * module written within the last 2 s by its bytes and a settled one by its identity, so a test
   * that compares two runs' entries starts after this.
   */
  settled(): Promise<void>;
  remove(): void;
}

/**
 * The built toolkit in a temp folder, for tests of what it caches under its own root: a module
 * outside any `node_modules` (the build's schema validators) caches under the toolkit root's
 * `node_modules/.cache`, which for the repository's bin is the repository's, shared with every other
 * test that spawns the bin (and with the developer's runs). Its package.json and `dist/` are copied;
 * `generator/` and `templates/` (sources the manifest and the checkout's code hash read) link to the
 * repository's; its `node_modules` is a folder of its own whose packages link to the repository's
 * (Node follows a link to the real path, so those modules still cache in the repository), except
 * `copiedPackages`, copied so that their modules cache in the copy too.
 */
export function toolkitCopy(copiedPackages: readonly string[] = []): ToolkitCopy {
  const root = mkdtempSync(join(tmpdir(), 'om-toolkit-'));
  cpSync(join(repoRoot, 'package.json'), join(root, 'package.json'));
  cpSync(join(repoRoot, 'dist'), join(root, 'dist'), { recursive: true });
  for (const dir of ['generator', 'templates']) symlinkSync(join(repoRoot, dir), join(root, dir), 'junction');
  mkdirSync(join(root, 'node_modules'));
  for (const entry of readdirSync(join(repoRoot, 'node_modules'), {
    withFileTypes: true,
  })) {
    const from = join(repoRoot, 'node_modules', entry.name);
    const to = join(root, 'node_modules', entry.name);
    if (entry.name === '.cache') continue;
    if (copiedPackages.includes(entry.name) || entry.isFile()) cpSync(from, to, { recursive: true });
    else symlinkSync(realpathSync(from), to, 'junction');
  }
  const copied = Date.now();
  return {
    root,
    bin: join(root, 'dist', 'generator', 'bin', 'openapi-morph.js'),
    codeCache: join(root, 'node_modules', '.cache', 'openapi-morph', 'v8'),
    settled: () => new Promise((resolve) => setTimeout(resolve, Math.max(0, copied + SETTLED_MS + 100 - Date.now()))),
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}
