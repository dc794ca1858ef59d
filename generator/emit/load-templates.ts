import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { didYouMean } from '../did-you-mean.ts';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { error, MorphError, warning, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { DiagnosticCollector } from '../diagnostics/collector.ts';
import { message } from '../diagnostics/message.ts';
import { importUserModule } from '../import-module.ts';
import { compareStrings } from '../json.ts';
import { sha256 } from '../hash.ts';
import { TEMPLATE_API_VERSION, type Template } from '../template-api/types.ts';
import { readEjectRecord, type EjectRecord } from './eject-record.ts';
import { missingNamedImports } from './named-imports.ts';
import { defaultTemplateModule, toolkit, toolkitRoot } from '../toolkit.ts';

export interface LoadedTemplate {
  readonly template: Template;
  /** Project-relative path of the template's module, for messages. */
  readonly file: string;
  /** Absolute path of the template's module (`index.ts` for a folder template). */
  readonly modulePath: string;
  /** Absolute path of what makes the template: the module, or the folder of a folder template. */
  readonly location: string;
  readonly layout: 'module' | 'folder';
  /**
   * Where the template comes from, independent of where things are installed: `openapi-morph/templates/api.ts`
   * for a default, the project-relative path for a team template. Recorded in the manifest.
   */
  readonly source: string;
  readonly origin: 'default' | 'team';
  /** sha256 over the template's files (a folder template hashes all its files). */
  readonly sha256: string;
  /** For a team template made by `templates eject`: the default it was copied from (see eject-record.ts). */
  readonly ejected?: EjectRecord | { readonly malformed: true; readonly line: number };
}

/** One output concept: the default template, the team's, or both (the team's wins node by node). */
export interface TemplateSlot {
  readonly name: string;
  readonly base?: LoadedTemplate;
  readonly override?: LoadedTemplate;
}

const SCOPES = new Set(['document', 'tag', 'schema']);

/** A template's files as found on disk, before its module is imported. */
export type TemplateEntry = Omit<LoadedTemplate, 'template' | 'ejected'> & {
  readonly name: string;
  /** The module's text (its `index.ts` for a folder template). */
  readonly text: string;
};

/**
 * A folder beside `dir` (which does not exist) whose name is close to its name and that holds
 * templates (`.ts` files): `tempaltes` for `templates`, so that a typo in `templates.dir` is named,
 * not taken for a new team folder (`templates eject` into it left every team template unused).
 */
export function nearTemplateFolder(dir: string): string | undefined {
  let siblings: string[];
  try {
    siblings = readdirSync(dirname(dir), { withFileTypes: true }).filter((entry) => entry.isDirectory() && readdirSync(join(dirname(dir), entry.name)).some((name) => name.endsWith('.ts'))).map((entry) => entry.name);
  } catch {
    return undefined;
  }
  const near = didYouMean(basename(dir), siblings);
  return near === undefined ? undefined : join(dirname(dir), near);
}

/**
 * Finds the templates in a folder: every `<name>.ts` file and every `<name>/index.ts` folder
 * (a folder template may carry assets, such as the runtime's source files), with their hashes,
 * without importing them (the no-op check fingerprints templates this way). Names starting with
 * `_` are the folder's own helper modules, not templates. Read synchronously: a few dozen small
 * files, where each awaited read was a round trip to the thread pool (the defaults' scan took
 * 11-19 ms of a one-operation run's main thread, mostly waiting).
 */
export function scanTemplateDir(dir: string, root: string, origin: LoadedTemplate['origin']): { entries: TemplateEntry[]; diagnostics: Diagnostic[] } {
  const sourceBase = origin === 'default' ? toolkitRoot : root;
  const sourcePrefix = origin === 'default' ? `${toolkit.name}/` : '';
  if (!exists(dir)) {
    const near = nearTemplateFolder(dir);
    throw new MorphError([error('OM103', `templates.dir: the folder ${relative(root, dir) || '.'} does not exist${near ? `; did you mean ${JSON.stringify(relative(root, near))}, which holds templates?` : ''}`, { file: relative(root, dir) })]);
  }
  const diagnostics: Diagnostic[] = [];
  const entries: TemplateEntry[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => compareStrings(a.name, b.name))) {
    if (entry.name.startsWith('_') || entry.name.startsWith('.')) continue;
    const isModule = entry.isFile() && entry.name.endsWith('.ts') && !/\.(d|test|spec)\.ts$/.test(entry.name);
    const isFolder = entry.isDirectory() && exists(join(dir, entry.name, 'index.ts'));
    if (!isModule && !isFolder) {
      if (origin === 'team' && entry.isFile() && NOT_A_TEMPLATE.test(entry.name)) diagnostics.push(notATemplate(relative(root, join(dir, entry.name)).split('\\').join('/')));
      continue;
    }
    const name = isModule ? entry.name.slice(0, -3) : entry.name;
    const location = join(dir, entry.name);
    const modulePath = isModule ? location : join(location, 'index.ts');
    const file = relative(root, modulePath).split('\\').join('/');
    const twin = entries.find((t) => t.name === name);
    if (twin) {
      diagnostics.push(error('OM501', `two templates are named "${name}": ${twin.file} and ${file}; keep one`, { file }));
      continue;
    }
    const text = readFileSync(modulePath, 'utf8');
    const sha = isModule ? sha256(normalizeText(text)) : hashFolder(location);
    const source = sourcePrefix + relative(sourceBase, modulePath).split('\\').join('/');
    entries.push({ name, file, modulePath, location, layout: isModule ? 'module' : 'folder', source, origin, sha256: sha, text });
  }
  return { entries, diagnostics };
}

/** A module a team may have meant as a template: JavaScript, or TypeScript other than `.ts` (`.d.ts`, tests and specs are not meant). */
const NOT_A_TEMPLATE = /\.(m?js|cjs|mts|cts|tsx|jsx)$/;

/** A module in the team folder that is not loaded as a template: a warning, not silence (a `_` name marks a helper and quiets it). */
function notATemplate(file: string): Diagnostic {
  const name = file.slice(file.lastIndexOf('/') + 1);
  return warning(
    'OM509',
    `${file} is not a template: team templates are <name>.ts modules or <name>/index.ts folders. Rename it to ${name.replace(NOT_A_TEMPLATE, '.ts')} to make it one, or to _${name} if templates import it as a helper`,
    { file },
  );
}

/**
 * The templates of a folder (`scanTemplateDir`), imported. Each module's default export must be a
 * template whose `name` is its file name.
 */
export async function loadTemplateDir(dir: string, root: string, origin: LoadedTemplate['origin']): Promise<{ templates: LoadedTemplate[]; warnings: Diagnostic[] }> {
  const { entries, diagnostics: found } = scanTemplateDir(dir, root, origin);
  const diagnostics = new DiagnosticCollector();
  diagnostics.add(...found);
  // A default template is the toolkit's own code, imported natively (compiled, when the toolkit is):
  // all at once, so Node's loader reads and links them together (one after the other, the defaults'
  // imports took 22-45 ms of a one-operation run). A team's load through jiti one by one, as before.
  const defaults = origin === 'default' ? entries.map((entry) => import(pathToFileURL(defaultTemplateModule(entry.modulePath)).href) as Promise<{ default?: unknown }>) : [];
  // Handled now, so that one awaited later is not reported as unhandled meanwhile; awaiting it still throws.
  for (const imported of defaults) imported.catch(() => undefined);
  const loaded: LoadedTemplate[] = [];
  for (const [i, { name, text, ...found }] of entries.entries()) {
    let template: unknown;
    try {
      template = origin === 'default' ? (await defaults[i]!).default : await importUserModule(found.modulePath);
    } catch (cause) {
      diagnostics.add(error('OM500', `template "${name}" could not be loaded: ${message(cause)}`, { file: found.file, ...throwSite(cause, found.location, root) }, cause));
      continue;
    }
    const problem = checkTemplate(template, name);
    if (problem) {
      diagnostics.add(error('OM501', `template "${name}": ${problem}`, { file: found.file }));
      continue;
    }
    const missing = origin === 'team' ? missingNamedImports(found.modulePath, text) : [];
    for (const m of missing) {
      diagnostics.add(error('OM501', `template "${name}": ${JSON.stringify(m.specifier)} does not export ${JSON.stringify(m.name)} (as an ES module would say; the template would get undefined)`, { file: relative(root, m.file).split('\\').join('/'), line: m.line, column: m.column }));
    }
    if (missing.length > 0) continue;
    const ejected = origin === 'team' ? readEjectRecord(text) : undefined;
    loaded.push({ template: template as Template, ...found, ...(ejected ? { ejected } : {}) });
  }
  diagnostics.throwIfErrors();
  return { templates: loaded, warnings: [...diagnostics.list] };
}

/** Pairs defaults with team templates by name; names sorted for a stable run order. */
export function slotTemplates(defaults: readonly LoadedTemplate[], team: readonly LoadedTemplate[]): TemplateSlot[] {
  const names = [...new Set([...defaults, ...team].map((t) => t.template.name))].sort(compareStrings);
  return names.map((name) => {
    const base = defaults.find((t) => t.template.name === name);
    const override = team.find((t) => t.template.name === name);
    return { name, ...(base ? { base } : {}), ...(override ? { override } : {}) };
  });
}

/** A template's fields (TemplateBase and its scopes'): another one is a typo a team would not see. */
const FIELDS = new Set(['apiVersion', 'name', 'description', 'scope', 'render']);

function checkTemplate(value: unknown, name: string): string | undefined {
  const exported = 'the module must `export default defineTemplate({...})`';
  if (value === null || typeof value !== 'object') return exported;
  const t = value as Partial<Template>;
  // A module without a default export comes as its namespace: no template field at all.
  if (!['apiVersion', 'render', 'scope'].some((field) => Object.hasOwn(t, field))) return `${exported}; it has no default export of a template`;
  const unknown = Object.keys(t).filter((key) => !FIELDS.has(key));
  if (unknown.length > 0) return `unknown field${unknown.length > 1 ? 's' : ''} ${unknown.map((key) => JSON.stringify(key)).join(', ')} (a template has ${[...FIELDS].join(', ')})`;
  if (t.apiVersion !== TEMPLATE_API_VERSION) return `apiVersion must be ${TEMPLATE_API_VERSION} (found ${JSON.stringify(t.apiVersion)})`;
  if (t.name !== name) return `its name ${JSON.stringify(t.name)} must equal its file name "${name}"`;
  if (typeof t.scope !== 'string' || !SCOPES.has(t.scope)) return `scope must be "document", "tag" or "schema"`;
  if (typeof t.render !== 'function') return 'render must be a function';
  if (typeof t.description !== 'string') return 'description must be a string';
  return undefined;
}

function hashFolder(dir: string): string {
  const files: string[] = [];
  const walk = (current: string): void => {
    for (const entry of readdirSync(current, { withFileTypes: true }).sort((a, b) => compareStrings(a.name, b.name))) {
      const full = join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) files.push(full);
    }
  };
  walk(dir);
  return sha256(files.map((f) => `${relative(dir, f).split('\\').join('/')}\0${normalizeText(readFileSync(f, 'utf8'))}`).join('\0'));
}

/** Line endings do not change a hash, so a Windows checkout hashes like a Linux one. */
export function normalizeText(text: string): string {
  return text.replace(/\r\n/g, '\n');
}

function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * Where in a template an error was thrown: the first stack frame inside the template's module or
 * folder (tsx maps frames to the TypeScript source), as a project-relative file, line and column.
 */
export function throwSite(cause: unknown, location: string, root: string): { file?: string; line?: number; column?: number } {
  const stack = cause instanceof Error ? (cause.stack ?? '') : '';
  const base = pathToFileURL(location).href;
  for (const match of stack.matchAll(/\(?((?:file:\/\/)?[^\s()]+?):(\d+):(\d+)\)?$/gm)) {
    const frame = match[1]!.replace(/\?[^/]*$/, '');
    const url = frame.startsWith('file://') ? frame : pathToFileURL(frame).href;
    if (url !== base && !url.startsWith(`${base}/`)) continue;
    return { file: relative(root, fileURLToPath(url)).split('\\').join('/'), line: Number(match[2]), column: Number(match[3]) };
  }
  return {};
}

/** The default templates and the team's (none without a team folder): what a render slots together. */
export async function loadTemplates(templates: { readonly defaultsDir: string; readonly teamDir?: string | undefined }, root: string): Promise<{ defaults: LoadedTemplate[]; team: LoadedTemplate[]; warnings: Diagnostic[] }> {
  const [defaults, team] = await Promise.all([
    loadTemplateDir(templates.defaultsDir, root, 'default'),
    templates.teamDir ? loadTemplateDir(templates.teamDir, root, 'team') : Promise.resolve({ templates: [], warnings: [] }),
  ]);
  return { defaults: defaults.templates, team: team.templates, warnings: [...defaults.warnings, ...team.warnings] };
}
