import type { ServerModel, TemplateContext } from 'openapi-morph';

/**
 * The client's default `baseUrl`: the first server whose URL, with each variable's default in
 * place, is an absolute http(s) URL with no variable left; `undefined` when none is (a relative
 * server, or none), and the caller must pass one. Used by the runtime's defaults, the README and
 * the API docs, so the three cannot disagree.
 */
export function defaultBaseUrl(ctx: TemplateContext): string | undefined {
  return ctx.model.servers.map(resolvedUrl).find((url) => /^https?:\/\/[^{}]*$/i.test(url));
}

/** A server's URL with each variable's default in place (the model's `defaultUrl`; `url` in a model a template built). */
function resolvedUrl(server: ServerModel): string {
  return server.defaultUrl ?? server.url;
}
