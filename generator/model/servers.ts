import { isObject, own, ownObject, ownString, type JsonObject } from '../json.ts';
import type { OperationEntry } from '../openapi/operations.ts';
import type { ServerModel, ServerVariableModel } from './types.ts';

/** An operation's own servers, else its path item's: `{ servers }` when either has some, else nothing (the document's apply). */
export function operationServers(raw: OperationEntry): { servers?: ServerModel[] } {
  for (const node of [raw.operation, raw.pathItem]) {
    const servers = readServers(own(node, 'servers'));
    if (servers.length > 0) return { servers };
  }
  return {};
}

export function readServers(servers: unknown): ServerModel[] {
  if (!Array.isArray(servers)) return [];
  return servers.filter(isObject).flatMap((server) => {
    const url = ownString(server, 'url');
    if (url === undefined) return [];
    const description = ownString(server, 'description');
    const variables = readServerVariables(server);
    const defaults = new Map(variables.map((v) => [v.name, v.default]));
    // RFC 6570 level 1, as OpenAPI's server URLs are: `{name}` is the variable's default.
    const defaultUrl = url.replace(/\{([^{}]+)\}/g, (whole, name: string) => defaults.get(name) ?? whole);
    return [{ url, ...(description !== undefined ? { description } : {}), defaultUrl, variables }];
  });
}

/** A server's variables that have a default, a string (or a number, as text; OpenAPI requires one); others are left out. */
function readServerVariables(server: JsonObject): ServerVariableModel[] {
  return Object.entries(ownObject(server, 'variables') ?? {}).flatMap(([name, variable]) => {
    if (!isObject(variable)) return [];
    const value = own(variable, 'default');
    if (typeof value !== 'string' && typeof value !== 'number') return [];
    const allowed = own(variable, 'enum');
    const description = ownString(variable, 'description');
    return [
      {
        name,
        default: String(value),
        ...(Array.isArray(allowed) ? { enum: allowed.filter((v) => typeof v === 'string' || typeof v === 'number').map(String) } : {}),
        ...(description !== undefined ? { description } : {}),
      },
    ];
  });
}
