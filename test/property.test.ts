import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { escape } from '../generator/escape/index.ts';
import { buildPackage, importAll, importExport } from './helpers/build-output.ts';
import { runCli } from './helpers/cli.ts';
import { tempProject, type TempProject } from './helpers/project.ts';

/** Strings that try to escape every sink, mixed with arbitrary Unicode (including lone surrogates and controls). */
const PAYLOADS = [
  "*/ globalThis.__pwned = 1; /*",
  '"; globalThis.__pwned = 1; "',
  "'; globalThis.__pwned = 1; '",
  '${globalThis.__pwned = 1}',
  '`; globalThis.__pwned = 1; `',
  '</script><script>globalThis.__pwned = 1</script>',
  '\u2028globalThis.__pwned = 1',
  '\r\n@deprecated',
  '\u202e\u2066',
  '\\',
  '',
];
const text = fc.oneof(fc.string({ unit: 'binary', maxLength: 24 }), fc.constantFrom(...PAYLOADS), fc.tuple(fc.constantFrom(...PAYLOADS), fc.string({ maxLength: 8 })).map(([a, b]) => a + b));
const componentName = fc.stringMatching(/^[a-zA-Z0-9._-]{1,10}$/);

interface Generated {
  readonly names: string[];
  readonly descriptions: string[];
  readonly props: string[];
  readonly values: string[][];
  readonly defaults: string[];
  readonly operationIds: string[];
}

const specInput = fc.record({
  names: fc.uniqueArray(componentName, { minLength: 3, maxLength: 3 }),
  descriptions: fc.array(text, { minLength: 3, maxLength: 3 }),
  props: fc.uniqueArray(text, { minLength: 3, maxLength: 3 }),
  values: fc.array(fc.uniqueArray(text, { minLength: 1, maxLength: 4 }), { minLength: 3, maxLength: 3 }),
  defaults: fc.array(text, { minLength: 3, maxLength: 3 }),
  operationIds: fc.uniqueArray(text, { minLength: 2, maxLength: 2 }),
});

/** One spec per run with three schemas, each with one enum property, reached from two operations. */
function specOf(input: Generated): string {
  const schemas = Object.fromEntries(
    input.names.map((name, i) => [
      name,
      {
        type: 'object',
        description: input.descriptions[i],
        properties: { [input.props[i]!]: { type: 'string', enum: input.values[i], default: input.defaults[i], description: input.descriptions[(i + 1) % 3] } },
      },
    ]),
  );
  const paths = Object.fromEntries(
    input.operationIds.map((id, i) => [
      `/op${i}`,
      {
        post: {
          operationId: id,
          summary: input.descriptions[i],
          requestBody: { content: { 'application/json': { schema: { $ref: `#/components/schemas/${input.names[i]!.replace(/~/g, '~0')}` } } } },
          responses: { '200': { description: input.descriptions[2], content: { 'application/json': { schema: { $ref: `#/components/schemas/${input.names[2]!}` } } } } },
        },
      },
    ]),
  );
  return JSON.stringify({ openapi: '3.1.0', info: { title: input.descriptions[0], version: '1.0.0' }, servers: [{ url: 'https://p.example' }], paths, components: { schemas } });
}

/** The string literal members of each probed type, read back from the compiled program. */
function literalValues(dir: string, probes: readonly string[]): string[][] {
  const probe = join(dir, 'src', 'probe.ts');
  writeFileSync(probe, `import type { components } from './schema.js';\n${probes.map((type, i) => `export type P${i} = ${type};`).join('\n')}\n`);
  const program = ts.createProgram([probe], { strict: true, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, noEmit: true, types: [] });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(probe)!;
  return source.statements.filter(ts.isTypeAliasDeclaration).map((alias) => {
    const type = checker.getTypeAtLocation(alias.name);
    const members = type.isUnion() ? type.types : [type];
    return members.map((member) => (member.isStringLiteral() ? member.value : `<${checker.typeToString(member)}>`));
  });
}

/** `npm test` runs 2 (the developer loop); `npm run test:slow` runs 6 (vitest.slow.config.ts). */
const numRuns = Number(process.env['PROPERTY_RUNS'] ?? 2);

let project: TempProject | undefined;
afterAll(() => project?.remove());

describe('property: random strings in names, descriptions, enum values and defaults', () => {
  it('the output compiles, imports without side effects, and enum values and property names round-trip exactly (types and runtime)', { timeout: 600_000 }, async () => {
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(specInput, async (input) => {
        project?.remove();
        project = tempProject({ spec: specOf(input), specName: 'spec/openapi.json', inRepo: true, config: { select: 'all' } });
        const run = await runCli(['generate'], project.dir);
        if (run.code !== 0) {
          // Only the OpenAPI validator may refuse (e.g. a property name it forbids); never a crash.
          expect(run.stderr).toMatch(/error OM2\d\d: /);
          expect(run.stderr).not.toContain('internal error');
          return;
        }
        runs++;
        const out = join(project.dir, 'generated');
        expect(buildPackage(out)).toBe('');
        const imported = importAll(out);
        expect(imported.pwned).toBeNull();
        const probes = input.names.map((name, i) => `NonNullable<components["schemas"][${escape.stringLiteral(name)}][${escape.stringLiteral(input.props[i]!)}]>`);
        const read = literalValues(out, probes);
        input.values.forEach((values, i) => expect(new Set(read[i])).toStrictEqual(new Set(values.map(normalizeLoneSurrogates))));
        // At run time too: the response schema's enum, as the validation module holds it.
        const data = importExport(out, 'validation/schemas.js', 'data') as { components: [string, { properties?: [string, { enum?: unknown[] }][] }][] };
        const response = data.components.find(([name]) => name === input.names[2])?.[1];
        expect(response?.properties?.[0]?.[0]).toBe(normalizeLoneSurrogates(input.props[2]!));
        expect(response?.properties?.[0]?.[1].enum).toStrictEqual(input.values[2]!.map(normalizeLoneSurrogates));
      }),
      { numRuns, seed: Number(process.env['FC_SEED'] ?? 20261123), endOnFailure: true },
    );
    expect(runs).toBeGreaterThan(0);
    if (process.env["FC_VERBOSE"]) console.log(`generated ${runs} of ${numRuns}`);
  });
});

/** JSON cannot carry a lone surrogate through UTF-8 files: it arrives as U+FFFD, in the spec and so in the output. */
function normalizeLoneSurrogates(value: string): string {
  return Buffer.from(value, 'utf8').toString('utf8');
}
