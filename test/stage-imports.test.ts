/**
 * The generator's stages import only downward, and no generator module imports itself through
 * others. STAGES below is the one place the order is written: a module may import modules of its
 * own stage and of stages listed before it. A file or folder under generator/ missing from the
 * list fails too, so a new stage has to be placed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './helpers/cli.ts';

/** Bottom first. Each entry: a stage name and the folders (`load/`) or top-level files (`json.ts`) it holds. */
const STAGES: readonly (readonly [string, readonly string[]])[] = [
  ['helpers', ['json.ts', 'pointer.ts', 'hash.ts', 'heavy.ts', 'code-cache.ts', 'commonjs-module.ts', 'ts-morph-lib-files.ts', 'ts-morph-glob-packages.ts', 'code-block-writer-fields.ts', 'code-block-writer-scan.ts', 'ts-morph-single-separated.ts', 'redocly-ref-utils.ts', 'openapi-typescript-walk.ts', 'meta-schema-branches.ts', 'toolkit.ts', 'import-module.ts', 'module-transform.ts', 'display-path.ts', 'cache-dir.ts', 'cache-prune.ts', 'file-identity.ts', 'engine-flags.ts', 'worker-script.ts', 'did-you-mean.ts', 'glob.ts', 'installed-version.ts', 'package-identity.ts', 'progress.ts', 'typescript-module.ts']],
  ['diagnostics', ['diagnostics/']],
  ['naming', ['naming/']],
  ['escape', ['escape/']],
  ['openapi', ['openapi/', 'schema-walk.ts']],
  ['load', ['load/', 'spec-context.ts']],
  ['select', ['select/']],
  ['config', ['config/']],
  ['normalize', ['normalize/']],
  ['model', ['model/']],
  ['types', ['types/']],
  ['releases', ['releases.ts']],
  ['template-api', ['template-api/']],
  ['emit', ['emit/']],
  ['format', ['format/']],
  ['write', ['write/']],
  ['overlay', ['overlay/']],
  ['inputs', ['inputs/']],
  ['pipeline', ['pipeline.ts', 'generate.ts', 'package-policy.ts']],
  ['diff', ['diff/']],
  ['release', ['release/']],
  ['sync', ['sync/']],
  ['init', ['init/']],
  ['cli', ['cli/', 'bin/']],
  ['entry', ['index.ts']],
];

const generatorDir = join(repoRoot, 'generator');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|js)$/.test(entry.name) ? [relative(generatorDir, path).split('\\').join('/')] : [];
  });
}

function stageOf(file: string): number {
  return STAGES.findIndex(([, members]) => members.some((m) => (m.endsWith('/') ? file.startsWith(m) : file === m)));
}

/** Relative imports and re-exports of a file (static, dynamic and type-only), as generator-relative paths. */
function importsOf(file: string): string[] {
  const text = readFileSync(join(generatorDir, file), 'utf8');
  const specifiers = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?['"](\.[^'"]+)['"]|\bimport\(\s*['"](\.[^'"]+)['"]\s*\)/g)].map((m) => (m[1] ?? m[2])!);
  return specifiers.map((s) => relative(generatorDir, resolve(dirname(join(generatorDir, file)), s)).split('\\').join('/'));
}

const files = sourceFiles(generatorDir);
const graph = new Map(files.map((file) => [file, importsOf(file).filter((target) => !target.startsWith('..'))]));

describe('generator stages', () => {
  it('every generator file belongs to a stage', () => {
    expect(files.filter((file) => stageOf(file) < 0)).toStrictEqual([]);
  });

  it('imports go to the same stage or one listed before it', () => {
    const upward = [...graph].flatMap(([file, targets]) =>
      targets.filter((target) => stageOf(target) > stageOf(file)).map((target) => `${file} (${STAGES[stageOf(file)]![0]}) imports ${target} (${STAGES[stageOf(target)]?.[0]})`),
    );
    expect(upward).toStrictEqual([]);
  });

  it('no import cycle between generator files', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (file: string, path: string[]): void => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') {
        cycles.push([...path.slice(path.indexOf(file)), file].join(' -> '));
        return;
      }
      state.set(file, 'open');
      for (const target of graph.get(file) ?? []) visit(target, [...path, file]);
      state.set(file, 'done');
    };
    for (const file of [...graph.keys()].sort()) visit(file, []);
    expect(cycles).toStrictEqual([]);
  });

  it('the checker sees imports: a known downward import is found', () => {
    expect(graph.get('select/index.ts')).toContain('diagnostics/diagnostic.ts');
  });
});
