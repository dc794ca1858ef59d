import { own, type JsonObject } from '../json.ts';

/** One normalization of a Schema Object; returns the same object when it does not apply. */
export interface SchemaRule {
  readonly name: string;
  /** Which source versions the rule applies to. */
  readonly versions: readonly ('3.0' | '3.1')[];
  readonly apply: (schema: JsonObject) => JsonObject;
}

function without(schema: JsonObject, ...keys: string[]): JsonObject {
  const copy = { ...schema };
  for (const key of keys) delete copy[key];
  return copy;
}

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

export const schemaRules: readonly SchemaRule[] = [nullable, exclusiveBounds];
