import { sha256 } from '../../generator/hash.ts';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { repoRoot } from './cli.ts';

export interface TempProject {
  readonly dir: string;
  write(path: string, content: string): void;
  read(path: string): string;
  exists(path: string): boolean;
  /** path -> sha256 of every file under `sub` (default: the whole project). */
  snapshot(sub?: string): Record<string, string>;
  remove(): void;
}

/** A release history whose one release describes the given spec text (so `check` holds). */
export const releasesFor = (spec: string): string =>
  JSON.stringify({ releases: [{ version: '1.0.0', date: '2026-01-01', source: 'spec/openapi.yaml', summary: 'Test release.', changes: [], specSha256: sha256(spec) }] }, null, 2);

/**
 * A throwaway project folder: a spec, a release history and a config (`openapi-morph.config.mjs`,
 * plain JS so it loads from anywhere). `inRepo` puts it under the repository's `.scratch/`
 * instead of the OS temp folder, for files that import `openapi-morph` (team templates).
 */
export function tempProject(options: { spec?: string; specName?: string; config?: Record<string, unknown> | string; inRepo?: boolean } = {}): TempProject {
  const base = options.inRepo ? join(repoRoot, '.scratch') : tmpdir();
  mkdirSync(base, { recursive: true });
  const dir = mkdtempSync(join(base, 'om-test-'));
  const specName = options.specName ?? 'spec/openapi.yaml';
  const project: TempProject = {
    dir,
    write(path, content) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), content);
    },
    read: (path) => readFileSync(join(dir, path), 'utf8'),
    exists: (path) => existsSync(join(dir, path)),
    snapshot: (sub = '.') => treeHashes(join(dir, sub)),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
  const spec = options.spec ?? readFileSync(join(repoRoot, 'spec/openapi.yaml'), 'utf8');
  project.write(specName, spec);
  project.write('spec/releases.json', releasesFor(spec));
  const config =
    typeof options.config === 'string'
      ? options.config
      : `export default ${JSON.stringify({ spec: specName, package: { name: 'test-client', apiKeyEnv: 'TEST_API_KEY' }, ...options.config }, null, 2)};\n`;
  project.write('openapi-morph.config.mjs', config);
  return project;
}

/** Copies the repository's spec, config and release history into a temp project (for `check`-style tests). */
export function copyRepoProject(): TempProject {
  const project = tempProject({ inRepo: true });
  rmSync(join(project.dir, 'openapi-morph.config.mjs'));
  for (const path of ['spec', 'openapi-morph.config.ts']) cpSync(join(repoRoot, path), join(project.dir, path), { recursive: true });
  cpSync(join(repoRoot, 'generated'), join(project.dir, 'generated'), { recursive: true, filter: (src) => !/[\\/](dist|node_modules)$/.test(src) });
  return project;
}

export function treeHashes(dir: string): Record<string, string> {
  const hashes: Record<string, string> = {};
  if (!existsSync(dir)) return hashes;
  const walk = (current: string): void => {
    for (const name of readdirSync(current).sort()) {
      const full = join(current, name);
      if (statSync(full).isDirectory()) {
        if (name !== 'node_modules') walk(full);
      } else {
        hashes[relative(dir, full)] = sha256(readFileSync(full));
      }
    }
  };
  walk(dir);
  return hashes;
}
