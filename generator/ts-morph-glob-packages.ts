/**
 * `@ts-morph/common` (0.29) requires `minimatch` and `tinyglobby` as it loads, for its file system
 * host's globbing (`addSourceFilesByPaths` and the like), which the toolkit's projects never do:
 * they print structures and parse in memory. Loading the two cost every run that emits TypeScript
 * about 12 ms of the main thread (minimatch 7 ms, tinyglobby 5.5 ms, each measured in a fresh
 * process).
 *
 * This edit of the module's text makes each of the two `require`s happen on first use: the local
 * becomes an object whose getters (the names 0.29 reads: `minimatch.minimatch` through its
 * namespace helper, which copies getters as they are; `tinyglobby.glob` and `.globSync`) require
 * the package then. A text without exactly the expected `require` line, or that reads another name
 * of the package, keeps that `require` as it is; the line count stays, so stack traces keep their
 * line numbers.
 */
export function globPackagesOnDemand(text: string): string {
  let edited = text;
  for (const { name, reads } of DEFERRED) {
    const line = `var ${name} = require('${name}');`;
    const at = edited.indexOf(line);
    if (at < 0 || edited.indexOf(line, at + 1) >= 0) continue;
    const rest = edited.slice(0, at) + edited.slice(at + line.length);
    // Every other mention of the local is one of the reads (or, for minimatch, the namespace helper's copy of it).
    const mentions = [...rest.matchAll(new RegExp(`\\b${name}(?:__namespace)?\\b(\\.\\w+)?`, 'g'))];
    if (!mentions.every(([whole, member]) => (member === undefined ? whole === name || whole === `${name}__namespace` : reads.includes(member.slice(1))))) continue;
    const getters = reads.map((read) => `get ${read}() { return require('${name}').${read}; }`).join(', ');
    edited = edited.slice(0, at) + `var ${name} = { ${getters} };` + edited.slice(at + line.length);
  }
  return edited;
}

/** The packages deferred, and the names of theirs `@ts-morph/common` 0.29 reads. */
const DEFERRED: readonly { readonly name: string; readonly reads: readonly string[] }[] = [
  { name: 'minimatch', reads: ['minimatch'] },
  { name: 'tinyglobby', reads: ['glob', 'globSync'] },
];
