/**
 * The remembered hash of the toolkit's code (generator/inputs/files-hash.ts): a recorded hash is
 * used only while every file is the one it was recorded for; an edit is never vouched for, even
 * one of the same size with its mtime set back.
 */
import { mkdtempSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { filesHash } from '../../generator/inputs/files-hash.ts';
import { sha256 } from '../../generator/hash.ts';

let dir: string;
let files: string[];
let record: string;
/** A clock far enough ahead that the files count as settled. */
const later = () => Date.now() + 60_000;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'om-files-hash-'));
  files = ['a.js', 'b.js', 'package.json'].map((name) => join(dir, name));
  writeFileSync(files[0]!, 'export const a = 1;\n');
  writeFileSync(files[1]!, 'export const b = 2;\n');
  writeFileSync(files[2]!, '{"name":"x"}\n');
  record = join(dir, 'record.json');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const contentHash = () => sha256(`a.js\0${readFileSync(files[0]!, 'utf8')}\0b.js\0${readFileSync(files[1]!, 'utf8')}\0${readFileSync(files[2]!, 'utf8')}`);

/** Rewrites a file with other bytes of the same size and puts its mtime back: only the ctime tells. */
function sneakyEdit(file: string, text: string): void {
  const before = statSync(file);
  expect(text.length).toBe(before.size);
  writeFileSync(file, text);
  utimesSync(file, before.atime, before.mtime);
}

describe('filesHash', () => {
  it('is the content hash by relative path, and a remembered one only while the files are unchanged', () => {
    const first = filesHash(dir, files, record, later());
    expect(first).toBe(contentHash());
    expect(JSON.parse(readFileSync(record, 'utf8'))).toMatchObject({ hash: first });
    // The record is what answers while nothing changed: a forged hash shows that no file was read.
    const forged = 'f'.repeat(64);
    writeFileSync(record, JSON.stringify({ ...JSON.parse(readFileSync(record, 'utf8')), hash: forged }));
    expect(filesHash(dir, files, record, later())).toBe(forged);
  });

  it.each([
    { name: 'same size, mtime set back', change: () => sneakyEdit(files[0]!, 'export const a = 9;\n') },
    { name: 'the last file (package.json)', change: () => sneakyEdit(files[2]!, '{"name":"y"}\n') },
    {
      name: 'replaced by another file (new inode)',
      change: () => {
        writeFileSync(join(dir, 'new.js'), 'export const b = 3;\n');
        renameSync(join(dir, 'new.js'), files[1]!);
      },
    },
  ])('an edited file is hashed again: $name', ({ change }) => {
    const before = filesHash(dir, files, record, later());
    change();
    const after = filesHash(dir, files, record, later());
    expect(after).toBe(contentHash());
    expect(after).not.toBe(before);
  });

  it('records nothing while a file is newer than the settle time, and works without a record', () => {
    const hash = filesHash(dir, files, record);
    expect(() => statSync(record)).toThrow();
    expect(filesHash(dir, files, undefined, later())).toBe(hash);
  });

  it('ignores a record that is not one', () => {
    writeFileSync(record, '{"identity": 1');
    expect(filesHash(dir, files, record, later())).toBe(contentHash());
  });
});
