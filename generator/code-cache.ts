import Module, { createRequire } from 'node:module';
import { isAscii } from 'node:buffer';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, sep } from 'node:path';
import vm from 'node:vm';
import { trustedCacheDir } from './cache-dir.ts';
import { ENTRY_FOLDERS, pruneAtExit } from './cache-prune.ts';
import { commonjsModule } from './commonjs-module.ts';
import { beforeEngineFlagsChange, engineFlags, settleEngineFlags } from './engine-flags.ts';
import { readWithIdentity } from './file-identity.ts';
import { sha256 } from './hash.ts';
import { toolkitRoot } from './toolkit.ts';

/**
 * A V8 code cache for the large CommonJS modules the toolkit loads (typescript.js is 9 MB: compiling
 * it costs a one-operation `generate` about 0.3 s on every run). Node 20 has no
 * `module.enableCompileCache` (22.1+), so the module is compiled here as Node's CommonJS loader
 * would compile it, with `vm.Script` and the bytecode V8 produced on an earlier run.
 *
 * - Where: `node_modules/.cache/openapi-morph/v8/` of the project whose `node_modules` holds the
 *   module, or of the toolkit for one outside any `node_modules` (its build's schema validators in
 *   a source checkout); cache-dir.ts: a folder owned by the current user and writable by no one
 *   else, or none.
 * - Key: the module's content, its path, the sha256 of the edited text compiled (see `SourceEdit`),
 *   Node's and V8's versions, the architecture and the interrupt budget the bin sets
 *   (engine-flags.ts: V8 refuses data made under other flags, and the bin and the public API
 *   would otherwise replace each other's entries). The content is the file's identity
 *   (file-identity.ts: inode, size, mtime, ctime) once it is settled, as an installed module is,
 *   and the same after the read as before it, or else the sha256 of its bytes (hashing
 *   typescript.js's 9 MB costs ~25 ms of every run's main thread; V8 compares only a source's
 *   length). V8 itself refuses data made with other flags
 *   (`cachedDataRejected`). A file holds a magic line, the
 *   sha256 of the data and the data; a file that does not match is ignored, so a corrupt or foreign
 *   entry costs a normal compile, never a wrong module.
 * - When: the data is made as the process exits (`createCachedData` then includes the functions the
 *   run compiled lazily), or when `writePendingCodeCaches` is called (a worker thread; the main
 *   thread before it changes V8's flags: engine-flags.ts `beforeEngineFlagsChange`), and written
 *   to a temp file renamed into place, only when the run found none or V8 rejected it; the output
 *   of the run is done by then.
 */
export function requireWithCodeCache(filename: string, edit?: SourceEdit): unknown {
  const require = createRequire(filename);
  const cached = require.cache[filename];
  if (cached) return cached.exports;
  // The key names the flags V8 compiles under (engine-flags.ts `tuneEngineLater`).
  settleEngineFlags();
  // Read between the two halves of Node's CommonJS wrapper: an ASCII file is then compiled from one
  // Latin-1 string of that buffer, where wrapping the file's text would copy it twice more (V8
  // flattens the concatenation): 9 MB each for typescript.js, each fresh page of it a page fault.
  const { bytes, framed, identity } = readWithIdentity(filename, moduleWrapper());
  const edited = edit?.source(bytes);
  const file = cacheFile(filename, () => identity ?? sha256(bytes), edited);
  const entry = file === undefined ? undefined : readEntry(file);
  const cachedData = entry?.data;
  // An entry says whether the bytes it was made for are ASCII (checking 9 MB costs ~18 ms).
  let ascii = entry?.ascii ?? (edited === undefined && isAscii(bytes));
  if (leftToNode(edited ?? bytes.subarray(0, 3).toString(ascii ? 'latin1' : 'utf8'))) return require(filename);
  const wrapped = edited !== undefined ? Module.wrap(edited) : ascii && framed ? framed.toString('latin1') : Module.wrap(bytes.toString(ascii ? 'latin1' : 'utf8'));
  let script = compile(filename, wrapped, cachedData);
  // V8 refuses data made for a source of another length: UTF-8 read as Latin-1 always is one, so
  // an entry whose flag was wrong (damaged in a way its digest cannot tell) decodes the file again.
  if (script.cachedDataRejected && edited === undefined && ascii && !isAscii(bytes)) {
    ascii = false;
    script = compile(filename, Module.wrap(bytes.toString('utf8')), undefined);
  }
  const module = commonjsModule(filename, require);
  require.cache[filename] = module;
  try {
    const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
    wrapper.call(module.exports, module.exports, require, module, filename, dirname(filename));
  } catch (cause) {
    delete require.cache[filename];
    throw cause;
  }
  module.loaded = true;
  // `false` only when V8 took the entry's data (`undefined`: compiled without any).
  if (file !== undefined && script.cachedDataRejected !== false) {
    if (pending.size === 0) process.once('exit', writePendingCodeCaches);
    pending.set(file, { script, ascii, flags: engineFlags() });
  }
  return module.exports;
}

/**
 * A change to a module's source before it is compiled: `source` returns the text to compile, or
 * undefined to compile the file as it is (a version the edit does not know). The entry is keyed by
 * the sha256 of that text too, so an edited compile never shares one with the file's own, nor with
 * another version of the edit (V8 compares only a source's length).
 */
export interface SourceEdit {
  source(bytes: Buffer): string | undefined;
}

/** A text that starts with `#!` or a byte order mark: left to Node's loader, which strips them. */
function leftToNode(start: string): boolean {
  return /^(#!|\uFEFF)/.test(start);
}

/** The text before and after a module's in Node's CommonJS wrapper (`Module.wrap`). */
function moduleWrapper(): [string, string] {
  const [head, tail] = Module.wrap('\0').split('\0');
  return [head!, tail!];
}

/** Compiles a module's text, wrapped as Node's CommonJS loader wraps it. */
function compile(filename: string, wrapped: string, cachedData: Buffer | undefined): vm.Script {
  return new vm.Script(wrapped, {
    filename,
    ...(cachedData ? { cachedData } : {}),
    ...(vm.constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER ? { importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER } : {}),
  } as vm.ScriptOptions);
}

/**
 * The entries this thread will write: a module's file, the script whose code it caches, whether the
 * file is ASCII, and the V8 flags its key was made with (`engineFlags`).
 */
const pending = new Map<string, { script: vm.Script; ascii: boolean; flags: string }>();
// Written before the bin's budget is set or given to a worker (engine-flags.ts `tuneEngineLater`).
beforeEngineFlagsChange(writePendingCodeCaches);

/**
 * Writes the entries of the modules this thread loaded without one, now rather than at exit: a
 * worker thread that is terminated never runs its exit hooks (the format worker calls this once it
 * has warmed prettier up, so the entries hold the code compiled for formatting).
 */
export function writePendingCodeCaches(): void {
  // Not under flags set since the module loaded (engine-flags.ts `preferSmallHeaps`): V8 makes the
  // data with its flag hash of now, which the key does not name.
  const now = engineFlags();
  for (const [file, { script, ascii, flags }] of pending) if (flags === now) writeEntry(file, script, ascii);
  pending.clear();
}

/** An entry: this line, a byte saying whether the module's bytes are ASCII (`a`) or not (`u`), the sha256 of that byte and the data, the data. */
const MAGIC = Buffer.from('openapi-morph v8 code cache 2\n');
const FLAG = MAGIC.length;
const DIGEST = FLAG + 1;
const DATA = DIGEST + 32;

/**
 * The cache file for this module's content (compiled as `edited`, if an edit gave a text) under this
 * Node, or undefined without a trusted cache folder; `content` is asked for only with one (it may
 * hash the module's bytes).
 */
function cacheFile(filename: string, content: () => string, edited: string | undefined): string | undefined {
  const at = filename.lastIndexOf(`${sep}node_modules${sep}`);
  // A module of the toolkit's own (the build's schema validators in a source checkout) caches with the toolkit.
  const dir = trustedCacheDir(at === -1 ? toolkitRoot : filename.slice(0, at));
  if (dir === undefined) return undefined;
  pruneAtExit(dir);
  const key = sha256(`${content()}\0${filename}\0${edited === undefined ? '' : sha256(edited)}\0${process.version}\0${process.versions.v8}\0${process.arch}\0${engineFlags()}`);
  return join(dir, ENTRY_FOLDERS.code, `${basename(filename)}-${key.slice(0, 32)}.bin`);
}

/** The data of a cache file and whether its module is ASCII, or undefined when it is missing, unreadable or not intact. */
function readEntry(file: string): { data: Buffer; ascii: boolean } | undefined {
  try {
    const entry = readFileSync(file);
    const flag = entry[FLAG];
    const intact = entry.subarray(0, MAGIC.length).equals(MAGIC) && (flag === A || flag === U) && entry.subarray(DIGEST, DATA).toString('hex') === entryDigest(entry.subarray(FLAG, DIGEST), entry.subarray(DATA));
    return intact ? { data: entry.subarray(DATA), ascii: flag === A } : undefined;
  } catch {
    return undefined;
  }
}
const A = 'a'.charCodeAt(0);
const U = 'u'.charCodeAt(0);
const entryDigest = (flag: Uint8Array, data: Uint8Array): string => createHash('sha256').update(flag).update(data).digest('hex');

/** Writes the script's current code cache atomically; a cache that cannot be written costs only the next run's compile. */
function writeEntry(file: string, script: vm.Script, ascii: boolean): void {
  try {
    const data = script.createCachedData();
    const flag = Buffer.of(ascii ? A : U);
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    const temp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    writeFileSync(temp, Buffer.concat([MAGIC, flag, Buffer.from(entryDigest(flag, data), 'hex'), data]), { mode: 0o600 });
    renameSync(temp, file);
  } catch {
    // Only speed is lost.
  }
}
