import { isObject, own, ownObject, ownString, type JsonObject } from '../json.ts';
import { childPointer, pointer } from '../pointer.ts';
import type { OperationEntry } from '../openapi/operations.ts';
import { parameterKey } from '../openapi/supplied-parameters.ts';
import type { RefResolver } from './ref-resolver.ts';
import { toSchemaNode, type SchemaContext } from './schema-node.ts';
import type { ParameterModel, ParametersModel, ParameterStyle, SchemaNode } from './types.ts';

/**
 * An operation's parameters (its path item's, overridden by its own of the same name and location),
 * references followed, without those the client sends itself (`supplied`: see supplied-parameters.ts).
 */
export function buildParameters(raw: OperationEntry, resolver: RefResolver, ctx: SchemaContext, supplied: ReadonlySet<string>): ParametersModel {
  const byKey = new Map<string, ParameterModel>();
  const add = (list: unknown, at: string): void => {
    if (!Array.isArray(list)) return;
    list.forEach((entry, index) => {
      const resolved = resolver.resolve(entry, childPointer(at, index));
      if (!resolved) return;
      const { node, at: where } = resolved;
      const name = ownString(node, 'name');
      const location = ownString(node, 'in');
      if (name === undefined || !isParameterLocation(location)) return;
      if (supplied.has(parameterKey(location, name))) return;
      const description = ownString(node, 'description');
      const given = own(node, 'schema');
      const schema = given ?? firstContentSchema(node);
      const contentType = given === undefined ? firstContentType(node) : undefined;
      byKey.set(`${location}:${name}`, {
        name,
        in: location,
        required: location === 'path' || own(node, 'required') === true,
        deprecated: own(node, 'deprecated') === true,
        ...(description !== undefined ? { description } : {}),
        schema: withExamples(toSchemaNode(schema, where('schema'), ctx), parameterExamples(node, (example, key) => resolver.resolve(example, childPointer(where('examples'), key))?.node)),
        ...serialization(node, location),
        ...(contentType !== undefined ? { contentType } : {}),
      });
    });
  };
  add(own(raw.pathItem, 'parameters'), `${pointer('paths', raw.path)}/parameters`);
  add(own(raw.operation, 'parameters'), childPointer(raw.pointer, 'parameters'));
  const all = [...byKey.values()];
  const of = (location: ParameterModel['in']) => all.filter((p) => p.in === location);
  return { path: of('path'), query: of('query'), header: of('header'), cookie: of('cookie') };
}

/**
 * The value the spec fixes for an operation's `Accept` header parameter (its own, else its path
 * item's): the schema's `const`, its one `enum` value, or its `default` where it has no `enum`. GitHub Enterprise 2.x
 * declares its preview media types so (`application/vnd.github.machine-man-preview+json`), and the
 * server withholds a preview's fields or endpoint without it. The parameter itself is supplied by
 * the client (supplied-parameters.ts); the method sends this value (`MethodSignature.accept`).
 */
export function fixedAccept(raw: OperationEntry, resolver: RefResolver): string | undefined {
  const declared = [own(raw.operation, 'parameters'), own(raw.pathItem, 'parameters')].flatMap((list) => (Array.isArray(list) ? list : []));
  for (const entry of declared) {
    const node = resolver.resolve(entry, '')?.node;
    if (!node || ownString(node, 'in') !== 'header' || ownString(node, 'name')?.toLowerCase() !== 'accept') continue;
    const schema = ownObject(node, 'schema') ?? {};
    const choices = own(schema, 'enum');
    // A default fixes the value only where no enum offers others (influxdata's toml default beside json).
    const value = own(schema, 'const') ?? (Array.isArray(choices) ? (choices.length === 1 ? choices[0] : undefined) : own(schema, 'default'));
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
  }
  return undefined;
}

/**
 * The parameter's own `example` and the values of its `examples` (specs give a path parameter's
 * example there more often than in its schema), in spec order: the docs' example calls take the
 * first that fits the schema (template-api/example.ts), as they do a schema's own.
 */
function parameterExamples(node: JsonObject, resolve: (example: unknown, key: string) => JsonObject | undefined): unknown[] {
  const examples = ownObject(node, 'examples') ?? {};
  // An Example Object may be a `$ref` to `components/examples`.
  const values = Object.entries(examples).flatMap(([key, given]) => {
    const example = resolve(given, key);
    return example && Object.hasOwn(example, 'value') ? [example['value']] : [];
  });
  return own(node, 'example') === undefined ? values : [own(node, 'example'), ...values];
}

/** A schema node with `examples` before its own. */
function withExamples(schema: SchemaNode, examples: unknown[]): SchemaNode {
  return examples.length === 0 ? schema : { ...schema, examples: [...structuredClone(examples), ...(schema.examples ?? [])] };
}

/** A parameter's `style`, `explode` and `allowReserved`, with OpenAPI's defaults for its location. */
function serialization(node: JsonObject, location: ParameterModel['in']): Required<Pick<ParameterModel, 'style' | 'explode' | 'allowReserved'>> {
  const given = ownString(node, 'style');
  const style = given !== undefined && isParameterStyle(given) ? given : location === 'query' || location === 'cookie' ? 'form' : 'simple';
  const explode = own(node, 'explode');
  return { style, explode: typeof explode === 'boolean' ? explode : style === 'form', allowReserved: own(node, 'allowReserved') === true };
}

/** Every `ParameterStyle`, as keys: the type checker refuses this table when the union gains or loses a style. */
const STYLES: Readonly<Record<ParameterStyle, true>> = { matrix: true, label: true, simple: true, form: true, spaceDelimited: true, pipeDelimited: true, deepObject: true };

export function isParameterStyle(value: string): value is ParameterStyle {
  return Object.hasOwn(STYLES, value);
}

function isParameterLocation(value: string | undefined): value is ParameterModel['in'] {
  return value === 'path' || value === 'query' || value === 'header' || value === 'cookie';
}

/** The media type of a parameter defined by `content` (its first; OpenAPI allows one). */
function firstContentType(node: JsonObject): string | undefined {
  const content = ownObject(node, 'content');
  return content ? Object.keys(content)[0] : undefined;
}

function firstContentSchema(node: JsonObject): unknown {
  const content = ownObject(node, 'content');
  const first = content ? Object.values(content)[0] : undefined;
  return isObject(first) ? own(first, 'schema') : undefined;
}
