import { fail } from '../diagnostics/diagnostic.ts';
import { pointer } from '../pointer.ts';

export interface Limits {
  /** Largest spec accepted, in bytes. */
  readonly maxBytes: number;
  /** Deepest nesting of objects and arrays accepted. */
  readonly maxDepth: number;
  /** How many nodes YAML aliases may add when expanded (an alias bomb adds billions). */
  readonly maxAliasNodes: number;
  /** Most values one `enum` may list (a union of a million literals stalls the TypeScript compiler). */
  readonly maxEnumValues: number;
  /** How long a spec download (`sync --from https://...`) may take, in milliseconds. */
  readonly fetchTimeoutMs: number;
  /**
   * Most operations one selection may hold, and most schemas it may reach: a package's cost grows
   * with them (GitHub's REST spec, 1,223 operations and 625 schemas, takes about a minute of CPU),
   * and a document far beyond that is refused at once instead of running for many minutes.
   */
  readonly maxOperations: number;
  readonly maxSchemas: number;
}

export const defaultLimits: Limits = {
  maxBytes: 64 * 1024 * 1024,
  maxDepth: 256,
  maxAliasNodes: 1_000_000,
  maxEnumValues: 10_000,
  fetchTimeoutMs: 30_000,
  maxOperations: 2_000,
  maxSchemas: 4_000,
};

interface Measure {
  readonly size: number;
  readonly height: number;
}

/** Where a checked node sits: its path from the document's root, and its depth (the path's length). */
export interface TreeAt {
  readonly path: readonly string[];
  readonly depth: number;
}
const ROOT: TreeAt = { path: [], depth: 0 };

/**
 * Checks a parsed document before anything else walks it: nesting depth, recursive aliases, and
 * the size aliases expand to. Shared nodes (from YAML aliases) are measured once each, so this is
 * linear in the parsed size even for an alias bomb. Returns a plain tree: when aliases were used
 * and expand within the budget, the shared nodes are copied, so later stages never see sharing.
 * `sharesNoNodes`: the caller knows that no node appears twice (`JSON.parse` makes a fresh object
 * for every value), so the walk need not look for shared nodes; from YAML, leave it `false`.
 * `at`: where `root` sits in the whole document (a lazily parsed entry, lazy-yaml.ts): its depth
 * counts toward the limit and its path starts each diagnostic's pointer.
 */
export function checkTree(root: unknown, limits: Limits, file: string, sharesNoNodes = false, at: TreeAt = ROOT): unknown {
  // A lazily parsed entry's own key is its path's last (the walks below look at the keys inside it).
  checkEnum(at.path[at.path.length - 1], root, limits, file, at.path);
  // Most documents have no aliases and are within the limits: the quick walk finds out (it stops at
  // the first node met twice, or at the first limit crossed, which the walks below then locate).
  if (quickCheck(root, limits, sharesNoNodes ? undefined : new WeakSet(), at.depth) === 'plain') return root;
  if (checkPlainTree(root, limits, file, sharesNoNodes ? undefined : new WeakSet(), at) === 'plain') return root;
  const measured = new Map<object, Measure>();
  const onPath = new Set<object>();
  const path: (string | number)[] = [...at.path];
  let distinct = 0;
  let shared = false;

  const measure = (node: unknown, depth: number): Measure => {
    if (node === null || typeof node !== 'object') return { size: 1, height: 0 };
    if (onPath.has(node)) {
      fail('OM204', 'a YAML alias refers to a node that contains it (recursive alias)', { file, pointer: pointer(...path) });
    }
    const known = measured.get(node);
    if (known) {
      shared = true;
      if (depth + known.height > limits.maxDepth) tooDeep();
      return known;
    }
    if (depth > limits.maxDepth) tooDeep();
    distinct++;
    onPath.add(node);
    let size = 1;
    let height = 0;
    const entries: [string | number, unknown][] = Array.isArray(node)
      ? node.map((value, index) => [index, value])
      : Object.entries(node);
    for (const [key, value] of entries) {
      path.push(key);
      checkEnum(key, value, limits, file, path);
      const child = measure(value, depth + 1);
      path.pop();
      size += child.size;
      height = Math.max(height, child.height + 1);
      if (size - distinct > limits.maxAliasNodes) aliasBomb();
    }
    onPath.delete(node);
    const result = { size, height };
    measured.set(node, result);
    return result;
  };

  const tooDeep = (): never =>
    fail('OM203', `nesting deeper than ${limits.maxDepth} levels (limits.maxDepth)`, { file, pointer: pointer(...path) });
  const aliasBomb = (): never =>
    fail('OM204', `YAML aliases expand to more than ${limits.maxAliasNodes} extra nodes (limits.maxAliasNodes)`, {
      file,
      pointer: pointer(...path),
    });

  const total = measure(root, at.depth);
  if (total.size - distinct > limits.maxAliasNodes) aliasBomb();
  return shared ? expand(root) : root;
}

/** OM210 at `path` when `value`, the value of `key`, is an `enum` with more values than the limit. */
function checkEnum(key: string | number | undefined, value: unknown, limits: Limits, file: string, path: readonly (string | number)[]): void {
  if (key === 'enum' && Array.isArray(value) && value.length > limits.maxEnumValues) {
    fail('OM210', `an enum with ${value.length} values, over the limit of ${limits.maxEnumValues} (limits.maxEnumValues)`, { file, pointer: pointer(...path) });
  }
}

/** Deep copy that turns shared nodes into separate ones; keys such as `__proto__` stay own keys. */
function expand(node: unknown): unknown {
  if (node === null || typeof node !== 'object') return node;
  if (Array.isArray(node)) return node.map(expand);
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    Object.defineProperty(copy, key, { value: expand(value), enumerable: true, writable: true, configurable: true });
  }
  return copy;
}

/**
 * Whether a tree is plain and within the depth and enum limits, as fast as a walk can tell (a 13 MB
 * document has millions of nodes): no path kept, no key lists allocated. It answers 'other' at the
 * first node met twice (with `seen`) or the first limit crossed; `checkPlainTree` and `measure` then
 * walk again to tell which, and where. `for...in` lists an object's own keys as `Object.keys` does,
 * plus any enumerable property someone put on `Object.prototype`: that can only make it answer
 * 'other' (a false alarm the located walks clear), never 'plain' for a tree that is not.
 */
function quickCheck(root: unknown, limits: Limits, seen: WeakSet<object> | undefined, depth: number): 'plain' | 'other' {
  if (root === null || typeof root !== 'object') return 'plain';
  const { maxDepth, maxEnumValues } = limits;
  const walk = (node: object, depth: number): boolean => {
    if (depth > maxDepth) return false;
    if (seen) {
      if (seen.has(node)) return false;
      seen.add(node);
    }
    if (Array.isArray(node)) {
      for (let index = 0; index < node.length; index++) {
        const value: unknown = node[index];
        if (value !== null && typeof value === 'object' && !walk(value, depth + 1)) return false;
      }
      return true;
    }
    for (const key in node) {
      const value: unknown = (node as Record<string, unknown>)[key];
      if (value === null || typeof value !== 'object') continue;
      if (key === 'enum' && Array.isArray(value) && value.length > maxEnumValues) return false;
      if (!walk(value, depth + 1)) return false;
    }
    return true;
  };
  return walk(root, depth) ? 'plain' : 'other';
}

/**
 * `checkTree` for a tree without shared nodes (parsed from JSON, or YAML without aliases): the
 * same depth and enum limits with the same diagnostics, without the per-node bookkeeping that alias
 * expansion needs (a 13 MB document has millions of nodes). With `seen` (a tree from YAML, which
 * can share), it answers 'shared' at the first node it meets twice, before walking it again.
 */
function checkPlainTree(root: unknown, limits: Limits, file: string, seen: WeakSet<object> | undefined, at: TreeAt): 'plain' | 'shared' {
  const path: (string | number)[] = [...at.path];
  const walk = (node: object, depth: number): boolean => {
    if (seen) {
      if (seen.has(node)) return false;
      seen.add(node);
    }
    if (depth > limits.maxDepth) fail('OM203', `nesting deeper than ${limits.maxDepth} levels (limits.maxDepth)`, { file, pointer: pointer(...path) });
    const keys: (string | number)[] = Array.isArray(node) ? node.map((_, index) => index) : Object.keys(node);
    for (const key of keys) {
      const value = (node as Record<string | number, unknown>)[key];
      path.push(key);
      checkEnum(key, value, limits, file, path);
      if (value !== null && typeof value === 'object' && !walk(value, depth + 1)) return false;
      path.pop();
    }
    return true;
  };
  return root === null || typeof root !== 'object' || walk(root, at.depth) ? 'plain' : 'shared';
}

/** A spec of this many bytes is large (GitHub's is 13 MB, OpenAI's 3 MB, ours 40 KB). */
export const LARGE_SPEC_BYTES = 1024 * 1024;
