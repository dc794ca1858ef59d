import { basename, dirname, resolve } from 'node:path';
import { normalizeText } from '../emit/load-templates.ts';
import { prettierConfigSource } from '../format/config-search.ts';
import { sha256 } from '../hash.ts';
import { jsYaml } from '../heavy.ts';
import { installedVersion } from '../installed-version.ts';
import { toolkit, toolkitCodeDirs } from '../toolkit.ts';
import { moduleGraph, packageName, sorted, type ModuleGraph } from './module-graph.ts';

/**
 * What prettier's output for the output folder depends on besides prettier itself: the config
 * file that applies (its name and text) and everything that config loads: a JavaScript or
 * TypeScript config's imports, a shared config named by a string (`"prettier": "@acme/prettier"`
 * in package.json), and plugins (`plugins`, also under `overrides[].options`), packages by
 * installed version and project files by content hash. `null` without a config. Upgrading a
 * plugin changes formatting as surely as editing the config, so both render.
 */
export function prettierInputs(outputDir: string, root: string): unknown {
  const source = prettierConfigSource(outputDir);
  if (!source) return null;
  const text = normalizeText(source.text);
  const loads: ModuleGraph = /\.[cm]?[jt]s$/.test(source.path)
    ? moduleGraph([source.path], root, toolkitCodeDirs, [toolkit.name])
    : specifierGraph(configSpecifiers(text), dirname(source.path), root);
  return [basename(source.path), sha256(text), loads];
}

/** The modules a JSON or YAML prettier config names (a shared config, plugins); none when it does not parse as either. */
export function configSpecifiers(text: string): string[] {
  let data: unknown;
  try {
    const yaml = jsYaml();
    data = yaml.load(text, { schema: yaml.CORE_SCHEMA });
  } catch {
    // JSON5 or TOML: only their text counts.
    return [];
  }
  if (typeof data === 'string') return [data];
  const plugins = (options: unknown): string[] => {
    const list = options && typeof options === 'object' ? (options as Record<string, unknown>)['plugins'] : undefined;
    return Array.isArray(list) ? list.filter((p): p is string => typeof p === 'string') : [];
  };
  const overrides = data && typeof data === 'object' ? (data as Record<string, unknown>)['overrides'] : undefined;
  return [...plugins(data), ...(Array.isArray(overrides) ? overrides.flatMap((o: unknown) => plugins(o && typeof o === 'object' ? (o as Record<string, unknown>)['options'] : undefined)) : [])];
}

function specifierGraph(specifiers: readonly string[], from: string, root: string): ModuleGraph {
  const local = specifiers.filter((s) => s.startsWith('.') || s.startsWith('/'));
  const graph = moduleGraph(local.map((s) => resolve(from, s)), root, toolkitCodeDirs, [toolkit.name]);
  const packages: Record<string, string | null> = { ...graph.packages };
  for (const specifier of specifiers.filter((s) => !local.includes(s))) packages[packageName(specifier)] = installedVersion(packageName(specifier), from);
  return { files: graph.files, packages: sorted(packages) };
}
