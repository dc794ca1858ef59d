import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Benchmark, Measurement } from './types.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

/** What a browser downloads for one call: an esbuild bundle (minified, ESM, browser platform), gzipped at level 9. */
async function gzipSize(contents: string): Promise<{ raw: number; gzip: number }> {
  const result = await build({ stdin: { contents, resolveDir: root, loader: 'ts' }, bundle: true, write: false, minify: true, format: 'esm', platform: 'browser', logLevel: 'silent' });
  const code = result.outputFiles[0]!.contents;
  return { raw: code.byteLength, gzip: gzipSync(code, { level: 9 }).byteLength };
}

const body = "{ model: 'gpt-4o-realtime-preview' }";

const entries = {
  'openai-realtime-client': `import { RealtimeApi } from 'openai-realtime-client';
const api = new RealtimeApi({ apiKey: 'ek_example' });
api.createRealtimeSession(${body}).then((session) => console.log(session.client_secret.value));`,
  'openai-realtime-client + /validation': `import { RealtimeApi } from 'openai-realtime-client';
import { validateResponse } from 'openai-realtime-client/validation';
const api = new RealtimeApi({ apiKey: 'ek_example', validateResponse });
api.createRealtimeSession(${body}).then((session) => console.log(session.client_secret.value));`,
  'openapi-fetch alone': `import createClient from 'openapi-fetch';
const client = createClient({ baseUrl: 'https://api.openai.com/v1', headers: { Authorization: 'Bearer ek_example' } });
client.POST('/realtime/sessions', { body: ${body} }).then(({ data }) => console.log(data));`,
};

export default {
  name: 'bundle size',
  description: 'gzip size of an esbuild bundle (minified, ESM, browser) of a file that creates the client and makes one call.',
  async run() {
    const rows: Measurement[] = [];
    const sizes: Record<string, number> = {};
    for (const [label, contents] of Object.entries(entries)) {
      const { raw, gzip } = await gzipSize(contents);
      sizes[label] = gzip;
      rows.push({ label: `${label} (gzip)`, value: gzip, unit: 'B', note: `${(gzip / 1024).toFixed(2)} KiB; ${raw} B minified` });
    }
    const ours = sizes['openai-realtime-client']!;
    const base = sizes['openapi-fetch alone']!;
    rows.push({ label: 'runtime on top of openapi-fetch', value: ours - base, unit: 'B', note: `${(ours / base).toFixed(2)}x openapi-fetch alone` });
    return rows;
  },
} satisfies Benchmark;
