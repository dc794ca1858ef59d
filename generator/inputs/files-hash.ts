import { readFileSync, statSync } from 'node:fs';
import { relative } from 'node:path';
import { identityOf, isSettled, rememberFor, rememberedFor } from '../file-identity.ts';
import { sha256 } from '../hash.ts';

/**
 * sha256 over `files` by path (relative to `root`) and content, the last one by content only
 * (`a\0A\0b\0B\0last`), remembered in `record` (a JSON file in a trusted cache folder) with the
 * files' identities (file-identity.ts): path, inode, size, mtime and ctime of each, as git's index does. When the
 * identities are those recorded, the recorded hash is returned without reading a file. A file
 * written since has another ctime (which no tool can set back) or another inode, so the files are
 * read and hashed again. Identities are recorded only when every file is at least `SETTLED_MS` old
 * (`now`), so a write within the same clock tick as the recording, which could leave the ctime as
 * it was, is never vouched for by it. Stats are taken before the files are read: a write between
 * the two leaves identities that match nothing later.
 */
export function filesHash(root: string, files: readonly string[], record: string | undefined, now = Date.now()): string {
  let settled = true;
  const identities = files.map((file) => {
    const info = statSync(file, { bigint: true });
    if (!isSettled(info, now)) settled = false;
    return `${file}\0${identityOf(info)}`;
  });
  const identity = sha256(identities.join('\0'));
  const known = record === undefined ? undefined : rememberedFor(record, identity, SHA256);
  if (known !== undefined) return known;
  const parts = files.map((file, i) => (i === files.length - 1 ? readFileSync(file, 'utf8') : `${relative(root, file)}\0${readFileSync(file, 'utf8')}`));
  const hash = sha256(parts.join('\0'));
  if (record !== undefined && settled) rememberFor(record, identity, hash);
  return hash;
}

const SHA256 = /^[0-9a-f]{64}$/;
