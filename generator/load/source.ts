import { readFile, stat } from 'node:fs/promises';
import { fail } from '../diagnostics/diagnostic.ts';
import { sha256 } from '../hash.ts';

/** The bytes of a spec and what we know about where they came from. */
export interface SpecSource {
  /** How diagnostics name the source: a project-relative path or a URL. */
  readonly name: string;
  readonly text: string;
  readonly sha256: string;
  readonly byteLength: number;
}

export function sourceFromText(name: string, text: string): SpecSource {
  return { name, text, sha256: sha256(text), byteLength: Buffer.byteLength(text) };
}

/** Reads a spec file, refusing anything over `maxBytes` before reading it. */
export async function readSpecFile(path: string, name: string, maxBytes: number): Promise<SpecSource> {
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) fail('OM200', `${name} is not a file`, { file: name });
    size = info.size;
  } catch (cause) {
    if (cause instanceof Error && 'code' in cause && cause.code === 'ENOENT') {
      fail('OM200', `spec file not found: ${name}`, { file: name });
    }
    throw cause;
  }
  if (size > maxBytes) {
    fail('OM201', `${name} is ${formatBytes(size)}, over the limit of ${formatBytes(maxBytes)} (limits.maxBytes)`, {
      file: name,
    });
  }
  const bytes = await readFile(path);
  return { name, text: bytes.toString('utf8'), sha256: sha256(bytes), byteLength: bytes.byteLength };
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MiB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${n} B`;
}
