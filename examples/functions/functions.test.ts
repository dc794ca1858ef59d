import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateExample, type GeneratedExample } from '../../test/helpers/example.ts';
import { sendJson, startServer, type TestServer } from '../../test/helpers/http-server.ts';

interface Session {
  id: string;
  model: string;
  client_secret: { value: string; expires_at: number };
}
interface FunctionsPackage {
  createClient(options: { apiKey: string; baseUrl: string }): unknown;
  createRealtimeSession(client: unknown, body: { model: string; voice?: string }): Promise<Session>;
  getRealtimeSession(client: unknown, sessionId: string): Promise<Session>;
  ApiError: new (...args: never[]) => Error & { status?: number };
  RealtimeApi?: unknown;
}

const KEY = 'sk-functions-example';
const SESSION: Session = { id: 'sess_1', model: 'gpt-4o-realtime-preview', client_secret: { value: 'ek_1', expires_at: 1_900_000_000 } };

let out: GeneratedExample;
let server: TestServer;
beforeAll(async () => {
  out = await generateExample('functions');
  server = await startServer((request, response) => {
    if (request.url === '/v1/realtime/sessions/missing') return sendJson(response, 404, { error: { message: 'No such session.' } });
    return sendJson(response, 200, SESSION);
  });
});
afterAll(async () => {
  await server?.close();
  out?.remove();
});

describe('examples/functions: tree-shakable functions instead of classes', () => {
  it('emits one module of functions per tag, a client, and no API class or class docs', () => {
    expect(existsSync(join(out.dir, 'src/functions/Realtime.ts'))).toBe(true);
    expect(existsSync(join(out.dir, 'src/client.ts'))).toBe(true);
    expect(existsSync(join(out.dir, 'src/apis'))).toBe(false);
    expect(existsSync(join(out.dir, 'docs/RealtimeApi.md'))).toBe(false);
    expect(existsSync(join(out.dir, 'docs/Session.md'))).toBe(true);
  });

  it('calls the API with the client as the first argument', async () => {
    const pkg = await out.load<FunctionsPackage>('dist/index.js');
    expect(pkg.RealtimeApi).toBeUndefined();
    const client = pkg.createClient({ apiKey: KEY, baseUrl: `${server.url}/v1` });
    const before = server.requests.length;
    expect(await pkg.createRealtimeSession(client, { model: 'gpt-4o-realtime-preview', voice: 'alloy' })).toStrictEqual(SESSION);
    expect(await pkg.getRealtimeSession(client, 'sess 1/2')).toStrictEqual(SESSION);
    const [create, get] = server.requests.slice(before);
    expect(create).toMatchObject({ method: 'POST', url: '/v1/realtime/sessions' });
    expect(create!.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(JSON.parse(create!.body)).toStrictEqual({ model: 'gpt-4o-realtime-preview', voice: 'alloy' });
    expect(get).toMatchObject({ method: 'GET', url: '/v1/realtime/sessions/sess%201%2F2' });
    const failure = await pkg.getRealtimeSession(client, 'missing').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(pkg.ApiError);
    expect((failure as { status?: number }).status).toBe(404);
  });

  it('a bundle keeps only the functions it calls', async () => {
    const bundle = async (names: string[]) => {
      const entry = join(out.dir, `entry-${names.length}.mjs`);
      writeFileSync(
        entry,
        `import { createClient, ${names.join(', ')} } from './dist/index.js';\nconst client = createClient({ apiKey: 'k' });\nexport const calls = [${names.map((n) => `() => ${n}(client, 'x')`).join(', ')}];\n`,
      );
      const result = await build({ entryPoints: [entry], bundle: true, write: false, format: 'esm', platform: 'neutral', logLevel: 'silent' });
      return result.outputFiles[0]!.text;
    };
    const one = await bundle(['createRealtimeSession']);
    expect(one).toContain('"/realtime/sessions"');
    expect(one).not.toContain('getRealtimeSession');
    expect(one).not.toContain('/realtime/sessions/{session_id}');
    // The control: the dropped function is there when it is called.
    const both = await bundle(['createRealtimeSession', 'getRealtimeSession']);
    expect(both).toContain('getRealtimeSession');
    expect(both).toContain('/realtime/sessions/{session_id}');
  });
});
