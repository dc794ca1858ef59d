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
  const g = globalThis as Record<string, unknown>;
  const win = g['window'] as { document?: unknown } | undefined;
  if (typeof win === 'object' && win !== null && typeof win.document === 'object' && win.document !== null) return true;
  return ['DedicatedWorkerGlobalScope', 'SharedWorkerGlobalScope'].some((name) => {
    const scope = g[name];
    return typeof scope === 'function' && globalThis instanceof scope;
  });
}

/**
 * The browser key rule, when the package has one (the config's `client.browserKeyPrefixes`): in a
 * browser-like environment, a token that starts with none of the prefixes counts as a secret key
 * and is refused unless the caller opted in, so an unrecognised format is refused rather than
 * leaked. Without a rule, nothing is refused.
 */
export function checkBrowserKey(key: string, prefixes: readonly string[] | undefined, allowBrowser: boolean, browserLike: boolean): void {
  if (!prefixes || allowBrowser || !browserLike || prefixes.some((prefix) => key.startsWith(prefix))) return;
  throw new ApiError(
    'refusing to use a secret API key in a browser-like environment, where any script on the page can read it. ' +
      `Mint a short-lived key (${prefixes.map((p) => `${p}...`).join(', ')}) on your server and use that here, ` +
      'or pass { dangerouslyAllowBrowser: true } if you accept the risk.',
  );
}
