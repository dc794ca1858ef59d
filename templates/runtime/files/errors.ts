/** Any failed call: a non-2xx response, or a response the client could not read. */
export class ApiError extends Error {
  override readonly name: string = 'ApiError';
  /** HTTP status, when a response arrived. */
  readonly status: number | undefined;
  /** Response headers, lower-case names. */
  readonly headers: Readonly<Record<string, string>>;
  /** The response body: parsed JSON, or the raw text when it is not JSON (e.g. an HTML gateway page). */
  readonly body: unknown;
  /** The server's `x-request-id`, to quote when reporting a problem. */
  readonly requestId: string | undefined;

  constructor(
    message: string,
    init: { status?: number; headers?: Record<string, string>; body?: unknown; requestId?: string; cause?: unknown } = {},
  ) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.status = init.status;
    this.headers = init.headers ?? {};
    this.body = init.body;
    this.requestId = init.requestId;
  }

  toJSON(): Record<string, unknown> {
    return { name: this.name, message: this.message, status: this.status, requestId: this.requestId, headers: this.headers, body: this.body };
  }
}

export function headersToRecord(headers: Headers): Record<string, string> {
  const record: Record<string, string> = {};
  headers.forEach((value, key) => {
    record[key] = value;
  });
  return record;
}

/** The message an error body carries, in the shapes APIs commonly use. */
export function bodyMessage(body: unknown): string | undefined {
  if (typeof body === 'string') return body.trim().startsWith('<') ? undefined : body.slice(0, 200);
  if (body === null || typeof body !== 'object') return undefined;
  const error = (body as { error?: unknown }).error;
  if (typeof error === 'string') return error;
  if (error !== null && typeof error === 'object' && typeof (error as { message?: unknown }).message === 'string') {
    return (error as { message: string }).message;
  }
  const message = (body as { message?: unknown }).message;
  return typeof message === 'string' ? message : undefined;
}

/** Replaces every occurrence of a secret in strings inside a value (an error body may echo the key). */
export function redact<T>(value: T, secret: string | undefined): T {
  if (!secret) return value;
  if (typeof value === 'string') return value.split(secret).join('[redacted]') as T;
  if (Array.isArray(value)) return value.map((item) => redact(item, secret)) as T;
  if (value !== null && typeof value === 'object') {
    const copy: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(value)) {
      Object.defineProperty(copy, key, { value: redact(child, secret), enumerable: true, writable: true, configurable: true });
    }
    return copy as T;
  }
  return value;
}
