import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.ts';
import { typecheckPackages } from './helpers/package-check.ts';
import { tempProject, type TempProject } from './helpers/project.ts';

/**
 * The README's usage examples and the API docs call an operation: every required argument must
 * be there (path parameters, the body, `params` with each required query, header and cookie
 * parameter), or the examples a user copies do not compile.
 */
const SPEC = `openapi: 3.1.0
info: { title: Search, version: 1.0.0 }
servers: [{ url: https://api.example.com }]
security: [{ Bearer: [] }]
paths:
  /orgs/{org_id}/search:
    get:
      operationId: search
      tags: [Search]
      parameters:
        - { name: org_id, in: path, required: true, schema: { type: string } }
        - { name: q, in: query, required: true, schema: { type: string, example: cats } }
        - { name: limit, in: query, schema: { type: integer } }
        - { name: x-tenant, in: header, required: true, schema: { type: string, enum: [eu, us] } }
      responses:
        '200':
          description: Hits.
          content: { application/json: { schema: { type: array, items: { type: string } } } }
components:
  securitySchemes:
    Bearer: { type: http, scheme: bearer }
`;

let project: TempProject;
beforeAll(async () => {
  project = tempProject({ spec: SPEC, inRepo: true, config: { package: { name: 'search-client' } } });
  const run = await runCli(['generate'], project.dir);
  expect(run.stderr).toBe('');
});
afterAll(() => project.remove());

describe('examples of a call with required parameters', () => {
  it('give each required query and header parameter, and nothing optional', () => {
    const call = /api\.search\(\s*"string",\s*\{\s*query: \{ q: "cats" \},\s*header: \{ "x-tenant": "eu" \},?\s*\}/g;
    expect(project.read('generated/README.md').match(call)?.length).toBeGreaterThanOrEqual(2);
    expect(project.read('generated/docs/SearchApi.md')).toMatch(call);
    expect(project.read('generated/README.md')).not.toContain('limit:');
  });

  it('type-check, README and docs alike', () => {
    expect(typecheckPackages(join(project.dir, 'check'), [{ dir: join(project.dir, 'generated'), name: 'search-client' }])).toBe('');
  });
});
