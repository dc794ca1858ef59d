import { MorphError } from '../diagnostics/diagnostic.ts';
import { formatDiagnostics } from '../diagnostics/format.ts';
import { toolkit } from '../toolkit.ts';
import type { CliIO, Command } from './command.ts';
import { checkCommand } from './commands/check.ts';
import { explainCommand } from './commands/explain.ts';
import { extractCommand } from './commands/extract.ts';
import { diffCommand } from './commands/diff.ts';
import { generateCommand } from './commands/generate.ts';
import { initCommand } from './commands/init.ts';
import { releaseCommand } from './commands/release.ts';
import { syncCommand } from './commands/sync.ts';
import { templatesCommand } from './commands/templates.ts';

export const commands: readonly Command[] = [initCommand, generateCommand, checkCommand, syncCommand, releaseCommand, extractCommand, explainCommand, diffCommand, templatesCommand];

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
  try {
    return await command.run(rest, io);
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
