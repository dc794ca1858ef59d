import type { OperationModel, ServerModel, TemplateContext } from 'openapi-morph';

/**
 * The client's default `baseUrl`: the first server whose URL, with each variable's default in
 * place, is an absolute http(s) URL with no variable left; `undefined` when none is (a relative
 * server, or none), and the caller must pass one. Used by the runtime's defaults, the README and
 * the API docs, so the three cannot disagree.
 */
export function defaultBaseUrl(ctx: TemplateContext): string | undefined {
  return firstAbsolute(ctx.model.servers);
}

/** Without a trailing slash, as the client joins it with the paths (which start with one). */
function firstAbsolute(servers: readonly ServerModel[]): string | undefined {
  return servers
    .map(resolvedUrl)
    .find((url) => /^https?:\/\/[^{}]*$/i.test(url))
    ?.replace(/\/+$/, '');
}

/** A server's URL with each variable's default in place (the model's `defaultUrl`; `url` in a model a template built). */
function resolvedUrl(server: ServerModel): string {
  return server.defaultUrl ?? server.url;
}

/**
 * Where an operation with servers of its own is sent when the client has no `baseUrl`: the first
 * of them that resolves as `defaultBaseUrl` says; `undefined` when it has none, none resolves, or
 * it is the client's default anyway.
 */
export function operationBaseUrl(ctx: TemplateContext, operation: OperationModel): string | undefined {
  const own = firstAbsolute(operation.servers ?? []);
  return own === undefined || own === defaultBaseUrl(ctx) ? undefined : own;
}

/** "Sent to `https://uploads.api.test`, this operation's server, unless the client has a `baseUrl`." (or nothing), for its docs. */
export function serverNote(ctx: TemplateContext, operation: OperationModel): string | undefined {
  const own = operationBaseUrl(ctx, operation);
  return own === undefined ? undefined : `Sent to ${ctx.md.code(own)}, this operation's server, unless the client has a \`baseUrl\`.`;
}
