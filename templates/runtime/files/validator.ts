import type { ResponseValidator } from './options.js';

/**
 * The schema format response validation reads: a subset of JSON Schema, emitted by the generator
 * as plain data (never as code made from spec strings). Properties are `[name, schema]` pairs and
 * components a list, so no spec name is ever looked up on an object's prototype.
 */
export interface Schema {
  readonly type?: 'string' | 'number' | 'integer' | 'boolean' | 'null' | 'array' | 'object';
  readonly nullable?: boolean;
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
  /** With `prefixItems`, the schema of the items after them; `false`: no item there. */
  readonly items?: Schema | false;
  /** A tuple: the schema of the item at each position. */
  readonly prefixItems?: readonly Schema[];
  readonly properties?: readonly (readonly [string, Schema])[];
  readonly required?: readonly string[];
  readonly additionalProperties?: boolean | Schema;
  readonly anyOf?: readonly Schema[];
  readonly oneOf?: readonly Schema[];
  readonly allOf?: readonly Schema[];
  /** A component's name in `ValidationData.components`. */
  readonly $ref?: string;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: number;
  readonly exclusiveMaximum?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minItems?: number;
  readonly maxItems?: number;
}

export interface ValidationData {
  readonly components: readonly (readonly [string, Schema])[];
  /** operationId -> [status (`200`, `2XX`, `default`), schema of its JSON body]. */
  readonly responses: readonly (readonly [string, readonly (readonly [string, Schema])[]])[];
}

/** Reporting stops after this many issues: a wildly wrong body should not cost a long walk. */
const MAX_ISSUES = 20;

/** A `ResponseValidator` over generated data; a status without a JSON schema in the spec always passes. */
export function createValidator(data: ValidationData): ResponseValidator {
  const components = new Map(data.components);
  const responses = new Map(data.responses.map(([id, byStatus]) => [id, new Map(byStatus)]));
  return (operationId, status, body) => {
    const byStatus = responses.get(operationId);
    const code = String(status);
    const schema = byStatus?.get(code) ?? byStatus?.get(`${code[0]}XX`) ?? byStatus?.get('default');
    const issues: string[] = [];
    if (schema) check(schema, body, '', issues, components);
    return issues;
  };
}

function check(schema: Schema, value: unknown, path: string, issues: string[], components: ReadonlyMap<string, Schema>): void {
  if (issues.length >= MAX_ISSUES) return;
  if (value === null && schema.nullable) return;
  const fail = (message: string): void => {
    issues.push(`${path || '/'}: ${message}`);
  };
  if (schema.$ref !== undefined) {
    const target = components.get(schema.$ref);
    if (target) check(target, value, path, issues, components);
    return;
  }
  if (schema.type !== undefined && !hasType(schema.type, value)) return fail(`expected ${schema.type}, got ${typeName(value)}`);
  if (schema.enum && !schema.enum.some((item) => sameValue(item, value))) return fail(`expected one of ${JSON.stringify(schema.enum).slice(0, 200)}`);
  if (Object.hasOwn(schema, 'const') && !sameValue(schema.const, value)) return fail(`expected ${JSON.stringify(schema.const)}`);
  if (typeof value === 'number') checkNumber(schema, value, fail);
  if (typeof value === 'string') {
    if (schema.minLength !== undefined && value.length < schema.minLength) fail(`expected at least ${schema.minLength} characters`);
    if (schema.maxLength !== undefined && value.length > schema.maxLength) fail(`expected at most ${schema.maxLength} characters`);
  }
  if (Array.isArray(value)) {
    if (schema.minItems !== undefined && value.length < schema.minItems) fail(`expected at least ${schema.minItems} items`);
    if (schema.maxItems !== undefined && value.length > schema.maxItems) fail(`expected at most ${schema.maxItems} items`);
    const prefix = schema.prefixItems ?? [];
    if (schema.items === false && value.length > prefix.length) fail(`expected at most ${prefix.length} items`);
    value.forEach((item, index) => {
      const own = prefix[index] ?? schema.items;
      if (own) check(own, item, `${path}/${index}`, issues, components);
    });
  } else if (isObject(value)) {
    checkObject(schema, value, path, issues, components);
  }
  for (const part of schema.allOf ?? []) check(part, value, path, issues, components);
  const matches = (variants: readonly Schema[]): number => variants.filter((v) => passes(v, value, components)).length;
  if (schema.anyOf && matches(schema.anyOf) === 0) fail('matches none of the allowed shapes (anyOf)');
  if (schema.oneOf) {
    const count = matches(schema.oneOf);
    if (count !== 1) fail(count === 0 ? 'matches none of the allowed shapes (oneOf)' : 'matches more than one shape (oneOf)');
  }
}

function checkObject(schema: Schema, value: Record<string, unknown>, path: string, issues: string[], components: ReadonlyMap<string, Schema>): void {
  for (const name of schema.required ?? []) {
    if (!Object.hasOwn(value, name)) issues.push(`${path}/${pointer(name)}: required property is missing`);
  }
  const known = propertiesOf(schema);
  for (const [name, child] of Object.entries(value)) {
    const property = known.get(name);
    if (property) check(property, child, `${path}/${pointer(name)}`, issues, components);
    else if (schema.additionalProperties === false) issues.push(`${path}/${pointer(name)}: property is not allowed`);
    else if (typeof schema.additionalProperties === 'object') check(schema.additionalProperties, child, `${path}/${pointer(name)}`, issues, components);
  }
}

/** Each schema's properties as a map, built once per schema (the data never changes), not per value. */
const propertyMaps = new WeakMap<Schema, ReadonlyMap<string, Schema>>();
function propertiesOf(schema: Schema): ReadonlyMap<string, Schema> {
  let map = propertyMaps.get(schema);
  if (!map) {
    map = new Map(schema.properties ?? []);
    propertyMaps.set(schema, map);
  }
  return map;
}

function checkNumber(schema: Schema, value: number, fail: (message: string) => void): void {
  if (schema.minimum !== undefined && value < schema.minimum) fail(`expected >= ${schema.minimum}`);
  if (schema.maximum !== undefined && value > schema.maximum) fail(`expected <= ${schema.maximum}`);
  if (schema.exclusiveMinimum !== undefined && value <= schema.exclusiveMinimum) fail(`expected > ${schema.exclusiveMinimum}`);
  if (schema.exclusiveMaximum !== undefined && value >= schema.exclusiveMaximum) fail(`expected < ${schema.exclusiveMaximum}`);
}

function passes(schema: Schema, value: unknown, components: ReadonlyMap<string, Schema>): boolean {
  const issues: string[] = [];
  check(schema, value, '', issues, components);
  return issues.length === 0;
}

function hasType(type: NonNullable<Schema['type']>, value: unknown): boolean {
  switch (type) {
    case 'integer':
      return Number.isInteger(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'array':
      return Array.isArray(value);
    case 'object':
      return isObject(value);
    case 'null':
      return value === null;
    default:
      return typeof value === type;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function typeName(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
}

/** Equality of JSON values (enum and const members may be objects or arrays). */
function sameValue(a: unknown, b: unknown): boolean {
  return a === b || (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null && JSON.stringify(a) === JSON.stringify(b));
}

/** A JSON pointer segment (RFC 6901). */
function pointer(name: string): string {
  return name.replace(/~/g, '~0').replace(/\//g, '~1');
}
