import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fail } from '../../diagnostics/diagnostic.ts';
import { formatDiagnostics } from '../../diagnostics/format.ts';
import { commonFlags, optionalConfigFromFlags, parseFlags, requireFrom, selectionFlags, sourceFlags } from '../args.ts';
import { SELECTION_HELP, SOURCE_HELP, type Command } from '../command.ts';

const flags = { ...commonFlags, ...sourceFlags, ...selectionFlags, out: { type: 'string' } } as const;

export const extractCommand: Command = {
  help: `Usage: openapi-morph extract --from <file | http(s) URL> --out FILE [options]

Writes the subset sync would write (the selected operations plus every
component they reach, the config's overlays applied, keys in a stable order)
to FILE, so you can look before syncing. Touches nothing else. \`--out -\`
prints it instead. Without a config, every operation is selected unless the
selection flags say otherwise.

${SOURCE_HELP}

Options:
  --out FILE           where to write the subset (- for standard output)
  --config FILE        config file (default: the first of openapi-morph.config.ts, .mts,
                       .cts, .js, .mjs, .cjs and .json in the working folder, if any)
  --debug              print stack traces of internal errors
  -h, --help           this help

${SELECTION_HELP}`,
  async run(args, io) {
    const { upstreamSubset } = await import('../../sync/upstream-subset.ts');
    const { specFileText } = await import('../../sync/dump.ts');
    const { values } = parseFlags(args, flags, 'extract');
    if (values.help) {
      io.out(this.help);
      return 0;
    }
    const from = requireFrom(values.from, 'extract');
    if (values.out === undefined || values.out === '') fail('OM100', 'extract needs --out FILE (or --out - for standard output); see openapi-morph extract --help');
    // Its --out is the subset's file, not the package's output folder.
    const config = await optionalConfigFromFlags({ ...values, out: undefined }, io.cwd);
    const subset = await upstreamSubset(config, { from, cwd: io.cwd, strict: values.strict === true });
    if (subset.warnings.length > 0) io.err(formatDiagnostics(subset.warnings));
    if (values.out === '-') {
      io.out(subset.text.replace(/\n$/, ''));
      return 0;
    }
    const target = resolve(io.cwd, values.out);
    await mkdir(dirname(target), { recursive: true });
    // Write next to the target, then rename: a reader never sees half a file.
    await writeFile(`${target}.om-new`, specFileText(subset.selected.document, subset.text, target));
    await rename(`${target}.om-new`, target);
    const components = subset.selected.closure.components.length;
    io.out(`${values.out}: ${subset.selected.operations.length} operation${subset.selected.operations.length === 1 ? '' : 's'} and ${components} component${components === 1 ? '' : 's'} from ${subset.name}`);
    return 0;
  },
};
