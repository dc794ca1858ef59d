import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The code-block-writer ts-morph loads, and its text. */
export const writerFile = createRequire(require.resolve('ts-morph')).resolve('code-block-writer');
export const installedWriter = readFileSync(writerFile, 'utf8');

export type Writer = { write(text: string): Writer; writeLine(text: string): Writer; block(inner: () => void): Writer; quote(text: string): Writer; toString(): string };
export type WriterClass = new (options?: Record<string, unknown>) => Writer;

/** The module's class, compiled from `text` (its own `require` resolving next to the installed file). */
export function writerClass(text: string): WriterClass {
  const module = { exports: {} as { default: WriterClass } };
  new Function('exports', 'require', 'module', text)(module.exports, createRequire(writerFile), module);
  return module.exports.default;
}
