/**
 * The error classes (templates/runtime/files/errors.ts), tested where they live: which class a
 * status gets, each class's name and place in the hierarchy, what an error carries and its JSON.
 */
import { describe, expect, it } from 'vitest';
import {
  ApiError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  ConnectionError,
  errorClassFor,
  InternalServerError,
  InvalidResponseError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  TimeoutError,
  UnprocessableEntityError,
} from '../../templates/runtime/files/errors.ts';

describe('errorClassFor', () => {
  it.each([
    [400, BadRequestError],
    [401, AuthenticationError],
    [403, PermissionDeniedError],
    [404, NotFoundError],
    [409, ConflictError],
    [422, UnprocessableEntityError],
    [429, RateLimitError],
    [500, InternalServerError],
    [503, InternalServerError],
    [599, InternalServerError],
    [402, ApiError],
    [499, ApiError],
    [302, ApiError],
    [200, ApiError],
  ])('%i -> %o', (status, want) => {
    expect(errorClassFor(status)).toBe(want);
  });
});

describe('the classes', () => {
  it.each([
    [ApiError, 'ApiError'],
    [BadRequestError, 'BadRequestError'],
    [AuthenticationError, 'AuthenticationError'],
    [PermissionDeniedError, 'PermissionDeniedError'],
    [NotFoundError, 'NotFoundError'],
    [ConflictError, 'ConflictError'],
    [UnprocessableEntityError, 'UnprocessableEntityError'],
    [RateLimitError, 'RateLimitError'],
    [InternalServerError, 'InternalServerError'],
    [ConnectionError, 'ConnectionError'],
    [TimeoutError, 'TimeoutError'],
    [InvalidResponseError, 'InvalidResponseError'],
  ])('%o is named %s and is an ApiError and an Error', (Class, name) => {
    const error = new Class('m');
    expect([error.name, error instanceof ApiError, error instanceof Error, String(error.stack).startsWith(`${name}: m`)]).toEqual([name, true, true, true]);
  });

  it('a timeout is a connection error', () => {
    expect(new TimeoutError('t')).toBeInstanceOf(ConnectionError);
    expect(new ConnectionError('c')).not.toBeInstanceOf(TimeoutError);
  });
});

describe('what an error carries', () => {
  it('every field of its init', () => {
    const cause = new Error('inner');
    const error = new ApiError('m', { status: 418, headers: { a: 'b' }, body: { x: 1 }, requestId: 'req_1', operationId: 'op', cause });
    expect([error.message, error.status, error.headers, error.body, error.requestId, error.operationId, error.cause]).toEqual(['m', 418, { a: 'b' }, { x: 1 }, 'req_1', 'op', cause]);
  });

  it('without an init: no status, empty headers, no cause member', () => {
    const error = new ApiError('m');
    expect([error.status, error.headers, error.body, error.requestId, error.operationId]).toEqual([undefined, {}, undefined, undefined, undefined]);
    expect('cause' in error).toBe(false);
  });

  it('toJSON: name, message, status, request id, headers and body (no stack, no cause)', () => {
    const error = new RateLimitError('slow', { status: 429, headers: { 'retry-after': '1' }, body: 'b', requestId: 'r', cause: new Error('c') });
    expect(JSON.parse(JSON.stringify(error))).toStrictEqual({ name: 'RateLimitError', message: 'slow', status: 429, requestId: 'r', headers: { 'retry-after': '1' }, body: 'b' });
  });

  it('InvalidResponseError carries its issues, none by default', () => {
    expect(new InvalidResponseError('m', { issues: ['/a: x'] }).issues).toEqual(['/a: x']);
    expect(new InvalidResponseError('m').issues).toEqual([]);
    expect(new InvalidResponseError('m', { status: 200 }).status).toBe(200);
  });
});
