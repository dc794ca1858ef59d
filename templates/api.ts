import { defineTemplate, typedByOpenapiFetch, type ImportRegistry, type MediaTypeModel, type MethodSignature, type ObjectMember, type OperationModel, type SchemaNode, type TagModel, type TemplateContext } from 'openapi-morph';
import { operationBaseUrl, serverNote } from './_base-url.ts';
import { constructionExample } from './_call-example.ts';
import { cookieStyles, formStyles, queryStyles } from './_query-styles.ts';
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
    // Every name from another module is recorded where the code uses it; the imports follow from that.
    const imports = ts.imports(path);
    const methods = tag.operations.map((operation) => ({ operation, signature: ctx.signature(operation) }));
    // One core per server that operations of this tag have of their own (`#core1`, ...), which a
    // client's `baseUrl` overrides as it does the document's.
    const bases = new Map(tag.operations.map((operation) => [operation, operationBaseUrl(ctx, operation)]));
    const servers = [...new Set(bases.values())].filter((url) => url !== undefined);
    const coreOf = (operation: OperationModel): string => {
      const own = bases.get(operation);
      return own === undefined ? '#core' : `#core${servers.indexOf(own) + 1}`;
    };
    // The client's own core only where a method uses it: a class whose every operation has its own
    // server does not need the document's (which may be relative, and so demand a `baseUrl`).
    const usesDefault = tag.operations.some((operation) => coreOf(operation) === '#core');
    for (const { signature } of methods) imports.types(signature.referencedTypes);
    const paths = imports.type('paths', 'src/schema.ts');
    const core = imports.value('ApiCore', runtime('core'));
    const errorsName = `${tag.className}Errors`;
    const clientOptions = `${imports.type('ClientOptions', runtime('options'))}<${imports.type('AuthOptions', runtime('defaults'))}>`;
    // Without a token scheme there is nothing for the `apiKey` shorthand to stand for.
    const optionsType = tokenScheme(ctx) ? clientOptions : `Omit<${clientOptions}, "apiKey">`;
    const errors = ts.interfaceDeclaration({
      name: errorsName,
      isExported: true,
      docs: ctx.ts.docs({
        description: `What each method of \`${tag.className}\` rejects with: one \`ApiError\` per status the spec declares an error body for, typed by it, and \`OtherError\` for any other status or none. Narrow a caught error with \`api.isError(error, "method")\`, then by \`status\`.`,
      }),
      properties: methods.map(({ operation, signature }) => ({ name: operation.methodName, isReadonly: true, type: errorUnion(signature, imports).join(' | ') })),
    });
    const api = ts.classDeclaration({
      name: tag.className,
      isExported: true,
      docs: ctx.ts.docs({
        summary: tag.description ?? `Operations tagged ${tag.name}.`,
        tags: [{ tagName: 'example', text: constructionExample(ctx, tag) }],
      }),
      properties: [...(usesDefault ? ['#core'] : []), ...servers.map((_, index) => `#core${index + 1}`)].map((name) => ({ name, isReadonly: true, type: `${core}<${paths}>` })),
      ctors: [
        {
          docs: ctx.ts.docs({ description: 'Creates a client. Options apply to every call made with it; credentials are checked when an operation needs them.' }),
          parameters: [{ name: 'options', type: optionsType, initializer: '{}' }],
          statements: [
            ...(usesDefault ? [`this.#core = ${ts.construct(core, ['options', imports.value('defaults', runtime('defaults'))], [paths])};`] : []),
            ...servers.map(
              (url, index) =>
                `this.#core${index + 1} = ${ts.construct(core, [ts.objectLiteral(['...options', ['baseUrl', `options.baseUrl ?? ${ctx.escape.stringLiteral(url)}`]]), imports.value('defaults', runtime('defaults'))], [paths])};`,
            ),
          ],
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
          statements: [ts.returnStatement(`error instanceof ${imports.value('ApiError', runtime('errors'))} && error.operationId === ${operationIds(ctx, tag)}[method]`)],
        },
        ...methods.map(({ operation, signature }) => ({
          name: operation.methodName,
          docs: methodDocs(ctx, operation, signature),
          parameters: signature.parameters.map((p) => ({ name: p.name, type: p.type, hasQuestionToken: p.optional })),
          returnType: `${imports.type('ApiPromise', runtime('api-promise'))}<${signature.returnType}>`,
          statements: callStatement(ctx, imports, operation, signature, coreOf(operation)),
        })),
      ],
    });
    return { kind: 'typescript', path, statements: [...imports.declarations(), errors, api] };
  },
});

/** A module of the runtime template's (`src/runtime/<file>.ts`). */
function runtime(file: string): string {
  return `src/runtime/${file}.ts`;
}

function methodDocs(ctx: TemplateContext, operation: OperationModel, signature: MethodSignature) {
  return ctx.ts.docs({
    summary: operation.summary,
    description: [operation.description, `\`${operation.method.toUpperCase()} ${operation.path}\` (operationId \`${operation.operationId}\`)`, serverNote(ctx, operation)]
      .filter((part) => part !== undefined)
      .join('\n\n'),
    deprecated: operation.deprecated,
    params: signature.parameters.map((p) => ({ name: p.name, text: p.description ?? '' })),
    returns: `${sentence(signature.success?.description || 'The response body.')}${signature.responseKind === 'stream' ? STREAM_NOTE : ''} Call \`.withResponse()\` on the result for the response headers and request id too.`,
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
function errorUnion(signature: MethodSignature, imports: ImportRegistry): string[] {
  const body = (name: 'ErrorWith' | 'OtherError' | 'StatusRange') => imports.type(name, runtime('error-bodies'));
  const codes = signature.errors.filter((e) => /^\d{3}$/.test(e.status));
  const ranges = signature.errors.filter((e) => /^[1-5]XX$/i.test(e.status));
  const fallback = signature.errors.find((e) => e.status === 'default');
  const codeUnion = codes.map((e) => e.status).join(' | ');
  const rangeUnion = ranges.length > 0 ? `${body('StatusRange')}<${ranges.map((e) => e.status[0]).join(' | ')}>` : '';
  const minus = (base: string, taken: string) => (taken ? `Exclude<${base}, ${taken}>` : base);
  const members = [
    ...codes.map((e) => `${body('ErrorWith')}<${e.type}, ${e.status}>`),
    ...ranges.map((e) => `${body('ErrorWith')}<${e.type}, ${minus(`${body('StatusRange')}<${e.status[0]}>`, codeUnion)}>`),
  ];
  const declared = [codeUnion, rangeUnion].filter(Boolean).join(' | ');
  const anyError = () => `${body('StatusRange')}<1 | 3 | 4 | 5>`;
  if (fallback) members.push(`${body('ErrorWith')}<${fallback.type}, ${minus(anyError(), declared)}>`);
  members.push(`${body('OtherError')}<${[declared, fallback ? anyError() : ''].filter(Boolean).join(' | ') || 'never'}>`);
  return members;
}

/** `{ createPet: "create-pet", ... }`: each method's operationId, which the core puts on its errors. */
function operationIds(ctx: TemplateContext, tag: TagModel): string {
  return `(${ctx.ts.objectLiteral(tag.operations.map((op) => [op.methodName, ctx.escape.stringLiteral(op.operationId)]))} as const)`;
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
function callStatement(ctx: TemplateContext, imports: ImportRegistry, operation: OperationModel, signature: MethodSignature, core: string): string {
  const { escape, ts } = ctx;
  // The arrow's parameters must not shadow the method's (a path parameter named `client`: Keycloak's).
  const taken = new Set(signature.parameters.map((p) => p.name));
  const local = (name: string): string => (taken.has(name) ? local(`_${name}`) : name);
  const client = local('client');
  const init = local('init');
  const members: ObjectMember[] = [`...${init}`];
  const pathArgs = signature.parameters.filter((p) => p.role === 'path');
  const params: ObjectMember[] = [];
  // Spread, not `query: params?.query`: an absent group stays absent (exactOptionalPropertyTypes).
  if (signature.parameters.some((p) => p.role === 'params')) params.push('...params');
  if (pathArgs.length > 0) params.push(['path', ts.objectLiteral(pathArgs.map((p) => [p.wireName!, p.name]))]);
  // A parameter reaching a read/write marker is its `Writable` view, which openapi-fetch (typing
  // parameters as `paths` has them, `$Read<T>` included) does not take: it gets them as `never`.
  const parameters = [...operation.parameters.path, ...operation.parameters.query, ...operation.parameters.header, ...operation.parameters.cookie];
  const marked = parameters.some((p) => ctx.readWriteMarked(p.schema));
  if (params.length > 0) members.push(['params', marked ? `${ts.objectLiteral(params)} as never` : ts.objectLiteral(params)]);
  const styles = queryStyles(ctx, operation);
  if (styles !== undefined) members.push(['querySerializer', ts.call(imports.value('styledQuery', runtime('query')), [styles])]);
  // The Accept header says what the method reads (`signature.accept`); the call's headers replace it.
  const accept: ObjectMember[] = signature.accept === undefined ? [] : [['Accept', escape.stringLiteral(signature.accept)]];
  // Cookie parameters go in the Cookie header, which openapi-fetch does not write.
  const headers = (given: readonly ObjectMember[]): string => {
    const literal = ts.objectLiteral([...accept, ...given, `...${init}.headers`]);
    if (operation.parameters.cookie.length === 0) return literal;
    const cookieTable = cookieStyles(ctx, operation);
    return ts.call(imports.value('withCookies', runtime('query')), [literal, 'params?.cookie', ...(cookieTable === undefined ? [] : [cookieTable])]);
  };
  if (signature.parameters.some((p) => p.role === 'body')) members.push(...typedForOpenapiFetch(bodyMembers(ctx, imports, signature, headers), signature.requestMedia!));
  if ((operation.parameters.cookie.length > 0 || accept.length > 0) && !members.some((m) => Array.isArray(m) && m[0] === 'headers')) members.push(['headers', headers([])]);
  const method = operation.method.toUpperCase();
  const send = ts.arrowFunction([client, init], ts.call(`${client}.${method}`, [signature.pathLiteral, ts.objectLiteral(members)]));
  const args = [escape.stringLiteral(operation.operationId), escape.stringLiteral(method), responseKinds(ctx, signature), securityLiteral(ctx, operation), 'options', send];
  return ts.returnStatement(ts.call(`this.${core}.call`, args, [signature.returnType]));
}

/** The body and how openapi-fetch must send it. */
function bodyMembers(ctx: TemplateContext, imports: ImportRegistry, signature: MethodSignature, headers: (given: readonly ObjectMember[]) => string): ObjectMember[] {
  const { ts } = ctx;
  const helper = (name: 'asIs' | 'binary' | 'formBody' | 'formData' | 'typedParts') => imports.value(name, runtime('body'));
  const mediaType = ctx.escape.stringLiteral(signature.requestContentType!);
  // Optional, or `| undefined` where a required argument follows it: then no Content-Type without a body.
  const body = signature.parameters.find((p) => p.role === 'body')!;
  const mayBeUndefined = body.optional || body.type.endsWith(' | undefined');
  const typeHeader = ts.objectLiteral([['Content-Type', mediaType]]);
  const contentType: ObjectMember = ['headers', headers([mayBeUndefined ? `...(body === undefined ? {} : ${typeHeader})` : ['Content-Type', mediaType]])];
  switch (signature.requestKind) {
    case 'multipart': {
      // No Content-Type: fetch writes it, with the boundary. A Blob without a type goes as the
      // `encoding`'s media type for its part (runtime/body.ts `typedParts`), the first of a list,
      // unless the list allows any bytes (`application/octet-stream`) or that one is a range.
      const types = Object.entries(signature.requestMedia!.encoding ?? {}).flatMap(([name, { contentType }]) => {
        const listed = (contentType ?? '').split(',').map((type) => type.trim()).filter((type) => type !== '');
        const first = listed[0];
        if (first === undefined || first.includes('*') || listed.some((type) => /^application\/octet-stream\b/i.test(type))) return [];
        return [[name, ctx.escape.stringLiteral(first)] as [string, string]];
      });
      return ['body', ['bodySerializer', types.length === 0 ? helper('formData') : ts.call(helper('typedParts'), [ts.objectLiteral(types)])]];
    }
    case 'form': {
      // A form body is a query string, written as the spec's `encoding` says (runtime/body.ts).
      const styles = formStyles(ctx, signature.requestMedia!);
      return ['body', ['bodySerializer', ts.call(helper('formBody'), styles === undefined ? [] : [styles])], contentType];
    }
    case 'text':
      // A structured value under a textual media type (its schema is an object, as `paths` types
      // it) goes as JSON text; a string goes as it is.
      return textAsIs(signature)
        ? ['body', ['bodySerializer', helper('asIs')], contentType]
        : ['body', ['bodySerializer', ts.arrowFunction(['value: unknown'], '(typeof value === "string" ? value : JSON.stringify(value))')], contentType];
    case 'binary': {
      const blob = ts.call(helper('binary'), ['body', mediaType]);
      // The media type says bytes; a schema that says otherwise (an array of `format: byte`
      // strings, 2.0's `type: object, format: file`) types `paths` as that shape, not as the Blob
      // that is sent: the method keeps taking bytes and the Blob is passed as what `paths` wants.
      const bytes = describesBytes(signature.requestMedia!.schema) ? blob : `(${blob} as unknown as ${bodyPathsType(ctx, signature)})`;
      return [['body', mayBeUndefined ? `body === undefined ? undefined : ${bytes}` : bytes], ['bodySerializer', helper('asIs')], contentType];
    }
    default:
      return ['body'];
  }
}

/**
 * A body under a media type openapi-fetch does not type (`typedByOpenapiFetch`) is passed to it as
 * `never`, the one type its request accepts there. The method's argument keeps the type `paths`
 * gives it, and the runtime sends it as its kind says.
 */
function typedForOpenapiFetch(members: readonly ObjectMember[], media: MediaTypeModel): readonly ObjectMember[] {
  if (typedByOpenapiFetch(media)) return members;
  return members.map((member) => (member === 'body' ? ['body', 'body as never'] : typeof member !== 'string' && member[0] === 'body' ? ['body', `(${member[1]}) as never`] : member));
}

/** A schema `paths` types as the Blob a binary body is sent as (`format: binary`), or as `unknown` (none). */
function describesBytes(schema: SchemaNode): boolean {
  return (schema.kind === 'string' && schema.format === 'binary') || schema.kind === 'unknown';
}

/** `NonNullable<paths["/a"]["post"]["requestBody"]>["content"]["application/octet-stream"]`: the body as `paths` types it. */
function bodyPathsType(ctx: TemplateContext, signature: MethodSignature): string {
  return `NonNullable<${signature.operationType}["requestBody"]>["content"][${ctx.escape.stringLiteral(signature.requestMedia!.mediaType)}]`;
}

/** A text body typed `string` (a plain string schema) is sent as it is. */
function textAsIs(signature: MethodSignature): boolean {
  return signature.parameters.find((p) => p.role === 'body')?.type.replace(/ \| undefined$/, '') === 'string';
}

/**
 * How the core reads a 2xx body (runtime/response.ts): `"json"`, or where the statuses differ,
 * `{ other: "json", 202: "none" }` (`other`: a `2XX` range's kind, else the first success response's). Multipart or form responses are read as text; a stream is handed over unread.
 */
function responseKinds(ctx: TemplateContext, signature: MethodSignature): string {
  const kind = (given: MethodSignature['responseKind']) => ctx.escape.stringLiteral(given === 'multipart' || given === 'form' ? 'text' : given);
  // A `2XX` range reads the statuses not declared; the first success response's own status then needs an entry.
  const range = Object.entries(signature.responseKinds).find(([status]) => /^2XX$/i.test(status))?.[1];
  const other = kind(range ?? signature.responseKind);
  const first = range !== undefined && signature.success && /^2\d\d$/.test(signature.success.status) ? { [signature.success.status]: signature.responseKind } : {};
  const exact = Object.entries({ ...first, ...signature.responseKinds }).filter(([status]) => /^2\d\d$/.test(status));
  const statuses = exact.flatMap(([status, given]): ObjectMember[] => (kind(given) === other ? [] : [[status, kind(given)]]));
  return statuses.length === 0 ? other : ctx.ts.objectLiteral([['other', other], ...statuses]);
}

/** What a method that hands its body over as a stream says of it. */
const STREAM_NOTE =
  ' It comes as a stream of bytes, resolved once the response headers are in and read as it arrives (for Server-Sent Events, decode it and split it at blank lines); the timeout covers the headers only, and the call is not retried after them. Cancel the stream, or abort the signal, to stop it.';

/** A description as a sentence before another: ending in a period unless it ends in punctuation already (`Image uploaded` read into the next sentence). */
function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?:;)\]`*_]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}
