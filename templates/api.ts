import { defineTemplate, type MethodSignature, type OperationModel, type TemplateContext } from 'openapi-morph';

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
    return {
      kind: 'typescript',
      path,
      statements: [
        ts.importFrom(ctx.importPath(path, 'src/schema.ts'), ['paths'], { typeOnly: true }),
        ...(modelTypes.length > 0 ? [ts.importFrom(ctx.importPath(path, 'src/models.ts'), modelTypes, { typeOnly: true })] : []),
        ts.importFrom(ctx.importPath(path, 'src/runtime/api-promise.ts'), ['ApiPromise'], { typeOnly: true }),
        ts.importFrom(ctx.importPath(path, 'src/runtime/core.ts'), ['ApiCore']),
        ts.importFrom(ctx.importPath(path, 'src/runtime/options.ts'), ['ClientOptions', 'RequestOptions'], { typeOnly: true }),
        ts.importFrom(ctx.importPath(path, 'src/runtime/defaults.ts'), ['defaults']),
        ...(helpers.length > 0 ? [ts.importFrom(ctx.importPath(path, 'src/runtime/body.ts'), helpers)] : []),
        ts.classDeclaration({
          name: tag.className,
          isExported: true,
          docs: ctx.ts.docs({
            summary: tag.description ?? `Operations tagged ${tag.name}.`,
            tags: [{ tagName: 'example', text: `const api = new ${tag.className}({ apiKey: process.env.OPENAI_API_KEY });` }],
          }),
          properties: [{ name: '#core', isReadonly: true, type: 'ApiCore<paths>' }],
          ctors: [
            {
              docs: ctx.ts.docs({ description: 'Creates a client. Options apply to every call made with it.' }),
              parameters: [{ name: 'options', type: 'ClientOptions', initializer: '{}' }],
              statements: ['this.#core = new ApiCore<paths>(options, defaults);'],
            },
          ],
          methods: methods.map(({ operation, signature }) => ({
            name: operation.methodName,
            docs: methodDocs(ctx, operation, signature),
            parameters: signature.parameters.map((p) => ({ name: p.name, type: p.type, hasQuestionToken: p.optional })),
            returnType: `ApiPromise<${signature.returnType}>`,
            statements: callStatement(ctx, operation, signature),
          })),
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
      '{ApiError} A subclass per failure: `BadRequestError` (400), `AuthenticationError` (401), `PermissionDeniedError` (403), `NotFoundError` (404), `ConflictError` (409), `UnprocessableEntityError` (422), `RateLimitError` (429), `InternalServerError` (>= 500), `ConnectionError`, `TimeoutError`, `InvalidResponseError` (an unreadable 2xx body).',
    ],
  });
}

/**
 * `return this.#core.call<Result>("operation-id", "POST", "json", options, (client, init) => client.POST("/path", { ...init, params, body }));`
 * The method tells the core whether the call carries an idempotency key. The result type is explicit because `init` asks openapi-fetch to leave 2xx bodies unread (the
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
  return `return this.#core.call<${signature.returnType}>(${id}, ${escape.stringLiteral(method)}, ${escape.stringLiteral(responseKind(signature))}, options, (client, init) => client.${method}(${signature.pathLiteral}, { ${members.join(', ')} }));`;
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
      return ['body', 'bodySerializer: asIs', contentType];
    case 'binary':
      return [`body: ${signature.parameters.find((p) => p.role === 'body')!.optional ? `body === undefined ? undefined : binary(body, ${mediaType})` : `binary(body, ${mediaType})`}`, 'bodySerializer: asIs', contentType];
    default:
      return ['body'];
  }
}

/** The runtime's body helpers a class uses. */
function bodyHelpers(signatures: readonly MethodSignature[]): string[] {
  const used = new Set<string>();
  for (const s of signatures) {
    if (s.requestKind === 'multipart') used.add('formData');
    if (s.requestKind === 'form') used.add('urlEncoded');
    if (s.requestKind === 'text' || s.requestKind === 'binary') used.add('asIs');
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
    for (const type of [signature.returnType, ...signature.parameters.map((p) => p.type)]) {
      for (const word of type.split(/[^\w$]+/)) if (names.has(word)) used.add(word);
    }
  }
  return [...used].sort();
}
