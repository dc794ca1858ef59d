import { configFromFlags, parseFlags, renderFlags, renderOverrides } from '../args.ts';
import { CONFIG_HELP, printWarnings, RENDER_HELP, SELECTION_HELP, type Command } from '../command.ts';
import { unchangedOutput } from '../../inputs/no-op.ts';

export const generateCommand: Command = {
  name: 'generate',
  summary: 'generate the client package from the spec, config and templates',
  help: `Usage: openapi-morph generate [options]

Generates the client package into the output folder. Everything is rendered
in memory first; only changed files are written, all or nothing. On any
error nothing is written.

${CONFIG_HELP}

${RENDER_HELP}

${SELECTION_HELP}`,
  async run(args, io) {
    const { values } = parseFlags(args, renderFlags, 'generate');
    if (values.help) {
      io.out(this.help);
      return 0;
    }
    const config = await configFromFlags(values, io.cwd, renderOverrides(values));
    const same = values.force || values.typecheck ? undefined : await unchangedOutput(config);
    if (same) {
      io.out(`${config.output.name}: ${config.package.name} ${same.files} files (0 written, ${same.files} unchanged, 0 removed): no input changed (--force renders anyway)`);
      return 0;
    }
    const { generate } = await import('../../generate.ts');
    const { result, difference } = await generate(config);
    printWarnings(io, result.warnings);
    const written = difference.stale.length + difference.missing.length;
    const unchanged = result.files.size - written;
    const operations = result.model.tags.reduce((n, t) => n + t.operations.length, 0);
    io.out(
      `${config.output.name}: ${config.package.name} ${result.files.size} files (${written} written, ${unchanged} unchanged, ${difference.extra.length} removed) from ${operations} operation${operations === 1 ? '' : 's'} and ${result.model.schemas.length} schemas in ${result.spec.source.name}`,
    );
    return 0;
  },
};
