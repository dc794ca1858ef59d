/**
 * How responses are read (templates/runtime/files/response.ts), tested where it lives, on real
 * `Response` objects: 2xx bodies by kind, error bodies, the fields an error carries and its message.
 */
import { describe, expect, it } from 'vitest';
import { InvalidResponseError } from '../../templates/runtime/files/errors.ts';
import { errorInit, readErrorBody, readSuccessBody, statusMessage, type ResponseKind } from '../../templates/runtime/files/response.ts';

const response = (body: string | null, status = 200, headers: Record<string, string> = {}, statusText = ''): Response => new Response(body, { status, headers, statusText });
const JSON_HEADERS = { 'content-type': 'application/json' };

describe('readSuccessBody', () => {
  const cases: { name: string; kind: ResponseKind; given: () => Response; want: unknown }[] = [
    { name: 'JSON', kind: 'json', given: () => response('{"a":1}', 200, JSON_HEADERS), want: { a: 1 } },
    { name: 'JSON with a charset', kind: 'json', given: () => response('[1]', 200, { 'content-type': 'application/json; charset=utf-8' }), want: [1] },
    { name: 'a +json media type', kind: 'json', given: () => response('true', 200, { 'content-type': 'application/problem+json' }), want: true },
    { name: 'a JSON content type in upper case', kind: 'json', given: () => response('1', 200, { 'content-type': 'APPLICATION/JSON' }), want: 1 },
    { name: 'a 204 reads as undefined', kind: 'json', given: () => response(null, 204), want: undefined },
    { name: 'a 205 reads as undefined', kind: 'json', given: () => response(null, 205), want: undefined },
    { name: 'text', kind: 'text', given: () => response('v=0', 200, { 'content-type': 'application/sdp' }), want: 'v=0' },
    { name: 'text of a 204 is undefined', kind: 'text', given: () => response(null, 204), want: undefined },
    { name: 'none ignores the body', kind: 'none', given: () => response('{"a":1}', 200, JSON_HEADERS), want: undefined },
    { name: 'binary of a 204 is undefined', kind: 'binary', given: () => response(null, 204), want: undefined },
    { name: 'binary of a 205 is undefined', kind: 'binary', given: () => response(null, 205), want: undefined },
  ];
  it.each(cases)('$name', async ({ kind, given, want }) => {
    expect(await readSuccessBody(given(), kind)).toEqual(want);
  });

  it('none leaves the body to read from the response (for `.withResponse()`), the connection freed all the same', async () => {
    const given = response('{"a":1}', 200, JSON_HEADERS);
    expect(await readSuccessBody(given, 'none')).toBeUndefined();
    expect(await given.text()).toBe('{"a":1}');
  });

  it('an operation whose statuses differ reads each as its kind says, and the others as `other`', async () => {
    const kinds = { other: 'json', 202: 'none', 203: 'text' } as const;
    expect(await readSuccessBody(response(null, 202), kinds)).toBeUndefined();
    expect(await readSuccessBody(response('plain', 203, { 'content-type': 'text/plain' }), kinds)).toBe('plain');
    expect(await readSuccessBody(response('{"a":1}', 200, JSON_HEADERS), kinds)).toStrictEqual({ a: 1 });
    await expect(readSuccessBody(response('plain', 201, { 'content-type': 'text/plain' }), kinds)).rejects.toThrow('expected JSON');
  });

  it('binary reads a Blob', async () => {
    const body = await readSuccessBody(response('bytes', 200, { 'content-type': 'image/png' }), 'binary');
    expect(body).toBeInstanceOf(Blob);
    expect(await (body as Blob).text()).toBe('bytes');
  });

  const refused: { name: string; given: () => Response; message: string; body: unknown }[] = [
    { name: 'no content type', given: () => response('{}'), message: 'expected JSON, got content type text/plain;charset=UTF-8', body: '{}' },
    { name: 'an HTML page', given: () => response('<html>', 200, { 'content-type': 'text/html' }), message: 'expected JSON, got content type text/html', body: '<html>' },
    { name: 'a type that only starts like JSON', given: () => response('{}', 200, { 'content-type': 'application/jsonp' }), message: 'expected JSON, got content type application/jsonp', body: '{}' },
    { name: 'a type with JSON inside', given: () => response('{}', 200, { 'content-type': 'text/application/json' }), message: 'expected JSON, got content type text/application/json', body: '{}' },
    { name: 'a long content type is cut', given: () => response('{}', 200, { 'content-type': `text/${'x'.repeat(200)}` }), message: `expected JSON, got content type text/${'x'.repeat(95)}`, body: '{}' },
    { name: 'invalid JSON', given: () => response('{"a":', 200, JSON_HEADERS), message: 'invalid JSON', body: '{"a":' },
    { name: 'an empty JSON body', given: () => response('', 200, JSON_HEADERS), message: 'invalid JSON (an empty body)', body: '' },
  ];
  it.each(refused)('refuses $name with InvalidResponseError', async ({ given, message, body }) => {
    const error = await readSuccessBody(given(), 'json').then(
      () => expect.unreachable('should have been refused'),
      (e: unknown) => e as InvalidResponseError,
    );
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect([error.message, error.status, error.body]).toEqual([message, 200, body]);
  });

  it('a body without any content type header at all', async () => {
    const bare = response(null, 200);
    const error = (await readSuccessBody(bare, 'json').catch((e: unknown) => e)) as InvalidResponseError;
    expect(error.message).toBe('expected JSON, got no content type');
  });

  it('the JSON parse error is the cause', async () => {
    const error = (await readSuccessBody(response('nope', 200, JSON_HEADERS), 'json').catch((e: unknown) => e)) as InvalidResponseError;
    expect(error.cause).toBeInstanceOf(SyntaxError);
  });
});

describe('readErrorBody', () => {
  it.each([
    { name: 'JSON is parsed', body: '{"error":{"message":"x"}}', want: { error: { message: 'x' } } },
    { name: 'text that is not JSON stays text', body: '<html>bad gateway</html>', want: '<html>bad gateway</html>' },
    { name: 'an empty body is undefined', body: '', want: undefined },
    { name: 'JSON null is null', body: 'null', want: null },
  ])('$name', async ({ body, want }) => {
    expect(await readErrorBody(response(body, 500))).toEqual(want);
  });
});

describe('errorInit', () => {
  it('status, lower-case headers, the body, and the request id', () => {
    expect(errorInit(response('', 429, { 'X-Request-Id': 'req_1', 'Retry-After': '2' }), { a: 1 })).toEqual({
      status: 429,
      headers: { 'x-request-id': 'req_1', 'retry-after': '2', 'content-type': 'text/plain;charset=UTF-8' },
      body: { a: 1 },
      requestId: 'req_1',
    });
  });

  it('no request id without the header (an empty one counts as none)', () => {
    expect(errorInit(response(null, 500), undefined).requestId).toBeUndefined();
    expect(errorInit(response(null, 500, { 'x-request-id': '' }), undefined).requestId).toBeUndefined();
  });
});

describe('statusMessage', () => {
  it.each([
    { name: 'error as a string', body: { error: 'bad key' }, want: '401 Unauthorized: bad key' },
    { name: 'error.message', body: { error: { message: 'slow down' } }, want: '401 Unauthorized: slow down' },
    { name: 'message', body: { message: 'nope' }, want: '401 Unauthorized: nope' },
    { name: 'error.message wins over message', body: { error: { message: 'inner' }, message: 'outer' }, want: '401 Unauthorized: inner' },
    { name: 'an error object without a message falls back to message', body: { error: { code: 1 }, message: 'outer' }, want: '401 Unauthorized: outer' },
    { name: 'the first of errors: its message (Asana), else its detail (JSON:API, Square)', body: { errors: [{ message: 'Not a recognized ID' }, { message: 'x' }] }, want: '401 Unauthorized: Not a recognized ID' },
    { name: 'the first of errors: its detail', body: { errors: [{ code: 'BAD', detail: 'Missing field' }] }, want: '401 Unauthorized: Missing field' },
    { name: "a problem's detail (RFC 9457; Vonage's 422)", body: { type: 'https://example.com/problems/invalid', title: 'Invalid parameters', detail: 'date_start is invalid' }, want: '401 Unauthorized: date_start is invalid' },
    { name: "a problem's title, without a detail", body: { title: 'Invalid parameters', status: 422 }, want: '401 Unauthorized: Invalid parameters' },
    { name: 'message wins over a problem member', body: { message: 'nope', title: 'Invalid' }, want: '401 Unauthorized: nope' },
    { name: "errors' first message wins over a problem's title, the most general (a review)", body: { title: 'Validation failed', errors: [{ message: 'name is required' }] }, want: '401 Unauthorized: name is required' },
    { name: 'errors that is no array is left out', body: { errors: { message: 'x' } }, want: '401 Unauthorized' },
    { name: 'a message that is no string is left out', body: { message: 42 }, want: '401 Unauthorized' },
    { name: 'plain text', body: 'quota exceeded', want: '401 Unauthorized: quota exceeded' },
    { name: 'long text is cut at 200 characters', body: 'y'.repeat(300), want: `401 Unauthorized: ${'y'.repeat(200)}` },
    { name: 'an HTML page is left out', body: '  <html>gateway</html>', want: '401 Unauthorized' },
    { name: 'empty text is left out', body: '', want: '401 Unauthorized' },
    { name: 'no body', body: undefined, want: '401 Unauthorized' },
    { name: 'a null body', body: null, want: '401 Unauthorized' },
  ])('$name', ({ body, want }) => {
    expect(statusMessage(response(null, 401, {}, 'Unauthorized'), body)).toBe(want);
  });

  it('without a status text: "error"', () => {
    expect(statusMessage(response(null, 503), { message: 'down' })).toBe('503 error: down');
  });
});
