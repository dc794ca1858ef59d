/**
 * code-block-writer's fields are assigned, not defined (generator/code-block-writer-fields.ts): the
 * installed module, edited, builds writers with the same own properties and writes the same text;
 * ts-morph, loaded through `tsMorph`, prints with the edited writer; and what the edit must leave
 * alone (a name with an accessor, another text) it leaves alone.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { fieldsAsAssignments } from '../../generator/code-block-writer-fields.ts';
import { repoRoot } from '../helpers/cli.ts';
import { installedWriter as installed, writerClass, writerFile, type Writer } from '../helpers/code-block-writer.ts';

describe('fieldsAsAssignments on the installed code-block-writer', () => {
  const edited = fieldsAsAssignments(installed);

  it('assigns every field the constructor defined, on the same lines', () => {
    expect(installed.match(/Object\.defineProperty\(this, /g)).toHaveLength(15);
    expect(edited).not.toMatch(/Object\.defineProperty\(this, /);
    expect(edited.split('\n')).toHaveLength(installed.split('\n').length);
    expect(edited).toContain('this._indentationText = void 0;');
  });

  it('builds writers with the same own properties, which write the same text', () => {
    const [Before, After] = [writerClass(installed), writerClass(edited)];
    for (const options of [{}, { indentNumberOfSpaces: 2, useSingleQuote: true }, { useTabs: true, newLine: '\r\n' }]) {
      const [before, after] = [new Before(options), new After(options)];
      expect(Object.getOwnPropertyNames(after)).toStrictEqual(Object.getOwnPropertyNames(before));
      for (const name of Object.getOwnPropertyNames(before)) expect(Object.getOwnPropertyDescriptor(after, name)).toStrictEqual(Object.getOwnPropertyDescriptor(before, name));
      const write = (writer: Writer) => writer.writeLine('class A').block(() => writer.write('x = ').quote('a "b"').write(';').writeLine('/* c').writeLine('  d */ y = `t\n  u`;')).toString();
      expect(write(after)).toBe(write(before));
    }
  });

  it('is the writer ts-morph prints with when loaded through tsMorph, with its scan edited too (code-block-writer-scan.ts)', () => {
    const probe = `
import { tsMorph } from './generator/heavy.ts';
import { createRequire } from 'node:module';
const { Project, StructureKind } = tsMorph();
const writer = createRequire(import.meta.url)(${JSON.stringify(writerFile)}).default;
const project = new Project({ useInMemoryFileSystem: true });
const source = project.createSourceFile('/a.ts', { statements: [{ kind: StructureKind.Class, name: 'A', isExported: true, properties: [{ name: 'a', type: 'string' }] }] });
const text = writer.toString();
console.log(JSON.stringify({ text: source.getFullText(), same: project._context.createWriter() instanceof writer, assigned: text.includes('this._indentationText = void 0;'), jumps: text.includes('i = openapiMorphNextHandled(str, i + 1)') }));
`;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', probe], { cwd: repoRoot, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toStrictEqual({ text: 'export class A {\n    a: string;\n}\n', same: true, assigned: true, jumps: true });
  });
});

describe('what fieldsAsAssignments leaves alone', () => {
  const field = (name: string) => `        Object.defineProperty(this, "${name}", {\n            enumerable: true,\n            configurable: true,\n            writable: true,\n            value: 1\n        });`;

  it('a field whose name the class has an accessor for (an assignment would call it)', () => {
    const text = `class A {\n    constructor() {\n${field('_x')}\n${field('_y')}\n    }\n    set _x(value) {}\n}`;
    expect(fieldsAsAssignments(text)).toBe(text.replace(field('_y'), `        this._y = 1;\n\n\n\n\n`));
  });

  it('a value that could hold the call\'s end, and a field named __proto__', () => {
    const text = `${field('a').replace('value: 1', 'value: new Map({})')}\n${field('__proto__')}\n`;
    expect(fieldsAsAssignments(text)).toBe(text);
  });

  it('a definition that is not a plain field (not on this, or another descriptor), and a text without any', () => {
    const other = `Object.defineProperty(exports, "__esModule", { value: true });\nObject.defineProperty(this, "z", { enumerable: false, configurable: true, writable: true, value: 1 });\n`;
    expect(fieldsAsAssignments(other)).toBe(other);
    expect(fieldsAsAssignments('class B {}')).toBe('class B {}');
  });
});
