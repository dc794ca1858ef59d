import { ApiError } from './errors.js';

/**
 * Whether code runs where a page's scripts (and its users) can read the client's memory:
 * - a page, iframe or DOM test environment (jsdom, happy-dom): a global `window` with a `document`;
 * - a dedicated or shared Web Worker: the global object is a `DedicatedWorkerGlobalScope` or
 *   `SharedWorkerGlobalScope`.
 * Node, Bun, Deno's main thread and edge runtimes (Cloudflare Workers, Vercel Edge) have neither,
 * and are where keys belong. Service workers are not detected: they have no document and share
 * their global class with some edge runtimes.
 */
export function isBrowserLike(): boolean {
  const g = globalThis as Record<string, unknown> & { window?: { document?: unknown } };
  // `?.` reads `document` of a primitive `window` too (undefined), as of a missing one.
  const document = g.window?.document;
  return (typeof document === 'object' && document !== null) || ['Dedicated', 'Shared'].some((kind) => {
    const scope = g[`${kind}WorkerGlobalScope`];
    return typeof scope === 'function' && g instanceof scope;
  });
}

/**
 * The browser key rule, when the package has one (the config's `client.browserKeyPrefixes`): in a
 * browser-like environment, a token that starts with none of the prefixes counts as a secret key
 * and is refused unless the caller opted in, so an unrecognised format is refused rather than
 * leaked. `prefixes`: the package's rule where it is in force (in a browser-like environment,
 * unless the caller opted out), `undefined` elsewhere.
 */
export function checkBrowserKey(key: string, prefixes: readonly string[] | undefined): void {
  if (!prefixes || prefixes.some((prefix) => key.startsWith(prefix))) return;
  throw new ApiError(`refusing to use a secret API key in a browser: use a short-lived one (${prefixes.join('..., ')}...) or pass { dangerouslyAllowBrowser: true }`);
}
