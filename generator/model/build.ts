import { DiagnosticCollector } from '../diagnostics/collector.ts';
import type { SourceLocation } from '../diagnostics/diagnostic.ts';
import { compareStrings, isObject, own, ownObject, ownString, type JsonObject } from '../json.ts';
import type { NamingResolver } from '../naming/resolver.ts';
import { childPointer, pointer } from '../pointer.ts';
import { followRef } from '../openapi/follow-ref.ts';
import { walkOperations, type OperationEntry } from '../openapi/operations.ts';
import { hasReadWriteMarkers } from '../openapi/read-write-markers.ts';
import { operationSecurity, suppliedParameters } from '../openapi/supplied-parameters.ts';
import { buildRequestBody, buildResponses } from './content.ts';
import { discriminatedSchemas } from './discriminated-schemas.ts';
import { deepFreeze } from './freeze.ts';
import { readWriteViewNames, resolveNames, type ResolvedNames } from './names.ts';
import { oauthFlows } from './oauth-flows.ts';
import { buildParameters, fixedAccept } from './parameters.ts';
import { RefResolver } from './ref-resolver.ts';
import { operationServers, readServers } from './servers.ts';
import { toSchemaNode, type SchemaContext } from './schema-node.ts';
import type {
  ApiModel,
  InfoModel,
  OperationModel,
  SchemaModel,
  SecurityRequirementModel,
  SecuritySchemeModel,
  SourceModel,
  TagModel,
} from './types.ts';

const DEFAULT_TAG = 'default';

/**
 * Model stage: the normalized subset -> the frozen intermediate model. Resolves parameter,
 * request-body, response and header references (templates see them inline), keeps schema
 * references as `ref` nodes, and resolves every name once. `locate` places a diagnostic's pointer
 * in the spec (the render passes the spec's, which knows lines; by default the file alone).
 */
export function buildModel(document: JsonObject, source: SourceModel, naming: NamingResolver, locate: (pointer: string) => SourceLocation = (pointer) => ({ file: source.name, pointer })): ApiModel {
  const diagnostics = new DiagnosticCollector();
  const raw = collectOperations(document);
  const schemaEntries = Object.entries(ownObject(ownObject(document, 'components') ?? {}, 'schemas') ?? {});
  // The views' names are taken when the types are marked; the walk only when a schema's name is like one.
  const views = schemaEntries.some(([name]) => /readable|writable/i.test(name)) && hasReadWriteMarkers(document) ? readWriteViewNames : [];
  const names = resolveNames(
    raw.map((op) => ({ ...op, tag: op.tags[0] ?? DEFAULT_TAG })),
    schemaEntries.map(([name]) => name),
    naming,
    views,
  );
  const ctx: SchemaContext = { typeNameOf: (name) => names.types.get(name), diagnostics, locate };
  const resolver = new RefResolver(document);

  const operations = raw.map((op) => buildOperation(document, op, names, resolver, ctx));
  const tags = groupByTag(document, operations, names);
  const discriminated = discriminatedSchemas(document);
  const schemas: SchemaModel[] = schemaEntries
    .map(([name, schema]) => {
      const discriminator = discriminated.get(name);
      const at = pointer('components', 'schemas', name);
      return { name, typeName: names.types.get(name)!, pointer: at, schema: toSchemaNode(schema, at, ctx), ...(discriminator ? { discriminator } : {}) };
    })
    .sort((a, b) => compareStrings(a.typeName, b.typeName));

  diagnostics.throwIfErrors();
  return deepFreeze({
    info: readInfo(document),
    servers: readServers(own(document, 'servers')),
    tags,
    schemas,
    securitySchemes: readSecuritySchemes(document),
    source,
    renames: names.renames,
  });
}

/** An operation of the subset, with an operationId synthesized from method and path when it has none. */
interface RawOperation extends OperationEntry {
  readonly operationId: string;
}

/** The subset's operations (validated, path items inline), through the one operation walk. */
function collectOperations(document: JsonObject): RawOperation[] {
  return walkOperations(ownObject(document, 'paths') ?? {}, { pathItem: (item) => (isObject(item) ? item : undefined) }).map((entry) => ({
    ...entry,
    operationId: entry.operationId ?? `${entry.method} ${entry.path}`,
  }));
}

function buildOperation(document: JsonObject, raw: RawOperation, names: ResolvedNames, resolver: RefResolver, ctx: SchemaContext): OperationModel {
  const op = raw.operation;
  const summary = ownString(op, 'summary');
  const description = ownString(op, 'description');
  const requestBody = buildRequestBody(own(op, 'requestBody'), childPointer(raw.pointer, 'requestBody'), resolver, ctx);
  const accept = fixedAccept(raw, resolver);
  return {
    operationId: raw.operationId,
    methodName: names.methods.get(raw.pointer)!,
    method: raw.method,
    path: raw.path,
    pointer: raw.pointer,
    ...(summary !== undefined ? { summary } : {}),
    ...(description !== undefined ? { description } : {}),
    deprecated: own(op, 'deprecated') === true,
    tags: raw.tags,
    parameters: buildParameters(raw, resolver, ctx, suppliedParameters(document, operationSecurity(document, op))),
    ...(accept !== undefined ? { accept } : {}),
    ...(requestBody ? { requestBody } : {}),
    responses: buildResponses(own(op, 'responses'), childPointer(raw.pointer, 'responses'), resolver, ctx),
    security: readSecurity(operationSecurity(document, op)),
    ...operationServers(raw),
  };
}

function readSecurity(security: unknown): SecurityRequirementModel[] {
  if (!Array.isArray(security)) return [];
  return security.filter(isObject).map((requirement) => ({
    schemes: Object.entries(requirement).map(([name, scopes]) => ({
      name,
      scopes: Array.isArray(scopes) ? scopes.filter((s): s is string => typeof s === 'string') : [],
    })),
  }));
}

function groupByTag(document: JsonObject, operations: readonly OperationModel[], names: ResolvedNames): TagModel[] {
  const declared = new Map<string, string | undefined>();
  const tagList = own(document, 'tags');
  if (Array.isArray(tagList)) {
    for (const tag of tagList) {
      if (isObject(tag) && typeof tag['name'] === 'string') declared.set(tag['name'], ownString(tag, 'description'));
    }
  }
  const groups = new Map<string, OperationModel[]>();
  for (const operation of operations) {
    const tag = operation.tags[0] ?? DEFAULT_TAG;
    groups.set(tag, [...(groups.get(tag) ?? []), operation]);
  }
  return [...groups]
    .map(([name, ops]) => {
      const description = declared.get(name);
      return { name, className: names.classes.get(name)!, ...(description !== undefined ? { description } : {}), operations: ops };
    })
    .sort((a, b) => compareStrings(a.className, b.className));
}

function readInfo(document: JsonObject): InfoModel {
  const info = ownObject(document, 'info') ?? {};
  const license = ownObject(info, 'license');
  const optional = (key: string) => {
    const value = ownString(info, key);
    return value === undefined ? {} : { [key]: value };
  };
  const licenseName = license ? ownString(license, 'name') : undefined;
  return {
    title: ownString(info, 'title') ?? 'API',
    version: ownString(info, 'version') ?? '0.0.0',
    ...optional('summary'),
    ...optional('description'),
    ...(license && licenseName !== undefined
      ? {
          license: {
            name: licenseName,
            ...(ownString(license, 'url') !== undefined ? { url: ownString(license, 'url')! } : {}),
            ...(ownString(license, 'identifier') !== undefined ? { identifier: ownString(license, 'identifier')! } : {}),
          },
        }
      : {}),
  };
}

function readSecuritySchemes(document: JsonObject): SecuritySchemeModel[] {
  const schemes = ownObject(ownObject(document, 'components') ?? {}, 'securitySchemes') ?? {};
  return Object.entries(schemes)
    .sort(([a], [b]) => compareStrings(a, b))
    .flatMap(([name, given]): SecuritySchemeModel[] => {
      // A scheme may be a reference to another (`$ref: '#/components/securitySchemes/other'`).
      const scheme = followRef(document, given, pointer('components', 'securitySchemes', name)).value;
      if (!isObject(scheme)) return [];
      const type = ownString(scheme, 'type');
      const description = ownString(scheme, 'description');
      const common = { name, ...(description !== undefined ? { description } : {}) };
      if (type === 'http') {
        const bearerFormat = ownString(scheme, 'bearerFormat');
        return [{ ...common, type, scheme: (ownString(scheme, 'scheme') ?? 'bearer').toLowerCase(), ...(bearerFormat !== undefined ? { bearerFormat } : {}) }];
      }
      if (type === 'apiKey') {
        const location = ownString(scheme, 'in');
        if (location !== 'query' && location !== 'header' && location !== 'cookie') return [];
        return [{ ...common, type, in: location, parameterName: ownString(scheme, 'name') ?? '' }];
      }
      if (type === 'oauth2') return [{ ...common, type, flows: oauthFlows(ownObject(scheme, 'flows') ?? {}) }];
      if (type === 'openIdConnect') {
        const openIdConnectUrl = ownString(scheme, 'openIdConnectUrl');
        return [{ ...common, type, ...(openIdConnectUrl !== undefined ? { openIdConnectUrl } : {}) }];
      }
      if (type === 'mutualTLS') return [{ ...common, type }];
      return [];
    });
}
