import yaml from 'js-yaml';
import type { JsonObject } from '../../generator/json.ts';
import { defaultLimits, parseSpec } from '../../generator/load/index.ts';
import { sourceFromText } from '../../generator/load/source.ts';
import type { SpecDocument } from '../../generator/spec-context.ts';

/**
 * Small hand-written APIs for the diff's fixture tests: one operation, `POST /things`
 * (operationId `create-thing`), whose request and response schemas each test replaces.
 */
export interface ApiParts {
  readonly openapi?: '3.0.3' | '3.1.0';
  /** Request body schema; omit for no request body. */
  readonly request?: unknown;
  /** `requestBody.required` (default true). */
  readonly requestRequired?: boolean;
  /** The 200 response's schema (default: an object with an `id`). */
  readonly response?: unknown;
  readonly schemas?: JsonObject;
  readonly path?: string;
  readonly method?: string;
  readonly operationId?: string;
  /** Members merged into the operation (parameters, tags, responses, ...). */
  readonly operation?: JsonObject;
  /** Members merged into the document root (servers, security, info, components, ...). */
  readonly root?: JsonObject;
  /** More path items, next to the main operation. */
  readonly paths?: JsonObject;
}

export function api(parts: ApiParts = {}): JsonObject {
  const operation: JsonObject = {
    operationId: parts.operationId ?? 'create-thing',
    ...(parts.request !== undefined
      ? { requestBody: { required: parts.requestRequired ?? true, content: { 'application/json': { schema: parts.request } } } }
      : {}),
    responses: { '200': { description: 'The thing.', content: { 'application/json': { schema: parts.response ?? { type: 'object', properties: { id: { type: 'string' } } } } } } },
    ...parts.operation,
  };
  const { components: rootComponents, ...root } = (parts.root ?? {}) as JsonObject & { components?: JsonObject };
  return {
    openapi: parts.openapi ?? '3.1.0',
    info: { title: 'Things', version: '1.0.0' },
    paths: { [parts.path ?? '/things']: { [parts.method ?? 'post']: operation }, ...parts.paths },
    components: { schemas: parts.schemas ?? {}, ...rootComponents },
    ...root,
  };
}

/** A fixture as a loaded spec, through the real parser (YAML by default, JSON when asked). */
export function loadFixture(name: string, document: JsonObject | string, format: 'yaml' | 'json' = 'yaml'): SpecDocument {
  const text = typeof document === 'string' ? document : format === 'json' ? JSON.stringify(document, null, 2) : yaml.dump(document);
  return parseSpec(sourceFromText(name, text), defaultLimits);
}

/** `{ type: 'object', properties: { value: schema } }`, with `required: ['value']` when asked. */
export function holding(schema: unknown, required = false): JsonObject {
  return { type: 'object', properties: { value: schema }, ...(required ? { required: ['value'] } : {}) };
}

export const REQ = 'request body application/json';
export const RES = 'response 200 application/json';
