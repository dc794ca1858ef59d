import { resolve } from 'node:path';
import { MorphError, fail } from '../../diagnostics/diagnostic.ts';
import { DiagnosticCollector } from '../../diagnostics/collector.ts';
import { loadConfig } from '../../config/load.ts';
import type { ResolvedConfig } from '../../config/types.ts';
import { loadFrom, displaySource, isUrlInput } from '../../load/from.ts';
import type { SpecDocument } from '../../spec-context.ts';
import { commonFlags, parseFlags, selectionFlags, selectionOverrides } from '../args.ts';
import { SELECTION_HELP, type CliIO, type Command } from '../command.ts';

const flags = {
  ...commonFlags,
  ...selectionFlags,
  json: { type: 'boolean' },
  'fail-on': { type: 'string' },
  'no-typescript': { type: 'boolean' },
} as const;

export const diffCommand: Command = {
  help: `Usage: openapi-morph diff <old> <new> [options]

<old> and <new> are file paths or http(s) URLs.

Compares the selected operations of two OpenAPI documents (references
resolved, 3.0 and 3.1 alike) and classifies every change as breaking,
non-breaking or docs, by the direction of the data: what a client sends
(request) and what it reads (response). It then renders the client package
from each document in memory and compares their public TypeScript API, and
adds what the spec rules missed (marked [typescript]). Writes nothing.

Options:
  --json               print one JSON object { breaking, semver, changes } (schema in the README)
  --fail-on LEVEL      exit 1 when there is a breaking change (breaking) or any change (any)
  --no-typescript      compare the documents only, not the generated packages (faster)
  --config FILE        config file (default: the first of openapi-morph.config.ts, .mts,
                       .cts, .js, .mjs, .cjs and .json in the working folder, if any);
                       its selection, naming and templates apply
  --debug              print stage timings and stack traces of internal errors
  -h, --help           this help

${SELECTION_HELP}
Without a config and without selection flags, every operation is compared.`,
  async run(args, io) {
    const { diffPackages, renderText } = await import('../../diff/index.ts');
    const { values, positionals } = parseFlags(args, flags, 'diff');
    if (values.help) {
      io.out(this.help);
      return 0;
    }
    if (positionals.length !== 2) fail('OM100', `diff needs two specs (files or URLs), <old> and <new>; got ${positionals.length} (see openapi-morph diff --help)`);
    const failOn = values['fail-on'];
    if (failOn !== undefined && failOn !== 'breaking' && failOn !== 'any') fail('OM100', `--fail-on must be "breaking" or "any", not "${failOn}"`);
    const [oldPath, newPath] = positionals as [string, string];
    const config = await loadConfig(
      { cwd: io.cwd, ...(values.config !== undefined ? { config: values.config } : {}) },
      // Without a config file, loadConfig needs a spec to build defaults from; the diff reads its own two.
      { ...selectionOverrides(values), spec: isUrlInput(oldPath) ? oldPath : resolve(io.cwd, oldPath) },
    );
    const [old, next] = await loadBoth(io, [oldPath, newPath], config);
    const { report, timings } = await diffPackages(old, next, config, { typescript: !values['no-typescript'] });
    if (values.debug) io.err(`timings: spec ${Math.round(timings.specMs)} ms, render ${Math.round(timings.renderMs)} ms, typescript ${Math.round(timings.typescriptMs)} ms`);
    io.out(values.json ? JSON.stringify(report, null, 2) : renderText(report, { color: io.color, old: displaySource(oldPath), new: displaySource(newPath) }));
    if (failOn === 'breaking') return report.breaking ? 1 : 0;
    if (failOn === 'any') return report.changes.length > 0 ? 1 : 0;
    return 0;
  },
};

/**
 * Loads both documents as `generate` loads a spec (external references bundled in when the
 * config's `refs` policy allows them), reporting the problems of both at once.
 */
async function loadBoth(io: CliIO, paths: readonly [string, string], config: ResolvedConfig): Promise<[SpecDocument, SpecDocument]> {
  const { loadSpec } = await import('../../pipeline.ts');
  // A URL is downloaded as `sync --from` does (limits, coded errors, no credentials in messages).
  const load = (path: string): Promise<SpecDocument> => (isUrlInput(path) ? loadFrom(path, io.cwd, config.limits) : loadSpec(config, resolve(io.cwd, path), path));
  const results = await Promise.allSettled(paths.map(load));
  const diagnostics = new DiagnosticCollector();
  for (const result of results) {
    if (result.status === 'fulfilled') continue;
    if (!(result.reason instanceof MorphError)) throw result.reason;
    diagnostics.add(...result.reason.diagnostics);
  }
  diagnostics.throwIfErrors();
  return results.map((r) => (r as PromiseFulfilledResult<SpecDocument>).value) as [SpecDocument, SpecDocument];
}
