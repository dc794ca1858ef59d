import { describe, expect, it } from 'vitest';
import type { ApiModel, MediaTypeModel, OperationModel, ResponseModel, SchemaNode } from '../../generator/model/types.ts';
import { bodyKind } from '../../generator/template-api/media.ts';
import { methodSignature } from '../../generator/template-api/signature.ts';
import api from '../../templates/api.ts';
import { fixtureContext, fixtureModel } from '../helpers/model-fixture.ts';


const string: SchemaNode = { kind: 'string', nullable: false };
const binary: SchemaNode = { kind: 'string', nullable: false, format: 'binary' };
const upload: SchemaNode = { kind: 'object', nullable: false, additionalProperties: true, properties: [{ name: 'file', required: true, schema: binary }] };
const pet: SchemaNode = { kind: 'ref', name: 'pet', typeName: 'Pet', nullable: false };

function operation(body: MediaTypeModel[] | undefined, responses: ResponseModel[]): OperationModel {
  return {
    operationId: 'op',
    methodName: 'op',
    method: 'post',
    path: '/things',
    pointer: '#/paths/~1things/post',
    deprecated: false,
    tags: ['Pets'],
    parameters: { path: [], query: [], header: [], cookie: [] },
    ...(body ? { requestBody: { required: true, content: body } } : {}),
    responses,
    security: [],
  };
}
const ok = (content: MediaTypeModel[], status = '200'): ResponseModel => ({ status, content, headers: [] });

describe('media kinds', () => {
  it.each([
    ['application/json', string, 'json'],
    ['application/vnd.api+json; charset=utf-8', string, 'json'],
    ['multipart/form-data', upload, 'multipart'],
    ['application/x-www-form-urlencoded', upload, 'form'],
    ['text/plain', string, 'text'],
    ['application/sdp', string, 'text'],
    ['application/xml', string, 'text'],
    // A plain `type: string` is `string` in `paths` under any media type (issue 13, cause 6).
    ['application/octet-stream', string, 'text'],
    ['*/*', string, 'text'],
    ['application/octet-stream', binary, 'binary'],
    ['image/png', { kind: 'unknown', nullable: false } as SchemaNode, 'binary'],
    ['image/webp', binary, 'binary'],
    ['text/csv', binary, 'binary'],
  ] as const)('%s is %s', (mediaType, schema, kind) => {
    expect(bodyKind({ mediaType, schema })).toBe(kind);
  });
});

describe('request Content-Type', () => {
  it.each([
    ['*/*', string, 'text/plain'],
    ['*/*', binary, 'application/octet-stream'],
    ['image/*', binary, 'application/octet-stream'],
    ['application/sdp', string, 'application/sdp'],
  ] as const)('a %s body is sent as %s', (mediaType, schema, sent) => {
    expect(methodSignature(operation([{ mediaType, schema }], [ok([], '204')])).requestContentType).toBe(sent);
  });

  it('a path parameter named twice in the path is one method parameter', () => {
    const id = { name: 'id', in: 'path', required: true, schema: string } as unknown as OperationModel['parameters']['path'][number];
    const op = { ...operation(undefined, [ok([], '204')]), path: '/a/{id}/b/{id}', parameters: { path: [id], query: [], header: [], cookie: [] } };
    expect(methodSignature(op).parameters.map((p) => p.name)).toStrictEqual(['id', 'options']);
  });
});

describe('method signatures for non-JSON bodies and responses', () => {
  const cases: { name: string; op: OperationModel; text: string; request?: string; response: string; accept: string | undefined }[] = [
    {
      name: 'text body, text response',
      op: operation([{ mediaType: 'application/sdp', schema: string }], [ok([{ mediaType: 'application/sdp', schema: string }], '201')]),
      text: 'op(body: string, options?: RequestOptions): Promise<string>',
      request: 'text',
      response: 'text',
      accept: 'application/sdp, */*;q=0.1',
    },
    {
      name: 'binary body, no content',
      op: operation([{ mediaType: 'application/octet-stream', schema: binary }], [ok([], '204')]),
      text: 'op(body: Blob | ArrayBuffer | ArrayBufferView, options?: RequestOptions): Promise<void>',
      request: 'binary',
      response: 'none',
      accept: undefined,
    },
    {
      name: 'multipart preferred after JSON, binary response',
      op: operation([{ mediaType: 'multipart/form-data', schema: pet }, { mediaType: 'application/json', schema: pet }], [ok([{ mediaType: 'video/mp4', schema: binary }])]),
      text: 'op(body: Pet, options?: RequestOptions): Promise<Blob>',
      request: 'json',
      response: 'binary',
      accept: 'video/mp4, */*;q=0.1',
    },
    {
      name: 'the first media type when none is JSON',
      op: operation([{ mediaType: 'multipart/form-data', schema: pet }, { mediaType: 'application/sdp', schema: string }], [ok([{ mediaType: 'application/json', schema: pet }, { mediaType: 'text/event-stream', schema: string }])]),
      text: 'op(body: Pet, options?: RequestOptions): Promise<Pet>',
      request: 'multipart',
      response: 'json',
      accept: 'application/json, */*;q=0.1',
    },
    {
      name: 'several 2xx responses with different bodies: a union',
      op: operation(undefined, [ok([{ mediaType: 'application/json', schema: pet }]), ok([], '202'), { status: '404', content: [{ mediaType: 'application/json', schema: string }], headers: [] }]),
      text: 'op(options?: RequestOptions): Promise<Pet | undefined>',
      response: 'json',
      accept: 'application/json, */*;q=0.1',
    },
    {
      // clarify.io's DELETE: `undefined | undefined` before.
      name: 'a 200 and a 204 without content',
      op: operation(undefined, [ok([]), ok([], '204')]),
      text: 'op(options?: RequestOptions): Promise<undefined>',
      response: 'none',
      accept: undefined,
    },
  ];
  it.each(cases)('$name', ({ op, text, request, response, accept }) => {
    const signature = methodSignature(op);
    expect(signature.text).toBe(text);
    expect(signature.requestKind).toBe(request);
    expect(signature.responseKind).toBe(response);
    expect(signature.accept).toBe(accept);
  });

  it.each([
    { name: 'each 2xx response\'s media type once, in order', responses: [ok([{ mediaType: 'application/xml', schema: pet }, { mediaType: 'application/vnd.api+json', schema: pet }]), ok([{ mediaType: 'text/csv', schema: string }], '203'), ok([{ mediaType: 'application/vnd.api+json', schema: pet }], '206')], accept: 'application/vnd.api+json, text/csv, */*;q=0.1' },
    { name: 'ranges and parameters as written', responses: [ok([{ mediaType: 'image/*', schema: binary }]), ok([{ mediaType: 'text/plain; charset=utf-8', schema: string }], '201')], accept: 'image/*, text/plain; charset=utf-8, */*;q=0.1' },
    { name: 'a key that is no media type: none', responses: [ok([{ mediaType: 'applicationjson', schema: pet }])], accept: undefined },
    { name: 'a parameter a browser would preflight: none', responses: [ok([{ mediaType: 'application/json; profile="a b"', schema: pet }])], accept: undefined },
    { name: 'longer than 128 bytes: none', responses: [ok([{ mediaType: `application/vnd.${'x'.repeat(105)}+json`, schema: pet }])], accept: undefined },
    { name: 'an error response\'s type is not asked for', responses: [ok([], '204'), { status: '400', content: [{ mediaType: 'application/problem+json', schema: pet }], headers: [] }], accept: undefined },
    { name: 'the default response when it is the success', responses: [{ status: 'default', content: [{ mediaType: 'application/hal+json', schema: pet }], headers: [] }], accept: 'application/hal+json, */*;q=0.1' },
    { name: 'a range of anything is the low preference itself', responses: [ok([{ mediaType: '*/*', schema: string }])], accept: '*/*' },
  ])('Accept: $name', ({ responses, accept }) => {
    expect(methodSignature(operation(undefined, responses)).accept).toBe(accept);
  });

  it.each([
    { name: 'as written, without the low preference', fixed: 'application/vnd.github.echo-preview+json,application/vnd.github.squirrel-girl-preview+json', accept: 'application/vnd.github.echo-preview+json, application/vnd.github.squirrel-girl-preview+json' },
    { name: 'one that is no media type: what the method reads', fixed: 'preview please', accept: 'application/json, */*;q=0.1' },
    { name: 'longer than 128 bytes: what the method reads', fixed: `application/vnd.${'x'.repeat(120)}+json`, accept: 'application/json, */*;q=0.1' },
    { name: 'a type the method would not read as JSON: what the method reads (a review: TOML asked for, JSON parsed)', fixed: 'application/toml', accept: 'application/json, */*;q=0.1' },
  ])('Accept fixed by the spec: $name', ({ fixed, accept }) => {
    const op = { ...operation(undefined, [ok([{ mediaType: 'application/json', schema: pet }])]), accept: fixed };
    expect(methodSignature(op).accept).toBe(accept);
  });

  it('the api template sends each kind with its serializer and Content-Type, and tells the core how to read the response', () => {
    const model: ApiModel = {
      ...fixtureModel,
      tags: [{ name: 'Pets', className: 'PetsApi', operations: [
        { ...cases[0]!.op, methodName: 'offer' },
        { ...cases[1]!.op, methodName: 'put', requestBody: { required: false, content: [{ mediaType: 'application/octet-stream', schema: binary }] } },
        { ...cases[3]!.op, methodName: 'upload' },
        { ...cases[2]!.op, methodName: 'form', requestBody: { required: true, content: [{ mediaType: 'application/x-www-form-urlencoded', schema: pet }] } },
      ] }],
    };
    const file = api.render(fixtureContext(model), model.tags[0]!) as { statements: unknown[] };
    const code = JSON.stringify(file.statements);
    expect(code).toContain('this.#core.call<string>(\\"op\\", \\"POST\\", \\"text\\", [], options, (client, init) => client.POST(\\"/things\\", { ...init, body, bodySerializer: asIs, headers: { Accept: \\"application/sdp, */*;q=0.1\\", \\"Content-Type\\": \\"application/sdp\\", ...init.headers } })');
    expect(code).toContain('body: body === undefined ? undefined : binary(body, \\"application/octet-stream\\"), bodySerializer: asIs, headers: { ...(body === undefined ? {} : { \\"Content-Type\\": \\"application/octet-stream\\" }), ...init.headers }');
    expect(code).toContain('{ ...init, body, bodySerializer: formData, headers: { Accept: \\"application/json, */*;q=0.1\\", ...init.headers } })');
    expect(code).toContain('this.#core.call<Blob>(\\"op\\", \\"POST\\", \\"binary\\", [], options, (client, init) => client.POST(\\"/things\\", { ...init, body, bodySerializer: formBody(), headers: { Accept: \\"video/mp4, */*;q=0.1\\", \\"Content-Type\\": \\"application/x-www-form-urlencoded\\", ...init.headers } })');
    expect(code).toContain('"moduleSpecifier":"../runtime/body.js","namedImports":["asIs","binary","formBody","formData"]');
  });

  it('an optional binary body before a required argument is `| undefined` and only wrapped when given', () => {
    const name = { name: 'name', in: 'query' as const, required: true, deprecated: false, schema: string, style: 'form' as const, explode: true, allowReserved: false };
    const op: OperationModel = { ...operation(undefined, [ok([])]), methodName: 'upload', parameters: { path: [], query: [name], header: [], cookie: [] }, requestBody: { required: false, content: [{ mediaType: 'application/octet-stream', schema: binary }] } };
    expect(methodSignature(op).text).toBe('upload(body: Blob | ArrayBuffer | ArrayBufferView | undefined, params: { query: NonNullable<paths["/things"]["post"]["parameters"]["query"]> }, options?: RequestOptions): Promise<void>');
    const model: ApiModel = { ...fixtureModel, tags: [{ name: 'Pets', className: 'PetsApi', operations: [op] }] };
    const code = JSON.stringify((api.render(fixtureContext(model), model.tags[0]!) as { statements: unknown[] }).statements);
    expect(code).toContain('body: body === undefined ? undefined : binary(body, \\"application/octet-stream\\")');
  });
});

describe('the types a signature refers to', () => {
  const owner: SchemaNode = { kind: 'ref', name: 'owner', typeName: 'Owner', nullable: false };
  const problem: SchemaNode = { kind: 'ref', name: 'problem', typeName: 'Problem', nullable: true };
  const modules = (op: OperationModel, schemas: Parameters<typeof methodSignature>[1] = []) => methodSignature(op, schemas).referencedTypes.map((s) => `${s.name} ${s.module}`);

  it.each([
    {
      name: 'named body, result and error types come from the models; options from the runtime',
      op: { ...operation([{ mediaType: 'application/json', schema: pet }], [ok([{ mediaType: 'application/json', schema: owner }]), { status: '404', content: [{ mediaType: 'application/json', schema: problem }], headers: [] }]) },
      want: ['Owner src/models.ts', 'Pet src/models.ts', 'Problem src/models.ts', 'RequestOptions src/runtime/options.ts'],
    },
    {
      name: 'inline types are typed through `paths`',
      op: operation([{ mediaType: 'application/json', schema: upload }], [ok([{ mediaType: 'application/json', schema: upload }])]),
      want: ['RequestOptions src/runtime/options.ts', 'paths src/schema.ts'],
    },
    {
      name: 'query parameters are typed through `paths`; text and binary bodies name nothing',
      op: { ...operation([{ mediaType: 'text/plain', schema: string }], [ok([{ mediaType: 'application/octet-stream', schema: binary }])]), parameters: { path: [], query: [{ name: 'q', in: 'query' as const, required: false, deprecated: false, schema: string, style: 'form' as const, explode: true, allowReserved: false }], header: [], cookie: [] } },
      want: ['RequestOptions src/runtime/options.ts', 'paths src/schema.ts'],
    },
    {
      // An enum value spelled like a model type is a literal, not a reference (no guessing from the type text).
      name: 'a path parameter names the model types its schema refers to, at any depth, and nothing its literals spell',
      op: {
        ...operation(undefined, [ok([])]),
        path: '/things/{a}/{b}',
        parameters: {
          path: [
            { name: 'a', in: 'path' as const, required: true, deprecated: false, schema: { kind: 'string' as const, nullable: false, enum: ['Pet'] }, style: 'simple' as const, explode: false, allowReserved: false },
            { name: 'b', in: 'path' as const, required: true, deprecated: false, schema: { kind: 'union' as const, combinator: 'oneOf' as const, nullable: false, variants: [{ kind: 'array' as const, nullable: false, items: owner }, string] }, style: 'simple' as const, explode: false, allowReserved: false },
          ],
          query: [],
          header: [],
          cookie: [],
        },
      },
      want: ['Owner src/models.ts', 'RequestOptions src/runtime/options.ts'],
    },
  ])('$name', ({ op, want }) => {
    expect(modules(op)).toStrictEqual(want);
  });

  it('a body reaching a null-only property refers to openapi-fetch\'s RequestBodyOption and `paths`', () => {
    const nullOnly: SchemaNode = { kind: 'object', nullable: false, additionalProperties: true, properties: [{ name: 'gone', required: false, schema: { kind: 'null', nullable: false } }] };
    expect(modules(operation([{ mediaType: 'application/json', schema: nullOnly }], [ok([])]))).toStrictEqual(['RequestBodyOption openapi-fetch', 'RequestOptions src/runtime/options.ts', 'paths src/schema.ts']);
  });

  it('the api template imports what its code uses, and a model type only where a type refers to it', () => {
    const enumPath: OperationModel = {
      ...operation(undefined, [ok([{ mediaType: 'application/json', schema: owner }])]),
      methodName: 'find',
      path: '/things/{kind}',
      parameters: { path: [{ name: 'kind', in: 'path', required: true, deprecated: false, schema: { kind: 'string', nullable: false, enum: ['Pet'] }, style: 'simple', explode: false, allowReserved: false }], query: [], header: [], cookie: [] },
    };
    const model: ApiModel = { ...fixtureModel, schemas: [...fixtureModel.schemas, { name: 'owner', typeName: 'Owner', pointer: '#/components/schemas/owner', schema: upload }], tags: [{ name: 'Pets', className: 'PetsApi', operations: [enumPath] }] };
    const file = api.render(fixtureContext(model), model.tags[0]!) as { statements: { kind?: unknown; moduleSpecifier?: string; namedImports?: unknown; isTypeOnly?: boolean }[] };
    const imports = file.statements.filter((s) => typeof s === 'object' && 'moduleSpecifier' in s).map((s) => [s.moduleSpecifier, s.namedImports, s.isTypeOnly ?? false]);
    expect(imports).toStrictEqual([
      ['../models.js', ['Owner'], true],
      ['../runtime/api-promise.js', ['ApiPromise'], true],
      ['../runtime/core.js', ['ApiCore'], false],
      ['../runtime/defaults.js', [{ name: 'AuthOptions', isTypeOnly: true }, 'defaults'], false],
      ['../runtime/error-bodies.js', ['OtherError'], true],
      ['../runtime/errors.js', ['ApiError'], false],
      ['../runtime/options.js', ['ClientOptions', 'RequestOptions'], true],
      ['../schema.js', ['paths'], true],
    ]);
  });
});
