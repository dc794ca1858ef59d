/**
 * Words that are no plain name where a rewrite reads one, for the format stage's rewrites: the
 * reserved and contextual words of TypeScript (`RESERVED_WORDS`: an example program's identifier,
 * example-code.ts), and the keyword types among them (`TYPE_KEYWORDS`: not a type's name,
 * api-methods.ts). The naming stage has its own list (naming/identifier.ts `reservedWords`);
 * imported here, that module would become a chunk of its own in the bundle, one more module for
 * every no-op run to load (test/bundle.test.ts).
 */
export const RESERVED_WORDS: readonly string[] = (
  'abstract accessor any as asserts async await bigint boolean break case catch class const constructor continue debugger declare default delete do else enum export extends false ' +
  'finally for from function get global if implements import in infer instanceof interface is keyof let module namespace never new null number object of out override package ' +
  'private protected public readonly require return satisfies set static string super switch symbol this throw true try type typeof undefined unique unknown using var void while with yield'
).split(' ');

/** The keyword types: `string | null` is a union of two keywords, not a type's name and null. */
export const TYPE_KEYWORDS: ReadonlySet<string> = new Set(['any', 'unknown', 'never', 'undefined', 'null', 'void', 'string', 'number', 'boolean', 'bigint', 'symbol', 'object', 'this', 'intrinsic']);
