import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { median, type Benchmark, type Measurement } from './types.ts';

/**
 * Client CPU per call against a local server. The server runs in a child process, and so does each
 * client: one process per client and round, which makes `WARMUP` calls, then `CALLS` measured with
 * `process.cpuUsage()` (request building, fetch (undici), reading and parsing the body, and the
 * garbage collection all that leaves). Calls are sequential over keep-alive connections; rounds
 * interleave the clients, and the median round is reported, with the median of each round's ratio
 * to raw fetch in the same round (paired: on a shared machine the load moves between rounds).
 *
 * One process each because in one shared process a client paid for the garbage of the client
 * before it: the same client, measured twice in one round, came out 1.19x and 1.07x raw fetch
 * depending on which client ran just before it (undici registers every request's signal with a
 * FinalizationRegistry, whose cost comes at later collections), and raw fetch with a timeout
 * looked free (0.96-1.03x) because the next client paid for it.
 *
 * Two rows isolate what a timeout costs: raw fetch with the `AbortController` and timer any
 * timeout needs, and the client without a timeout (`timeoutMs: Infinity`).
 */
const CALLS = 10_000;
const WARMUP = 3_000;
const ROUNDS = 5;

const SERVER = `
const body = JSON.stringify({ client_secret: { value: 'ek_bench', expires_at: 1900000000 }, voice: 'ash', modalities: ['text', 'audio'], instructions: 'You are a helpful assistant.' });
const server = require('node:http').createServer((req, res) => {
  req.resume();
  req.on('end', () => { res.writeHead(200, { 'content-type': 'application/json', 'x-request-id': 'req_bench' }); res.end(body); });
});
server.listen(0, '127.0.0.1', () => console.log(server.address().port));
`;

/** Each client: the code (an ES module's, in the repository's folder) that defines `call` against `url`. */
const CLIENTS: Record<string, string> = {
  'raw fetch': `const call = async () => (await fetch(url + '/realtime/sessions', init())).json();`,
  'raw fetch + AbortController and timer': `const call = async () => {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 60_000);
  try {
    const response = await fetch(url + '/realtime/sessions', { ...init(), signal: controller.signal });
    return await response.json();
  } finally {
    clearTimeout(timer);
  }
};`,
  'openapi-fetch alone': `const { default: createClient } = await import('openapi-fetch');
const plain = createClient({ baseUrl: url, headers: { Authorization: 'Bearer sk-bench' } });
const call = () => plain.POST('/realtime/sessions', { body });`,
  'openai-realtime-client': `const { RealtimeApi } = await import('openai-realtime-client');
const api = new RealtimeApi({ apiKey: 'sk-bench', baseUrl: url });
const call = () => api.createRealtimeSession(body);`,
  'openai-realtime-client, timeoutMs: Infinity': `const { RealtimeApi } = await import('openai-realtime-client');
const api = new RealtimeApi({ apiKey: 'sk-bench', baseUrl: url, timeoutMs: Infinity });
const call = () => api.createRealtimeSession(body);`,
};

/** A client's process: defines `call`, warms up, prints the CPU microseconds per measured call. */
const program = (client: string, url: string): string => `const url = ${JSON.stringify(url)};
const body = { model: 'gpt-4o-realtime-preview' };
const init = () => ({ method: 'POST', headers: { Authorization: 'Bearer sk-bench', 'content-type': 'application/json' }, body: JSON.stringify(body) });
${client}
for (let i = 0; i < ${WARMUP}; i++) await call();
const start = process.cpuUsage();
for (let i = 0; i < ${CALLS}; i++) await call();
const used = process.cpuUsage(start);
console.log((used.user + used.system) / ${CALLS});
`;

const root = fileURLToPath(new URL('..', import.meta.url));

async function startServer(): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['-e', SERVER], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<string>((resolve) => child.stdout!.once('data', (chunk: Buffer) => resolve(chunk.toString().trim())));
  return { url: `http://127.0.0.1:${port}`, child };
}

function cpuPerCall(label: string, client: string, url: string): number {
  // Killed after 5 minutes (a healthy one takes seconds), so a stuck client cannot hold the bench.
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', program(client, url)], { cwd: root, encoding: 'utf8', timeout: 300_000 });
  if (run.error) throw new Error(`the ${label} process could not run: ${run.error.message}`);
  const value = Number(run.stdout.trim());
  if (run.status !== 0 || !Number.isFinite(value)) {
    throw new Error(`the ${label} process failed (status ${run.status}, signal ${run.signal}): ${run.stderr || run.stdout}`);
  }
  return value;
}

export default {
  name: 'client CPU per call',
  description: `CPU time (user + system) per sequential call to a local server, each client in a process of its own (${WARMUP} calls to warm up, ${CALLS} measured), median of ${ROUNDS} rounds.`,
  async run() {
    const { url, child } = await startServer();
    try {
      const rounds: Record<string, number[]> = Object.fromEntries(Object.keys(CLIENTS).map((k) => [k, []]));
      for (let round = 0; round < ROUNDS; round++) {
        for (const [label, client] of Object.entries(CLIENTS)) rounds[label]!.push(cpuPerCall(label, client, url));
      }
      const raw = rounds['raw fetch']!;
      return Object.entries(rounds).map(([label, values]): Measurement => {
        const paired = median(values.map((value, round) => value / raw[round]!));
        return { label, value: median(values), unit: 'µs CPU/call', note: `${(median(values) / median(raw)).toFixed(2)}x raw fetch; paired by round ${paired.toFixed(2)}x` };
      });
    } finally {
      child.kill();
    }
  },
} satisfies Benchmark;
