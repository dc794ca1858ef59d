import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { tempProject, type TempProject } from './project.ts';

/** Two operations under one tag, two schemas: enough for every template scope. */
export const PETS_SPEC = `openapi: 3.1.0
info:
  title: Pets
  version: 1.0.0
servers:
  - url: https://pets.example/v1
tags:
  - name: Pets
paths:
  /pets:
    post:
      operationId: create-pet
      tags: [Pets]
      requestBody:
        required: true
        content:
          application/json:
            schema:
              $ref: '#/components/schemas/Pet'
      responses:
        '200':
          description: The pet.
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/Pet'
  /pets/{pet_id}:
    get:
      operationId: get-pet
      tags: [Pets]
      parameters:
        - name: pet_id
          in: path
          required: true
          schema:
            type: string
      responses:
        '200':
          description: The pet.
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/Pet'
components:
  schemas:
    Pet:
      type: object
      required: [name]
      properties:
        name:
          type: string
        size:
          $ref: '#/components/schemas/Size'
    Size:
      type: string
      enum: [small, large]
`;

/**
 * A temp project inside the repository (team templates import `openapi-morph`) with the pets
 * spec, a team folder `team/` holding `templates` (path -> module text), and a config whose
 * body is `config` (JavaScript object members, e.g. `typecheck: 'never'`).
 */
export function teamProject(options: { templates?: Record<string, string>; config?: string } = {}): TempProject {
  const project = tempProject({
    inRepo: true,
    spec: PETS_SPEC,
    config: `export default {
  spec: 'spec/openapi.yaml',
  package: { name: 'pets-client', apiKeyEnv: 'PETS_API_KEY' },
  templates: { dir: 'team' },
  ${options.config ?? ''}
};\n`,
  });
  mkdirSync(join(project.dir, 'team'), { recursive: true });
  for (const [path, text] of Object.entries(options.templates ?? {})) project.write(join('team', path), text);
  return project;
}

/** A team template module: `defineTemplate({ apiVersion: 1, name, description, scope, render })` around `body`. */
export function templateModule(name: string, scope: 'document' | 'tag' | 'schema', render: string, prelude = ''): string {
  return `import { defineTemplate } from 'openapi-morph';
${prelude}
export default defineTemplate({
  apiVersion: 1,
  name: ${JSON.stringify(name)},
  description: ${JSON.stringify(`test template ${name}`)},
  scope: ${JSON.stringify(scope)},
  render${render},
});
`;
}
