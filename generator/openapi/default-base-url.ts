/**
 * The client's default `baseUrl` among servers' URLs (each variable's default in place): the first
 * the client can use by itself (`usable`), over https where the spec lists the same URL over http
 * too (as AWS's documents do, http first); `undefined` when none is (a relative server, or none).
 * The runtime's defaults, the README and the API docs (templates/_base-url.ts) and `diff`'s
 * `servers-changed` read it here, so they cannot disagree.
 */
export function defaultBaseUrlOf(urls: readonly string[]): string | undefined {
  const usableUrls = urls.map(usable).filter((url) => url !== undefined);
  const secure = usableUrls[0]?.replace(/^http:/i, 'https:');
  return usableUrls.some((url) => url.toLowerCase() === secure?.toLowerCase()) ? secure : usableUrls[0];
}

/**
 * A URL the client can use by itself: absolute http(s) (a protocol-relative `//host/v1` as https),
 * with no variable left, no white space, and parseable; without its trailing slashes, as the
 * client joins it with the paths (which start with one).
 */
function usable(url: string): string | undefined {
  const full = url.startsWith('//') ? `https:${url}` : url;
  if (!/^https?:\/\//i.test(full) || /[{}\s]/.test(full) || !URL.canParse(full)) return undefined;
  return full.replace(/\/+$/, '');
}
