import { describe, expect, it } from 'vitest';
import { MorphError } from '../../generator/diagnostics/diagnostic.ts';
import { resolveConfig } from '../../generator/config/resolve.ts';
import { clientConfigWarnings } from '../../generator/model/client-config.ts';
import type { ApiModel } from '../../generator/model/types.ts';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The config's `client` keys (generator/config/client.ts): defaults, and a located error for each bad value. */
const base = { spec: 'spec/openapi.yaml', package: { name: 'pets-client' } };

function problems(client: unknown): string[] {
  try {
    resolveConfig({ ...base, client }, '/project', '/project/openapi-morph.config.ts');
    return [];
  } catch (error) {
    if (!(error instanceof MorphError)) throw error;
    return error.diagnostics.map((d) => `${d.code} ${d.message}`);
  }
}

describe('client config', () => {
  it('defaults are vendor-neutral: no env, no browser key rule, standard header names, off in browsers', () => {
    expect(resolveConfig(base, '/project', undefined).client).toStrictEqual({
      authEnv: {},
      browserKeyPrefixes: undefined,
      retryCountHeader: 'x-retry-count',
      idempotencyHeader: 'Idempotency-Key',
      headersInBrowser: false,
    });
  });

  it('takes names, false and the browser settings', () => {
    const client = { authEnv: { Bearer: 'PETS_TOKEN' }, browserKeyPrefixes: ['pk_'], retryCountHeader: 'x-attempt', idempotencyHeader: false, headersInBrowser: true };
    expect(resolveConfig({ ...base, client }, '/project', undefined).client).toStrictEqual({ ...client, idempotencyHeader: undefined });
  });

  const cases = [
    { name: 'not an object', given: 'x', want: 'client: must be an object with authEnv, browserKeyPrefixes, retryCountHeader, idempotencyHeader, headersInBrowser' },
    { name: 'env name', given: { authEnv: { Bearer: 'NOT AN ENV' } }, want: 'client.authEnv: must map security scheme names to environment variable names' },
    { name: 'empty prefixes', given: { browserKeyPrefixes: [] }, want: 'client.browserKeyPrefixes: must be a non-empty list of non-empty strings' },
    { name: 'header name', given: { retryCountHeader: 'x retry' }, want: 'client.retryCountHeader: must be an HTTP header name or false' },
    { name: 'header true', given: { idempotencyHeader: true }, want: 'client.idempotencyHeader: must be an HTTP header name or false' },
    { name: 'browser flag', given: { headersInBrowser: 'yes' }, want: 'client.headersInBrowser: must be true or false' },
  ];
  it.each(cases)('$name', ({ given, want }) => {
    expect(problems(given)).toStrictEqual([`OM103 ${want}`]);
  });
});

describe('client.authEnv against the spec (OM109)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'om-authenv-'));
  const file = join(dir, 'openapi-morph.config.ts');
  const model = (...names: string[]) => ({ securitySchemes: names.map((name) => ({ name })) }) as unknown as ApiModel;
  const warnings = (authEnv: Record<string, string>, ...schemes: string[]) => {
    writeFileSync(file, `export default {\n  spec: 'spec/openapi.yaml',\n  client: {\n    authEnv: {\n${Object.keys(authEnv).map((k) => `      ${k}: 'X',`).join('\n')}\n    },\n  },\n};\n`);
    const config = resolveConfig({ ...base, client: { authEnv } }, dir, file);
    return clientConfigWarnings(config, model(...schemes)).map((d) => `${d.severity} ${d.code} ${d.location?.file}:${d.location?.line} ${d.message}`);
  };

  it('is quiet when every key names a scheme', () => {
    expect(warnings({ BearerAuth: 'T', ApiKey: 'K' }, 'BearerAuth', 'ApiKey')).toStrictEqual([]);
  });

  it('warns at the key for a misspelled or absent scheme, with the closest name or the list', () => {
    expect(warnings({ BaererAuth: 'T', Other: 'O' }, 'BearerAuth', 'ApiKey')).toStrictEqual([
      'warning OM109 openapi-morph.config.ts:5 client.authEnv.BaererAuth: no security scheme of that name in the selected operations, so its variable is never read; did you mean "BearerAuth"?',
      'warning OM109 openapi-morph.config.ts:6 client.authEnv.Other: no security scheme of that name in the selected operations, so its variable is never read (schemes: BearerAuth, ApiKey)',
    ]);
    expect(warnings({ Token: 'T' })).toStrictEqual([
      'warning OM109 openapi-morph.config.ts:5 client.authEnv.Token: no security scheme of that name in the selected operations, so its variable is never read (the selected operations use no security scheme)',
    ]);
  });
});
