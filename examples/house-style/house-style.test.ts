import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateExample, type GeneratedExample } from '../../test/helpers/example.ts';
import { sendJson, startServer, type TestServer } from '../../test/helpers/http-server.ts';

interface HouseOptions {
  apiKey: string;
  baseUrl: string;
  maxRetries?: number;
  teamId?: string;
  onRequest?: (request: Request) => void | Promise<void>;
  onResponse?: (response: Response, request: Request) => void | Promise<void>;
}
interface HousePackage {
  RealtimeApi: new (options: HouseOptions) => Record<string, unknown> & { createSession(body: { model: string }): Promise<{ id: string; model: string }> };
  TEAM_ID: string;
  ApiError: new (...args: never[]) => Error & { status?: number };
}

const KEY = 'sk-house-example';
const BANNER = ['Copyright (c) 2026 Acme Corp. All rights reserved.', 'Internal use only. Questions: #voice-platform.'];

let out: GeneratedExample;
let server: TestServer;
beforeAll(async () => {
  out = await generateExample('house-style');
  server = await startServer((request, response) => {
    if (JSON.parse(request.body).model === 'broken') return sendJson(response, 500, { error: { message: 'Down.' } });
    return sendJson(response, 200, { id: 'sess_house', model: 'gpt-4o-realtime-preview' });
  });
});
afterAll(async () => {
  await server?.close();
  out?.remove();
});

const files = (dir: string): string[] => readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => !f.startsWith('dist') && /\.(ts|md|json)$/.test(f));

describe('examples/house-style: package name, company header, team header and hooks, naming patch', () => {
  it('puts the company header on every file, in its comment style', () => {
    const all = files(out.dir);
    expect(all.length).toBeGreaterThan(10);
    for (const file of all) {
      const text = readFileSync(join(out.dir, file), 'utf8');
      if (file.endsWith('.json')) expect((JSON.parse(text) as { '//': string })['//'].startsWith(BANNER.join(' ')), file).toBe(true);
      else if (file.endsWith('.md')) expect(text.startsWith(`<!--\n${BANNER.join('\n')}\n`), file).toBe(true);
      else expect(text.startsWith(`/*\n * ${BANNER.join('\n * ')}\n`), file).toBe(true);
    }
  });

  it("publishes as Acme's package, to Acme's registry", () => {
    const pkg = JSON.parse(readFileSync(join(out.dir, 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(pkg['name']).toBe('@acme/realtime-client');
    expect(pkg['author']).toBe('Acme Corp. Voice Platform team');
    expect(pkg['publishConfig']).toStrictEqual({ registry: 'https://npm.acme.example/' });
    expect(pkg['exports']).toHaveProperty('.');
  });

  it('names methods by the patched resolver rule, in code and docs', async () => {
    const { RealtimeApi } = await out.load<HousePackage>('dist/index.js');
    expect(typeof RealtimeApi.prototype.createSession).toBe('function');
    expect((RealtimeApi.prototype as Record<string, unknown>)['createRealtimeSession']).toBeUndefined();
    expect(readFileSync(join(out.dir, 'docs/RealtimeApi.md'), 'utf8')).toContain('## createSession');
  });

  it('sends x-team-id and runs onRequest/onResponse on every call, retries included', async () => {
    const { RealtimeApi, TEAM_ID, ApiError } = await out.load<HousePackage>('dist/index.js');
    const seen: string[] = [];
    const api = new RealtimeApi({
      apiKey: KEY,
      baseUrl: server.url,
      maxRetries: 1,
      onRequest: (request) => {
        seen.push(`request ${request.method} ${new URL(request.url).pathname}`);
        request.headers.set('x-trace-id', `trace-${seen.length}`);
      },
      onResponse: (response) => {
        seen.push(`response ${response.status}`);
      },
    });
    const before = server.requests.length;
    expect(await api.createSession({ model: 'gpt-4o-realtime-preview' })).toStrictEqual({ id: 'sess_house', model: 'gpt-4o-realtime-preview' });
    const failure = await api.createSession({ model: 'broken' }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiError);
    // The 500 is retried once (maxRetries: 1): the hooks see each attempt.
    const attempt = ['request POST /realtime/sessions', 'response 500'];
    expect(seen).toStrictEqual(['request POST /realtime/sessions', 'response 200', ...attempt, ...attempt]);
    const requests = server.requests.slice(before);
    expect(requests.map((r) => r.headers['x-team-id'])).toStrictEqual([TEAM_ID, TEAM_ID, TEAM_ID]);
    expect(TEAM_ID).toBe('voice-platform');
    expect(requests.map((r) => r.headers['x-trace-id'])).toStrictEqual(['trace-1', 'trace-3', 'trace-5']);
    expect(requests[0]!.headers.authorization).toBe(`Bearer ${KEY}`);

    await new RealtimeApi({ apiKey: KEY, baseUrl: server.url, teamId: 'billing' }).createSession({ model: 'gpt-4o-realtime-preview' });
    expect(server.requests.at(-1)!.headers['x-team-id']).toBe('billing');
  });
});
