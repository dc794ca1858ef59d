/** `sha256Joined` is the sha256 of its parts joined by NUL characters, whatever the parts hold. */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha256, sha256Joined } from '../../generator/hash.ts';

const sha = (data: string) => createHash('sha256').update(data, 'utf8').digest('hex');

describe('sha256Joined', () => {
  it.each([
    [['head', 'text']],
    [['["prettier 3","typescript"]', 'const a = "—é";\n']],
    [['', '']],
    [['one']],
    [['a', '', 'b', '\0c']],
    // A lone surrogate encodes as U+FFFD, as in the joined string.
    [['\ud800', 'x']],
  ])('of %j is the sha256 of the parts joined by NUL', (parts) => {
    expect(sha256Joined(...parts)).toBe(sha(parts.join('\0')));
    expect(sha256Joined(...parts)).toBe(sha256(parts.join('\0')));
  });

  it('tells apart where the NUL falls', () => {
    expect(sha256Joined('ab', 'c')).not.toBe(sha256Joined('a', 'bc'));
  });
});
