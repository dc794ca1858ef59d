import { ApiError } from './errors.js';

/** Where the API key comes from: a string, or a function (sync or async) read before every request. */
export type ApiKeySource = string | (() => string | Promise<string>);

/** The client's key source: the option, else the environment variable; a clear error when neither is set. */
export function keySource(option: ApiKeySource | undefined, envName: string | undefined): ApiKeySource {
  const source = option ?? readEnv(envName);
  if (source === undefined || source === '') {
    throw new ApiError(`an API key is required: pass { apiKey }${envName ? ` or set the ${envName} environment variable` : ''}`);
  }
  return source;
}

/**
 * The key for one request. Surrounding whitespace (a trailing newline from a .env file) is
 * dropped; anything else that cannot go into a header is refused here, with a message that does
 * not quote the key (the Headers class would quote it in its own error).
 */
export async function readKey(source: ApiKeySource): Promise<string> {
  const value: unknown = typeof source === 'function' ? await source() : source;
  const key = typeof value === 'string' ? value.trim() : '';
  if (key === '') throw new ApiError('the apiKey function returned no key');
  if (!/^[\x21-\x7e]+$/.test(key)) throw new ApiError('the API key contains characters that cannot be sent in an HTTP header');
  return key;
}

/** An environment variable, where `process.env` exists (Node, Deno, Bun); `undefined` elsewhere. */
function readEnv(name: string | undefined): string | undefined {
  if (!name) return undefined;
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  return env?.[name];
}
