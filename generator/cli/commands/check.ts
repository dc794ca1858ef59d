import { configFromFlags, parseFlags, renderFlags, renderOverrides } from '../args.ts';
import { CONFIG_HELP, printWarnings, RENDER_HELP, SELECTION_HELP, type Command, withFormatAhead } from '../command.ts';
import { formatDiagnostic } from '../../diagnostics/format.ts';
import { unchangedOutput } from '../../inputs/no-op.ts';
import { releaseFollowsSpec } from '../../releases.ts';

export const checkCommand: Command = {
  help: `Usage: openapi-morph check [options]

Renders the package in memory and compares it with the output folder (when
no input changed since the last render and no output file was edited, as the
manifest's hashes show, it decides without rendering; --force renders), and
checks that the release history follows the spec (its newest release names
the spec's sha256, so the package version and CHANGELOG.md describe it).
Exits 0 when both hold; otherwise names every stale, missing and extra file
(a file edited since it was written as edited) and the spec without a
release, and exits 1. Writes nothing in the project
but its cache (formatted text, a render stamp); like every command, it first
finishes or rolls back a write that a killed run left.

${CONFIG_HELP}

${RENDER_HELP}

${SELECTION_HELP}`,
  async run(args, io) {
    const { values } = parseFlags(args, renderFlags, 'check');
    if (values.help) {
      io.out(this.help);
      return 0;
    }
    const config = await configFromFlags(values, io.cwd, renderOverrides(values));
    const unchanged = values.force || values.typecheck ? undefined : await unchangedOutput(config);
    if (unchanged) {
      const release = releaseFollowsSpec(unchanged.releases, unchanged.spec, config.package.releases.name);
      if (release) io.err(formatDiagnostic(release));
      else io.out(`${config.output.name} is up to date with ${config.spec.name}, the config and the templates`);
      return release ? 1 : 0;
    }
    const { result, difference, release, foreign, edited } = await withFormatAhead(config, async () => (await import('../../generate.ts')).check(config));
    printWarnings(io, result.warnings);
    if (release) io.err(formatDiagnostic(release));
    for (const problem of foreign) io.err(formatDiagnostic(problem));
    const notOurs = new Set(foreign.map((d) => d.location?.file));
    const lines = [
      // A file edited by hand since it was written: generate would overwrite the edit (a review found "stale" said of one).
      ...difference.stale.map((p) => (edited.includes(p) ? `edited:  ${config.output.name}/${p} (changed since openapi-morph wrote it; generate replaces it: make the change in the spec, the config or a template)` : `stale:   ${config.output.name}/${p}`)),
      ...difference.missing.map((p) => `missing: ${config.output.name}/${p}`),
      ...difference.extra.filter((p) => !notOurs.has(`${config.output.name}/${p}`)).map((p) => `extra:   ${config.output.name}/${p}`),
    ];
    if (lines.length === 0) {
      if (release || foreign.length > 0) return 1;
      io.out(`${config.output.name} is up to date with ${config.spec.name}, the config and the templates`);
      return 0;
    }
    io.err(`${lines.join('\n')}\n${config.output.name} is out of date (${lines.length} file${lines.length === 1 ? '' : 's'}): run \`openapi-morph generate\``);
    return 1;
  },
};
