import { existsSync, readdirSync } from 'node:fs';
import { cp, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fail } from '../diagnostics/diagnostic.ts';
import { compareStrings } from '../json.ts';
import { toolkit, toolkitRoot } from '../toolkit.ts';
import { ejectRecordComment } from './eject-record.ts';
import type { LoadedTemplate } from './load-templates.ts';
import { typescript } from '../heavy.ts';

export interface EjectResult {
  /** Absolute path of the copy: `<dir>/<name>.ts`, or the folder `<dir>/<name>`. */
  readonly target: string;
  readonly layout: LoadedTemplate['layout'];
  readonly sha256: string;
  /** Relative imports that left the template, rewritten to `openapi-morph/templates/...`. */
  readonly rewritten: readonly string[];
}

/**
 * `templates eject`: copies a default template (a module, or a folder with its assets) into a
 * team folder as a starting point, with an eject record (toolkit version and the default's
 * sha256) at the top of its module. Imports of `openapi-morph` stay as they are, so the copy works
 * unchanged; a relative import that leaves the template (a helper module next to it) is rewritten
 * to the toolkit's `openapi-morph/templates/...` export. Refuses to overwrite anything.
 */
export async function ejectTemplate(base: LoadedTemplate, dir: string, displayDir: string, templatesRoot = join(toolkitRoot, 'templates')): Promise<EjectResult> {
  const name = base.template.name;
  for (const taken of [join(dir, `${name}.ts`), join(dir, name)]) {
    if (existsSync(taken)) {
      fail('OM508', `${displayDir}/${relative(dir, taken).split(sep).join('/')} already exists; templates eject never overwrites. Remove or rename it, or eject elsewhere with --to DIR`, {
        file: `${displayDir}/${relative(dir, taken).split(sep).join('/')}`,
      });
    }
  }
  await mkdir(dir, { recursive: true });
  const target = base.layout === 'module' ? join(dir, `${name}.ts`) : join(dir, name);
  // Build the copy under a temporary name, then rename: a failed eject leaves nothing half-made.
  const staging = join(dir, `.${name}.ejecting-${process.pid}`);
  await rm(staging, { recursive: true, force: true });
  const rewritten: string[] = [];
  try {
    if (base.layout === 'folder') await cp(base.location, staging, { recursive: true });
    const copyOf = (file: string) => (base.layout === 'module' ? staging : join(staging, relative(base.location, file)));
    // Only the template's code is rewritten: the modules its entry imports, then the other modules
    // beside its entry (another template imports one: runtime/readme-sections.ts is the readme's),
    // not the assets of its subfolders that it reads as text (runtime/files/), copied byte for byte.
    const queue = [...new Set([base.modulePath, ...(base.layout === 'folder' ? modulesIn(base.location) : [])])];
    for (let i = 0; i < queue.length; i++) {
      const module = queue[i]!;
      const source = await readFile(module, 'utf8');
      const { text, changed, local } = await rewriteImports(source, module, base.location, templatesRoot);
      rewritten.push(...changed);
      for (const next of local) if (!queue.includes(next)) queue.push(next);
      const record = module === base.modulePath ? ejectRecordComment({ template: name, toolkit: toolkit.version, sha256: base.sha256 }, `openapi-morph templates eject ${name}`) : '';
      await writeFile(copyOf(module), record + text);
    }
    await rename(staging, target);
  } catch (cause) {
    await rm(staging, { recursive: true, force: true });
    throw cause;
  }
  return { target, layout: base.layout, sha256: base.sha256, rewritten };
}

/** The TypeScript modules of a folder, not of its subfolders, in name order (declarations left out). */
function modulesIn(folder: string): string[] {
  return readdirSync(folder, { encoding: 'utf8' })
    .filter((path) => /\.[mc]?ts$/.test(path) && !/\.d\.[mc]?ts$/.test(path))
    .sort(compareStrings)
    .map((path) => join(folder, path));
}

/**
 * Rewrites relative module specifiers that point outside `location` (the template's file or
 * folder) to the toolkit's package export. Found with the TypeScript parser, not a regex, so
 * strings and comments that merely look like imports are left alone.
 */
async function rewriteImports(text: string, file: string, location: string, templates: string): Promise<{ text: string; changed: string[]; local: string[] }> {
  const ts = typescript();
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const edits: { start: number; end: number; value: string; from: string }[] = [];
  const local: string[] = [];
  const visit = (node: import('typescript').Node): void => {
    let specifier: import('typescript').Expression | undefined;
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) specifier = node.moduleSpecifier;
    else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) specifier = node.arguments[0];
    if (specifier && ts.isStringLiteral(specifier) && specifier.text.startsWith('.')) {
      const absolute = resolve(dirname(file), specifier.text);
      const inside = absolute === location || absolute.startsWith(`${location}${sep}`);
      if (inside) {
        // `./helper.js` names `helper.ts` in TypeScript sources.
        local.push(/\.[mc]?js$/.test(absolute) && !existsSync(absolute) ? absolute.replace(/js$/, 'ts') : absolute);
      } else {
        if (!absolute.startsWith(`${templates}${sep}`)) throw new Error(`${file} imports ${specifier.text}, outside the toolkit's templates; it cannot be ejected`);
        const value = `${toolkit.name}/templates/${relative(templates, absolute).split(sep).join('/')}`;
        edits.push({ start: specifier.getStart(source) + 1, end: specifier.getEnd() - 1, value, from: specifier.text });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  let result = text;
  for (const edit of edits.sort((a, b) => b.start - a.start)) result = result.slice(0, edit.start) + edit.value + result.slice(edit.end);
  return { text: result, changed: edits.map((e) => `${e.from} -> ${e.value}`), local };
}
