import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { tsc } from './typecheck.ts';

/** Compiles a generated package (its own strict tsconfig) to its dist/; returns tsc's diagnostics ('' when clean). */
export function buildPackage(dir: string): string {
  return tsc(['-p', join(dir, 'tsconfig.json')]).output;
}

/**
 * Imports every module of a built package in a fresh Node process, then reports what the import
 * did: `pwned` is the value any injected code would have set on `globalThis.__pwned`.
 */
export function importAll(dir: string): { exports: string[]; pwned: unknown; stdout: string } {
  const dist = join(dir, 'dist');
  const modules = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.js'));
  const script = `
    const { pathToFileURL } = await import('node:url');
    const exports = new Set();
    for (const file of ${JSON.stringify(modules)}) {
      const module = await import(pathToFileURL(${JSON.stringify(dist)} + '/' + file).href);
      if (file === 'index.js') for (const key of Object.keys(module)) exports.add(key);
    }
    process.stdout.write('\\n' + JSON.stringify({ exports: [...exports].sort(), pwned: globalThis.__pwned ?? null }));`;
  const stdout = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: dir, encoding: 'utf8' });
  const result = JSON.parse(stdout.slice(stdout.lastIndexOf('\n') + 1)) as { exports: string[]; pwned: unknown };
  return { ...result, stdout: stdout.slice(0, stdout.lastIndexOf('\n')) };
}

/** Identifiers in code, comments and strings excluded: where injected code would show up. */
export function codeIdentifiers(file: string): Set<string> {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, true, ts.LanguageVariant.Standard, readFileSync(file, 'utf8'));
  const found = new Set<string>();
  for (let token = scanner.scan(); token !== ts.SyntaxKind.EndOfFileToken; token = scanner.scan()) {
    if (token === ts.SyntaxKind.Identifier) found.add(scanner.getTokenValue());
  }
  return found;
}

/** One export of a built module, as JSON, read in a fresh Node process. */
export function importExport(dir: string, file: string, name: string): unknown {
  const script = `
    const { pathToFileURL } = await import('node:url');
    const module = await import(pathToFileURL(${JSON.stringify(join(dir, 'dist', file))}).href);
    process.stdout.write(JSON.stringify(module[${JSON.stringify(name)}]));`;
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: dir, encoding: 'utf8' }));
}
