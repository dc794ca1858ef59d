/**
 * Browser behaviour in real Chromium (Debian's, driven by playwright-core): an esbuild bundle of
 * the package is served to a page from 127.0.0.1, by the same fault server that answers the API
 * (one origin, so no CORS preflight muddles the attempt counts). Checks the secret-key guard in a
 * page and in a dedicated worker, that retries, timeouts and aborts work on the browser's fetch
 * too, and, against a second server on another port (another origin), that the default options
 * pass a strict CORS preflight and configured retry and idempotency headers arrive.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { build } from 'esbuild';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { chromiumInput, chromiumPath } from '../helpers/chromium.ts';
import { repoRoot } from '../helpers/cli.ts';
import { describeNeeding } from '../helpers/required-input.ts';
import { json, serverPerTest, session, type Fault, type FaultServer } from './fault-server.ts';


const PAGE = `<!doctype html><meta charset="utf-8"><script type="module">
import * as client from '/client.js';
window.client = client;
window.ready = true;
</script>`;

const WORKER = `import { RealtimeApi } from '/client.js';
self.onmessage = (event) => {
  try {
    new RealtimeApi({ apiKey: event.data, baseUrl: self.location.origin });
    self.postMessage('ok');
  } catch (error) {
    self.postMessage(error.name + ': ' + error.message);
  }
};`;

let bundle = '';
let context: BrowserContext | undefined;
let page: Page;
let profile = '';

beforeAll(async () => {
  if (!chromiumPath) return;
  const result = await build({
    stdin: { contents: "export * from 'openai-realtime-client';", resolveDir: repoRoot, loader: 'ts' },
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    logLevel: 'silent',
  });
  bundle = result.outputFiles[0]!.text;
  profile = mkdtempSync(join(tmpdir(), 'om-chromium-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  page = context.pages()[0] ?? (await context.newPage());
});

afterAll(async () => {
  await context?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

function assets(path: string, response: ServerResponse): boolean {
  const files: Record<string, [string, string]> = {
    '/': ['text/html', PAGE],
    '/client.js': ['text/javascript', bundle],
    '/worker.js': ['text/javascript', WORKER],
  };
  if (path === '/favicon.ico') {
    response.writeHead(404).end();
    return true;
  }
  const file = files[path];
  if (!file) return false;
  response.writeHead(200, { 'content-type': file[0], 'cache-control': 'no-store' });
  response.end(file[1]);
  return true;
}

const serve = serverPerTest(assets);

/** A fresh server for the API script plus the page, and the page loaded from it. */
async function open(...script: Fault[]): Promise<FaultServer> {
  const server = await serve(...script);
  await page.goto(`${server.url}/`);
  await page.waitForFunction(() => (window as unknown as { ready?: boolean }).ready === true);
  return server;
}

/** Runs code in the page with the bundle's exports as `c` and the server's origin as `base`. */
function inPage<T>(code: string): Promise<T> {
  return page.evaluate(`(async () => { const c = window.client; const base = location.origin; ${code} })()`) as Promise<T>;
}

const body = "{ model: 'gpt-4o-realtime-preview' }";
/** `name: message` of what a call or constructor threw, or 'ok'. */
const outcome = (expression: string) => `try { await (${expression}); return 'ok'; } catch (e) { return e.name + ': ' + e.message; }`;

describeNeeding(chromiumInput, 'in Chromium', () => {
  it('a standard secret key is refused in a page unless dangerouslyAllowBrowser', async () => {
    const target = await open(json(200, session));
    const refused = await inPage<string>(outcome("new c.RealtimeApi({ apiKey: 'sk-proj-browser-secret', baseUrl: base })"));
    expect(refused).toMatch(/^ApiError: refusing to use a secret API key in a browser:.*dangerouslyAllowBrowser: true/);
    expect(refused).not.toContain('sk-proj-browser-secret');
    const allowed = await inPage<unknown>(`return await new c.RealtimeApi({ apiKey: 'sk-proj-browser-secret', baseUrl: base, dangerouslyAllowBrowser: true }).createRealtimeSession(${body});`);
    expect(allowed).toEqual(session);
    expect(target.attempts.map((a) => a.headers.authorization)).toEqual(['Bearer sk-proj-browser-secret']);
  });

  it('an ephemeral key works, with retries on the browser fetch', async () => {
    const target = await open(json(503, {}), json(200, session, { 'x-request-id': 'req_b' }));
    const result = await inPage<{ data: unknown; requestId: string }>(
      `const { data, requestId } = await new c.RealtimeApi({ apiKey: 'ek_browser', baseUrl: base, backoff: { initialMs: 10 } }).createRealtimeSession(${body}).withResponse(); return { data, requestId };`,
    );
    expect(result).toEqual({ data: session, requestId: 'req_b' });
    // No retry-count header in a browser unless configured (CORS).
    expect(target.attempts.map((a) => [a.headers.authorization, a.headers['x-retry-count'], a.headers['idempotency-key']])).toEqual([
      ['Bearer ek_browser', undefined, undefined],
      ['Bearer ek_browser', undefined, undefined],
    ]);
  });

  it('a key function returning a secret key is refused before the request is sent', async () => {
    const target = await open(json(200, session));
    const refused = await inPage<string>(outcome(`new c.RealtimeApi({ apiKey: async () => 'sk-from-fn', baseUrl: base }).createRealtimeSession(${body})`));
    expect(refused).toMatch(/^ApiError: refusing to use a secret API key/);
    expect(target.attempts).toHaveLength(0);
    const ephemeral = await inPage<string>(outcome(`new c.RealtimeApi({ apiKey: async () => 'ek_from_fn', baseUrl: base }).createRealtimeSession(${body})`));
    expect(ephemeral).toBe('ok');
    expect(target.attempts).toHaveLength(1);
  });

  it('without a key there is no environment to fall back on: the call rejects before any request, naming the scheme', async () => {
    const target = await open();
    expect(await inPage<string>(outcome('new c.RealtimeApi({ baseUrl: base })'))).toBe('ok');
    expect(await inPage<string>(outcome(`new c.RealtimeApi({ baseUrl: base }).createRealtimeSession(${body})`))).toBe(
      'ApiError: this operation needs credentials: ApiKeyAuth (or set OPENAI_API_KEY); pass { auth: { <scheme>: value } }',
    );
    expect(target.attempts).toHaveLength(0);
  });

  it('a dedicated worker counts as browser-like', async () => {
    await open();
    const answers = await inPage<string[]>(`
      const worker = new Worker('/worker.js', { type: 'module' });
      const ask = (key) => new Promise((resolve) => { worker.onmessage = (e) => resolve(e.data); worker.postMessage(key); });
      const answers = [await ask('sk-in-worker'), await ask('ek_in_worker')];
      worker.terminate();
      return answers;`);
    expect(answers[0]).toMatch(/^ApiError: refusing to use a secret API key/);
    expect(answers[1]).toBe('ok');
  });

  it('timeouts, aborts and typed errors on the browser fetch', async () => {
    const target = await open({ kind: 'hang' }, { kind: 'hang' }, json(500, { error: { message: 'boom' } }));
    const results = await inPage<string[]>(`
      const api = new c.RealtimeApi({ apiKey: 'ek_browser', baseUrl: base, maxRetries: 0 });
      const outcome = (p) => p.then(() => 'ok', (e) => e.name + (e instanceof c.ApiError ? ' (ApiError)' : ''));
      const timedOut = await outcome(api.createRealtimeSession(${body}, { timeoutMs: 100 }));
      const controller = new AbortController();
      setTimeout(() => controller.abort(new DOMException('left the page', 'AbortError')), 50);
      const aborted = await outcome(api.createRealtimeSession(${body}, { signal: controller.signal }));
      return [timedOut, aborted, await outcome(api.createRealtimeSession(${body}))];`);
    expect(results).toEqual(['TimeoutError (ApiError)', 'AbortError', 'InternalServerError (ApiError)']);
    expect(target.attempts).toHaveLength(3);
  });
});

/** A cross-origin API (another port) whose CORS allows only `allowHeaders`; it records what reached it. */
async function corsServer(allowHeaders: string, exposeHeaders = ''): Promise<{ url: string; seen: { method: string; headers: IncomingHttpHeaders }[]; close(): Promise<void> }> {
  const seen: { method: string; headers: IncomingHttpHeaders }[] = [];
  const server = createServer((request, response) => {
    seen.push({ method: request.method ?? '', headers: request.headers });
    const cors = { 'access-control-allow-origin': '*', 'access-control-allow-methods': 'GET, POST', 'access-control-allow-headers': allowHeaders, 'access-control-expose-headers': exposeHeaders, 'access-control-max-age': '0' };
    if (request.method === 'OPTIONS') return void response.writeHead(204, cors).end();
    request.resume();
    request.on('end', () => response.writeHead(200, { ...cors, 'content-type': 'application/json', 'x-request-id': 'req_cors' }).end(JSON.stringify(session)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/** The value of a CORS header as the package's README tells the API to answer with it. */
function readmeCors(name: string): string {
  const readme = readFileSync(join(repoRoot, 'generated/README.md'), 'utf8');
  return new RegExp(`\`${name}: ([^\`]+)\``).exec(readme)![1]!;
}

describeNeeding(chromiumInput, 'in Chromium, cross-origin', () => {
  it("an API whose CORS allows and exposes the headers the README names serves a call with default options; the page reads what it exposes", async () => {
    await open();
    expect(readmeCors('Access-Control-Allow-Headers')).toBe('authorization, content-type');
    const api = await corsServer(readmeCors('Access-Control-Allow-Headers'), readmeCors('Access-Control-Expose-Headers'));
    try {
      const result = await inPage<unknown>(`const { data, requestId } = await new c.RealtimeApi({ apiKey: 'ek_cors', baseUrl: ${JSON.stringify(api.url)}, maxRetries: 0 }).createRealtimeSession(${body}).withResponse(); return { data, requestId };`);
      expect(result).toEqual({ data: session, requestId: 'req_cors' });
      const post = api.seen.find((r) => r.method === 'POST')!;
      // Accept is sent without being allowed: a browser never asks about it.
      expect([post.headers.authorization, post.headers.accept, post.headers['x-retry-count'], post.headers['idempotency-key']]).toEqual(['Bearer ek_cors', 'application/json, */*;q=0.1', undefined, undefined]);
      // The same API refuses a client that enables the headers: the preflight fails.
      const refused = await inPage<string>(outcome(`new c.RealtimeApi({ apiKey: 'ek_cors', baseUrl: ${JSON.stringify(api.url)}, maxRetries: 0, retryCountHeader: true }).createRealtimeSession(${body})`));
      expect(refused).toMatch(/^ConnectionError: connection failed/);
    } finally {
      await api.close();
    }
  });

  it('an API that allows the headers receives them when they are configured', async () => {
    await open();
    const api = await corsServer('authorization, content-type, x-retry-count, idempotency-key');
    try {
      const result = await inPage<unknown>(
        `return await new c.RealtimeApi({ apiKey: 'ek_cors', baseUrl: ${JSON.stringify(api.url)}, retryCountHeader: true, idempotencyHeader: true }).createRealtimeSession(${body});`,
      );
      expect(result).toEqual(session);
      const post = api.seen.find((r) => r.method === 'POST')!;
      expect(post.headers['x-retry-count']).toBe('0');
      expect(post.headers['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
      expect(api.seen.some((r) => r.method === 'OPTIONS')).toBe(true);
    } finally {
      await api.close();
    }
  });
});
