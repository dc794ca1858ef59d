/**
 * A package generated for a third-party spec of ours (test/fixtures/things.yaml: every kind of
 * security scheme, declared error bodies): nothing in it is OpenAI's, it type-checks with its
 * README and docs examples and type tests of its error bodies, and against a real server on
 * 127.0.0.1 it sends each operation's credentials and types its error bodies.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, runCli } from '../helpers/cli.ts';
import { sendJson, startServer, type TestServer } from '../helpers/http-server.ts';
import { typecheckPackages } from '../helpers/package-check.ts';
import { tempProject, type TempProject } from '../helpers/project.ts';
import { failure } from '../helpers/failure.ts';

interface ApiErrorLike extends Error {
  status: number | undefined;
  body: unknown;
  operationId: string | undefined;
}
interface ThingsApi {
  getHealth(): Promise<{ status: string }>;
  listThings(params?: { query?: { limit?: number } }): Promise<{ name: string }[]>;
  createThing(body: { name: string }): Promise<{ name: string }>;
  getThing(id: string): Promise<{ name: string }>;
  deleteThing(id: string): Promise<void>;
  isError(error: unknown, method: string): boolean;
}
type ThingsCtor = new (options?: object) => ThingsApi;

let project: TempProject;
let server: TestServer;
let Things: ThingsCtor;
let ApiError: new (...args: never[]) => ApiErrorLike;
const out = () => join(project.dir, 'generated');

beforeAll(async () => {
  project = tempProject({
    spec: readFileSync(join(repoRoot, 'test/fixtures/things.yaml'), 'utf8'),
    inRepo: true,
    config: { package: { name: 'things-client' }, client: { authEnv: { BearerAuth: 'THINGS_TOKEN' } } },
  });
  const run = await runCli(['generate'], project.dir);
  expect(run.stderr).toBe('');
  server = await startServer((request, response) => {
    const { url, method, headers } = request;
    if (url === '/v2/health') return sendJson(response, 200, { status: 'up' });
    if (method === 'GET' && /^\/v2\/things(\?|$)/.test(url)) {
      if (headers.authorization !== 'Bearer list-token') return sendJson(response, 401, { fault: 'token' });
      if (url.endsWith('limit=-1')) return sendJson(response, 422, { title: 'bad limit', errors: ['limit'] });
      if (url.endsWith('limit=0')) return sendJson(response, 418, { fault: 'teapot' });
      if (url.endsWith('limit=9')) return void response.writeHead(502, { 'content-type': 'text/html' }).end('<html>bad gateway</html>');
      return sendJson(response, 200, [{ name: 'a' }]);
    }
    if (method === 'POST' && url.startsWith('/v2/things')) {
      const keys = headers['x-api-key'] === 'hk' && url === '/v2/things?api_key=qk';
      const basic = headers.authorization === `Basic ${Buffer.from('me:pw').toString('base64')}`;
      return keys || basic ? sendJson(response, 201, { name: 'new' }) : sendJson(response, 401, { fault: 'creds' });
    }
    if (method === 'GET' && url === '/v2/things/t1') return headers.cookie === 'sid=ck' ? sendJson(response, 200, { name: 't1' }) : sendJson(response, 401, {});
    if (method === 'GET' && url === '/v2/things/none') return void response.writeHead(404, { 'content-type': 'text/plain' }).end('No such thing');
    if (method === 'DELETE') return headers.authorization === 'Bearer oidc-token' ? void response.writeHead(204).end() : sendJson(response, 401, {});
    return sendJson(response, 500, { code: 0 });
  });
  const mod = (await import(pathToFileURL(join(out(), 'src/index.ts')).href)) as { ThingsApi: ThingsCtor; ApiError: typeof ApiError };
  Things = mod.ThingsApi;
  ApiError = mod.ApiError;
});

afterAll(async () => {
  await server?.close();
  project?.remove();
});

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return name === 'node_modules' || name === 'dist' ? [] : statSync(full).isDirectory() ? files(full) : [full];
  });
}

const api = (options: object = {}) => new Things({ baseUrl: `${server.url}/v2`, maxRetries: 0, ...options });

describe('vendor-neutral output', () => {
  it('no output file mentions OpenAI, Realtime or its key prefixes', () => {
    const hits = files(out()).flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, index) => (/openai|realtime|sk-|ek_/i.test(line) ? [`${relative(out(), file)}:${index + 1}: ${line.trim().slice(0, 120)}`] : [])),
    );
    expect(hits).toEqual([]);
    expect(files(out()).length).toBeGreaterThan(20);
  });

  it('the README names the real schemes and what each operation needs', () => {
    const readme = readFileSync(join(out(), 'README.md'), 'utf8');
    expect(readme).toContain('- **QueryKey**: API key in the query parameter `api_key`.');
    expect(readme).toContain('default: the `THINGS_TOKEN` environment variable');
    expect(readme).toMatch(/\| `ThingsApi\.createThing` \| `HeaderKey` and `QueryKey`, or `BasicAuth` \|/);
    expect(readme).toMatch(/\| `ThingsApi\.getHealth` +\| no credentials/);
    // Where OAuth and OpenID Connect tokens come from, and the scopes an operation needs (a consumer review found neither).
    expect(readme).toContain('sent as `Authorization: Bearer <token>`. Flows: client credentials (token at `https://things.example.com/oauth/token`), with scope `things:write`.');
    expect(readme).toContain('Discovery: `https://things.example.com/.well-known/openid-configuration`.');
    // A scheme's second paragraph stays in its list item (a review found one ending the list).
    expect(readme).toContain('Set by the login page.\n\n  Only pages of the same origin send it.\n');
    expect(readme).toMatch(/\| `ThingsApi\.deleteThing` +\| `OAuth` \(scope `things:write`\), or `Oidc` +\|/);
    expect(readme).not.toContain('dangerouslyAllowBrowser');
    // What a cross-origin API must allow: the bearer, basic and OAuth schemes' Authorization, the
    // header key, the JSON body's Content-Type; not the query or cookie keys, nor Accept.
    expect(readme).toContain('`Access-Control-Allow-Headers: authorization, content-type, x-api-key`');
    // Without a browser key rule, the reader is told that the client checks nothing.
    expect(readme).toContain('This client does not check which kind it is given.');
    // A response description without a period ends its sentence before the next (it read "The things Call .withResponse()").
    expect(readFileSync(join(out(), 'src/apis/ThingsApi.ts'), 'utf8')).toContain('@returns The things. Call `.withResponse()`');
    // The .withResponse() example reads a header the first operation's response declares (before, OpenAI's x-ratelimit-remaining-requests).
    expect(readme).toContain('console.log(response.headers.get("x-ratelimit-remaining"), requestId, data);');
  });

  it('type-checks, with its README and docs examples and type tests of its error bodies', () => {
    const typeTest = join(project.dir, 'error-types.ts');
    const entry = `./${relative(project.dir, join(out(), 'src/index.js')).split('\\').join('/')}`;
    project.write(
      'error-types.ts',
      [
        "import { expectTypeOf } from 'vitest';",
        `import { ThingsApi, type ThingsApiErrors, type Problem, type ClientFault, type Failure, type AuthOptions } from '${entry}';`,
        'declare const caught: unknown;',
        "const api = new ThingsApi({ auth: { BasicAuth: { username: 'u', password: 'p' }, QueryKey: async () => 'k' } });",
        "if (api.isError(caught, 'listThings')) {",
        '  if (caught.status === 422) expectTypeOf(caught.body).toEqualTypeOf<Problem>();',
        '  if (caught.status === 404) expectTypeOf(caught.body).toEqualTypeOf<ClientFault>();',
        '  if (caught.status === 500) expectTypeOf(caught.body).toEqualTypeOf<Failure>();',
        '  if (caught.status === undefined) expectTypeOf(caught.body).toBeUnknown();',
        '}',
        "if (api.isError(caught, 'getThing') && caught.status === 404) expectTypeOf(caught.body).toEqualTypeOf<string>();",
        "expectTypeOf<ThingsApiErrors['createThing']['status']>().toMatchTypeOf<number | undefined>();",
        "expectTypeOf<keyof AuthOptions>().toEqualTypeOf<'BasicAuth' | 'BearerAuth' | 'CookieKey' | 'HeaderKey' | 'OAuth' | 'Oidc' | 'QueryKey'>();",
        '// @ts-expect-error: several token schemes, so no apiKey shorthand',
        "new ThingsApi({ apiKey: 'x' });",
        '// @ts-expect-error: basic takes { username, password }',
        "new ThingsApi({ auth: { BasicAuth: 'x' } });",
        '// @ts-expect-error: only the spec\'s schemes',
        "new ThingsApi({ auth: { Nope: 'x' } });",
        "// @ts-expect-error: a method of another class's errors",
        "api.isError(caught, 'nope');",
        'export {};',
      ].join('\n'),
    );
    expect(typecheckPackages(join(project.dir, 'typecheck'), [{ dir: out(), name: 'things-client' }], [typeTest])).toBe('');
  });
});

describe('credentials per operation against a real server', () => {
  it('an open operation works on a client without credentials', async () => {
    expect(await api().getHealth()).toEqual({ status: 'up' });
    expect(server.requests.at(-1)!.headers.authorization).toBeUndefined();
  });

  it('bearer from the environment (scheme named "Bearer" in the spec)', async () => {
    process.env['THINGS_TOKEN'] = 'list-token';
    try {
      expect(await api().listThings()).toEqual([{ name: 'a' }]);
    } finally {
      delete process.env['THINGS_TOKEN'];
    }
  });

  it('AND (header + query key) or basic; none rejects before any request, naming them', async () => {
    expect(await api({ auth: { HeaderKey: 'hk', QueryKey: 'qk' } }).createThing({ name: 'n' })).toEqual({ name: 'new' });
    expect(await api({ auth: { BasicAuth: async () => ({ username: 'me', password: 'pw' }) } }).createThing({ name: 'n' })).toEqual({ name: 'new' });
    const count = server.requests.length;
    const error = await failure<ApiErrorLike>(api({ auth: { HeaderKey: 'hk' } }).createThing({ name: 'n' }));
    expect(error).toBeInstanceOf(ApiError);
    expect(error.message).toBe('this operation needs credentials: HeaderKey + QueryKey, or BasicAuth; pass { auth: { <scheme>: value } }');
    expect(server.requests.length).toBe(count);
  });

  it('cookie key; oauth2 or openIdConnect token', async () => {
    expect(await api({ auth: { CookieKey: 'ck' } }).getThing('t1')).toEqual({ name: 't1' });
    expect(await api({ auth: { Oidc: () => 'oidc-token' } }).deleteThing('t1')).toBeUndefined();
  });
});

describe('typed error bodies against a real server', () => {
  const lister = () => api({ auth: { BearerAuth: 'list-token' } });

  it('a declared code, a range, and a body the spec does not declare (text kept)', async () => {
    const problem = await failure<ApiErrorLike>(lister().listThings({ query: { limit: -1 } }));
    expect([problem.status, problem.body, problem.operationId]).toEqual([422, { title: 'bad limit', errors: ['limit'] }, 'list-things']);
    const teapot = await failure<ApiErrorLike>(lister().listThings({ query: { limit: 0 } }));
    expect([teapot.status, teapot.body]).toEqual([418, { fault: 'teapot' }]);
    const gateway = await failure<ApiErrorLike>(lister().listThings({ query: { limit: 9 } }));
    expect([gateway.status, gateway.body]).toEqual([502, '<html>bad gateway</html>']);
    const text = await failure<ApiErrorLike>(api({ auth: { CookieKey: 'ck' } }).getThing('none'));
    expect([text.status, text.body]).toEqual([404, 'No such thing']);
  });

  it('isError tells which method an error came from', async () => {
    const client = lister();
    const error = await failure<ApiErrorLike>(client.listThings({ query: { limit: -1 } }));
    expect([client.isError(error, 'listThings'), client.isError(error, 'createThing'), client.isError(new Error('x'), 'listThings')]).toEqual([true, false, false]);
  });
});
