import type { Middleware } from 'openapi-fetch';

/** Sent as `x-team-id` on every request, so Acme's gateway can attribute traffic. */
export const TEAM_ID = 'voice-platform';

/** Acme's options, accepted by every API class next to the usual client options. */
export interface HouseOptions {
  /** Overrides the `x-team-id` header (default: the owning team). */
  teamId?: string;
  /** Called before every request is sent (each retry too), e.g. for tracing. It may add headers. */
  onRequest?: (request: Request) => void | Promise<void>;
  /** Called with every response, whatever its status, before the client reads it. */
  onResponse?: (response: Response, request: Request) => void | Promise<void>;
}

/** The openapi-fetch middleware that applies the house options to every call. */
export function houseMiddleware(options: HouseOptions): Middleware {
  return {
    async onRequest({ request }) {
      request.headers.set('x-team-id', options.teamId ?? TEAM_ID);
      await options.onRequest?.(request);
      return request;
    },
    async onResponse({ request, response }) {
      await options.onResponse?.(response, request);
      return response;
    },
  };
}
