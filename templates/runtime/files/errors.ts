/** What an error carries besides its message. */
export interface ApiErrorInit {
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
  requestId?: string | undefined;
  /** The operation whose call failed. */
  operationId?: string;
  cause?: unknown;
}

/**
 * Any failed call: a non-2xx response, a connection failure or timeout, a response the client
 * could not read, or a missing setting. Every other error class of the client extends it, so
 * `catch (e) { if (e instanceof ApiError) ... }` catches them all (a caller's own abort excepted:
 * it rejects with the signal's reason).
 */
export class ApiError<Body = unknown, Status extends number | undefined = number | undefined> extends Error {
  override readonly name: string = 'ApiError';
  /** HTTP status, when a response arrived. */
  declare readonly status: Status;
  /** Response headers, lower-case names. */
  declare readonly headers: Readonly<Record<string, string>>;
  /**
   * The response body: parsed JSON, or the raw text when it is not JSON (e.g. an HTML gateway
   * page). Typed from the spec's error responses by each API class's `isError` guard.
   */
  declare readonly body: Body;
  /** The server's `x-request-id`, to quote when reporting a problem. */
  declare readonly requestId: string | undefined;
  /** The operation whose call failed (`undefined` for a bad option in a constructor). */
  declare readonly operationId: string | undefined;

  constructor(message: string, init: ApiErrorInit = {}) {
    // Error takes `cause` from init only where init has one.
    super(message, init);
    this.status = init.status as Status;
    this.headers = init.headers ?? {};
    this.body = init.body as Body;
    this.requestId = init.requestId;
    this.operationId = init.operationId;
  }

  toJSON(): Record<string, unknown> {
    return { name: this.name, message: this.message, status: this.status, requestId: this.requestId, headers: this.headers, body: this.body };
  }
}

/** 400 */
export class BadRequestError extends ApiError {
  override readonly name: string = 'BadRequestError';
}
/** 401: the key is missing, wrong or revoked. */
export class AuthenticationError extends ApiError {
  override readonly name: string = 'AuthenticationError';
}
/** 403 */
export class PermissionDeniedError extends ApiError {
  override readonly name: string = 'PermissionDeniedError';
}
/** 404 */
export class NotFoundError extends ApiError {
  override readonly name: string = 'NotFoundError';
}
/** 409 (retried by default) */
export class ConflictError extends ApiError {
  override readonly name: string = 'ConflictError';
}
/** 422 */
export class UnprocessableEntityError extends ApiError {
  override readonly name: string = 'UnprocessableEntityError';
}
/** 429 (retried by default, honouring `retry-after`) */
export class RateLimitError extends ApiError {
  override readonly name: string = 'RateLimitError';
}
/** Any status >= 500 (retried by default). */
export class InternalServerError extends ApiError {
  override readonly name: string = 'InternalServerError';
}
/** No response: the connection failed or was reset (retried by default). `cause` holds the original error. */
export class ConnectionError extends ApiError {
  override readonly name: string = 'ConnectionError';
}
/**
 * No complete response within `timeoutMs` (retried by default). As in most hand-written SDKs, a
 * timeout is a kind of connection failure, so it also matches `instanceof ConnectionError`.
 */
export class TimeoutError extends ConnectionError {
  override readonly name: string = 'TimeoutError';
}
/**
 * A 2xx response the client cannot hand over: malformed JSON, a content type other than the one
 * the method reads (its JSON, where the spec declares JSON beside XML), or (with
 * `validateResponse`) a body that does not match the spec.
 * Not retried: the server did act on the request.
 */
export class InvalidResponseError extends ApiError {
  override readonly name: string = 'InvalidResponseError';
  /** With `validateResponse`: where the body differs from the spec. Empty otherwise. */
  declare readonly issues: readonly string[];

  constructor(message: string, init: ApiErrorInit & { issues?: readonly string[] } = {}) {
    super(message, init);
    this.issues = init.issues ?? [];
  }
}

/** A class of `ApiError` (the named subclasses, or `ApiError` itself). */
export type ApiErrorClass = new (message: string, init?: ApiErrorInit) => ApiError;

const byStatus: Readonly<Record<number, ApiErrorClass>> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  422: UnprocessableEntityError,
  429: RateLimitError,
};

/** The error class for a non-2xx status: a named one where it exists, `ApiError` otherwise. */
export function errorClassFor(status: number): ApiErrorClass {
  return status >= 500 ? InternalServerError : (byStatus[status] ?? ApiError);
}
