import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, RealtimeApi, type RealtimeSessionCreateRequest } from 'openai-realtime-client';
import { sendJson, startServer, type TestServer } from './helpers/http-server.ts';
import { specValidators } from './helpers/spec-validator.ts';

const API_KEY = 'sk-test-0123456789abcdef';
const { schema } = specValidators();
const requestSchema = schema('RealtimeSessionCreateRequest');
const responseSchema = schema('RealtimeSessionCreateResponse');

/** A response the spec allows, plus fields the spec does not list (a client must keep them). */
const SESSION = {
  id: 'sess_123',
  object: 'realtime.session',
  model: 'gpt-4o-realtime-preview',
  modalities: ['audio', 'text'],
  instructions: 'Be brief.',
  voice: 'verse',
  input_audio_format: 'pcm16',
  output_audio_format: 'pcm16',
  input_audio_transcription: { model: 'whisper-1' },
  turn_detection: { type: 'server_vad', threshold: 0.5, prefix_padding_ms: 300, silence_duration_ms: 500 },
  tools: [],
  tool_choice: 'auto',
  temperature: 0.8,
  max_response_output_tokens: 'inf',
  client_secret: { value: 'ek_abc', expires_at: 1_900_000_000 },
  future_field: { nested: true },
};

/**
 * The contract: a real server that checks every request against the spec (method, path, bearer
 * auth, content type, body against the request schema) and answers with a response that is valid
 * against the response schema, unless told to fail.
 */
let server: TestServer;
let mode: 'ok' | 'bad-request' | 'html' | 'echo-key' = 'ok';
beforeAll(async () => {
  server = await startServer((request, response) => {
    const problems: string[] = [];
    if (request.method !== 'POST') problems.push(`method ${request.method}`);
    if (request.url !== '/v1/realtime/sessions') problems.push(`path ${request.url}`);
    if (request.headers.authorization !== `Bearer ${API_KEY}`) problems.push('authorization');
    if (!String(request.headers['content-type']).startsWith('application/json')) problems.push('content-type');
    let body: unknown;
    try {
      body = JSON.parse(request.body);
    } catch {
      problems.push('body is not JSON');
    }
    if (body !== undefined && !requestSchema(body)) problems.push(`body: ${JSON.stringify(requestSchema.errors)}`);
    if (problems.length > 0) return sendJson(response, 422, { error: { message: problems.join('; ') } });
    if (mode === 'bad-request') return sendJson(response, 400, { error: { message: 'Unknown voice.', type: 'invalid_request_error', param: 'voice' } }, { 'x-request-id': 'req_400' });
    if (mode === 'html') {
      response.writeHead(502, { 'content-type': 'text/html', 'x-request-id': 'req_502' });
      response.end("<html><body>Bad gateway</body></html>");
      return;
    }
    if (mode === 'echo-key') return sendJson(response, 401, { error: { message: `Incorrect API key provided: ${API_KEY}` } });
    return sendJson(response, 200, SESSION, { 'x-request-id': 'req_200' });
  });
});
afterAll(() => server.close());

const client = () => new RealtimeApi({ apiKey: API_KEY, baseUrl: `${server.url}/v1` });
const BODY: RealtimeSessionCreateRequest = {
  model: 'gpt-4o-realtime-preview',
  modalities: ['text'],
  voice: 'verse',
  turn_detection: { type: 'semantic_vad', eagerness: 'low' },
  max_response_output_tokens: 1024,
};

describe('contract: the generated client against a server that enforces the spec', () => {
  it('the canned response is itself valid against the response schema', () => {
    expect(responseSchema(SESSION), JSON.stringify(responseSchema.errors)).toBe(true);
  });

  it('sends exactly the request the spec describes and returns the parsed body, unknown fields included', async () => {
    mode = 'ok';
    const before = server.requests.length;
    const session = await client().createRealtimeSession(BODY);
    const seen = server.requests.slice(before);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.method).toBe('POST');
    expect(seen[0]!.url).toBe('/v1/realtime/sessions');
    expect(seen[0]!.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(seen[0]!.headers['content-type']).toBe('application/json');
    expect(JSON.parse(seen[0]!.body)).toStrictEqual(BODY);
    expect(session).toStrictEqual(SESSION);
    expect(session.client_secret.value).toBe('ek_abc');
  });

  it('sends the client headers and the per-call headers, and uses a custom fetch', async () => {
    mode = 'ok';
    const used: string[] = [];
    const api = new RealtimeApi({
      apiKey: async () => API_KEY,
      baseUrl: `${server.url}/v1/`,
      headers: { 'x-team': 'voice' },
      fetch: (request) => {
        used.push(request.url);
        return fetch(request);
      },
    });
    const before = server.requests.length;
    await api.createRealtimeSession({}, { headers: { 'x-call': 'one' } });
    const seen = server.requests[before]!;
    expect(used).toStrictEqual([`${server.url}/v1/realtime/sessions`]);
    expect(seen.headers['x-team']).toBe('voice');
    expect(seen.headers['x-call']).toBe('one');
    expect(seen.headers.authorization).toBe(`Bearer ${API_KEY}`);
  });

  it('rejects a 4xx with ApiError carrying status, parsed body, headers and request id', async () => {
    mode = 'bad-request';
    const error = await client().createRealtimeSession(BODY).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    const apiError = error as ApiError;
    expect(apiError.status).toBe(400);
    expect(apiError.body).toStrictEqual({ error: { message: 'Unknown voice.', type: 'invalid_request_error', param: 'voice' } });
    expect(apiError.requestId).toBe('req_400');
    expect(apiError.headers['x-request-id']).toBe('req_400');
    expect(apiError.message).toContain('400');
    expect(apiError.message).toContain('Unknown voice.');
    expectNoKey(apiError);
  });

  it('keeps a non-JSON error body as raw text', async () => {
    mode = 'html';
    const error = (await client().createRealtimeSession(BODY).catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(502);
    expect(error.body).toBe('<html><body>Bad gateway</body></html>');
    expect(error.requestId).toBe('req_502');
  });

  it('never lets the API key into an error, even when the server echoes it', async () => {
    mode = 'echo-key';
    const error = (await client().createRealtimeSession(BODY).catch((e: unknown) => e)) as ApiError;
    expect(error.status).toBe(401);
    expect(JSON.stringify(error.body)).toContain('[redacted]');
    expectNoKey(error);
  });
});

function expectNoKey(error: ApiError): void {
  for (const text of [error.message, String(error.stack), JSON.stringify(error), String(error)]) {
    expect(text).not.toContain(API_KEY);
    expect(text).not.toContain('Bearer');
  }
}
