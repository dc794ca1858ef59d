/**
 * The templates stage streams: each template's text and JSON files are printed and handed on (to
 * the format stage, which gives them to prettier's worker) before the next template runs; its
 * TypeScript structures, whose printing loads the compiler, when a template first reads the types
 * or once every template has run. The files and the problems are those that printing after all
 * the templates gives.
 */
import { describe, expect, it, vi } from 'vitest';
import { emitPackage } from '../../generator/emit/emit-package.ts';
import type { LoadedTemplate, TemplateSlot } from '../../generator/emit/load-templates.ts';
import { printFiles, structureText } from '../../generator/emit/print.ts';
import { tsMorph } from '../../generator/heavy.ts';
import api from '../../templates/api.ts';
import validation from '../../templates/validation.ts';
import models from '../../templates/models.ts';
import index from '../../templates/index.ts';
import { fixtureContext, fixtureModel } from '../helpers/model-fixture.ts';
import { runTemplates } from '../../generator/emit/run-templates.ts';
import { MorphError } from '../../generator/diagnostics/diagnostic.ts';
import { defineTemplate, type DocumentTemplate } from '../../generator/template-api/types.ts';

const ctx = fixtureContext();
const header = { specName: 'spec/pets.yaml', specSha256: 'f'.repeat(64) };
const slot = (template: DocumentTemplate): TemplateSlot => ({
  name: template.name,
  base: { template, file: `templates/${template.name}.ts`, location: `/project/templates/${template.name}.ts`, source: template.name, origin: 'default', sha256: '' } as LoadedTemplate,
});
const document = (name: string, render: DocumentTemplate['render']) => slot(defineTemplate({ apiVersion: 1, name, scope: 'document', description: name, render }));
const codes = (run: () => unknown): string[] => {
  try {
    run();
  } catch (cause) {
    if (cause instanceof MorphError) return cause.diagnostics.map((d) => `${d.code} ${d.message}`);
    throw cause;
  }
  return [];
};

describe('emitPackage', () => {
  it('hands text files on before the next template runs and TypeScript structures after the last, listing them as printing them all at the end does', () => {
    const handed: string[] = [];
    const seenByLast: string[][] = [];
    const slots = [
      document('docs', () => [
        { kind: 'text', path: 'docs/A.md', content: '# A\n' },
        { kind: 'json', path: 'package.json', value: { name: 'x' } },
      ]),
      document('code', () => ({ kind: 'typescript', path: 'src/b.ts', statements: ['export const b = 1;'] })),
      document('last', () => {
        seenByLast.push([...handed]);
        return { kind: 'text', path: 'src/c.ts', content: 'export const c = 2;\n' };
      }),
    ];
    const printed = emitPackage(slots, ctx, '/project', header, (file) => handed.push(file.path));
    expect(seenByLast).toStrictEqual([['docs/A.md', 'package.json']]);
    expect(handed).toStrictEqual(['docs/A.md', 'package.json', 'src/c.ts', 'src/b.ts']);
    expect(printed.map((file) => file.path)).toStrictEqual(['docs/A.md', 'package.json', 'src/b.ts', 'src/c.ts']);
    expect(printed).toStrictEqual(printFiles(runTemplates(slots, ctx, '/project'), header));
  });

  it('prints the structures emitted so far when a template first reads the types, before they are made', () => {
    const handed: string[] = [];
    const seenByTypes: string[][] = [];
    let made = 0;
    const withTypes = Object.freeze(Object.defineProperties({}, { ...Object.getOwnPropertyDescriptors(ctx), openapiTypes: { enumerable: true, get: () => (seenByTypes.push([...handed]), made++, 'export interface paths {}\n') } })) as typeof ctx;
    const slots = [
      document('api', () => ({ kind: 'typescript', path: 'src/api.ts', statements: ['export const api = 1;'] })),
      document('docs', () => ({ kind: 'text', path: 'docs/A.md', content: '# A\n' })),
      document('schema', (c) => ({ kind: 'text', path: 'src/schema.ts', content: c.openapiTypes })),
      document('types-again', (c) => ({ kind: 'text', path: 'src/again.ts', content: c.openapiTypes })),
      document('validation', () => ({ kind: 'typescript', path: 'src/validation.ts', statements: ['export const v = 1;'] })),
    ];
    const printed = emitPackage(slots, withTypes, '/project', header, (file) => handed.push(file.path));
    // The API class went to the format stage before the types were made; the later structure once every template had run.
    expect(seenByTypes).toStrictEqual([['docs/A.md', 'src/api.ts'], ['docs/A.md', 'src/api.ts', 'src/schema.ts']]);
    expect(handed).toStrictEqual(['docs/A.md', 'src/api.ts', 'src/schema.ts', 'src/again.ts', 'src/validation.ts']);
    expect(made).toBe(2);
    expect(printed).toStrictEqual(printFiles(runTemplates(slots, withTypes, '/project'), header));
  });

  it('prints structures as the source file ts-morph would make of them holds them, and through a source file without its structure printer', () => {
    const { IndentationText, NewLineKind, Project, QuoteKind } = tsMorph();
    const project = new Project({ useInMemoryFileSystem: true, skipLoadingLibFiles: true, manipulationSettings: { indentationText: IndentationText.TwoSpaces, newLineKind: NewLineKind.LineFeed, quoteKind: QuoteKind.Double, useTrailingCommas: true } });
    const files = [...fixtureModel.tags.flatMap((tag) => [api.render(ctx, tag)]), validation.render(ctx), models.render(ctx), index.render(ctx)]
      .flatMap((result) => (Array.isArray(result) ? result : [result]))
      .filter((file): file is Extract<typeof file, { kind: 'typescript' }> => file?.kind === 'typescript');
    expect(files.length).toBeGreaterThan(3);
    // Without a context that prints structures (another ts-morph), through a source file of the real project.
    const bare = { _context: {}, createSourceFile: project.createSourceFile.bind(project), removeSourceFile: project.removeSourceFile.bind(project) } as unknown as typeof project;
    for (const file of files) {
      const expected = project.createSourceFile(`/expected/${file.path}`, { statements: file.statements }).getFullText();
      // Through the structure printer: no source file made (none parsed), the same text.
      const made = vi.spyOn(project, 'createSourceFile');
      expect(structureText(project, `/${file.path}`, file.statements)).toBe(expected);
      expect(made).not.toHaveBeenCalled();
      made.mockRestore();
      expect(structureText(bare, `/${file.path}`, file.statements)).toBe(expected);
      expect(project.getSourceFile(`/${file.path}`)).toBeUndefined();
    }
  });

  it("reports the templates' problems before printing's, as printing after all the templates does", () => {
    const broken = document('broken', () => ({ kind: 'text', path: 'src/broken.ts', content: 'export const x = {\n' }));
    const throws = document('throws', () => {
      throw new Error('boom');
    });
    const fine = document('fine', () => ({ kind: 'text', path: 'src/fine.ts', content: 'export const y = 1;\n' }));
    const both = [broken, throws, fine];
    const streamed = codes(() => emitPackage(both, ctx, '/project', header, () => undefined));
    expect(streamed).toStrictEqual(codes(() => printFiles(runTemplates(both, ctx, '/project'), header)));
    expect(streamed).toStrictEqual(['OM500 template "throws" threw: boom']);
    // Without the template that throws, printing's problem: the file that does not parse.
    const printing = codes(() => emitPackage([broken, fine], ctx, '/project', header, () => undefined));
    expect(printing).toHaveLength(1);
    expect(printing[0]).toMatch(/^OM503 template "broken" emitted src\/broken\.ts, which does not parse: line 7, column 1: '}' expected/);
  });

  it('locates a syntax error in printed TypeScript (parsed once, by ts-morph) as in the same text from a text template', () => {
    const located = (kind: 'typescript' | 'text', code: string) =>
      codes(() =>
        printFiles(
          runTemplates([document('t', () => (kind === 'typescript' ? { kind, path: 'src/t.ts', statements: [code] } : { kind, path: 'src/t.ts', content: `${code}\n` }))], ctx, '/project'),
          header,
        ),
      );
    // The header takes lines 1-5.
    // With the line itself: the file is not written, so the message is all a template author sees of it.
    expect(located('typescript', 'export const = 1;')).toStrictEqual(['OM503 template "t" emitted src/t.ts, which does not parse: line 6, column 14: Variable declaration expected. At: "export const = 1;"']);
    expect(located('text', 'export const = 1;')).toStrictEqual(located('typescript', 'export const = 1;'));
    // A shebang parses at the top of a text, not below the header: the written file does not parse.
    expect(located('typescript', '#!/usr/bin/env node')).toStrictEqual(['OM503 template "t" emitted src/t.ts, which does not parse: line 6, column 1: \'#!\' can only be used at the start of a file. At: "#!/usr/bin/env node"']);
    expect(located('text', '#!/usr/bin/env node')).toStrictEqual(located('typescript', '#!/usr/bin/env node'));
    expect(located('typescript', 'export const a = 1;')).toStrictEqual([]);
  });

  it('skips the syntax check only of a text it is told parses', () => {
    const slots = [document('t', () => [{ kind: 'text', path: 'src/known.ts', content: 'export const = 1;\n' }, { kind: 'text', path: 'src/other.ts', content: 'export const = 1;\n' }])];
    const told = codes(() => emitPackage(slots, ctx, '/project', header, () => undefined, (path, text) => path === 'src/known.ts' && text === 'export const = 1;\n'));
    expect(told).toStrictEqual(['OM503 template "t" emitted src/other.ts, which does not parse: line 6, column 14: Variable declaration expected. At: "export const = 1;"']);
  });
});
