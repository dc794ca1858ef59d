import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Benchmark, Measurement } from './types.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

/** What a browser downloads for one call: an esbuild bundle (minified, ESM, browser platform), gzipped at level 9. */
async function gzipSize(contents: string): Promise<{ raw: number; gzip: number; modules: Record<string, number> }> {
  const result = await build({ stdin: { contents, resolveDir: root, loader: 'ts' }, bundle: true, write: false, minify: true, format: 'esm', platform: 'browser', logLevel: 'silent', metafile: true });
  const code = result.outputFiles[0]!.contents;
  // What each module adds to the minified bundle (esbuild's metafile), by file name.
  const inputs = Object.values(result.metafile.outputs)[0]!.inputs;
  const modules = Object.fromEntries(Object.entries(inputs).map(([path, { bytesInOutput }]) => [path.replace(/^node_modules\/(@[^/]+\/[^/]+|[^/]+)\/.*$/, '$1').replace(/^.*\/(?:dist|src)\//, ''), bytesInOutput]));
  return { raw: code.byteLength, gzip: gzipSync(code, { level: 9 }).byteLength, modules };
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
    let modules: Record<string, number> = {};
    for (const [label, contents] of Object.entries(entries)) {
      const result = await gzipSize(contents);
      sizes[label] = result.gzip;
      if (label === 'openai-realtime-client') modules = result.modules;
      rows.push({ label: `${label} (gzip)`, value: result.gzip, unit: 'B', note: `${(result.gzip / 1024).toFixed(2)} KiB; ${result.raw} B minified` });
    }
    const ours = sizes['openai-realtime-client']!;
    const base = sizes['openapi-fetch alone']!;
    rows.push({ label: 'runtime on top of openapi-fetch', value: ours - base, unit: 'B', note: `${(ours / base).toFixed(2)}x openapi-fetch alone` });
    for (const [module, bytes] of Object.entries(modules).sort((a, b) => b[1] - a[1])) {
      if (bytes > 0) rows.push({ label: `  ${module}`, value: bytes, unit: 'B', note: 'minified, in the first bundle' });
    }
    return rows;
  },
} satisfies Benchmark;
