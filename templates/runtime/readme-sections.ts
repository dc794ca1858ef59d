import type { OperationModel, ServerModel, TagModel, TemplateContext } from 'openapi-morph';
import { defaultBaseUrl, operationBaseUrl, relativeBasePath } from '../_base-url.ts';
import { argumentList, clientSetup, constructionExample, exampleArguments } from '../_call-example.ts';
import { tokenScheme, schemeEnv } from './security.ts';

/**
 * The README's sections on runtime behaviour (options, retries, timeouts, errors, response
 * headers, browsers, validation). They live next to the runtime they describe, so a change to
 * one is reviewed with the other; templates/readme.ts places them.
 */
export function runtimeSections(ctx: TemplateContext): string[] {
  const { md } = ctx;
  const call = firstCall(ctx);
  const client = ctx.options.client;
  const token = tokenScheme(ctx);
  const env = schemeEnv(ctx);
  const baseUrl = defaultBaseUrl(ctx);
  // A relative first server (`/api/v2`): the paths are under it, so a caller's `baseUrl` must end with it.
  const relative = relativeBasePath(ctx);
  const servers = serversSection(ctx, baseUrl);
  const headerOption = (name: string | undefined, what: string): string[] => [
    `\`${what === 'retry' ? 'retryCountHeader' : 'idempotencyHeader'}\``,
    '`boolean \\| string`',
    name ? (client.headersInBrowser ? `${md.code(name)}` : `${md.code(name)} outside browsers`) : 'off',
    what === 'retry'
      ? 'The header numbering attempts. `true` sends it (browsers too), a string renames it, `false` turns it off. See [Browsers and CORS](#browsers-and-cors).'
      : 'The idempotency key header of calls other than GET, HEAD and OPTIONS, with the same values.',
  ];
  const lines = [
    '## Client options',
    '',
    md.table(
      ['Option', 'Type', 'Default', 'Description'],
      [
        ...(ctx.model.securitySchemes.length > 0
          ? [['`auth`', '`AuthOptions`', env.size > 0 ? `from ${[...env.values()].map((v) => md.code(v)).join(', ')}` : 'none', 'Credentials by security scheme name. See [Authorization](#authorization).']]
          : []),
        ...(token ? [['`apiKey`', '`string \\| () => string \\| Promise<string>`', env.get(token.name) ? `${md.code(env.get(token.name)!)} env var` : 'none', `Shorthand for \`auth: { ${md.text(token.name)}: ... }\`. A function is called before every request (sync or async), e.g. to fetch a fresh key.`]] : []),
        ['`baseUrl`', '`string`', baseUrl ? md.code(baseUrl) : 'required', `Where requests go${relative ? `: the API's address, ending with ${md.code(relative)} (the spec's server is relative)` : ''}.${servers.length > 0 ? ' See [Servers](#servers).' : ''}`],
        ['`fetch`', '`(request: Request) => Promise<Response>`', 'global `fetch`', 'A fetch implementation (proxies, tests, runtimes without a global one).'],
        ['`headers`', '`Record<string, string>`', '`{}`', 'Headers sent with every request.'],
        ['`maxRetries`', '`number`', '`2`', 'Retries after a connection failure, a timeout, 408, 409, 429 or >= 500.'],
        ['`timeoutMs`', '`number`', '`60000`', 'Time allowed for each attempt, from sending the request to reading the whole body.'],
        ...(client.browserKeyPrefixes ? [['`dangerouslyAllowBrowser`', '`boolean`', '`false`', 'Allow a secret key in a browser-like environment. See [Browsers and secret keys](#browsers-and-secret-keys).']] : []),
        ['`backoff`', '`{ initialMs?: number; maxMs?: number }`', '`{ initialMs: 500, maxMs: 8000 }`', 'Waits between retries when the server names none.'],
        ['`validateResponse`', '`ResponseValidator`', 'off', 'Checks 2xx bodies against the spec. See [Response validation](#response-validation).'],
        headerOption(client.retryCountHeader, 'retry'),
        headerOption(client.idempotencyHeader, 'idempotency'),
      ],
    ),
    '',
    'Every method takes `options?: { signal?: AbortSignal; headers?: Record<string, string>; maxRetries?: number; timeoutMs?: number; idempotencyKey?: string }` last; its values win over the client\'s for that call.',
    '',
    ...servers,
    '## Retries, timeouts and cancellation',
    '',
    '- **Retried**: connection failures (`ConnectionError`), timeouts (`TimeoutError`), 408, 409, 429 and every status >= 500, up to `maxRetries` times (default 2, so at most 3 attempts). Never any other 4xx. A response header `x-should-retry: true` or `false` overrides this either way.',
    '- **Waits**: the server\'s `retry-after-ms` (milliseconds) or `retry-after` (seconds or an HTTP date) when it sends one, cut to at most 60 s. Otherwise exponential backoff with jitter: `min(initialMs * 2^n, maxMs) * f`, where n is the number of retries so far and f is random in (0.75, 1]; with the defaults about 0.5 s, then 1 s, then 2 s, ... up to 8 s.',
    client.retryCountHeader
      ? `- **Retry count header**: every attempt carries ${md.code(client.retryCountHeader)} (\`0\` on the first, \`1\` on the first retry, ...), so a server can tell retries apart${client.headersInBrowser ? '' : ' (in browsers only when the client enables it)'}.`
      : '- **Retry count header**: off by default (`retryCountHeader: true` sends `x-retry-count`).',
    client.idempotencyHeader
      ? `- **Idempotency key**: every attempt of a call that is not a GET, HEAD or OPTIONS carries the same ${md.code(client.idempotencyHeader)} header, a random UUID per call (or your \`idempotencyKey\`), so a server that honours it runs a retried request once${client.headersInBrowser ? '' : ' (in browsers only when the client enables it or you pass `idempotencyKey`)'}. A server that does not can still see a retried POST twice; set \`maxRetries: 0\` where that matters.`
      : '- **Idempotency key**: off by default; `idempotencyHeader: true` or an `idempotencyKey` sends `Idempotency-Key`.',
    '- **Timeout**: `timeoutMs` (default 60 s) applies to each attempt and covers the whole body, so a server that sends headers and then stalls times out too.',
    '- **Cancellation**: an `AbortSignal` passed as `signal` stops the call at once, also while it waits between retries; the call rejects with the signal\'s `reason` (a `DOMException` named `AbortError` by default) and is not retried. Timers and listeners are cleared when a call settles, so a process with nothing else to do exits right after its last call.',
    '',
  ];
  lines.push(
    ...example(ctx, call, (c) => [
      'const controller = new AbortController();',
      'setTimeout(() => controller.abort(), 5_000); // e.g. the user navigated away',
      `const result = await api.${c.expression('{ signal: controller.signal, timeoutMs: 10_000, maxRetries: 0 }')};`,
      'console.log(result);',
    ]),

    '## Errors',
    '',
    'Every failure rejects with an `ApiError` or one of its subclasses, all exported by the package. Each carries `status` (when a response arrived), `headers`, the parsed `body` (the raw text when it is not JSON, such as a gateway\'s HTML page) and `requestId` (from `x-request-id`), to quote when reporting a problem. No credential (token, key, password, cookie or query-string key) ever appears in an error: not in its message, its stack or its JSON, even when a server echoes it back; one the request did not send is left out too where the client holds it as a value of at least 8 characters (one given as a function is known only once it is called). Each API class\'s `isError(error, "method")` narrows an error to what that method rejects with: then checking `error.status` types `error.body` as the spec declares it for that status.',
    '',
    md.table(
      ['Class', 'When', 'Retried'],
      [
        ['`BadRequestError`', '400', 'no'],
        ['`AuthenticationError`', '401', 'no'],
        ['`PermissionDeniedError`', '403', 'no'],
        ['`NotFoundError`', '404', 'no'],
        ['`ConflictError`', '409', 'yes'],
        ['`UnprocessableEntityError`', '422', 'no'],
        ['`RateLimitError`', '429', 'yes'],
        ['`InternalServerError`', 'any status >= 500', 'yes'],
        ['`ApiError`', 'any other non-2xx status (408 is retried); missing credentials or a bad option (before any request)', '408 only'],
        ['`ConnectionError`', 'no response: connection refused or reset, DNS failure', 'yes'],
        ['`TimeoutError`', 'no complete response within `timeoutMs` (also an `instanceof ConnectionError`)', 'yes'],
        ['`InvalidResponseError`', 'a 2xx response with malformed JSON, another content type than the one the method reads (its JSON, when the spec declares JSON beside XML), or (with `validateResponse`) a body that does not match the spec; `issues` says where', 'no'],
      ],
    ),
    '',
    '## Response headers and request id',
    '',
    'Methods return an `ApiPromise`: a real `Promise` of the parsed body, with one more method. `.withResponse()` gives `{ data, response, requestId }`, for the status and headers (rate limits, say) and the request id of a successful call. The request is sent once, whichever way you read it.',
    '',
    ...example(ctx, call, (c) => [
      `const { data, response, requestId } = await api.${c.expression()}.withResponse();`,
      `console.log(${shownHeader(ctx, c)}, requestId, data);`,
    ]),
    ...browserSection(ctx, call),
    ...validationSection(ctx),
  );
  return lines;
}

/** What the `.withResponse()` example logs: a header the operation's success response declares, else the status. */
function shownHeader(ctx: TemplateContext, call: Call): string {
  const header = call.operation.responses.find((response) => response.status.startsWith('2'))?.headers[0];
  return header ? `response.headers.get(${ctx.escape.stringLiteral(header.name.toLowerCase())})` : 'response.status';
}

/** A code block that sets up the client and then runs `body`; nothing when the API has no operation. */
function example(ctx: TemplateContext, call: Call | undefined, body: (call: Call) => string[]): string[] {
  return call ? [ctx.md.codeBlock('ts', [...call.setup, '', ...body(call)].join('\n')), ''] : [];
}

/**
 * The request headers this package's calls send that a browser asks a cross-origin API about
 * first (a CORS preflight), in lower case, sorted: credentials in headers, the operations'
 * header parameters but for the three a page may send without asking (`Accept`, which the
 * methods send too, is never one that needs it: signature.ts), and `content-type` for a body of
 * a type other than the three a page may send without asking.
 */
function preflightHeaders(ctx: TemplateContext): string[] {
  const schemes = new Map(ctx.model.securitySchemes.map((scheme) => [scheme.name, scheme]));
  const names = new Set<string>();
  for (const operation of ctx.model.tags.flatMap((tag) => tag.operations)) {
    for (const { name } of operation.security.flatMap((requirement) => requirement.schemes)) {
      const scheme = schemes.get(name);
      if (scheme?.type === 'apiKey') {
        if (scheme.in === 'header') names.add(scheme.parameterName.toLowerCase());
      } else if (scheme && scheme.type !== 'mutualTLS') names.add('authorization');
    }
    for (const parameter of operation.parameters.header) if (!/^(accept|accept-language|content-language)$/i.test(parameter.name)) names.add(parameter.name.toLowerCase());
    const type = ctx.signature(operation).requestContentType;
    if (type !== undefined && !/^(application\/x-www-form-urlencoded|multipart\/form-data|text\/plain)\s*(;|$)/i.test(type)) names.add('content-type');
  }
  return [...names].sort();
}

/** The response headers the runtime reads (core.ts, response.ts, retry.ts), which a browser hides from a page unless the API exposes them. */
const READ_HEADERS = ['retry-after', 'retry-after-ms', 'x-request-id', 'x-should-retry'];

function browserSection(ctx: TemplateContext, call: Call | undefined): string[] {
  const { md } = ctx;
  const client = ctx.options.client;
  const sent = [client.retryCountHeader, client.idempotencyHeader].filter((h): h is string => h !== undefined);
  const asked = preflightHeaders(ctx);
  const lines = [
    '## Browsers and CORS',
    '',
    `A browser asks a cross-origin API first (a CORS preflight) before a call that sends a header or uses a method outside the few a page may without asking: the API's answer must allow the calls' methods (\`Access-Control-Allow-Methods\`, for PUT, PATCH and DELETE) and ${asked.length === 0 ? 'any header you add in `headers`' : `their headers, ${md.code(`Access-Control-Allow-Headers: ${asked.join(', ')}`)} (credentials, header parameters, the body's Content-Type) and any you add in \`headers\``}, or the call rejects with \`ConnectionError\` (retried, as any connection failure is).`,
    '',
    sent.length === 0
      ? 'The client adds no header of its own beyond these.'
      : client.headersInBrowser
        ? `The client sends ${sent.map((h) => md.code(h)).join(' and ')} from browsers too: the API must allow them as well. Pass \`retryCountHeader: false\` and \`idempotencyHeader: false\` for an API that does not.`
        : `In a browser-like environment the client does not send ${sent.map((h) => md.code(h)).join(' or ')} unless you enable them (\`retryCountHeader: true\`, \`idempotencyHeader: true\`, or a per-call \`idempotencyKey\`); the API must then allow them as well.`,
    '',
    `A page reads only the response headers the API exposes: with ${md.code(`Access-Control-Expose-Headers: ${READ_HEADERS.join(', ')}`)} the client honours the API's retry advice and gives \`requestId\`; without it, retries wait their own backoff and \`requestId\` is \`undefined\`. Expose any header you read from \`.withResponse()\` as well.`,
    '',
  ];
  const prefixes = client.browserKeyPrefixes;
  if (!prefixes) {
    // Without a rule the client cannot tell a secret key from a page's own: the reader is told.
    lines.push('Anyone using a page can read the credentials its client holds: give a page only a credential meant for its user (their own or a short-lived token), never a key of the account. This client does not check which kind it is given.', '');
    return lines;
  }
  const allowed = prefixes.map((p) => md.code(`${p}...`)).join(', ');
  lines.push(
    '## Browsers and secret keys',
    '',
    'A secret key must never reach a browser: anyone using the page can read it. So in a browser-like environment the client refuses one, in the constructor for a string key and before each request for a key function, unless you pass `dangerouslyAllowBrowser: true`.',
    '',
    '- **Browser-like**: a global `window` with a `document` (pages, iframes, and DOM test environments such as jsdom), or a dedicated or shared Web Worker. Node, Bun, Deno and edge runtimes (Cloudflare Workers, Vercel Edge) are not browser-like. Service workers are not detected.',
    `- **Secret key**: any key that does not start with ${prefixes.length === 1 ? 'the short-lived prefix' : 'one of the short-lived prefixes'} ${allowed}, including formats the client does not recognise.`,
    '',
    'The intended flow: your **server** holds the API key and mints a short-lived key for each browser session; the **browser** only ever sees that key, which expires within minutes.',
    '',
  );
  if (call) {
    lines.push(
      md.codeBlock(
        'ts',
        [
          '// server.ts (Node): the API key stays here',
          "import { createServer } from 'node:http';",
          `import { ${call.tag.className} } from ${ctx.escape.stringLiteral(ctx.options.package.name)};`,
          '',
          constructionExample(ctx, call.tag),
          'createServer(async (_request, response) => {',
          `  const session = await api.${call.expression()};`,
          "  response.setHeader('content-type', 'application/json');",
          '  response.end(JSON.stringify(session)); // carries the short-lived key',
          '}).listen(3000);',
        ].join('\n'),
      ),
      '',
      md.codeBlock(
        'ts',
        [
          '// In the browser: ask your server, never the API, for a key',
          "const session = await (await fetch('/session')).json();",
          'console.log(session); // use its short-lived key to connect',
        ].join('\n'),
      ),
      '',
    );
  }
  return lines;
}

function validationSection(ctx: TemplateContext): string[] {
  const tag = ctx.model.tags[0];
  const name = ctx.options.package.name;
  const lines = [
    '## Response validation',
    '',
    `Off by default. \`${name}/validation\` exports \`validateResponse\`, generated from the spec's response schemas at build time; pass it to a client to check every 2xx body against the spec. A mismatch rejects with \`InvalidResponseError\`, whose \`issues\` list where the body differs (JSON pointers); a required \`writeOnly\` property is required in requests only, so a response may leave it out. Only code that imports that entry point pays for it: the main entry point never loads it.`,
    '',
  ];
  if (tag) {
    lines.push(
      ctx.md.codeBlock(
        'ts',
        [
          `import { ${tag.className} } from ${ctx.escape.stringLiteral(name)};`,
          `import { validateResponse } from ${ctx.escape.stringLiteral(`${name}/validation`)};`,
          '',
          `const api = new ${tag.className}({ validateResponse });`,
          'console.log(api);',
        ].join('\n'),
      ),
      '',
    );
  }
  return lines;
}

interface Call {
  readonly tag: TagModel;
  readonly operation: OperationModel;
  /** `createRealtimeSession({ ... })`, with a small valid argument for every required parameter, and `options` when given. */
  expression(options?: string): string;
  /** Import and construction of the client. */
  readonly setup: readonly string[];
}

/** The first operation as a call with example arguments (shared with the README's usage example). */
export function firstCall(ctx: TemplateContext): Call | undefined {
  const tag = ctx.model.tags[0];
  const operation = tag?.operations[0];
  if (!tag || !operation) return undefined;
  const args = exampleArguments(ctx, operation);
  const expression = (options?: string): string => `${operation.methodName}(${argumentList(args, options)})`;
  return { tag, operation, expression, setup: clientSetup(ctx, tag) };
}

/**
 * `### Servers`, where the spec lists more than one or one has variables: each URL as the spec
 * writes it, its variables (default and allowed values) and description, for a caller to pass as
 * `baseUrl` with the variables filled in; nothing otherwise.
 */
function serversSection(ctx: TemplateContext, baseUrl: string | undefined): string[] {
  const { md } = ctx;
  const servers = ctx.model.servers;
  const own = ctx.model.tags.flatMap((tag) => tag.operations.flatMap((operation) => {
    const url = operationBaseUrl(ctx, operation);
    return url === undefined ? [] : [`- \`${tag.className}.${operation.methodName}\`: ${md.code(url)}`];
  }));
  if (servers.length < 2 && !servers.some((s) => (s.variables ?? []).length > 0) && own.length === 0) return [];
  const variables = (server: ServerModel) =>
    (server.variables ?? [])
      .map((v) => {
        const others = (v.enum ?? []).filter((e) => e !== v.default);
        return `${md.code(v.name)}: ${md.code(v.default)}${others.length > 0 ? ` (or ${others.map((e) => md.code(e)).join(', ')})` : ''}${v.description ? `, ${md.cell(v.description)}` : ''}`;
      })
      .join('; ') || '-';
  return [
    '### Servers',
    '',
    `The spec's servers. ${baseUrl ? `Without \`baseUrl\` the client sends to ${md.code(baseUrl)}` : 'None is an absolute URL the client could use by itself'}: to use ${baseUrl ? 'another' : 'one'}, pass its URL as \`baseUrl\`, with its variables filled in.`,
    '',
    ...(servers.length > 0 ? [md.table(['URL', 'Variables', 'Description'], servers.map((s) => [md.code(s.url), variables(s), md.cell(s.description ?? '')])), ''] : []),
    ...(own.length > 0
      ? ['Without `baseUrl`, these operations go to a server of their own; a `baseUrl` you pass applies to them too (create a second client for a server of theirs):', '', ...own, '']
      : []),
  ];
}
