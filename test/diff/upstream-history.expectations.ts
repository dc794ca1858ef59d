import type { Semver } from '../../generator/diff/types.ts';

/**
 * Hand-written expectations for `POST /realtime/sessions` (operationId `create-realtime-session`)
 * between each pair of consecutive upstream snapshots in ../shared/openai-spec, written by reading
 * the two snapshots side by side. Only our own words and the names of fields live here: never the
 * snapshots, excerpts of them, or their prose.
 *
 * Changes are `[kind, location]`. `exactly` lists every non-docs change the spec rules must report
 * (nothing more, nothing less); for the 2026 replacement of both bodies, `includes` lists the
 * decisive ones. `typescript` lists the TypeScript-surface changes the spec rules do not cover.
 */
export interface PairExpectation {
  readonly old: string;
  readonly new: string;
  readonly breaking: boolean;
  readonly semver: Semver;
  readonly reasoning: string;
  readonly exactly?: readonly (readonly [string, string])[];
  readonly includes?: readonly (readonly [string, string])[];
  readonly typescript: readonly (readonly [string, string])[];
}

const REQ = 'request body application/json';
const RES = 'response 200 application/json';

export const upstreamHistory: readonly PairExpectation[] = [
  {
    old: '01-2024-12-18-25be478.yaml',
    new: '02-2025-01-17-d78fe2a.yaml',
    breaking: false,
    semver: 'minor',
    reasoning: 'The request stops listing `model` as required; a client that still sends it is unaffected, and only two audio-format descriptions change besides.',
    exactly: [['request-property-became-optional', `${REQ}: model`]],
    typescript: [],
  },
  {
    old: '02-2025-01-17-d78fe2a.yaml',
    new: '03-2025-01-21-bda9232.yaml',
    breaking: true,
    semver: 'major',
    reasoning: '`model` is required again four days later, so a request without it is rejected; the added `x-stainless-const` flags are vendor extensions and count for nothing.',
    exactly: [['request-property-became-required', `${REQ}: model`]],
    typescript: [],
  },
  {
    old: '03-2025-01-21-bda9232.yaml',
    new: '04-2025-01-21-8c0012f.yaml',
    breaking: false,
    semver: 'minor',
    reasoning: 'The same day `model` is made optional once more, which only loosens what the request must contain.',
    exactly: [['request-property-became-optional', `${REQ}: model`]],
    typescript: [],
  },
  {
    old: '04-2025-01-21-8c0012f.yaml',
    new: '05-2025-01-31-0f23d5f.yaml',
    breaking: false,
    semver: 'minor',
    reasoning: 'The request gains two optional transcription settings (`language`, `prompt`) and the response now promises `client_secret` with its `value` and `expires_at`: more for the client, nothing taken away.',
    exactly: [
      ['request-property-added', `${REQ}: input_audio_transcription.language`],
      ['request-property-added', `${REQ}: input_audio_transcription.prompt`],
      ['response-property-became-required', `${RES}: client_secret`],
      ['response-property-became-required', `${RES}: client_secret.expires_at`],
      ['response-property-became-required', `${RES}: client_secret.value`],
    ],
    typescript: [],
  },
  {
    old: '05-2025-01-31-0f23d5f.yaml',
    new: '06-2025-03-11-085baba.yaml',
    breaking: false,
    semver: 'minor',
    reasoning: 'Turn detection in the request gains an optional `interrupt_response` flag; nothing else changes shape.',
    exactly: [['request-property-added', `${REQ}: turn_detection.interrupt_response`]],
    typescript: [],
  },
  {
    old: '06-2025-03-11-085baba.yaml',
    new: '07-2025-03-22-1ff8b64.yaml',
    breaking: true,
    semver: 'major',
    reasoning:
      'Two breaks: the request narrows `turn_detection.type` from any string to two values, and the response `voice` goes from a closed list of eight names to the shared voice schema that admits any string, so its generated type widens from literals to `string`; the rest (optional fields, documented defaults, three more voices inside an open union) only adds.',
    exactly: [
      ['request-enum-narrowed', `${REQ}: turn_detection.type`],
      ['response-union-member-added', `${RES}: voice`],
      ['request-property-added', `${REQ}: input_audio_noise_reduction`],
      ['request-property-added', `${REQ}: turn_detection.eagerness`],
      ['open-enum-widened', `${REQ}: voice`],
      ['request-union-member-added', `${REQ}: voice`],
      ['open-enum-widened', `${RES}: voice`],
    ],
    typescript: [],
  },
  {
    old: '07-2025-03-22-1ff8b64.yaml',
    new: '08-2026-05-13-5162af9.yaml',
    breaking: true,
    semver: 'major',
    reasoning:
      'Both bodies are replaced: the request now requires `client_secret` and drops `model`, and the response loses `client_secret`, `voice` and the audio settings while gaining `id`, `model`, `audio` and `tracing`; either side alone breaks clients. The response tool items become the named `RealtimeFunctionTool` with the same structure, a new export the spec rules see only as a title.',
    includes: [
      ['request-property-added-required', `${REQ}: client_secret`],
      ['request-property-removed', `${REQ}: model`],
      ['request-union-member-added', `${REQ}: voice`],
      ['response-property-removed', `${RES}: client_secret`],
      ['response-property-removed', `${RES}: voice`],
      ['response-property-added', `${RES}: audio`],
    ],
    typescript: [['ts-export-added', 'RealtimeFunctionTool']],
  },
  {
    old: '08-2026-05-13-5162af9.yaml',
    new: '09-2026-07-15-535f5dc.yaml',
    breaking: false,
    semver: 'minor',
    reasoning: 'Request-only additions: the file detail level reachable from prompt variables gains `auto`, and each prompt-variable content part gains an optional `prompt_cache_breakpoint`.',
    exactly: [
      ['request-enum-widened', `${REQ}: prompt.variables[key](InputFileContent).detail`],
      ['request-property-added', `${REQ}: prompt.variables[key](InputFileContent).prompt_cache_breakpoint`],
      ['request-property-added', `${REQ}: prompt.variables[key](InputImageContent).prompt_cache_breakpoint`],
      ['request-property-added', `${REQ}: prompt.variables[key](InputTextContent).prompt_cache_breakpoint`],
    ],
    typescript: [],
  },
  {
    old: '09-2026-07-15-535f5dc.yaml',
    new: '10-2026-08-21-f85dbe2.yaml',
    breaking: false,
    semver: 'minor',
    reasoning:
      'Response-only additions: the echoed transcription settings gain `languages`, and two transcription model names join a union that already admits any string, so the generated type stays `string` (the issue\'s open-enum case).',
    exactly: [
      ['response-property-added', `${RES}: audio.input.transcription.languages`],
      ['open-enum-widened', `${RES}: audio.input.transcription.model`],
    ],
    typescript: [],
  },
];
