import type { ApiError } from './errors.js';

/**
 * Types only: how an operation's declared error responses type the errors it rejects with. Each
 * API class's `<Class>Errors` maps a method to a union of `ApiError<Body, Status>`, one member
 * per declared status (a code, a `4XX` range, `default`) and one for everything else, so that
 * checking `error.status` narrows `error.body` to the spec's schema for it.
 */
type Digit = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;
type AsNumber<T> = T extends `${infer N extends number}` ? N : never;

/** The statuses of a range: `StatusRange<4>` is 400 | 401 | ... | 499. */
export type StatusRange<Class extends 1 | 2 | 3 | 4 | 5> = AsNumber<`${Class}${Digit}${Digit}`>;
/** Every status an error can carry (a 2xx too: an unreadable success body). */
export type AnyStatus = StatusRange<1 | 2 | 3 | 4 | 5>;

/** An error with a response of one of `Status` whose body the spec declares as `Body`. */
export type ErrorWith<Body, Status extends number> = ApiError<Body, Status>;
/** An error with another status than the declared ones (body parsed as JSON, else text), or with none (a connection failure, timeout or missing credential). */
export type OtherError<Declared extends number> = ApiError<unknown, Exclude<AnyStatus, Declared> | undefined>;
