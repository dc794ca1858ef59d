import { afterEach, describe, expect, it } from 'vitest';
import { runCli, spawnCli } from './helpers/cli.ts';
import { tempProject, type TempProject } from './helpers/project.ts';

const VALID = `openapi: 3.1.0
info:
  title: Tiny
  version: 1.0.0
paths:
  /things:
    post:
      operationId: create-thing
      requestBody:
        content:
          application/json:
            schema:
              $ref: '#/components/schemas/Thing'
      responses:
        '200':
          description: ok
components:
  schemas:
    Thing:
      type: object
      properties:
        name:
          type: string
`;

let project: TempProject | undefined;
afterEach(() => project?.remove());

/**
 * Generates a valid package first, then breaks the input and checks that `generate` fails with
 * a short, located message and leaves the output exactly as it was.
 */
async function expectRejected(spec: string, args: string[], expected: { code: string; message: RegExp; line?: number; pointer?: string; file?: string }) {
  project = tempProject({ spec: VALID });
  const first = await runCli(['generate'], project.dir);
  expect(first.stderr).toBe('');
  expect(first.code).toBe(0);
  project.write('spec/openapi.yaml', spec);
  const before = project.snapshot();
  const run = await runCli(['generate', ...args], project.dir);
  expect(run.code).toBe(1);
  expect(run.stdout).toBe('');
  const line = run.stderr.split('\n').find((l) => l.includes(expected.code) && (expected.pointer === undefined || l.includes(`(${expected.pointer})`)));
  expect(line, run.stderr).toBeDefined();
  expect(line).toMatch(expected.message);
  const file = expected.file ?? 'spec/openapi.yaml';
  if (expected.line !== undefined) expect(line).toContain(`${file}:${expected.line}:`);
  else expect(line).toContain(file);
  if (expected.pointer !== undefined) expect(line).toContain(`(${expected.pointer})`);
  expect(run.stderr).not.toMatch(/\n\s+at /);
  expect(run.stderr).toContain('nothing was written');
  expect(project.snapshot()).toStrictEqual(before);
  return run;
}

describe('bad input: a located message, exit 1, no stack trace, nothing written', () => {
  it('missing spec file', async () => {
    await expectRejected(VALID, ['--spec', 'spec/nope.yaml'], { code: 'OM200', message: /spec file not found: spec\/nope\.yaml/, file: 'spec/nope.yaml' });
  });

  it('YAML syntax error', async () => {
    const broken = VALID.replace('      operationId: create-thing', '      operationId: [create-thing');
    await expectRejected(broken, [], { code: 'OM202', message: /YAML syntax error/, line: 9 });
  });

  it('invalid OpenAPI (a response without a description, a parameter in a wrong place)', async () => {
    const invalid = VALID.replace("        '200':\n          description: ok", "        '200':\n          descriptio: ok").replace(
      '      operationId: create-thing',
      '      operationId: create-thing\n      parameters:\n        - name: q\n          in: body\n          schema: { type: string }',
    );
    const run = await expectRejected(invalid, [], { code: 'OM206', message: /invalid OpenAPI: missing required property "description"/, line: 19, pointer: '#/paths/~1things/post/responses/200' });
    expect(run.stderr).toMatch(/spec\/openapi\.yaml:11:11 \(#\/paths\/~1things\/post\/parameters\/0\/in\) - error OM206: invalid OpenAPI: must be one of "query", "header", "path", "cookie"/);
  });

  it('$ref to a missing component', async () => {
    await expectRejected(VALID.replace("#/components/schemas/Thing'", "#/components/schemas/Thingy'"), [], {
      code: 'OM208',
      message: /\$ref "#\/components\/schemas\/Thingy" points to nothing/,
      line: 13,
      pointer: '#/paths/~1things/post/requestBody/content/application~1json/schema/$ref',
    });
  });

  it('external $ref', async () => {
    await expectRejected(VALID.replace("'#/components/schemas/Thing'", "'./other.yaml#/Thing'"), [], {
      code: 'OM207',
      message: /external \$ref "\.\/other\.yaml#\/Thing" refused/,
      line: 13,
      pointer: '#/paths/~1things/post/requestBody/content/application~1json/schema/$ref',
    });
  });

  it('a required property whose schema is false (3.1: no object could be valid): refused at its line, saying what is supported', async () => {
    const spec = VALID.replace('      properties:\n', '      required: [gone]\n      properties:\n        gone: false\n');
    await expectRejected(spec, [], { code: 'OM206', message: /a false schema \(no value is valid\) is supported only as a property that may be absent/, line: 23, pointer: '#/components/schemas/Thing/properties/gone' });
  });

  it('a schema type no JSON Schema has (found when the model is built, after validation): its line too', async () => {
    await expectRejected(VALID.replace('      type: object', '      type: objct'), [], { code: 'OM206', message: /unknown schema type "objct"/, line: 20, pointer: '#/components/schemas/Thing/type' });
  });

  it('an unknown key says what the object wants: the key it is close to, or the few keys it allows', async () => {
    await expectRejected(VALID.replace("      operationId: create-thing\n", "      operationId: create-thing\n      sumary: Create\n"), [], { code: 'OM206', message: /unknown property "sumary"; did you mean "summary"\?$/, line: 9, pointer: '#/paths/~1things/post/sumary' });
    // (3.0's schema checks an XML object's keys; 3.1's leaves a schema's keywords to JSON Schema.)
    const xml = VALID.replace('openapi: 3.1.0', 'openapi: 3.0.3').replace('          type: string\n', '          type: string\n          xml: { attribute: true, example: a }\n');
    await expectRejected(xml, [], { code: 'OM206', message: /unknown property "example" \(the object allows name, namespace, prefix, attribute, wrapped, x-\.\.\.\)$/, line: 24, pointer: '#/components/schemas/Thing/properties/name/xml/example' });
  });

  it("an unknown key where several kinds of object may stand is one message, from the kind that fits (3.0, Swagger 2.0); an extension with a capital X says so", async () => {
    // 3.0's schema chooses a security scheme among four definitions; each used to print its errors (4 messages, "must be one of apiKey, ...").
    const scheme = VALID.replace('openapi: 3.1.0', 'openapi: 3.0.3').replace('components:\n', 'security:\n  - token: []\ncomponents:\n  securitySchemes:\n    token: { type: http, scheme: bearer, bearerFromat: JWT }\n');
    const run = await expectRejected(scheme, [], { code: 'OM206', message: /unknown property "bearerFromat"; did you mean "bearerFormat"\?$/, pointer: '#/components/securitySchemes/token/bearerFromat' });
    expect(run.stderr.match(/OM206/g)).toHaveLength(1);
    // Swagger 2.0 chooses a parameter among body, header, form, query and path ones, or a reference: 5 messages, among them `unknown property "name"`.
    const swagger = `swagger: "2.0"\ninfo: { title: Tiny, version: 1.0.0 }\npaths:\n  /things:\n    get:\n      operationId: list-things\n      parameters:\n        - { name: q, in: query, type: string, desciption: typo }\n      responses:\n        '200': { description: ok }\n`;
    const parameter = await expectRejected(swagger, [], { code: 'OM206', message: /unknown property "desciption"; did you mean "description"\?$/, line: 8, pointer: '#/paths/~1things/get/parameters/0/desciption' });
    expect(parameter.stderr.match(/OM206/g)).toHaveLength(1);
    await expectRejected(VALID.replace('  version: 1.0.0\n', '  version: 1.0.0\n  X-Logo: a\n'), [], { code: 'OM206', message: /unknown property "X-Logo"; an extension starts with a lowercase "x-"$/, pointer: '#/info/X-Logo' });
  });

  it('a selection that matches nothing', async () => {
    await expectRejected(VALID, ['--operation-id', 'delete-thing'], { code: 'OM302', message: /no operation in spec\/openapi\.yaml matches operationId "delete-thing"/, pointer: '#/paths' });
  });

  it('duplicate operationIds', async () => {
    const duplicate = VALID.replace(
      'components:',
      "  /others:\n    post:\n      operationId: create-thing\n      responses:\n        '200':\n          description: ok\ncomponents:",
    );
    await expectRejected(duplicate, ['--all'], {
      code: 'OM301',
      message: /operationId "create-thing" is used by both POST \/things and POST \/others/,
      line: 19,
      pointer: '#/paths/~1others/post/operationId',
    });
  });

  it('not a Swagger 2.0 or OpenAPI 3.x document', async () => {
    await expectRejected('swagger: "1.2"\ninfo: {title: x, version: "1"}\npaths: {}\n', [], { code: 'OM205', message: /Swagger 1\.2 is not supported/ });
    await expectRejected('openapi: 4.0.0\ninfo: {title: x, version: "1"}\npaths: {}\n', [], { code: 'OM205', message: /OpenAPI 4\.0\.0 is not supported/ });
  });

  it('a spawned CLI prints the same short message (no stack trace) and exits 1', () => {
    project = tempProject({ spec: 'openapi: 3.1.0\ninfo: [\n' });
    const run = spawnCli(['generate'], project.dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^spec\/openapi\.yaml:3:1 - error OM202: YAML syntax error/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(project.exists('generated')).toBe(false);
  });

  it('unknown flags and commands are usage errors', async () => {
    project = tempProject({ spec: VALID });
    const flag = await runCli(['generate', '--bogus'], project.dir);
    expect(flag.code).toBe(1);
    expect(flag.stderr).toMatch(/error OM100: Unknown option '--bogus'/);
    const command = await runCli(['generat'], project.dir);
    expect(command.code).toBe(1);
    expect(command.stderr).toMatch(/unknown command "generat"/);
    expect(project.exists('generated')).toBe(false);
  });
});
