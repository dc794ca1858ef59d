import { jsonLiteral, objectLiteral } from '../escape/literal.ts';
import { valuePropertyKey } from '../escape/property-key.ts';
import type { ApiModel, SchemaNode } from '../model/types.ts';
import { readWriteMarker } from './read-write.ts';
import { discriminatorsByName, schemasByName } from './schemas-by-name.ts';
import { typedOwnPart } from './union-cycle-parts.ts';

/**
 * How deep an example may nest (references, properties, items and compositions each count one):
 * deep enough for upstream's `allOf` chains, a bound for recursive schemas. Optional properties are
 * only shown near the top, so an example stays small.
 */
const MAX_DEPTH = 24;
const OPTIONAL_DEPTH = 3;

/** 2025-01-01T00:00:00Z in seconds: upstream's `format: unixtime` integers. */
const UNIX_TIME_EXAMPLE = 1_735_689_600;

/** Stands for a `format: binary` value in an example; `exampleCode` writes it as a Blob. */
class BlobExample {}

const FORMAT_EXAMPLES: Record<string, string> = {
  'date-time': '2025-01-01T00:00:00Z',
  date: '2025-01-01',
  time: '00:00:00Z',
  email: 'user@example.com',
  uri: 'https://example.com',
  url: 'https://example.com',
  uuid: '00000000-0000-4000-8000-000000000000',
};

/**
 * A small value that fits a schema, for code examples in docs. Built from the schema (consts,
 * enums, defaults, formats), not copied from spec examples, which upstream specs sometimes fill
 * with fields the schema lacks: an example must type-check. Objects get their required
 * properties, or, when nothing is required, up to three properties with a telling value.
 * `argument`: the value is a method's argument (`exampleCode`): a `format: binary` value is a
 * Blob, and a property marked `readOnly` (read-write.ts) is left out, as openapi-fetch's `Writable`
 * request type has it (`?: never`): a request does not send what only a response holds.
 */
export function exampleValue(node: SchemaNode, model: ApiModel, depth = 0, stack: readonly string[] = [], argument = false): unknown {
  if (depth > MAX_DEPTH) return null;
  if (argument && node.kind === 'string' && node.format === 'binary') return new BlobExample();
  const given = node.examples?.find((value) => fits(node, value, model, depth));
  if (given !== undefined) return given;
  switch (node.kind) {
    case 'ref': {
      const target = named(model, node.name);
      const inner = [...stack, node.name];
      // A schema that is one `allOf` part is the part (the model's alias), typed as the types type it.
      const typed = target?.kind === 'ref' ? (typedOwnPart(target, target, inner, model) ?? target) : target;
      const value = typed ? exampleValue(typed, model, depth + 1, inner, argument) : null;
      // The types allow one value for the discriminator of some schemas (a oneOf's member): use it.
      // Not in an argument where the schema's own `allOf` part marks it readOnly: the value the
      // types add is a part beside that one, and `$Read<string> & "Cat"` is left out of a request.
      // (openapi-typescript writes a plain object's discriminator afresh, without its `readOnly`.)
      const discriminator = discriminatorsByName(model.schemas).get(node.name);
      const readOnlyPart = argument && discriminator !== undefined && target?.kind === 'intersection' && target.parts.some((p) => p.kind === 'object' && p.properties.some((q) => q.name === discriminator.propertyName && readWriteMarker(q.schema) === 'read'));
      // (Spread and a computed key define own properties, `__proto__` too.)
      return discriminator?.value !== undefined && !readOnlyPart && isRecord(value) ? { ...value, [discriminator.propertyName]: discriminator.value } : value;
    }
    case 'string':
      return node.const ?? node.enum?.[0] ?? primitive(node, 'string') ?? (node.format ? FORMAT_EXAMPLES[node.format] : undefined) ?? 'string';
    case 'number':
    case 'integer':
      return node.const ?? node.enum?.[0] ?? primitive(node, 'number') ?? (typeof node.constraints?.['minimum'] === 'number' ? node.constraints['minimum'] : node.format === 'unixtime' ? UNIX_TIME_EXAMPLE : 1);
    case 'boolean':
      return node.const ?? primitive(node, 'boolean') ?? true;
    case 'null':
      return null;
    case 'enum':
      return node.values[0] ?? null;
    case 'array': {
      // A tuple: an item for each position, as its type (`[number, string]`) wants.
      if (node.prefixItems) return node.prefixItems.map((item) => exampleValue(item, model, depth + 1, stack, argument));
      // `items: false` alone: only the empty array.
      if (node.closed) return [];
      if (recursive(node.items, stack)) return [];
      const fallback = [exampleValue(node.items, model, depth + 1, stack, argument)];
      const value = node.default?.value;
      if (!Array.isArray(value) || value.length === 0) return fallback;
      const allowed = node.items.kind === 'string' ? node.items.enum : undefined;
      return allowed && value.every((v) => allowed.includes(v as string)) ? value : fallback;
    }
    case 'object': {
      const sent = argument ? node.properties.filter((p) => readWriteMarker(p.schema) !== 'read') : node.properties;
      const required = sent.filter((p) => p.required);
      // Optional properties that lead back into a schema being built are left out (a linked list ends),
      // and optional ones are only shown near the top, so an example stays small.
      const optional = sent.filter((p) => !p.required && telling(p.schema) && !recursive(p.schema, stack));
      const chosen = required.length > 0 ? required : depth <= OPTIONAL_DEPTH ? optional.slice(0, 3) : [];
      const value: Record<string, unknown> = {};
      for (const property of chosen) {
        Object.defineProperty(value, property.name, { value: exampleValue(property.schema, model, depth + 1, stack, argument), enumerable: true, writable: true, configurable: true });
      }
      return value;
    }
    case 'union': {
      const variant = node.variants.find((v) => v.kind !== 'null' && hasChoices(v)) ?? node.variants.find((v) => v.kind !== 'null') ?? node.variants[0];
      return variant ? exampleValue(variant, model, depth + 1, stack, argument) : null;
    }
    case 'intersection': {
      // A part that only makes properties required (`allOf` + `required`) takes their values from the
      // other parts; one the types write without its `oneOf` (union-cycle-parts.ts) is built so too.
      const parts = node.parts.map((p) => {
        // (A named schema that is only a required list too: `allOf: [Address, CountryRequired]`.)
        const overlay = p.kind === 'ref' ? named(model, p.name) : p;
        if (overlay && isRequiredOverlay(overlay)) return overlayExample(overlay, node.parts, model, depth, stack, argument, p !== overlay);
        return withoutOmitted(p, exampleValue(typedOwnPart(p, node, stack, model) ?? p, model, depth + 1, stack, argument), model);
      });
      return parts.every(isRecord) ? Object.assign({}, ...parts) : parts[0];
    }
    case 'unknown':
      return {};
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof BlobExample);
}

/** An `allOf` part's example without the discriminator property the types leave out of it (`Omit<Parent, "kind">`). */
function withoutOmitted(part: SchemaNode, value: unknown, model: ApiModel): unknown {
  const discriminator = part.kind === 'ref' ? discriminatorsByName(model.schemas).get(part.name) : undefined;
  if (!discriminator?.omitted || !isRecord(value) || !Object.hasOwn(value, discriminator.propertyName)) return value;
  const { [discriminator.propertyName]: _omitted, ...rest } = value;
  return rest;
}

/** The schema a `$ref` names, if the model has it. */
function named(model: ApiModel, name: string): SchemaNode | undefined {
  return schemasByName(model.schemas).get(name);
}

function isRequiredOverlay(node: SchemaNode): node is Extract<SchemaNode, { kind: 'object' }> {
  return node.kind === 'object' && node.properties.length > 0 && node.properties.every((p) => p.required && p.schema.kind === 'unknown');
}

/**
 * The overlay's own `unknown` entries are no definition: each takes its value from the other parts.
 * One no other part defines is left out (a schema's own `properties` beside the `allOf` supply it
 * when the parts are merged), unless the overlay is a `named` schema, which the types make require
 * the name (`{ id: unknown }`): then its `{}`.
 */
function overlayExample(overlay: Extract<SchemaNode, { kind: 'object' }>, parts: readonly SchemaNode[], model: ApiModel, depth: number, stack: readonly string[], argument: boolean, named = false): Record<string, unknown> {
  const value: Record<string, unknown> = {};
  for (const { name, schema } of overlay.properties) {
    const found = parts.flatMap((part) => objectParts(part, model)).flatMap((part) => part.properties.filter((p) => p.name === name))[0];
    // (A readOnly property the other part marks is left out of an argument, required or not.)
    const from = argument && found && readWriteMarker(found.schema) === 'read' ? undefined : (found?.schema ?? (named ? schema : undefined));
    if (from) Object.defineProperty(value, name, { value: exampleValue(from, model, depth + 1, stack, argument), enumerable: true, writable: true, configurable: true });
  }
  return value;
}

/** The objects a part is made of: itself, through references, and the parts of intersections (a union's members are not certain to be there). */
function objectParts(node: SchemaNode, model: ApiModel, seen: ReadonlySet<string> = new Set()): Extract<SchemaNode, { kind: 'object' }>[] {
  if (node.kind === 'ref') {
    const target = seen.has(node.name) ? undefined : named(model, node.name);
    return target ? objectParts(target, model, new Set([...seen, node.name])) : [];
  }
  if (node.kind === 'intersection') return node.parts.flatMap((part) => objectParts(part, model, seen));
  // Another `required` list's placeholders are no definition either.
  return node.kind === 'object' && !isRequiredOverlay(node) ? [node] : [];
}

/** Whether a spec example is certain to type-check against a node (only primitives are trusted). */
function fits(node: SchemaNode, value: unknown, model: ApiModel, depth: number): boolean {
  if (depth > MAX_DEPTH || value === null || typeof value === 'object') return false;
  switch (node.kind) {
    case 'string':
      return typeof value === 'string' && (node.enum === undefined || node.enum.includes(value)) && (node.const === undefined || node.const === value);
    case 'number':
    case 'integer':
      return typeof value === 'number' && (node.enum === undefined || node.enum.includes(value)) && (node.kind === 'number' || Number.isInteger(value));
    case 'boolean':
      return typeof value === 'boolean' && (node.const === undefined || node.const === value);
    case 'union':
      return node.variants.some((v) => fits(v, value, model, depth + 1));
    case 'ref': {
      const target = named(model, node.name);
      return target !== undefined && fits(target, value, model, depth + 1);
    }
    default:
      return false;
  }
}

function hasChoices(node: SchemaNode): boolean {
  return (node.kind === 'string' || node.kind === 'number' || node.kind === 'integer') && (node.enum !== undefined || node.const !== undefined);
}

function primitive(node: SchemaNode, type: 'string' | 'number' | 'boolean'): unknown {
  const candidates = [node.default?.value, ...(node.examples ?? [])];
  return candidates.find((v) => typeof v === type);
}

/** Whether a node refers (directly, or as array items or a nullable union) to a schema on the stack. */
function recursive(node: SchemaNode, stack: readonly string[]): boolean {
  if (node.kind === 'ref') return stack.includes(node.name);
  if (node.kind === 'array') return node.prefixItems ? node.prefixItems.some((item) => recursive(item, stack)) : recursive(node.items, stack);
  if (node.kind === 'union') return node.variants.some((v) => recursive(v, stack));
  return false;
}

/** A property whose example says something: a const, an enum, a default, or a reference to a model. */
function telling(node: SchemaNode): boolean {
  if (node.kind === 'ref') return true;
  if ((node.kind === 'string' || node.kind === 'number' || node.kind === 'integer') && (node.const !== undefined || node.enum !== undefined)) return true;
  return node.default !== undefined && node.kind !== 'object';
}

/**
 * An example as TypeScript code: `exampleValue` written with the escape helpers, except that a
 * `format: binary` value becomes `new Blob(["..."])`, which is what such a property or body takes.
 */
export function exampleCode(node: SchemaNode, model: ApiModel): string {
  const write = (value: unknown): string => {
    if (value instanceof BlobExample) return 'new Blob(["example bytes"])';
    if (Array.isArray(value)) return `[${value.map(write).join(', ')}]`;
    if (value !== null && typeof value === 'object') {
      return objectLiteral(Object.entries(value).map(([key, child]) => `${valuePropertyKey(key)}: ${write(child)}`));
    }
    return jsonLiteral(value);
  };
  return write(exampleValue(node, model, 0, [], true));
}
