import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from './helpers/cli.ts';
import { codeBlocks, tsc } from './helpers/typecheck.ts';

describe('the generated package type-checks', () => {
  it('compiles under tsc --strict (plus noUncheckedIndexedAccess, exactOptionalPropertyTypes) with no Node types', () => {
    const run = tsc(['-p', join(repoRoot, 'generated/tsconfig.json'), '--noEmit', '--strict']);
    expect(run.output).toBe('');
    expect(run.code).toBe(0);
  });

  const dir = join(repoRoot, '.scratch', `examples-${process.pid}`);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('every TypeScript example in its README and docs, and in the root README, compiles against it', () => {
    const sources = [
      'generated/README.md',
      ...readdirSync(join(repoRoot, 'generated/docs')).map((f) => `generated/docs/${f}`),
      'README.md',
    ];
    mkdirSync(dir, { recursive: true });
    const files = writeExamples(sources);
    // A consumer's settings (NodeNext, as in a Node project); the root README's blocks that use the
    // toolkit itself are checked below as a project that installed it (a config file: ES modules,
    // bundler resolution) against the declarations its build emitted to dist/ (the global setup
    // builds them from the sources; `openapi-morph` resolves there by its package.json exports, a
    // self-reference), not by type-checking the toolkit's sources once more.
    const consumer = files.filter((f) => !readFileSync(join(dir, f), 'utf8').includes("from 'openapi-morph'"));
    const toolkit = files.filter((f) => !consumer.includes(f));
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, types: ['node'], lib: ['ES2022', 'DOM'], skipLibCheck: true }, files: consumer }));
    writeFileSync(join(dir, 'tsconfig.toolkit.json'), JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', strict: true, noEmit: true, types: ['node'], skipLibCheck: true }, files: toolkit }));
    expect(consumer.length).toBeGreaterThanOrEqual(5);
    expect(toolkit.length).toBeGreaterThanOrEqual(1);
    expect(tsc(['-p', join(dir, 'tsconfig.json')]).output).toBe('');
    expect(tsc(['-p', join(dir, 'tsconfig.toolkit.json')]).output).toBe('');
  });

  function writeExamples(sources: readonly string[]): string[] {
    const exported = [...readFileSync(join(repoRoot, 'generated/src/index.ts'), 'utf8').matchAll(/export (?:type )?\{([^}]*)\}/g)].flatMap((m) => m[1]!.split(',').map((n) => n.trim()).filter(Boolean));
    const files: string[] = [];
    for (const source of sources) {
      for (const block of codeBlocks(readFileSync(join(repoRoot, source), 'utf8'), ['ts', 'typescript'])) {
        // Signature lines in API docs are declarations, not statements: check them as a declaration.
        const signature = /^\w+\(.*\): \w*Promise<.*>$/.test(block.code);
        const used = exported.filter((name) => new RegExp(`\\b${name}\\b`).test(block.code));
        const code = signature ? `import type { ${used.join(', ')} } from 'openai-realtime-client';\ndeclare function ${block.code};` : block.code;
        const name = `${source.replace(/[^\w]+/g, '_')}_L${block.line}.ts`;
        writeFileSync(join(dir, name), `// from ${source}:${block.line}\n${code}\nexport {};\n`);
        files.push(name);
      }
    }
    return files;
  }
});
