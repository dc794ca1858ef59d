import { bodyKind, defineTemplate, type ApiModel, type JsonValue, type SchemaModel, type SchemaNode, type TemplateContext } from 'openapi-morph';

/**
 * Optional response validation, generated at build time into its own entry point
 * (`<package>/validation`), so the default bundle does not grow: the main entry never imports it.
 * The response schemas are emitted as DATA (`escape.jsonLiteral`) read by the runtime's static
 * validator (src/runtime/validator.ts); no code is made from spec strings.
 */
export default defineTemplate({
  apiVersion: 1,
  name: 'validation',
  description: 'src/validation/: the response schemas as data and the validateResponse entry point (subpath export ./validation)',
  scope: 'document',
  render(ctx) {
    const { ts } = ctx;
    // Only what the validator can be asked about: the JSON body of each 2xx (or default) response.
    const bodies = ctx.model.tags.flatMap((tag) =>
      tag.operations.map((op) => ({
        operationId: op.operationId,
        byStatus: op.responses.flatMap((r) => {
          const media = /^(2|default$)/i.test(r.status) ? r.content.find((m) => bodyKind(m) === 'json') : undefined;
          return media ? [{ status: r.status, schema: media.schema }] : [];
        }),
      })),
    );
    const byName = new Map(ctx.model.schemas.map((s) => [s.name, s]));
    const writeOnly = writeOnlyIn(byName);
    const responses = bodies.map((op) => [op.operationId, op.byStatus.map((r) => [r.status, toSchema(r.schema, writeOnly)])] as JsonValue);
    const components = reachable(ctx.model, byName, bodies.flatMap((op) => op.byStatus.map((r) => r.schema)));
    // One component and one operation per line, so that a large package's data (GitHub's: 535 KB)
    // is formatted in parts instead of as one text. prettier prints it as it printed the literal on
    // one line, but that it keeps the `data` object broken where it would fit on a line.
    const lines = (values: readonly JsonValue[]) => ts.arrayLiteral(values.map((value) => ctx.escape.jsonLiteral(value)), { multiline: true });
    const data = ts.objectLiteral(
      [
        ['components', lines(components.map((s) => [s.name, toSchema(s.schema, writeOnly)]))],
        ['responses', lines(responses)],
      ],
      { multiline: true },
    );
    const schemasPath = 'src/validation/schemas.ts';
    const schemaImports = ts.imports(schemasPath);
    const schemas = ts.constDeclaration({
      name: 'data',
      type: schemaImports.type('ValidationData', VALIDATOR),
      initializer: data,
      docs: ts.docs({ description: 'The JSON response schemas of every operation, and the components they reach, as data.' }),
    });
    const indexPath = 'src/validation/index.ts';
    const indexImports = ts.imports(indexPath);
    const entry = ts.constDeclaration({
      name: 'validateResponse',
      type: indexImports.type('ResponseValidator', 'src/runtime/options.ts'),
      initializer: ts.call(indexImports.value('createValidator', VALIDATOR), [indexImports.value('data', schemasPath)]),
      docs: ts.docs({ description: validationDocs(ctx) }),
    });
    return [
      { kind: 'typescript', path: schemasPath, statements: [...schemaImports.declarations(), schemas] },
      { kind: 'typescript', path: indexPath, statements: [...indexImports.declarations(), entry] },
    ];
  },
});

/** The runtime's static validator, which reads the schemas as data. */
const VALIDATOR = 'src/runtime/validator.ts';

function validationDocs(ctx: TemplateContext): string {
  const tag = ctx.model.tags[0];
  const lines = [
    'Checks 2xx bodies against the spec; a mismatch rejects the call with `InvalidResponseError` (its `issues` say where).',
    'Off by default: pass it to a client to turn it on.',
  ];
  if (tag) {
    lines.push(
      '',
      '```ts',
      `import { ${tag.className} } from ${ctx.escape.stringLiteral(ctx.options.package.name)};`,
      `import { validateResponse } from ${ctx.escape.stringLiteral(`${ctx.options.package.name}/validation`)};`,
      '',
      `const api = new ${tag.className}({ validateResponse });`,
      '```',
    );
  }
  return lines.join('\n');
}

/** Components the response schemas reach, transitively, in the model's (sorted) order. */
function reachable(model: ApiModel, byName: ReadonlyMap<string, SchemaModel>, roots: readonly SchemaNode[]): SchemaModel[] {
  const seen = new Set<string>();
  const visit = (node: SchemaNode): void => {
    if (node.kind === 'ref') {
      const target = byName.get(node.name);
      if (target && !seen.has(node.name)) {
        seen.add(node.name);
        visit(target.schema);
      }
    } else {
      for (const child of children(node)) visit(child);
    }
  };
  roots.forEach(visit);
  return model.schemas.filter((s) => seen.has(s.name));
}

function children(node: SchemaNode): SchemaNode[] {
  switch (node.kind) {
    case 'array':
      return [node.items, ...(node.prefixItems ?? [])];
    case 'object':
      return [...node.properties.map((p) => p.schema), ...(typeof node.additionalProperties === 'object' ? [node.additionalProperties] : [])];
    case 'union':
      return [...node.variants];
    case 'intersection':
      return [...node.parts];
    default:
      return [];
  }
}

/** Constraints the validator checks; `pattern` is left out on purpose (a spec's regex is untrusted input). */
const CONSTRAINTS = ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'minLength', 'maxLength', 'minItems', 'maxItems'] as const;

/**
 * `writeOnly` in a response's terms: a required `writeOnly` property is required in requests only.
 * `is`: a node is `writeOnly` itself, as the component a reference names, or through an `allOf`
 * part. `names`: the properties a node marks `writeOnly` (its own, or its parts' and references'),
 * which a `required` list beside an `allOf` (another part) then does not require either.
 */
interface WriteOnly {
  is(node: SchemaNode): boolean;
  names(node: SchemaNode): ReadonlySet<string>;
}

function writeOnlyIn(byName: ReadonlyMap<string, SchemaModel>): WriteOnly {
  // References and `allOf` parts: what a node is, besides what it holds.
  const sameValue = (node: SchemaNode): readonly SchemaNode[] => (node.kind === 'ref' ? [byName.get(node.name)?.schema].filter((n) => n !== undefined) : node.kind === 'intersection' ? node.parts : []);
  const reach = (node: SchemaNode): SchemaNode[] => {
    const seen = new Set<SchemaNode>();
    const stack = [node];
    for (let at = stack.pop(); at; at = stack.pop()) {
      if (seen.has(at)) continue;
      seen.add(at);
      stack.push(...sameValue(at));
    }
    return [...seen];
  };
  const is = (node: SchemaNode) => reach(node).some((at) => at.writeOnly === true);
  const names = (node: SchemaNode) => new Set(reach(node).flatMap((at) => (at.kind === 'object' ? at.properties.filter((p) => is(p.schema)).map((p) => p.name) : [])));
  return { is, names };
}

/**
 * A model node as validator data (the `Schema` interface in src/runtime/validator.ts); `alsoWriteOnly`:
 * properties another `allOf` part marks `writeOnly`.
 */
function toSchema(node: SchemaNode, writeOnly: WriteOnly, alsoWriteOnly: ReadonlySet<string> = new Set()): JsonValue {
  const inner = (child: SchemaNode) => toSchema(child, writeOnly);
  const out: Record<string, JsonValue> = {};
  if (node.nullable) out['nullable'] = true;
  for (const key of CONSTRAINTS) {
    const value = node.constraints?.[key];
    if (typeof value === 'number') out[key] = value;
  }
  switch (node.kind) {
    case 'ref':
      out['$ref'] = node.name;
      break;
    case 'string':
    case 'number':
    case 'integer':
    case 'boolean':
      out['type'] = node.kind;
      if ('enum' in node && node.enum) out['enum'] = [...node.enum];
      if (node.const !== undefined) out['const'] = node.const;
      break;
    case 'null':
      out['type'] = 'null';
      break;
    case 'array':
      out['type'] = 'array';
      if (node.prefixItems) out['prefixItems'] = node.prefixItems.map(inner);
      out['items'] = node.closed ? false : inner(node.items);
      break;
    case 'object': {
      out['type'] = 'object';
      if (node.properties.length > 0) out['properties'] = node.properties.map((p) => [p.name, inner(p.schema)]);
      // A response need not hold a required `writeOnly` property: it is required in requests only.
      const required = node.properties.filter((p) => p.required && !writeOnly.is(p.schema) && !alsoWriteOnly.has(p.name));
      if (required.length > 0) out['required'] = required.map((p) => p.name);
      if (node.additionalProperties !== true) out['additionalProperties'] = node.additionalProperties === false ? false : inner(node.additionalProperties);
      break;
    }
    case 'union':
      out[node.combinator === 'oneOf' ? 'oneOf' : 'anyOf'] = node.variants.map(inner);
      break;
    case 'intersection': {
      const names = new Set([...alsoWriteOnly, ...writeOnly.names(node)]);
      out['allOf'] = node.parts.map((part) => toSchema(part, writeOnly, names));
      break;
    }
    case 'enum':
      out['enum'] = node.values as JsonValue[];
      break;
    case 'unknown':
      break;
  }
  return out;
}
