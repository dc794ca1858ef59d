/** A 2xx response: the parsed body, and what came with it. */
export interface ApiResponse<T> {
  /** The parsed body, exactly what awaiting the call gives. */
  readonly data: T;
  /** The HTTP response: its status and headers (its body already read, unless the spec declares none). */
  readonly response: Response;
  /** The server's `x-request-id`. */
  readonly requestId: string | undefined;
}

/**
 * What every API method returns: a real `Promise` of the parsed body, plus `withResponse()` for
 * callers who also need the response's headers or request id:
 *
 *     const pet = await api.getPet(id);
 *     const { data, response, requestId } = await api.getPet(id).withResponse();
 *
 * The request starts when the method is called, once, whichever way the result is read.
 * `then`/`catch`/`finally` return plain Promises (`Symbol.species`), so only the promise a method
 * returns has `withResponse()`.
 */
export class ApiPromise<T> extends Promise<T> {
  static override get [Symbol.species](): PromiseConstructor {
    return Promise;
  }

  readonly #source: Promise<ApiResponse<T>>;

  constructor(source: Promise<ApiResponse<T>>) {
    super((resolve, reject) => {
      source.then((result) => resolve(result.data), reject);
    });
    this.#source = source;
  }

  /** The parsed body together with the response. Rejects exactly as awaiting the call would. */
  withResponse(): Promise<ApiResponse<T>> {
    // A caller who reads only this promise has handled the failure: keep the outer one from
    // reporting the same rejection as unhandled.
    super.then(undefined, () => {});
    return this.#source;
  }
}
