import { defineTemplate, type OperationModel, type ParameterModel, type TagModel, type TemplateContext } from 'openapi-morph';
import { defaultBaseUrl, operationBaseUrl, relativeBasePath, serverNote } from './_base-url.ts';
import { argumentList, clientSetup, exampleArguments } from './_call-example.ts';
import { propertyTable } from './_property-table.ts';
import { scopesText } from './runtime/security.ts';

export default defineTemplate({
  apiVersion: 1,
  name: 'docs-api',
  description: 'docs/<Tag>Api.md: endpoint table and one section per method (signature, example, parameters, return type, auth, headers, responses)',
  scope: 'tag',
  render(ctx, tag) {
    const path = ctx.naming.apiDocFile(tag.className);
    const { md, escape } = ctx;
    // A relative server (`/v1`) is shown as its path: the `baseUrl` a caller passes ends with it.
    const base = defaultBaseUrl(ctx) ?? relativeBasePath(ctx);
    const lines: string[] = [`# ${tag.className}`, ''];
    if (tag.description) lines.push(md.block(tag.description), '');
    const own = tag.operations.some((operation) => operationBaseUrl(ctx, operation) !== undefined);
    const exceptions = own ? ', but for the methods whose section names a server of their own (a `baseUrl` you pass applies to them too)' : '';
    lines.push(base ? `All URIs are relative to *${md.text(base)}*${exceptions && `${exceptions}.`}` : `All URIs are relative to the \`baseUrl\` you pass to the client${exceptions}.`, '');
    lines.push(
      md.table(
        ['Method', 'HTTP request', 'Description'],
        tag.operations.map((op) => [
          `[**${op.methodName}**](${ctx.linkPath(path, path)}#${escape.markdownAnchor(op.methodName)})`,
          `**${op.method.toUpperCase()}** ${md.code(op.path)}`,
          md.cell(op.summary ?? op.description ?? ''),
        ]),
      ),
      '',
    );
    for (const operation of tag.operations) lines.push(...section(ctx, tag, operation, path));
    return { kind: 'text', path, content: lines.join('\n') };
  },
});

function section(ctx: TemplateContext, tag: TagModel, operation: OperationModel, path: string): string[] {
  const { md, escape } = ctx;
  const signature = ctx.signature(operation);
  const link = (typeName: string) => ctx.linkPath(path, ctx.naming.modelDocFile(typeName));
  const readme = ctx.linkPath(path, 'README.md');
  const lines = [
    `<a id="${escape.markdownAnchor(operation.methodName)}"></a>`,
    '',
    `## ${operation.methodName}`,
    '',
    // As the api template declares it: the runtime's ApiPromise (a Promise with `.withResponse()`).
    md.codeBlock('ts', `${operation.methodName}(${signature.parameterList}): ApiPromise<${signature.returnType}>`),
    '',
  ];
  if (operation.deprecated) lines.push('> **Deprecated.**', '');
  if (operation.summary) lines.push(`**${md.text(operation.summary)}**`, '');
  if (operation.description) lines.push(md.block(operation.description), '');
  const server = serverNote(ctx, operation);
  if (server) lines.push(server, '');

  lines.push('### Example', '', md.codeBlock('ts', example(ctx, tag, operation).join('\n')), '');

  lines.push('### Parameters', '');
  // A body the spec writes inline has no model page: its properties follow the parameters.
  const bodySchema = signature.requestMedia?.schema;
  const bodyTable = bodySchema && bodySchema.kind !== 'ref' ? propertyTable(ctx, bodySchema, link) : undefined;
  lines.push(
    md.table(
      ['Name', 'Type', 'Description', 'Notes'],
      signature.parameters.map((p) => {
        const typeCell =
          p.role === 'body' && bodySchema?.kind === 'ref'
            ? md.schemaType(bodySchema, link)
            : p.role === 'body' && bodyTable !== undefined
              ? 'object (properties below)'
              : md.code(p.type);
        const path = p.role === 'path' ? operation.parameters.path.find((q) => q.name === p.wireName) : undefined;
        const notes = [p.optional ? 'optional' : 'required', p.role === 'path' ? `path parameter ${md.code(p.wireName ?? p.name)}` : '', path ? contentNote(md, path, link) : ''].filter(Boolean).join(', ');
        return [`**${p.name}**`, typeCell, md.cell(p.description ?? ''), notes];
      }),
    ),
    '',
  );
  if (bodyTable !== undefined) lines.push(`#### Body properties (${md.code(signature.parameters.find((p) => p.role === 'body')!.name)}, ${md.code(signature.requestMedia!.mediaType)})`, '', bodyTable, '');
  for (const location of ['query', 'header', 'cookie'] as const) {
    const params = operation.parameters[location];
    if (params.length === 0) continue;
    lines.push(`#### ${location[0]!.toUpperCase()}${location.slice(1)} parameters (\`params.${location}\`)`, '');
    lines.push(
      md.table(
        ['Name', 'Type', 'Description', 'Notes'],
        params.map((p) => [
          md.code(p.name),
          p.contentType === undefined ? md.schemaType(p.schema, link) : md.code('string'),
          md.cell(p.description ?? ''),
          [p.required ? 'required' : 'optional', p.deprecated ? 'deprecated' : '', contentNote(md, p, link)].filter(Boolean).join(', '),
        ]),
      ),
      '',
    );
  }

  lines.push('### Return type', '');
  lines.push(signature.successMedia ? md.schemaType(signature.successMedia.schema, link) : 'void (empty response body)', '');
  // A result the spec writes inline, as a body: its properties.
  const resultSchema = signature.successMedia?.schema;
  const resultTable = resultSchema && resultSchema.kind !== 'ref' ? propertyTable(ctx, resultSchema, link) : undefined;
  if (resultTable !== undefined) lines.push(resultTable, '');

  lines.push('### Authorization', '');
  lines.push(
    operation.security.length === 0
      ? 'No authorization required: the call sends no credentials.'
      : `${operation.security.length > 1 ? 'Any one of: ' : ''}${operation.security.map((r) => (r.schemes.length === 0 ? 'no credentials' : r.schemes.map((s) => `[${md.text(s.name)}](${readme}#authorization)${scopesText(ctx, s.scopes)}`).join(' and '))).join(', or ')}. See [Authorization](${readme}#authorization) for how to pass each.`,
    '',
  );

  lines.push('### HTTP request headers', '');
  // What the method sends (signature.ts), not every media type the spec lists.
  lines.push(`- **Content-Type**: ${signature.requestContentType !== undefined ? md.code(signature.requestContentType) : 'Not defined'}`);
  lines.push(`- **Accept**: ${signature.accept !== undefined ? md.code(signature.accept) : 'Not defined'}`, '');

  lines.push('### HTTP response details', '');
  lines.push(
    md.table(
      ['Status code', 'Description', 'Response headers'],
      operation.responses.map((r) => [`**${md.cell(r.status)}**`, md.cell(r.description ?? ''), r.headers.length > 0 ? r.headers.map((h) => md.code(h.name)).join(', ') : '-']),
    ),
    '',
  );
  lines.push(
    `Failures reject with [\`ApiError\`](${readme}#errors) or one of its subclasses (retried first where that can help: see [retries](${readme}#retries-timeouts-and-cancellation)). After \`api.isError(error, ${escape.stringLiteral(operation.methodName)})\`, checking \`error.status\` types \`error.body\` as the row for that status declares (\`${tag.className}Errors\`); other bodies are the parsed JSON, else the text. The method returns an \`ApiPromise\`: call [\`.withResponse()\`](${readme}#response-headers-and-request-id) on it for the response headers and request id too.`,
    '',
  );
  lines.push(`[[Back to top]](#${escape.markdownAnchor(tag.className)}) [[Back to API list]](${readme}#api-endpoints) [[Back to Model list]](${readme}#models) [[Back to README]](${readme})`, '');
  return lines;
}

/** For a parameter defined by `content`: "`application/json` text of [Key](Key.md)", what the string holds. */
function contentNote(md: TemplateContext['md'], param: ParameterModel, link: (typeName: string) => string): string {
  return param.contentType === undefined ? '' : `${md.code(param.contentType)} text of ${md.schemaType(param.schema, link)}`;
}

/** A call with a small, valid argument for every required parameter; type-checked by the test suite. */
function example(ctx: TemplateContext, tag: TagModel, operation: OperationModel): string[] {
  const signature = ctx.signature(operation);
  const args = argumentList(exampleArguments(ctx, operation));
  const result = signature.returnType === 'void' ? '' : 'const result = ';
  return [
    ...clientSetup(ctx, tag),
    `${result}await api.${operation.methodName}(${args});`,
    ...(result ? ['console.log(result);'] : []),
  ];
}
