import { MorphError } from '../diagnostics/diagnostic.ts';
import { formatDiagnostics } from '../diagnostics/format.ts';
import { applyEngineFlags } from '../engine-flags.ts';
import { toolkit } from '../toolkit.ts';
import type { CliIO, Command } from './command.ts';

/**
 * The commands, each loaded only when it runs: `--version` and `--help` load none of them, and a
 * command loads only its own stages (a no-op `check` none of the render's).
 */
export const commands: readonly CommandEntry[] = [
  { name: 'init', summary: 'start a project: a commented config, the spec, optionally a CI workflow', load: async () => (await import('./commands/init.ts')).initCommand },
  { name: 'generate', summary: 'generate the client package from the spec, config and templates', workerFirst: true, load: async () => (await import('./commands/generate.ts')).generateCommand },
  { name: 'check', summary: 'fail when the output folder differs from what generate would write', workerFirst: true, load: async () => (await import('./commands/check.ts')).checkCommand },
  { name: 'sync', summary: 'take the selected operations from an upstream spec into spec/, then regenerate', workerFirst: true, load: async () => (await import('./commands/sync.ts')).syncCommand },
  { name: 'release', summary: 'record a release for a spec changed by hand (version bump, changelog), then regenerate', workerFirst: true, load: async () => (await import('./commands/release.ts')).releaseCommand },
  { name: 'extract', summary: 'write the selected subset of an upstream spec to a file, and nothing else', load: async () => (await import('./commands/extract.ts')).extractCommand },
  { name: 'explain', summary: 'show why a schema is kept: the chain of references from an operation to it', load: async () => (await import('./commands/explain.ts')).explainCommand },
  { name: 'diff', summary: 'what changed between two specs for the selected operations, and whether it breaks clients', load: async () => (await import('./commands/diff.ts')).diffCommand },
  { name: 'templates', summary: 'list the templates generate runs, or eject a default into the team folder', load: async () => (await import('./commands/templates.ts')).templatesCommand },
];

interface CommandEntry {
  readonly name: string;
  /** One line for the command list. */
  readonly summary: string;
  readonly load: () => Promise<Command>;
  /**
   * The command starts a worker thread before its heavy work (a render's format worker, `sync`'s
   * upstream worker; `release` renders too): the bin's interrupt budget is set once that worker's
   * modules have loaded, not before the command runs (engine-flags.ts `tuneEngineLater`).
   */
  readonly workerFirst?: true;
}

function usage(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return `openapi-morph ${toolkit.version}: an OpenAPI document to a typed, documented, tested TypeScript client package.

Usage: openapi-morph <command> [options]

Commands:
${commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}

Run \`openapi-morph <command> --help\` for a command's options.
Options: --version, --help`;
}

/** Runs the CLI; returns the exit code. Problems the user can fix print as located diagnostics, never as stack traces. */
export async function main(argv: readonly string[], io: CliIO = processIO()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(usage());
    return name === undefined ? 1 : 0;
  }
  if (name === '--version' || name === '-v') {
    io.out(toolkit.version);
    return 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.err(`error OM100: unknown command "${name}"\n\n${usage()}`);
    return 1;
  }
  if (!command.workerFirst) applyEngineFlags();
  try {
    return await (await command.load()).run(rest, io);
  } catch (cause) {
    if (cause instanceof MorphError) {
      io.err(formatDiagnostics(cause.diagnostics));
      return 1;
    }
    const debug = rest.includes('--debug');
    io.err(`internal error: ${cause instanceof Error ? cause.message : String(cause)}${debug && cause instanceof Error ? `\n${cause.stack}` : '\n(run again with --debug for a stack trace, and please report it)'}`);
    return 1;
  }
}

function processIO(): CliIO {
  return {
    cwd: process.cwd(),
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
    color: process.stdout.isTTY === true && !('NO_COLOR' in process.env),
    ...(process.stderr.isTTY ? { status: (text: string) => process.stderr.write(`\r\u001b[2K${text.slice(0, Math.max(20, (process.stderr.columns || 80) - 1))}`) } : {}),
  };
}
