import type { SourceEdit } from './code-cache.ts';

/**
 * `@ts-morph/common` (0.29) holds the lib `.d.ts` files of the TypeScript it bundles (6.0) as string
 * literals: 2.9 MB of its 3 MB `ts-morph-common.js`, one `const libFiles = [...]` that only
 * `getLibFiles()` reads, for a project whose in-memory file system loads them. The toolkit runs
 * ts-morph on its own TypeScript (5.9, see `tsMorph` in heavy.ts) and its projects only print and
 * parse (`skipLoadingLibFiles`), yet compiling the file cost every run that emits TypeScript about
 * 45 ms, and its V8 code cache entry held the strings (5.6 MB: no faster than compiling).
 *
 * This edit compiles the module without the array: `getLibFiles()` reads, when first asked, the lib
 * files of the TypeScript in `libDir` (a team's template may make a project that type-checks; with
 * 6.0's lib files, 5.9 reported "Cannot find lib definition for 'es2025'" and the like for `lib:
 * ['esnext']`). The lines below it keep their numbers. A file without exactly the expected
 * declaration and reader, or whose array something else reads (another version), is compiled as it is.
 */
export function libFilesFrom(libDir: string): SourceEdit {
  return {
    source(bytes) {
      const start = bytes.indexOf(DECLARATION);
      const end = start < 0 ? -1 : bytes.indexOf(READER, start);
      if (end < 0) return undefined;
      const head = bytes.subarray(0, start + 1).toString('utf8');
      const tail = bytes.subarray(end + READER.length).toString('utf8');
      // Nothing else may name the array (a second declaration or reader included): only
      // `getLibFiles()`'s callers, as in 0.29 (one local of that name). Between the declaration and
      // the reader, every line break is the array's own (a string literal holds none).
      if (/\blibFiles\b/.test(head) || /\blibFiles\b/.test(tail.replace(LOCAL_USE, ''))) return undefined;
      const onDemand =
        `let libFiles; function getLibFiles() { if (libFiles === undefined) { const fs = require("node:fs"); const dir = ${JSON.stringify(libDir)}; ` +
        `libFiles = fs.readdirSync(dir).filter((name) => /^lib(\\..+)?\\.d\\.ts$/.test(name)).sort().map((fileName) => ({ fileName, text: fs.readFileSync(dir + "/" + fileName, "utf8") })); } return libFiles; }`;
      return `${head}${onDemand}${'\n'.repeat(lineBreaks(bytes, start + 1, end + READER.length))}${tail}`;
    },
  };
}

/** The array's declaration, from the line break before it to its `[{`. */
const DECLARATION = Buffer.from('\nconst libFiles = [{');
/** Where 0.29 reads `getLibFiles()` into a local of the same name. */
const LOCAL_USE = /const libFiles = getLibFiles\(\);(\s*)for \(const libFile of libFiles\)/;
/** The end of the array and its one reader. */
const READER = Buffer.from('}];\n\nfunction getLibFiles() {\n    return libFiles;\n}');

function lineBreaks(bytes: Buffer, from: number, to: number): number {
  let count = 0;
  for (let at = bytes.indexOf(10, from); at >= 0 && at < to; at = bytes.indexOf(10, at + 1)) count++;
  return count;
}
