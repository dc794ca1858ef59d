import { fail } from '../../diagnostics/diagnostic.ts';
import { commonFlags, configFromFlags, parseFlags } from '../args.ts';
import { CONFIG_HELP, printWarnings, releasedLine, type Command, withFormatAhead } from '../command.ts';
import { replacedEdits } from '../replaced-edits.ts';

const BUMPS = ['patch', 'minor', 'major'] as const;

export const releaseCommand: Command = {
  help: `Usage: openapi-morph release (--previous FILE | --bump patch|minor|major) [--summary TEXT] [options]

Records a release in the release history for a spec that changed without
\`sync\` (a hand edit, a merge): \`check\` fails until the newest release names the
spec's sha256. With --previous, the spec before the change (for example
\`git show HEAD:spec/openapi.yaml > /tmp/old.yaml\`), the changes are classified
as with \`openapi-morph diff\` and suggest the version bump; --bump overrides it.
Before 1.0.0, a breaking change bumps the minor version, anything else the
patch version. The release history and the regenerated package are written
together, or not at all. SOURCE_DATE_EPOCH, when set, gives the release date.

  --previous FILE      the spec as it was at the newest release
  --bump KIND          patch, minor or major, instead of the diff's suggestion
  --summary TEXT       the changelog entry's summary line

${CONFIG_HELP}`,
  async run(args, io) {
    const [{ release }, { renderText }] = await Promise.all([import('../../release/index.ts'), import('../../diff/index.ts')]);
    const { values } = parseFlags(args, { ...commonFlags, spec: { type: 'string' }, out: { type: 'string' }, previous: { type: 'string' }, bump: { type: 'string' }, summary: { type: 'string' } }, 'release');
    if (values.help) {
      io.out(this.help);
      return 0;
    }
    const bump = values.bump;
    if (bump !== undefined && !(BUMPS as readonly string[]).includes(bump)) fail('OM100', `--bump must be one of ${BUMPS.join(', ')}`);
    const config = await configFromFlags(values, io.cwd);
    // Its render's format worker starts now, while the specs load and compare (as generate's does).
    const report = await withFormatAhead(config, () =>
      release(config, {
        cwd: io.cwd,
        reuseOutput: true,
        ...(values.previous !== undefined ? { previous: values.previous } : {}),
        ...(bump !== undefined ? { bump: bump as (typeof BUMPS)[number] } : {}),
        ...(values.summary !== undefined ? { summary: values.summary } : {}),
      }),
    );
    printWarnings(io, report.result.warnings);
    const written = report.difference.stale.length + report.difference.missing.length;
    io.out(
      [
        ...(report.recorded.report ? [renderText(report.recorded.report, { color: io.color, old: values.previous ?? 'previous', new: config.spec.name })] : []),
        releasedLine(config.package.releases.name, report.result.package.name, report.release, report.recorded.report),
        ...replacedEdits(config.output.name, report.edited, report.difference.extra),
        `${config.output.name}: ${written} files written`,
      ].join('\n'),
    );
    return 0;
  },
};
