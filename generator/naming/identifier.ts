/** Words that cannot be identifiers (or are confusing as ones) in TypeScript module code. */
export const reservedWords: ReadonlySet<string> = new Set([
  'abstract', 'any', 'arguments', 'as', 'async', 'await', 'boolean', 'break', 'case', 'catch', 'class', 'const',
  'constructor', 'continue', 'debugger', 'declare', 'default', 'delete', 'do', 'else', 'enum', 'eval', 'export',
  'extends', 'false', 'finally', 'for', 'from', 'function', 'get', 'if', 'implements', 'import', 'in', 'infer',
  'instanceof', 'interface', 'is', 'keyof', 'let', 'module', 'namespace', 'never', 'new', 'null', 'number',
  'object', 'of', 'package', 'private', 'protected', 'public', 'readonly', 'require', 'return', 'set', 'static',
  'string', 'super', 'switch', 'symbol', 'then', 'this', 'throw', 'true', 'try', 'type', 'typeof', 'undefined',
  'unique', 'unknown', 'var', 'void', 'while', 'with', 'yield', 'bigint', 'satisfies', 'accessor', 'using',
]);

/** Globals the generated runtime relies on; a model type must not shadow them. */
export const runtimeGlobals: ReadonlySet<string> = new Set([
  'AbortController', 'AbortSignal', 'Array', 'ArrayBuffer', 'Blob', 'Boolean', 'Date', 'Error', 'File', 'FormData',
  'Function', 'Headers', 'JSON', 'Map', 'Math', 'Number', 'Object', 'Promise', 'Readonly', 'Record', 'Partial',
  'Required', 'Pick', 'Omit', 'ReadableStream', 'Request', 'RequestInit', 'Response', 'Set', 'String', 'Symbol',
  'TextDecoder', 'TextEncoder', 'URL', 'URLSearchParams', 'globalThis', 'NonNullable', 'ReturnType', 'Awaited',
]);

/**
 * Makes a valid identifier of a candidate produced by a naming rule: an empty candidate becomes
 * `fallback`, a leading digit gets a `_` prefix, a reserved word or runtime global gets a `_`
 * suffix, and any remaining invalid character is dropped.
 */
export function sanitizeIdentifier(candidate: string, fallback: string): string {
  let name = candidate.replace(/[^\p{L}\p{N}$_]/gu, '');
  if (name === '') name = fallback;
  if (/^\p{N}/u.test(name)) name = `_${name}`;
  if (reservedWords.has(name) || runtimeGlobals.has(name)) name = `${name}_`;
  return name;
}

/**
 * Hands out unique names in one namespace. Names are claimed in a stable order (callers sort
 * their inputs), so the same spec always gives the same suffixes: `Foo`, `Foo2`, `Foo3`.
 */
export class NameRegistry {
  readonly #taken: Set<string>;
  /** With `ignoreCase`: the claimed names in lower case (reserved names stay exact). */
  readonly #claimedFolded: Set<string> | undefined;

  /**
   * `ignoreCase`: names claimed here differ in more than case, for names that also name files
   * (a type's `docs/<Type>.md`), which macOS and Windows file systems compare case-insensitively.
   */
  constructor(reserved: Iterable<string> = [], options: { readonly ignoreCase?: boolean } = {}) {
    this.#taken = new Set(reserved);
    this.#claimedFolded = options.ignoreCase ? new Set() : undefined;
  }

  /**
   * `name`, or `name2`, `name3`... : the first that is free together with its companions (names the
   * caller derives from it, e.g. a class's `<Class>Errors` type), which are claimed with it.
   */
  claim(name: string, companions: (name: string) => readonly string[] = () => []): string {
    const isTaken = (candidate: string) => this.#taken.has(candidate) || this.#claimedFolded?.has(candidate.toLowerCase()) === true;
    let unique = name;
    for (let n = 2; [unique, ...companions(unique)].some(isTaken); n++) unique = `${name}${n}`;
    for (const claimed of [unique, ...companions(unique)]) {
      this.#taken.add(claimed);
      this.#claimedFolded?.add(claimed.toLowerCase());
    }
    return unique;
  }
}
