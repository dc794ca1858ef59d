import { parseArgs } from 'node:util';
import { fail } from '../diagnostics/diagnostic.ts';
import { loadConfig } from '../config/load.ts';
import type { ConfigOverrides } from '../config/resolve.ts';
import type { ResolvedConfig } from '../config/types.ts';
import type { OperationFilter } from '../select/filters.ts';

/** Flags every command that loads a config accepts. */
export const configFlags = {
  config: { type: 'string' },
  spec: { type: 'string' },
  out: { type: 'string' },
  path: { type: 'string', multiple: true },
  tag: { type: 'string', multiple: true },
  'operation-id': { type: 'string', multiple: true },
  all: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  debug: { type: 'boolean' },
} as const;

/** Flags of the commands that render the package (`generate`, `check`). */
export const renderFlags = {
  ...configFlags,
  strict: { type: 'boolean' },
  typecheck: { type: 'boolean' },
} as const;

export type FlagSpec = Record<string, { type: 'string' | 'boolean'; multiple?: boolean; short?: string }>;

export function parseFlags<T extends FlagSpec>(args: readonly string[], flags: T, command: string) {
  try {
    return parseArgs({ args: [...args], options: flags, allowPositionals: true, strict: true });
  } catch (cause) {
    fail('OM100', `${(cause as Error).message.replace(/\. To specify a positional.*$/s, '')} (see openapi-morph ${command} --help)`);
  }
}

/** `--path`, `--tag`, `--operation-id`, `--all` as config overrides. */
export function selectionOverrides(values: {
  path?: string[] | undefined;
  tag?: string[] | undefined;
  'operation-id'?: string[] | undefined;
  all?: boolean | undefined;
  spec?: string | undefined;
  out?: string | undefined;
  strict?: boolean | undefined;
  typecheck?: boolean | undefined;
}): ConfigOverrides {
  const include: OperationFilter[] = [
    ...(values.path ?? []).map((pattern) => ({ by: 'path' as const, pattern })),
    ...(values.tag ?? []).map((pattern) => ({ by: 'tag' as const, pattern })),
    ...(values['operation-id'] ?? []).map((pattern) => ({ by: 'operationId' as const, pattern })),
  ];
  if (values.all && include.length > 0) fail('OM100', '--all selects every operation; it cannot be combined with --path, --tag or --operation-id');
  return {
    ...(values.spec !== undefined ? { spec: values.spec } : {}),
    ...(values.out !== undefined ? { out: values.out } : {}),
    ...(include.length > 0 ? { include } : {}),
    ...(values.all ? { all: true } : {}),
    ...(values.strict ? { strict: true } : {}),
    ...(values.typecheck ? { typecheck: true } : {}),
  };
}

/** The resolved config for a command: `--config` or the working folder's config, with the flags' overrides. */
export function configFromFlags(values: Parameters<typeof selectionOverrides>[0] & { config?: string | undefined }, cwd: string): Promise<ResolvedConfig> {
  return loadConfig({ cwd, ...(values.config !== undefined ? { config: values.config } : {}) }, selectionOverrides(values));
}
