import { ownObject, ownString, type JsonObject } from '../json.ts';
import type { OAuthFlowModel } from './types.ts';

const FLOWS: readonly OAuthFlowModel['flow'][] = ['authorizationCode', 'clientCredentials', 'deviceAuthorization', 'implicit', 'password'];

/** An OAuth 2 scheme's flows (`flows` of 3.x; a 2.0 `flow` arrives converted), in a fixed order, with their URLs and scopes. */
export function oauthFlows(flows: JsonObject): OAuthFlowModel[] {
  return FLOWS.flatMap((flow) => {
    const given = ownObject(flows, flow);
    if (!given) return [];
    const scopes = Object.entries(ownObject(given, 'scopes') ?? {}).map(([name, description]) => ({ name, description: typeof description === 'string' ? description : '' }));
    const urls = Object.fromEntries((['authorizationUrl', 'tokenUrl', 'refreshUrl'] as const).flatMap((key) => (ownString(given, key) !== undefined ? [[key, ownString(given, key)!]] : [])));
    return [{ flow, ...urls, scopes }];
  });
}
