/**
 * Type tests of the error-body types where they live (templates/runtime/files/error-bodies.ts),
 * on a union shaped as the api template writes one for `422 Problem`, `4XX ClientFault`,
 * `default Failure`: checking `status` narrows `body` to the spec's type for it.
 */
import { expectTypeOf, test } from 'vitest';
import type { AnyStatus, ErrorWith, OtherError, StatusRange } from '../../templates/runtime/files/error-bodies.ts';
import { ApiError } from '../../templates/runtime/files/errors.ts';

interface Problem { title: string }
interface ClientFault { fault: string }
interface Failure { code: number }

type ListErrors =
  | ErrorWith<Problem, 422>
  | ErrorWith<ClientFault, Exclude<StatusRange<4>, 422>>
  | ErrorWith<Failure, Exclude<StatusRange<1 | 3 | 4 | 5>, 422 | StatusRange<4>>>
  | OtherError<422 | StatusRange<4> | StatusRange<1 | 3 | 4 | 5>>;

declare const error: ListErrors;

test('status ranges are the literal statuses', () => {
  expectTypeOf<400>().toMatchTypeOf<StatusRange<4>>();
  expectTypeOf<499>().toMatchTypeOf<StatusRange<4>>();
  expectTypeOf<500>().not.toMatchTypeOf<StatusRange<4>>();
  expectTypeOf<Extract<AnyStatus, 99 | 100 | 599 | 600>>().toEqualTypeOf<100 | 599>();
});

test('a declared code narrows the body to its schema', () => {
  if (error.status === 422) expectTypeOf(error.body).toEqualTypeOf<Problem>();
});

test('a range covers its statuses except the explicit codes', () => {
  if (error.status === 404) expectTypeOf(error.body).toEqualTypeOf<ClientFault>();
});

test('default covers every other error status', () => {
  if (error.status === 503) expectTypeOf(error.body).toEqualTypeOf<Failure>();
  if (error.status === 302) expectTypeOf(error.body).toEqualTypeOf<Failure>();
});

test('no response, or a 2xx the client could not read: body unknown', () => {
  if (error.status === undefined) expectTypeOf(error.body).toBeUnknown();
  if (error.status === 200) expectTypeOf(error.body).toBeUnknown();
});

test('every member is an ApiError', () => {
  expectTypeOf(error).toMatchTypeOf<ApiError>();
  expectTypeOf<OtherError<never>['status']>().toEqualTypeOf<AnyStatus | undefined>();
});
