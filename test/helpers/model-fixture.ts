import type { ApiModel, OperationModel, SchemaModel } from '../../generator/model/types.ts';
import { defaultNaming } from '../../generator/naming/resolver.ts';
import { createTemplateContext } from '../../generator/template-api/context.ts';
import type { TemplateContext, TemplateOptions } from '../../generator/template-api/types.ts';

const string = { kind: 'string', nullable: false } as const;

const Pet: SchemaModel = {
  name: 'pet',
  typeName: 'Pet',
  pointer: '#/components/schemas/pet',
  schema: {
    kind: 'object',
    nullable: false,
    description: 'A pet. Has */ in its text.',
    additionalProperties: true,
    properties: [
      { name: 'name', required: true, schema: { ...string, description: 'Its name.' } },
      { name: 'kind', required: false, schema: { kind: 'string', nullable: false, enum: ['cat', 'dog'], default: { value: 'cat' } } },
      { name: 'tags', required: false, schema: { kind: 'array', nullable: false, items: { ...string } } },
      { name: 'owner-id', required: false, schema: { kind: 'integer', nullable: true, deprecated: true } },
    ],
  },
};

const Size: SchemaModel = {
  name: 'Size',
  typeName: 'Size',
  pointer: '#/components/schemas/Size',
  schema: { kind: 'union', combinator: 'oneOf', nullable: false, variants: [{ kind: 'integer', nullable: false }, { kind: 'string', nullable: false, enum: ['max'] }] },
};

const updatePet: OperationModel = {
  operationId: 'update-pet',
  methodName: 'updatePet',
  method: 'put',
  path: '/pets/{pet_id}',
  pointer: '#/paths/~1pets~1{pet_id}/put',
  summary: 'Update a pet',
  deprecated: false,
  tags: ['Pets'],
  parameters: {
    path: [{ name: 'pet_id', in: 'path', required: true, deprecated: false, schema: { ...string }, description: 'Which pet.', style: 'simple', explode: false, allowReserved: false }],
    query: [{ name: 'dry-run', in: 'query', required: false, deprecated: false, schema: { kind: 'boolean', nullable: false }, style: 'form', explode: true, allowReserved: false }],
    header: [],
    cookie: [],
  },
  requestBody: { required: true, content: [{ mediaType: 'application/json', schema: { kind: 'ref', name: 'pet', typeName: 'Pet', nullable: false } }] },
  responses: [{ status: '200', description: 'The pet.', headers: [], content: [{ mediaType: 'application/json', schema: { kind: 'ref', name: 'pet', typeName: 'Pet', nullable: false } }] }],
  security: [{ schemes: [{ name: 'Bearer', scopes: [] }] }],
};

const deletePet: OperationModel = {
  ...updatePet,
  operationId: 'delete-pet',
  methodName: 'deletePet',
  method: 'delete',
  pointer: '#/paths/~1pets~1{pet_id}/delete',
  summary: 'Delete a pet',
  deprecated: true,
  parameters: { ...updatePet.parameters, query: [] },
  responses: [{ status: '204', description: 'Gone.', headers: [], content: [] }],
};
delete (deletePet as { requestBody?: unknown }).requestBody;

/** A hand-built model: emitters are tested from this, not from a spec. */
export const fixtureModel: ApiModel = {
  info: { title: 'Pet store', version: '3.0.0', description: 'Pets.' },
  servers: [{ url: 'https://pets.example/v1' }],
  tags: [{ name: 'Pets', className: 'PetsApi', description: 'Pet operations.', operations: [updatePet, deletePet] }],
  schemas: [Pet, Size],
  securitySchemes: [{ name: 'Bearer', type: 'http', scheme: 'bearer' }],
  source: { name: 'spec/pets.yaml', sha256: 'f'.repeat(64), openapi: '3.1.0' },
  renames: [{ kind: 'type', from: 'pet', to: 'Pet', reason: 'naming rule' }],
};

export const fixtureOptions: TemplateOptions = {
  package: { name: 'pets-client', version: '1.2.3', description: 'Pets client.', license: 'MIT', apiKeyEnv: 'PETS_KEY', releases: [{ version: '1.2.3', date: '2026-01-02', source: 'spec/pets.yaml', summary: 'Pets.', changes: [{ severity: 'breaking', message: 'Removed `x`.', operation: 'PUT /pets/{pet_id}' }] }] },
  client: { authEnv: {}, browserKeyPrefixes: undefined, retryCountHeader: 'x-retry-count', idempotencyHeader: 'Idempotency-Key', headersInBrowser: false },
  toolkit: { name: 'openapi-morph', version: '0.0.0-test' },
  dependencies: { 'openapi-fetch': '^0.17.0', typescript: '^5.9.3' },
};

export function fixtureContext(model: ApiModel = fixtureModel): TemplateContext {
  return createTemplateContext(model, defaultNaming, fixtureOptions, () => 'export interface paths {}\nexport interface components {}\nexport interface operations {}\n');
}
