import { stringLiteral } from '../escape/string-literal.ts';
import type { MediaTypeModel, OperationModel, ParameterModel, ResponseModel, SchemaNode } from '../model/types.ts';
import { NameRegistry, sanitizeIdentifier } from '../naming/identifier.ts';
import { camelCase } from '../naming/words.ts';
import { schemaType } from './ts-helpers.ts';

/** One argument of a generated method. */
export interface MethodParameter {
  /** Argument name in the generated code. */
  readonly name: string;
  /** TypeScript type (refers to model types, or to `paths` for inline shapes). */
  readonly type: string;
  readonly optional: boolean;
  readonly role: 'path' | 'body' | 'params' | 'options';
  readonly description?: string;
  /** For `path` arguments: the parameter's name on the wire. */
  readonly wireName?: string;
}

/**
 * How an operation becomes a method. The rules (also in the README):
 * 1. one positional argument per path parameter, in path order, camelCased;
 * 2. `body` when the operation has a request body (optional when the body is);
 * 3. `params: { query?, header?, cookie? }` when it has such parameters (required when one is);
 * 4. `options?: RequestOptions` last.
 * The result is the parsed body of the first 2xx response: its model type, or `void` without content.
 */
export interface MethodSignature {
  readonly parameters: readonly MethodParameter[];
  readonly returnType: string;
  readonly success: ResponseModel | undefined;
  readonly successMedia: MediaTypeModel | undefined;
  readonly requestMedia: MediaTypeModel | undefined;
  /** `paths["/a/{id}"]["post"]`, the openapi-typescript type of the operation. */
  readonly operationType: string;
  /** The path as a string literal, for openapi-fetch calls. */
  readonly pathLiteral: string;
  /** `createRealtimeSession(body: X, options?: RequestOptions): Promise<Y>` */
  readonly text: string;
}

const JSON_MEDIA = /^application\/(.+\+)?json(;.*)?$/i;

export function preferredMedia(content: readonly MediaTypeModel[]): MediaTypeModel | undefined {
  return content.find((m) => JSON_MEDIA.test(m.mediaType)) ?? content[0];
}

export function successResponse(operation: OperationModel): ResponseModel | undefined {
  return operation.responses.find((r) => /^2/.test(r.status)) ?? operation.responses.find((r) => r.status === 'default');
}

export function methodSignature(operation: OperationModel): MethodSignature {
  const operationType = `paths[${stringLiteral(operation.path)}][${stringLiteral(operation.method)}]`;
  const names = new NameRegistry(['body', 'params', 'options', 'paths']);
  const parameters: MethodParameter[] = [];

  for (const param of orderedPathParameters(operation)) {
    parameters.push({
      name: names.claim(sanitizeIdentifier(camelCase(param.name), 'param')),
      type: schemaType(param.schema),
      optional: false,
      role: 'path',
      wireName: param.name,
      ...(param.description !== undefined ? { description: param.description } : {}),
    });
  }
  const body = operation.requestBody;
  const requestMedia = body ? preferredMedia(body.content) : undefined;
  if (body && requestMedia) {
    parameters.push({
      name: 'body',
      type: typeOf(requestMedia.schema, `NonNullable<${operationType}["requestBody"]>["content"][${stringLiteral(requestMedia.mediaType)}]`),
      optional: !body.required,
      role: 'body',
      ...(body.description !== undefined ? { description: body.description } : {}),
    });
  }
  const other = [...operation.parameters.query, ...operation.parameters.header, ...operation.parameters.cookie];
  if (other.length > 0) {
    const groups = (['query', 'header', 'cookie'] as const).filter((location) => operation.parameters[location].length > 0);
    const members = groups.map((location) => {
      const required = operation.parameters[location].some((p) => p.required);
      return `${location}${required ? '' : '?'}: NonNullable<${operationType}["parameters"][${stringLiteral(location)}]>`;
    });
    parameters.push({
      name: 'params',
      type: `{ ${members.join('; ')} }`,
      optional: !other.some((p) => p.required),
      role: 'params',
      description: `${groups.join(', ')} parameters`,
    });
  }
  parameters.push({ name: 'options', type: 'RequestOptions', optional: true, role: 'options', description: 'per-call options: an AbortSignal, extra headers, maxRetries, timeoutMs' });
  // A required argument cannot follow an optional one: earlier optional ones take `| undefined` instead.
  const lastRequired = parameters.map((p) => p.optional).lastIndexOf(false);
  const fixed = parameters.map((p, index) => (p.optional && index < lastRequired ? { ...p, optional: false, type: `${p.type} | undefined` } : p));

  const success = successResponse(operation);
  const successMedia = success ? preferredMedia(success.content) : undefined;
  const returnType = successMedia
    ? typeOf(successMedia.schema, `${operationType}["responses"][${stringLiteral(success!.status)}]["content"][${stringLiteral(successMedia.mediaType)}]`)
    : 'void';
  const args = fixed.map((p) => `${p.name}${p.optional ? '?' : ''}: ${p.type}`).join(', ');
  return {
    parameters: fixed,
    returnType,
    success,
    successMedia,
    requestMedia,
    operationType,
    pathLiteral: stringLiteral(operation.path),
    text: `${operation.methodName}(${args}): Promise<${returnType}>`,
  };
}

/** A named schema reads best by its type name; anything inline is typed through openapi-typescript's `paths`. */
function typeOf(schema: SchemaNode, fallback: string): string {
  if (schema.kind === 'ref') return schema.nullable ? `${schema.typeName} | null` : schema.typeName;
  if (schema.kind === 'unknown') return 'unknown';
  return fallback;
}

function orderedPathParameters(operation: OperationModel): ParameterModel[] {
  const inPath = [...operation.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
  const byName = new Map(operation.parameters.path.map((p) => [p.name, p]));
  const ordered = inPath.flatMap((name) => (byName.has(name) ? [byName.get(name)!] : []));
  return [...ordered, ...operation.parameters.path.filter((p) => !inPath.includes(p.name))];
}
