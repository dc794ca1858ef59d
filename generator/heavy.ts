import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { requireWithCodeCache, type SourceEdit } from './code-cache.ts';
import { commonjsModule } from './commonjs-module.ts';
import { fieldsAsAssignments } from './code-block-writer-fields.ts';
import { handledCharacterJumps } from './code-block-writer-scan.ts';
import { singleStructureUnscanned } from './ts-morph-single-separated.ts';
import { globPackagesOnDemand } from './ts-morph-glob-packages.ts';
import { libFilesFrom } from './ts-morph-lib-files.ts';
import { fastRefUtils, type RefUtils } from './redocly-ref-utils.ts';
import { scanWithOnePath } from './openapi-typescript-walk.ts';
import { withBranchesInlined } from './meta-schema-branches.ts';

/**
 * The toolkit's heavy dependencies, each loaded on first use (a command that does not emit code
 * never pays for them) and through `require`, not `import`. Both choices are measured, not
 * guessed (README, "Performance"), from when the CLI ran under the tsx loader: `import` of these
 * CommonJS packages cost seconds that `require` did not, because Node scans a CommonJS file's
 * source for its export names when ESM imports it (9 MB for typescript.js) and tsx rewrote every
 * dynamic `import()` of an ES module it loaded, with a source map (prettier's index.mjs). The CLI
 * now runs compiled JavaScript; the export-name scan still applies to `import`.
 */
const require = createRequire(import.meta.url);

/** TypeScript's compiler (9 MB), compiled with a V8 code cache (code-cache.ts). */
export function typescript(): typeof import('typescript') {
  return requireWithCodeCache(require.resolve('typescript')) as typeof import('typescript');
}

/**
 * ts-morph, running on the toolkit's one TypeScript install. ts-morph's `@ts-morph/common` bundles
 * a TypeScript of its own (6.0, 9 MB) next to the `typescript` 5.9 that openapi-typescript and the
 * type-check use; loading both cost a run about 0.3 s and 40 MiB. ts-morph only prints structures
 * and parses here, with APIs both versions share (the same SyntaxKind numbering, no 6.0-only
 * function used), so its bundled copy is answered from the module cache with the one install.
 * Both of ts-morph's own files compile with the V8 code cache, `@ts-morph/common` without the
 * 6.0 lib files it holds as strings: a project that loads lib files gets the install's
 * (ts-morph-lib-files.ts); and with its glob packages loaded when first used
 * (ts-morph-glob-packages.ts). About 0.1 s of every run that emits TypeScript. Its writer,
 * code-block-writer, compiled with the code cache too, its fields assigned
 * (code-block-writer-fields.ts) and its state's scan going from one character that matters to the
 * next (code-block-writer-scan.ts). ts-morph itself prints a list of one structure without scanning
 * it for a comma's place (ts-morph-single-separated.ts).
 */
export function tsMorph(): typeof import('ts-morph') {
  const main = require.resolve('ts-morph');
  const common = createRequire(main).resolve('@ts-morph/common');
  const compiler = require.resolve('typescript');
  require.cache[join(dirname(common), 'typescript.js')] ??= require.cache[compiler] ?? (typescript(), require.cache[compiler]);
  const libFiles = libFilesFrom(dirname(compiler));
  requireWithCodeCache(common, {
    source(bytes) {
      const libless = libFiles.source(bytes);
      const text = libless ?? bytes.toString('utf8');
      const edited = globPackagesOnDemand(text);
      // Neither edit applied (another version): the file as it is.
      return libless === undefined && edited === text ? undefined : edited;
    },
  });
  const writer = createRequire(main).resolve('code-block-writer');
  requireWithCodeCache(writer, textEdit((text) => handledCharacterJumps(fieldsAsAssignments(text))));
  return requireWithCodeCache(main, textEdit(singleStructureUnscanned)) as typeof import('ts-morph');
}

/** A module's text through `edit`; the file as it is where the edit changes nothing (another version). */
function textEdit(edit: (text: string) => string): SourceEdit {
  return {
    source(bytes) {
      const text = bytes.toString('utf8');
      const edited = edit(text);
      return edited === text ? undefined : edited;
    },
  };
}

/**
 * openapi-typescript's transform, without its entry point's Redocly bundling and linting: the
 * subset it gets was validated already and holds only internal references, so that would be the
 * same work twice (and loading Redocly alone costs more than the transform). These are the
 * exported `transformSchema`, `scanDiscriminators`, `astToString` and `transformSchemaObject` of
 * the pinned 7.13.0, from their CommonJS files; its discriminator scan walks with one path
 * (openapi-typescript-walk.ts) and Redocly's pointer helpers skip work a fragment does not need
 * (redocly-ref-utils.ts).
 */
export function openapiTypescript(): {
  transformSchema: typeof import('openapi-typescript').transformSchema;
  scanDiscriminators: typeof import('openapi-typescript').scanDiscriminators;
  resolveRef: typeof import('openapi-typescript').resolveRef;
  astToString: typeof import('openapi-typescript').astToString;
  transformSchemaObject: typeof import('openapi-typescript').transformSchemaObject;
} {
  lightRedoclyUtils();
  fastRedoclyRefUtils();
  requireWithCodeCache(require.resolve('openapi-typescript/dist/lib/utils.cjs'), textEdit(scanWithOnePath));
  const { scanDiscriminators, resolveRef } = require('openapi-typescript/dist/lib/utils.cjs') as typeof import('openapi-typescript');
  const { astToString } = require('openapi-typescript/dist/lib/ts.cjs') as typeof import('openapi-typescript');
  const transformSchema = require('openapi-typescript/dist/transform/index.cjs') as typeof import('openapi-typescript').transformSchema;
  const transformSchemaObject = (require('openapi-typescript/dist/transform/schema-object.cjs') as { default: typeof import('openapi-typescript').transformSchemaObject }).default;
  return { transformSchema, scanDiscriminators, resolveRef, astToString, transformSchemaObject };
}

/**
 * openapi-typescript's modules take `parseRef` and `escapePointer` from Redocly's
 * `lib/ref-utils.js`, which requires Redocly's `lib/utils.js`, and that loads its config, YAML,
 * proxy-agent and logging modules (about 40 modules, ~50 ms of a one-operation run) for the two
 * functions ref-utils calls, `isPlainObject` and `isTruthy`. Its module cache entry answers those
 * two itself and loads the real module, once, for any other name (nothing the toolkit loads asks).
 */
function lightRedoclyUtils(): void {
  const filename = join(dirname(redoclyRefUtilsFile()), 'utils.js');
  if (require.cache[filename]) return;
  const light: Record<string, unknown> = {
    isPlainObject: (value: unknown) => value !== null && typeof value === 'object' && !Array.isArray(value),
    isTruthy: (value: unknown) => !!value,
  };
  let real: Record<string | symbol, unknown> | undefined;
  const full = (): Record<string | symbol, unknown> => {
    if (!real) {
      const module = commonjsModule(filename);
      module.load(filename);
      real = module.exports as Record<string | symbol, unknown>;
    }
    return real;
  };
  answeredModule(filename, new Proxy(light, {
    get: (target, key) => (typeof key === 'string' && Object.hasOwn(target, key) ? target[key] : full()[key]),
    has: (_, key) => key in full(),
    ownKeys: () => Reflect.ownKeys(full()),
    getOwnPropertyDescriptor: (_, key) => ({ ...Reflect.getOwnPropertyDescriptor(full(), key), configurable: true }),
  }));
}

/** Redocly's `lib/ref-utils.js`, as openapi-typescript's modules resolve it. */
function redoclyRefUtilsFile(): string {
  return createRequire(require.resolve('openapi-typescript')).resolve('@redocly/openapi-core/lib/ref-utils.js');
}

/**
 * Redocly's `lib/ref-utils.js` as openapi-typescript gets it: its module cache entry answers the
 * four pointer helpers with `fastRefUtils`' (the same results, without the work Redocly's do on a
 * fragment that needs none) and anything else from the real module, loaded by Node's loader.
 */
function fastRedoclyRefUtils(): void {
  const filename = redoclyRefUtilsFile();
  if (require.cache[filename]) return;
  const real = commonjsModule(filename);
  real.load(filename);
  const redocly = real.exports as RefUtils & Record<string | symbol, unknown>;
  const fast = fastRefUtils(redocly) as unknown as Record<string, unknown>;
  answeredModule(filename, new Proxy(redocly, { get: (target, key) => (typeof key === 'string' && Object.hasOwn(fast, key) ? fast[key] : target[key]) }));
}

/** Puts a loaded module with `exports` in the module cache for `filename`, to answer `require` of that file. */
function answeredModule(filename: string, exports: unknown): void {
  const module = commonjsModule(filename);
  module.loaded = true;
  module.exports = exports;
  require.cache[filename] = module;
}

/**
 * The parser plugins each parser needs (prettier's printers for JS-like languages live in `estree`).
 * TypeScript: `babel` too, whose `babel-ts` parser the standalone formatter tries first (formatter.ts).
 */
const PRETTIER_PLUGINS: Record<string, readonly string[]> = {
  typescript: ['babel', 'estree', 'typescript'],
  babel: ['babel', 'estree'],
  json: ['babel', 'estree'],
  'json-stringify': ['babel', 'estree'],
  markdown: ['markdown'],
  yaml: ['yaml'],
  css: ['postcss'],
};
const ALL_PRETTIER_PLUGINS = ['typescript', 'estree', 'babel', 'markdown', 'yaml', 'postcss', 'html', 'angular', 'glimmer', 'graphql', 'flow', 'acorn', 'meriyah'];

/**
 * Prettier's standalone build with the parser plugins `parsers` need (CommonJS builds, each a few
 * hundred milliseconds to load; compiled with the V8 code cache, as typescript.js is). `all` loads every plugin prettier ships, for markdown whose code
 * fences another language would format (the full prettier formats those too).
 */
export function prettierStandalone(parsers: Iterable<string>, all: boolean): { format: typeof import('prettier').format; plugins: import('prettier').Plugin[] } {
  const standalone = requireWithCodeCache(require.resolve('prettier/standalone')) as typeof import('prettier');
  return { format: standalone.format, plugins: prettierPluginNames(parsers, all).map((name) => (name === 'typescript' ? LAZY_TYPESCRIPT : prettierPlugin(name))) };
}

/** The plugins of prettier's standalone build that `prettierStandalone` loads for these parsers (`all`: every one). */
export function prettierPluginNames(parsers: Iterable<string>, all: boolean): readonly string[] {
  return all ? ALL_PRETTIER_PLUGINS : [...new Set([...parsers].flatMap((parser) => PRETTIER_PLUGINS[parser] ?? ALL_PRETTIER_PLUGINS))];
}

function prettierPlugin(name: string): import('prettier').Plugin {
  return requireWithCodeCache(require.resolve(`prettier/plugins/${name}`)) as import('prettier').Plugin;
}

/**
 * Prettier's `typescript` parser, its plugin (900 KB) loaded when prettier first asks for it (prettier
 * awaits a parser given as a function). The standalone formatter parses TypeScript files with
 * `babel-ts` (formatter.ts), and the code of a markdown page's top-level TypeScript fences apart
 * the same way (markdown-fences.ts), so a run loads it only for a text babel cannot parse or a
 * fence of TypeScript left to prettier (in a list item, or code babel cannot parse).
 */
const LAZY_TYPESCRIPT = { parsers: { typescript: () => prettierPlugin('typescript').parsers!['typescript'] } } as unknown as import('prettier').Plugin;

/** The full prettier (config resolution included); an ES module, imported. */
export function prettierFull(): Promise<typeof import('prettier')> {
  return import('prettier');
}

/** js-yaml for a prettier config in YAML or JSON, which only some projects have (a no-op loads no parser without one). */
export function jsYaml(): typeof import('js-yaml') {
  return require('js-yaml') as typeof import('js-yaml');
}

/** The `yaml` package, for source positions in diagnostics only. */
export function yamlPositions(): typeof import('yaml') {
  return require('yaml') as typeof import('yaml');
}

/** swagger-parser, for the checks of a Swagger 2.0 source beyond its JSON schema (duplicate operationIds, path parameters). */
export function swaggerParser(): typeof import('@apidevtools/swagger-parser') {
  return require('@apidevtools/swagger-parser') as typeof import('@apidevtools/swagger-parser');
}

/** swagger2openapi, which converts a Swagger 2.0 source to OpenAPI 3.0. */
export function swagger2openapi(): typeof import('swagger2openapi') {
  return require('swagger2openapi') as typeof import('swagger2openapi');
}

/** A compiled JSON-schema validator (ajv's `ValidateFunction`, as much of it as we use). */
export interface SchemaValidator {
  (data: unknown): boolean;
  readonly errors?: readonly unknown[] | null;
}

export type OpenapiSchemaVersion = '2.0' | '3.0' | '3.1' | '3.2';

/** The ajv instance that compiles the official schema of `version`, with the options every validation uses. */
export function openapiSchemaAjv(version: OpenapiSchemaVersion, source: boolean): { ajv: object; schema: object; compile(): SchemaValidator } {
  const official = require(`@seriousme/openapi-schema-validator/schemas/v${version}/schema.json`) as object;
  const draft04 = version === '2.0' || version === '3.0';
  // 3.1 and 3.2 choose an object's kind with `if`/`then` on its `type`, which reports the one that applies.
  const schema = draft04 ? withBranchesInlined(official) : official;
  const Ajv = (draft04 ? require('ajv-draft-04') : require('ajv/dist/2020.js')) as { default: new (options: object) => { compile(schema: object): SchemaValidator } };
  const ajv = new Ajv.default({ allErrors: true, strict: false, validateFormats: false, verbose: true, ...(source ? { code: { source: true } } : {}) });
  return { ajv, schema, compile: () => ajv.compile(schema) };
}

/**
 * The official OpenAPI schema of `version` (the latest published revision, as pinned by
 * `@seriousme/openapi-schema-validator`: 3.0 2021-09-28, 3.1 2026-08-03, 3.2 2026-08-30), compiled
 * with ajv (draft-04 for 2.0 and 3.0, 2020-12 for 3.1 and 3.2). Formats are not checked: they are
 * advisory in these schemas and real documents break them harmlessly. Compiling costs 0.4-1 s, so
 * the build writes each compiled validator as ajv standalone code next to this module
 * (`schema-validators/`, see `bin/build-schema-validators.ts`) and a run loads that; a source
 * checkout run without a build compiles. The function is kept for the process: it is a pure
 * function of a pinned file, not state.
 */
export function openapiSchemaValidator(version: OpenapiSchemaVersion): SchemaValidator {
  let validator = compiledSchemas.get(version);
  if (!validator) {
    validator = precompiledSchemaValidator(version) ?? openapiSchemaAjv(version, false).compile();
    compiledSchemas.set(version, validator);
  }
  return validator;
}
const compiledSchemas = new Map<OpenapiSchemaVersion, SchemaValidator>();

/** Where the build writes the standalone validator of `version`, relative to this module. */
export const PRECOMPILED_SCHEMA_VALIDATOR = (version: OpenapiSchemaVersion) => `./schema-validators/v${version}.cjs`;

function precompiledSchemaValidator(version: OpenapiSchemaVersion): SchemaValidator | undefined {
  const file = new URL(PRECOMPILED_SCHEMA_VALIDATOR(version), import.meta.url);
  if (!existsSync(file)) return undefined;
  // Compiling its functions costs a first validation ~40 ms: they load with the V8 code cache.
  return requireWithCodeCache(fileURLToPath(file)) as SchemaValidator;
}

/**
 * jiti, which loads configs and team templates (its CommonJS entry: no export-name scan of its 190 KB
 * bundle). The bundle, `dist/jiti.cjs`, which the entry requires, loads through the code cache
 * first (compiling it cost every run with a config ~20 ms, a third of a no-op's own work).
 */
export function jiti(): typeof import('jiti') {
  const entry = require.resolve('jiti');
  requireWithCodeCache(join(dirname(entry), '..', 'dist', 'jiti.cjs'));
  return require(entry) as typeof import('jiti');
}

type JitiTransform = NonNullable<import('jiti').JitiOptions['transform']>;
let babelTransform: JitiTransform | undefined;

/**
 * jiti's own transform (its 1.5 MB Babel build), for the modules module-transform.ts leaves to it,
 * loaded on first use through the V8 code cache: about 0.1 s of CPU less when it is needed again.
 */
export const jitiTransform: JitiTransform = (options) => {
  babelTransform ??= requireWithCodeCache(join(dirname(require.resolve('jiti')), '..', 'dist', 'babel.cjs')) as JitiTransform;
  return babelTransform(options);
};

/** sucrase, the quick transpiler for a user's TypeScript and ES modules (module-transform.ts). */
export function sucrase(): typeof import('sucrase') {
  return require('sucrase') as typeof import('sucrase');
}

/** jsonpath-plus, for overlay targets (only projects with overlays load it). */
export function jsonPath(): typeof import('jsonpath-plus') {
  return require('jsonpath-plus') as typeof import('jsonpath-plus');
}
