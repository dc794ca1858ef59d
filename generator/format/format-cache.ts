import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ENTRY_FOLDERS, pruneAtExit } from '../cache-prune.ts';
import { sha256, sha256Joined } from '../hash.ts';

/**
 * Formatted output by content hash: prettier formats only text it has not formatted before. The
 * key covers everything prettier's output depends on (its version, the resolved config or the
 * standalone defaults with the plugins the file needs, the parser, the file path, the text), so a hit is the
 * bytes prettier would produce and determinism holds. Entries are written atomically (a temp
 * file renamed into place) and carry the sha256 of their text: an entry that does not match (cut
 * short, edited, from an older layout) is a miss, never written into a package. A folder that
 * cannot be read or written only costs the formatting.
 * `get` reads synchronously: the format stage looks a file up as soon as it is printed, in the
 * middle of the templates stage's synchronous loop, and hands a miss to prettier's worker at once
 * (an asynchronous read would be answered only when that loop ends). Entries no run used for 30
 * days are deleted as a render's process exits (cache-prune.ts). Each folder of entries is listed
 * once, when first looked in: a key it did not hold is a miss without a read (GitHub's `--all`
 * on a cold cache: 1,591 failed reads, 76 ms of the main thread). An entry another process writes
 * after that listing is a miss: formatted again, the same bytes.
 */
export interface FormatCache {
  get(key: string): string | undefined;
  set(key: string, formatted: string): Promise<void>;
}

/** An entry: this line's start, the sha256 of the text (hex) and a newline, then the text. */
const ENTRY_HEAD = 'openapi-morph format cache 1 ';
const DIGEST = 64;
/** The folder of these entries in the cache folder. */
export const ENTRY_FOLDER = ENTRY_FOLDERS.format;

/**
 * The key of `text` formatted with what `parts` names. The last key is kept with its parts and text:
 * the print stage keys each TypeScript text to learn whether the build's seed holds it
 * (`FormatSession.seeded`), and the format stage keys the same text right after (GitHub's `--all`
 * hashed its 7.5 MB of TypeScript twice so).
 */
export function formatCacheKey(parts: readonly unknown[], text: string): string {
  const head = JSON.stringify(parts);
  if (lastKey?.head === head && lastKey.text === text) return lastKey.key;
  const key = sha256Joined(head, text);
  lastKey = { head, text, key };
  return key;
}

let lastKey: { readonly head: string; readonly text: string; readonly key: string } | undefined;

export function formatCache(dir: string | undefined): FormatCache {
  if (!dir) return { get: () => undefined, set: async () => undefined };
  pruneAtExit(dir);
  // Not `format/`, where versions before the digest kept bare text: a cache folder can be shared (the
  // OS temp folder of a project without node_modules), and such a version would copy these entries'
  // first line into a package.
  const entry = (key: string) => join(dir, ENTRY_FOLDER, key.slice(0, 2), key);
  // The entries' folders this cache has made (or found): one `mkdir` each, not one an entry (a
  // large render writes thousands). One removed since costs its entries, as any failed write.
  const folders = new Map<string, Promise<unknown>>();
  const listed = new Map<string, Set<string>>();
  let shards: Set<string> | undefined;
  const held = (key: string): boolean => {
    const shard = key.slice(0, 2);
    let keys = listed.get(shard);
    if (!keys) {
      shards ??= names(join(dir, ENTRY_FOLDER));
      listed.set(shard, (keys = shards.has(shard) ? names(join(dir, ENTRY_FOLDER, shard)) : new Set()));
    }
    return keys.has(key);
  };
  return {
    get(key) {
      if (!held(key)) return undefined;
      let stored: string;
      try {
        stored = readFileSync(entry(key), 'utf8');
      } catch {
        return undefined;
      }
      const text = stored.slice(ENTRY_HEAD.length + DIGEST + 1);
      return stored.startsWith(ENTRY_HEAD) && stored.slice(ENTRY_HEAD.length, ENTRY_HEAD.length + DIGEST) === sha256(text) ? text : undefined;
    },
    async set(key, formatted) {
      try {
        const file = entry(key);
        const folder = join(file, '..');
        let made = folders.get(folder);
        if (!made) folders.set(folder, (made = mkdir(folder, { recursive: true })));
        await made;
        const temp = `${file}.${process.pid}.tmp`;
        // The text encoded once, for its digest and the write (a digest of the string and a write
        // of `${head}${text}` each encoded it, the second after copying it into one string), and
        // written after its head as it is, not copied into one buffer with it (fresh memory costs
        // a page fault each 4 KB: Stripe's --all cached 12 MB).
        const bytes = Buffer.from(formatted);
        await writeFile(temp, [Buffer.from(`${ENTRY_HEAD}${sha256(bytes)}\n`), bytes]);
        await rename(temp, file);
        const shard = key.slice(0, 2);
        shards?.add(shard);
        listed.get(shard)?.add(key);
      } catch {
        // Not cached: the next run formats it again.
      }
    },
  };
}

/** The names in `folder`, none if it cannot be read. */
function names(folder: string): Set<string> {
  try {
    return new Set(readdirSync(folder));
  } catch {
    return new Set();
  }
}
