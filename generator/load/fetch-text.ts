/**
 * Downloads a text document over http(s) with a timeout and a size cap, reading the body in
 * chunks so an endless or oversized response is cut off, not buffered. Redirects are not
 * followed: a redirect could lead to a host nobody allowed.
 */
export async function fetchText(url: string, options: { readonly maxBytes: number; readonly timeoutMs: number }): Promise<string> {
  const parsed = new URL(url);
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error(`only http and https URLs can be fetched, not ${parsed.protocol}`);
  const signal = AbortSignal.timeout(options.timeoutMs);
  let response: Response;
  try {
    response = await fetch(parsed, { signal, redirect: 'manual' });
  } catch (cause) {
    if (signal.aborted) throw new Error(`no answer from ${parsed.host} within ${options.timeoutMs / 1000} s`);
    throw new Error(`could not connect to ${parsed.host}: ${(cause as Error).message}`);
  }
  if (response.status >= 300 && response.status < 400) {
    await response.body?.cancel();
    throw new Error(`${url} redirects to ${response.headers.get('location') ?? 'another location'}; redirects are not followed, use the final URL`);
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new Error(`${url} answered ${response.status} ${response.statusText}`);
  }
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (declared > options.maxBytes) {
    await response.body?.cancel();
    throw new Error(`${url} is ${declared} bytes, over the limit of ${options.maxBytes}`);
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body!.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > options.maxBytes) {
        await reader.cancel();
        throw new Error(`${url} is over the limit of ${options.maxBytes} bytes`);
      }
      chunks.push(value);
    }
  } catch (cause) {
    if (signal.aborted) throw new Error(`${url} did not finish within ${options.timeoutMs / 1000} s`);
    throw cause;
  }
  return Buffer.concat(chunks).toString('utf8');
}
