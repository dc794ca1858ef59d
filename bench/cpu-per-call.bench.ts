import { spawn, type ChildProcess } from 'node:child_process';
import { cpuUsage } from 'node:process';
import { RealtimeApi } from 'openai-realtime-client';
import createClient from 'openapi-fetch';
import type { paths } from 'openai-realtime-client';
import { median, type Benchmark, type Measurement } from './types.ts';

/**
 * Client CPU per call against a local server. The server runs in a child process, so
 * `process.cpuUsage()` here counts the client only: request building, fetch (undici), reading and
 * parsing the body. Calls are sequential over keep-alive connections; each client runs in rounds
 * interleaved with the others, and the median round is reported, with the median of each round's
 * ratio to raw fetch in the same round (paired: on a shared machine the load moves between rounds).
 * Two rows isolate what a timeout costs: raw fetch with the `AbortController` and timer any
 * timeout needs, and the client without a timeout (`timeoutMs: Infinity`).
 */
const CALLS = 2_000;
const ROUNDS = 7;
const WARMUP = 300;

const SERVER = `
const body = JSON.stringify({ client_secret: { value: 'ek_bench', expires_at: 1900000000 }, voice: 'ash', modalities: ['text', 'audio'], instructions: 'You are a helpful assistant.' });
const server = require('node:http').createServer((req, res) => {
  req.resume();
  req.on('end', () => { res.writeHead(200, { 'content-type': 'application/json', 'x-request-id': 'req_bench' }); res.end(body); });
});
server.listen(0, '127.0.0.1', () => console.log(server.address().port));
`;

async function startServer(): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['-e', SERVER], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<string>((resolve) => child.stdout!.once('data', (chunk: Buffer) => resolve(chunk.toString().trim())));
  return { url: `http://127.0.0.1:${port}`, child };
}

type Call = () => Promise<unknown>;

async function cpuPerCall(call: Call, calls: number): Promise<number> {
  const start = cpuUsage();
  for (let i = 0; i < calls; i++) await call();
  const used = cpuUsage(start);
  return (used.user + used.system) / calls;
}


export default {
  name: 'client CPU per call',
  description: `CPU time (user + system) of the calling process per sequential call to a local server, median of ${ROUNDS} rounds of ${CALLS} calls.`,
  async run() {
    const { url, child } = await startServer();
    try {
      const body = { model: 'gpt-4o-realtime-preview' } as const;
      const api = new RealtimeApi({ apiKey: 'sk-bench', baseUrl: url });
      const untimed = new RealtimeApi({ apiKey: 'sk-bench', baseUrl: url, timeoutMs: Infinity });
      const init = () => ({ method: 'POST', headers: { Authorization: 'Bearer sk-bench', 'content-type': 'application/json' }, body: JSON.stringify(body) });
      const plain = createClient<paths>({ baseUrl: url, headers: { Authorization: 'Bearer sk-bench' } });
      const clients: Record<string, Call> = {
        'raw fetch': async () => {
          const response = await fetch(`${url}/realtime/sessions`, init());
          return response.json();
        },
        'raw fetch + AbortController and timer': async () => {
          const controller = new AbortController();
          const timer = setTimeout(() => controller.abort(), 60_000);
          try {
            const response = await fetch(`${url}/realtime/sessions`, { ...init(), signal: controller.signal });
            return await response.json();
          } finally {
            clearTimeout(timer);
          }
        },
        'openapi-fetch alone': () => plain.POST('/realtime/sessions', { body }),
        'openai-realtime-client': () => api.createRealtimeSession(body),
        'openai-realtime-client, timeoutMs: Infinity': () => untimed.createRealtimeSession(body),
      };
      const rounds: Record<string, number[]> = Object.fromEntries(Object.keys(clients).map((k) => [k, []]));
      for (const call of Object.values(clients)) await cpuPerCall(call, WARMUP);
      for (let round = 0; round < ROUNDS; round++) {
        for (const [label, call] of Object.entries(clients)) rounds[label]!.push(await cpuPerCall(call, CALLS));
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
