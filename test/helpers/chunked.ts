import { join } from 'node:path';
import { formatChunked } from '../../generator/format/chunks.ts';
import { formatOne, type FormatJob, type FormatOutcome } from '../../generator/format/format-jobs.ts';
import { createFormatter, DEFAULT_PACKAGE_SETUP } from '../../generator/format/formatter.ts';
import { resolveConfig, type ConfigOverrides } from '../../generator/config/resolve.ts';
import { render } from '../../generator/pipeline.ts';

/**
 * Chunked formatting against prettier on the whole text, in this thread (format-chunks.test.ts and
 * the corpus-wide run, format-chunks-corpus.test.ts). The chunks go through the format stage's
 * formatter (markdown without its plain table rows, markdown-rows.ts); the whole text through
 * prettier alone.
 */
export const formatter = await createFormatter(DEFAULT_PACKAGE_SETUP);
const prettier = await createFormatter(DEFAULT_PACKAGE_SETUP, { rewrites: false });
export const TS = { parser: 'typescript', filepath: 'src/a.ts' };
export const MD = { parser: 'markdown', filepath: 'docs/A.md' };
export type Kind = typeof TS;

/** prettier's outcome for the whole text. */
export const whole = async (text: string, kind: Kind = TS): Promise<FormatOutcome> => formatOne(prettier, { text, ...kind });

/**
 * `text` formatted in chunks as small as the chunker makes them; also how many texts prettier
 * formatted, and whether the chunks' outputs did not join (then the file was formatted whole).
 */
export async function chunked(text: string, chunkChars = 1, kind: Kind = TS): Promise<{ outcome: FormatOutcome; texts: number; whole: boolean }> {
  let texts = 0;
  let wentWhole = false;
  const run = async (jobs: readonly FormatJob[]) => {
    texts += jobs.length;
    return Promise.all(jobs.map((job) => formatOne(formatter, job)));
  };
  const [outcome] = await formatChunked([{ text, ...kind }], run, { chunkedChars: 0, chunkChars, onWhole: () => (wentWhole = true) });
  return { outcome: outcome!, texts, whole: wentWhole };
}

/** A package's TypeScript and markdown files as printed (before prettier), in memory; `base` holds its config's folder. */
export async function printed(spec: string, base: string, overrides: ConfigOverrides): Promise<[string, string][]> {
  const config = resolveConfig({ spec, package: { name: 'chunked' } }, base, undefined, { out: join(base, 'out'), ...overrides });
  const result = await render({ ...config, typecheck: false }, { format: false });
  return [...result.files].filter(([path]) => /\.(ts|md)$/.test(path));
}
