/**
 * OM402 (generator/model/security-warnings.ts): a requirement whose schemes, needed together, send
 * the same header or query key, warned once at the requirement however many operations share it.
 */
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../generator/model/build.ts';
import { securityWarnings } from '../../generator/model/security-warnings.ts';
import { defaultNaming } from '../../generator/naming/resolver.ts';

const ok = { '204': { description: 'ok' } };
const schemes = {
  basic: { type: 'http', scheme: 'basic' },
  bearer: { type: 'http', scheme: 'bearer' },
  oidc: { type: 'openIdConnect', openIdConnectUrl: 'https://id.test/.well-known/openid-configuration' },
  apiHeader: { type: 'apiKey', in: 'header', name: 'X-Key' },
  authHeader: { type: 'apiKey', in: 'header', name: 'authorization' },
  q1: { type: 'apiKey', in: 'query', name: 'k' },
  q2: { type: 'apiKey', in: 'query', name: 'k' },
  q3: { $ref: '#/components/securitySchemes/q1' },
  e1: { type: 'apiKey', in: 'query', name: 'k\u001b]0;x\u0007' },
  e2: { type: 'apiKey', in: 'query', name: 'k\u001b]0;x\u0007' },
  c1: { type: 'apiKey', in: 'cookie', name: 'k' },
  c2: { type: 'apiKey', in: 'cookie', name: 'k' },
};

function warnings(security: unknown[], own?: unknown[]) {
  const document = {
    openapi: '3.1.0',
    info: { title: 't', version: '1' },
    security,
    paths: { '/a': { get: { operationId: 'a', ...(own ? { security: own } : {}), responses: ok } }, '/b': { get: { operationId: 'b', responses: ok } } },
    components: { securitySchemes: schemes },
  };
  const model = buildModel(document, { name: 's', sha256: '0', openapi: '3.1.0' }, defaultNaming);
  return securityWarnings(model, document, (pointer) => ({ file: 'spec.yaml', pointer })).map((d) => `${d.code} ${d.location?.pointer}: ${d.message}`);
}

describe('security requirements that send one thing twice', () => {
  it("two Authorization schemes in the document's requirement: one warning, where it is written, for both operations", () => {
    expect(warnings([{ bearer: [] }, { basic: [], bearer: [] }])).toStrictEqual([
      'OM402 #/security/1: the security requirement needs schemes "basic" and "bearer" together, and both send the Authorization header: a request carries one of them, so the client sends "bearer"\'s',
    ]);
  });

  it.each([
    { name: 'OpenID Connect and an API key named authorization', requirement: { oidc: [], authHeader: [] }, place: 'the Authorization header' },
    { name: 'two query keys of one name', requirement: { q1: [], q2: [] }, place: 'the query key "k"' },
    { name: 'a scheme that is a reference to another', requirement: { q1: [], q3: [] }, place: 'the query key "k"' },
    { name: 'a key name with control characters, quoted as JSON', requirement: { e1: [], e2: [] }, place: 'the query key "k\\u001b]0;x\\u0007"' },
  ])("$name, in an operation's own requirement", ({ requirement, place }) => {
    const [found, ...more] = warnings([], [{}, requirement]);
    expect(more).toStrictEqual([]);
    expect(found).toContain(`OM402 #/paths/~1a/get/security/1: `);
    expect(found).toContain(`both send ${place}`);
  });

  it.each([
    { name: 'a bearer token and a header key', requirement: { bearer: [], apiHeader: [] } },
    { name: 'two cookies (they add up)', requirement: { c1: [], c2: [] } },
    { name: 'alternatives, not together', requirement: undefined },
  ])('none for $name', ({ requirement }) => {
    expect(warnings(requirement ? [requirement] : [{ basic: [] }, { bearer: [] }])).toStrictEqual([]);
  });
});
