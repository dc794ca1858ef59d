import type { ResolvedConfig } from './config/types.ts';
import { fail, MorphError, type Diagnostic } from './diagnostics/diagnostic.ts';
import { DiagnosticCollector } from './diagnostics/collector.ts';
import { overrideDrift } from './emit/drift.ts';
import { loadTemplates, slotTemplates, type LoadedTemplate } from './emit/load-templates.ts';
import { emitPackage } from './emit/emit-package.ts';
import { typecheckFiles } from './emit/typecheck.ts';
import { trustedCacheDir } from './cache-dir.ts';
import type { FormatPool } from './format/format-jobs.ts';
import { startFormatSession, type FormattedFile } from './format/prettier.ts';
import { renderFormatting } from './format/render-pool.ts';
import { inputsFingerprint } from './inputs/fingerprint.ts';
import { compareStrings, isObject, type JsonObject } from './json.ts';
import { bundleExternalRefs } from './load/bundle.ts';
import { loadFrom } from './load/from.ts';
import { loadSpecFile } from './load/index.ts';
import { LARGE_SPEC_BYTES } from './load/limits.ts';
import { buildModel } from './model/build.ts';
import { clientConfigWarnings } from './model/client-config.ts';
import { emptyPackageWarnings } from './model/empty-package.ts';
import { securityWarnings } from './model/security-warnings.ts';
import type { ApiModel } from './model/types.ts';
import { normalize } from './normalize/index.ts';
import { withoutSuppliedParameters } from './openapi/supplied-parameters.ts';
import { templateOptions } from './package-policy.ts';
import { readReleases, type Release } from './releases.ts';
import { operationKeys, select, type SelectResult } from './select/index.ts';
import { checkSelected } from './select/checked.ts';
import { narrowedTo, type SpecDocument } from './spec-context.ts';
import { createTemplateContext } from './template-api/context.ts';
import { noProgress, type Progress } from './progress.ts';
import { collectGarbage } from './engine-flags.ts';
import { toolkit } from './toolkit.ts';
import { lazyOpenapiTypes } from './types/openapi-types.ts';
import { endTypesWorker, startTypesWorker, worthAThread, type TypesWorker } from './types/types-thread.ts';
import { MANIFEST_NAME } from './write/output-tree.ts';
import { lastRenderOutput } from './inputs/last-render.ts';
import { configHash, renderManifest } from './write/manifest.ts';
import { prettierInputs } from './inputs/prettier-inputs.ts';

/** Everything one run produces, in memory: `generate` writes it, `check` compares it. */
export interface RenderResult {
  readonly config: ResolvedConfig;
  /** The spec as loaded, its `document` narrowed to the selected subset (`narrowedTo`). */
  readonly spec: SpecDocument;
  readonly selected: SelectResult;
  readonly model: ApiModel;
  /** Package-relative path -> final content (manifest included), sorted by path. */
  readonly files: ReadonlyMap<string, string>;
  readonly templates: readonly LoadedTemplate[];
  readonly warnings: readonly Diagnostic[];
  /** The package's name (config, else from `info.title`) and version (release history, else `info.version`). */
  readonly package: { readonly name: string; readonly version: string };
}

/**
 * The pipeline, source to formatted files: load -> select -> validate the subset -> normalize ->
 * model -> templates (the types made when a template first reads them) -> print -> format -> type
 * check (when `config.typecheck`) -> manifest. Pure with respect to the output
 * folder: reads the spec, config, release history and templates, writes nothing.
 */
export async function render(config: ResolvedConfig, renderOptions: RenderOptions = {}): Promise<RenderResult> {
  // The format worker loads prettier while the spec loads too (GitHub's 13 MB takes ~0.5 s).
  return withRenderPool(config, renderOptions, async (pool) => {
    const { spec, selected, leftBehind, typesWorker } = await loadSelected(config, renderOptions.progress);
    try {
      // Most of a large spec's tree is garbage now: collected before the render grows the heap (engine-flags.ts `collectGarbage`).
      if (leftBehind) await collectGarbage();
      return await renderModel(config, spec, selected, renderOptions, pool, typesWorker);
    } catch (cause) {
      // A worker given no document would wait as long as the process lives (`generate --watch`, a
      // caller of the public API whose progress throws to cancel); one that has it, types no one reads.
      if (typesWorker) endTypesWorker(typesWorker);
      throw cause;
    }
  });
}

/**
 * The project's spec loaded, its subset selected and validated, and the spec narrowed to it. Its
 * own function so that, once it has returned, no frame holds the whole tree (a suspended async
 * function keeps every variable it has). `leftBehind`: a large spec of which the subset keeps less
 * than half (paths and components), so that collecting the rest now pays. `typesWorker`: for a
 * large subset, the types worker, started once the subset was selected, so that it loads
 * TypeScript's compiler while the subset is validated (types-thread.ts `startTypesWorker`; Stripe's
 * `--all` had waited for its types after the templates that need none); the caller ends it when
 * the render fails.
 */
async function loadSelected(config: ResolvedConfig, progress: Progress | undefined): Promise<{ spec: SpecDocument; selected: SelectResult; leftBehind: boolean; typesWorker: TypesWorker | undefined }> {
  const whole = await loadProjectSpec(config, progress);
  let typesWorker: TypesWorker | undefined;
  try {
    const selected = await selectValidated(whole, config, progress, (subset) => {
      typesWorker = worthAThread(subset.document) ? startTypesWorker() : undefined;
    });
    return { spec: narrowedTo(whole, selected.document), selected, leftBehind: whole.source.byteLength >= LARGE_SPEC_BYTES && 2 * kept(selected) < entries(whole.document), typesWorker };
  } catch (cause) {
    if (typesWorker) endTypesWorker(typesWorker);
    throw cause;
  }
}

/** The paths and components a document has. */
function entries(document: JsonObject): number {
  const components = isObject(document['components']) ? Object.values(document['components']) : [];
  return keyCount(document['paths']) + components.reduce((sum: number, group) => sum + keyCount(group), 0);
}

/** The paths and components a subset keeps. */
function kept(selected: SelectResult): number {
  return keyCount(selected.document['paths']) + selected.closure.components.length;
}

const keyCount = (node: unknown): number => (isObject(node) ? Object.keys(node).length : 0);

/** The config's selection of `spec`, within the limits, validated against the OpenAPI schema (the subset only); `onSelected` is told the subset before it is checked. */
async function selectValidated(spec: SpecDocument, config: ResolvedConfig, progress: Progress = noProgress, onSelected?: (subset: SelectResult) => void): Promise<SelectResult> {
  progress.stage('select');
  const selected = select(spec, config.selection);
  onSelected?.(selected);
  await checkSelected(spec, selected, config.limits, progress);
  return selected;
}

/** The config's spec, parsed, with external references bundled in when the config allows them. */
export function loadProjectSpec(config: ResolvedConfig, progress: Progress = noProgress): Promise<SpecDocument> {
  progress.stage('load', config.spec.name);
  // A URL: downloaded under the same limits as `sync --from`; its external references are not bundled.
  if (config.spec.kind === 'url') return loadFrom(config.spec.url, config.root, config.limits);
  return loadSpec(config, config.spec.path, config.spec.name);
}

/**
 * Any spec file as `generate` loads the project's (external references under the config's `refs`
 * policy), read as the config's selection reads it (load/checked-tree.ts `Reading`).
 */
export async function loadSpec(config: ResolvedConfig, path: string, name: string): Promise<SpecDocument> {
  const spec = await loadSpecFile(path, name, config.limits, config.selection.include === 'all' ? 'all' : 'some');
  return bundleExternalRefs(spec, { policy: config.refs, specPath: path, root: config.root, limits: config.limits });
}

export interface RenderOptions {
  /**
   * Release history to use instead of reading `config.package.releases` (the diff renders two
   * packages in memory only to compare their API, and must work without a release file).
   */
  readonly releases?: readonly Release[];
  /** Run prettier (default true). The diff only type-checks the files, and prettier is most of a render's time. */
  readonly format?: boolean;
  /** Told when each stage begins (the CLI's progress line and `--verbose` timings). */
  readonly progress?: Progress;
  /**
   * Take prettier's output for an unchanged text from the output folder's last render when the
   * running toolkit made it (inputs/last-render.ts): what the CLI's `generate` (without `--force`),
   * `sync` and `release` ask for, since a machine without the format cache would format it all again.
   * Off by default: a caller that compares the render with the folder (`check`) must not take from it.
   */
  readonly reuseOutput?: boolean;
}

export async function renderSpec(config: ResolvedConfig, spec: SpecDocument, renderOptions: RenderOptions = {}): Promise<RenderResult> {
  return withRenderPool(config, renderOptions, (pool) => renderLoaded(config, spec, renderOptions, pool));
}

async function renderLoaded(config: ResolvedConfig, spec: SpecDocument, renderOptions: RenderOptions, pool: FormatPool | undefined): Promise<RenderResult> {
  const selected = await selectValidated(spec, config, renderOptions.progress);
  // The stages after selection read only the subset. (This frame, and the caller's, still hold the
  // whole tree while they run: a suspended async function keeps its variables. `render` loads and
  // cuts in `loadSelected` so that none does; the callers of `renderSpec` hold their spec anyway.)
  return renderModel(config, narrowedTo(spec, selected.document), selected, renderOptions, pool);
}

/**
 * The stages after selection, for a subset that was already selected and validated (`sync`
 * validates the subset of the upstream document once, then renders the spec it writes). `pool`:
 * the format worker a caller started before loading (`withRenderPool`), else one starts here.
 */
export async function renderSelected(config: ResolvedConfig, spec: SpecDocument, selected: SelectResult, renderOptions: RenderOptions = {}, pool?: FormatPool): Promise<RenderResult> {
  // Without formatting, renderModel starts no format session and leaves the pool alone.
  if (pool) return renderModel(config, spec, selected, renderOptions, pool);
  return withRenderPool(config, renderOptions, (started) => renderModel(config, spec, selected, renderOptions, started));
}

/**
 * prettier loads on a worker thread while the stages before formatting run on this one (the diff
 * renders without it, and so does a config with `output.format: false`); the worker ends with `run`.
 */
export async function withRenderPool<T>(config: ResolvedConfig, renderOptions: RenderOptions, run: (pool: FormatPool | undefined) => Promise<T>): Promise<T> {
  const pool = formats(config, renderOptions) ? renderFormatting(config.output.dir) : undefined;
  try {
    return await run(pool);
  } finally {
    pool?.close();
  }
}

async function renderModel(config: ResolvedConfig, spec: SpecDocument, selected: SelectResult, renderOptions: RenderOptions, pool: FormatPool | undefined, typesWorker?: TypesWorker): Promise<RenderResult> {
  const progress = renderOptions.progress ?? noProgress;
  progress.stage('model');
  const document = normalize(spec, selected.document);
  // The types need TypeScript's compiler (~0.3 s to load): they are made when a template first reads
  // them, so the templates that need only the model (the markdown pages) run first and their files
  // reach the format worker while the compiler loads; a large document's are made on a worker
  // thread from here on (started when the subset was selected: `loadSelected`), while this one
  // builds the model and runs the templates (see `lazyOpenapiTypes`).
  // Without the parameters the client sends itself, which the model leaves out as it reads them.
  const types = lazyOpenapiTypes(withoutSuppliedParameters(document), spec.source.name, typesWorker);
  const model = buildModel(document, { name: spec.source.name, sha256: spec.source.sha256, openapi: String(spec.document['openapi']) }, config.naming, spec.at);
  const [releases, { defaults, team, warnings: found }] = await Promise.all([
    renderOptions.releases ? [...renderOptions.releases] : readReleases(config.package.releases.path, config.package.releases.name),
    loadTemplates(config.templates, config.root),
  ]);
  const diagnostics = new DiagnosticCollector();
  diagnostics.add(...found, ...overrideDrift(defaults, team, config.templates.strict));
  diagnostics.throwIfErrors();
  const slots = slotTemplates(defaults, team);
  const { options, warnings } = templateOptions(config, model, releases);
  diagnostics.add(...selected.warnings, ...warnings, ...clientConfigWarnings(config, model), ...emptyPackageWarnings(model, document, spec.at), ...securityWarnings(model, document, spec.at));
  const ctx = createTemplateContext(model, config.naming, options, types.text);
  const header = { specName: spec.source.name, specSha256: spec.source.sha256, banner: config.output.banner };
  const formatted: readonly FormattedFile[] = await withWarnings(diagnostics, async () => {
    progress.stage('templates', `${slots.length} templates`);
    // The diff renders without prettier (it compares declarations, not layout). Else each file goes
    // to the format stage as soon as it is printed, so the worker formats while templates still run.
    // What prettier gave the last render is read back from the output folder when the cache has nothing (inputs/last-render.ts).
    const session = !formats(config, renderOptions)
      ? undefined
      : startFormatSession(config.output.dir, trustedCacheDir(config.root), pool, prettierInputs(config.output.dir, config.root), renderOptions.reuseOutput ? await lastRenderOutput(config) : undefined);
    // The runtime's files, when the build's format seed has them, are not parsed again (see `FormatSession.seeded`).
    const print = () => withTypes(types, () => emitPackage(slots, ctx, config.root, header, (file) => session?.add(file), session?.seeded));
    if (!session) return print();
    // The session holds the printed files until each is formatted: this frame, suspended below, keeps their count only.
    const count = print().length;
    progress.stage('format', `${count} files`);
    return await session.done();
  });
  if (config.typecheck) {
    progress.stage('typecheck', `${formatted.length} files`);
    diagnostics.add(...(await typecheckFiles(formatted, config.output.dir)));
    diagnostics.throwIfErrors();
  }

  const files = new Map(formatted.map((f) => [f.path, f.content] as const).sort(([a], [b]) => compareStrings(a, b)));
  const formatRecords = new Map(formatted.flatMap((f) => (f.format ? [[f.path, f.format] as const] : [])));
  const hashes = new Map(formatted.flatMap((f) => (f.sha256 ? [[f.path, f.sha256] as const] : [])));
  // In any case: on a file system that ignores case, OPENAPI-MORPH.MANIFEST.JSON is the manifest.
  const manifestLike = [...files.keys()].find((path) => path.toLowerCase() === MANIFEST_NAME);
  if (manifestLike !== undefined) fail('OM502', `${manifestLike} is reserved for the manifest (${MANIFEST_NAME}, in any case); a template may not emit it`);
  const used = slots.flatMap((s) => [s.base, s.override].filter((t): t is LoadedTemplate => t !== undefined));
  const templates = used.map((t) => ({ name: t.template.name, origin: t.origin, source: t.source, sha256: t.sha256, modulePath: t.modulePath }));
  const specInput = { name: spec.source.name, sha256: spec.source.sha256, externals: spec.externals };
  files.set(
    MANIFEST_NAME,
    renderManifest({
      header,
      toolkit,
      spec: { path: spec.source.name, sha256: spec.source.sha256, externals: spec.externals },
      config: await configHash(config),
      templates,
      inputs: await inputsFingerprint(config, specInput, operationKeys(selected.operations), releases, templates),
      files,
      hashes,
      formats: formatRecords,
    }),
  );
  return { config, spec, selected, model, files, templates: used, warnings: diagnostics.list, package: { name: options.package.name, version: options.package.version } };
}

/** Whether the render runs prettier: not for the diff (`format: false`), nor when the config says `output.format: false`. */
function formats(config: ResolvedConfig, renderOptions: RenderOptions): boolean {
  return renderOptions.format !== false && config.output.format;
}

/**
 * The templates stage with its types: a subset openapi-typescript cannot type fails the run with
 * OM206 alone, as when the types were made before any template ran (not as the template that read
 * them, nor after the templates' own problems), and fails it even when no template read them.
 */
function withTypes<T>(types: ReturnType<typeof lazyOpenapiTypes>, run: () => T): T {
  let result: T;
  try {
    result = run();
  } catch (cause) {
    throw types.failure() ?? cause;
  }
  types.text();
  return result;
}

/** A later stage's failure joins the problems already collected, so the CLI prints every problem at once. */
async function withWarnings<T>(diagnostics: DiagnosticCollector, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (cause) {
    if (!(cause instanceof MorphError)) throw cause;
    diagnostics.add(...cause.diagnostics);
    diagnostics.throwIfErrors();
    throw cause;
  }
}
