import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { JsonObject } from '../generator/json.ts';
import { defaultLimits, loadSpecFile } from '../generator/load/index.ts';
import { buildModel } from '../generator/model/build.ts';
import type { ApiModel, OperationModel, SchemaNode } from '../generator/model/types.ts';
import { defaultNaming } from '../generator/naming/resolver.ts';
import { normalize } from '../generator/normalize/index.ts';
import { schemaRules } from '../generator/normalize/rules.ts';
import { mapDocumentSchemas } from '../generator/schema-walk.ts';
import { select } from '../generator/select/index.ts';
import { exampleValue } from '../generator/template-api/example.ts';
import { repoRoot, runCli } from './helpers/cli.ts';
import { sendJson, startServer, type SeenRequest } from './helpers/http-server.ts';
import { typecheckPackages } from './helpers/package-check.ts';
import { copyRepoProject, type TempProject } from './helpers/project.ts';
import { describeNeeding } from './helpers/required-input.ts';
import { upstreamInput, upstreamPath, upstreamSnapshots } from './helpers/upstream.ts';

/**
 * SLOW (about a minute on a quiet machine): replays every shared upstream snapshot, oldest first,
 * through `sync` in one temporary copy of the project, then syncs the newest snapshot's whole
 * `Realtime` tag and whole document (`--all`) into two more. Everything generated is type-checked
 * in ONE tsc run (packages and their docs examples), and each package is called through its
 * public API against a local server that enforces that snapshot's schemas. Upstream prose only
 * ever lands in .scratch/ (git-ignored) and is removed afterwards.
 */
const snapshots = upstreamSnapshots();
const API_KEY = 'sk-replay-0123456789';
const work = join(repoRoot, '.scratch', `replay-${process.pid}`);

interface Synced {
  readonly snapshot: string;
  /** Copy of the generated package and the spec it came from, kept for the type check and the contract. */
  readonly dir: string;
  readonly model: ApiModel;
  /**
   * The subset as the spec states it, for the contract's validators: only 3.0's keywords turned
   * into their 3.1 form (`nullable`, boolean exclusive bounds), none of the generator's quirk
   * rules, so a wrong normalize rule cannot bend the validators along with the client.
   */
  readonly contract: JsonObject;
}

const synced: Synced[] = [];
const projects: TempProject[] = [];
let realtime: Synced | undefined;
let whole: Synced | undefined;

/** The model of a synced spec, as the pipeline builds it (no emit), and the subset for the contract. */
async function modelOf(specPath: string): Promise<{ model: ApiModel; contract: JsonObject }> {
  const spec = await loadSpecFile(specPath, specPath, defaultLimits);
  const subset = select(spec, { include: 'all', exclude: [] }).document;
  const document = normalize(spec, subset);
  const toJsonSchema = schemaRules.filter((rule) => VERSION_RULES.has(rule.name) && rule.versions.includes(spec.version));
  const contract = mapDocumentSchemas(subset, (schema) => toJsonSchema.reduce((current, rule) => rule.apply(current), schema));
  return { contract, model: buildModel(document, { name: specPath, sha256: spec.source.sha256, openapi: '3.1.0' }, defaultNaming) };
}

/** The normalize rules that only translate OpenAPI 3.0 keywords to JSON Schema, as a validator must. */
const VERSION_RULES = new Set(['nullable', 'exclusive-bounds']);

async function syncInto(project: TempProject, from: string, flags: readonly string[], label: string): Promise<Synced> {
  const run = await runCli(['sync', '--from', from, ...flags], project.dir);
  expect(run.code, `${label}: ${run.stderr}`).toBe(0);
  expect(run.stderr.replace(/^.*warning OM106.*$/m, '').trim(), label).toBe('');
  const check = await runCli(['check', ...flags], project.dir);
  expect(check.code, `${label}: check after sync: ${check.stderr}`).toBe(0);
  const dir = join(work, label);
  cpSync(join(project.dir, 'generated'), dir, { recursive: true, filter: (src) => !/[\\/](dist|node_modules)$/.test(src) });
  cpSync(join(project.dir, 'spec/openapi.yaml'), join(dir, 'openapi.yaml'));
  return { snapshot: label, dir, ...(await modelOf(join(dir, 'openapi.yaml'))) };
}

describeNeeding(upstreamInput, `upstream replay [slow] (${snapshots.length} snapshots)`, () => {
  beforeAll(() => mkdirSync(work, { recursive: true }));
  afterAll(() => {
    for (const project of projects) project.remove();
    rmSync(work, { recursive: true, force: true });
  });

  it('syncs every snapshot in order into one project; check passes after each', { timeout: 900_000 }, async () => {
    const project = copyRepoProject();
    projects.push(project);
    for (const snapshot of snapshots) synced.push(await syncInto(project, upstreamPath(snapshot.slice(0, 3)), [], snapshot.slice(0, 2)));
    expect(synced.map((s) => s.model.tags.flatMap((t) => t.operations.map((o) => o.operationId)))).toStrictEqual(snapshots.map(() => ['create-realtime-session']));
  });

  it('syncs the whole Realtime tag of the newest snapshot: 9 operations, 42 schemas, path parameters, a non-JSON body', { timeout: 900_000 }, async () => {
    const project = copyRepoProject();
    projects.push(project);
    realtime = await syncInto(project, upstreamPath(snapshots.at(-1)!.slice(0, 3)), ['--tag', 'Realtime'], 'realtime');
    const operations = realtime.model.tags.flatMap((t) => t.operations);
    expect(operations).toHaveLength(9);
    expect(realtime.model.schemas).toHaveLength(42);
    const accept = operations.find((o) => o.path === '/realtime/calls/{call_id}/accept')!;
    expect(accept.parameters.path.map((p) => p.name)).toStrictEqual(['call_id']);
    const create = operations.find((o) => o.path === '/realtime/calls')!;
    expect(create.requestBody!.content.map((c) => c.mediaType)).toStrictEqual(['multipart/form-data', 'application/sdp']);
    const api = project.read('generated/src/apis/RealtimeApi.ts');
    expect(api).toMatch(/createRealtimeCall\(\s*body: RealtimeCallCreateRequest,\s*options\?: RequestOptions,\s*\): ApiPromise<string>/);
    expect(api).toMatch(/acceptRealtimeCall\(\s*callId: string,/);
  });

  it('syncs the whole newest document (--all): 288 operations', { timeout: 900_000 }, async () => {
    const project = copyRepoProject();
    projects.push(project);
    whole = await syncInto(project, upstreamPath(snapshots.at(-1)!.slice(0, 3)), ['--all'], 'all');
    expect(whole.model.tags.flatMap((t) => t.operations)).toHaveLength(288);
  });

  it('every package, and every TypeScript example in its README and docs, type-checks under --strict (one tsc run)', { timeout: 900_000 }, () => {
    const packages = [...synced, ...(realtime ? [realtime] : []), ...(whole ? [whole] : [])].map((s) => ({ dir: s.dir, name: 'openai-realtime-client' }));
    expect(packages.length).toBe(snapshots.length + 2);
    expect(typecheckPackages(join(work, 'typecheck'), packages)).toBe('');
  });

  it('each snapshot\'s client passes the contract: a request valid against that snapshot\'s schema, its response parsed', { timeout: 300_000 }, async () => {
    expect(synced).toHaveLength(snapshots.length);
    for (const entry of synced) {
      const operation = entry.model.tags[0]!.operations[0]!;
      const validators = schemaValidators(entry.contract);
      const body = exampleValue(bodySchema(operation), entry.model);
      const answer = exampleValue(responseSchema(operation), entry.model);
      expect(validators.of(responseSchema(operation))(answer), `${entry.snapshot}: canned response ${JSON.stringify(validators.errors())}`).toBe(true);
      const seen = await callThrough(entry, (request, response) => {
        const problems = checkRequest(request, 'POST', '/v1/realtime/sessions', 'application/json');
        const parsed = JSON.parse(request.body) as unknown;
        if (!validators.of(bodySchema(operation))(parsed)) problems.push(`body: ${JSON.stringify(validators.errors())}`);
        if (problems.length > 0) return sendJson(response, 422, { error: { message: problems.join('; ') } });
        sendJson(response, 200, { ...(answer as object), unknown_future_field: 1 });
      }, async (mod, baseUrl) => {
        const api = new mod.RealtimeApi({ apiKey: API_KEY, baseUrl });
        expect(await api.createRealtimeSession(body)).toStrictEqual({ ...(answer as object), unknown_future_field: 1 });
      });
      expect(JSON.parse(seen[0]!.body), entry.snapshot).toStrictEqual(body);
    }
  });

  it('the Realtime tag client sends multipart and reads an SDP answer, and fills path parameters', { timeout: 300_000 }, async () => {
    expect(realtime).toBeDefined();
    const seen = await callThrough(realtime!, (request, response) => {
      if (request.url === '/v1/realtime/calls') {
        const problems = checkRequest(request, 'POST', '/v1/realtime/calls', 'multipart/form-data; boundary=');
        if (!/name="sdp"\r\n\r\nv=0\r\n/.test(request.body)) problems.push('sdp part');
        if (!/name="session"\r\n\r\n\{"type":"realtime","model":"gpt-realtime"\}\r\n/.test(request.body)) problems.push('session part as JSON');
        if (problems.length > 0) return sendJson(response, 422, { error: { message: problems.join('; ') } });
        response.writeHead(201, { 'content-type': 'application/sdp', location: '/v1/realtime/calls/rtc_1' });
        return void response.end('v=0\r\no=- answer\r\n');
      }
      const problems = checkRequest(request, 'POST', '/v1/realtime/calls/rtc%201/accept', 'application/json');
      if (problems.length > 0) return sendJson(response, 422, { error: { message: problems.join('; ') } });
      response.writeHead(200);
      response.end();
    }, async (mod, baseUrl) => {
      const api = new mod.RealtimeApi({ apiKey: API_KEY, baseUrl });
      expect(await api.createRealtimeCall({ sdp: 'v=0\r\n', session: { type: 'realtime', model: 'gpt-realtime' } })).toBe('v=0\r\no=- answer\r\n');
      expect(await api.acceptRealtimeCall('rtc 1', { type: 'realtime', model: 'gpt-realtime' })).toBeUndefined();
    });
    expect(seen.map((r) => r.url)).toStrictEqual(['/v1/realtime/calls', '/v1/realtime/calls/rtc%201/accept']);
  });
});

function bodySchema(operation: OperationModel): SchemaNode {
  return operation.requestBody!.content[0]!.schema;
}

function responseSchema(operation: OperationModel): SchemaNode {
  return operation.responses.find((r) => r.status.startsWith('2'))!.content[0]!.schema;
}

function checkRequest(request: SeenRequest, method: string, url: string, contentType: string): string[] {
  const problems: string[] = [];
  if (request.method !== method) problems.push(`method ${request.method}`);
  if (request.url !== url) problems.push(`path ${request.url}`);
  if (request.headers.authorization !== `Bearer ${API_KEY}`) problems.push('authorization');
  if (!String(request.headers['content-type']).startsWith(contentType)) problems.push(`content-type ${request.headers['content-type']}`);
  return problems;
}

type Handler = Parameters<typeof startServer>[0];
interface GeneratedModule {
  RealtimeApi: new (options: { apiKey: string; baseUrl: string }) => { [method in 'createRealtimeSession' | 'createRealtimeCall' | 'acceptRealtimeCall']: (...args: unknown[]) => Promise<unknown> };
}

/** Starts a server, imports the package's sources, runs `use` with the server's base URL, returns what the server saw. */
async function callThrough(entry: Synced, handle: Handler, use: (mod: GeneratedModule, baseUrl: string) => Promise<void>): Promise<SeenRequest[]> {
  const server = await startServer(handle);
  try {
    await use((await import(pathToFileURL(join(entry.dir, 'src/index.ts')).href)) as GeneratedModule, `${server.url}/v1`);
    return server.requests;
  } finally {
    await server.close();
  }
}

/** ajv (JSON Schema 2020-12) validators for the named schemas of a subset. */
function schemaValidators(document: JsonObject): { of(node: SchemaNode): ValidateFunction; errors(): unknown } {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addFormat('unixtime', true);
  ajv.addSchema({ $id: 'https://openapi-morph.test/replay.json', components: document['components'] });
  let last: ValidateFunction | undefined;
  return {
    of(node) {
      if (node.kind !== 'ref') throw new Error('the contract validates named schemas');
      last = ajv.getSchema(`https://openapi-morph.test/replay.json#/components/schemas/${node.name}`)!;
      return last;
    },
    errors: () => last?.errors,
  };
}
