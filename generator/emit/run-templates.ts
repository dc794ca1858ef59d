import { error } from '../diagnostics/diagnostic.ts';
import { DiagnosticCollector } from '../diagnostics/collector.ts';
import type { SchemaModel, TagModel } from '../model/types.ts';
import type { Template, TemplateContext, TemplateFile, TemplateResult } from '../template-api/types.ts';
import { message } from '../diagnostics/message.ts';
import { throwSite, type LoadedTemplate, type TemplateSlot } from './load-templates.ts';
import { STATEMENT_KIND } from '../template-api/structure-kinds.ts';

/** A file a template produced, with the template that produced it (for messages and the manifest). */
export interface EmittedFile {
  readonly file: TemplateFile;
  readonly template: LoadedTemplate;
}

/**
 * Runs every template slot over its nodes: once for a document template, once per tag or per
 * schema otherwise. For each node the team's template runs first; `undefined` from it falls back
 * to the default, and `ctx.renderDefault()` gives it the default's files to decorate. Collects
 * every failure before throwing, and refuses two files on one path. `root` is the project folder
 * (diagnostics name files relative to it). `onEmitted` gets each node's files as soon as its
 * template has returned them (a render prints and formats them while later templates run).
 */
export function runTemplates(slots: readonly TemplateSlot[], ctx: TemplateContext, root: string, onEmitted?: (files: readonly EmittedFile[]) => void): EmittedFile[] {
  const diagnostics = new DiagnosticCollector();
  const emitted: EmittedFile[] = [];
  for (const slot of slots) {
    const scope = (slot.override ?? slot.base)!.template.scope;
    for (const node of nodesOf(scope, ctx)) {
      for (const loaded of [slot.override, slot.base]) {
        if (!loaded) continue;
        const local = loaded === slot.override && slot.base ? withDefault(ctx, slot.base, node) : ctx;
        const result = render(loaded, local, node, diagnostics, root);
        if (result === undefined) continue;
        const files = result.map((file) => ({ file, template: loaded }));
        emitted.push(...files);
        onEmitted?.(files);
        break;
      }
    }
  }
  checkPaths(emitted, diagnostics);
  diagnostics.throwIfErrors();
  return emitted;
}

/** The context an override sees: `renderDefault()` renders the default for the same node. */
function withDefault(ctx: TemplateContext, base: LoadedTemplate, node: Node): TemplateContext {
  const renderDefault = (): readonly TemplateFile[] => {
    const label = `the default template "${base.template.name}" (${base.source})`;
    let result: TemplateResult;
    try {
      result = call(base.template, ctx, node);
    } catch (cause) {
      throw new Error(`${label} threw: ${message(cause)}`, { cause });
    }
    const files = result === undefined ? [] : ((Array.isArray(result) ? result : [result]) as TemplateFile[]);
    for (const file of files) {
      const problem = checkFile(file);
      if (problem) throw new Error(`${label} returned an invalid file${pathOf(file)}: ${problem}`);
    }
    return files;
  };
  return extendContext(ctx, { renderDefault: { value: renderDefault, enumerable: true } });
}

/** `ctx` with `properties` added or replaced, frozen; its own properties as they are (a spread would read `openapiTypes`, made on first read). */
export function extendContext(ctx: TemplateContext, properties: PropertyDescriptorMap): TemplateContext {
  return Object.freeze(Object.defineProperties({}, { ...Object.getOwnPropertyDescriptors(ctx), ...properties })) as TemplateContext;
}

type Node = { kind: 'document' } | { kind: 'tag'; tag: TagModel } | { kind: 'schema'; schema: SchemaModel };

function nodesOf(scope: Template['scope'], ctx: TemplateContext): Node[] {
  if (scope === 'tag') return ctx.model.tags.map((tag) => ({ kind: 'tag', tag }));
  if (scope === 'schema') return ctx.model.schemas.map((schema) => ({ kind: 'schema', schema }));
  return [{ kind: 'document' }];
}

function describeNode(node: Node): string {
  if (node.kind === 'tag') return ` for tag ${JSON.stringify(node.tag.name)}`;
  if (node.kind === 'schema') return ` for schema ${JSON.stringify(node.schema.name)}`;
  return '';
}

function call(template: Template, ctx: TemplateContext, node: Node): TemplateResult {
  if (template.scope === 'tag') return node.kind === 'tag' ? template.render(ctx, node.tag) : undefined;
  if (template.scope === 'schema') return node.kind === 'schema' ? template.render(ctx, node.schema) : undefined;
  return template.render(ctx);
}

function render(loaded: LoadedTemplate, ctx: TemplateContext, node: Node, diagnostics: DiagnosticCollector, root: string): TemplateFile[] | undefined {
  const { template } = loaded;
  const label = `template "${template.name}"${describeNode(node)}`;
  let result: TemplateResult;
  try {
    result = call(template, ctx, node);
  } catch (cause) {
    diagnostics.add(error('OM500', `${label} threw: ${message(cause)}`, { file: loaded.file, ...throwSite(cause, loaded.location, root) }, cause));
    return undefined;
  }
  if (result === undefined) return undefined;
  if (typeof (result as { then?: unknown } | null)?.then === 'function') {
    // An `async render` (a review got "path must be a string" for it).
    diagnostics.add(error('OM501', `${label} returned a Promise; render runs synchronously and returns its files (no async render, no await)`, { file: loaded.file }));
    return [];
  }
  if (typeof result !== 'object' || result === null) {
    diagnostics.add(error('OM501', `${label} returned ${result === null ? 'null' : typeof result}; expected a file { kind, path, ... }, a list of files, or undefined`, { file: loaded.file }));
    return [];
  }
  const files = (Array.isArray(result) ? result : [result]) as TemplateFile[];
  const valid = files.filter((file) => {
    const problem = checkFile(file);
    if (problem) diagnostics.add(error('OM501', `${label} returned an invalid file${pathOf(file)}: ${problem}`, { file: loaded.file }));
    return !problem;
  });
  return valid.length === files.length ? valid : [];
}

function pathOf(file: unknown): string {
  const path = (file as { path?: unknown } | null)?.path;
  return typeof path === 'string' ? ` "${path}"` : '';
}

function checkFile(file: unknown): string | undefined {
  if (file === null || typeof file !== 'object') return 'expected an object { kind, path, ... }';
  const f = file as Partial<Record<string, unknown>>;
  if (typeof f['path'] !== 'string') return 'path must be a string';
  const path = f['path'];
  if (path === '' || path.startsWith('/') || /^[a-zA-Z]:/.test(path) || path.includes('\\') || path.split('/').some((s) => s === '..' || s === '.' || s === '')) {
    return 'path must be relative to the package root, with "/" separators and no "." or ".." segments';
  }
  // oxlint-disable-next-line no-control-regex -- control characters are what it refuses
  if (/[\u0000-\u001f<>:"|?*]/.test(path)) return 'path contains characters that are not portable in file names';
  // A version control folder is no package file: `.git/hooks/...` would run on the next commit.
  if (path.split('/').some((segment) => /^\.(?:git|hg|svn)$/i.test(segment))) return 'path must not be in a version control folder (.git, .hg, .svn)';
  switch (f['kind']) {
    case 'typescript':
      if (typeof f['statements'] === 'string' || typeof f['statements'] === 'function') return undefined;
      if (!Array.isArray(f['statements'])) return 'statements must be ts-morph statement structures, writer functions or strings';
      return checkStatements(f['statements'] as unknown[]);
    case 'text':
      if (path.endsWith('.json')) return 'a .json file must be { kind: "json", value }, so the pipeline can add its header';
      return typeof f['content'] === 'string' ? undefined : 'content must be a string';
    case 'json':
      return f['value'] !== undefined ? undefined : 'value is required';
    default:
      return 'kind must be "typescript", "text" or "json"';
  }
}

/** Structures ts-morph can print as a statement of a source file (what `ctx.ts` builds), by kind. */
const statementKinds = new Map(Object.entries(STATEMENT_KIND).map(([name, kind]) => [kind as number, name]));

function checkStatements(statements: readonly unknown[]): string | undefined {
  for (const [index, statement] of statements.entries()) {
    if (typeof statement === 'string' || typeof statement === 'function') continue;
    const kind = (statement as { kind?: unknown } | null)?.kind;
    if (typeof statement !== 'object' || statement === null || typeof kind !== 'number' || !statementKinds.has(kind)) {
      const found = typeof statement === 'object' && statement !== null ? `an object with kind ${JSON.stringify(kind)}` : JSON.stringify(statement);
      return `statements[${index}] is ${found}; a statement is code (a string), a writer function, or a structure of kind ${[...statementKinds.values()].join(', ')} (ctx.ts builds them)`;
    }
  }
  return undefined;
}

/** Two files on one path, compared case-insensitively (macOS and Windows file systems are). */
function checkPaths(emitted: readonly EmittedFile[], diagnostics: DiagnosticCollector): void {
  const seen = new Map<string, EmittedFile>();
  for (const entry of emitted) {
    const key = entry.file.path.toLowerCase();
    const earlier = seen.get(key);
    if (earlier) {
      diagnostics.add(
        error('OM502', `"${entry.file.path}" is emitted by template "${entry.template.template.name}" and by template "${earlier.template.template.name}"${earlier.file.path !== entry.file.path ? ` (as "${earlier.file.path}")` : ''}`, {
          file: entry.template.file,
        }),
      );
    } else {
      seen.set(key, entry);
    }
  }
}
