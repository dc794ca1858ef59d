import { join } from 'node:path';
import { error, MorphError, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { message } from '../emit/load-templates.ts';
import type { PrintedFile } from '../emit/print.ts';

const PARSERS: Record<string, string> = { ts: 'typescript', mts: 'typescript', cts: 'typescript', js: 'babel', mjs: 'babel', json: 'json', md: 'markdown', yaml: 'yaml', yml: 'yaml', css: 'css' };

/**
 * Format stage: prettier, in-process, with the prettier config that applies where the file will
 * be written (the user's, if the project has one). Files prettier has no parser for pass through.
 */
export async function formatFiles(files: readonly PrintedFile[], outDir: string): Promise<PrintedFile[]> {
  const prettier = await import('prettier');
  const diagnostics: Diagnostic[] = [];
  const formatted = await Promise.all(
    files.map(async (file) => {
      const ext = /\.([^./]+)$/.exec(file.path)?.[1] ?? '';
      const parser = PARSERS[ext];
      if (!parser) return file;
      const filepath = join(outDir, file.path);
      try {
        const options = (await prettier.resolveConfig(filepath)) ?? {};
        return { ...file, content: await prettier.format(file.content, { ...options, parser, filepath }) };
      } catch (cause) {
        diagnostics.push(error('OM600', `prettier could not format ${file.path} (from template "${file.template.template.name}"): ${message(cause)}`, { file: file.template.file }, cause));
        return file;
      }
    }),
  );
  if (diagnostics.length > 0) throw new MorphError(diagnostics);
  return formatted;
}
