/**
 * A render collects a large spec's tree as soon as the subset is cut (generator/engine-flags.ts `collectGarbage`,
 * pipeline.ts `loadSelected`): the bin does so for a large spec of which the subset keeps less than
 * half, and only then; and when it does, no frame holds the whole tree any longer, so the
 * collection frees it. Isolated (vitest.config.ts): it replaces two modules with `vi.mock`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { allowHeapControl } from '../generator/engine-flags.ts';
import { loadConfig } from '../generator/config/load.ts';
import { render } from '../generator/pipeline.ts';
import { spawnCli } from './helpers/cli.ts';
import { tempProject, type TempProject } from './helpers/project.ts';

/** The root of every document `loadSpecFile` loaded, held weakly; at each collection which of them were gone; the V8 flags set. */
const { loaded, collections, flags } = vi.hoisted(() => ({ loaded: [] as WeakRef<object>[], collections: [] as boolean[][], flags: [] as string[] }));

vi.mock('node:v8', async (original) => {
  const actual = await original<typeof import('node:v8')>();
  const setFlagsFromString = (value: string): void => {
    flags.push(value);
    actual.setFlagsFromString(value);
  };
  return { ...actual, setFlagsFromString, default: { ...actual, setFlagsFromString } };
});

vi.mock('../generator/load/index.ts', async (original) => {
  const actual = await original<typeof import('../generator/load/index.ts')>();
  return {
    ...actual,
    loadSpecFile: async (...args: Parameters<typeof actual.loadSpecFile>) => {
      const spec = await actual.loadSpecFile(...args);
      loaded.push(new WeakRef(spec.document));
      // A WeakRef's target is kept until the job that made it ends: end it here, so that the
      // collection below runs exactly when the render's own does.
      await new Promise((resolve) => setImmediate(resolve));
      return spec;
    },
  };
});

vi.mock('../generator/engine-flags.ts', async (original) => {
  const actual = await original<typeof import('../generator/engine-flags.ts')>();
  return {
    ...actual,
    collectGarbage: async () => {
      await actual.collectGarbage();
      collections.push(loaded.map((tree) => tree.deref() === undefined));
    },
  };
});

const probe = fileURLToPath(new URL('./helpers/load-order.mjs', import.meta.url));
const FILLER = 'x'.repeat(1.1 * 1024 * 1024);

/**
 * A JSON spec over 1 MiB with `paths` operations (`getItem0`...), one schema each; the second
 * operation carries the bulk (`filler`, an extension no render reads: a small spec with 'x'), so a
 * render of the first stays small. OpenAPI 3.1, or Swagger 2.0 (converted to 3.0 when loaded).
 */
function largeSpec(paths: number, version: '3.1' | '2.0' = '3.1', filler = FILLER): string {
  const ref = (i: number) => ({ $ref: `#/${version === '2.0' ? 'definitions' : 'components/schemas'}/Item${i}` });
  const ok = (i: number) => (version === '2.0' ? { description: 'The item.', schema: ref(i) } : { description: 'The item.', content: { 'application/json': { schema: ref(i) } } });
  const operation = (i: number) => ({ operationId: `getItem${i}`, ...(i === 1 ? { 'x-filler': filler } : {}), responses: { '200': ok(i) } });
  const items = Array.from({ length: paths }, (_, i) => i);
  const schemas = Object.fromEntries(items.map((i) => [`Item${i}`, { type: 'object', properties: { id: { type: 'string' } } }]));
  return JSON.stringify({
    ...(version === '2.0' ? { swagger: '2.0', host: 'items.example.com', schemes: ['https'], produces: ['application/json'] } : { openapi: '3.1.0', servers: [{ url: 'https://items.example.com' }] }),
    info: { title: 'Items', version: '1.0.0' },
    paths: Object.fromEntries(items.map((i) => [`/items/${i}`, { get: operation(i) }])),
    ...(version === '2.0' ? { definitions: schemas } : { components: { schemas } }),
  });
}

const projects: TempProject[] = [];
afterEach(() => {
  for (const p of projects.splice(0)) p.remove();
});

function project(spec?: string): TempProject {
  const p = tempProject({
    ...(spec ? { spec, specName: 'spec/openapi.json' } : {}),
    ...(spec ? { config: { spec: 'spec/openapi.json', select: { include: [{ by: 'operationId', pattern: 'getItem0' }] } } } : {}),
  });
  projects.push(p);
  return p;
}

/**
 * `generate` by the bin: whether it collected (set `--expose-gc`, which it unsets next, so that V8's
 * flag hash, which keys the code cache's data, is as before), and after reading what.
 */
function collectedByBin(p: TempProject): { collected: boolean; after: string | undefined } {
  const log = join(p.dir, 'load-order.log');
  const run = spawnCli(['generate'], p.dir, { LOAD_ORDER_LOG: log }, { preload: [probe] });
  expect([run.code, run.stderr]).toStrictEqual([0, '']);
  const events = readFileSync(log, 'utf8').split('\n');
  const at = events.indexOf('v8 --expose-gc');
  // Unset at once (the bin's interrupt budget may be set later: engine-flags.ts `tuneEngineLater`).
  if (at >= 0) expect(events[at + 1]).toBe('v8 --no-expose-gc');
  if (at >= 0) expect(events.slice(at + 1).filter((e) => e.includes('expose-gc'))).toStrictEqual(['v8 --no-expose-gc']);
  return { collected: at >= 0, after: events.slice(0, Math.max(at, 0)).findLast((e) => e.startsWith('read ')) };
}

describe('a large spec is collected once its subset is cut', () => {
  it('the bin collects after reading a large spec (3 paths) of which one operation is selected', () => {
    const p = project(largeSpec(3));
    expect(collectedByBin(p)).toStrictEqual({ collected: true, after: `read ${join(p.dir, 'spec/openapi.json')}` });
  });

  it('but not for a small spec (the same 3 paths, under 1 MiB), nor for a large one whose subset keeps half of it (1 of 2 paths)', () => {
    expect(collectedByBin(project(largeSpec(3, '3.1', 'x'))).collected).toBe(false);
    expect(collectedByBin(project(largeSpec(2))).collected).toBe(false);
  });

  // First: once a test has allowed collecting, this process may.
  it('the public API (a render in this process, which is no bin) never collects, and sets no V8 flag', async () => {
    const p = project(largeSpec(3));
    await render(await loadConfig({ cwd: p.dir }));
    expect(flags).toStrictEqual([]);
    collections.length = loaded.length = 0;
  });

  it.each([
    ['OpenAPI 3.1', '3.1'],
    ['Swagger 2.0, converted', '2.0'],
  ] as const)('when it collects, no frame holds the whole tree: the collection frees it (%s)', async (_, version) => {
    allowHeapControl();
    const p = project(largeSpec(3, version));
    const result = await render(await loadConfig({ cwd: p.dir }));
    expect(result.selected.operations.map((o) => o.operationId)).toStrictEqual(['getItem0']);
    expect(collections.splice(0)).toStrictEqual([loaded.map(() => true)]);
    loaded.length = 0;
    // V8's gc was looked up once, with the flag unset right after (V8's flag hash keys the code cache's data).
    expect(flags).toStrictEqual(['--expose-gc', '--no-expose-gc']);
  });
});
