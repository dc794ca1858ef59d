import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateExample, type GeneratedExample } from '../../test/helpers/example.ts';
import { serveFetch, type TestServer } from '../../test/helpers/http-server.ts';

type Handler = (request: Request) => Promise<Response>;
interface MockModule {
  createMockHandler(options?: { responses?: Record<string, () => Response> }): Handler;
  routes: readonly { operationId: string; method: string; path: string; status: number; body?: unknown; auth: boolean; requiredBody?: readonly string[] }[];
}
interface ClientPackage {
  RealtimeApi: new (options: { apiKey: string; baseUrl: string }) => {
    createRealtimeSession(body: { model: string; modalities?: string[] }): Promise<unknown>;
    getRealtimeSession(sessionId: string): Promise<unknown>;
  };
  ApiError: new (...args: never[]) => Error & { status?: number; body?: unknown };
}

const spec = parse(readFileSync(new URL('./spec/openapi.yaml', import.meta.url), 'utf8')) as {
  paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { examples?: Record<string, { value: unknown }> }> }> }>>;
};

let out: GeneratedExample;
let mock: MockModule;
let pkg: ClientPackage;
const servers: TestServer[] = [];
const serve = async (handler: Handler) => {
  const server = await serveFetch(handler);
  servers.push(server);
  return server;
};
beforeAll(async () => {
  out = await generateExample('mocks');
  mock = await out.load<MockModule>('dist/mock/index.js');
  pkg = await out.load<ClientPackage>('dist/index.js');
});
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  out?.remove();
});

describe('examples/mocks: a mock server generated from the spec, used to test the generated client', () => {
  it('has one route per operation, answering with the spec example or a value built from the schema', () => {
    const example = spec.paths['/realtime/sessions']!['post']!.responses['200']!.content!['application/json']!.examples!['minimal']!.value;
    expect(mock.routes).toStrictEqual([
      { operationId: 'create-realtime-session', method: 'POST', path: '/realtime/sessions', status: 200, auth: true, body: example, requiredBody: ['model'] },
      { operationId: 'get-realtime-session', method: 'GET', path: '/realtime/sessions/{session_id}', status: 200, auth: true, body: { id: 'sess_summary', status: 'active' } },
    ]);
    const pkgJson = JSON.parse(readFileSync(join(out.dir, 'package.json'), 'utf8')) as { exports: Record<string, unknown> };
    expect(pkgJson.exports['./mock']).toStrictEqual({ types: './dist/mock/index.d.ts', import: './dist/mock/index.js' });
  });

  it('serves the generated client on 127.0.0.1: examples back, required properties and the token checked', async () => {
    const server = await serve(mock.createMockHandler());
    const api = new pkg.RealtimeApi({ apiKey: 'sk-mock', baseUrl: `${server.url}/v1` });
    expect(await api.createRealtimeSession({ model: 'gpt-4o-realtime-preview', modalities: ['text'] })).toStrictEqual(mock.routes[0]!.body);
    expect(await api.getRealtimeSession('sess_42')).toStrictEqual({ id: 'sess_summary', status: 'active' });
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toStrictEqual(['POST /v1/realtime/sessions', 'GET /v1/realtime/sessions/sess_42']);

    const missing = await api.createRealtimeSession({} as { model: string }).catch((error: unknown) => error);
    expect(missing).toBeInstanceOf(pkg.ApiError);
    expect((missing as { status?: number }).status).toBe(400);
    expect((missing as Error).message).toContain('missing required properties: model');

    const anonymous = await fetch(`${server.url}/v1/realtime/sessions/sess_42`);
    expect(anonymous.status).toBe(401);
    expect((await fetch(`${server.url}/v1/nowhere`, { headers: { authorization: 'Bearer x' } })).status).toBe(404);
  });

  it('lets a test replace one answer', async () => {
    const server = await serve(
      mock.createMockHandler({
        responses: { 'get-realtime-session': () => new Response(JSON.stringify({ error: { message: 'No session has this id.' } }), { status: 404, headers: { 'content-type': 'application/json' } }) },
      }),
    );
    const api = new pkg.RealtimeApi({ apiKey: 'sk-mock', baseUrl: `${server.url}/v1` });
    const failure = await api.getRealtimeSession('gone').catch((error: unknown) => error);
    expect((failure as { status?: number }).status).toBe(404);
    expect((failure as { body?: unknown }).body).toStrictEqual({ error: { message: 'No session has this id.' } });
    expect(await api.createRealtimeSession({ model: 'gpt-4o-mini-realtime-preview' })).toStrictEqual(mock.routes[0]!.body);
  });
});
