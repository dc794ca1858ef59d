import { fail, MorphError } from '../diagnostics/diagnostic.ts';
import { sha256 } from '../hash.ts';
import { formatBytes, type SpecSource } from './source.ts';
import { displayUrl } from './url-input.ts';

export interface FetchLimits {
  readonly maxBytes: number;
  readonly fetchTimeoutMs: number;
}

/**
 * Downloads a spec over http(s): one GET, a timeout for the whole download, and the size cap
 * enforced while reading, so a server that lies about (or omits) Content-Length cannot make us
 * buffer more than `maxBytes`. Redirects are followed (fetch only follows them to http(s)) unless
 * `redirects: 'refuse'`: an external `$ref` must not be led to a host nobody allowed.
 */
export async function fetchSpec(given: URL, limits: FetchLimits, options: { readonly redirects?: 'follow' | 'refuse' } = {}): Promise<SpecSource> {
  const name = displayUrl(given);
  // fetch refuses a URL with credentials (and its error repeats them): send them as Basic auth.
  const url = new URL(given.href);
  const authorization = url.username !== '' || url.password !== '' ? `Basic ${Buffer.from(`${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`).toString('base64')}` : undefined;
  url.username = '';
  url.password = '';
  /** A library message may quote the URL it was given; never with its query. */
  const redact = (text: string) => text.split(url.href).join(name).split(given.href).join(name);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    fail('OM211', `${url.protocol.replace(/:$/, '')} URLs are refused; --from takes a file path or an http(s) URL`, { file: name });
  }
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), limits.fetchTimeoutMs);
  const timedOut = () => fail('OM213', `no complete response from ${name} within ${limits.fetchTimeoutMs} ms (limits.fetchTimeoutMs)`, { file: name });
  try {
    let response: Response;
    try {
      response = await fetch(url, { signal: controller.signal, redirect: options.redirects === 'refuse' ? 'manual' : 'follow', headers: { accept: 'application/yaml, application/json;q=0.9, */*;q=0.5', ...(authorization ? { authorization } : {}) } });
    } catch (cause) {
      if (controller.signal.aborted) timedOut();
      // No `cause`: the library's error holds the URL with its query.
      fail('OM212', `could not download ${name}: ${redact(reason(cause))}`, { file: name });
    }
    if (response.status >= 300 && response.status < 400 && options.redirects === 'refuse') {
      await response.body?.cancel();
      const location = response.headers.get('location');
      fail('OM212', `${name} redirects to ${location && URL.canParse(location, url.href) ? displayUrl(new URL(location, url)) : 'another location'}; redirects are not followed, use the final URL`, { file: name });
    }
    if (!response.ok) {
      await response.body?.cancel();
      fail('OM212', `could not download ${name}: HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`, { file: name });
    }
    const declared = Number(response.headers.get('content-length') ?? NaN);
    if (declared > limits.maxBytes) {
      await response.body?.cancel();
      tooLarge(name, declared, limits.maxBytes);
    }
    const bytes = await readCapped(response, name, limits.maxBytes, () => controller.signal.aborted && timedOut(), redact);
    return { name, text: Buffer.from(bytes).toString('utf8'), sha256: sha256(bytes), byteLength: bytes.byteLength };
  } finally {
    clearTimeout(timer);
  }
}

async function readCapped(response: Response, name: string, maxBytes: number, onAbort: () => unknown, redact: (text: string) => string): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = response.body?.getReader();
  if (!reader) return new Uint8Array();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel();
        tooLarge(name, total, maxBytes, true);
      }
      chunks.push(value);
    }
  } catch (cause) {
    onAbort();
    if (cause instanceof MorphError) throw cause;
    fail('OM212', `could not download ${name}: ${redact(reason(cause))}`, { file: name });
  }
  return Buffer.concat(chunks);
}

function tooLarge(name: string, size: number, maxBytes: number, partial = false): never {
  const what = partial ? `more than ${formatBytes(maxBytes)}` : `${formatBytes(size)}, over the limit of ${formatBytes(maxBytes)}`;
  fail('OM201', `${name} is ${what} (limits.maxBytes)`, { file: name });
}

function reason(cause: unknown): string {
  if (!(cause instanceof Error)) return String(cause);
  const inner = (cause as { cause?: { code?: unknown; message?: unknown } }).cause;
  const detail = typeof inner?.code === 'string' ? inner.code : typeof inner?.message === 'string' ? inner.message : undefined;
  return detail ? `${cause.message} (${detail})` : cause.message;
}
