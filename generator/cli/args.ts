import { parseArgs } from 'node:util';
import { fail } from '../diagnostics/diagnostic.ts';
import { configFileIn, loadConfig } from '../config/load.ts';
import type { ConfigOverrides } from '../config/resolve.ts';
import type { ResolvedConfig } from '../config/types.ts';
import type { OperationFilter } from '../select/filters.ts';

/** `--path`, `--tag`, `--operation-id`, `--all`: they replace the config's selection. */
export const selectionFlags = {
  path: { type: 'string', multiple: true },
  tag: { type: 'string', multiple: true },
  'operation-id': { type: 'string', multiple: true },
  all: { type: 'boolean' },
} as const;

/** `--from` and `--strict`, for commands that read an upstream document. */
export const sourceFlags = {
  from: { type: 'string' },
  strict: { type: 'boolean' },
} as const;

export const commonFlags = {
  config: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  debug: { type: 'boolean' },
} as const;

/** Flags every command that loads a config accepts. */
export const configFlags = {
  ...commonFlags,
  spec: { type: 'string' },
  out: { type: 'string' },
  ...selectionFlags,
} as const;

/** Flags of the commands that render the package (`generate`, `check`). */
export const renderFlags = {
  ...configFlags,
  strict: { type: 'boolean' },
  typecheck: { type: 'boolean' },
  force: { type: 'boolean' },
} as const;

export type FlagSpec = Record<string, { type: 'string' | 'boolean'; multiple?: boolean; short?: string }>;

/** What `parseArgs` returns for `flags` (named, so the compiled declaration file can state it). */
export type ParsedFlags<T extends FlagSpec> = ReturnType<typeof parseArgs<{ args: string[]; options: T; allowPositionals: true; strict: true }>>;

export function parseFlags<T extends FlagSpec>(args: readonly string[], flags: T, command: string): ParsedFlags<T> {
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
  };
}

/**
 * `--strict` and `--typecheck` of the commands that render (`generate`, `check`) as config
 * overrides. Other commands' `--strict` means something else (overlays, for `sync`).
 */
export function renderOverrides(values: { strict?: boolean | undefined; typecheck?: boolean | undefined }): ConfigOverrides {
  return { ...(values.strict ? { strict: true } : {}), ...(values.typecheck ? { typecheck: true } : {}) };
}

/** The resolved config for a command: `--config` or the working folder's config, with the flags' overrides. */
export function configFromFlags(values: Parameters<typeof selectionOverrides>[0] & { config?: string | undefined }, cwd: string, extra: ConfigOverrides = {}): Promise<ResolvedConfig> {
  return loadConfig({ cwd, ...(values.config !== undefined ? { config: values.config } : {}) }, { ...selectionOverrides(values), ...extra });
}

/** Whether any selection flag was given (they replace the config's selection). */
export function selectionGiven(values: { path?: string[] | undefined; tag?: string[] | undefined; 'operation-id'?: string[] | undefined; all?: boolean | undefined }): boolean {
  return (values.path?.length ?? 0) + (values.tag?.length ?? 0) + (values['operation-id']?.length ?? 0) > 0 || values.all === true;
}

/** `--from` is required by commands that read an upstream document. */
export function requireFrom(from: string | undefined, command: string): string {
  if (from === undefined || from === '') fail('OM100', `${command} needs --from <file | http(s) URL> (see openapi-morph ${command} --help)`);
  return from;
}

/**
 * For commands that do not need a project (`extract`, `explain --from`): the config when there is
 * one (its selection and overlays apply), else defaults (every operation, no overlays).
 */
export function optionalConfigFromFlags(values: Parameters<typeof configFromFlags>[0], cwd: string): Promise<ResolvedConfig> {
  const found = values.config !== undefined || configFileIn(cwd) !== undefined;
  return configFromFlags(found ? values : { ...values, spec: values.spec ?? 'spec/openapi.yaml' }, cwd);
}
