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

type Fetch = (request: Request) => Promise<Response>;

/**
 * The client options with the house options applied to every request: a `fetch` (the client's
 * extension point for what happens on the wire) that sets `x-team-id` and runs the hooks around
 * the caller's own fetch, if any.
 */
export function withHouse<O extends { fetch?: Fetch | undefined }>(options: O & HouseOptions): O {
  const send: Fetch = options.fetch ?? ((request) => fetch(request));
  const house: Fetch = async (request) => {
    request.headers.set('x-team-id', options.teamId ?? TEAM_ID);
    await options.onRequest?.(request);
    const response = await send(request);
    await options.onResponse?.(response, request);
    return response;
  };
  return { ...options, fetch: house };
}
