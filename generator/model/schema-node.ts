import { error, type SourceLocation } from '../diagnostics/diagnostic.ts';
import { DiagnosticCollector } from '../diagnostics/collector.ts';
import { isObject, own, ownString, type JsonObject } from '../json.ts';
import { childPointer } from '../pointer.ts';
import type { PropertyModel, SchemaMeta, SchemaNode } from './types.ts';
import { openEnumValues } from './open-enum.ts';
import { requiredOnly } from './required-only.ts';
import { schemaName } from '../openapi/components.ts';

/** What converting a schema needs: type names of components, and a place to report problems. */
export interface SchemaContext {
  readonly typeNameOf: (componentName: string) => string | undefined;
  readonly diagnostics: DiagnosticCollector;
  /** Where a pointer is in the spec (file, line and column where the spec has them). */
  readonly locate: (pointer: string) => SourceLocation;
}

const CONSTRAINT_KEYS = [
  'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf', 'minLength', 'maxLength', 'pattern',
  'minItems', 'maxItems', 'uniqueItems', 'minProperties', 'maxProperties',
] as const;

const JSON_TYPES = ['string', 'number', 'integer', 'boolean', 'null', 'array', 'object'] as const;
type JsonType = (typeof JSON_TYPES)[number];

/** Converts a normalized (OpenAPI 3.1) Schema Object into a model node. `at` is its pointer. */
export function toSchemaNode(schema: unknown, at: string, ctx: SchemaContext): SchemaNode {
  if (schema === true || schema === undefined) return { kind: 'unknown', nullable: false };
  if (!isObject(schema)) {
    const message = schema === false ? 'a false schema (no value is valid) is supported only as a property that may be absent' : 'a schema must be an object or a boolean';
    ctx.diagnostics.add(error('OM206', message, ctx.locate(at)));
    return { kind: 'unknown', nullable: false };
  }
  const meta = readMeta(schema);
  const ref = ownString(schema, '$ref');
  if (ref !== undefined) return refNode(schema, ref, at, meta, ctx);

  for (const combinator of ['oneOf', 'anyOf'] as const) {
    const variants = own(schema, combinator);
    if (Array.isArray(variants)) {
      const union: SchemaNode = {
        kind: 'union',
        combinator,
        variants: variants.map((v, i) => toSchemaNode(v, childPointer(at, combinator, i), ctx)),
        ...discriminator(schema),
        ...(openEnumValues(schema) ? { openEnum: true as const } : {}),
        ...meta,
      };
      return withBase(schema, union, at, ctx, [combinator, 'discriminator']);
    }
  }
  const allOf = own(schema, 'allOf');
  if (Array.isArray(allOf)) {
    const parts = allOf.map((p, i) => toSchemaNode(p, childPointer(at, 'allOf', i), ctx));
    // A sibling `required` changes the type (openapi-typescript writes `WithRequired<X, ...>`), so
    // `allOf: [X]` with one is not just `X`: the intersection keeps signatures typed from `paths`.
    const required = own(schema, 'required');
    const overlay: SchemaNode[] = Array.isArray(required) && required.length > 0 ? [requiredOverlay(required)] : [];
    const alias = parts.length === 1 && !hasShape(schema, ['allOf']) && overlay.length === 0;
    const node: SchemaNode = alias ? { ...parts[0]!, ...meta, nullable: meta.nullable || parts[0]!.nullable } : { kind: 'intersection', parts: [...parts, ...overlay], ...meta };
    return withBase(schema, node, at, ctx, ['allOf']);
  }
  const required = requiredOnly(schema);
  if (!required) return shapeNode(schema, at, meta, ctx);
  const type = own(schema, 'type');
  return { ...requiredOverlay(required), ...meta, nullable: meta.nullable || (Array.isArray(type) && type.includes('null')) };
}

function refNode(schema: JsonObject, ref: string, at: string, meta: SchemaMeta, ctx: SchemaContext): SchemaNode {
  const name = schemaName(ref);
  const typeName = name === undefined ? undefined : ctx.typeNameOf(name);
  if (name === undefined || typeName === undefined) {
    ctx.diagnostics.add(error('OM209', `schema $ref "${ref}" must name a schema in #/components/schemas`, ctx.locate(childPointer(at, '$ref'))));
    return { kind: 'unknown', ...meta };
  }
  const node: SchemaNode = { kind: 'ref', name, typeName, ...meta };
  return withBase(schema, node, at, ctx, ['$ref']);
}

/** A schema that combines a composition (or $ref) with its own shape is the intersection of both. */
function withBase(schema: JsonObject, node: SchemaNode, at: string, ctx: SchemaContext, consumed: readonly string[]): SchemaNode {
  if (!hasShape(schema, consumed)) return node;
  const rest: JsonObject = {};
  for (const [key, value] of Object.entries(schema)) {
    if (!consumed.includes(key)) Object.defineProperty(rest, key, { value, enumerable: true });
  }
  const base = shapeNode(rest, at, { nullable: false }, ctx);
  if (base.kind === 'unknown') return node;
  // `readOnly`/`writeOnly` stay on the whole too: they mark the property this schema is (read-write.ts), as openapi-typescript reads them.
  const { description, title, deprecated, nullable, readOnly, writeOnly } = node;
  return {
    kind: 'intersection',
    parts: [base, { ...node, description: undefined, nullable: false }].map(stripUndefined),
    ...stripUndefined({ description, title, deprecated, readOnly, writeOnly }),
    nullable,
  } as SchemaNode;
}

/**
 * `required` beside an `allOf` makes properties of its parts required: an object of those names
 * whose types come from the parts (`unknown` here; example.ts looks them up in the parts).
 */
function requiredOverlay(names: readonly unknown[]): SchemaNode {
  const properties = names.filter((n): n is string => typeof n === 'string').map((name) => ({ name, required: true, schema: { kind: 'unknown', nullable: false } as const }));
  return { kind: 'object', properties, additionalProperties: true, nullable: false };
}

function hasShape(schema: JsonObject, consumed: readonly string[]): boolean {
  return ['type', 'properties', 'items', 'enum', 'const', 'additionalProperties'].some((k) => !consumed.includes(k) && own(schema, k) !== undefined);
}

function shapeNode(schema: JsonObject, at: string, meta: SchemaMeta, ctx: SchemaContext): SchemaNode {
  const types = readTypes(schema, at, ctx);
  const nullable = meta.nullable || types.includes('null');
  const nonNull = types.filter((t) => t !== 'null');
  const values = own(schema, 'enum');
  const constValue = own(schema, 'const');
  if (Array.isArray(values)) return enumNode(values.filter((v) => v !== null), { ...meta, nullable: nullable || values.includes(null) }, nonNull);
  if (constValue !== undefined) return enumNode(constValue === null ? [] : [constValue], { ...meta, nullable: nullable || constValue === null }, nonNull, true);
  if (nonNull.length > 1) {
    const variants = nonNull.map((type) => shapeOfType(schema, type, at, { nullable: false }, ctx));
    return { kind: 'union', combinator: 'type', variants, ...meta, nullable };
  }
  const type = nonNull[0] ?? inferType(schema, types.length > 0);
  if (type === undefined) return types.includes('null') ? { kind: 'null', ...meta, nullable: true } : { kind: 'unknown', ...meta };
  return shapeOfType(schema, type, at, { ...meta, nullable }, ctx);
}

function shapeOfType(schema: JsonObject, type: JsonType, at: string, meta: SchemaMeta, ctx: SchemaContext): SchemaNode {
  switch (type) {
    case 'string':
    case 'boolean':
    case 'null':
      return { kind: type, ...meta };
    case 'number':
    case 'integer':
      return { kind: type, ...meta };
    case 'array':
      return arrayNode(schema, at, meta, ctx);
    case 'object':
      return objectNode(schema, at, meta, ctx);
  }
}

function objectNode(schema: JsonObject, at: string, meta: SchemaMeta, ctx: SchemaContext): SchemaNode {
  const required = new Set((Array.isArray(own(schema, 'required')) ? (own(schema, 'required') as unknown[]) : []).filter((r): r is string => typeof r === 'string'));
  const properties = own(schema, 'properties');
  // A property whose schema is `false` (3.1: it must be absent) is no property of the model;
  // openapi-typescript types it `?: never` in `paths`. Required, no object could be valid (OM206).
  const list: PropertyModel[] = isObject(properties)
    ? Object.entries(properties)
        .filter(([name, child]) => child !== false || required.has(name))
        .map(([name, child]) => ({
          name,
          required: required.has(name),
          schema: toSchemaNode(child, childPointer(at, 'properties', name), ctx),
        }))
    : [];
  const extra = own(schema, 'additionalProperties');
  const additionalProperties =
    extra === undefined || extra === true ? true : extra === false ? false : toSchemaNode(extra, childPointer(at, 'additionalProperties'), ctx);
  return { kind: 'object', properties: list, additionalProperties, ...meta };
}

function enumNode(values: readonly unknown[], meta: SchemaMeta, types: readonly JsonType[], isConst = false): SchemaNode {
  const kinds = new Set(values.map((v) => (typeof v === 'number' ? (Number.isInteger(v) && types.includes('integer') ? 'integer' : 'number') : typeof v)));
  if (values.length > 0 && kinds.size === 1) {
    const only = [...kinds][0];
    if (only === 'string') return isConst ? { kind: 'string', const: values[0] as string, ...meta } : { kind: 'string', enum: values as string[], ...meta };
    if (only === 'number' || only === 'integer') {
      return isConst ? { kind: only, const: values[0] as number, ...meta } : { kind: only, enum: values as number[], ...meta };
    }
    if (only === 'boolean' && isConst) return { kind: 'boolean', const: values[0] as boolean, ...meta };
  }
  if (values.length === 0) return { kind: 'null', ...meta, nullable: true };
  return { kind: 'enum', values, ...meta };
}

function readTypes(schema: JsonObject, at: string, ctx: SchemaContext): JsonType[] {
  const type = own(schema, 'type');
  const list = type === undefined ? [] : Array.isArray(type) ? type : [type];
  return list.filter((t): t is JsonType => {
    const known = (JSON_TYPES as readonly unknown[]).includes(t);
    if (!known) ctx.diagnostics.add(error('OM206', `unknown schema type ${JSON.stringify(t)}`, ctx.locate(childPointer(at, 'type'))));
    return known;
  });
}

/** An array, or a tuple (`prefixItems`), closed by `items: false`. */
function arrayNode(schema: JsonObject, at: string, meta: SchemaMeta, ctx: SchemaContext): SchemaNode {
  const items = own(schema, 'items');
  const prefix = own(schema, 'prefixItems');
  const prefixItems = Array.isArray(prefix) ? { prefixItems: prefix.map((item, i) => toSchemaNode(item, childPointer(at, 'prefixItems', i), ctx)) } : {};
  if (items === false) return { kind: 'array', items: { kind: 'unknown', nullable: false }, ...prefixItems, closed: true, ...meta };
  return { kind: 'array', items: toSchemaNode(items, childPointer(at, 'items'), ctx), ...prefixItems, ...meta };
}

/** Without `type`: infer from shape keywords, as most specs intend (`properties` -> object, `items` -> array). */
function inferType(schema: JsonObject, hadTypes: boolean): JsonType | undefined {
  if (hadTypes) return undefined;
  if (own(schema, 'properties') !== undefined || own(schema, 'additionalProperties') !== undefined) return 'object';
  if (own(schema, 'items') !== undefined) return 'array';
  return undefined;
}

function discriminator(schema: JsonObject): Pick<Extract<SchemaNode, { kind: 'union' }>, 'discriminator'> {
  const value = own(schema, 'discriminator');
  if (!isObject(value) || typeof value['propertyName'] !== 'string') return {};
  const mapping: Record<string, string> = {};
  const raw = own(value, 'mapping');
  if (isObject(raw)) {
    for (const [key, target] of Object.entries(raw)) {
      if (typeof target === 'string') Object.defineProperty(mapping, key, { value: target, enumerable: true });
    }
  }
  return { discriminator: { propertyName: value['propertyName'], mapping } };
}

function readMeta(schema: JsonObject): SchemaMeta {
  const meta: { -readonly [K in keyof SchemaMeta]: SchemaMeta[K] } = { nullable: false };
  const title = ownString(schema, 'title');
  if (title !== undefined) meta.title = title;
  const description = ownString(schema, 'description');
  if (description !== undefined) meta.description = description;
  if (own(schema, 'deprecated') === true) meta.deprecated = true;
  if (own(schema, 'readOnly') === true) meta.readOnly = true;
  if (own(schema, 'writeOnly') === true) meta.writeOnly = true;
  if (Object.prototype.hasOwnProperty.call(schema, 'default')) meta.default = { value: structuredClone(schema['default']) };
  const examples = [...(Array.isArray(own(schema, 'examples')) ? (own(schema, 'examples') as unknown[]) : [])];
  if (own(schema, 'example') !== undefined) examples.push(own(schema, 'example'));
  if (examples.length > 0) meta.examples = structuredClone(examples);
  const format = ownString(schema, 'format');
  if (format !== undefined) meta.format = format;
  const constraints: Record<string, number | string | boolean> = {};
  for (const key of CONSTRAINT_KEYS) {
    const value = own(schema, key);
    if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') constraints[key] = value;
  }
  if (Object.keys(constraints).length > 0) meta.constraints = constraints;
  return meta;
}

function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
