/**
 * File identities (generator/file-identity.ts): what may stand for a file's content once it is
 * settled (git's index rule), and the records that remember a hash by it.
 */
import { mkdtempSync, rmSync, statSync, utimesSync, writeFileSync, type BigIntStats } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isSettled, rememberedFor, rememberFor, SETTLED_MS, settledIdentity } from '../../generator/file-identity.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'om-file-identity-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const HOUR = 60 * 60 * 1000;
const times = (ctimeMs: number, mtimeMs: number) => ({ ctimeMs: BigInt(ctimeMs), mtimeMs: BigInt(mtimeMs) }) as unknown as BigIntStats;

describe('isSettled', () => {
  it('needs both the ctime and the mtime at least SETTLED_MS old', () => {
    expect(SETTLED_MS).toBe(2000);
    expect(isSettled(times(1000, 1000), 3000)).toBe(true);
    expect(isSettled(times(1000, 1000), 2999)).toBe(false);
    expect(isSettled(times(1000, 500), 3000)).toBe(true);
    // An old mtime (set back by a tool) with a fresh ctime, and the other way round.
    expect(isSettled(times(2000, 0), 3000)).toBe(false);
    expect(isSettled(times(0, 2000), 3000)).toBe(false);
  });
});

describe('settledIdentity', () => {
  it('is undefined while the file is young, for a file whose mtime was set back too, and for a missing file', () => {
    const file = join(dir, 'a.js');
    writeFileSync(file, 'a');
    expect(settledIdentity(file)).toBeUndefined();
    expect(settledIdentity(file, Date.now() + SETTLED_MS + 1000)).toBeDefined();
    utimesSync(file, new Date(Date.now() - HOUR), new Date(Date.now() - HOUR));
    expect(settledIdentity(file)).toBeUndefined();
    expect(settledIdentity(join(dir, 'missing.js'), Date.now() + HOUR)).toBeUndefined();
  });

  it('names the device, inode, size, mtime and ctime: two files of the same content differ, a rewrite changes it', () => {
    const [a, b] = [join(dir, 'a.js'), join(dir, 'b.js')];
    writeFileSync(a, 'same');
    writeFileSync(b, 'same');
    const later = Date.now() + HOUR;
    const first = settledIdentity(a, later)!;
    const info = statSync(a, { bigint: true });
    expect(first).toBe(`${info.dev}\0${info.ino}\0${info.size}\0${info.mtimeNs}\0${info.ctimeNs}`);
    expect(settledIdentity(b, later)).not.toBe(first);
    writeFileSync(a, 'diff');
    expect(settledIdentity(a, later)).not.toBe(first);
  });
});

describe('rememberedFor / rememberFor', () => {
  it('answers the hash recorded for the same identity when it matches the pattern, nothing else', () => {
    const record = join(dir, 'cache', 'specs', 'r.json');
    const hex = 'a'.repeat(64);
    expect(rememberedFor(record, 'id', /^[0-9a-f]{64}$/)).toBeUndefined();
    rememberFor(record, 'id', hex);
    expect(rememberedFor(record, 'id', /^[0-9a-f]{64}$/)).toBe(hex);
    expect(rememberedFor(record, 'other', /^[0-9a-f]{64}$/)).toBeUndefined();
    expect(rememberedFor(record, 'id', /^[0-9a-f]{64} \d+$/)).toBeUndefined();
    // Not a string (an array would pass a pattern once coerced), not JSON.
    writeFileSync(record, JSON.stringify({ identity: 'id', hash: [hex] }));
    expect(rememberedFor(record, 'id', /^[0-9a-f]{64}$/)).toBeUndefined();
    writeFileSync(record, '{');
    expect(rememberedFor(record, 'id', /^[0-9a-f]{64}$/)).toBeUndefined();
  });
});
