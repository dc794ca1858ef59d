import { describe, expectTypeOf, it } from 'vitest';
import type {
  ApiError,
  ApiPromise,
  RealtimeApi,
  RealtimeSessionCreateRequest,
  RealtimeSessionCreateResponse,
  RequestOptions,
  VoiceIdsShared,
  components,
} from 'openai-realtime-client';

type Request = RealtimeSessionCreateRequest;
type Response = RealtimeSessionCreateResponse;

describe('model types follow the spec', () => {
  it('names each component schema', () => {
    expectTypeOf<Request>().toEqualTypeOf<components['schemas']['RealtimeSessionCreateRequest']>();
    expectTypeOf<Response>().toEqualTypeOf<components['schemas']['RealtimeSessionCreateResponse']>();
  });

  it('enums are unions of literals', () => {
    expectTypeOf<Request['modalities']>().toEqualTypeOf<('text' | 'audio')[] | undefined>();
    expectTypeOf<NonNullable<Request['model']>>().toEqualTypeOf<
      | 'gpt-4o-realtime-preview'
      | 'gpt-4o-realtime-preview-2024-10-01'
      | 'gpt-4o-realtime-preview-2024-12-17'
      | 'gpt-4o-mini-realtime-preview'
      | 'gpt-4o-mini-realtime-preview-2024-12-17'
    >();
    expectTypeOf<NonNullable<Request['input_audio_format']>>().toEqualTypeOf<'pcm16' | 'g711_ulaw' | 'g711_alaw'>();
    expectTypeOf<NonNullable<NonNullable<Request['turn_detection']>['eagerness']>>().toEqualTypeOf<'low' | 'medium' | 'high' | 'auto'>();
  });

  it('oneOf integer | "inf" and anyOf string | enum are unions', () => {
    expectTypeOf<NonNullable<Request['max_response_output_tokens']>>().toEqualTypeOf<number | 'inf'>();
    // anyOf [string, enum]: an open enum. Any string is accepted, and the known voices stay in the
    // type (`string | "ash"` would collapse to `string`), so editors suggest them.
    expectTypeOf<'my-own-voice'>().toExtend<VoiceIdsShared>();
    expectTypeOf<Extract<VoiceIdsShared, 'ash' | 'verse'>>().toEqualTypeOf<'ash' | 'verse'>();
    expectTypeOf<Request['voice']>().toEqualTypeOf<VoiceIdsShared | undefined>();
  });

  it('optional and required as in the spec, nullable where the spec says so', () => {
    expectTypeOf<Response['client_secret']>().toEqualTypeOf<{ value: string; expires_at: number }>();
    expectTypeOf<Response['instructions']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<Request['input_audio_noise_reduction']>().toEqualTypeOf<{ type?: 'near_field' | 'far_field' } | null | undefined>();
    expectTypeOf<NonNullable<Request['tools']>[number]['type']>().toEqualTypeOf<'function' | undefined>();
  });
});

describe('the client method', () => {
  it('takes the request model and returns the response model', () => {
    expectTypeOf<RealtimeApi['createRealtimeSession']>().parameters.toEqualTypeOf<[body: Request, options?: RequestOptions]>();
    expectTypeOf<RealtimeApi['createRealtimeSession']>().returns.toEqualTypeOf<ApiPromise<Response>>();
    expectTypeOf<RealtimeApi['createRealtimeSession']>().returns.resolves.toEqualTypeOf<Response>();
    expectTypeOf<ApiError['status']>().toEqualTypeOf<number | undefined>();
  });

  it('rejects a wrong enum value and an unknown property at compile time', () => {
    const api = {} as RealtimeApi;
    // @ts-expect-error 'gpt-5' is not one of the spec's models
    void api.createRealtimeSession({ model: 'gpt-5' });
    // @ts-expect-error not a property of RealtimeSessionCreateRequest
    void api.createRealtimeSession({ modalitys: ['text'] });
    // @ts-expect-error modalities items are an enum
    void api.createRealtimeSession({ modalities: ['video'] });
    // @ts-expect-error the body is required
    void api.createRealtimeSession();
    void api.createRealtimeSession({ voice: 'any-new-voice', max_response_output_tokens: 'inf' });
  });
});
