/**
 * The request builder the generated methods call (templates/runtime/files/request.ts), tested
 * where it lives: what URL, method, headers and body one call describes. Sending is covered
 * against real servers by the client, fault and auth suites.
 */
import { defaultPathSerializer } from 'openapi-fetch';
import { describe, expect, it } from 'vitest';
import { requestBuilder, type Outgoing } from '../../templates/runtime/files/request.ts';
import { asIs, formBody, formData } from '../../templates/runtime/files/body.ts';
import { ApiError } from '../../templates/runtime/files/errors.ts';
import { styledQuery } from '../../templates/runtime/files/query.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const client = requestBuilder<any>('https://api.test/v1', { pathSerializer: defaultPathSerializer, querySerializer: styledQuery() }) as unknown as Record<string, (path: string, init: object) => Outgoing>;

describe('requestBuilder', () => {
  it.each(['GET', 'PUT', 'POST', 'DELETE', 'OPTIONS', 'HEAD', 'PATCH', 'TRACE'])('%s describes a request of that method, unsent', (method) => {
    const { url, init } = client[method]!('/things', {});
    expect([url, init.method, init.headers, init.body]).toEqual(['https://api.test/v1/things', method, {}, null]);
  });

  it('path and query parameters through openapi-fetch serializers', () => {
    const { url } = client['GET']!('/things/{id}', { params: { path: { id: 'a b' }, query: { limit: 2, tag: ['x', 'y'] } } });
    expect(url).toBe('https://api.test/v1/things/a%20b?limit=2&tag=x&tag=y');
  });

  it("a call's own query serializer wins over the defaults'; without query parameters there is no `?`", () => {
    const own = styledQuery({ tag: { explode: false } });
    expect(client['GET']!('/things', { params: { query: { tag: ['x', 'y'] } }, querySerializer: own }).url).toBe('https://api.test/v1/things?tag=x,y');
    expect(client['GET']!('/things', { params: { query: {} }, querySerializer: own }).url).toBe('https://api.test/v1/things');
  });

  const cases: { name: string; init: Record<string, unknown>; headers: Record<string, string>; body: unknown }[] = [
    { name: 'a JSON body gets the JSON content type', init: { body: { a: 1 } }, headers: { 'content-type': 'application/json' }, body: '{"a":1}' },
    { name: 'no body, no content type', init: { body: undefined }, headers: {}, body: null },
    { name: 'a given content type wins, whatever its case', init: { body: 'x', bodySerializer: asIs, headers: { 'Content-Type': 'text/plain' } }, headers: { 'content-type': 'text/plain' }, body: 'x' },
    { name: 'a form body keeps its own content type', init: { body: { a: 1 }, bodySerializer: formBody(), headers: { 'Content-Type': 'application/x-www-form-urlencoded' } }, headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'a=1' },
    { name: 'header parameters win over headers; later wins whatever the case; absent values are skipped; arrays join', init: { headers: { 'X-One': 'a', 'x-two': 'b' }, params: { header: { 'x-ONE': 'c', 'X-Three': 3, 'x-list': ['p', 'q'], 'x-none': undefined, 'x-null': null } } }, headers: { 'x-one': 'c', 'x-two': 'b', 'x-three': '3', 'x-list': 'p,q' }, body: null },
  ];
  it.each(cases)('$name', ({ init, headers, body }) => {
    const outgoing = client['POST']!('/things', init);
    expect(outgoing.init.headers).toEqual(headers);
    expect(outgoing.init.body).toEqual(body);
  });

  it('a multipart body goes without a content type, for fetch to write with its boundary', () => {
    const { init } = client['POST']!('/files', { body: { name: 'n' }, bodySerializer: formData });
    expect(init.body).toBeInstanceOf(FormData);
    expect(init.headers).toEqual({});
  });

  it('without the serializers, path or query parameters are refused, not dropped; none given is fine', () => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const bare = requestBuilder<any>('https://api.test', {}) as unknown as Record<string, (path: string, init: object) => Outgoing>;
    expect(() => bare['GET']!('/things/{id}', { params: { path: { id: 1 } } })).toThrow(new ApiError('path parameters need defaults.pathSerializer'));
    expect(() => bare['GET']!('/things', { params: { query: { limit: 1 } } })).toThrow(new ApiError('query parameters need defaults.querySerializer'));
    expect(bare['GET']!('/things/{id}', { params: { path: {}, query: {} } }).url).toBe('https://api.test/things/{id}');
  });
});
