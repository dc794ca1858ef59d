import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { trustedCacheDir } from '../cache-dir.ts';
import { compareStrings } from '../json.ts';
import { sha256 } from '../hash.ts';
import { toolkitCodeDirs, toolkitRoot } from '../toolkit.ts';

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
    const file = stampFile(root, outDir);
    await mkdir(join(file, '..'), { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    await writeFile(temp, JSON.stringify({ manifest: sha256(manifest), toolkit: await codeAtStart }));
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
    return stamp.manifest === sha256(manifest) && stamp.toolkit === (await codeAtStart);
  } catch {
    return false;
  }
}

function stampFile(root: string, outDir: string): string {
  const dir = trustedCacheDir(root);
  if (!dir) throw new Error('no trusted cache folder');
  return join(dir, 'renders', `${sha256(outDir).slice(0, 32)}.json`);
}

/**
 * The toolkit's code as this process loaded it: hashed when the module loads, before any render,
 * so a file edited while a long-lived process (`--watch`) runs the old code in memory does not get
 * stamped as the code that rendered. Includes `dist/`, which is what the bin runs.
 */
const codeAtStart: Promise<string> = toolkitInstalled ? Promise.resolve('') : toolkitCodeHash().catch(() => 'unreadable');

/** sha256 over the toolkit's code (generator/, templates/, dist/ and package.json), by relative path and content. */
async function toolkitCodeHash(): Promise<string> {
  const parts: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) => compareStrings(a.name, b.name))) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile()) parts.push(`${relative(toolkitRoot, full)}\0${await readFile(full, 'utf8')}`);
    }
  };
  for (const dir of [...toolkitCodeDirs, join(toolkitRoot, 'dist') + sep]) if (existsSync(dir)) await walk(dir);
  parts.push(await readFile(join(toolkitRoot, 'package.json'), 'utf8'));
  return sha256(parts.join('\0'));
}
