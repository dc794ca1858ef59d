/**
 * A mock server as a standard fetch handler, `(request: Request) => Promise<Response>`: serve it
 * with Node's http module (a few lines), Deno.serve, Bun.serve or a worker, or pass it to a client
 * as its `fetch`. Each route answers with the example the spec gives, or one built from its schema.
 */
export interface MockRoute {
  readonly operationId: string;
  /** Upper case: `POST`. */
  readonly method: string;
  /** The spec's path template: `/realtime/sessions/{session_id}`. */
  readonly path: string;
  readonly status: number;
  /** The answer's JSON body; undefined for an empty answer. */
  readonly body?: unknown;
  /** Whether a bearer token is required. */
  readonly auth: boolean;
  /** Properties a JSON request body must have; undefined when the operation takes no JSON body. */
  readonly requiredBody?: readonly string[];
}

export type MockResponder = (request: Request, params: Readonly<Record<string, string>>) => Response | Promise<Response>;

export interface MockOptions {
  /** Path prefix the API is served under, e.g. `/v1`. Default: the path of the spec's first server. */
  basePath?: string;
  /** Answers to use instead of the canned ones, by operationId. */
  responses?: Readonly<Record<string, MockResponder>>;
}

export function createHandler(routes: readonly MockRoute[], options: MockOptions): (request: Request) => Promise<Response> {
  const base = (options.basePath ?? '').replace(/\/+$/, '');
  return async (request) => {
    const url = new URL(request.url);
    const path = base !== '' && (url.pathname === base || url.pathname.startsWith(`${base}/`)) ? url.pathname.slice(base.length) || '/' : url.pathname;
    for (const route of routes) {
      const params = route.method === request.method ? match(route.path, path) : undefined;
      if (!params) continue;
      if (route.auth && !/^Bearer \S+$/.test(request.headers.get('authorization') ?? '')) return json(401, { error: { message: 'a bearer token is required' } });
      if (route.requiredBody) {
        const problem = await checkBody(request, route.requiredBody);
        if (problem) return json(400, { error: { message: problem } });
      }
      const responder = options.responses?.[route.operationId];
      if (responder) return responder(request, params);
      return route.body === undefined ? new Response(null, { status: route.status }) : json(route.status, route.body);
    }
    return json(404, { error: { message: `no mock answers ${request.method} ${path}` } });
  };
}

/** `{name}` segments capture one path segment each; everything else must be equal. */
function match(template: string, path: string): Record<string, string> | undefined {
  const want = template.split('/');
  const have = path.split('/');
  if (want.length !== have.length) return undefined;
  const params: Record<string, string> = {};
  for (const [index, segment] of want.entries()) {
    const actual = have[index] ?? '';
    const name = /^\{(.+)\}$/.exec(segment)?.[1];
    if (name !== undefined && actual !== '') params[name] = decodeURIComponent(actual);
    else if (segment !== actual) return undefined;
  }
  return params;
}

async function checkBody(request: Request, required: readonly string[]): Promise<string | undefined> {
  if (!(request.headers.get('content-type') ?? '').includes('json')) return 'the body must be JSON';
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return 'the body is not valid JSON';
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return 'the body must be a JSON object';
  const missing = required.filter((name) => !Object.prototype.hasOwnProperty.call(body, name));
  return missing.length > 0 ? `missing required properties: ${missing.join(', ')}` : undefined;
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}
