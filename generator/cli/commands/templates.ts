import { resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { loadConfigIfPresent } from '../../config/load.ts';
import { displayPath } from '../../display-path.ts';
import type { ResolvedConfig } from '../../config/types.ts';
import { fail } from '../../diagnostics/diagnostic.ts';
import { driftState, type DriftState } from '../../emit/drift.ts';
import { ejectTemplate } from '../../emit/eject.ts';
import { loadTemplateDir, loadTemplates, nearTemplateFolder, slotTemplates, type LoadedTemplate } from '../../emit/load-templates.ts';
import { defaultTemplatesDir, toolkit } from '../../toolkit.ts';
import { commonFlags, parseFlags } from '../args.ts';
import { printWarnings, type CliIO, type Command } from '../command.ts';
import { textTable } from '../table.ts';

const flags = {
  ...commonFlags,
  to: { type: 'string' },
  json: { type: 'boolean' },
} as const;

export const templatesCommand: Command = {
  help: `Usage: openapi-morph templates list [--config FILE] [--json]
       openapi-morph templates eject <name> [--to DIR] [--config FILE]

list    Every template generate runs, as a table: its name, its source (default,
        or team: the config's templates.dir), its scope (document: once; tag: per
        tag; schema: per component schema) and what it emits. Below the table,
        what each team template does: replace a default, or add an output, and
        for an ejected one whether its default has changed since (override drift).
        --json prints the same as JSON.

eject   Copies the default template <name> (a module, or a folder with its
        assets) into the team folder as a starting point: the config's
        templates.dir, or --to DIR. Its first lines record the toolkit version
        and the sha256 of the default it came from; generate warns (OM505) when
        that default changes, and --strict makes it an error. Never overwrites.

Options:
  --config FILE        config file (default: the first of openapi-morph.config.ts, .mts,
                       .cts, .js, .mjs, .cjs and .json in the working folder)
  --to DIR             eject into DIR instead of the config's templates.dir
  --json               list: print JSON
  --debug              print stack traces of internal errors
  -h, --help           this help`,
  async run(args, io) {
    const { values, positionals } = parseFlags(args, flags, 'templates');
    const [sub, ...rest] = positionals;
    if (values.help || sub === undefined) {
      io.out(this.help);
      return values.help ? 0 : 1;
    }
    const config = await loadConfigIfPresent({ cwd: io.cwd, ...(values.config !== undefined ? { config: values.config } : {}) });
    if (sub === 'list') {
      if (rest.length > 0 || values.to !== undefined) fail('OM100', 'templates list takes no arguments but --config and --json (see openapi-morph templates --help)');
      return list(config, io, values.json === true);
    }
    if (sub === 'eject') {
      if (rest.length !== 1) fail('OM100', 'templates eject takes one template name: openapi-morph templates eject <name> [--to DIR] (run `openapi-morph templates list` for the names)');
      if (values.json) fail('OM100', '--json is an option of templates list');
      return eject(rest[0]!, config, values.to, io);
    }
    fail('OM100', `unknown templates command "${sub}": use list or eject (see openapi-morph templates --help)`);
  },
};

/** Without a config: the toolkit's defaults only. */
const templatesOf = (config: ResolvedConfig | undefined) => config?.templates ?? { defaultsDir: defaultTemplatesDir };

async function list(config: ResolvedConfig | undefined, io: CliIO, json: boolean): Promise<number> {
  const { defaults, team, warnings } = await loadTemplates(templatesOf(config), config?.root ?? io.cwd);
  // A module in the team folder that is not a template (OM509): listing is where one looks for it.
  printWarnings(io, warnings);
  const slots = slotTemplates(defaults, team);
  const entries = slots.map((slot) => {
    const used = (slot.override ?? slot.base)!;
    const drift = slot.override ? driftState(slot.override, defaults) : undefined;
    return { slot, used, drift };
  });
  if (json) {
    const out = entries.map(({ slot, used, drift }) => ({
      name: slot.name,
      source: used.origin,
      scope: used.template.scope,
      emits: used.template.description,
      file: used.file,
      replacesDefault: slot.override !== undefined && slot.base !== undefined,
      ejected: used.ejected && !('malformed' in used.ejected) ? { template: used.ejected.template, toolkit: used.ejected.toolkit, sha256: used.ejected.sha256, drift: drift?.state } : null,
    }));
    io.out(JSON.stringify({ toolkit: toolkit.version, teamDir: config?.templates.teamDir ? displayPath(config.root, config.templates.teamDir) : null, templates: out }, null, 2));
    return 0;
  }
  io.out(textTable(['NAME', 'SOURCE', 'SCOPE', 'EMITS'], entries.map(({ slot, used }) => [slot.name, used.origin, used.template.scope, used.template.description])));
  if (config?.templates.teamDir) {
    const notes = entries
      .filter(({ slot }) => slot.override)
      .map(({ slot, used, drift }) => `  ${slot.name}: ${used.file} ${slot.base ? 'replaces the default' : 'adds an output'}${ejectNote(used, drift)}`);
    io.out(`\nTeam folder ${displayPath(config.root, config.templates.teamDir)}: ${notes.length === 0 ? 'no templates yet (openapi-morph templates eject <name> copies a default there)' : ''}`.trimEnd());
    if (notes.length > 0) io.out(notes.join('\n'));
  } else {
    io.out('\nNo team folder: set templates.dir in the config to override templates by name.');
  }
  return 0;
}

function ejectNote(team: LoadedTemplate, drift: DriftState | undefined): string {
  const record = team.ejected;
  if (!record || !drift) return '';
  if ('malformed' in record) return '; its eject record cannot be read (warning OM506 on generate)';
  const from = `; ejected from openapi-morph ${record.toolkit}'s "${record.template}"`;
  switch (drift.state) {
    case 'current':
      return `${from}, unchanged since`;
    case 'changed':
      return `${from}, which has changed since: override drift (warning OM505 on generate)`;
    case 'removed':
      return `${from}, which no longer exists (warning OM505 on generate)`;
    case 'unreadable':
      return '';
  }
}

async function eject(name: string, config: ResolvedConfig | undefined, to: string | undefined, io: CliIO): Promise<number> {
  const dir = to !== undefined ? resolve(io.cwd, to) : config?.templates.teamDir;
  if (!dir) fail('OM100', 'no team folder to eject into: set templates.dir in the config, or pass --to DIR');
  const { templates: defaults } = await loadTemplateDir(templatesOf(config).defaultsDir, config?.root ?? io.cwd, 'default');
  const base = defaults.find((t) => t.template.name === name);
  if (!base) fail('OM507', `there is no default template "${name}"; the defaults are: ${defaults.map((t) => t.template.name).join(', ')}`);
  const shown = displayPath(io.cwd, dir);
  // A new team folder whose name is close to one that holds templates is likely a typo of it.
  const near = existsSync(dir) ? undefined : nearTemplateFolder(dir);
  const result = await ejectTemplate(base, dir, shown);
  const target = displayPath(io.cwd, result.target) + (result.layout === 'folder' ? '/' : '');
  const inTeamDir = config?.templates.teamDir !== undefined && resolve(config.templates.teamDir) === resolve(dir);
  io.out(
    [
      `Ejected the default template "${name}" (openapi-morph ${toolkit.version}, sha256 ${result.sha256.slice(0, 12)}…) to ${target}`,
      inTeamDir
        ? `It now replaces the default: edit it, and \`generate\` warns when openapi-morph's default changes (override drift).`
        : config?.templates.teamDir
          ? `Note: ${shown} is not the config's team folder (${displayPath(io.cwd, config.templates.teamDir)}); generate uses it once templates.dir names it.`
          : `Note: ${config ? 'the config names no team folder' : 'there is no config here'}; generate uses ${shown} once templates.dir names it.`,
      ...(near ? [`Note: ${shown} did not exist and was created; ${displayPath(io.cwd, near)} beside it holds templates. If templates.dir meant that folder, fix the config and move ${target} there.`] : []),
      ...result.rewritten.map((r) => `Rewrote an import that left the template: ${r}`),
    ].join('\n'),
  );
  return 0;
}
