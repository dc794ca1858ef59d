import { applyEngineFlagsWithoutWorker } from '../../engine-flags.ts';
import { warning } from '../../diagnostics/diagnostic.ts';
import { formatDiagnostics } from '../../diagnostics/format.ts';
import { configFlags, configFromFlags, parseFlags, requireFrom, selectionGiven, sourceFlags } from '../args.ts';
import { CONFIG_HELP, releasedLine, SELECTION_HELP, SOURCE_HELP, type Command } from '../command.ts';
import { cliProgress, finishProgress, VERBOSITY_HELP, verbosityFlags, verbosityOf } from '../progress.ts';
import { replacedEdits } from '../replaced-edits.ts';

export const syncCommand: Command = {
  help: `Usage: openapi-morph sync --from <file | http(s) URL> [options]

Loads the whole upstream document, applies the config's overlays, selects the
configured operations (or those the selection flags name) plus every component
they reach, writes that subset to the config's spec file, lists what changed
against the previous spec, and regenerates the package: spec and package are
written together in one transaction, or not at all. A changed spec records a
release in the release history (package.json's version and CHANGELOG.md follow):
the changes are classified as with \`openapi-morph diff\`, which also suggests the
version bump (before 1.0.0, a breaking change bumps the minor version and
anything else the patch version). Non-interactive.

${SOURCE_HELP}

${CONFIG_HELP}

Run:
${VERBOSITY_HELP}
  (A progress line shows on stderr, when it is a terminal, for runs over a second.)

${SELECTION_HELP}`,
  async run(args, io) {
    const { values } = parseFlags(args, { ...configFlags, ...sourceFlags, ...verbosityFlags }, 'sync');
    if (values.help) {
      io.out(this.help);
      return 0;
    }
    const from = requireFrom(values.from, 'sync');
    const verbosity = verbosityOf(values);
    // The thread that loads the upstream starts first (its module is small), while this one loads
    // sync's modules and the config: the upstream is the start of the run's critical path. The bin's
    // interrupt budget is set once its modules have loaded (engine-flags.ts `tuneEngineLater`).
    (await import('../../sync/upstream-thread.ts')).startUpstreamWorker();
    applyEngineFlagsWithoutWorker();
    const [{ sync }, { renderText }] = await Promise.all([import('../../sync/index.ts'), import('../../diff/index.ts')]);
    const config = await configFromFlags(values, io.cwd);
    const progress = cliProgress(io, verbosity);
    const report = await sync(config, { from, cwd: io.cwd, strict: values.strict === true, progress, reuseOutput: true }).finally(() => finishProgress(progress, verbosity, io));
    if (verbosity === 'silent') return 0;
    const warnings = [...report.warnings];
    if (selectionGiven(values)) {
      warnings.push(
        warning('OM106', `the selection flags replaced the config's selection for this sync; \`generate\` and \`check\` use the config's, so update "select" in the config to keep ${config.output.name} as synced`),
      );
    }
    if (warnings.length > 0) io.err(formatDiagnostics(warnings));
    const { result, difference } = report;
    const operations = result.model.tags.reduce((n, t) => n + t.operations.length, 0);
    const written = difference.stale.length + difference.missing.length;
    io.out(
      [
        `synced from ${report.upstream}: ${operations} operation${operations === 1 ? '' : 's'} and ${result.selected.closure.components.length} components`,
        ...(report.report ? [renderText(report.report, { color: io.color, old: `${config.spec.name} (before)`, new: report.upstream })] : []),
        `${config.spec.name}: ${report.specWritten ? 'written' : 'unchanged'}`,
        ...(report.release ? [releasedLine(config.package.releases.name, result.package.name, report.release, report.report)] : []),
        ...replacedEdits(config.output.name, report.edited, difference.extra),
        `${config.output.name}: ${result.package.name} ${result.files.size} files (${written} written, ${result.files.size - written} unchanged, ${difference.extra.length} removed)`,
      ].join('\n'),
    );
    return 0;
  },
};
