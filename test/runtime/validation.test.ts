/**
 * Optional response validation: the generated `/validation` entry point, the client option that
 * turns it on, and a bundle check that the default entry point does not carry it.
 */
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { InvalidResponseError, RealtimeApi } from 'openai-realtime-client';
import { validateResponse } from 'openai-realtime-client/validation';
import { repoRoot } from '../helpers/cli.ts';
import { json, serverPerTest, session } from './fault-server.ts';

const OP = 'create-realtime-session';

describe('validateResponse', () => {
  const cases: { name: string; status: number; body: unknown; want: string[] }[] = [
    { name: 'a valid session', status: 200, body: session, want: [] },
    { name: 'unknown fields are fine', status: 200, body: { ...session, brand_new_field: { x: 1 } }, want: [] },
    { name: 'a voice outside the known list is fine (anyOf with any string)', status: 200, body: { ...session, voice: 'new-voice' }, want: [] },
    { name: 'max_response_output_tokens: "inf" or an integer', status: 200, body: { ...session, max_response_output_tokens: 'inf' }, want: [] },
    { name: 'missing required client_secret', status: 200, body: {}, want: ['/client_secret: required property is missing'] },
    {
      name: 'wrong types, enum and oneOf',
      status: 200,
      body: { client_secret: { value: 1 }, modalities: ['text', 'video'], max_response_output_tokens: 1.5 },
      want: [
        '/client_secret/expires_at: required property is missing',
        '/client_secret/value: expected string, got number',
        '/modalities/1: expected one of ["text","audio"]',
        '/max_response_output_tokens: matches none of the allowed shapes (oneOf)',
      ],
    },
    { name: 'not an object', status: 200, body: 'hello', want: ['/: expected object, got string'] },
    { name: 'a status without a schema passes', status: 201, body: 'anything', want: [] },
  ];
  it.each(cases)('$name', ({ status, body, want }) => {
    expect(validateResponse(OP, status, body)).toEqual(want);
  });

  it('an unknown operation passes', () => {
    expect(validateResponse('no-such-operation', 200, 1)).toEqual([]);
  });
});

describe('the client option', () => {
  const serve = serverPerTest();

  it('is off by default and rejects a mismatching body with InvalidResponseError when on', async () => {
    const wrong = { client_secret: { value: 42, expires_at: 'soon' } };
    const server = await serve(json(200, wrong), json(200, wrong), json(200, session));
    const options = { apiKey: 'sk-test', baseUrl: server.url };
    expect(await new RealtimeApi(options).createRealtimeSession({})).toEqual(wrong);
    const checked = new RealtimeApi({ ...options, validateResponse });
    const error = await checked.createRealtimeSession({}).then(
      () => expect.unreachable(),
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(InvalidResponseError);
    const e = error as InvalidResponseError;
    expect(e.issues).toEqual(['/client_secret/value: expected string, got number', '/client_secret/expires_at: expected integer, got string']);
    expect(e.message).toBe('the response does not match the spec: /client_secret/value: expected string, got number; /client_secret/expires_at: expected integer, got string');
    expect([e.status, e.body]).toEqual([200, wrong]);
    expect(await checked.createRealtimeSession({})).toEqual(session);
    expect(server.attempts).toHaveLength(3);
  });
});

describe('bundle', () => {
  async function bundle(contents: string): Promise<string> {
    const result = await build({
      stdin: { contents, resolveDir: repoRoot, loader: 'ts' },
      bundle: true,
      write: false,
      minify: true,
      format: 'esm',
      platform: 'browser',
      logLevel: 'silent',
    });
    return result.outputFiles[0]!.text;
  }

  it('the default entry point does not carry the validator or the schemas', async () => {
    const call = "new RealtimeApi({ apiKey: 'ek_x' }).createRealtimeSession({});";
    const plain = await bundle(`import { RealtimeApi } from 'openai-realtime-client';\n${call}`);
    const validated = await bundle(`import { RealtimeApi } from 'openai-realtime-client';\nimport { validateResponse } from 'openai-realtime-client/validation';\nnew RealtimeApi({ apiKey: 'ek_x', validateResponse }).createRealtimeSession({});`);
    for (const marker of ['expires_at', 'matches none of the allowed shapes']) {
      expect(plain).not.toContain(marker);
      expect(validated).toContain(marker);
    }
  });
});
