import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * V8's interrupt budget for a CLI process: 16 times V8 11.3's default (Node 20's; 67,584 bytes of
 * bytecode run between two looks at whether a function is hot enough for TurboFan).
 *
 * Why: a one-operation run lasts 1-2 s, and in that time V8 optimizes thousands of functions of
 * TypeScript, ts-morph and prettier that then run a few more times at most. The optimizing
 * compiler's threads take CPU from the two busy threads of a render (the main thread and the
 * format worker). With a larger budget only functions that run for longer are optimized. Measured
 * on two cores with Node 20 (README, "Performance", "Start-up": interleaved runs of the same build,
 * medians of 5): one operation of our spec 1.37 s wall, 2.18 s CPU, 149 MiB against 1.59 s,
 * 2.75 s, 155 MiB (4x: 1.44 s, 2.32 s; 32x: 1.35 s, 2.15 s); GitHub's `--all`, two rounds, 29.6-33.5 s against
 * 36.6-36.9 s, but its peak memory grows by about 100 MiB (998-1,046 against 863-941 MiB). The
 * number is fixed, not a factor of the running V8's default: the Node versions after 20 that
 * `engines` allows ship other V8s (other defaults, and Maglev enabled, a tier this flag does not
 * delay), where neither the factor nor the gain was measured.
 *
 * Chosen by the bin (`bin/openapi-morph.ts`) before the CLI does anything, and set when the command
 * runs, or for the commands that start a worker first once its modules have loaded or earlier
 * (`tuneEngineLater` says when). Not by the public API, which runs inside someone else's process.
 * Node's docs warn that flags set after start-up may do nothing: the budget is read whenever a
 * function's budget is reset, and `test/engine-flags.test.ts` shows a function that the default
 * budget optimizes staying unoptimized after the same calls with this one. A budget given on Node's
 * command line (`node --interrupt-budget=N`) is left as it is.
 */
export const INTERRUPT_BUDGET = 16 * 67_584;

export const INTERRUPT_BUDGET_FLAG = `--interrupt-budget=${INTERRUPT_BUDGET}`;

/** The V8 flags the bin may set, in the order the code cache's key names them (`engineFlags`). */
type Tuned = 'interrupt-budget' | 'heap-growing-percent';
const TUNED: readonly Tuned[] = ['interrupt-budget', 'heap-growing-percent'];

/** The flags this process set at run time, '' for none (a worker thread is told by its parent: `adoptEngineFlags`). */
const setAtRunTime: Record<Tuned, string> = { 'interrupt-budget': '', 'heap-growing-percent': '' };

/**
 * Sets the budget now unless Node's command line set one (in any spelling V8 takes: `valueOf`), as
 * `tuneEngineLater` then `applyEngineFlags`; `set` is V8's flag setter (a test's spy).
 */
export function tuneEngine(execArgv: readonly string[] = process.execArgv, set: (flags: string) => void = setFlagsFromString): void {
  tuneEngineLater(execArgv);
  applyEngineFlags(set);
}

/**
 * The budget chosen by `tuneEngineLater` and not given to V8 yet (`applyEngineFlags` sets it), and
 * two slots in memory shared with the workers given the budget (`workerEngineFlags`): `SET`, which
 * this thread raises once it has set the budget (they wait for it before they compile anything
 * keyed by the flags), and `READY`, which the first of them raises once its own modules have
 * loaded (`adoptEngineFlags`; this thread then sets the budget).
 */
let later: { readonly flag: string; readonly slots: Int32Array } | undefined;
const SET = 0;
const READY = 1;
/** `Atomics.waitAsync` (Node 16 and later; TypeScript's lib has it from ES2024, after ours): a promise, or a string when there is nothing to wait for. */
const waitAsync = (Atomics as unknown as { waitAsync(array: Int32Array, index: number, value: number): { value: Promise<string> | string } }).waitAsync;
/** Whether a worker was given the budget still to be set (`workerEngineFlags`). */
let handedOut = false;
/** What runs just before `applyEngineFlags` sets a flag (`beforeEngineFlagsChange`). */
let beforeChange: () => void = () => undefined;

/**
 * Chooses the budget, as `tuneEngine`, to be set by `applyEngineFlags`: before the command runs,
 * or, for a command that starts a worker before its heavy work (cli/main.ts `workerFirst`), once
 * that worker's modules have loaded (`workerEngineFlags`), and at the latest before this thread's next
 * compile keyed by the flags (`settleEngineFlags`), when the heap flag is set (`preferSmallHeaps`)
 * or a types worker starts (types-thread.ts). Only this thread sets it: a worker given it waits for
 * it before its first compile keyed by the flags (`settleEngineFlags`).
 *
 * Why: V8's flag hash includes the budget, and Node's own modules come with code cache made under
 * the default hash, refused under any other. A worker thread compiles a hundred of them as it boots:
 * with the budget set before, a worker took 80-100 ms to run its first module instead of 40-50
 * (Node 20.20, two cores). Measured on one operation of our spec, 11 interleaved cold runs: 0.45 s
 * wall and 0.66 s CPU against 0.47 s and 0.70 s with the budget set at the start.
 */
export function tuneEngineLater(execArgv: readonly string[] = process.execArgv): void {
  // A budget chosen before and not set (a test's process): its workers are released, not left waiting.
  if (later !== undefined) release(later.slots);
  const given = execArgv.some((arg) => valueOf(arg, 'interrupt-budget') !== undefined);
  later = given ? undefined : { flag: INTERRUPT_BUDGET_FLAG, slots: new Int32Array(new SharedArrayBuffer(8)) };
  handedOut = false;
}

/** Raises both slots: the workers waiting for the budget go on, and the wait for `READY` settles. */
function release(slots: Int32Array): void {
  for (const slot of [SET, READY]) {
    Atomics.store(slots, slot, 1);
    Atomics.notify(slots, slot);
  }
}

/**
 * Sets the budget `tuneEngineLater` chose, if it is not set yet, after what `beforeEngineFlagsChange`
 * registered (the code cache's entries of modules compiled until now, keyed by the flags they were
 * compiled under: V8 makes an entry's data under the flags of the moment it is written), and tells
 * the workers waiting for it; `set` is V8's flag setter (a test's spy).
 */
export function applyEngineFlags(set: (flags: string) => void = setFlagsFromString): void {
  const chosen = later;
  later = undefined;
  if (chosen === undefined) return;
  try {
    beforeChange();
    set(chosen.flag);
    setAtRunTime['interrupt-budget'] = chosen.flag;
  } finally {
    // Whatever happened: a worker waiting for the budget would otherwise wait forever, and the
    // wait for `READY` (`workerEngineFlags`) is settled rather than left pending.
    release(chosen.slots);
  }
}

/** `hook` runs just before `applyEngineFlags` changes V8's flags (code-cache.ts writes its pending entries). */
export function beforeEngineFlagsChange(hook: () => void): void {
  beforeChange = hook;
}

/**
 * For a command that starts a worker before its heavy work (cli/main.ts `workerFirst`), just after it
 * would have: sets the budget now unless a worker was given it (none started: formatting off, or no
 * compiled worker).
 */
export function applyEngineFlagsWithoutWorker(): void {
  if (!handedOut) applyEngineFlags();
}

/** What a worker thread is told of the V8 flags (`workerEngineFlags`, `adoptEngineFlags`). */
export interface WorkerEngineFlags {
  /** The flags it keys its code cache by: those in effect, and the budget still to be set. */
  readonly engineFlags: string;
  /** The slots `SET` and `READY` of that budget (`later`); absent when none is to be set. */
  readonly engineFlagsSlots?: Int32Array;
}

/**
 * The flags for a worker thread started now (its `workerData`). The first time a budget is still to
 * be set, this thread sets it once a worker given it raises `READY`: the worker has then compiled
 * the modules of Node it boots with and those its own modules import, under the hash their code
 * cache was made for. (Node's 'online' comes before the worker loads its entry module: a bare
 * worker importing the format pool's module was loaded after 112 ms with the budget set on
 * 'online', 87 ms with it set on the worker's first line, 142 ms with it set before; a helper's
 * review, 15 runs each.) Setting the budget raises `READY` too, so the wait always settles (Node 20
 * does not hold a process open for a pending `Atomics.waitAsync`, but later versions might).
 */
export function workerEngineFlags(execArgv: readonly string[] = process.execArgv): WorkerEngineFlags {
  const now = engineFlags(execArgv);
  if (later === undefined) return { engineFlags: now };
  if (!handedOut) {
    const armed = later;
    // Only for the budget it was armed for (`tuneEngineLater` may have chosen another since).
    void Promise.resolve(waitAsync(armed.slots, READY, 0).value).then(() => later === armed && applyEngineFlags());
  }
  handedOut = true;
  return { engineFlags: [later.flag, now].filter((flags) => flags !== '').join(' '), engineFlagsSlots: later.slots };
}

/** Sets `flag` (of V8's flag `name`) and records it, unless Node's command line gives `name`. */
function setUnlessGiven(name: Tuned, flag: string, execArgv: readonly string[], set: (flags: string) => void): void {
  if (execArgv.some((arg) => valueOf(arg, name) !== undefined)) return;
  set(flag);
  setAtRunTime[name] = flag;
}

/**
 * The V8 flags in effect that the code cache keys its entries by (code-cache.ts): V8 refuses cached
 * data made under other flags (its flag hash includes both), so without them a run of the bin
 * and a run of the public API (which sets nothing) in the same project would each find the other's
 * entries refused and write their own, on every switch. Only these two: other V8 flags on Node's
 * command line are rare, and data V8 refuses costs a compile, never a wrong module.
 */
export function engineFlags(execArgv: readonly string[] = process.execArgv): string {
  // V8 takes the last of several, and `--interrupt_budget=N` is the same flag: one key for one value.
  const flags = TUNED.map((name) => {
    const given = execArgv.map((arg) => valueOf(arg, name)).findLast((value) => value !== undefined);
    return given === undefined ? setAtRunTime[name] : `--${name}=${given}`;
  });
  return flags.filter((flag) => flag !== '').join(' ');
}

/** In a worker thread: raised once the parent has set the flags it named (`WorkerEngineFlags`). */
let flagsSlots: Int32Array | undefined;

/**
 * In a worker thread, the flags its parent gave it (`workerEngineFlags()` there), called on its first
 * line, once its modules have loaded: V8's flags are the process's, so this thread records them; a
 * budget the parent has still to set is asked for now (`READY`) and waited for before the first
 * compile keyed by the flags (`settleEngineFlags`).
 */
export function adoptEngineFlags({ engineFlags: flags, engineFlagsSlots }: WorkerEngineFlags): void {
  const each = flags.split(' ');
  for (const name of TUNED) setAtRunTime[name] = each.find((flag) => valueOf(flag, name) !== undefined) ?? '';
  flagsSlots = engineFlagsSlots;
  if (flagsSlots === undefined) return;
  Atomics.store(flagsSlots, READY, 1);
  Atomics.notify(flagsSlots, READY);
}

/**
 * Before a compile keyed by the flags (code-cache.ts), so that the key names the flags V8 compiles
 * under whatever the timing: on the thread that chose the budget, once a worker was given it, sets
 * it now if no worker has asked for it yet; in a worker whose parent has still to set the budget it
 * named, waits until it has (once a worker asked for it, `workerEngineFlags`, or at the parent's
 * own first such compile).
 */
export function settleEngineFlags(): void {
  if (handedOut) applyEngineFlags();
  if (flagsSlots === undefined) return;
  while (Atomics.load(flagsSlots, SET) === 0) Atomics.wait(flagsSlots, SET, 0);
  flagsSlots = undefined;
}

/**
 * The value of V8's flag `name` in a command-line argument, as V8 parses its flags (one dash or
 * two, `_` or `-`: `--interrupt_budget=N` is the same flag), or undefined for any other argument
 * (V8's `--interrupt-budget-for-feedback-allocation=N` and its like are other flags).
 */
function valueOf(arg: string, name: Tuned): string | undefined {
  return FLAG_PATTERNS[name].exec(arg)?.[1];
}

/** Each tuned flag's pattern in a command-line argument (`valueOf`), made once. */
const FLAG_PATTERNS = Object.fromEntries(TUNED.map((name) => [name, new RegExp(`^--?${name.replaceAll('-', '[-_]')}=(.*)$`)])) as Record<Tuned, RegExp>;

/**
 * A full garbage collection on request, in the bin's process only: the bin calls
 * `allowHeapControl` (as it chooses the interrupt budget above); the public API runs
 * inside someone else's process, where `collectGarbage` and `preferSmallHeaps` (below) do nothing.
 *
 * Why: a render reads only the selected subset, so once it is cut, nearly all of a large spec's
 * tree is garbage (GitHub's 13 MB document is over 100 MB of heap). V8 would collect it in its own
 * time, after the heap had grown further for TypeScript's compiler and the render, each fresh page
 * a page fault (about 20 µs here). Collected at once, the pages it held are what the render reuses.
 * Measured, medians of 5 interleaved runs (README, "Performance", "Start-up"): one operation of
 * GitHub's document peaked at 186 MiB instead of 224, of the 3 MB OpenAI document at 167 instead
 * of 189, in the same wall time; the collection itself takes about 8 ms.
 *
 * Node 20 has no API for it: V8's `gc` function exists in a context created while `--expose-gc`
 * is set. The flag is set for that moment only (on first use, so a run that never collects sets
 * none) and unset at once: V8's flag hash includes it, and cached data made under one hash is
 * refused under another. Left set, it would have made a run that collected refuse the code cache's
 * entries (code-cache.ts, keyed by `engineFlags` above) of every module it compiled afterwards and
 * rewrite them, for the next run that does not collect to refuse again (measured: typescript.js's
 * 2.7 MB entry rewritten on every switch). The function keeps working once the flag is unset.
 */
let allowed = false;
/** V8's `gc` once looked up; `null` where none could be had (the run goes on without collecting). */
let gc: (() => void) | null | undefined;

/** Lets `collectGarbage` collect and `preferSmallHeaps` set its flag in this process (the bin's). */
export function allowHeapControl(): void {
  allowed = true;
}

/** V8's heap growing factor once a render is large: 1.5 (`preferSmallHeaps`). */
export const HEAP_GROWING_FLAG = '--heap-growing-percent=50';

/**
 * Makes every heap of the process (the main thread's and the format workers') grow to 1.5 times
 * what a full collection left live, in the bin's process only, unless Node's command line set a
 * factor; `set` is V8's flag setter (a test's spy). `generate`, `check` and `release` call it
 * before they start any worker when the spec is a file of at least 1 MB rendered whole
 * (cli/command.ts `withFormatAhead`), and
 * the format pool when a package's text makes it large (format-jobs.ts `PARALLEL_CHARS`), so a
 * small render runs as before.
 *
 * Why: V8 picks the factor itself, up to 4 when little of the time goes to collecting, and a large
 * render allocates much and keeps little. GitHub's `--all` (`--trace-gc`): the main thread's heap
 * grew to 431 MiB with 61 MiB live at the end, each format worker's to about 190 MiB with 20-30 MiB
 * live after each collection. With the factor at 1.5, five interleaved pairs peaked at 522 MiB
 * (median) against 873, for 8.5% more wall time: 61 s of CPU against 55 (more full collections in
 * the workers; README, "Performance"). A factor of 1.2 peaked no lower, 2 and 3 higher.
 *
 * V8's flag hash includes the factor, so from here on the code cache keys by it (`engineFlags`),
 * and an entry of a module compiled before is not written afterwards (code-cache.ts): its data
 * would carry the new hash under the old key. `before` runs just before the flag is set (the
 * callers write those entries then: from the format pool, TypeScript's compiler and ts-morph, loaded
 * by then, would otherwise never be cached by a project whose every run is large; set before a
 * render, the flag is in effect when they load, and they are cached under it).
 */
export function preferSmallHeaps(before: () => void = () => undefined, execArgv: readonly string[] = process.execArgv, set: (flags: string) => void = setFlagsFromString): void {
  if (!allowed || setAtRunTime['heap-growing-percent'] !== '') return;
  setUnlessGiven('heap-growing-percent', HEAP_GROWING_FLAG, execArgv, (flag) => {
    before();
    // With the budget, if it is still to be set: both are in effect before what follows compiles.
    applyEngineFlags(set);
    set(flag);
  });
}

/**
 * A full collection, after an `await` (what the caller's callers let go of is garbage by then). A
 * suspended async function keeps every variable of its frame, whether it reads it again or not:
 * what should go must not be in a variable of the caller's (pipeline.ts loads and cuts the subset
 * in a function that has returned).
 */
export async function collectGarbage(): Promise<void> {
  await undefined;
  if (!allowed) return;
  gc ??= lookUpGc();
  gc?.();
}

/**
 * V8's `gc`: the global one when Node's command line exposed it (its flags are then left alone),
 * else from a context made while the flag is set, unset whatever happens; `null` when there is none.
 * (A format worker that compiles in that moment has one code cache entry refused: a compile, never
 * a wrong module.)
 */
function lookUpGc(): (() => void) | null {
  const global = (globalThis as { gc?: unknown }).gc;
  if (typeof global === 'function') return global as () => void;
  setFlagsFromString('--expose-gc');
  try {
    const found: unknown = runInNewContext('typeof gc === "function" ? gc : null');
    return typeof found === 'function' ? (found as () => void) : null;
  } catch {
    return null;
  } finally {
    setFlagsFromString('--no-expose-gc');
  }
}
