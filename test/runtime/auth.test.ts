/**
 * Credentials from the spec's security schemes, tested where the runtime lives
 * (templates/runtime/files/), against a real server on 127.0.0.1: every kind of scheme, an open
 * operation, OR and AND requirements, the environment fallback, and redaction of every kind; and,
 * without a server, which credentials a client keeps (`credentialSources`) and what one request
 * needs (`applyAuth`).
 */
import { createQuerySerializer } from 'openapi-fetch';
import { describe, expect, it } from 'vitest';
import { applyAuth, credentialSources, type SchemeSpec, type Security } from '../../templates/runtime/files/auth.ts';
import { apiKey, basic, http, mutualTLS } from '../../templates/runtime/files/schemes.ts';
import { ApiCore } from '../../templates/runtime/files/core.ts';
import { ApiError, AuthenticationError } from '../../templates/runtime/files/errors.ts';
import type { ClientDefaults, ClientOptions } from '../../templates/runtime/files/options.ts';
import { json, serverPerTest, type Fault, type FaultServer } from './fault-server.ts';
import { failure } from '../helpers/failure.ts';

const schemes: Record<string, SchemeSpec> = {
  Bearer: http('Bearer'),
  Basic: basic,
  HeaderKey: apiKey('header', 'X-API-Key'),
  QueryKey: apiKey('query', 'api_key'),
  CookieKey: apiKey('cookie', 'session'),
  OAuth: http('Bearer'),
  Digest: http('digest'),
  Tls: mutualTLS,
};

function defaults(more: Partial<ClientDefaults> = {}): ClientDefaults {
  return { baseUrl: undefined, schemes, tokenScheme: undefined, env: {}, retryCountHeader: 'x-retry-count', idempotencyHeader: 'Idempotency-Key', headersInBrowser: false, querySerializer: createQuerySerializer(), ...more };
}

const serve = serverPerTest();

/** One GET /things?limit=1 with the given requirements. */
function call(target: FaultServer, options: ClientOptions, security: Security, more: Partial<ClientDefaults> = {}): Promise<unknown> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const core = new ApiCore<any>({ baseUrl: target.url, maxRetries: 0, ...options }, defaults(more));
  return core.call('list-things', 'GET', 'json', security, undefined, (client, init) => client.GET('/things', { ...init, params: { query: { limit: 1 } } }));
}

const ok: Fault = json(200, { ok: true });

describe('each kind of scheme', () => {
  const cases: { name: string; auth: Record<string, unknown>; security: Security; want: { header?: [string, string]; url?: string } }[] = [
    { name: 'http bearer', auth: { Bearer: 'tok-1' }, security: [['Bearer']], want: { header: ['authorization', 'Bearer tok-1'] } },
    { name: 'http basic (UTF-8)', auth: { Basic: { username: 'ACxx', password: 'pä:ss' } }, security: [['Basic']], want: { header: ['authorization', `Basic ${Buffer.from('ACxx:pä:ss').toString('base64')}`] } },
    { name: 'apiKey in a header', auth: { HeaderKey: 'hk-1' }, security: [['HeaderKey']], want: { header: ['x-api-key', 'hk-1'] } },
    { name: 'apiKey in the query', auth: { QueryKey: 'q k&1' }, security: [['QueryKey']], want: { url: '/things?limit=1&api_key=q%20k%261' } },
    { name: 'apiKey in a cookie', auth: { CookieKey: 'ck-1' }, security: [['CookieKey']], want: { header: ['cookie', 'session=ck-1'] } },
    { name: 'oauth2 / openIdConnect token', auth: { OAuth: async () => 'oa-1' }, security: [['OAuth']], want: { header: ['authorization', 'Bearer oa-1'] } },
    { name: 'another http scheme', auth: { Digest: 'dg-1' }, security: [['Digest']], want: { header: ['authorization', 'digest dg-1'] } },
  ];
  it.each(cases)('$name', async ({ auth, security, want }) => {
    const target = await serve(ok);
    await expect(call(target, { auth: auth as ClientOptions['auth'] }, security)).resolves.toEqual({ ok: true });
    const [attempt] = target.attempts;
    if (want.header) expect(attempt!.headers[want.header[0]]).toBe(want.header[1]);
    expect(attempt!.url).toBe(want.url ?? '/things?limit=1');
    // Nothing else leaks: no Authorization unless the scheme sends one.
    if (!want.header || want.header[0] !== 'authorization') expect(attempt!.headers.authorization).toBeUndefined();
  });
});

describe('a query credential', () => {
  /** One GET /things whose query the method's serializer writes as `query` (styledQuery's output, say). */
  const callWithQuery = (target: FaultServer, query: string, auth: ClientOptions['auth']) =>
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    new ApiCore<any>({ baseUrl: target.url, maxRetries: 0, auth }, defaults({ querySerializer: () => query })).call('list-things', 'GET', 'json', [['QueryKey']], undefined, (client, init) => client.GET('/things', { ...init }));

  it('goes after the query the method wrote, which keeps its encoding (a form array not exploded, a deepObject, allowReserved, %20)', async () => {
    const target = await serve(ok, ok);
    await callWithQuery(target, 'ids=a%20b,c%2Cd&filter[kind]=dog&path=/a/b:c&q=x%2By', { QueryKey: 'k +1' });
    await callWithQuery(target, '', { QueryKey: 'k' });
    // Before, the query went through URLSearchParams: ids=a+b%2Cc%2Cd&filter%5Bkind%5D=dog&path=%2Fa%2Fb%3Ac...
    expect(target.attempts.map((a) => a.url)).toEqual(['/things?ids=a%20b,c%2Cd&filter[kind]=dog&path=/a/b:c&q=x%2By&api_key=k%20%2B1', '/things?api_key=k']);
  });

  it('replaces a pair of its name the method wrote (a spec declaring the key as a parameter too), once, however the name is encoded', async () => {
    const target = await serve(ok);
    await callWithQuery(target, 'api_key=k&fields=name%2Cdesc&api%5Fkey=old&api_key=x', { QueryKey: 'k' });
    expect(target.attempts.map((a) => a.url)).toEqual(['/things?fields=name%2Cdesc&api_key=k']);
  });
});

describe('requirements', () => {
  it('an open operation sends no credentials, even when the client has them', async () => {
    const target = await serve(ok);
    await call(target, { auth: { Bearer: 'tok', HeaderKey: 'hk' } }, []);
    expect([target.attempts[0]!.headers.authorization, target.attempts[0]!.headers['x-api-key']]).toEqual([undefined, undefined]);
  });

  it('an empty alternative makes credentials optional', async () => {
    const target = await serve(ok, ok);
    await call(target, {}, [['Bearer'], []]);
    await call(target, { auth: { Bearer: 'tok' } }, [['Bearer'], []]);
    expect(target.attempts.map((a) => a.headers.authorization)).toEqual([undefined, 'Bearer tok']);
  });

  it('an empty alternative listed first still sends the credentials the client has', async () => {
    const target = await serve(ok, ok);
    await call(target, { auth: { Bearer: 'tok' } }, [[], ['Bearer']]);
    await call(target, {}, [[], ['Bearer']]);
    expect(target.attempts.map((a) => a.headers.authorization)).toEqual(['Bearer tok', undefined]);
  });

  it('schemes named after Object.prototype members read only what the client and environment hold', async () => {
    const target = await serve(ok);
    const more = { schemes: { ...schemes, toString: http('Bearer'), constructor: apiKey('header', 'X-C') } as Record<string, SchemeSpec> };
    const error = await failure<ApiError>(call(target, {}, [['toString'], ['constructor']], more));
    expect(error.message).toBe('this operation needs credentials: toString, or constructor; pass { auth: { <scheme>: value } }');
    expect(target.attempts).toHaveLength(0);
    await call(target, { auth: { constructor: 'c-1' } as ClientOptions['auth'] }, [['toString'], ['constructor']], more);
    expect([target.attempts[0]!.headers.authorization, target.attempts[0]!.headers['x-c']]).toEqual([undefined, 'c-1']);
  });

  it('OR: the first alternative the client has credentials for', async () => {
    const target = await serve(ok, ok);
    await call(target, { auth: { HeaderKey: 'hk' } }, [['Bearer'], ['HeaderKey']]);
    await call(target, { auth: { HeaderKey: 'hk', Bearer: 'tok' } }, [['Bearer'], ['HeaderKey']]);
    expect(target.attempts.map((a) => [a.headers.authorization, a.headers['x-api-key']])).toEqual([
      [undefined, 'hk'],
      ['Bearer tok', undefined],
    ]);
  });

  it('AND: every scheme of the requirement together', async () => {
    const target = await serve(ok);
    await call(target, { auth: { HeaderKey: 'hk', QueryKey: 'qk', CookieKey: 'ck' } }, [['HeaderKey', 'QueryKey', 'CookieKey']]);
    const [attempt] = target.attempts;
    expect([attempt!.headers['x-api-key'], attempt!.url, attempt!.headers.cookie]).toEqual(['hk', '/things?limit=1&api_key=qk', 'session=ck']);
  });

  it('AND: the credential functions are read together, not one after another', async () => {
    const target = await serve(ok);
    // Each function finishes only once the other has been called: read one after another, the
    // first would wait for the second forever.
    let started = 0;
    let bothStarted: () => void = () => undefined;
    const both = new Promise<void>((resolve) => (bothStarted = resolve));
    const token = (value: string) => async () => {
      if (++started === 2) bothStarted();
      await both;
      return value;
    };
    await call(target, { auth: { HeaderKey: token('hk'), QueryKey: token('qk') } }, [['HeaderKey', 'QueryKey']]);
    const [attempt] = target.attempts;
    expect([attempt!.headers['x-api-key'], attempt!.url]).toEqual(['hk', '/things?limit=1&api_key=qk']);
    // A guard against the deadlock above, not a speed check: the call takes milliseconds.
  }, 20_000);

  it('AND with one part missing: rejects before any request, naming what it needs', async () => {
    const target = await serve(ok);
    const error = await failure<ApiError>(call(target, { auth: { HeaderKey: 'hk' } }, [['HeaderKey', 'QueryKey'], ['Bearer']], { env: { Bearer: 'THINGS_TOKEN' } }));
    expect(error).toBeInstanceOf(ApiError);
    expect(error.message).toBe('this operation needs credentials: HeaderKey + QueryKey, or Bearer (or set THINGS_TOKEN); pass { auth: { <scheme>: value } }');
    expect(error.operationId).toBe('list-things');
    expect(target.attempts).toHaveLength(0);
  });

  it('mutual TLS is met by the transport', async () => {
    const target = await serve(ok);
    await call(target, {}, [['Tls']]);
    expect(target.attempts).toHaveLength(1);
  });
});

describe('where credentials come from', () => {
  it('the environment, per scheme; basic as user:password', async () => {
    const target = await serve(ok);
    process.env['OM_TEST_KEY'] = 'env-key';
    process.env['OM_TEST_BASIC'] = 'user:pa:ss';
    try {
      await call(target, {}, [['HeaderKey', 'Basic']], { env: { HeaderKey: 'OM_TEST_KEY', Basic: 'OM_TEST_BASIC' } });
    } finally {
      delete process.env['OM_TEST_KEY'];
      delete process.env['OM_TEST_BASIC'];
    }
    expect([target.attempts[0]!.headers['x-api-key'], target.attempts[0]!.headers.authorization]).toEqual(['env-key', `Basic ${Buffer.from('user:pa:ss').toString('base64')}`]);
  });

  it('apiKey is the shorthand for the one token scheme, and refused where there is none', async () => {
    const target = await serve(ok);
    await call(target, { apiKey: 'short' }, [['HeaderKey']], { tokenScheme: 'HeaderKey' });
    expect(target.attempts[0]!.headers['x-api-key']).toBe('short');
    expect(() => new ApiCore({ baseUrl: target.url, apiKey: 'short' }, defaults())).toThrow(/^apiKey names no scheme here \(the API has Bearer, Basic/);
  });

  it('an auth key that is no scheme of the spec is refused in the constructor', () => {
    expect(() => new ApiCore({ baseUrl: 'http://127.0.0.1:9', auth: { Bearr: 'x' } }, defaults())).toThrow('auth.Bearr: no such security scheme (the API has Bearer, Basic, HeaderKey, QueryKey, CookieKey, OAuth, Digest, Tls)');
  });

  it('a function is read before every attempt', async () => {
    const target = await serve(json(503, {}), ok);
    let n = 0;
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const core = new ApiCore<any>({ baseUrl: target.url, backoff: { initialMs: 1, maxMs: 2 }, auth: { QueryKey: () => `k${++n}` } }, defaults());
    await core.call('list-things', 'GET', 'json', [['QueryKey']], undefined, (client, init) => client.GET('/things', { ...init }));
    expect(target.attempts.map((a) => a.url)).toEqual(['/things?api_key=k1', '/things?api_key=k2']);
  });

  it('query or path parameters without the serializer defaults.ts gives a spec with them are refused, not dropped', async () => {
    const target = await serve(ok, ok);
    const query = await failure<ApiError>(call(target, {}, [], { querySerializer: undefined }));
    expect(query.message).toBe('query parameters need defaults.querySerializer');
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const core = new ApiCore<any>({ baseUrl: target.url, maxRetries: 0 }, defaults());
    const path = await failure<ApiError>(core.call('get-thing', 'GET', 'json', [], undefined, (client, init) => client.GET('/things/{id}', { ...init, params: { path: { id: 7 } } })));
    expect(path.message).toBe('path parameters need defaults.pathSerializer');
    await core.call('list-things', 'GET', 'json', [], undefined, (client, init) => client.GET('/things', { ...init, params: { path: {} } }));
    expect(target.attempts.map((a) => a.url)).toEqual(['/things']);
  });

  it('a basic environment variable without a colon is the username, with an empty password', async () => {
    const target = await serve(ok);
    process.env['OM_TEST_BASIC'] = 'useronly';
    try {
      await call(target, {}, [['Basic']], { env: { Basic: 'OM_TEST_BASIC' } });
    } finally {
      delete process.env['OM_TEST_BASIC'];
    }
    expect(target.attempts[0]!.headers.authorization).toBe(`Basic ${Buffer.from('useronly:').toString('base64')}`);
  });

  it('a token is trimmed; a value that is not a string counts as none', async () => {
    const target = await serve(ok);
    await call(target, { auth: { Bearer: '  tok-2 \n' } }, [['Bearer']]);
    expect(target.attempts[0]!.headers.authorization).toBe('Bearer tok-2');
    const error = await failure<ApiError>(call(target, { auth: { Bearer: (() => 42) as never } }, [['Bearer']]));
    expect(error.message).toBe('auth.Bearer: the credential function returned nothing');
  });

  it('two cookie schemes share one Cookie header; a header or cookie key must fit in a header, a query key need not', async () => {
    const target = await serve(ok, ok);
    const more = { schemes: { ...schemes, OtherCookie: apiKey('cookie', 'other') } };
    await call(target, { auth: { CookieKey: 'ck-1', OtherCookie: 'oc-2' } as ClientOptions['auth'] }, [['CookieKey', 'OtherCookie']], more);
    expect(target.attempts[0]!.headers.cookie).toBe('session=ck-1; other=oc-2');
    for (const [name, value] of [['HeaderKey', 'bad\nvalue'], ['HeaderKey', 'k\u00e9y'], ['CookieKey', 'bad value']]) {
      const error = await failure<ApiError>(call(target, { auth: { [name!]: value } }, [[name!]]));
      expect(error.message).toBe(`auth.${name}: the credential has characters an HTTP header cannot carry`);
    }
    // A header's value may hold spaces: SendGrid's key goes as `Authorization: Bearer SG...`.
    await call(target, { auth: { HeaderKey: 'Bearer SG.a b' } }, [['HeaderKey']]);
    expect(target.attempts[1]!.headers['x-api-key']).toBe('Bearer SG.a b');
    expect(target.attempts).toHaveLength(2);
  });

  it('basic credentials of the wrong shape are refused before any request', async () => {
    const target = await serve(ok);
    const error = await failure<ApiError>(call(target, { auth: { Basic: { username: 'u' } as never } }, [['Basic']]));
    expect(error.message).toBe('auth.Basic: expected { username, password }');
    expect(target.attempts).toHaveLength(0);
  });
});

describe('redaction', () => {
  it('no error carries any credential, whatever its kind, even when the server echoes them all', async () => {
    const secrets = { bearer: 'tok-secret-1', password: 'pw-secret-2', header: 'hk-secret-3', query: 'q secret/4', cookie: 'ck-secret-5' };
    const basic = Buffer.from(`user:${secrets.password}`).toString('base64');
    const echoed = [...Object.values(secrets), encodeURIComponent(secrets.query), 'q+secret%2F4', basic].join(' | ');
    const target = await serve(json(401, { error: { message: `bad: ${echoed}` }, echoed }, { 'x-echo': echoed }), json(401, { message: echoed }, { 'x-echo': echoed }));
    const auth = { Bearer: secrets.bearer, Basic: { username: 'user', password: secrets.password }, HeaderKey: secrets.header, QueryKey: secrets.query, CookieKey: secrets.cookie };
    const first = await failure<ApiError>(call(target, { auth }, [['Bearer', 'HeaderKey', 'QueryKey', 'CookieKey']]));
    const second = await failure<ApiError>(call(target, { auth }, [['Basic']]));
    expect(first).toBeInstanceOf(AuthenticationError);
    for (const [error, sent] of [
      [first, [secrets.bearer, secrets.header, secrets.query, secrets.cookie, encodeURIComponent(secrets.query), 'q+secret%2F4']],
      [second, [secrets.password, basic]],
    ] as const) {
      const texts = [error.message, String(error.stack), JSON.stringify(error), JSON.stringify(error.body), JSON.stringify(error.headers)];
      for (const text of texts) for (const secret of sent) expect(text).not.toContain(secret);
      expect(error.headers['x-echo']).toContain('[redacted]');
    }
  });

  it("a credential the client holds but did not send is redacted too (a server echoing an alternative's key; a consumer review)", async () => {
    const target = await serve(json(403, { message: 'key hk-held-1 or q-held-2 for user:pw-held-3; a dev box' }, { 'x-echo': 'hk-held-1 q-held-2' }));
    const auth = { HeaderKey: 'Key hk-held-1', QueryKey: ' q-held-2 ', Basic: { username: 'user', password: 'pw-held-3' }, Bearer: () => 'from-a-function', Digest: 'dev' };
    const error = await failure<ApiError>(call(target, { auth }, [['CookieKey'], []]));
    // The key after a scheme word too; a held key shorter than 8 characters (`dev`) is left: it would cut words out of every message.
    expect(error.message).toBe('403 Forbidden: key [redacted] or [redacted] for user:[redacted]; a dev box');
    expect(error.headers['x-echo']).toBe('[redacted] [redacted]');
  });
});

describe('a header credential with a scheme word before the key', () => {
  it("a server that echoes the key alone gets it redacted too (SendGrid's `Bearer SG...` in an API key header)", async () => {
    const target = await serve(json(401, { message: 'invalid key SG.k3y-secret' }, { 'x-echo': 'SG.k3y-secret' }));
    const error = await failure<ApiError>(call(target, { auth: { HeaderKey: 'Bearer SG.k3y-secret' } }, [['HeaderKey']]));
    expect(error.message).toBe('401 Unauthorized: invalid key [redacted]');
    expect([JSON.stringify(error.body), JSON.stringify(error.headers)].join(' ')).not.toContain('SG.k3y-secret');
  });
});

describe('a transport error that quotes the URL', () => {
  it('keeps no query credential in its cause (message, stack or inspection)', async () => {
    const { inspect } = await import('node:util');
    const failing = async (input: RequestInfo | URL) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      throw new TypeError(`request to ${url} failed`, { cause: Object.assign(new Error(`connect ECONNREFUSED for ${url}`), { code: 'ECONNREFUSED' }) });
    };
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const core = new ApiCore<any>({ baseUrl: 'http://127.0.0.1:9', maxRetries: 0, fetch: failing, auth: { QueryKey: 'SECRET123' } }, defaults());
    const error = await failure<ApiError>(core.call('list-things', 'GET', 'json', [['QueryKey']], undefined, (client, init) => client.GET('/things', { ...init, params: { query: { limit: 1 } } })));
    expect(error.message).toContain('[redacted]');
    const cause = error.cause as Error & { code?: string; cause?: Error & { code?: string } };
    expect(cause.name).toBe('TypeError');
    expect(cause.message).toBe('request to http://127.0.0.1:9/things?limit=1&api_key=[redacted] failed');
    expect(cause.cause?.code).toBe('ECONNREFUSED');
    expect(inspect(error, { depth: 10 })).not.toContain('SECRET123');
  });
});

describe('which credentials a client holds, and what one request needs', () => {
  const two = { A: http('Bearer'), B: http('Bearer') };
  const none = (): void => undefined;

  it('names the schemes the API has, or none, when auth names another', () => {
    expect(() => credentialSources({ X: 'v' }, undefined, {}, undefined, {})).toThrow(new ApiError('auth.X: no such security scheme (the API has none)'));
    expect(() => credentialSources({ X: 'v' }, undefined, two, undefined, {})).toThrow(new ApiError('auth.X: no such security scheme (the API has A, B)'));
  });

  it('gives apiKey to the token scheme only, and keeps no empty or missing credential', () => {
    expect(credentialSources(undefined, 'k', two, 'A', {})).toStrictEqual({ A: 'k' });
    expect(credentialSources({ A: '', B: undefined }, undefined, two, undefined, {})).toStrictEqual({});
  });

  it('reads no environment variable for a scheme that names none', () => {
    process.env['undefined'] = 'leaked';
    try {
      expect(credentialSources(undefined, undefined, two, undefined, { A: 'OM_TEST_NOT_SET' })).toStrictEqual({});
    } finally {
      delete process.env['undefined'];
    }
  });

  it.each([
    { name: 'no process', process: undefined },
    { name: 'a process without env', process: {} },
  ])('reads no environment where there is $name (a browser, an edge runtime)', ({ process: replaced }) => {
    const g = globalThis as { process?: unknown };
    const real = g.process;
    g.process = replaced;
    try {
      expect(credentialSources(undefined, undefined, two, undefined, { A: 'OM_TEST_TOKEN' })).toStrictEqual({});
    } finally {
      g.process = real;
    }
  });

  it('refuses, by name, a requirement on a scheme the API does not define', async () => {
    await expect(applyAuth([['Missing']], two, {}, {}, none)).rejects.toThrow(new ApiError('this operation needs credentials: Missing; pass { auth: { <scheme>: value } }'));
  });

  it('refuses basic credentials that are not two strings', async () => {
    await expect(applyAuth([['Basic']], { Basic: basic }, { Basic: { username: 1, password: 'p' } as never }, {}, none)).rejects.toThrow(new ApiError('auth.Basic: expected { username, password }'));
  });

  it('splits a basic environment value at its first colon, even the first character', () => {
    expect(basic.fromEnv!(':p:q')).toStrictEqual({ username: '', password: 'p:q' });
  });
});
