import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, runCli } from './helpers/cli.ts';
import { sendJson, startServer, type TestServer } from './helpers/http-server.ts';
import { typecheckPackages } from './helpers/package-check.ts';
import { tempProject, type TempProject } from './helpers/project.ts';

/**
 * Non-JSON bodies and responses, path, query and header parameters, and several response codes,
 * from our own fixture (test/fixtures/media.yaml): the generated client against a real server.
 */
const KEY = 'sk-media-123';

interface MediaApi {
  createNote(body: string): Promise<string>;
  putFile(fileId: string, body: Blob | ArrayBuffer | ArrayBufferView, params: { header: { 'x-checksum': string } }): Promise<void>;
  getFile(fileId: string, params?: { query?: { range?: string } }, options?: { headers?: Record<string, string> }): Promise<Blob>;
  createUpload(body: { file: Blob; purpose: 'assistants' | 'batch'; labels?: string[]; meta?: Record<string, string> }): Promise<{ id: string }>;
  createToken(body: { grant_type: string; scope?: string[] }): Promise<{ id: string }>;
  updateJob(jobId: string): Promise<{ id: string } | undefined>;
  startExport(exportId: string): Promise<{ id: string } | undefined>;
  getReport(reportId: string): Promise<Blob | { retryAfter: number }>;
  streamEvents(options?: { timeoutMs?: number; signal?: AbortSignal }): Promise<ReadableStream<Uint8Array>>;
}

let project: TempProject;
let server: TestServer;
let api: MediaApi;
/** The Idempotency-Key header of each GET the server saw (undefined when absent). */
const getKeys: (string | string[] | undefined)[] = [];
let ApiError: new (...args: never[]) => Error & { status?: number; body?: unknown };

beforeAll(async () => {
  project = tempProject({ spec: readFileSync(join(repoRoot, 'test/fixtures/media.yaml'), 'utf8'), inRepo: true, config: { package: { name: 'media-client' } } });
  const run = await runCli(['generate'], project.dir);
  expect(run.stderr).toBe('');
  server = await startServer((request, response) => {
    const type = String(request.headers['content-type'] ?? '');
    const auth = request.headers.authorization === `Bearer ${KEY}`;
    if (!auth) return sendJson(response, 401, { message: 'no key' });
    if (request.method === 'POST' && request.url === '/v1/notes') {
      if (type !== 'text/plain') return sendJson(response, 422, { message: `content-type ${type}` });
      if (request.body.length > 20) return void response.writeHead(413).end();
      return void response.writeHead(201, { 'content-type': 'text/plain' }).end(`stored: ${request.body}`);
    }
    if (request.method === 'PUT' && request.url === '/v1/files/f%2F1') {
      if (type !== 'application/octet-stream' || request.headers['x-checksum'] !== 'abc' || request.body !== '\u0001\u0002\u0003') return sendJson(response, 422, { message: 'bad put' });
      if (!/^[0-9a-f-]{36}$/.test(String(request.headers['idempotency-key']))) return sendJson(response, 422, { message: 'a PUT carries an idempotency key' });
      return void response.writeHead(204).end();
    }
    if (request.method === 'GET') getKeys.push(request.headers['idempotency-key']);
    if (request.method === 'GET' && request.url === '/v1/files/f1?range=0-2') return void response.writeHead(200, { 'content-type': 'application/octet-stream' }).end(Buffer.from([7, 8, 9]));
    if (request.method === 'GET' && request.url.startsWith('/v1/files/')) return sendJson(response, 404, { message: 'No such file.' });
    if (request.method === 'POST' && request.url === '/v1/uploads') {
      const parts = ['name="file"; filename="a.txt"\r\nContent-Type: text/plain\r\n\r\nhello', 'name="purpose"\r\n\r\nbatch', 'name="labels"\r\n\r\nx', 'name="labels"\r\n\r\ny', 'name="meta"\r\n\r\n{"k":"v"}'];
      const missing = parts.filter((part) => !request.body.includes(part));
      if (!type.startsWith('multipart/form-data; boundary=') || missing.length > 0) return sendJson(response, 422, { message: `multipart: ${missing.join(' | ')}` });
      return sendJson(response, 200, { id: 'up_1' });
    }
    if (request.method === 'POST' && request.url === '/v1/tokens') {
      if (type !== 'application/x-www-form-urlencoded' || request.body !== 'grant_type=client&scope=a&scope=b') return sendJson(response, 422, { message: `form ${request.body}` });
      return sendJson(response, 200, { id: 'tok_1' });
    }
    if (request.method === 'GET' && request.url === '/v1/events') {
      // An endless stream: an event every 100 ms until the client goes.
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      let n = 0;
      const timer = setInterval(() => response.write(`data: ${++n}\n\n`), 100);
      response.on('close', () => clearInterval(timer));
      return;
    }
    if (request.method === 'POST' && request.url === '/v1/exports/later') return void response.writeHead(202).end();
    if (request.method === 'POST' && request.url === '/v1/exports/now') return sendJson(response, 200, { id: 'export_1' });
    if (request.method === 'PUT' && request.url === '/v1/jobs/later') return void response.writeHead(202).end();
    if (request.method === 'PUT' && request.url === '/v1/jobs/now') return sendJson(response, 200, { id: 'job_1' });
    if (request.method === 'GET' && request.url === '/v1/reports/later') return sendJson(response, 202, { retryAfter: 5 });
    if (request.method === 'GET' && request.url === '/v1/reports/now') return void response.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF');
    return sendJson(response, 404, { message: `unexpected ${request.method} ${request.url}` });
  });
  const mod = (await import(pathToFileURL(join(project.dir, 'generated/src/index.ts')).href)) as { MediaApi: new (options: object) => MediaApi; ApiError: typeof ApiError };
  api = new mod.MediaApi({ apiKey: KEY, baseUrl: `${server.url}/v1` });
  ApiError = mod.ApiError;
});
afterAll(async () => {
  await server.close();
  project.remove();
});

describe('non-JSON bodies and responses through the generated client', () => {
  it('text in, text out', async () => {
    expect(await api.createNote('hi')).toBe('stored: hi');
  });

  it('a documented non-2xx code without a body rejects with ApiError', async () => {
    const error = await api.createNote('x'.repeat(40)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as { status: number }).status).toBe(413);
  });

  it('bytes in (path parameter escaped, header parameter sent), nothing out', async () => {
    expect(await api.putFile('f/1', new Uint8Array([1, 2, 3]), { header: { 'x-checksum': 'abc' } })).toBeUndefined();
  });

  it('bytes out as a Blob, with a query parameter; the JSON error of another code is parsed', async () => {
    const blob = await api.getFile('f1', { query: { range: '0-2' } });
    expect(blob).toBeInstanceOf(Blob);
    expect([...new Uint8Array(await blob.arrayBuffer())]).toStrictEqual([7, 8, 9]);
    const error = await api.getFile('nope').catch((e: unknown) => e);
    expect((error as { status: number; body: unknown }).body).toStrictEqual({ message: 'No such file.' });
    // A GET gets no idempotency key of ours, and a caller's own header goes through.
    await api.getFile('f1', { query: { range: '0-2' } }, { headers: { 'Idempotency-Key': 'caller-own' } });
    expect(getKeys).toStrictEqual([undefined, undefined, 'caller-own']);
  });

  it('multipart: a file part, a text part, repeated array parts, an object as JSON', async () => {
    const file = new File(['hello'], 'a.txt', { type: 'text/plain' });
    expect(await api.createUpload({ file, purpose: 'batch', labels: ['x', 'y'], meta: { k: 'v' } })).toStrictEqual({ id: 'up_1' });
  });

  it('each 2xx is read as its own response says: a 202 without a body beside a 200 with JSON, a JSON 202 beside a PDF 200', async () => {
    expect(await api.updateJob('later')).toBeUndefined();
    expect(await api.updateJob('now')).toStrictEqual({ id: 'job_1' });
    // A 2XX range reads the statuses not declared (a 200 here), the 202 before it its own way.
    expect(await api.startExport('later')).toBeUndefined();
    expect(await api.startExport('now')).toStrictEqual({ id: 'export_1' });
    expect(await api.getReport('later')).toStrictEqual({ retryAfter: 5 });
    const report = await api.getReport('now');
    expect(report).toBeInstanceOf(Blob);
    expect(await (report as Blob).text()).toBe('%PDF');
  });

  it('an event stream is handed over unread once the headers are in: the timeout covers them only, the signal still stops it', async () => {
    const read = async (stream: ReadableStream<Uint8Array>, until: string) => {
      const reader = stream.getReader();
      let text = '';
      while (!text.includes(until)) text += new TextDecoder().decode((await reader.read()).value);
      return reader;
    };
    // Event 4 comes at 400 ms, well past the 150 ms timeout: a timer over the body would have cut the stream.
    const reader = await read(await api.streamEvents({ timeoutMs: 150 }), 'data: 4\n');
    await reader.cancel();
    // Response validation has nothing to check in a stream (its JSON `default` would have rejected every call).
    const { validateResponse } = (await import(pathToFileURL(join(project.dir, 'generated/src/validation/index.ts')).href)) as { validateResponse: unknown };
    const { MediaApi } = (await import(pathToFileURL(join(project.dir, 'generated/src/index.ts')).href)) as { MediaApi: new (options: object) => MediaApi };
    const validated = new MediaApi({ apiKey: KEY, baseUrl: `${server.url}/v1`, validateResponse });
    await (await read(await validated.streamEvents(), 'data: 1\n')).cancel();
    const controller = new AbortController();
    const aborted = await read(await api.streamEvents({ signal: controller.signal }), 'data: 1\n');
    controller.abort(new Error('enough'));
    await expect(aborted.read()).rejects.toThrow('enough');
  });

  it('URL-encoded form, arrays repeated', async () => {
    expect(await api.createToken({ grant_type: 'client', scope: ['a', 'b'] })).toStrictEqual({ id: 'tok_1' });
  });

  it('the package and its docs examples type-check (Blob examples for binary fields)', () => {
    const docs = project.read('generated/docs/MediaApi.md');
    expect(docs).toMatch(/await api\.createUpload\(\{\s*file: new Blob\(\["example bytes"\]\),\s*purpose: "assistants",?\s*\}\)/);
    expect(docs).toMatch(/await api\.putFile\(\s*"string",\s*new Blob\(\["example bytes"\]\),\s*\{\s*header: \{ "x-checksum": "string" \},?\s*\},?\s*\)/);
    // Response validation carries only what a 2xx can be checked against: no 404 Problem schema.
    const validation = project.read('generated/src/validation/schemas.ts');
    expect(validation).toContain('"get-file"');
    expect(validation).not.toMatch(/"404"|Problem/);
    expect(typecheckPackages(join(project.dir, 'check'), [{ dir: join(project.dir, 'generated'), name: 'media-client' }])).toBe('');
  });
});
