import { statSync, type BigIntStats } from 'node:fs';

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
 * Take it before reading the file: a write in between leaves an identity that matches nothing later.
 */
export function settledIdentity(file: string, now = Date.now()): string | undefined {
  try {
    const info = statSync(file, { bigint: true });
    return isSettled(info, now) ? `${info.dev}\0${identityOf(info)}` : undefined;
  } catch {
    return undefined;
  }
}
