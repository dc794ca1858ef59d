import { defineTemplate, type MethodSignature, type OperationModel, type TagModel, type TemplateContext } from 'openapi-morph';
import { constructionExample } from './_call-example.ts';
import { errorClasses } from './runtime/error-classes.ts';
import { securityLiteral, tokenScheme } from './runtime/security.ts';

export default defineTemplate({
  apiVersion: 1,
  name: 'api',
  description: 'src/apis/<Tag>Api.ts: one class per tag, one method per operation, over openapi-fetch',
  scope: 'tag',
  render(ctx, tag) {
    const { ts } = ctx;
    const path = ctx.naming.apiFile(tag.className);
    const methods = tag.operations.map((operation) => ({ operation, signature: ctx.signature(operation) }));
    const modelTypes = usedModelTypes(ctx, methods.map((m) => m.signature));
    const helpers = bodyHelpers(methods.map((m) => m.signature));
    const errorsName = `${tag.className}Errors`;
    const errorTypes = new Set(methods.flatMap((m) => errorUnion(m.signature)).flatMap((member) => member.match(/\b(ErrorWith|OtherError|StatusRange)\b/g) ?? []));
    // Without a token scheme there is nothing for the `apiKey` shorthand to stand for.
    const optionsType = tokenScheme(ctx) ? 'ClientOptions<AuthOptions>' : 'Omit<ClientOptions<AuthOptions>, "apiKey">';
    return {
      kind: 'typescript',
      path,
      statements: [
        ts.importFrom(ctx.importPath(path, 'src/schema.ts'), ['paths'], { typeOnly: true }),
        ...(modelTypes.length > 0 ? [ts.importFrom(ctx.importPath(path, 'src/models.ts'), modelTypes, { typeOnly: true })] : []),
        ts.importFrom(ctx.importPath(path, 'src/runtime/api-promise.ts'), ['ApiPromise'], { typeOnly: true }),
        ts.importFrom(ctx.importPath(path, 'src/runtime/core.ts'), ['ApiCore']),
        ts.importFrom(ctx.importPath(path, 'src/runtime/errors.ts'), ['ApiError']),
        ts.importFrom(ctx.importPath(path, 'src/runtime/error-bodies.ts'), [...errorTypes].sort(), { typeOnly: true }),
        ts.importFrom(ctx.importPath(path, 'src/runtime/options.ts'), ['ClientOptions', 'RequestOptions'], { typeOnly: true }),
        ts.importFrom(ctx.importPath(path, 'src/runtime/defaults.ts'), ['defaults']),
        ts.importFrom(ctx.importPath(path, 'src/runtime/defaults.ts'), ['AuthOptions'], { typeOnly: true }),
        ...(helpers.length > 0 ? [ts.importFrom(ctx.importPath(path, 'src/runtime/body.ts'), helpers)] : []),
        ...(methods.some((m) => m.signature.parameters.some((p) => p.type.includes('RequestBodyOption<'))) ? [ts.importFrom('openapi-fetch', ['RequestBodyOption'], { typeOnly: true })] : []),
        ts.interfaceDeclaration({
          name: errorsName,
          isExported: true,
          docs: ctx.ts.docs({
            description: `What each method of \`${tag.className}\` rejects with: one \`ApiError\` per status the spec declares an error body for, typed by it, and \`OtherError\` for any other status or none. Narrow a caught error with \`api.isError(error, "method")\`, then by \`status\`.`,
          }),
          properties: methods.map(({ operation, signature }) => ({ name: operation.methodName, isReadonly: true, type: errorUnion(signature).join(' | ') })),
        }),
        ts.classDeclaration({
          name: tag.className,
          isExported: true,
          docs: ctx.ts.docs({
            summary: tag.description ?? `Operations tagged ${tag.name}.`,
            tags: [{ tagName: 'example', text: constructionExample(ctx, tag) }],
          }),
          properties: [{ name: '#core', isReadonly: true, type: 'ApiCore<paths>' }],
          ctors: [
            {
              docs: ctx.ts.docs({ description: 'Creates a client. Options apply to every call made with it; credentials are checked when an operation needs them.' }),
              parameters: [{ name: 'options', type: optionsType, initializer: '{}' }],
              statements: ['this.#core = new ApiCore<paths>(options, defaults);'],
            },
          ],
          methods: [
            {
              name: 'isError',
              docs: ctx.ts.docs({
                description: `Whether \`error\` is a failure of \`method\` on a \`${tag.className}\`; narrows it to that method's errors, whose \`body\` has the spec's type for their \`status\`.`,
                params: [
                  { name: 'error', text: 'what a call rejected with' },
                  { name: 'method', text: 'the method that was called' },
                ],
              }),
              typeParameters: [{ name: 'M', constraint: `keyof ${errorsName}` }],
              parameters: [
                { name: 'error', type: 'unknown' },
                { name: 'method', type: 'M' },
              ],
              returnType: `error is ${errorsName}[M]`,
              statements: [`return error instanceof ApiError && error.operationId === ${operationIds(ctx, tag)}[method];`],
            },
            ...methods.map(({ operation, signature }) => ({
            name: operation.methodName,
            docs: methodDocs(ctx, operation, signature),
            parameters: signature.parameters.map((p) => ({ name: p.name, type: p.type, hasQuestionToken: p.optional })),
            returnType: `ApiPromise<${signature.returnType}>`,
            statements: callStatement(ctx, operation, signature),
          })),
          ],
        }),
      ],
    };
  },
});

function methodDocs(ctx: TemplateContext, operation: OperationModel, signature: MethodSignature) {
  return ctx.ts.docs({
    summary: operation.summary,
    description: [operation.description, `\`${operation.method.toUpperCase()} ${operation.path}\` (operationId \`${operation.operationId}\`)`]
      .filter((part) => part !== undefined)
      .join('\n\n'),
    deprecated: operation.deprecated,
    params: signature.parameters.map((p) => ({ name: p.name, text: p.description ?? '' })),
    returns: `${signature.success?.description ?? 'The response body.'} Call \`.withResponse()\` on the result for the response headers and request id too.`,
    throws: [
      `{ApiError} A subclass per failure: ${errorClasses
        .filter((c) => c.name !== 'ApiError')
        .map((c) => `\`${c.name}\`${c.statuses ? ` (${c.statuses})` : ''}`)
        .join(', ')}.${declaredErrors(signature)} ${securityDocs(operation)}`,
    ],
  });
}

/** ` Declared error bodies: 422 \`Problem\` (Invalid input); default \`Error\`.` */
function declaredErrors(signature: MethodSignature): string {
  if (signature.errors.length === 0) return '';
  return ` Declared error bodies (\`error.body\` after \`isError\`): ${signature.errors.map((e) => `${e.status} \`${e.type}\`${e.description ? ` (${e.description})` : ''}`).join('; ')}.`;
}

/** `Needs BearerAuth, or ApiKey + AppId.` or that no credentials are sent. */
function securityDocs(operation: OperationModel): string {
  if (operation.security.length === 0) return 'Sends no credentials.';
  return `Rejects before sending anything without the credentials it needs: ${operation.security.map((r) => (r.schemes.length === 0 ? 'none' : r.schemes.map((s) => s.name).join(' + '))).join(', or ')}.`;
}

/**
 * The members of a method's error union: one per declared status, typed by its body; a range
 * (`4XX`) covers its statuses but the explicit codes; `default` every error status not declared
 * otherwise; `OtherError` what remains (2xx with an unreadable body, undeclared statuses, no response).
 */
function errorUnion(signature: MethodSignature): string[] {
  const codes = signature.errors.filter((e) => /^\d{3}$/.test(e.status));
  const ranges = signature.errors.filter((e) => /^[1-5]XX$/i.test(e.status));
  const fallback = signature.errors.find((e) => e.status === 'default');
  const codeUnion = codes.map((e) => e.status).join(' | ');
  const rangeUnion = ranges.length > 0 ? `StatusRange<${ranges.map((e) => e.status[0]).join(' | ')}>` : '';
  const minus = (base: string, taken: string) => (taken ? `Exclude<${base}, ${taken}>` : base);
  const members = [
    ...codes.map((e) => `ErrorWith<${e.type}, ${e.status}>`),
    ...ranges.map((e) => `ErrorWith<${e.type}, ${minus(`StatusRange<${e.status[0]}>`, codeUnion)}>`),
  ];
  const declared = [codeUnion, rangeUnion].filter(Boolean).join(' | ');
  if (fallback) members.push(`ErrorWith<${fallback.type}, ${minus('StatusRange<1 | 3 | 4 | 5>', declared)}>`);
  members.push(`OtherError<${[declared, fallback ? 'StatusRange<1 | 3 | 4 | 5>' : ''].filter(Boolean).join(' | ') || 'never'}>`);
  return members;
}

/** `{ createPet: "create-pet", ... }`: each method's operationId, which the core puts on its errors. */
function operationIds(ctx: TemplateContext, tag: TagModel): string {
  return `({ ${tag.operations.map((op) => `${op.methodName}: ${ctx.escape.stringLiteral(op.operationId)}`).join(', ')} } as const)`;
}

/**
 * `return this.#core.call<Result>("operation-id", "POST", "json", [["BearerAuth"]], options, (client, init) => client.POST("/path", { ...init, params, body }));`
 * The method tells the core whether the call carries an idempotency key, and which credentials
 * it needs (alternatives of schemes applied together; `[]` for none). The result type is explicit because `init` asks openapi-fetch to leave 2xx bodies unread (the
 * core reads them, as the response kind says: json, text, binary or none); the operationId keys
 * the optional response validator. Path arguments and `params` (query, header, cookie) go to
 * openapi-fetch's `params`; a non-JSON body gets its serializer and Content-Type (README,
 * "Method signatures").
 */
function callStatement(ctx: TemplateContext, operation: OperationModel, signature: MethodSignature): string {
  const { escape } = ctx;
  const members = ['...init'];
  const pathArgs = signature.parameters.filter((p) => p.role === 'path');
  const params: string[] = [];
  // Spread, not `query: params?.query`: an absent group stays absent (exactOptionalPropertyTypes).
  if (signature.parameters.some((p) => p.role === 'params')) params.push('...params');
  if (pathArgs.length > 0) params.push(`path: { ${pathArgs.map((p) => `${escape.valuePropertyKey(p.wireName!)}: ${p.name}`).join(', ')} }`);
  if (params.length > 0) members.push(`params: { ${params.join(', ')} }`);
  if (signature.parameters.some((p) => p.role === 'body')) members.push(...bodyMembers(ctx, signature));
  const method = operation.method.toUpperCase();
  const id = escape.stringLiteral(operation.operationId);
  return `return this.#core.call<${signature.returnType}>(${id}, ${escape.stringLiteral(method)}, ${escape.stringLiteral(responseKind(signature))}, ${securityLiteral(ctx, operation)}, options, (client, init) => client.${method}(${signature.pathLiteral}, { ${members.join(', ')} }));`;
}

/** The body and how openapi-fetch must send it. */
function bodyMembers(ctx: TemplateContext, signature: MethodSignature): string[] {
  const mediaType = ctx.escape.stringLiteral(signature.requestContentType!);
  const contentType = `headers: { "Content-Type": ${mediaType}, ...init.headers }`;
  switch (signature.requestKind) {
    case 'multipart':
      // No Content-Type: fetch writes it, with the boundary.
      return ['body', 'bodySerializer: formData'];
    case 'form':
      return ['body', 'bodySerializer: urlEncoded', contentType];
    case 'text':
      // A structured value under a textual media type (its schema is an object, as `paths` types
      // it) goes as JSON text; a string goes as it is.
      return textAsIs(signature) ? ['body', 'bodySerializer: asIs', contentType] : ['body', 'bodySerializer: (value: unknown) => (typeof value === "string" ? value : JSON.stringify(value))', contentType];
    case 'binary': {
      // Optional, or `| undefined` where a required argument follows it.
      const body = signature.parameters.find((p) => p.role === 'body')!;
      const mayBeUndefined = body.optional || body.type.endsWith(' | undefined');
      return [`body: ${mayBeUndefined ? `body === undefined ? undefined : binary(body, ${mediaType})` : `binary(body, ${mediaType})`}`, 'bodySerializer: asIs', contentType];
    }
    default:
      return ['body'];
  }
}

/** A text body typed `string` (a plain string schema) is sent as it is. */
function textAsIs(signature: MethodSignature): boolean {
  return signature.parameters.find((p) => p.role === 'body')?.type.replace(/ \| undefined$/, '') === 'string';
}

/** The runtime's body helpers a class uses. */
function bodyHelpers(signatures: readonly MethodSignature[]): string[] {
  const used = new Set<string>();
  for (const s of signatures) {
    if (s.requestKind === 'multipart') used.add('formData');
    if (s.requestKind === 'form') used.add('urlEncoded');
    if ((s.requestKind === 'text' && textAsIs(s)) || s.requestKind === 'binary') used.add('asIs');
    if (s.requestKind === 'binary') used.add('binary');
  }
  return [...used].sort();
}

/** How the core reads a 2xx body (runtime/response.ts): multipart or form responses are read as text. */
function responseKind(signature: MethodSignature): 'json' | 'text' | 'binary' | 'none' {
  const kind = signature.responseKind;
  return kind === 'json' || kind === 'binary' || kind === 'none' ? kind : 'text';
}

function usedModelTypes(ctx: TemplateContext, signatures: readonly MethodSignature[]): string[] {
  const names = new Set(ctx.model.schemas.map((s) => s.typeName));
  const used = new Set<string>();
  for (const signature of signatures) {
    for (const type of [signature.returnType, ...signature.parameters.map((p) => p.type), ...signature.errors.map((e) => e.type)]) {
      for (const word of type.split(/[^\w$]+/)) if (names.has(word)) used.add(word);
    }
  }
  return [...used].sort();
}
