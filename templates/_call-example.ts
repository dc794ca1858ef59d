import { bodyKind, type OperationModel, type ParameterModel, type TagModel, type TemplateContext } from 'openapi-morph';
import { credentialKind, schemeEnv, tokenScheme } from './runtime/security.ts';

/**
 * The arguments of an example call to an operation's method, before `options`, as code: an
 * example value for every path parameter and the body, and `params` with every required query,
 * header and cookie parameter when the method requires it; `undefined` holds the place of a
 * skipped optional argument (`argumentList` drops it where nothing follows). Used by the README's
 * usage examples and the API docs; the test suite type-checks both.
 */
export function exampleArguments(ctx: TemplateContext, operation: OperationModel): string[] {
  const signature = ctx.signature(operation);
  return signature.parameters
    .filter((p) => p.role !== 'options')
    .map((p) => {
      if (p.role === 'path') {
        const param = operation.parameters.path.find((q) => q.name === p.wireName);
        return param ? parameterExample(ctx, param) : ctx.escape.stringLiteral('id');
      }
      // A binary body takes bytes whatever its schema says (an array of byte strings, an object with format file).
      if (p.role === 'body' && signature.requestKind === 'binary') return 'new Blob(["example bytes"])';
      if (p.role === 'body') return signature.requestMedia ? ctx.exampleCode(signature.requestMedia.schema) : '{}';
      return p.optional ? 'undefined' : requiredParams(ctx, operation);
    });
}

/** `"id", { query: ... }, { signal }`: the arguments, then `options` when given, without trailing placeholders. */
export function argumentList(args: readonly string[], options?: string): string {
  const all = options === undefined ? [...args] : [...args, options];
  while (all.at(-1) === 'undefined') all.pop();
  return all.join(', ');
}

/** `{ query: { limit: 1 }, header: { "x-org": "string" } }`: every required non-path parameter. */
function requiredParams(ctx: TemplateContext, operation: OperationModel): string {
  const groups = (['query', 'header', 'cookie'] as const).flatMap((location) => {
    const required = operation.parameters[location].filter((p) => p.required);
    if (required.length === 0) return [];
    return [`${location}: { ${required.map((p) => `${ctx.escape.valuePropertyKey(p.name)}: ${parameterExample(ctx, p)}`).join(', ')} }`];
  });
  return `{ ${groups.join(', ')} }`;
}

/**
 * A parameter's example value as code; for one defined by `content`, its media type's text of the
 * schema's example, as a string: JSON text for JSON, else a primitive as it is (the toolkit writes
 * no XML: a structured example under another media type is JSON text, a placeholder).
 */
function parameterExample(ctx: TemplateContext, param: ParameterModel): string {
  if (param.contentType === undefined) return ctx.exampleCode(param.schema);
  const example = ctx.example(param.schema);
  const json = bodyKind({ mediaType: param.contentType, schema: param.schema }) === 'json';
  return ctx.escape.stringLiteral(!json && typeof example !== 'object' ? String(example) : JSON.stringify(example));
}

/** The import of a tag's class (and `more` names) and the client's construction, as the examples start. */
export function clientSetup(ctx: TemplateContext, tag: TagModel, more: readonly string[] = []): string[] {
  return [`import { ${[tag.className, ...more].join(', ')} } from ${ctx.escape.stringLiteral(ctx.options.package.name)};`, '', ...construction(ctx, tag)];
}

/** The client's construction alone (the class's `@example`). */
export function constructionExample(ctx: TemplateContext, tag: TagModel): string {
  return construction(ctx, tag).join('\n');
}

/** The scheme names of the first operation that needs credentials, by model: every example asks (GitHub's 1,223 operations each looked through all of them). */
const firstRequirements = new WeakMap<TemplateContext['model'], readonly string[]>();
function firstRequirement(model: TemplateContext['model']): readonly string[] {
  let found = firstRequirements.get(model);
  if (!found) {
    found = model.tags.flatMap((t) => t.operations).find((op) => op.security.length > 0)?.security[0]?.schemes.map((s) => s.name) ?? [];
    firstRequirements.set(model, found);
  }
  return found;
}

/**
 * `const api = new PetsApi(...)` with what the first operation that needs credentials needs: a
 * comment naming the environment variables it reads, placeholders for the rest (`apiKey` for the
 * spec's one token scheme, `auth` otherwise); no options for an API without security.
 */
function construction(ctx: TemplateContext, tag: TagModel): string[] {
  const requirement = firstRequirement(ctx.model);
  const env = schemeEnv(ctx);
  const fromEnv = requirement.filter((name) => env.has(name));
  const comment = fromEnv.length > 0 ? [`// Reads ${fromEnv.map((name) => env.get(name)).join(' and ')} from the environment; or pass ${tokenScheme(ctx) ? '{ apiKey }' : '{ auth }'}.`] : [];
  const given = requirement.filter((name) => !env.has(name)).flatMap((name) => {
    const scheme = ctx.model.securitySchemes.find((s) => s.name === name);
    return scheme && credentialKind(scheme) !== 'none' ? [scheme] : [];
  });
  if (given.length === 0) return [...comment, `const api = new ${tag.className}();`];
  const token = tokenScheme(ctx);
  if (given.length === 1 && given[0] === token) return [...comment, `const api = new ${tag.className}({ apiKey: "your-token" });`];
  const values = given.map((s) => `${ctx.escape.valuePropertyKey(s.name)}: ${credentialKind(s) === 'basic' ? '{ username: "user", password: "your-password" }' : '"your-token"'}`);
  return [...comment, `const api = new ${tag.className}({ auth: { ${values.join(', ')} } });`];
}
