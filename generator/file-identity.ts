import { closeSync, fstatSync, mkdirSync, openSync, readFileSync, readSync, renameSync, statSync, writeFileSync, type BigIntStats } from 'node:fs';
import { dirname } from 'node:path';

/**
 * A file's identity: what stands for its content once it is settled, as in git's index (its inode,
 * size, mtime and ctime). A write gives the file another ctime, which no tool can set back, or
 * another inode; a write within the clock tick of a stat could leave the ctime as it was, so an
 * identity vouches for content only when the file is at least `SETTLED_MS` old.
 */

/** How old a file must be before its identity may stand for its content. */
export const SETTLED_MS = 2000;

export function isSettled(info: BigIntStats, now: number): boolean {
  return Number(info.ctimeMs) <= now - SETTLED_MS && Number(info.mtimeMs) <= now - SETTLED_MS;
}

export function identityOf(info: BigIntStats): string {
  return `${info.ino}\0${info.size}\0${info.mtimeNs}\0${info.ctimeNs}`;
}

/**
 * One file's identity with its device, or undefined while it is not settled or cannot be stat'ed.
 * Taken before a read, it stands for what the read returns only if nothing wrote in between: a
 * record that must not describe other bytes reads with `readWithIdentity`. (The no-op's spec record
 * is only looked up by it: a spec written after the stat is a change the next run sees.)
 */
export function settledIdentity(file: string, now = Date.now()): string | undefined {
  try {
    const info = statSync(file, { bigint: true });
    return isSettled(info, now) ? `${info.dev}\0${identityOf(info)}` : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A file's bytes, and its settled identity when it is the same before and after the read: a write
 * during the read (another ctime or inode) leaves the bytes without one, rather than under the
 * identity of the bytes before the write (the same size passes V8's check of a code cache's source).
 * With `frame` (two Latin-1 texts), the bytes are read into one buffer between them, `framed`,
 * of which `bytes` is a view (undefined when the file changed size during the read: the bytes are
 * then read again, whole).
 */
export function readWithIdentity(file: string, frame?: readonly [string, string]): { bytes: Buffer; framed?: Buffer; identity: string | undefined } {
  const before = settledIdentity(file);
  const read = frame ? readFramed(file, frame) : undefined;
  const bytes = read?.bytes ?? readFileSync(file);
  return { bytes, ...(read ? { framed: read.framed } : {}), identity: before !== undefined && settledIdentity(file) === before ? before : undefined };
}

function readFramed(file: string, [head, tail]: readonly [string, string]): { bytes: Buffer; framed: Buffer } | undefined {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    const framed = Buffer.allocUnsafe(head.length + size + tail.length);
    framed.write(head, 0, 'latin1');
    let done = 0;
    for (let n = -1; done < size && n !== 0; done += n) n = readSync(fd, framed, head.length + done, size - done, null);
    // Shorter or longer than its size said: written to meanwhile.
    if (done !== size || readSync(fd, Buffer.alloc(1), 0, 1, null) !== 0) return undefined;
    framed.write(tail, head.length + size, 'latin1');
    return { bytes: framed.subarray(head.length, head.length + size), framed };
  } finally {
    closeSync(fd);
  }
}

/**
 * What `record` (a JSON file in a trusted cache folder) remembers for `identity`: a hash of the
 * content the identity stood for when it was recorded, matching `valid`; undefined when the record
 * is missing, unreadable or for another identity.
 */
export function rememberedFor(record: string, identity: string, valid: RegExp): string | undefined {
  try {
    const remembered = JSON.parse(readFileSync(record, 'utf8')) as { identity?: unknown; hash?: unknown };
    return remembered.identity === identity && typeof remembered.hash === 'string' && valid.test(remembered.hash) ? remembered.hash : undefined;
  } catch {
    return undefined;
  }
}

/** Records `hash` for `identity` (written atomically); a record that cannot be written costs only the next run's reading and hashing. */
export function rememberFor(record: string, identity: string, hash: string): void {
  try {
    mkdirSync(dirname(record), { recursive: true });
    const temp = `${record}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify({ identity, hash }));
    renameSync(temp, record);
  } catch {
    // Only speed is lost.
  }
}
