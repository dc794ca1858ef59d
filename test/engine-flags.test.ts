/**
 * The bin raises V8's interrupt budget (generator/engine-flags.ts): that V8 honours a budget set
 * while the process runs, that the bin sets it once a render's format worker is online and before
 * other commands work (the real bin, with test/helpers/load-order.mjs logging what it does in
 * order), and that a budget on Node's own command line is left alone.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { adoptEngineFlags, applyEngineFlags, engineFlags, HEAP_GROWING_FLAG, INTERRUPT_BUDGET_FLAG, tuneEngine, tuneEngineLater, workerEngineFlags } from '../generator/engine-flags.ts';
import { binPath, repoRoot } from './helpers/cli.ts';
import { tempProject, type TempProject } from './helpers/project.ts';

const probe = fileURLToPath(new URL('./helpers/load-order.mjs', import.meta.url));

let project: TempProject | undefined;
/**
 * What this process set at run time before these tests (nothing: vitest's worker is no bin).
 * `tuneEngine` with a spy records its flag all the same, and the worker's later files share this
 * module (`isolate: false`): without the restore they would key the code cache by a budget V8
 * does not run with.
 */
const atStart = engineFlags([]);
afterEach(() => {
  project?.remove();
  adoptEngineFlags({ engineFlags: atStart });
});

/**
 * Whether V8 has optimized a small function after 100 calls, in a fresh process that first sets
 * `flags` the way the bin does (at run time, not on the command line). Optimization is synchronous
 * here (`--no-concurrent-recompilation`), so the answer does not depend on the machine's speed.
 */
function optimizedAfter100Calls(flags: string | undefined): boolean {
  const script = [
    "import { setFlagsFromString } from 'node:v8';",
    `const flags = ${JSON.stringify(flags ?? '')};`,
    'if (flags) setFlagsFromString(flags);',
    'function work(n) { let s = 0; for (let i = 0; i < n; i++) s = (s + i * 31) % 1000003; return s; }',
    'let total = 0;',
    'for (let k = 0; k < 100; k++) total += work(100);',
    // Bit 4 of V8's optimization status: the function runs optimized code.
    "console.log(total >= 0 && (eval('%GetOptimizationStatus(work)') & 16) !== 0);",
  ].join('\n');
  const run = spawnSync(process.execPath, ['--allow-natives-syntax', '--no-concurrent-recompilation', '--input-type=module', '-e', script], { encoding: 'utf8' });
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout) as boolean;
}

/** The bin's `--version` (or `args`, in a project with `spec`) with the probe preloaded and `nodeFlags` before it: the V8 flags it set, in order. */
function flagsSetByBin(nodeFlags: readonly string[], args: readonly string[] = ['--version'], spec?: string, config?: Record<string, unknown>): { events: string[]; code: number | null } {
  project?.remove();
  project = tempProject({ ...(spec === undefined ? {} : { spec }), ...(config === undefined ? {} : { config }) });
  const log = join(project.dir, 'load-order.log');
  const run = spawnSync(process.execPath, [...nodeFlags, '--import', pathToFileURL(probe).href, binPath, ...args], { cwd: project.dir, encoding: 'utf8', env: { ...process.env, LOAD_ORDER_LOG: log } });
  let events: string[] = [];
  try {
    events = readFileSync(log, 'utf8').split('\n');
  } catch {
    // Nothing logged.
  }
  return { events, code: run.status };
}

/** The compiled module at `path` under dist/generator, as a string literal of its URL. */
const compiled = (path: string) => JSON.stringify(pathToFileURL(join(repoRoot, 'dist/generator', path)).href);

/** What an ES module of `lines`, run in a fresh process, printed as JSON (it must print nothing on stderr). */
function printedBy(lines: readonly string[]): unknown {
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', lines.join('\n')], { encoding: 'utf8', timeout: 30_000 });
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout) as unknown;
}

describe('the CLI raises V8 interrupt budget', () => {
  it('V8 honours a budget set at run time: a function the default budget optimizes after 100 calls is not optimized with this one', () => {
    expect(optimizedAfter100Calls(undefined)).toBe(true);
    expect(optimizedAfter100Calls(INTERRUPT_BUDGET_FLAG)).toBe(false);
  });

  it("generate sets it once the render's format worker has loaded its modules (Node's modules a worker compiles are cached for the default flags) or just before a compile keyed by the flags (the schema validator's), whichever comes first; before TypeScript's compiler loads", () => {
    const { events, code } = flagsSetByBin([], ['generate']);
    expect(code).toBe(0);
    const relevant = events.filter((e) => e.startsWith('v8 ') || (e.startsWith('worker ') && e.endsWith('/format-worker.js')) || e.endsWith('/typescript/lib/typescript.js'));
    const named = relevant.map((e) => (e.startsWith('open ') ? 'typescript' : e.startsWith('v8 ') ? e : 'worker'));
    expect(named).toStrictEqual(['worker', `v8 ${INTERRUPT_BUDGET_FLAG}`, 'typescript']);
    // After the worker is online (it loads its modules after that), or just before a compile through the code cache.
    const at = events.indexOf(`v8 ${INTERRUPT_BUDGET_FLAG}`);
    const online = events.findIndex((e) => e.startsWith('online ') && e.endsWith('/format-worker.js'));
    expect((online >= 0 && online < at) || /^open .*\.c?js$/.test(events[at + 1]!)).toBe(true);
  });

  it('a render with formatting off sets it before TypeScript loads, with no worker; release starts its format worker first, as generate does', () => {
    const off = flagsSetByBin([], ['generate'], undefined, { output: { format: false } });
    expect(off.code).toBe(0);
    const named = (events: readonly string[]) =>
      events.filter((e) => e.startsWith('v8 ') || e.startsWith('worker ') || e.endsWith('/typescript/lib/typescript.js')).map((e) => (e.startsWith('open ') ? 'typescript' : e.startsWith('worker ') ? 'worker' : e));
    expect(named(off.events)).toStrictEqual([`v8 ${INTERRUPT_BUDGET_FLAG}`, 'typescript']);
    // A project generated once, its spec's version changed by hand, then recorded.
    const spec = readFileSync(join(repoRoot, 'spec/openapi.yaml'), 'utf8');
    expect(flagsSetByBin([], ['generate'], spec).code).toBe(0);
    const dir = project!.dir;
    project!.write('spec/openapi.yaml', spec.replace(/^( {2}version: ).*$/m, '$19.9.9'));
    const log = join(dir, 'release.log');
    const run = spawnSync(process.execPath, ['--import', pathToFileURL(probe).href, binPath, 'release', '--bump', 'patch'], { cwd: dir, encoding: 'utf8', env: { ...process.env, LOAD_ORDER_LOG: log } });
    expect([run.status, run.stderr]).toStrictEqual([0, '']);
    expect(named(readFileSync(log, 'utf8').split('\n')).slice(0, 3)).toStrictEqual(['worker', `v8 ${INTERRUPT_BUDGET_FLAG}`, 'typescript']);
  });

  it('a command that starts no worker ahead sets it before it works: extract, before it reads the spec', () => {
    const { events, code } = flagsSetByBin([], ['extract', '--from', 'spec/openapi.yaml', '--out', 'subset.yaml', '--all']);
    expect(code).toBe(0);
    const relevant = events.filter((e) => e.startsWith('v8 ') || e.startsWith('read ') || e.startsWith('worker '));
    expect(relevant[0]).toBe(`v8 ${INTERRUPT_BUDGET_FLAG}`);
    expect(relevant.filter((e) => e.startsWith('v8 '))).toStrictEqual([`v8 ${INTERRUPT_BUDGET_FLAG}`]);
    expect(relevant.some((e) => e.startsWith('read ') && e.endsWith('openapi.yaml'))).toBe(true);
  });

  it('tuneEngineLater chooses the budget without setting it; applyEngineFlags sets it once and raises the slot the workers given it wait on', () => {
    try {
      const set: string[] = [];
      tuneEngineLater(['--interrupt-budget=5000']);
      applyEngineFlags((flags) => set.push(flags));
      expect(set).toStrictEqual([]);
      expect(workerEngineFlags([])).toStrictEqual({ engineFlags: '' });
      tuneEngineLater([]);
      expect(set).toStrictEqual([]);
      expect(engineFlags([])).toBe('');
      const given = workerEngineFlags([]);
      expect(given.engineFlags).toBe(INTERRUPT_BUDGET_FLAG);
      expect(Atomics.load(given.engineFlagsSlots!, 0)).toBe(0);
      applyEngineFlags((flags) => set.push(flags));
      applyEngineFlags((flags) => set.push(flags));
      expect(set).toStrictEqual([INTERRUPT_BUDGET_FLAG]);
      expect(Atomics.load(given.engineFlagsSlots!, 0)).toBe(1);
      expect(engineFlags([])).toBe(INTERRUPT_BUDGET_FLAG);
      expect(workerEngineFlags([])).toStrictEqual({ engineFlags: INTERRUPT_BUDGET_FLAG });
    } finally {
      // Nothing chosen, nothing given: the files after this one in this worker (`isolate: false`) find the module as it was.
      tuneEngineLater(['--interrupt-budget=5000']);
    }
  });

  it('the budget chosen is set once a worker given it has loaded its modules (adoptEngineFlags, on its first line), not when it is started nor when it is online', () => {
    project?.remove();
    project = tempProject();
    // Its modules take 300 ms to load.
    project.write('slow-worker.mjs', `import { parentPort, workerData } from 'node:worker_threads';\nawait new Promise((resolve) => setTimeout(resolve, 300));\nconst flags = await import(${compiled('engine-flags.js')});\nflags.adoptEngineFlags(workerData);\nparentPort.postMessage('adopted');\n`);
    const printed = printedBy([
      `const flags = await import(${compiled('engine-flags.js')});`,
      'flags.tuneEngineLater();',
      `const { startWorker } = await import(${compiled('worker-script.js')});`,
      `const worker = startWorker(new URL(${JSON.stringify(pathToFileURL(join(project.dir, 'slow-worker.mjs')).href)}), { workerData: flags.workerEngineFlags() });`,
      'const seen = [flags.engineFlags()];',
      // At 'online' and halfway through the 300 ms: not yet.
      "worker.on('online', () => { seen.push(flags.engineFlags()); setTimeout(() => seen.push(flags.engineFlags()), 150); });",
      // Its answer and the budget come by two roads: the budget is looked for until it is set, for at most 5 s.
      "worker.on('message', () => { const end = Date.now() + 5000; const look = () => (flags.engineFlags() !== '' || Date.now() > end ? (console.log(JSON.stringify([...seen, flags.engineFlags()])), worker.terminate()) : setTimeout(look, 5)); look(); });",
    ]);
    expect(printed).toStrictEqual(['', '', '', INTERRUPT_BUDGET_FLAG]);
  });

  it('a budget chosen again releases the slots given out for the one before (both raised), whose READY then sets nothing', () => {
    const printed = printedBy([
      `const flags = await import(${compiled('engine-flags.js')});`,
      'flags.tuneEngineLater();',
      'const old = flags.workerEngineFlags().engineFlagsSlots;',
      "flags.tuneEngineLater(['--interrupt-budget=5000']);",
      'const raised = [Atomics.load(old, 0), Atomics.load(old, 1)];',
      // The old wait settles now: it must not set the budget chosen after it (here none; on a later choice, that one).
      'flags.tuneEngineLater();',
      'setTimeout(() => console.log(JSON.stringify([...raised, flags.engineFlags([])])), 50);',
    ]);
    expect(printed).toStrictEqual([1, 1, '']);
  });

  it('a worker given a budget still to be set waits for it before a compile keyed by the flags (settleEngineFlags), until its parent raises the slot', async () => {
    const script = `const { parentPort, workerData } = await import('node:worker_threads'); const flags = await import(${compiled('engine-flags.js')}); flags.adoptEngineFlags(workerData); parentPort.postMessage('waiting'); flags.settleEngineFlags(); parentPort.postMessage(flags.engineFlags([]));`;
    // The slots: SET (0), which the parent raises, and READY (1), which the worker raises as it adopts the flags.
    const engineFlagsSlots = new Int32Array(new SharedArrayBuffer(8));
    const worker = new Worker(`import(${JSON.stringify(`data:text/javascript,${encodeURIComponent(script)}`)});`, { eval: true, workerData: { engineFlags: INTERRUPT_BUDGET_FLAG, engineFlagsSlots } });
    const messages: string[] = [];
    let told = () => undefined as void;
    worker.on('message', (m: string) => {
      messages.push(m);
      told();
    });
    const until = (count: number) => new Promise<void>((resolve) => (told = () => void (messages.length >= count && resolve()))());
    try {
      await until(1);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(messages).toStrictEqual(['waiting']);
      expect(Atomics.load(engineFlagsSlots, 1)).toBe(1);
      Atomics.store(engineFlagsSlots, 0, 1);
      Atomics.notify(engineFlagsSlots, 0);
      await until(2);
      expect(messages).toStrictEqual(['waiting', INTERRUPT_BUDGET_FLAG]);
    } finally {
      await worker.terminate();
    }
  });

  it("a budget on Node's command line is left as it is, and the format worker starts with it (a worker inherits V8 flags only by Node's default: given explicitly, Node refuses them)", () => {
    const { events, code } = flagsSetByBin(['--interrupt-budget=5000'], ['generate']);
    expect(code).toBe(0);
    expect(events.filter((e) => e.startsWith('v8 '))).toStrictEqual([]);
    expect(events.some((e) => e.startsWith('worker ') && e.endsWith('/format-worker.js'))).toBe(true);
  });

  it('tuneEngine: the flag, unless the command line has a budget', () => {
    const set: string[] = [];
    tuneEngine(['--max-old-space-size=100'], (flags) => set.push(flags));
    tuneEngine(['--interrupt-budget=5000'], (flags) => set.push(flags));
    // Among other options too.
    tuneEngine(['--max-old-space-size=100', '--interrupt_budget=5000'], (flags) => set.push(flags));
    expect(set).toStrictEqual([INTERRUPT_BUDGET_FLAG]);
    expect(INTERRUPT_BUDGET_FLAG).toBe('--interrupt-budget=1081344');
  });

  it("tuneEngine reads the command line as V8 does: `_` for `-` and one dash are the same budget, left alone; another flag of the same prefix is not a budget", () => {
    const set: string[] = [];
    for (const arg of ['--interrupt_budget=5000', '-interrupt-budget=5000', '-interrupt_budget=5000']) tuneEngine([arg], (flags) => set.push(`${arg}: ${flags}`));
    expect(set).toStrictEqual([]);
    const others = ['--interrupt-budget-for-feedback-allocation=100', '--interrupt-budget-factor-for-feedback-allocation=4', '--title=--interrupt-budget=5000'];
    for (const arg of others) tuneEngine([arg], (flags) => set.push(`${arg}: ${flags}`));
    expect(set).toStrictEqual(others.map((arg) => `${arg}: ${INTERRUPT_BUDGET_FLAG}`));
  });

  it('engineFlags (the code cache key): the budget V8 runs with, however it was spelled on the command line (the last one wins, as in V8)', () => {
    expect(engineFlags(['--interrupt_budget=5000'])).toBe('--interrupt-budget=5000');
    expect(engineFlags(['-interrupt-budget=5000'])).toBe('--interrupt-budget=5000');
    expect(engineFlags(['--interrupt-budget=5000', '--interrupt-budget=9000'])).toBe('--interrupt-budget=9000');
    expect(engineFlags(['--interrupt-budget=5000', '--max-old-space-size=100'])).toBe('--interrupt-budget=5000');
    // Not a budget: the key is that of no flag on the command line.
    expect(engineFlags(['--interrupt-budget-for-feedback-allocation=100'])).toBe(engineFlags([]));
  });

  it('with no budget on the command line and none set, the key is empty (the public API, which sets nothing)', () => {
    expect(engineFlags([])).toBe('');
  });

  it("leaves this process's run-time flags as it found them: a file run after this one in the same worker (vitest's `isolate: false`) keys the code cache as V8 runs", () => {
    expect(engineFlags([])).toBe(atStart);
  });

  it("a budget spelled with `_` on Node's command line is left as it is too", () => {
    const { events, code } = flagsSetByBin(['--interrupt_budget=5000']);
    expect(code).toBe(0);
    expect(events.filter((e) => e.startsWith('v8 '))).toStrictEqual([]);
  });
});

/**
 * The heap growing factors V8 used after each full collection of the main thread, in a fresh
 * process with `nodeFlags` that runs `script` (an ES module) and then collects: V8 prints the
 * factor with the new limit (`--trace-gc-verbose`), after the one it chose itself was printed.
 */
function growingFactors(nodeFlags: readonly string[], script: string): string[] & { readonly keyedBy?: string; readonly before?: { factors: string[]; keyedBy?: string } } {
  // A fixed heap limit: V8's own first factor depends on it (with a limit of 650-850 MB it is 1.5 too).
  const run = spawnSync(process.execPath, ['--trace-gc-verbose', '--expose-gc', '--max-old-space-size=4096', ...nodeFlags, '--input-type=module', '-e', `${script}\nconst keep = []; for (let i = 0; i < 300000; i++) keep.push({ i }); gc(); console.log('kept', keep.length);`], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  expect(run.status).toBe(0);
  expect(run.stdout).toContain('kept 300000');
  const read = (out: string) => ({
    factors: [...out.matchAll(/\[HeapController\] Limit: .*\((\d+\.\d)\)$/gm)].map((match) => match[1]!),
    // What `posting` prints: the code cache's key at the end (of each part).
    keyedBy: [...out.matchAll(/^flags (.*)$/gm)].at(-1)?.[1],
  });
  const [first, second] = run.stdout.split(/^more$/m);
  const after = read(second ?? first!);
  return Object.assign(after.factors, after.keyedBy === undefined ? {} : { keyedBy: after.keyedBy }, second === undefined ? {} : { before: read(first!) });
}

/**
 * A script that imports the compiled modules and posts `sizes` characters of text to a format pool,
 * one job each (JSON that fails at once); with `more`, it collects, posts that many more, and prints
 * `more`, so that the factors V8 used before and after are told apart in one process.
 */
function posting(sizes: readonly number[], { bin, more }: { bin: boolean; more?: number }): string {
  const post = (size: number) => `pool.format({ text: ']' + ' '.repeat(${size - 1}), parser: 'json', filepath: 'a.json' }, { kind: 'standalone', parsers: ['json'], all: false })`;
  return [
    `const flags = await import(${compiled('engine-flags.js')});`,
    `const { startFormatPool } = await import(${compiled('format/format-jobs.js')});`,
    bin ? 'flags.tuneEngine(); flags.allowHeapControl();' : '',
    "const pool = startFormatPool({ kind: 'standalone', parsers: ['json'], all: false }, 1);",
    ...sizes.map((size) => `await ${post(size)};`),
    // `more` printed once that job is posted (the pool takes it, and sets any flag, at once), before any collection after it;
    // on a line of its own even where V8's trace of the worker's heap (the same stdout, another thread) was mid-line.
    ...(more === undefined ? [] : [`gc(); console.log('\\nflags', flags.engineFlags()); const last = ${post(more)}; console.log('\\nmore'); await last;`]),
    'pool.close();',
    "console.log('\\nflags', flags.engineFlags());",
  ].join('\n');
}

describe('a large render lets the heaps grow less (engine-flags.ts `preferSmallHeaps`)', () => {
  it('V8 honours a growing factor set at run time: the limit after a full collection is 1.5 times what it left, not the factor V8 picks', () => {
    expect(HEAP_GROWING_FLAG).toBe('--heap-growing-percent=50');
    const set = growingFactors([], `(await import('node:v8')).setFlagsFromString(${JSON.stringify(HEAP_GROWING_FLAG)});`);
    expect(set.length).toBeGreaterThan(0);
    expect(new Set(set)).toStrictEqual(new Set(['1.5']));
    expect(growingFactors([], '').some((factor) => factor !== '1.5')).toBe(true);
  });

  it("the bin's format pool sets it once 2,000,000 characters of text were posted, not before; the code cache keys by it from then on", () => {
    const run = growingFactors([], posting([1_000_000, 999_999], { bin: true, more: 1 }));
    expect(run.before!.factors.some((factor) => factor !== '1.5')).toBe(true);
    expect(run.before!.keyedBy).toBe(INTERRUPT_BUDGET_FLAG);
    expect(new Set(run)).toStrictEqual(new Set(['1.5']));
    expect(run.keyedBy).toBe(`${INTERRUPT_BUDGET_FLAG} ${HEAP_GROWING_FLAG}`);
  }, 120_000);

  it('the public API (no bin: nothing allowed) never sets it, and a factor on Node\'s command line is left as it is', () => {
    const api = growingFactors([], posting([2_000_000], { bin: false }));
    expect(api.some((factor) => factor !== '1.5')).toBe(true);
    expect(api.keyedBy).toBe('');
    const given = growingFactors(['--heap-growing-percent=30'], posting([2_000_000], { bin: true }));
    expect(new Set(given)).toStrictEqual(new Set(['1.3']));
    expect(given.keyedBy).toBe(`${INTERRUPT_BUDGET_FLAG} --heap-growing-percent=30`);
  }, 120_000);

  it('the bin sets it before the render starts any worker when a spec file of at least 1 MB is rendered whole, not for some of its operations (selected, or all but excluded ones) nor for a smaller spec', () => {
    // Our spec with a comment that makes the file 1 MB: a large spec to the size check, a small render.
    const large = `${readFileSync(join(repoRoot, 'spec/openapi.yaml'), 'utf8')}\n${'#'.repeat(1024 * 1024)}\n`;
    const relevant = (events: readonly string[]) => events.filter((e) => e.startsWith('v8 --heap') || e.startsWith('worker ')).map((e) => (e.startsWith('worker ') ? 'worker' : e));
    const whole = flagsSetByBin([], ['generate', '--all'], large);
    expect(whole.code).toBe(0);
    expect(relevant(whole.events)[0]).toBe(`v8 ${HEAP_GROWING_FLAG}`);
    expect(relevant(whole.events)).toContain('worker');
    expect(relevant(whole.events).filter((e) => e !== 'worker')).toStrictEqual([`v8 ${HEAP_GROWING_FLAG}`]);
    // The budget too, set with it: before the first worker.
    expect(whole.events.filter((e) => e.startsWith('v8 ') || e.startsWith('worker ')).slice(0, 3).map((e) => (e.startsWith('worker ') ? 'worker' : e))).toStrictEqual([`v8 ${INTERRUPT_BUDGET_FLAG}`, `v8 ${HEAP_GROWING_FLAG}`, 'worker']);
    const some = flagsSetByBin([], ['generate', '--operation-id', 'create-realtime-session'], large);
    expect(some.code).toBe(0);
    expect(relevant(some.events)).toContain('worker');
    expect(relevant(some.events).filter((e) => e !== 'worker')).toStrictEqual([]);
    // With an exclude (here one that matches nothing): not known to be the whole spec before it is read.
    const excluded = flagsSetByBin([], ['generate'], large, { select: { include: 'all', exclude: [{ by: 'operationId', pattern: 'none-such' }] } });
    expect(excluded.code).toBe(0);
    expect(relevant(excluded.events).filter((e) => e !== 'worker')).toStrictEqual([]);
    const small = flagsSetByBin([], ['generate', '--all']);
    expect(small.code).toBe(0);
    expect(relevant(small.events).filter((e) => e !== 'worker')).toStrictEqual([]);
  }, 120_000);

  it('engineFlags names the factor set at run time or on the command line (a worker adopts both from its parent)', () => {
    adoptEngineFlags({ engineFlags: `${INTERRUPT_BUDGET_FLAG} ${HEAP_GROWING_FLAG}` });
    expect(engineFlags([])).toBe(`${INTERRUPT_BUDGET_FLAG} ${HEAP_GROWING_FLAG}`);
    expect(engineFlags(['--heap_growing_percent=30'])).toBe(`${INTERRUPT_BUDGET_FLAG} --heap-growing-percent=30`);
    adoptEngineFlags({ engineFlags: '' });
    expect(engineFlags(['--interrupt-budget=5000', '--heap-growing-percent=30'])).toBe('--interrupt-budget=5000 --heap-growing-percent=30');
    expect(engineFlags([])).toBe('');
  });
});
