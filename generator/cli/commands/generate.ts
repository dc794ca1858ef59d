import { configFileIn } from '../../config/load.ts';
import { resolve } from 'node:path';
import type { ResolvedConfig } from '../../config/types.ts';
import { fail } from '../../diagnostics/diagnostic.ts';
import type { GenerateReport } from '../../generate.ts';
import { configFromFlags, parseFlags, renderFlags, renderOverrides } from '../args.ts';
import { CONFIG_HELP, printWarnings, RENDER_HELP, SELECTION_HELP, type CliIO, type Command, withFormatAhead } from '../command.ts';
import { unchangedOutput } from '../../inputs/no-op.ts';
import { cliProgress, finishProgress, VERBOSITY_HELP, verbosityFlags, verbosityOf, type Verbosity } from '../progress.ts';
import { replacedEdits } from '../replaced-edits.ts';
import { watchGenerate } from '../watch.ts';

const flags = {
  ...renderFlags,
  watch: { type: 'boolean', short: 'w' },
  'dry-run': { type: 'boolean' },
  ...verbosityFlags,
} as const;

export const generateCommand: Command = {
  help: `Usage: openapi-morph generate [options]

Generates the client package into the output folder. Everything is rendered
in memory first; only changed files are written, all or nothing. On any
error nothing is written. Without a config, --spec and --out are enough: the
package is named from the spec's info.title and versioned from info.version.

${CONFIG_HELP}

Run:
  -w, --watch          generate, then again whenever the spec, the config, an
                       overlay or a team template changes; a change that fails
                       prints its errors and keeps the last good output
  --dry-run            print what would be written and removed; write nothing
${VERBOSITY_HELP}
  (A progress line shows on stderr, when it is a terminal, for runs over a second.)

${RENDER_HELP}

${SELECTION_HELP}`,
  async run(args, io) {
    const { values } = parseFlags(args, flags, 'generate');
    if (values.help) {
      io.out(this.help);
      return 0;
    }
    const verbosity = verbosityOf(values);
    if (values.watch && values['dry-run']) fail('OM100', '--watch writes on every change; it cannot be combined with --dry-run');
    const load = () => configFromFlags(values, io.cwd, renderOverrides(values));
    const once = async (config: ResolvedConfig) => {
      const progress = cliProgress(io, verbosity);
      if (!values.force && !values.typecheck && values['dry-run'] !== true) {
        const same = await unchangedOutput(config);
        if (same) return `${config.output.name}: ${same.packageName ?? 'package'} ${same.files} files (0 written, ${same.files} unchanged, 0 removed): no input changed (--force renders anyway)`;
      }
      let report: GenerateReport;
      try {
        report = await withFormatAhead(config, async () => {
          const { generate } = await import('../../generate.ts');
          return generate(config, { progress, dryRun: values['dry-run'] === true, reuseOutput: values.force !== true });
        });
      } finally {
        finishProgress(progress, verbosity, io);
      }
      if (verbosity !== 'silent') printWarnings(io, report.result.warnings);
      return summary(config, report, values['dry-run'] === true, io, verbosity);
    };
    if (values.watch) {
      const configFile = values.config !== undefined ? resolve(io.cwd, values.config) : configFileIn(io.cwd);
      return watchGenerate(verbosity === 'silent' ? { ...io, out: () => undefined } : io, { load, run: once, configFile });
    }
    const line = await once(await load());
    if (verbosity !== 'silent') io.out(line);
    return 0;
  },
};

function summary(config: ResolvedConfig, { result, difference, edited }: GenerateReport, dryRun: boolean, io: CliIO, verbosity: Verbosity): string {
  const written = difference.stale.length + difference.missing.length;
  const unchanged = result.files.size - written;
  const operations = result.model.tags.reduce((n, t) => n + t.operations.length, 0);
  if (dryRun && verbosity !== 'silent') {
    const lines = [
      ...[...difference.stale, ...difference.missing].sort().map((p) => `would write:  ${config.output.name}/${p}`),
      ...difference.extra.map((p) => `would remove: ${config.output.name}/${p}`),
    ];
    if (lines.length > 0) io.out(lines.join('\n'));
  }
  if (verbosity !== 'silent' && edited.length > 0) io.out(replacedEdits(config.output.name, edited, difference.extra, dryRun).join('\n'));
  const counts = dryRun ? `${written} would be written, ${unchanged} unchanged, ${difference.extra.length} would be removed` : `${written} written, ${unchanged} unchanged, ${difference.extra.length} removed`;
  return `${config.output.name}: ${result.package.name} ${result.files.size} files (${counts}) from ${operations} operation${operations === 1 ? '' : 's'} and ${result.model.schemas.length} schemas in ${result.spec.source.name}${dryRun ? '; dry run, nothing written' : ''}`;
}
