import { bodyKind, type EncodingModel, type MediaTypeModel, type ObjectMember, type OperationModel, type TemplateContext } from 'openapi-morph';

/**
 * `{ ids: { explode: false } }`: the table of `styledQuery` (runtime/query.ts) for each query
 * parameter the spec writes other than OpenAPI's default way (`form`, exploded, reserved characters
 * encoded); `undefined` when every one goes so, and the client's query serializer serves.
 */
export function queryStyles(ctx: TemplateContext, operation: OperationModel): string | undefined {
  return table(ctx, operation.parameters.query.map((p) => [p.name, style(ctx, p)]));
}

/** The same for the cookie parameters (`withCookies` writes them as a query is: `form`, exploded). */
export function cookieStyles(ctx: TemplateContext, operation: OperationModel): string | undefined {
  return table(ctx, operation.parameters.cookie.map((p) => [p.name, style(ctx, p)]));
}

/**
 * The same for a form body's properties, from the media type's `encoding`: a style as for a
 * parameter, listed even at OpenAPI's default (`{}`), since `formBody` writes a property its
 * encoding does not name otherwise (an object as JSON text); without one, a JSON content type
 * writes the property as JSON text.
 */
export function formStyles(ctx: TemplateContext, media: MediaTypeModel): string | undefined {
  return table(
    ctx,
    Object.entries(media.encoding ?? {}).map(([name, encoding]) => {
      const given = encoding.style !== undefined || encoding.explode !== undefined || encoding.allowReserved !== undefined;
      if (given) return [name, style(ctx, encoding) ?? []];
      if (encoding.contentType === undefined) return [name, undefined];
      return [name, bodyKind({ mediaType: encoding.contentType, schema: { kind: 'unknown', nullable: false } }) === 'json' ? [['json', 'true']] : undefined];
    }),
  );
}

/** One entry's members, `undefined` at OpenAPI's default; `explode` as given (absent: the runtime applies OpenAPI's default for the style). */
function style(ctx: TemplateContext, { style = 'form', explode, allowReserved }: Pick<EncodingModel, 'style' | 'explode' | 'allowReserved'>): ObjectMember[] | undefined {
  if (style === 'form' && explode !== false && !allowReserved) return undefined;
  const members: ObjectMember[] = [];
  if (style !== 'form') members.push(['style', ctx.escape.stringLiteral(style)]);
  if (explode !== undefined) members.push(['explode', String(explode)]);
  if (allowReserved) members.push(['allowReserved', 'true']);
  return members;
}

function table(ctx: TemplateContext, entries: readonly (readonly [name: string, members: ObjectMember[] | undefined])[]): string | undefined {
  const listed = entries.flatMap(([name, members]) => (members === undefined ? [] : [[name, ctx.ts.objectLiteral(members)] as [string, string]]));
  return listed.length > 0 ? ctx.ts.objectLiteral(listed) : undefined;
}
