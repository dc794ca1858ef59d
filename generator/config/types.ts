import type { Limits } from '../load/limits.ts';
import type { ResolvedClientConfig, UserClientConfig } from './client.ts';
import type { RefPolicy } from '../load/ref-policy.ts';
import type { NamingResolver } from '../naming/resolver.ts';
import type { OperationFilter, Selection } from '../select/filters.ts';

/**
 * What a user writes in `openapi-morph.config.ts`. Loose where a default exists; unions where two
 * options only make sense together, so invalid combinations do not type-check.
 */
export interface UserConfig {
  /** The spec to generate from: a path relative to the config file, or an http(s) URL. */
  readonly spec: string;
  /**
   * Which operations to generate: `'all'`, or include filters (an operation matching any of them)
   * minus exclude filters (which win). Default: all.
   */
  readonly select?: 'all' | { readonly include: 'all' | readonly OperationFilter[]; readonly exclude?: readonly OperationFilter[] };
  readonly output?: {
    /** The generated package's folder, relative to the config file. Default `generated`. */
    readonly dir?: string;
    /**
     * Globs (relative to the folder, `/`-separated; `*` and `?` within a segment, `**` across
     * segments) of the files there that are not the generator's: it never reads, writes or
     * deletes them. What building, packing and file browsers leave is always kept (`dist`, `node_modules`, `.DS_Store`: config/resolve.ts `ALWAYS_PRESERVED`). Any other file in the folder that
     * the manifest does not list is an error (OM603): nothing is deleted silently.
     */
    readonly preserve?: readonly string[];
    /**
     * Lines put above the do-not-edit header of every generated file (a copyright notice, a
     * company header), in each file's comment style; in JSON files, in the `"//"` member.
     */
    readonly banner?: string | readonly string[];
    /**
     * Run prettier on the generated files (default `true`). `false` writes them as the templates
     * print them, as openapi-typescript, hey-api and orval do by default: on a large spec most of a
     * run's time is prettier's (README, "Performance").
     */
    readonly format?: boolean;
  };
  readonly package?: {
    /** npm package name of the generated client. Default: the spec's `info.title` as an npm name. */
    readonly name?: string;
    readonly description?: string;
    /** SPDX license id. Default: the spec's `info.license.identifier`, else `UNLICENSED`. */
    readonly license?: string;
    /** Environment variable holding the API key when the caller passes none. */
    readonly apiKeyEnv?: string;
    /**
     * Release history (versions and changelog), relative to the config file. Default
     * `spec/releases.json`. Opt-in: while the file does not exist the package version is the spec's
     * `info.version` and there is no CHANGELOG.md; `sync` and `release` create it.
     */
    readonly releases?: string;
  };
  /** The generated client's runtime: credentials from the environment, a browser key rule, retry and idempotency headers. See generator/config/client.ts. */
  readonly client?: UserClientConfig;
  /**
   * OpenAPI Overlay 1.0 files applied, in order, to the upstream document before selection (by
   * `sync`, `extract` and `explain --from`). Paths or patterns relative to the config file; `*`
   * and `?` match within a path segment, and a pattern's matches apply in name order.
   */
  readonly overlays?: readonly string[];
  /**
   * A team's template folder: a template there replaces the default of the same name, a new name
   * adds an output. `strict`: override drift (a default that an ejected template replaced has
   * changed since) fails `generate` and `check` instead of warning; the `--strict` flag does the same.
   */
  readonly templates?: { readonly dir: string; readonly strict?: boolean };
  /**
   * Type-check the emitted TypeScript in memory before anything is written, so a template whose
   * code does not compile is named. `auto` (default): when `templates` names a team folder; the
   * default templates are type-checked by openapi-morph's own tests. The `--typecheck` flag forces it.
   */
  readonly typecheck?: 'auto' | 'always' | 'never';
  /** Naming rules to patch; shallow-merged over the defaults. */
  readonly naming?: Partial<NamingResolver>;
  readonly limits?: Partial<Limits>;
  /**
   * External `$ref`s. Default `{ external: false }`: only references inside the document. With
   * `{ external: true }`, relative files under the spec's folder, and http(s) URLs on `allowHosts`.
   */
  readonly refs?: RefPolicy;
}

export type SpecLocation = { readonly kind: 'file'; readonly path: string; readonly name: string } | { readonly kind: 'url'; readonly url: string; readonly name: string };

/** Every default applied, every path absolute. Built by `resolveConfig` only. */
export interface ResolvedConfig {
  /** Folder the config lives in; relative paths in the config and in output are relative to it. */
  readonly root: string;
  /** The config file, if one was loaded. */
  readonly configFile: string | undefined;
  /**
   * The spec: a file, or an http(s) URL downloaded on every run (`sync` and `release` need a
   * file). `name` is how messages and generated files name it: project-relative, the file name
   * alone outside the project, a URL without credentials, query or fragment.
   */
  readonly spec: SpecLocation;
  readonly selection: Selection;
  /** Overlay paths or patterns, relative to `root`, in the config's order. */
  readonly overlays: readonly string[];
  /** `kept`: the globs `preserve` always holds, where the package's build and installs go (`dist`, `node_modules`, ...). */
  readonly output: { readonly dir: string; readonly name: string; readonly preserve: readonly string[]; readonly kept: readonly string[]; readonly banner: readonly string[]; readonly format: boolean };
  readonly package: {
    /** Undefined: the spec's `info.title` as an npm name (the render decides). */
    readonly name: string | undefined;
    readonly description: string | undefined;
    readonly license: string | undefined;
    readonly apiKeyEnv: string | undefined;
    readonly releases: { readonly path: string; readonly name: string };
  };
  readonly client: ResolvedClientConfig;
  readonly templates: { readonly defaultsDir: string; readonly teamDir: string | undefined; readonly strict: boolean };
  /** Whether the emitted TypeScript is type-checked before writing (`typecheck`, resolved). */
  readonly typecheck: boolean;
  readonly naming: NamingResolver;
  readonly limits: Limits;
  readonly refs: RefPolicy;
}

/** Declares a config with type checking. */
export function defineConfig(config: UserConfig): UserConfig {
  return config;
}
