/**
 * "The process exits by itself after the last call": a child Node process makes calls that
 * succeed, time out, are aborted in flight and during a retry wait, and exhaust their retries, with
 * the default 60 s timeout where a call succeeds. Then it simply ends its script. A leftover timer,
 * listener-held promise or open socket would keep it alive; an unhandled rejection would make it
 * exit non-zero (Node's default). The parent's server plays the faults.
 */
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { expect, it } from 'vitest';
import { repoRoot } from '../helpers/cli.ts';
import { json, serverPerTest, session } from './fault-server.ts';

const serve = serverPerTest();

const script = `
import { RealtimeApi, TimeoutError, InternalServerError, NotFoundError } from 'openai-realtime-client';
const baseUrl = process.env.FAULT_URL;
const api = new RealtimeApi({ apiKey: 'sk-child', baseUrl, backoff: { initialMs: 5, maxMs: 10 } });
const body = { model: 'gpt-4o-realtime-preview' };
const seen = [];
const outcome = (p) => p.then(() => 'ok', (e) => e?.name ?? String(e));

seen.push(await outcome(api.createRealtimeSession(body)));
seen.push(await outcome(api.createRealtimeSession(body, { timeoutMs: 100, maxRetries: 0 })));
const inflight = new AbortController();
setTimeout(() => inflight.abort(new Error('stop')), 100);
seen.push(await outcome(api.createRealtimeSession(body, { signal: inflight.signal })));
const waiting = new AbortController();
const call = outcome(api.createRealtimeSession(body, { signal: waiting.signal }));
setTimeout(() => waiting.abort(new Error('stop waiting')), 300);
seen.push(await call);
seen.push(await outcome(api.createRealtimeSession(body)));
seen.push(await outcome(api.createRealtimeSession(body).withResponse()));
api.createRealtimeSession(body).withResponse().catch(() => {});
await new Promise((resolve) => setTimeout(resolve, 200));
seen.push(await outcome(api.createRealtimeSession(body)));
console.log(JSON.stringify(seen));
console.log('done');
`;

it('a process exits by itself right after its last call, with no unhandled rejection', async () => {
  const down = json(503, {});
  const server = await serve(
    json(200, session), // ok
    { kind: 'hang' }, // times out
    { kind: 'hang' }, // aborted in flight
    json(429, {}, { 'retry-after': '30' }), // aborted while waiting 30 s
    down,
    down,
    down, // three 503s
    json(404, {}), // withResponse rejection, read
    json(404, {}), // withResponse rejection, caught
    json(200, session), // ok, last
  );
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
    cwd: repoRoot,
    env: { ...process.env, FAULT_URL: server.url },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  let doneAt: number | undefined;
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    if (doneAt === undefined && stdout.includes('done')) doneAt = performance.now();
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const killer = setTimeout(() => child.kill('SIGKILL'), 20_000);
  const code = await new Promise<number | null>((resolve) => child.on('exit', (exitCode) => resolve(exitCode)));
  const exitedAt = performance.now();
  clearTimeout(killer);

  expect(stderr).toBe('');
  expect(code).toBe(0);
  expect(JSON.parse(stdout.split('\n')[0]!)).toEqual(['ok', 'TimeoutError', 'Error', 'Error', 'InternalServerError', 'NotFoundError', 'ok']);
  expect(doneAt).toBeDefined();
  // Not the 60 s default timeout nor the 30 s retry wait: nothing was left running.
  expect(exitedAt - doneAt!).toBeLessThan(2_000);
  expect(server.attempts).toHaveLength(10);
});
