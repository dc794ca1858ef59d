import { isAbsolute, resolve } from 'node:path';
import { error } from '../diagnostics/diagnostic.ts';
import { DiagnosticCollector } from '../diagnostics/collector.ts';
import { isObject } from '../json.ts';
import { displaySource, isUrlInput } from '../load/url-input.ts';
import { defaultLimits, type Limits } from '../load/limits.ts';
import { defaultRefPolicy, type RefPolicy } from '../load/ref-policy.ts';
import { NPM_NAME } from '../package-identity.ts';
import { defaultNaming, resolveNaming, type NamingResolver } from '../naming/resolver.ts';
import type { OperationFilter, Selection } from '../select/filters.ts';
import { displayPath, specFileName } from '../display-path.ts';
import { defaultTemplatesDir } from '../toolkit.ts';
import { resolveClientConfig } from './client.ts';
import { configText, keyLine } from './key-line.ts';
import { checkShape } from './shape.ts';
import type { ResolvedConfig, SpecLocation, UserConfig } from './types.ts';

/**
 * Paths in the output folder that are never the generator's: what building and packing the package
 * there leaves (`npm install && npm run build && npm pack` in it: its lockfile, build output,
 * installs and tarball), and what file browsers leave in any folder they show (macOS's
 * `.DS_Store`, Windows' `Thumbs.db` and `desktop.ini`). Before, each of them stopped generate (`OM603`).
 */
export const ALWAYS_PRESERVED = ['dist', 'node_modules', 'package-lock.json', '*.tgz', '**/.DS_Store', '**/Thumbs.db', '**/desktop.ini'] as const;

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
  const diagnostics = new DiagnosticCollector();
  const file = configFile ? displayPath(root, configFile) : '<command line>';
  // Where a key is written, for a located message (the config is code, not a parsed document).
  const source = configFile ? configText(configFile) : '';
  const at = (path: string) => ({ file, ...keyLine(source, path.replace(/\[\d+\]$/, '').split('.').at(-1)!) });
  const problem = (path: string, text: string) => diagnostics.add(error('OM103', `${path}: ${text}`, at(path)));
  const config = (isObject(user) ? user : {}) as Partial<UserConfig>;
  if (!isObject(user)) problem('config', 'the config must be an object (export default defineConfig({...}))');
  const shapeProblems = checkShape(config as Record<string, unknown>);
  for (const shape of shapeProblems) diagnostics.add(error(shape.unknown ? 'OM107' : 'OM103', `${shape.path}: ${shape.message}`, at(shape.path)));
  const badShape = new Set(shapeProblems.map((p) => p.path));

  const specInput = overrides.spec ?? config.spec;
  if (typeof specInput !== 'string' || specInput === '') problem('spec', specInput === undefined ? 'a spec path is required (config "spec" or --spec)' : 'must be a file path or an http(s) URL');
  const spec = specLocation(typeof specInput === 'string' ? specInput : '', overrides.spec !== undefined ? cwd : root, root);

  const output = isObject(config.output) ? config.output : {};
  const outInput = overrides.out ?? output.dir ?? 'generated';
  if (typeof outInput !== 'string' || outInput === '') problem('output.dir', 'must be a non-empty string');
  const outDir = resolve(overrides.out !== undefined ? cwd : root, outInput);
  if (outDir === resolve(root) || outDir === resolve('/')) problem('output.dir', 'must be a folder of its own, not the project root');

  const preserveInput = output.preserve ?? [];
  if (!Array.isArray(preserveInput) || preserveInput.some((p) => typeof p !== 'string' || p === '' || p.split(/[\\/]/).includes('..') || isAbsolute(p) || p.includes('\\'))) {
    problem('output.preserve', 'must be a list of globs relative to the output folder, with / separators (e.g. "src/custom/**", "LICENSE")');
  }
  // Build output and installs are always kept; the config's globs add to them.
  const preserve = [...new Set([...ALWAYS_PRESERVED, ...(Array.isArray(preserveInput) ? preserveInput.filter((p): p is string => typeof p === 'string') : [])])];

  const pkg = isObject(config.package) ? config.package : {};
  if (pkg.name !== undefined && (typeof pkg.name !== 'string' || !NPM_NAME.test(pkg.name))) {
    problem('package.name', 'must be a valid npm package name');
  }
  if (pkg.apiKeyEnv !== undefined && (typeof pkg.apiKeyEnv !== 'string' || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(pkg.apiKeyEnv))) problem('package.apiKeyEnv', 'must be an environment variable name');
  for (const key of ['description', 'license', 'releases'] as const) {
    if (pkg[key] !== undefined && (typeof pkg[key] !== 'string' || pkg[key] === '')) problem(`package.${key}`, 'must be a non-empty string');
  }
  const releasesInput = typeof pkg.releases === 'string' && pkg.releases !== '' ? pkg.releases : 'spec/releases.json';

  const banner = typeof output.banner === 'string' ? output.banner.split(/\r?\n/) : (output.banner ?? []);
  if (!Array.isArray(banner) || banner.some((line) => typeof line !== 'string' || /[\r\n\u2028\u2029]/.test(line))) {
    problem('output.banner', 'must be a string or a list of lines (strings without line breaks)');
  }

  if (output.format !== undefined && typeof output.format !== 'boolean') problem('output.format', 'must be true or false');

  const templates = isObject(config.templates) ? config.templates : undefined;
  const templatesDir = templates?.dir;
  if (templates !== undefined && (typeof templatesDir !== 'string' || templatesDir === '')) problem('templates.dir', 'must be a folder path');
  if (templates?.strict !== undefined && typeof templates.strict !== 'boolean') problem('templates.strict', 'must be true or false');
  const typecheck = config.typecheck ?? 'auto';
  if (!['auto', 'always', 'never'].includes(typecheck)) problem('typecheck', 'must be "auto", "always" or "never"');

  const overlays = config.overlays ?? [];
  if (!Array.isArray(overlays) || overlays.some((o) => typeof o !== 'string' || o === '')) problem('overlays', 'must be a list of file paths or patterns');

  const selection = resolveSelection(config.select, overrides, problem);
  // Unknown keys and non-objects there were reported above.
  const naming = badShape.has('naming') ? resolveNaming(undefined) : resolveNamingPatch(config.naming, problem);
  const limits = badShape.has('limits') ? defaultLimits : resolveLimits(config.limits, problem);
  const refs = resolveRefs(config.refs, problem);
  const client = resolveClientConfig(config.client, problem);

  diagnostics.throwIfErrors();
  return {
    root,
    configFile,
    spec,
    selection,
    overlays,
    output: { dir: outDir, name: displayPath(root, outDir), preserve, kept: ALWAYS_PRESERVED, banner: Array.isArray(banner) ? banner : [], format: output.format !== false },
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
      strict: overrides.strict === true || templates?.strict === true,
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
    if (key in defaultNaming && typeof value !== 'function') problem(`naming.${key}`, 'must be a function');
  }
  return resolveNaming(patch as Partial<NamingResolver>);
}

function resolveLimits(limits: unknown, problem: (p: string, t: string) => void): Limits {
  if (limits === undefined) return defaultLimits;
  const merged = { ...defaultLimits, ...(isObject(limits) ? limits : {}) };
  for (const [key, value] of Object.entries(merged)) {
    if (key in defaultLimits && (typeof value !== 'number' || !(value > 0))) problem(`limits.${key}`, 'must be a positive number');
  }
  return merged as Limits;
}

/** A URL (any scheme: the download refuses all but http and https, with a coded error) or a file path relative to `base`. */
function specLocation(input: string, base: string, root: string): SpecLocation {
  if (isUrlInput(input)) return { kind: 'url', url: input, name: displaySource(input) };
  const path = resolve(base, input);
  return { kind: 'file', path, name: specFileName(root, path) };
}

