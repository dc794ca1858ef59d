/**
 * A spec file's source (generator/load/source.ts): hashed when read, decoded only when its text is
 * first asked for (a no-op `check` needs only the hash), and read again after `release`; for the
 * no-op check, its hash remembered by the file's identity once the file is settled.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sha256 } from '../../generator/hash.ts';
import { readSpecFile, readSpecFileRemembered } from '../../generator/load/source.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'om-spec-source-'));
});
afterEach(() => {
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

describe('readSpecFile', () => {
  it('hashes the bytes at once and decodes them only when the text is first read, once', async () => {
    const text = `openapi: 3.1.0\ninfo: { title: "Café ✓", version: "1" }\npaths: {}\n# ${'x'.repeat(4096)}\n`;
    const file = join(dir, 'openapi.yaml');
    writeFileSync(file, text);
    const decode = vi.spyOn(Buffer.prototype, 'toString');
    const decodesOfSpec = () => decode.mock.contexts.filter((bytes) => (bytes as Buffer).byteLength === Buffer.byteLength(text)).length;
    const source = await readSpecFile(file, 'openapi.yaml', 1 << 20);
    expect([source.sha256, source.byteLength]).toStrictEqual([sha256(Buffer.from(text)), Buffer.byteLength(text)]);
    expect(decodesOfSpec()).toBe(0);
    expect(source.text).toBe(text);
    expect(source.text).toBe(text);
    expect(decodesOfSpec()).toBe(1);
  });

  it('after release, reads the file again, and refuses it once its bytes are not those hashed', async () => {
    const file = join(dir, 'openapi.yaml');
    writeFileSync(file, 'openapi: 3.1.0\n');
    const source = await readSpecFile(file, 'openapi.yaml', 1 << 20);
    source.release!();
    expect(source.text).toBe('openapi: 3.1.0\n');
    writeFileSync(file, 'openapi: 3.0.3\n');
    expect(() => source.text).toThrow(/openapi\.yaml changed while openapi-morph was reading it/);
    // Released before it was ever decoded: nothing of the first read is kept either.
    writeFileSync(file, 'openapi: 3.1.0\n');
    const unread = await readSpecFile(file, 'openapi.yaml', 1 << 20);
    unread.release!();
    writeFileSync(file, 'openapi: 3.0.3\n');
    expect(() => unread.text).toThrow(/changed while openapi-morph was reading it/);
  });
});

describe('readSpecFileRemembered', () => {
  it('remembers the hash of a settled file by its identity and then trusts it without reading; a write, even of the same size with the mtime put back, is read again', async () => {
    const file = join(dir, 'openapi.yaml');
    const record = join(dir, 'cache', 'specs', 'record.json');
    writeFileSync(file, 'openapi: 3.1.0\n');
    const hash = sha256('openapi: 3.1.0\n');
    // Written just now: read and hashed, nothing recorded (a write in the same clock tick could keep the ctime).
    expect((await readSpecFileRemembered(file, 'openapi.yaml', 1 << 20, record)).sha256).toBe(hash);
    expect(existsSync(record)).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 2100));
    expect((await readSpecFileRemembered(file, 'openapi.yaml', 1 << 20, record)).sha256).toBe(hash);
    const recorded = JSON.parse(readFileSync(record, 'utf8')) as { identity: string; hash: string };
    expect(recorded.hash).toBe(`${hash} 15`);
    // The record is what answers now: one that says another hash for this identity is believed...
    const planted = 'f'.repeat(64);
    writeFileSync(record, JSON.stringify({ identity: recorded.identity, hash: `${planted} 15` }));
    const trusted = await readSpecFileRemembered(file, 'openapi.yaml', 1 << 20, record);
    expect([trusted.sha256, trusted.byteLength]).toStrictEqual([planted, 15]);
    // ...but its text is read when asked for, and refused when its bytes are not those of the hash.
    expect(() => trusted.text).toThrow(/openapi\.yaml changed while openapi-morph was reading it/);
    // Exactly at the limit: still the record's answer. Over it: the record does not spare the refusal.
    expect((await readSpecFileRemembered(file, 'openapi.yaml', 15, record)).sha256).toBe(planted);
    await expect(readSpecFileRemembered(file, 'openapi.yaml', 10, record)).rejects.toThrow(/over the limit/);
    // Rewritten with the same size and its mtime put back: another ctime, another identity.
    const before = statSync(file);
    writeFileSync(file, 'openapi: 3.0.3\n');
    utimesSync(file, before.atime, before.mtime);
    expect((await readSpecFileRemembered(file, 'openapi.yaml', 1 << 20, record)).sha256).toBe(sha256('openapi: 3.0.3\n'));
  });

  it('without a record (no trusted cache folder) is readSpecFile', async () => {
    const file = join(dir, 'openapi.yaml');
    writeFileSync(file, 'openapi: 3.1.0\n');
    const source = await readSpecFileRemembered(file, 'openapi.yaml', 1 << 20, undefined);
    expect([source.sha256, source.text]).toStrictEqual([sha256('openapi: 3.1.0\n'), 'openapi: 3.1.0\n']);
  });
});
