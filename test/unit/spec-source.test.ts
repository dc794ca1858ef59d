/**
 * A spec file's source (generator/load/source.ts): hashed when read, decoded only when its text is
 * first asked for (a no-op `check` needs only the hash), and read again after `release`.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sha256 } from '../../generator/hash.ts';
import { readSpecFile } from '../../generator/load/source.ts';

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
