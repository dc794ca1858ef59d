import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import type { ResolvedConfig } from '../config/types.ts';
import { normalizeText } from '../emit/load-templates.ts';
import { sha256 } from '../hash.ts';
import { overlayFiles } from '../overlay/files.ts';
import type { ExternalDocument } from '../spec-context.ts';
import type { Release } from '../template-api/types.ts';
import { toolkit, toolkitCodeDirs, toolkitRoot } from '../toolkit.ts';
import { installedVersion } from '../installed-version.ts';
import { moduleGraph } from './module-graph.ts';
import { prettierInputs } from './prettier-inputs.ts';
import { defaultNaming, type NamingResolver } from '../naming/resolver.ts';

/** A template as the fingerprint sees it (a loaded one, or one found on disk without importing it). */
export interface TemplateInput {
  readonly name: string;
  readonly origin: 'default' | 'team';
  readonly source: string;
  readonly sha256: string;
  readonly modulePath: string;
}

export interface SpecInput {
  readonly name: string;
  readonly sha256: string;
  readonly externals: readonly ExternalDocument[];
}

/**
 * The sha256 of everything a render reads besides the toolkit itself: the spec's bytes and its
 * external documents, the selected operations (not the filters: `sync --path P` and the config's
 * `operationId` filter for the same operation give one manifest), the config file and
 * every project module it imports, the templates and every project module a team template
 * imports (packages by installed version), the release history, the overlays, prettier's version
 * and the prettier config that applies to the output folder with the plugins and shared config it
 * loads (prettier-inputs.ts). Recorded in the manifest as
 * `inputs`; `generate` and `check` skip rendering when it and every output file's hash still
 * match (generator/inputs/no-op.ts). Deterministic: project-relative paths, normalized line endings.
 */
export async function inputsFingerprint(config: ResolvedConfig, spec: SpecInput, operations: readonly string[], releases: readonly Release[], templates: readonly TemplateInput[]): Promise<string> {
  const projectName = (path: string) => relative(config.root, path).split('\\').join('/');
  const team = templates.filter((t) => t.origin === 'team').map((t) => t.modulePath);
  const modules = moduleGraph([...(config.configFile ? [config.configFile] : []), ...team], config.root, toolkitCodeDirs, [toolkit.name]);
  const { files: overlays } = await overlayFiles(config.overlays, config.root);
  const inputs = {
    toolkit: `${toolkit.name}@${toolkit.version}`,
    spec: { name: spec.name, sha256: spec.sha256, externals: spec.externals.map((e) => [e.name, e.sha256]) },
    operations,
    config: config.configFile ? projectName(config.configFile) : null,
    // The values the config resolved to, beside its text: a config may read process.env or files.
    resolved: resolvedConfigInputs(config, projectName),
    templates: templates.map((t) => [t.origin, t.name, t.source, t.sha256]),
    modules,
    releases: sha256(JSON.stringify(releases)),
    overlays: await Promise.all(overlays.map(async (file) => [projectName(file), sha256(normalizeText(await readFile(file, 'utf8')))])),
    prettier: {
      version: installedVersion('prettier', toolkitRoot),
      config: prettierInputs(config.output.dir, config.root),
    },
  };
  return sha256(JSON.stringify(inputs));
}

/** What of the resolved config shapes the output, in a stable, machine-independent form. */
function resolvedConfigInputs(config: ResolvedConfig, projectName: (path: string) => string): unknown {
  const { output, package: pkg, client, templates, naming } = config;
  return {
    // Paths relative to the project even when they leave it (`../releases.json`): a display name
    // there is absolute, which would make the manifest differ from machine to machine.
    output: { name: projectName(output.dir), preserve: output.preserve, banner: output.banner, format: output.format },
    package: { ...pkg, releases: projectName(pkg.releases.path) },
    client,
    templates: { team: templates.teamDir ? projectName(templates.teamDir) : null, strict: templates.strict },
    typecheck: config.typecheck,
    // Which rules the config patches; their code is in the config's hash (`modules`).
    naming: (Object.keys(defaultNaming) as (keyof NamingResolver)[]).filter((rule) => naming[rule] !== defaultNaming[rule]),
    limits: config.limits,
    refs: config.refs,
  };
}
