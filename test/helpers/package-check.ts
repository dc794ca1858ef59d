import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { codeBlocks, tsc } from './typecheck.ts';

export interface GeneratedPackage {
  /** The package folder (holds src/, README.md, docs/). */
  readonly dir: string;
  /** Its npm name, as its docs import it. */
  readonly name: string;
}

/**
 * Type-checks several generated packages, the TypeScript examples in their README and docs, and
 * extra files, in ONE compiler run (tsc's start-up and the DOM lib are paid once, which matters
 * when a test checks ten packages). Returns the compiler's output ('' when clean).
 */
export function typecheckPackages(workDir: string, packages: readonly GeneratedPackage[], extraFiles: readonly string[] = []): string {
  return tsc(['-p', examplesProject(workDir, packages, extraFiles)]).output;
}

/**
 * Writes, in `workDir`, the project `typecheckPackages` compiles, and returns its tsconfig's path
 * (the corpus runs the compiler on it itself, with a timeout). Options are the generated tsconfig's
 * strict set. Examples import the package by name; they are rewritten to import its src/
 * directly, so two packages with the same name can be checked together. `types: ['node']`
 * resolves from `workDir` up: keep it inside the repository (the corpus's is under `.scratch`).
 */
export function examplesProject(workDir: string, packages: readonly GeneratedPackage[], extraFiles: readonly string[] = []): string {
  mkdirSync(workDir, { recursive: true });
  const files: string[] = [];
  packages.forEach((pkg, index) => {
    files.push(join(pkg.dir, 'src/index.ts'));
    const entry = `./${relative(workDir, join(pkg.dir, 'src/index.js')).split('\\').join('/')}`;
    const exported = [...readFileSync(join(pkg.dir, 'src/index.ts'), 'utf8').matchAll(/export (?:type )?\{([^}]*)\}/g)].flatMap((m) => m[1]!.split(',').map((n) => n.trim()).filter(Boolean));
    const docs = existsSync(join(pkg.dir, 'docs')) ? readdirSync(join(pkg.dir, 'docs')).map((f) => `docs/${f}`) : [];
    for (const source of ['README.md', ...docs]) {
      for (const block of codeBlocks(readFileSync(join(pkg.dir, source), 'utf8'), ['ts', 'typescript'])) {
        // A method signature in the API docs is a declaration, not a statement.
        const signature = /^\w+\(.*\): (Api)?Promise<.*>$/s.test(block.code);
        const used = exported.filter((name) => new RegExp(`\\b${name}\\b`).test(block.code));
        // Subpath exports (`pkg/validation`) map to the same folder under src/.
        const code = signature
          ? // A body typed by openapi-fetch's own request type names it (the package's one dependency).
            `import type { ${used.join(', ')} } from '${entry}';\n${/\bRequestBodyOption\b/.test(block.code) ? "import type { RequestBodyOption } from 'openapi-fetch';\n" : ''}declare function ${block.code};`
          : block.code.replace(new RegExp(`(['"])${pkg.name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}(/[\\w-]+)?\\1`, 'g'), (_m, _q, sub: string | undefined) => `'${sub ? entry.replace(/index\.js$/, `${sub.slice(1)}/index.js`) : entry}'`);
        const file = join(workDir, `p${index}_${source.replace(/[^\w]+/g, '_')}_L${block.line}.ts`);
        writeFileSync(file, `// from ${pkg.dir}/${source}:${block.line}\n${code}\nexport {};\n`);
        files.push(file);
      }
    }
  });
  files.push(...extraFiles);
  writeFileSync(
    join(workDir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        lib: ['ES2022', 'DOM'],
        types: ['node'],
        strict: true,
        noUncheckedIndexedAccess: true,
        exactOptionalPropertyTypes: true,
        verbatimModuleSyntax: false,
        skipLibCheck: true,
        noEmit: true,
      },
      files,
    }),
  );
  return join(workDir, 'tsconfig.json');
}
