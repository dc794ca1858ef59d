/**
 * Types of the runtime's public surface: what a method returns, what withResponse gives, and the
 * option names the rest of the toolkit relies on.
 */
import { expectTypeOf, test } from 'vitest';
import {
  ApiError,
  ApiPromise,
  ConnectionError,
  InvalidResponseError,
  RealtimeApi,
  TimeoutError,
  type ApiResponse,
  type ClientOptions,
  type RealtimeSessionCreateResponse,
  type RequestOptions,
} from 'openai-realtime-client';
import { validateResponse } from 'openai-realtime-client/validation';

declare const api: RealtimeApi;
const call = api.createRealtimeSession({ model: 'gpt-4o-realtime-preview' });

test('a method returns an ApiPromise that is a Promise of the body', () => {
  expectTypeOf(call).toEqualTypeOf<ApiPromise<RealtimeSessionCreateResponse>>();
  expectTypeOf(call).toMatchTypeOf<Promise<RealtimeSessionCreateResponse>>();
  expectTypeOf(call).resolves.toEqualTypeOf<RealtimeSessionCreateResponse>();
});

test('withResponse gives data, the Response and the request id', () => {
  expectTypeOf(call.withResponse()).resolves.toEqualTypeOf<ApiResponse<RealtimeSessionCreateResponse>>();
  expectTypeOf<ApiResponse<RealtimeSessionCreateResponse>['data']>().toEqualTypeOf<RealtimeSessionCreateResponse>();
  expectTypeOf<ApiResponse<RealtimeSessionCreateResponse>['response']>().toEqualTypeOf<Response>();
  expectTypeOf<ApiResponse<RealtimeSessionCreateResponse>['requestId']>().toEqualTypeOf<string | undefined>();
});

test('option names', () => {
  expectTypeOf<keyof ClientOptions>().toEqualTypeOf<
    'auth' | 'apiKey' | 'baseUrl' | 'fetch' | 'headers' | 'maxRetries' | 'timeoutMs' | 'dangerouslyAllowBrowser' | 'backoff' | 'validateResponse' | 'retryCountHeader' | 'idempotencyHeader'
  >();
  expectTypeOf<keyof RequestOptions>().toEqualTypeOf<'signal' | 'headers' | 'maxRetries' | 'timeoutMs' | 'idempotencyKey'>();
  expectTypeOf(validateResponse).toEqualTypeOf<NonNullable<ClientOptions['validateResponse']>>();
  // @ts-expect-error: an unknown per-call option is a type error
  void api.createRealtimeSession({}, { retries: 1 });
  // @ts-expect-error: apiKey must be a string or a function returning one
  void new RealtimeApi({ apiKey: 42 });
  void new RealtimeApi({ apiKey: async () => 'ek_x' });
});

test('every option may be undefined, its default (exactOptionalPropertyTypes: process.env.X and optional arguments pass as they are)', () => {
  const key = process.env['OPENAI_API_KEY'];
  const given = (signal?: AbortSignal, timeoutMs?: number, idempotencyKey?: string) => ({ signal, timeoutMs, maxRetries: timeoutMs, idempotencyKey, headers: undefined });
  void new RealtimeApi({ apiKey: key, baseUrl: key, auth: { ApiKeyAuth: key }, fetch: undefined, headers: undefined, maxRetries: undefined, timeoutMs: undefined, backoff: { initialMs: undefined, maxMs: 100 } });
  void new RealtimeApi({ dangerouslyAllowBrowser: undefined, validateResponse: undefined, retryCountHeader: undefined, idempotencyHeader: undefined });
  void api.createRealtimeSession({}, given());
});

test('error classes extend ApiError', () => {
  expectTypeOf<TimeoutError>().toMatchTypeOf<ConnectionError>();
  expectTypeOf<ConnectionError>().toMatchTypeOf<ApiError>();
  expectTypeOf<InvalidResponseError['issues']>().toEqualTypeOf<readonly string[]>();
});
