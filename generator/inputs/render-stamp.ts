import { existsSync, readdirSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { trustedCacheDir } from '../cache-dir.ts';
import { compareStrings } from '../json.ts';
import { sha256 } from '../hash.ts';
import { toolkit, toolkitCodeDirs, toolkitCompiled, toolkitRoot } from '../toolkit.ts';
import { filesHash } from './files-hash.ts';

/**
 * An installed toolkit is versioned: its version in the manifest's inputs says which code rendered
 * the output. A source checkout (this repository, while someone edits the generator) is not: its
 * version stays while its code changes. There, a render leaves a stamp in the cache naming the
 * manifest it produced and the hash of the toolkit's code, and the no-op check trusts a manifest
 * only when the stamp vouches for it with the current code; otherwise it renders.
 */
export const toolkitInstalled = toolkitRoot.includes(`${sep}node_modules${sep}`);

/** Records that the toolkit's current code rendered `manifest` for this output folder. */
export async function recordRender(root: string, outDir: string, manifest: string): Promise<void> {
  if (toolkitInstalled) return;
  try {
    if (codeAtStart === undefined) return;
    const file = stampFile(root, outDir);
    await mkdir(join(file, '..'), { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    await writeFile(temp, JSON.stringify({ manifest: sha256(manifest), toolkit: codeAtStart }));
    await rename(temp, file);
  } catch {
    // A cache that cannot be written only costs the next run a render.
  }
}

/** Whether this manifest may be trusted to describe what the current toolkit code renders. */
export async function renderVouched(root: string, outDir: string, manifest: string): Promise<boolean> {
  if (toolkitInstalled) return true;
  try {
    const stamp = JSON.parse(await readFile(stampFile(root, outDir), 'utf8')) as { manifest?: unknown; toolkit?: unknown };
    return stamp.manifest === sha256(manifest) && codeAtStart !== undefined && stamp.toolkit === codeAtStart;
  } catch {
    return false;
  }
}

function stampFile(root: string, outDir: string): string {
  const dir = trustedCacheDir(root);
  if (!dir) throw new Error('no trusted cache folder');
  return join(dir, 'renders', `${sha256(outDir).slice(0, 32)}.json`);
}

/** Files in `dist/` that no run executes: declarations, source maps, the compiler's build info. */
const NOT_RUN = /\.d\.[cm]?ts$|\.map$|^\.tsbuildinfo$/;

/**
 * The toolkit's code as this process loaded it: hashed when the module loads (a command that
 * renders imports it before rendering; `--version` and `--help` never do), so a file edited while
 * a long-lived process (`--watch`) runs the old code in memory does not get stamped as the code
 * that rendered.
 */
const codeAtStart: string | undefined = toolkitInstalled ? '' : codeHashIfReadable();

/**
 * What names the toolkit's code for what the cache remembers about its results: its name and
 * version when installed, the hash of its code in a source checkout (undefined when unreadable).
 */
export function toolkitCode(): string | undefined {
  return toolkitInstalled ? `${toolkit.name}@${toolkit.version}` : codeAtStart;
}

/** `undefined` when the code cannot be read: then no stamp is written and none vouches. */
function codeHashIfReadable(): string | undefined {
  try {
    return toolkitCodeHash();
  } catch {
    return undefined;
  }
}

/**
 * sha256 over the code this process runs, by relative path and content, and package.json: compiled
 * (the bin), `dist/` without declarations and build info, plus the default templates' sources (the
 * manifest hashes those, and `templates eject` copies them); from source (the test suite),
 * `generator/` and `templates/`. Read synchronously: a few hundred small files cost far less in one
 * pass than as many awaited reads, and remembered by the files' identities (files-hash.ts): reading
 * and hashing 1.8 MB was most of a no-op check's own work.
 */
function toolkitCodeHash(): string {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => compareStrings(a.name, b.name))) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && !NOT_RUN.test(entry.name)) files.push(full);
    }
  };
  const dirs = toolkitCompiled ? [join(toolkitRoot, 'dist'), join(toolkitRoot, 'templates')] : toolkitCodeDirs;
  for (const dir of dirs) if (existsSync(dir)) walk(dir);
  const cache = trustedCacheDir(toolkitRoot);
  return filesHash(toolkitRoot, [...files, join(toolkitRoot, 'package.json')], cache === undefined ? undefined : join(cache, 'code-stat.json'));
}
