import { warning, type Diagnostic, type SourceLocation } from '../diagnostics/diagnostic.ts';
import { isObject, own, type JsonObject } from '../json.ts';
import { childPointer, parsePointer, resolvePointer } from '../pointer.ts';
import { credentialKey } from '../openapi/supplied-parameters.ts';
import type { ApiModel, SecuritySchemeModel } from './types.ts';

/**
 * A security requirement whose schemes, needed together, send the same header (basic and bearer
 * both send `Authorization`) or the same query key: a request carries one value there, so the
 * client sends the later scheme's, and a server that checks both refuses every call. A warning
 * (OM402) at the requirement, once however many operations share it (the document's `security`).
 */
export function securityWarnings(model: ApiModel, document: JsonObject, locate: (pointer: string) => SourceLocation): Diagnostic[] {
  const schemes = new Map(model.securitySchemes.map((scheme) => [scheme.name, scheme]));
  const warned = new Map<string, Diagnostic>();
  for (const operation of model.tags.flatMap((tag) => tag.operations)) {
    operation.security.forEach((requirement, index) => {
      const places = new Map<string, string>();
      for (const { name } of requirement.schemes) {
        const place = placeOf(schemes.get(name));
        const earlier = place === undefined ? undefined : places.get(place);
        if (place !== undefined) places.set(place, name);
        if (earlier === undefined) continue;
        const at = childPointer(Array.isArray(ownSecurity(document, operation.pointer)) ? childPointer(operation.pointer, 'security') : '#/security', index);
        if (!warned.has(at)) warned.set(at, warning('OM402', `the security requirement needs schemes ${JSON.stringify(earlier)} and ${JSON.stringify(name)} together, and both send ${place}: a request carries one of them, so the client sends ${JSON.stringify(name)}'s`, locate(at)));
      }
    });
  }
  return [...warned.values()];
}

/**
 * Where a scheme puts its credential (`credentialKey`, the rule the model's parameters follow),
 * as the message names it: spec text quoted as JSON, so no control character reaches a terminal;
 * a header's name in lower case, as it is compared. Undefined for a cookie (cookies of other
 * names add up) or mutual TLS.
 */
function placeOf(scheme: SecuritySchemeModel | undefined): string | undefined {
  const key = scheme && credentialKey(scheme.type, scheme.type === 'apiKey' ? scheme.in : undefined, scheme.type === 'apiKey' ? scheme.parameterName : undefined);
  const [, location, name] = /^(\w+):(.*)$/s.exec(key ?? '') ?? [];
  if (location === 'header') return name === 'authorization' ? 'the Authorization header' : `the ${JSON.stringify(name)} header`;
  return location === 'query' ? `the query key ${JSON.stringify(name)}` : undefined;
}

function ownSecurity(document: JsonObject, pointer: string): unknown {
  const operation = resolvePointer(document, parsePointer(pointer) ?? []);
  return isObject(operation) ? own(operation, 'security') : undefined;
}
