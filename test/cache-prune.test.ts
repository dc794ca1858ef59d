/**
 * A render prunes its project's cache folder as it exits (generator/cache-prune.ts): entries no
 * run used for 30 days go, once a day; what the run used stays.
 */
import { existsSync, mkdirSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { spawnCli } from './helpers/cli.ts';
import { tempProject, type TempProject } from './helpers/project.ts';

const DAY = 24 * 60 * 60 * 1000;
let app: TempProject | undefined;
afterEach(() => {
  app?.remove();
  app = undefined;
});

describe('cache pruning in a real run', () => {
  it('generate deletes format entries unused for 30 days and keeps the ones it wrote; a second run that day prunes nothing', () => {
    app = tempProject();
    // With a node_modules folder the project's cache is its own (node_modules/.cache/openapi-morph).
    mkdirSync(join(app.dir, 'node_modules'));
    const cache = join(app.dir, 'node_modules', '.cache', 'openapi-morph');
    const plant = (path: string) => {
      const file = join(cache, path);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, 'stale');
      utimesSync(file, new Date(Date.now() - 40 * DAY), new Date(Date.now() - 40 * DAY));
      return file;
    };
    const stale = [plant('format-2/00/00stale'), plant('selections/stale.json')];
    const run = (args: readonly string[]) => {
      const result = spawnCli(args, app!.dir);
      expect([result.code, result.stderr]).toStrictEqual([0, '']);
    };
    run(['generate']);
    expect(stale.filter((file) => existsSync(file))).toStrictEqual([]);
    const written = readdirSync(join(cache, 'format-2'), { recursive: true }).filter((name) => /[0-9a-f]{64}$/.test(String(name)));
    expect(written.length).toBeGreaterThan(5);
    const later = plant('format-2/00/00stale-later');
    run(['generate', '--force']);
    expect(existsSync(later)).toBe(true);
    expect(readdirSync(join(cache, 'format-2'), { recursive: true }).filter((name) => /[0-9a-f]{64}$/.test(String(name)))).toStrictEqual(written);
  });
});
