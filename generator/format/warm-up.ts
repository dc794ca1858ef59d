import type { Formatter, FormatterSetup } from './formatter.ts';

/**
 * Small samples of what a package from the default templates holds (a TypeScript class, markdown
 * with a table and fenced TypeScript, JSON), one per parser. A render's format worker formats them
 * while it waits for the first file (prettier loads in about 0.15 s; the first file is printed
 * after the types stage, about 0.5 s later), so prettier's code is compiled when the package's
 * files come. Measured on the 16 files a cold run of our spec formats (prettier on one thread, 10
 * runs each, load about 9): 920 ms instead of 985 after a 77 ms warm-up; samples three times as
 * large took 159 ms for the same 916 ms.
 */
export const WARM_UP_SAMPLES: Readonly<Record<string, { readonly text: string; readonly filepath: string }>> = {
  typescript: { filepath: 'src/warm-up.ts', text: 'export class A { constructor(private a?: string) {} async get(id: string): Promise<number> { return 1 } }\n' },
  markdown: { filepath: 'docs/WarmUp.md', text: '| a | b |\n|-|-|\n| x | y |\n\n```ts\nconst a = {b:1}\n```\n' },
  json: { filepath: 'package.json', text: '{"a":[1]}' },
};

/** Formats the samples the setup has parsers for; a sample prettier cannot format is skipped. */
export async function warmUp(formatter: Formatter, setup: FormatterSetup): Promise<void> {
  if (setup.kind !== 'standalone') return;
  for (const parser of setup.parsers) {
    const sample = WARM_UP_SAMPLES[parser];
    if (sample) await formatter.format(sample.text, parser, sample.filepath).catch(() => undefined);
  }
}
