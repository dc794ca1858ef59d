/**
 * A Swagger 2.0 document is converted to OpenAPI 3.0 before the stages run; a problem found after
 * that is still reported where the user wrote it: the 2.0 file's line and its 2.0 pointer.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { swagger2Pointer } from '../generator/load/swagger2.ts';
import { runCli } from './helpers/cli.ts';
import { tempProject, type TempProject } from './helpers/project.ts';

const SPEC = `swagger: "2.0"
info: { title: Loops, version: 1.0.0 }
paths:
  /a:
    get:
      operationId: getA
      produces: [application/json]
      responses:
        "200":
          description: ok
          schema: { $ref: "#/definitions/A" }
definitions:
  A:
    $ref: "#/definitions/B"
  B:
    $ref: "#/definitions/A"
`;

describe('Swagger 2.0 diagnostics', () => {
  let project: TempProject;
  afterEach(() => project.remove());

  it('an alias loop is located at its line and 2.0 pointer in the 2.0 file', async () => {
    project = tempProject({ spec: SPEC });
    const run = await runCli(['generate'], project.dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('spec/openapi.yaml:14:5 (#/definitions/A/$ref) - error OM214');
  });

  it.each([
    ['#/components/schemas/A/properties/x', '#/definitions/A/properties/x'],
    ['#/components/securitySchemes/key', '#/securityDefinitions/key'],
    ['#/paths/~1a/get/responses/200/content/application~1json/schema/items', '#/paths/~1a/get/responses/200/schema/items'],
    ['#/paths/~1a/post/requestBody/content/application~1json/schema', '#/paths/~1a/post/parameters'],
    ['#/paths/~1a/get/parameters/0', '#/paths/~1a/get/parameters/0'],
  ])('%s -> %s', (given, want) => {
    expect(swagger2Pointer(given)).toBe(want);
  });
});
