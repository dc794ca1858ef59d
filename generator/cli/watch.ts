import { watch, type FSWatcher } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import type { ResolvedConfig } from '../config/types.ts';
import { MorphError } from '../diagnostics/diagnostic.ts';
import { formatDiagnostics } from '../diagnostics/format.ts';
import { sha256 } from '../hash.ts';
import { prettierConfigSource } from '../format/config-search.ts';
import { moduleGraph } from '../inputs/module-graph.ts';
import { overlayFiles } from '../overlay/files.ts';
import { toolkit, toolkitCodeDirs } from '../toolkit.ts';
import type { CliIO } from './command.ts';
import { formatMs } from './progress.ts';

/** How long after the last file event a regeneration starts (editors write in bursts). */
export const DEBOUNCE_MS = 150;

export interface WatchOptions {
  /** The config as it is on disk now (it is loaded again before every run: it may have changed). */
  readonly load: () => Promise<ResolvedConfig>;
  /** One regeneration; returns its summary line. Throws a MorphError for problems a user can fix. */
  readonly run: (config: ResolvedConfig) => Promise<string>;
  /** The config file to watch even while it fails to load. */
  readonly configFile: string | undefined;
  readonly signal?: AbortSignal;
}

/** What one run watches: single files (through their folder: editors replace files) and team template trees. */
interface Targets {
  readonly files: ReadonlySet<string>;
  readonly folders: ReadonlySet<string>;
  readonly trees: ReadonlySet<string>;
  readonly ignore: string | undefined;
}

/**
 * `generate --watch`: a run, then one more whenever the spec, the config or a project module it
 * imports, an overlay, a team template or the prettier config changes (debounced). A run that fails prints its diagnostics and writes nothing, so the
 * output keeps the last good generation; watching goes on. One line per run: what changed, the
 * outcome and how long it took. Ends on SIGINT or SIGTERM (or the signal), with exit code 0.
 */
export async function watchGenerate(io: CliIO, options: WatchOptions): Promise<number> {
  let watchers: FSWatcher[] = [];
  let targets: Targets = { files: new Set(options.configFile ? [options.configFile] : []), folders: new Set(), trees: new Set(), ignore: undefined };
  /** What each watched file held when a run last read it: an event that changes nothing (editors touch files) runs nothing. */
  const seen = new Map<string, string>();
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;

  const cycle = async (reason: string, config?: ResolvedConfig): Promise<void> => {
    const started = performance.now();
    let line: string;
    try {
      config ??= await options.load();
      // Before the run, not after its line: a module the config now imports is watched, and what it
      // holds recorded, before anyone can edit it again (after, an edit made as the line appeared
      // was recorded as already seen, and missed).
      await retarget(await targetsOf(config).catch(() => targets));
      line = await options.run(config);
    } catch (cause) {
      if (cause instanceof MorphError) {
        io.err(formatDiagnostics(cause.diagnostics).replace(/nothing was written\.$/, 'nothing was written; the output keeps the last good generation.'));
        const errors = cause.diagnostics.filter((d) => d.severity === 'error').length;
        line = `failed (${errors} error${errors === 1 ? '' : 's'})`;
      } else {
        // A bug should not end a watch session: the output is as the last good run left it.
        io.err(`internal error: ${cause instanceof Error ? cause.message : String(cause)} (please report it)`);
        line = 'failed (internal error)';
      }
    }
    io.out(`${clockTime()} ${reason}: ${line} in ${formatMs(performance.now() - started)}`);
  };

  const schedule = (path: string) => {
    if (targets.ignore && (path === targets.ignore || path.startsWith(targets.ignore + sep))) return;
    pending.add(path);
    if (timer) clearTimeout(timer);
    timer = setTimeout(flush, DEBOUNCE_MS);
  };
  const flush = async () => {
    timer = undefined;
    if (running) return void running.then(() => pending.size > 0 && !timer && flush());
    // Taken (and `running` set) before the first await: events arriving while the files are hashed
    // go to the next flush, and a timer firing meanwhile waits for this one instead of starting a second cycle.
    const paths = [...pending].sort();
    pending.clear();
    running = (async () => {
      const changed: string[] = [];
      for (const path of paths) {
        const now = await contentHash(path);
        if (seen.get(path) !== now) changed.push(relative(io.cwd, path) || path);
        seen.set(path, now);
      }
      if (changed.length > 0) await cycle(`${changed.join(', ')} changed`);
    })().finally(() => {
      running = undefined;
    });
  };

  /** Watches what the config names (again only when that changed), remembering what each file holds now. */
  const retarget = async (next: Targets) => {
    const key = (t: Targets) => JSON.stringify([[...t.files].sort(), [...t.folders].sort(), [...t.trees].sort(), t.ignore]);
    const changed = key(next) !== key(targets) || watchers.length === 0;
    targets = next;
    for (const path of [...next.files, ...(await treeFiles(next.trees))]) if (!seen.has(path)) seen.set(path, await contentHash(path));
    if (!changed) return;
    for (const w of watchers) w.close();
    watchers = [];
    const folders = new Set([...next.files].map((f) => dirname(f)));
    for (const folder of new Set([...folders, ...next.folders])) {
      tryWatch(folder, false, (name) => {
        const path = resolve(folder, name);
        if (targets.files.has(path) || targets.folders.has(folder)) schedule(path);
      });
    }
    for (const tree of next.trees) tryWatch(tree, true, (name) => schedule(resolve(tree, name)));
  };
  const tryWatch = (path: string, recursive: boolean, onChange: (name: string) => void) => {
    try {
      const watcher = watch(path, { recursive }, (_event, name) => name && onChange(name.toString()));
      watcher.on('error', () => undefined);
      watchers.push(watcher);
    } catch {
      // A folder that does not exist (yet) is not watched; the next run looks again.
    }
  };

  // Watch before the first run, so a change made while it runs is not missed.
  let first: ResolvedConfig | undefined;
  try {
    first = await options.load();
    await retarget(await targetsOf(first));
  } catch (cause) {
    if (!(cause instanceof MorphError)) throw cause;
    await retarget(targets);
  }
  const names = [...targets.files, ...targets.folders, ...targets.trees].map((p) => relative(io.cwd, p) || basename(p));
  io.err(`watching ${names.join(', ')} (Ctrl-C to stop)`);
  running = cycle('started', first).finally(() => {
    running = undefined;
  });
  await new Promise<void>((done) => {
    const stop = () => done();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    options.signal?.addEventListener('abort', stop, { once: true });
  });
  if (timer) clearTimeout(timer);
  for (const w of watchers) w.close();
  await running;
  return 0;
}

async function contentHash(path: string): Promise<string> {
  try {
    return sha256(await readFile(path));
  } catch {
    return 'missing';
  }
}

async function treeFiles(trees: ReadonlySet<string>): Promise<string[]> {
  const files: string[] = [];
  for (const tree of trees) {
    const entries = await readdir(tree, { recursive: true, withFileTypes: true }).catch(() => []);
    for (const entry of entries) if (entry.isFile()) files.push(join(entry.parentPath, entry.name));
  }
  return files;
}

async function targetsOf(config: ResolvedConfig): Promise<Targets> {
  const files = new Set<string>();
  const folders = new Set<string>();
  if (config.configFile) {
    files.add(config.configFile);
    // The project modules the config imports: editing one changes what the config resolves to.
    for (const name of Object.keys(moduleGraph([config.configFile], config.root, toolkitCodeDirs, [toolkit.name]).files)) files.add(resolve(config.root, name));
  }
  // A URL spec is read on every run; only files are watched.
  if (config.spec.kind === 'file') files.add(config.spec.path);
  for (const pattern of config.overlays) {
    // A pattern's folder: a new overlay file there counts as a change too.
    if (/[*?]/.test(pattern)) folders.add(dirname(resolve(config.root, pattern)));
  }
  for (const file of (await overlayFiles(config.overlays, config.root)).files) files.add(file);
  files.add(config.package.releases.path);
  // The prettier config that formats the output (a new one is seen at the next run's retarget).
  const prettierConfig = prettierConfigSource(config.output.dir);
  if (prettierConfig) files.add(prettierConfig.path);
  return { files, folders, trees: new Set(config.templates.teamDir ? [config.templates.teamDir] : []), ignore: config.output.dir };
}

function clockTime(): string {
  return new Date().toTimeString().slice(0, 8);
}
