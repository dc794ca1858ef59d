import { isAbsolute, relative, resolve } from 'node:path';
import { error, MorphError, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { isObject } from '../json.ts';
import { defaultLimits, type Limits } from '../load/limits.ts';
import { defaultRefPolicy, type RefPolicy } from '../load/ref-policy.ts';
import { defaultNaming, resolveNaming, type NamingResolver } from '../naming/resolver.ts';
import type { OperationFilter, Selection } from '../select/filters.ts';
import { defaultTemplatesDir } from '../toolkit.ts';
import { resolveClientConfig } from './client.ts';
import type { ResolvedConfig, UserConfig } from './types.ts';

/** What command-line flags may override (paths relative to the working folder). Selection flags replace the config's whole selection. */
export interface ConfigOverrides {
  readonly spec?: string;
  readonly out?: string;
  readonly include?: readonly OperationFilter[];
  readonly all?: boolean;
  /** `--strict`: override drift is an error. */
  readonly strict?: boolean;
  /** `--typecheck`: type-check the emitted TypeScript whatever the config says. */
  readonly typecheck?: boolean;
}

/**
 * The one place defaults are decided. Checks the config's shape at run time too (a `.js` config
 * or a cast gets no type checking) and reports every problem with the config file's name.
 */
export function resolveConfig(user: unknown, root: string, configFile: string | undefined, overrides: ConfigOverrides = {}, cwd = root): ResolvedConfig {
  const diagnostics: Diagnostic[] = [];
  const file = configFile ? displayPath(root, configFile) : '<command line>';
  const problem = (path: string, text: string) => diagnostics.push(error('OM103', `${path}: ${text}`, { file }));
  const config = (isObject(user) ? user : {}) as Partial<UserConfig>;
  if (!isObject(user)) problem('config', 'the config must be an object (export default defineConfig({...}))');

  const specInput = overrides.spec ?? config.spec;
  if (typeof specInput !== 'string' || specInput === '') problem('spec', 'a spec path is required (config "spec" or --spec)');
  const specPath = resolve(overrides.spec !== undefined ? cwd : root, specInput ?? '');

  const outInput = overrides.out ?? config.output?.dir ?? 'generated';
  if (typeof outInput !== 'string' || outInput === '') problem('output.dir', 'must be a non-empty string');
  const outDir = resolve(overrides.out !== undefined ? cwd : root, outInput);
  if (outDir === resolve(root) || outDir === resolve('/')) problem('output.dir', 'must be a folder of its own, not the project root');

  const preserve = config.output?.preserve ?? ['dist', 'node_modules'];
  if (!Array.isArray(preserve) || preserve.some((p) => typeof p !== 'string' || p.includes('..') || isAbsolute(p))) {
    problem('output.preserve', 'must be a list of relative paths inside the output folder');
  }

  const pkg = config.package ?? { name: 'api-client' };
  if (!isObject(pkg) || typeof pkg.name !== 'string' || !/^(@[a-z0-9-~][a-z0-9-._~]*\/)?[a-z0-9-~][a-z0-9-._~]*$/.test(pkg.name)) {
    problem('package.name', 'must be a valid npm package name');
  }
  if (pkg.apiKeyEnv !== undefined && !/^[A-Za-z_][A-Za-z0-9_]*$/.test(pkg.apiKeyEnv)) problem('package.apiKeyEnv', 'must be an environment variable name');
  const releasesInput = pkg.releases ?? 'spec/releases.json';

  const banner = typeof config.output?.banner === 'string' ? config.output.banner.split(/\r?\n/) : (config.output?.banner ?? []);
  if (!Array.isArray(banner) || banner.some((line) => typeof line !== 'string' || /[\r\n\u2028\u2029]/.test(line))) {
    problem('output.banner', 'must be a string or a list of lines (strings without line breaks)');
  }

  const templatesDir = config.templates?.dir;
  if (config.templates !== undefined && (typeof templatesDir !== 'string' || templatesDir === '')) problem('templates.dir', 'must be a folder path');
  if (config.templates?.strict !== undefined && typeof config.templates.strict !== 'boolean') problem('templates.strict', 'must be true or false');
  const typecheck = config.typecheck ?? 'auto';
  if (!['auto', 'always', 'never'].includes(typecheck)) problem('typecheck', 'must be "auto", "always" or "never"');

  const overlays = config.overlays ?? [];
  if (!Array.isArray(overlays) || overlays.some((o) => typeof o !== 'string' || o === '')) problem('overlays', 'must be a list of file paths or patterns');

  const selection = resolveSelection(config.select, overrides, problem);
  const naming = resolveNamingPatch(config.naming, problem);
  const limits = resolveLimits(config.limits, problem);
  const refs = resolveRefs(config.refs, problem);
  const client = resolveClientConfig(config.client, problem);

  if (diagnostics.length > 0) throw new MorphError(diagnostics);
  return {
    root,
    configFile,
    spec: { path: specPath, name: displayPath(root, specPath) },
    selection,
    overlays,
    output: { dir: outDir, name: displayPath(root, outDir), preserve, banner: Array.isArray(banner) ? banner : [] },
    package: {
      name: pkg.name,
      description: pkg.description,
      license: pkg.license,
      apiKeyEnv: pkg.apiKeyEnv,
      releases: { path: resolve(root, releasesInput), name: displayPath(root, resolve(root, releasesInput)) },
    },
    client,
    templates: {
      defaultsDir: defaultTemplatesDir,
      teamDir: typeof templatesDir === 'string' ? resolve(root, templatesDir) : undefined,
      strict: overrides.strict === true || config.templates?.strict === true,
    },
    typecheck: overrides.typecheck === true || typecheck === 'always' || (typecheck === 'auto' && typeof templatesDir === 'string'),
    naming,
    limits,
    refs,
  };
}

function resolveRefs(refs: unknown, problem: (p: string, t: string) => void): RefPolicy {
  if (refs === undefined) return defaultRefPolicy;
  if (!isObject(refs) || typeof refs['external'] !== 'boolean') {
    problem('refs', 'must be { external: false } or { external: true, allowHosts?: string[] }');
    return defaultRefPolicy;
  }
  if (!refs['external']) return defaultRefPolicy;
  const hosts = refs['allowHosts'] ?? [];
  if (!Array.isArray(hosts) || hosts.some((h) => typeof h !== 'string' || h === '' || /[/\\s]/.test(h))) {
    problem('refs.allowHosts', 'must be a list of host names (example.com or example.com:8443)');
    return defaultRefPolicy;
  }
  return { external: true, allowHosts: hosts as string[] };
}

function resolveSelection(select: UserConfig['select'], overrides: ConfigOverrides, problem: (p: string, t: string) => void): Selection {
  if (overrides.all) return { include: 'all', exclude: [] };
  if (overrides.include && overrides.include.length > 0) return { include: overrides.include, exclude: [] };
  if (select === undefined || select === 'all') return { include: 'all', exclude: [] };
  if (!isObject(select)) {
    problem('select', 'must be "all" or { include, exclude }');
    return { include: 'all', exclude: [] };
  }
  const include = select.include;
  const exclude = select.exclude ?? [];
  for (const [name, list] of [
    ['select.include', include === 'all' ? [] : include],
    ['select.exclude', exclude],
  ] as const) {
    if (!Array.isArray(list)) {
      problem(name, 'must be a list of { by, pattern } filters');
      continue;
    }
    list.forEach((filter: unknown, index: number) => {
      const f = filter as Partial<OperationFilter> | null;
      if (!f || !['path', 'tag', 'operationId'].includes(f.by as string) || !(typeof f.pattern === 'string' || f.pattern instanceof RegExp)) {
        problem(`${name}[${index}]`, 'must be { by: "path" | "tag" | "operationId", pattern: string | RegExp }');
      }
    });
  }
  return { include, exclude };
}

function resolveNamingPatch(patch: unknown, problem: (p: string, t: string) => void): NamingResolver {
  if (patch === undefined) return resolveNaming(undefined);
  if (!isObject(patch)) {
    problem('naming', 'must be an object of naming functions');
    return resolveNaming(undefined);
  }
  for (const [key, value] of Object.entries(patch)) {
    if (!(key in defaultNaming)) problem(`naming.${key}`, `unknown naming rule; known rules: ${Object.keys(defaultNaming).join(', ')}`);
    else if (typeof value !== 'function') problem(`naming.${key}`, 'must be a function');
  }
  return resolveNaming(patch as Partial<NamingResolver>);
}

function resolveLimits(limits: unknown, problem: (p: string, t: string) => void): Limits {
  if (limits === undefined) return defaultLimits;
  const merged = { ...defaultLimits, ...(isObject(limits) ? limits : {}) };
  for (const [key, value] of Object.entries(merged)) {
    if (!(key in defaultLimits)) problem(`limits.${key}`, 'unknown limit');
    else if (typeof value !== 'number' || !(value > 0)) problem(`limits.${key}`, 'must be a positive number');
  }
  return merged as Limits;
}

/** A project-relative path with `/` separators (absolute when outside the project). */
export function displayPath(root: string, path: string): string {
  const rel = relative(root, path);
  return rel === '' ? '.' : rel.startsWith('..') || isAbsolute(rel) ? path : rel.split('\\').join('/');
}
