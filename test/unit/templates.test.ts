import { describe, expect, it } from 'vitest';
import { printFiles } from '../../generator/emit/print.ts';
import type { LoadedTemplate } from '../../generator/emit/load-templates.ts';
import type { Template, TemplateFile } from '../../generator/template-api/types.ts';
import api from '../../templates/api.ts';
import changelog from '../../templates/changelog.ts';
import docsApi from '../../templates/docs-api.ts';
import docsModel from '../../templates/docs-model.ts';
import index from '../../templates/index.ts';
import models from '../../templates/models.ts';
import packageJson from '../../templates/package-json.ts';
import type { SchemaNode } from '../../generator/model/types.ts';
import { fixtureContext, fixtureModel } from '../helpers/model-fixture.ts';

const ctx = fixtureContext();
const one = (result: ReturnType<Template['render']>): TemplateFile => {
  const files = Array.isArray(result) ? result : [result];
  expect(files).toHaveLength(1);
  return files[0] as TemplateFile;
};
const text = (template: Template, file: TemplateFile): string =>
  printFiles([{ file, template: { template, file: 'templates/x.ts', source: 'x', origin: 'default', sha256: '' } as LoadedTemplate }], { specName: 'spec/pets.yaml', specSha256: 'f'.repeat(64) })[0]!.content;

describe('default templates, from a hand-built model', () => {
  it('api: one class per tag, methods with path arguments, body, params and options', () => {
    const file = one(api.render(ctx, fixtureModel.tags[0]!));
    expect(file.path).toBe('src/apis/PetsApi.ts');
    const code = text(api, file);
    expect(code).toContain('export class PetsApi {');
    expect(code).toContain('updatePet(petId: string, body: Pet, params?: { query?: NonNullable<paths["/pets/{pet_id}"]["put"]["parameters"]["query"]> }, options?: RequestOptions): ApiPromise<Pet> {');
    expect(code).toContain('client.PUT("/pets/{pet_id}", { ...init, params: { ...params, path: { pet_id: petId } }, body, headers: { Accept: "application/json, */*;q=0.1", ...init.headers } })');
    expect(code).toContain('deletePet(petId: string, options?: RequestOptions): ApiPromise<void> {');
    expect(code).toMatch(/@deprecated\n\s+\*\/\n\s+deletePet/);
    expect(code).toContain('import type { Pet } from "../models.js";');
  });

  it('models: an alias per schema, with escaped docs', () => {
    const code = text(models, one(models.render(ctx)));
    expect(code).toContain('/** A pet. Has *\\/ in its text. */\nexport type Pet = components["schemas"]["pet"];');
    expect(code).toContain('export type Size = components["schemas"]["Size"];');
  });

  it('index: exports classes, models, errors, options and openapi-typescript roots', () => {
    const code = text(index, one(index.render(ctx)));
    expect(code).toContain('export { PetsApi } from "./apis/PetsApi.js";');
    expect(code).toContain('export type { Pet, Size } from "./models.js";');
    expect(code).toContain('export type { components, operations, paths, webhooks } from "./schema.js";');
  });

  it('docs-api: method table, signature, parameters, return type, auth, headers, responses', () => {
    const file = one(docsApi.render(ctx, fixtureModel.tags[0]!));
    expect(file.path).toBe('docs/PetsApi.md');
    const md = file.kind === 'text' ? file.content : '';
    expect(md).toContain('All URIs are relative to *https://pets.example/v1*');
    expect(md).toContain('| [**updatePet**](PetsApi.md#updatepet) | **PUT** `/pets/{pet_id}` | Update a pet |');
    expect(md).toContain('| **petId** | `string` | Which pet. | required, path parameter `pet_id` |');
    expect(md).toContain('| **body** | [**Pet**](Pet.md) |  | required |');
    expect(md).toContain('| `dry-run` | `boolean` |  | optional |');
    expect(md).toContain('### Return type\n\n[**Pet**](Pet.md)');
    expect(md).toContain('void (empty response body)');
    expect(md).toContain('[Bearer](../README.md#authorization)');
    expect(md).toContain('| **204** | Gone. | - |');
    // The headers the method sends: updatePet's JSON body and result, deletePet's nothing.
    expect(md).toContain('- **Content-Type**: `application/json`\n- **Accept**: `application/json, */*;q=0.1`');
    expect(md).toContain('- **Content-Type**: Not defined\n- **Accept**: Not defined');
    expect(md).toContain('await api.updatePet("string", { name: "string" });');
  });

  it('docs-api: a body and a result the spec writes inline list their properties; a named one links its page', () => {
    const inline = { kind: 'object', nullable: false, additionalProperties: false, properties: [{ name: 'name', required: true, schema: { kind: 'string', nullable: false, description: 'What it is called.' } }, { name: 'tag', required: false, schema: { kind: 'string', nullable: false } }] } satisfies SchemaNode;
    const updatePet = fixtureModel.tags[0]!.operations[0]!;
    const operation = {
      ...updatePet,
      requestBody: { required: true, content: [{ mediaType: 'application/json', schema: inline }] },
      responses: [{ status: '200', description: 'Done.', headers: [], content: [{ mediaType: 'application/json', schema: { ...inline, properties: [{ name: 'id', required: true, schema: { kind: 'integer', nullable: false } }] } satisfies SchemaNode }] }],
    };
    const model = { ...fixtureModel, tags: [{ ...fixtureModel.tags[0]!, operations: [operation] }] };
    const file = one(docsApi.render(fixtureContext(model), model.tags[0]!));
    const md = file.kind === 'text' ? file.content : '';
    expect(md).toContain('| **body** | object (properties below) |  | required |');
    expect(md).toContain('#### Body properties (`body`, `application/json`)\n\n| Name | Type | Description | Required |\n| --- | --- | --- | --- |\n| **name** | `string` | What it is called. | Yes |\n| **tag** | `string` |  | No |');
    expect(md).toContain('### Return type\n\n`object`\n\n| Name | Type | Description | Required |\n| --- | --- | --- | --- |\n| **id** | `integer` |  | Yes |');
    // The fixture's own operation: a named body and result, no table of theirs.
    const named = one(docsApi.render(ctx, fixtureModel.tags[0]!));
    expect(named.kind === 'text' ? named.content : '').not.toContain('Body properties');
  });

  it('docs-model: properties with nested rows, defaults, deprecation; unions list their variants', () => {
    const pet = one(docsModel.render(ctx, fixtureModel.schemas[0]!));
    const md = pet.kind === 'text' ? pet.content : '';
    expect(pet.path).toBe('docs/Pet.md');
    expect(md).toContain('Schema `pet` in the spec.');
    expect(md).toContain('| **kind** | `"cat"` \\| `"dog"` | Default: `"cat"`. | No |');
    expect(md).toContain('| **owner-id** | `integer` \\| `null` | **Deprecated.** | No |');
    const size = one(docsModel.render(ctx, fixtureModel.schemas[1]!));
    expect(size.kind === 'text' ? size.content : '').toContain('Exactly one of:\n\n- `integer`\n- `"max"`');
  });

  it('package-json and changelog take version and entries from the release history', () => {
    const pkg = one(packageJson.render(ctx));
    expect(pkg.kind === 'json' ? (pkg.value as Record<string, unknown>)['version'] : undefined).toBe('1.2.3');
    const log = one(changelog.render(ctx));
    expect(log.kind === 'text' ? log.content : '').toContain('## 1.2.3 (2026-01-02)\n\nPets.\n\nSpec source: `spec/pets.yaml`\n\n### Breaking changes\n\n- `PUT /pets/{pet_id}`: Removed `x`.');
  });
});
