import { isObject, type JsonObject } from '../json.ts';
import { followRef, keywordPointer } from '../openapi/follow-ref.ts';

/**
 * Follows `#/components/...` references of non-schema objects (parameters, bodies, responses,
 * headers) through the one follower, so a 3.1 `description` beside the `$ref` overrides the target's.
 */
export class RefResolver {
  readonly #document: JsonObject;

  constructor(document: JsonObject) {
    this.#document = document;
  }

  /** The object and where each of its keywords lives; undefined when the chain loops or ends nowhere. */
  resolve(node: unknown, at: string): { node: JsonObject; at: (key: string) => string } | undefined {
    const followed = followRef(this.#document, node, at);
    return isObject(followed.value) ? { node: followed.value, at: (key) => keywordPointer(followed, key) } : undefined;
  }
}
