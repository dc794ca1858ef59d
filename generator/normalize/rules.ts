import { own, type JsonObject } from '../json.ts';
import type { SpecVersion } from '../spec-context.ts';

/** One normalization of a Schema Object; returns the same object when it does not apply. */
export interface SchemaRule {
  readonly name: string;
  /** Which source versions the rule applies to (3.2's Schema Object is 3.1's). */
  readonly versions: readonly SpecVersion[];
  readonly apply: (schema: JsonObject) => JsonObject;
}

function without(schema: JsonObject, ...keys: string[]): JsonObject {
  const copy = { ...schema };
  for (const key of keys) delete copy[key];
  return copy;
}

/**
 * Keywords a 3.0 document may write beside a `$ref` that the model keeps: annotations (docs show
 * them) and `nullable` (the next rule turns it into 3.1's `null`), which specs use there on purpose.
 */
const REF_ANNOTATIONS = new Set(['$ref', 'title', 'description', 'deprecated', 'readOnly', 'writeOnly', 'default', 'example', 'externalDocs', 'nullable']);

/**
 * 3.0's Reference Object ignores its siblings ("any properties added SHALL be ignored"); 3.1
 * applies them. So a 3.0 `$ref` loses the shape keywords beside it (`type`, `properties`,
 * `format`...: `type: "application/json"` is seen in published specs) before it reads as 3.1.
 */
const refSiblings: SchemaRule = {
  name: 'ref-siblings',
  versions: ['3.0'],
  apply(schema) {
    if (typeof own(schema, '$ref') !== 'string') return schema;
    const ignored = Object.keys(schema).filter((key) => !REF_ANNOTATIONS.has(key) && !key.startsWith('x-'));
    return ignored.length === 0 ? schema : without(schema, ...ignored);
  },
};

/** 3.0 `nullable: true` -> 3.1 `type: [T, "null"]` (and `null` in an enum, which 3.1 requires). */
const nullable: SchemaRule = {
  name: 'nullable',
  versions: ['3.0'],
  apply(schema) {
    if (own(schema, 'nullable') === undefined) return schema;
    const next = without(schema, 'nullable');
    if (own(schema, 'nullable') !== true) return next;
    const type = own(schema, 'type');
    if (typeof type === 'string') next['type'] = [type, 'null'];
    const values = own(schema, 'enum');
    if (Array.isArray(values) && !values.includes(null)) next['enum'] = [...values, null];
    if (type === undefined && values === undefined) return { anyOf: [next, { type: 'null' }] };
    return next;
  },
};

/** 3.0 boolean `exclusiveMinimum`/`exclusiveMaximum` -> 3.1 numbers. */
const exclusiveBounds: SchemaRule = {
  name: 'exclusive-bounds',
  versions: ['3.0'],
  apply(schema) {
    let next = schema;
    for (const [flag, bound] of [
      ['exclusiveMinimum', 'minimum'],
      ['exclusiveMaximum', 'maximum'],
    ] as const) {
      const value = own(next, flag);
      if (typeof value !== 'boolean') continue;
      const limit = own(next, bound);
      next = without(next, flag);
      if (value && typeof limit === 'number') {
        next = without(next, bound);
        next[flag] = limit;
      }
    }
    return next;
  },
};

/**
 * `items` without `type: array` (upstream's `modalities`): JSON Schema would then accept any
 * non-array value as well, but every such schema in practice means "an array of".
 */
const itemsWithoutType: SchemaRule = {
  name: 'items-without-type',
  versions: ['3.0', '3.1', '3.2'],
  apply(schema) {
    if (own(schema, 'items') === undefined || own(schema, 'type') !== undefined || own(schema, '$ref') !== undefined) return schema;
    if (['allOf', 'anyOf', 'oneOf', 'enum', 'const'].some((key) => own(schema, key) !== undefined)) return schema;
    return { type: 'array', ...schema };
  },
};

/**
 * `x-stainless-const: true` on a one-value enum (upstream's `"inf"`, `"function"`): the vendor's
 * way to say "this constant"; 3.1 says it with `const`, which the model and docs treat as such.
 */
const stainlessConst: SchemaRule = {
  name: 'stainless-const',
  versions: ['3.0', '3.1', '3.2'],
  apply(schema) {
    const values = own(schema, 'enum');
    if (own(schema, 'x-stainless-const') !== true || !Array.isArray(values) || values.length !== 1) return schema;
    const next = without(schema, 'enum', 'x-stainless-const');
    next['const'] = values[0];
    return next;
  },
};

/**
 * The rules, applied in order to every Schema Object of the selected subset (3.0 rules first,
 * so later ones see 3.1 shapes). Quirks that need no rewrite are handled where they matter:
 * `anyOf` of a plain string and a string enum becomes an open enum in the types
 * (types/openapi-types.ts); `format: unixtime` stays an integer (seconds), with the format shown
 * in docs; `webhooks` are not operations, so select/ never follows their references; examples
 * with fields a schema lacks never reach code (template-api/example.ts builds from the schema);
 * a discriminator over inline variants needs no mapping, since each variant's own `type`
 * constant narrows the union.
 */
export const schemaRules: readonly SchemaRule[] = [refSiblings, nullable, exclusiveBounds, itemsWithoutType, stainlessConst];
