/**
 * Servers in the model (generator/model/build.ts): each variable with its default, allowed values
 * and description, and the URL with the defaults in place.
 */
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../generator/model/build.ts';
import { defaultNaming } from '../../generator/naming/resolver.ts';

const servers = (list: unknown) => buildModel({ openapi: '3.1.0', info: { title: 't', version: '1' }, paths: {}, servers: list }, { name: 's', sha256: '0', openapi: '3.1.0' }, defaultNaming).servers;

describe('servers', () => {
  it("a URL's variables take their defaults, each wherever it appears", () => {
    const [server] = servers([{ url: '{scheme}://{region}.api.test/{region}/v1', variables: { scheme: { default: 'https' }, region: { default: 'eu', enum: ['eu', 'us'], description: 'Where.' } } }]);
    expect(server).toStrictEqual({
      url: '{scheme}://{region}.api.test/{region}/v1',
      defaultUrl: 'https://eu.api.test/eu/v1',
      variables: [
        { name: 'scheme', default: 'https' },
        { name: 'region', default: 'eu', enum: ['eu', 'us'], description: 'Where.' },
      ],
    });
  });

  it('a URL without variables is its own default', () => {
    expect(servers([{ url: 'https://api.test', description: 'Prod.' }])).toStrictEqual([{ url: 'https://api.test', description: 'Prod.', defaultUrl: 'https://api.test', variables: [] }]);
  });

  it('a variable the server does not define, or without a default, stays as written; a number default is text', () => {
    const [server] = servers([{ url: 'https://{a}.test:{port}/{b}', variables: { a: { enum: ['x'] }, port: { default: 8443 } } }]);
    expect(server?.defaultUrl).toBe('https://{a}.test:8443/{b}');
    expect(server?.variables).toStrictEqual([{ name: 'port', default: '8443' }]);
  });

  it('entries without a URL are skipped', () => {
    expect(servers([{ description: 'none' }, 'x', { url: '/v1' }]).map((s) => s.url)).toStrictEqual(['/v1']);
  });

  it("an operation's servers: its own, else its path item's, else none (the document's apply)", () => {
    const own = [{ url: 'https://own.test' }];
    const item = [{ url: 'https://item.test' }];
    const paths = {
      '/a': { servers: item, get: { servers: own, responses: { '204': { description: 'ok' } } }, post: { responses: { '204': { description: 'ok' } } }, put: { servers: [], responses: { '204': { description: 'ok' } } } },
      '/b': { get: { responses: { '204': { description: 'ok' } } } },
    };
    const operations = buildModel({ openapi: '3.1.0', info: { title: 't', version: '1' }, paths }, { name: 's', sha256: '0', openapi: '3.1.0' }, defaultNaming).tags.flatMap((t) => t.operations);
    expect(Object.fromEntries(operations.map((op) => [`${op.method} ${op.path}`, op.servers?.map((s) => s.url)]))).toStrictEqual({
      'get /a': ['https://own.test'],
      'post /a': ['https://item.test'],
      'put /a': ['https://item.test'],
      'get /b': undefined,
    });
  });
});
