import { fail } from '../../diagnostics/diagnostic.ts';
import { formatDiagnostics } from '../../diagnostics/format.ts';
import { isComponentType } from '../../openapi/components.ts';
import type { ComponentKey } from '../../select/closure.ts';
import { commonFlags, optionalConfigFromFlags, parseFlags, selectionFlags, sourceFlags } from '../args.ts';
import { SELECTION_HELP, type Command } from '../command.ts';

const flags = { ...commonFlags, ...sourceFlags, ...selectionFlags, spec: { type: 'string' } } as const;

export const explainCommand: Command = {
  help: `Usage: openapi-morph explain <SchemaName> [--from <file | http(s) URL>] [options]

Prints the chain of references through which a selected operation reaches a
component: the operation first, then each component on the way, with the
JSON pointer of every reference. Exits 1 when the selection does not keep it.
The name is a schema name (RealtimeSessionCreateRequest) or a component key
(parameters/Limit). Reads the config's spec, or --from's document with the
config's overlays applied.

Options:
  --from SOURCE        an upstream document (file path or http(s) URL) instead of the config's spec
  --strict             with --from: an overlay target that matches nothing is an error
  --config FILE        config file (default: the first of openapi-morph.config.ts, .mts,
                       .cts, .js, .mjs, .cjs and .json in the working folder, if any)
  --spec SOURCE        spec to read instead of the config's (a file or an http(s) URL)
  -h, --help           this help

${SELECTION_HELP}`,
  async run(args, io) {
    const [{ loadProjectSpec }, { explainComponent }, { select }, { selectUpstream }] = await Promise.all([
      import('../../pipeline.ts'),
      import('../../select/explain.ts'),
      import('../../select/index.ts'),
      import('../../sync/upstream-subset.ts'),
    ]);
    const { values, positionals } = parseFlags(args, flags, 'explain');
    if (values.help) {
      io.out(this.help);
      return 0;
    }
    if (positionals.length !== 1) fail('OM100', 'explain takes one schema name, e.g. `openapi-morph explain RealtimeSessionCreateRequest`');
    const key = componentKey(positionals[0]!);
    const config = await optionalConfigFromFlags(values, io.cwd);
    let closure;
    let source: string;
    if (values.from !== undefined) {
      const subset = await selectUpstream(config, { from: values.from, cwd: io.cwd, strict: values.strict === true });
      if (subset.warnings.length > 0) io.err(formatDiagnostics(subset.warnings));
      closure = subset.selected.closure;
      source = subset.upstream.source.name;
    } else {
      const spec = await loadProjectSpec(config);
      closure = select(spec, config.selection).closure;
      source = spec.source.name;
    }
    const chain = explainComponent(closure, key);
    if (!chain) fail('OM303', `${key} is not kept: no selected operation in ${source} reaches it (or ${source} has no such component)`, { file: source, pointer: `#/components/${key}` });
    const width = Math.max(...chain.map((step) => step.to.length));
    io.out(
      [
        `${key} is kept: ${chain[0]!.from} reaches it through ${chain.length} reference${chain.length === 1 ? '' : 's'} in ${source}`,
        `  ${chain[0]!.from}`,
        ...chain.map((step) => `  -> ${step.to.padEnd(width)}  ${step.at}`),
      ].join('\n'),
    );
    return 0;
  },
};

/** `Foo` is a schema; `parameters/Limit` and `#/components/parameters/Limit` name any component. */
function componentKey(input: string): ComponentKey {
  const bare = input.replace(/^#?\/?components\//, '');
  const slash = bare.indexOf('/');
  const type = slash > 0 ? bare.slice(0, slash) : undefined;
  if (isComponentType(type)) return bare as ComponentKey;
  return `schemas/${bare}`;
}
