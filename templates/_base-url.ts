import { defaultBaseUrlOf, type OperationModel, type ServerModel, type TemplateContext } from 'openapi-morph';

/**
 * The client's default `baseUrl`: the first server whose URL, with each variable's default in
 * place, the client can use by itself (`usable`), over https where the spec lists the same URL
 * over http too (as AWS's documents do, http first); `undefined` when none is (a relative server,
 * or none), and the caller must pass one. Used by the runtime's defaults, the README and the API
 * docs, so they cannot disagree.
 */
export function defaultBaseUrl(ctx: TemplateContext): string | undefined {
  return firstUsable(ctx.model.servers);
}

/**
 * The path a caller's `baseUrl` must end with when the spec's first server is relative
 * (`/api/v2`, or `api/v2`), variables filled in; `undefined` otherwise.
 */
export function relativeBasePath(ctx: TemplateContext): string | undefined {
  const first = ctx.model.servers[0];
  if (defaultBaseUrl(ctx) !== undefined || first === undefined) return undefined;
  const url = resolvedUrl(first);
  if (/^[a-z][\w+.-]*:|^\/\//i.test(url)) return undefined;
  const path = `/${url.replace(/^\/+|\/+$/g, '')}`;
  return path === '/' ? undefined : path;
}

/**
 * Where an operation with servers of its own is sent when the client has no `baseUrl`: the first
 * of them the client can use, as for `defaultBaseUrl`; `undefined` when it has none, none is
 * usable, or it is the client's default anyway.
 */
export function operationBaseUrl(ctx: TemplateContext, operation: OperationModel): string | undefined {
  const own = firstUsable(operation.servers ?? []);
  return own === undefined || own.toLowerCase() === defaultBaseUrl(ctx)?.toLowerCase() ? undefined : own;
}

/** What an operation's docs say of its servers, when it has its own (or nothing). */
export function serverNote(ctx: TemplateContext, operation: OperationModel): string | undefined {
  const own = operationBaseUrl(ctx, operation);
  if (own !== undefined) return `Sent to ${ctx.md.code(own)}, this operation's server, unless the client has a \`baseUrl\`.`;
  const first = operation.servers?.[0];
  if (first === undefined || firstUsable(operation.servers ?? []) !== undefined) return undefined;
  return `Its server, ${first.url === '' ? 'an empty URL' : ctx.md.code(first.url)}, is not a URL the client can use by itself: the call goes where the client's other calls go.`;
}

/** The first server the client can use by itself (see `defaultBaseUrlOf`). */
function firstUsable(servers: readonly ServerModel[]): string | undefined {
  return defaultBaseUrlOf(servers.map(resolvedUrl));
}

/** A server's URL with each variable's default in place (the model's `defaultUrl`; `url` in a model a template built). */
function resolvedUrl(server: ServerModel): string {
  return server.defaultUrl ?? server.url;
}
