import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot, runCli } from './helpers/cli.ts';
import { startServer, type SeenRequest } from './helpers/http-server.ts';
import { typecheckPackages } from './helpers/package-check.ts';

/**
 * The real-world shapes of issue 13, one reproducer each (test/fixtures/real-world/, ours; the
 * README there maps file to cause). Each is generated with `--all` in a project of its own and
 * every package that generates is type-checked, in one compiler run.
 */
const FIXTURES = join(repoRoot, 'test/fixtures/real-world');
const base = join(repoRoot, '.scratch');
mkdirSync(base, { recursive: true });
const work = mkdtempSync(join(base, 'real-world-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Generated {
  readonly code: number;
  readonly stderr: string;
  readonly dir: string;
}

const RELEASES = JSON.stringify({ releases: [{ version: '0.1.0', date: '2026-01-01', source: 'spec', summary: 'Test.', changes: [] }] });

/** Copies a reproducer (a file, or a folder with `openapi.yaml`) into a project and generates it. */
async function generate(fixture: string, config: Record<string, unknown> = {}): Promise<Generated> {
  const project = mkdtempSync(join(work, `${fixture.replace(/\W+/g, '-')}-`));
  const folder = statSync(join(FIXTURES, fixture)).isDirectory();
  cpSync(join(FIXTURES, fixture), join(project, 'spec'), { recursive: true });
  const spec = folder ? 'spec/openapi.yaml' : 'spec';
  if (!folder) {
    rmSync(join(project, 'spec'));
    mkdirSync(join(project, 'spec'));
    cpSync(join(FIXTURES, fixture), join(project, 'spec', fixture));
  }
  writeFileSync(join(project, 'spec/releases.json'), RELEASES);
  const specPath = folder ? spec : `spec/${fixture}`;
  writeFileSync(
    join(project, 'openapi-morph.config.mjs'),
    `export default ${JSON.stringify({ spec: specPath, output: { dir: 'out' }, select: 'all', package: { name: `rw-${fixture.replace(/\W+/g, '-').toLowerCase()}` }, ...config })};\n`,
  );
  const run = await runCli(['generate'], project);
  return { code: run.code, stderr: run.stderr, dir: join(project, 'out') };
}

const generated: { dir: string; name: string }[] = [];
/** Files of type assertions on a generated package, compiled with the packages at the end. */
const assertions: string[] = [];

/** Writes `lines` as `src/<name>.ts` of the package in `dir`, for the type check at the end. */
function assertLater(dir: string, name: string, lines: readonly string[]): void {
  const file = join(dir, `src/${name}.ts`);
  writeFileSync(file, [...lines, ''].join('\n'));
  assertions.push(file);
}

async function generates(fixture: string, config: Record<string, unknown> = {}): Promise<string> {
  const run = await generate(fixture, config);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  typecheckLater(run.dir);
  return run.dir;
}

/** A package for the type check at the end (packages, README and docs examples, one tsc run). */
function typecheckLater(dir: string): void {
  generated.push({ dir, name: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).name as string });
}

const source = (dir: string, file: string) => readFileSync(join(dir, file), 'utf8');

/** What `sentBy` records of a request by default: its Content-Type and body. */
const typeAndBody = (request: SeenRequest) => ({ type: String(request.headers['content-type']), body: request.body });

/**
 * What the package in `dir` sends (what `record` takes of each request) while `calls` uses its
 * `DefaultApi` against a real server on 127.0.0.1 that answers with `respond`.
 */
async function sentBy<Api, Seen = { type: string; body: string }>(
  dir: string,
  respond: (request: SeenRequest, response: ServerResponse) => void,
  calls: (api: Api) => Promise<void>,
  record: (request: SeenRequest) => Seen = typeAndBody as never,
  options: object = {},
): Promise<Seen[]> {
  const seen: Seen[] = [];
  const server = await startServer((request: SeenRequest, response) => {
    seen.push(record(request));
    respond(request, response);
  });
  try {
    const mod = (await import(pathToFileURL(join(dir, 'src/index.ts')).href)) as { DefaultApi: new (options: object) => Api };
    await calls(new mod.DefaultApi({ baseUrl: server.url, maxRetries: 0, ...options }));
  } finally {
    await server.close();
  }
  return seen;
}

function filesIn(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (name === 'node_modules') return [];
    return statSync(full).isDirectory() ? filesIn(full) : [full];
  });
}

describe('real-world spec shapes (issue 13)', () => {
  it('cause 1: scheme "Bearer" with bearerFormat is valid (current official schemas); the controls still are', async () => {
    for (const fixture of ['r03-bearer-capitalized-3.1.yaml', 'r03c-bearer-capitalized-3.0.yaml', 'r03b-bearer-lowercase-3.1-control.yaml', 'r03d-bearer-capitalized-no-bearerFormat-3.0-control.yaml']) {
      await generates(fixture);
    }
  });

  it('cause 2: a real mistake is named once, at its field', async () => {
    const run = await generate('r04-license-identifier-and-url-3.1.yaml');
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toStrictEqual([
      expect.stringMatching(/r04-license-identifier-and-url-3\.1\.yaml:5:3 \(#\/info\/license\) - error OM206: invalid OpenAPI: has both "identifier" and "url"; only one of them is allowed$/),
      '1 error; nothing was written.',
    ]);
  });

  it('cause 2: a mistake inside a referenced component is reported once, not per reference site', async () => {
    const project = mkdtempSync(join(work, 'many-sites-'));
    const sites = ['a', 'b', 'c', 'd'].map((p) => `  /${p}:\n    get:\n      responses:\n        '200': { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/Thing' } } } }\n`).join('');
    const spec = `openapi: 3.0.3\ninfo: { title: t, version: '1' }\npaths:\n${sites}  /e:\n    get:\n      parameters: [{ name: q, in: querry, schema: { type: string } }]\n      responses: { '200': { content: {} } }\ncomponents:\n  schemas:\n    Thing:\n      type: object\n      properties:\n        x: { type: objct }\n`;
    mkdirSync(join(project, 'spec'));
    writeFileSync(join(project, 'spec/openapi.yaml'), spec);
    writeFileSync(join(project, 'spec/releases.json'), RELEASES);
    writeFileSync(join(project, 'openapi-morph.config.mjs'), `export default { spec: 'spec/openapi.yaml', output: { dir: 'out' }, select: 'all', package: { name: 'x' } };\n`);
    const run = await runCli(['generate'], project);
    const lines = run.stderr.trim().split('\n');
    expect(lines.slice(0, -1).sort()).toStrictEqual([
      'spec/openapi.yaml:22:31 (#/paths/~1e/get/parameters/0/in) - error OM206: invalid OpenAPI: must be one of "path", "query", "header", "cookie"',
      'spec/openapi.yaml:23:20 (#/paths/~1e/get/responses/200) - error OM206: invalid OpenAPI: missing required property "description"',
      'spec/openapi.yaml:29:14 (#/components/schemas/Thing/properties/x/type) - error OM206: invalid OpenAPI: must be one of "array", "boolean", "integer", "number", "object", "string"',
    ]);
    expect(lines.at(-1)).toBe('3 errors; nothing was written.');
    expect(existsSync(join(project, 'out'))).toBe(false);
  });

  it('cause 2: an undefined security scheme named twice, and an empty responses object: one message each, naming the field', async () => {
    const run = await generate('r22-invalid-empty-responses-and-undefined-scheme.yaml');
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toStrictEqual([
      expect.stringMatching(/r22-invalid-empty-responses-and-undefined-scheme\.yaml:13:7 \(#\/paths\/~1cache\/get\/security\) - error OM208: security requirement names scheme "api_key", which #\/components\/securitySchemes does not define \(named at 1 more place\)$/),
      '1 error; nothing was written.',
    ]);
    // Selection reports first; with the scheme defined, validation names the empty responses.
    const project = mkdtempSync(join(work, 'empty-responses-'));
    mkdirSync(join(project, 'spec'));
    const spec = readFileSync(join(FIXTURES, 'r22-invalid-empty-responses-and-undefined-scheme.yaml'), 'utf8');
    writeFileSync(join(project, 'spec/openapi.yaml'), `${spec}components:\n  securitySchemes:\n    api_key: { type: apiKey, in: header, name: X-Key }\n`);
    writeFileSync(join(project, 'spec/releases.json'), RELEASES);
    writeFileSync(join(project, 'openapi-morph.config.mjs'), `export default { spec: 'spec/openapi.yaml', output: { dir: 'out' }, select: 'all', package: { name: 'x' } };\n`);
    const empty = await runCli(['generate'], project);
    expect(empty.stderr.trim().split('\n')).toStrictEqual([
      'spec/openapi.yaml:9:7 (#/paths/~1hoot/post/responses) - error OM206: invalid OpenAPI: "responses" is empty: it needs at least 1 entry',
      '1 error; nothing was written.',
    ]);
  });

  it('cause 3: webhooks-only and components-only documents generate their models, no API class', async () => {
    const webhooks = await generates('r05-webhooks-only-3.1.yaml');
    expect(existsSync(join(webhooks, 'src/apis'))).toBe(false);
    expect(source(webhooks, 'src/schema.ts')).toMatch(/export interface webhooks \{\n\s+newPet: \{/);
    expect(source(webhooks, 'src/index.ts')).toMatch(/export type \{[^}]*\bwebhooks\b[^}]*\} from "\.\/schema\.js"/);
    const models = await generates('r12-components-only-3.0.yaml');
    expect(existsSync(join(models, 'src/apis'))).toBe(false);
    expect(source(models, 'src/index.ts')).toMatch(/export type \{ Owner, Pet \} from "\.\/models\.js"/);
  });

  it('a document that defines nothing (paths: {}, no components) generates an empty package that compiles, with a located warning', async () => {
    const run = await generate('r29-empty-document-3.0.yaml');
    expect(run.code).toBe(0);
    expect(run.stderr.trim()).toBe('spec/r29-empty-document-3.0.yaml:3:1 (#/paths) - warning OM306: the selection keeps no operation, schema or webhook of spec/r29-empty-document-3.0.yaml: the package has no method and no model');
    typecheckLater(run.dir);
    expect(existsSync(join(run.dir, 'src/apis'))).toBe(false);
    // A package with a model is not warned about: 'cause 3' generates r12 (components only) with an empty stderr.
  });

  it("docs examples use the discriminator value the types fix: a oneOf's mapping key or member name, a parent's inherited through allOf", async () => {
    const page = source(await generates('r30-discriminator-values-3.0.yaml'), 'docs/DefaultApi.md');
    // Before, each was "string", which the types (a literal) refuse; the type check at the end compiles them.
    for (const call of ['patchMapped({ kind: "Option One" })', 'patchInferred({ pet_type: "Cat" })', 'postInherited({ vehicle_type: "Truck" })', 'postMappedChild({ vehicle_type: "bicycle" })']) {
      expect(page).toContain(`await api.${call};`);
    }
  });

  it("a parent whose oneOf/anyOf lists children that allOf it compiles: the children's part is the parent without its union", async () => {
    const dir = await generates('r31-polymorphic-parent-3.0.yaml');
    const schema = source(dir, 'src/schema.ts');
    // openapi-typescript alone writes `Cat: Omit<components["schemas"]["Pet"], "petType"> & …`: TS2502 in Pet, Cat and Dog.
    expect(schema).toMatch(/Cat: Omit<\s*\{\s*petType: string;\s*name\?: string;\s*\},\s*"petType"\s*> & \{\s*hunts\?: boolean;/);
    expect(schema).toMatch(/Quad: WithRequired<\s*\{\s*name: string;\s*parent\?: components\["schemas"\]\["Shape"\];\s*\},\s*"name"\s*>/);
    expect(schema).toMatch(/\| \(\{\s*radius\?: number;\s*\} & \{\s*name: string;/);
    // Drawing is not one of Shape's members: no cycle, its part stays the reference.
    expect(schema).toMatch(/Drawing: components\["schemas"\]\["Shape"\] & \{/);
    expect(schema).toMatch(/Pet: \{\s*petType: string;\s*name\?: string;\s*\} & \(components\["schemas"\]\["Cat"\] \| components\["schemas"\]\["Dog"\]\);/);
    // Through an alias to a parent whose union is in its own allOf, and an array member: Animal's own members.
    expect(schema).toMatch(/Bird: \(\{\s*kind: string;\s*\} & unknown\) & \{\s*wings\?: number;/);
    // A nullable parent with no members of its own: no `Record<string, never>`, no `| null`, in the children.
    expect(schema).toMatch(/Boat: Omit<unknown, "craftType"> & \{/);
    expect(schema).not.toContain('x-openapi-morph-own-part');
    // Examples follow the types (Car's followed Vehicle's oneOf back to Car until it ended in `wheels: null`); the type check at the end compiles them.
    const page = source(dir, 'docs/DefaultApi.md');
    for (const call of ['postCat({ petType: "cat" })', 'postPet({ petType: "cat" })', 'postSquare({ name: "string", corners: 1, side: 1 })', 'postCar({ wheels: 1 })', 'postBird({ kind: "string" })', 'postBoat({ craftType: "Boat", sails: 1 })', 'postRaft({ craftType: "Raft" })']) {
      expect(page).toContain(`await api.${call};`);
    }
  });

  it("a discriminator mapping that names other files or nothing is ignored with a located warning; the members' own values type the union", async () => {
    const run = await generate('r32-discriminator-mapping-elsewhere-3.0.yaml');
    expect(run.code).toBe(0);
    expect(run.stderr.trim()).toBe(
      'spec/r32-discriminator-mapping-elsewhere-3.0.yaml:19:19 (#/paths/~1actions/post/requestBody/content/application~1json/schema/discriminator/mapping/assign) - warning OM215: 2 entries of this discriminator mapping name no component schema of spec/r32-discriminator-mapping-elsewhere-3.0.yaml ("models/actions.yml#/assign", "#/unassign"); ignored',
    );
    typecheckLater(run.dir);
    // The entry left, completed from the members' enums: with it alone, Assign's value would be "Assign".
    const schema = source(run.dir, 'src/schema.ts');
    expect(schema).toContain('type: "assign";');
    expect(schema).not.toContain('type: "Assign";');
    expect(source(run.dir, 'docs/DefaultApi.md')).toContain('await api.postAction({ type: "assign", droplet_id: 1 });');
  });

  it('an allOf part that is a type: object with only a required list makes those properties required, not every property never', async () => {
    const dir = await generates('r33-required-only-allof-part-3.0.yaml');
    // openapi-typescript alone: `Address & Record<string, never>`, which no address satisfies.
    const schema = source(dir, 'src/schema.ts');
    expect(schema).toMatch(/address: components\["schemas"\]\["Address"\] & \{\s*country: unknown;\s*street: unknown;\s*\};/);
    expect(schema).toMatch(/CountryRequired: \{\s*country: unknown;\s*\};/);
    // Nullable: the hook sees the types before openapi-typescript splits them, so it adds the null.
    expect(schema).toMatch(/contact: \{\s*email: unknown;\s*\} \| null;/);
    // The named part takes its value from Address too (before, its `unknown` placeholder: `{}`).
    expect(source(dir, 'docs/DefaultApi.md')).toMatch(/address: \{ country: "string", street: "string" \},\s*billing: \{ country: "string" \},\s*contact: \{ email: \{\} \},/);
  });

  it('a schema that is one allOf part naming a discriminated union is that union, not a member typed with its own name', async () => {
    const dir = await generates('r34-discriminated-union-wrapper-3.0.yaml');
    // openapi-typescript alone: `{ type: "PostRule" } & Omit<RuleDiscriminator, "type">`, which no rule satisfies.
    expect(source(dir, 'src/schema.ts')).toMatch(/PostRule: components\["schemas"\]\["RuleDiscriminator"\];/);
    expect(source(dir, 'docs/DefaultApi.md')).toContain('await api.postRule({ type: "slack", messageTemplate: "string" });');
  });

  it('a nullable schema named in an allOf beside a required list compiles, and keeps its null where it is the only part; a nullable discriminated parent keeps its properties in its children', async () => {
    const dir = await generates('r35-nullable-part-required-3.0.yaml');
    // openapi-typescript alone: `WithRequired<{…} | null, "name">`, TS2344 (its helper's keys are `keyof T`).
    expect(source(dir, 'src/schema.ts')).toMatch(/Puppy: WithRequired<components\["schemas"\]\["Pet"\], "name">;/);
    assertLater(dir, 'r35-assertions', [
      "import type { Cow, Dog, Horse, Puppy } from './index.js';",
      "export const dog: Dog = { petType: 'dog', name: 'Rex', barks: true };",
      '// @ts-expect-error name is required',
      "export const namelessDog: Dog = { petType: 'dog', barks: true };",
      '// @ts-expect-error a Dog is an object (its second part is)',
      'export const noDog: Dog = null;',
      'export const noPuppy: Puppy = null;',
      "export const puppy: Puppy = { petType: 'dog', name: 'Rex' };",
      // A nullable discriminated parent's properties reach its children.
      "export const cow: Cow = { kind: 'Cow', name: 'Daisy', moos: true };",
      '// @ts-expect-error name is required',
      "export const nameless: Cow = { kind: 'Cow' };",
      "export const horse: Horse = { kind: 'Horse', name: 'Ed', neighs: true };",
    ]);
  });

  it('response validation does not require a required writeOnly property (inline, a writeOnly component, a reference marked writeOnly, through allOf)', async () => {
    const dir = await generates('r36-write-only-required-3.1.yaml');
    const { validateResponse } = (await import(pathToFileURL(join(dir, 'src/validation/index.ts')).href)) as { validateResponse: (operation: string, status: number, body: unknown) => string[] };
    expect(validateResponse('createAccount', 201, { id: 1, name: 'a' })).toStrictEqual([]);
    expect(validateResponse('createAccount', 201, { name: 'a' })).toStrictEqual(['/id: required property is missing']);
    // A required list beside an allOf, or as a part, naming another part's writeOnly property.
    expect(validateResponse('createUser', 201, { byList: { id: 1 }, byPart: { id: 2 } })).toStrictEqual([]);
    expect(validateResponse('createUser', 201, { byList: {}, byPart: {} })).toStrictEqual(['/byList/id: required property is missing', '/byPart/id: required property is missing']);
  });

  it('a request does not send readOnly properties and a response holds no writeOnly ones (bodies, parameters, results and errors; named, inline, nested, through allOf)', async () => {
    const dir = await generates('r37-read-only-in-requests-3.0.yaml');
    // openapi-typescript's read/write markers, read through openapi-fetch's views; a schema without one is as it was.
    expect(source(dir, 'src/schema.ts')).toMatch(/id: \$Read<number>;/);
    const models = source(dir, 'src/models.ts');
    expect(models).toMatch(/export type Pet = Readable<components\["schemas"\]\["Pet"\]>;/);
    expect(models).toMatch(/export type Tag = components\["schemas"\]\["Tag"\];/);
    // The docs examples (compiled by `generates`) leave the readOnly properties out.
    expect(source(dir, 'docs/DefaultApi.md')).toContain('await api.replacePet({\n  name: "string",\n  password: "string",\n  owner: { nick: "string" },\n});');
    // A caller names what a request sends as the methods take it.
    expect(source(dir, 'src/index.ts')).toMatch(/webhooks,\s*Readable,\s*Writable,\s*\} from "\.\/schema\.js";/);
    assertLater(dir, 'r37-assertions', [
      "import { DefaultApi, type Pet, type Writable, type components } from './index.js';",
      'const api = new DefaultApi();',
      "const owner = { nick: 'Ann' };",
      "export const sent: Writable<components['schemas']['Pet']> = { name: 'Rex', password: 'secret', owner };",
      'export async function calls(): Promise<number> {',
      "  await api.createPet({ name: 'Rex', password: 'secret', owner, tags: [{ label: 'good' }] });",
      '  await api.createPet(sent);',
      '  // @ts-expect-error a request does not send the readOnly id',
      "  await api.createPet({ id: 1, name: 'Rex', password: 'secret', owner });",
      '  // @ts-expect-error the writeOnly password is required in requests',
      "  await api.createPet({ name: 'Rex', owner });",
      '  // @ts-expect-error nor the readOnly property of a schema it refers to',
      "  await api.createPet({ name: 'Rex', password: 'secret', owner: { ownerId: 'o1', nick: 'Ann' } });",
      '  // @ts-expect-error nor one a required list beside an allOf names',
      "  await api.replacePet({ id: 1, name: 'Rex', password: 'secret', owner });",
      '  // @ts-expect-error nor an inline one',
      "  await api.createOrder({ pet: sent, placedAt: '2025-01-01T00:00:00Z' });",
      "  await api.uninstallPlugin({ minor: 1, token: 't' }, { query: { like: { minor: 2, token: 't' } } });",
      '  // @ts-expect-error a parameter does not send a readOnly property either',
      '  await api.uninstallPlugin({ major: 1 });',
      '  // @ts-expect-error nor in a query',
      '  await api.uninstallPlugin({ minor: 1 }, { query: { like: { major: 2 } } });',
      "  const label = await api.createLabel({ name: 'a' });",
      '  // @ts-expect-error a readOnly property with a shape of its own beside its allOf',
      "  await api.createLabel({ name: 'a', counts: { count: 1 } });",
      '  const pet: Pet = await api.getPet(1);',
      '  // @ts-expect-error a response holds no writeOnly password',
      '  pet.password;',
      '  const order = await api.createOrder({ pet: sent });',
      '  // @ts-expect-error nor an inline one',
      '  order.receipt;',
      '  try {',
      '    await api.createOrder({ pet: sent });',
      '  } catch (error) {',
      "    if (api.isError(error, 'createOrder') && error.status === 409) {",
      '      // @ts-expect-error an error body holds no writeOnly trace',
      '      error.body.trace;',
      '      return error.body.message.length;',
      '    }',
      '  }',
      '  return pet.id + order.id + pet.owner.ownerId.length + (label.counts.count ?? 0);',
      '}',
    ]);
  });

  it("readOnly discriminators and names: a member's, written afresh by openapi-typescript, is sent; a child's own part's is not; a schema named Readable is renamed", async () => {
    const dir = await generates('r38-read-only-discriminators-and-names-3.0.yaml');
    // The docs examples (compiled by `generates`): the member's discriminator is sent, the child's is not.
    const docs = source(dir, 'docs/DefaultApi.md');
    expect(docs).toContain('await api.createPet({ meow: true, kind: "cat" });');
    expect(docs).toContain('await api.createTiger({ stripes: 1 });');
    // A one-part allOf whose part is readOnly is marked where openapi-typescript reads it, as the model sees it.
    expect(docs).toContain('await api.putReadable({ label: "string" });');
    // The markers are on though the scan of discriminators rewrote the only marked properties of Pet's members.
    expect(source(dir, 'src/models.ts')).toMatch(/export type Readable2 = Readable<components\["schemas"\]\["Readable"\]>;/);
    expect(source(dir, 'src/schema.ts')).toMatch(/export type Writable<T>/);
  });

  it('the read/write views keep a tuple a tuple and a Blob a Blob', async () => {
    const dir = await generates('r39-read-write-views-keep-tuples-and-blobs-3.1.yaml');
    assertLater(dir, 'r39-assertions', [
      "import { DefaultApi, type Place } from './index.js';",
      'const api = new DefaultApi();',
      'export async function calls(photo: Blob): Promise<Blob> {',
      '  const place: Place = await api.createPlace({ coords: [1, 2], photo });',
      '  // openapi-typescript\'s views made these `number[]` and an object of Blob\'s members.',
      '  const pair: [number, number] | undefined = place.coords;',
      '  // @ts-expect-error a tuple of two',
      '  await api.createPlace({ coords: [1], photo });',
      '  return pair ? place.photo : photo;',
      '}',
    ]);
  });

  it('3.1 tuples (prefixItems, closed by items: false) generate, read as tuples in the docs, give examples that compile, and are validated position by position', async () => {
    const dir = await generates('r49-tuples-3.1.yaml');
    expect(source(dir, 'docs/RouteRequest.md')).toMatch(/\| \*\*start\*\* +\| \[`number`, `number`\] +\|/);
    expect(source(dir, 'docs/Stop.md')).toContain('[[**Point**](Point.md), `string` \\| `null`]');
    // Before, each tuple's example was `[{}]`, which the types refuse (the final type check holds these).
    expect(source(dir, 'docs/DefaultApi.md')).toMatch(/start: \[1, 1\],\s+stops: \[\[\{ lat: 1, lon: 1 \}, "string"\]\],/);
    const { validateResponse } = (await import(pathToFileURL(join(dir, 'src/validation/index.ts')).href)) as { validateResponse: (operation: string, status: number, body: unknown) => string[] };
    expect(validateResponse('planRoute', 200, { legs: [1, 'a', 'b'], last: [{ lat: 1, lon: 2 }, null] })).toStrictEqual([]);
    expect(validateResponse('planRoute', 200, { legs: ['a', 2] })).toStrictEqual(['/legs/0: expected integer, got string', '/legs/1: expected string, got number']);
    expect(validateResponse('planRoute', 200, { legs: [1], last: [{ lat: 1 }, 'x', 'y'] })).toStrictEqual(['/last: expected at most 2 items', '/last/0/lon: required property is missing']);
    assertLater(dir, 'r49-assertions', [
      "import { DefaultApi, type Stop } from './index.js';",
      'const api = new DefaultApi();',
      "const stop: Stop = [{ lat: 1, lon: 2 }, null];",
      '// @ts-expect-error a closed tuple of two',
      "const long: Stop = [{ lat: 1, lon: 2 }, null, 'x'];",
      'export const route = () => api.planRoute({ start: [1, 2], stops: [stop, long] });',
    ]);
  });

  it("each query parameter goes as its style, explode and allowReserved say; Swagger 2.0's collectionFormat as converted", async () => {
    const noContent = (_: SeenRequest, response: ServerResponse) => void response.writeHead(204).end();
    const url = (request: SeenRequest) => request.url;
    type Api = { listItems(params: object): Promise<unknown>; getItem(id: string, params?: object): Promise<unknown> };
    const openapi = await generates('r40-query-styles-3.0.yaml');
    const seen = await sentBy<Api, string>(
      openapi,
      noContent,
      async (client) => {
        const query = { ids: [1, 2], tags: ['a', 'b'], fields: ['x', 'y'], words: ['p q', 'r'], filter: { name: 'n', kind: 'a' }, page: { size: 10, cursor: 'c/d' }, point: { x: 1, y: 2 }, $filter: "name eq 'a/b&c'" };
        await client.listItems({ query });
        await client.listItems({ query: { ids: [], tags: [] } });
        await client.getItem('i', { query: { expand: ['a', 'b'], page: { size: 5 } } });
      },
      url,
    );
    // `$filter` keeps its `/` (encoded it would be %2F) but not its `&`; fetch's URL parser encodes the quotes.
    expect(seen).toStrictEqual([
      "/items?ids=1,2&tags=a&tags=b&fields=x|y&words=p%20q%20r&filter[name]=n&filter[kind]=a&size=10&cursor=c%2Fd&point=x,1,y,2&$filter=name%20eq%20%27a/b%26c%27",
      '/items',
      '/items/i?expand=a&expand=b&size=5',
    ]);
    const swagger = await generates('r40b-query-collection-formats-2.0.yaml');
    const lists = { ids: [1, 2], tags: ['a', 'b'], fields: ['x', 'y'], words: ['p', 'q'] };
    const swaggerSeen = await sentBy<Api & { createItems(body: object): Promise<unknown> }, string>(
      swagger,
      noContent,
      async (client) => {
        await client.listItems({ query: lists });
        await client.createItems(lists);
      },
      (request) => `${request.url} ${request.body}`,
    );
    expect(swaggerSeen).toStrictEqual(['/items?ids=1,2&tags=a&tags=b&fields=x|y&words=p%20q ', '/items ids=1,2&tags=a&tags=b&fields=x|y&words=p%20q']);
  });

  it('a parameter defined by content is its media type\'s text, a string as openapi-typescript types it, sent encoded', async () => {
    const dir = await generates('r41-parameter-content-3.0.yaml');
    expect(source(dir, 'src/apis/DefaultApi.ts')).toMatch(/getKey\(\s*key: string,/);
    // The docs example is the JSON text of the schema's example; the table says what the string holds.
    const docs = source(dir, 'docs/DefaultApi.md');
    expect(docs).toMatch(/await api\.getKey\('\{"id":"string"\}', \{\s*query: \{ where: '\{"size":1\}', note: "hello" \},?\s*\}\);/);
    expect(docs).toMatch(/\| `where` +\| `string` +\| +\| required, `application\/json` text of `object` +\|/);
    const seen = await sentBy<{ getKey(key: string, params: object): Promise<unknown> }, string>(
      dir,
      (_, response) => void response.writeHead(204).end(),
      (client) => client.getKey(JSON.stringify({ id: 'a/b' }), { query: { where: JSON.stringify({ size: 1 }), note: 'a b' } }).then(() => undefined),
      (request) => request.url,
    );
    expect(seen).toStrictEqual(['/keys/%7B%22id%22%3A%22a%2Fb%22%7D?where=%7B%22size%22%3A1%7D&note=a%20b']);
  });

  it("a server's variables take their defaults in the client's baseUrl; the README lists the servers and their variables", async () => {
    const dir = await generates('r42-server-variables-3.0.yaml');
    expect(source(dir, 'src/runtime/defaults.ts')).toContain('baseUrl: "https://mgh.us-east-1.api.test/v1",');
    const readme = source(dir, 'README.md');
    expect(readme).toMatch(/\| `baseUrl` +\| `string` +\| `https:\/\/mgh\.us-east-1\.api\.test\/v1` +\| Where requests go\. See \[Servers\]\(#servers\)\. +\|/);
    expect(readme).toMatch(/\| `\{scheme\}:\/\/mgh\.\{region\}\.api\.test\/\{basePath\}` +\| `scheme`: `https` \(or `http`\); `region`: `us-east-1` \(or `eu-west-1`\), The AWS region; `basePath`: `v1` +\| The regional endpoint +\|/);
    expect(readme).toMatch(/\| `https:\/\/\{tenant\}\.api\.test` +\| - +\| +\|/);
    expect(source(dir, 'docs/DefaultApi.md')).toContain('All URIs are relative to *https://mgh.us-east-1.api.test/v1*');
  });

  it("an operation with servers of its own (its path item's or its own) is sent there, unless the client has a baseUrl", async () => {
    const dir = await generates('r43-operation-servers-3.0.yaml');
    const docs = source(dir, 'docs/DefaultApi.md');
    expect(docs).toMatch(/^All URIs are relative to \*https:\/\/api\.test\/v1\*$/m);
    expect(docs).toContain("Its server, an empty URL, is not a URL the client can use by itself: the call goes where the client's other calls go.");
    const uploads = source(dir, 'docs/UploadsApi.md');
    expect(uploads).toContain('All URIs are relative to *https://api.test/v1*, but for the methods whose section names a server of their own');
    expect(uploads).toContain("Sent to `https://eu.uploads.test/v1`, this operation's server, unless the client has a `baseUrl`.");
    expect(source(dir, 'README.md')).toContain('- `UploadsApi.upload`: `https://eu.uploads.test/v1`');
    // listUploads's own server is the document's: no core of its own; UploadsApi needs none of the document's.
    expect(source(dir, 'src/apis/DefaultApi.ts')).not.toContain('#core1');
    expect(source(dir, 'src/apis/UploadsApi.ts')).not.toMatch(/#core\b(?!1)/);
    type Api = Record<string, () => Promise<unknown>>;
    const mod = (await import(pathToFileURL(join(dir, 'src/index.ts')).href)) as Record<'DefaultApi' | 'UploadsApi', new (options: object) => Api>;
    // Where each call goes, read from the client's `fetch` option: the hosts are not on this machine.
    const addressed = async (options: object): Promise<string[]> => {
      const urls: string[] = [];
      const settings = { ...options, maxRetries: 0, fetch: async (request: Request) => (urls.push(request.url), new Response(null, { status: 204 })) };
      const api = new mod.DefaultApi(settings);
      for (const method of ['listItems', 'listUploads', 'health'] as const) await api[method]!();
      await new mod.UploadsApi(settings)['upload']!();
      return urls;
    };
    // https, though the spec lists the same URL over http first.
    expect(await addressed({})).toStrictEqual(['https://api.test/v1/items', 'https://api.test/v1/uploads', 'https://api.test/v1/health', 'https://eu.uploads.test/v1/uploads']);
    expect(await addressed({ baseUrl: 'http://127.0.0.1:9/mock' })).toStrictEqual(['http://127.0.0.1:9/mock/items', 'http://127.0.0.1:9/mock/uploads', 'http://127.0.0.1:9/mock/health', 'http://127.0.0.1:9/mock/uploads']);
  });

  it('a relative server: the client asks for a baseUrl, which the README says must end with the server path', async () => {
    const dir = await generates('r44-relative-server-3.0.yaml');
    expect(source(dir, 'README.md')).toMatch(/\| `baseUrl` +\| `string` +\| required +\| Where requests go: the API's address, ending with `\/api\/v2` \(the spec's server is relative\)\. +\|/);
    const mod = (await import(pathToFileURL(join(dir, 'src/index.ts')).href)) as { DefaultApi: new (options: object) => { listBuckets(): Promise<unknown> } };
    expect(() => new mod.DefaultApi({})).toThrow('baseUrl is required (the spec has no absolute server URL)');
    const urls: string[] = [];
    const server = await startServer((request, response) => void (urls.push(request.url), response.writeHead(204).end()));
    try {
      await new mod.DefaultApi({ baseUrl: `${server.url}/api/v2`, maxRetries: 0 }).listBuckets();
    } finally {
      await server.close();
    }
    expect(urls).toStrictEqual(['/api/v2/buckets']);
  });

  it("a form body is written as its encoding says (Stripe's deepObjects at any depth, a JSON property, a form array not exploded), an object without one as JSON text", async () => {
    const dir = await generates('r45-form-body-encoding-3.0.yaml');
    type Api = { createSession(body: object, params: object): Promise<unknown>; expireSession(id: string, body?: object): Promise<unknown> };
    const seen = await sentBy<Api, { url: string; type: string; body: string }>(
      dir,
      (_, response) => void response.writeHead(204).end(),
      async (client) => {
        const body = { mode: 'payment', line_items: [{ price: 'price_1', quantity: 2 }], metadata: { order: 'a&b' }, settings: { dark: true }, tags: ['x', 'y'], point: { x: 1, y: 2 }, address: { city: 'Paris' } };
        await client.createSession(body, { query: { expand: ['customer', 'line_items'] } });
        // An optional form body: without it, no Content-Type either.
        await client.expireSession('cs_1');
        await client.expireSession('cs_2', { reason: 'late' });
      },
      (request) => ({ url: request.url, type: String(request.headers['content-type']), body: request.body }),
    );
    expect(seen).toStrictEqual([
      {
        url: '/v1/checkout/sessions?expand[0]=customer&expand[1]=line_items',
        type: 'application/x-www-form-urlencoded',
        body: 'mode=payment&line_items[0][price]=price_1&line_items[0][quantity]=2&metadata[order]=a%26b&settings=%7B%22dark%22%3Atrue%7D&tags=x,y&x=1&y=2&address=%7B%22city%22%3A%22Paris%22%7D',
      },
      { url: '/v1/checkout/sessions/cs_1/expire', type: 'undefined', body: '' },
      { url: '/v1/checkout/sessions/cs_2/expire', type: 'application/x-www-form-urlencoded', body: 'reason=late' },
    ]);
  });

  it('cookie parameters go in the Cookie header, after a cookie credential (which a caller\'s Cookie header replaces, as request.ts lets any header), written as a query is; absent ones are left out', async () => {
    const dir = await generates('r47-cookie-parameters-3.0.yaml');
    type Api = { listThings(params: object, options?: object): Promise<unknown>; addThing(body: object, params?: object): Promise<unknown> };
    const seen = await sentBy<Api, string>(
      dir,
      (_, response) => void response.writeHead(204).end(),
      async (api) => {
        await api.listThings({ cookie: { tenant: 'acme corp', ids: [1, 2], prefs: { theme: 'dark', size: 2 } } });
        await api.listThings({ cookie: { tenant: 't;1' } }, { headers: { cookie: 'trace=on' } });
        await api.addThing({ name: 'a' }, { cookie: { tenant: 'x' } });
        await api.addThing({ name: 'b' });
      },
      (request) => `${request.method} ${String(request.headers['cookie'])} ${String(request.headers['content-type'])} ${request.body}`,
      { auth: { session: 's3cret' } },
    );
    expect(seen).toStrictEqual([
      'GET sid=s3cret; tenant=acme%20corp; ids=1,2; theme=dark; size=2 undefined ',
      'GET trace=on; tenant=t%3B1 undefined ',
      'POST sid=s3cret; tenant=x application/x-www-form-urlencoded name=a',
      'POST sid=s3cret application/x-www-form-urlencoded name=b',
    ]);
  });

  it("a multipart part's Blob without a type goes as its encoding's media type (the first listed; none for a range or a list with any bytes), a File keeping its name; an object stays a JSON field", async () => {
    const dir = await generates('r48-multipart-part-types-3.0.yaml');
    const seen = await sentBy<{ pdfToImage(body: object): Promise<unknown> }, string[]>(
      dir,
      (_, response) => void response.writeHead(204).end(),
      (api) => api.pdfToImage({ options: { dpi: 300 }, pdfdocument: new File(['%PDF-1'], 'in.pdf'), avatar: new Blob(['png']), caption: new Blob(['vtt']), video: new Blob(['mp4']), title: 'T' }).then(() => undefined),
      // Each part's headers and content, in order.
      (request) => `\r\n${request.body}`.split(/\r\n--[^\r]*(?:\r\n)?/).slice(1, -1).map((part) => part.replace(/\r\n/g, ' | ')),
    );
    expect(seen).toStrictEqual([
      [
        'Content-Disposition: form-data; name="options" |  | {"dpi":300}',
        'Content-Disposition: form-data; name="pdfdocument"; filename="in.pdf" | Content-Type: application/pdf |  | %PDF-1',
        'Content-Disposition: form-data; name="avatar"; filename="blob" | Content-Type: image/png |  | png',
        'Content-Disposition: form-data; name="caption"; filename="blob" | Content-Type: application/octet-stream |  | vtt',
        'Content-Disposition: form-data; name="video"; filename="blob" | Content-Type: application/octet-stream |  | mp4',
        'Content-Disposition: form-data; name="title" |  | T',
      ],
    ]);
  });

  it('path parameters named client and init (Keycloak\'s) do not shadow the generated call\'s own names', async () => {
    const dir = await generates('r46-parameters-named-like-locals-3.0.yaml');
    expect(source(dir, 'src/apis/DefaultApi.ts')).toContain('(_client, _init) =>');
    type Api = {
      putThing(client: string, init: string, body: string): Promise<unknown>;
      clash(a: string, b: string, body: object, params: object): Promise<unknown>;
      putBytes(a: string, b: string, c: string, body: Blob, params: object): Promise<unknown>;
      postParts(a: string, body: object): Promise<unknown>;
      postFormData(a: string, body: object): Promise<unknown>;
    };
    const seen = await sentBy<Api, string>(
      dir,
      (_, response) => void response.writeHead(204).end(),
      async (api) => {
        await api.putThing('c 1', 'i', 'text');
        // Named like the helpers the call imports (withCookies, formBody): the method's own parameters are renamed.
        await api.clash('w', 'f', { name: 'n' }, { cookie: { tenant: 't' } });
        await api.putBytes('a', 'b', 's', new Blob(['raw']), { query: { ids: ['1', '2'] } });
        await api.postParts('t', { doc: new Blob(['%PDF']) });
        await api.postFormData('f', { note: 'hi' });
      },
      (request) => `${request.url} ${String(request.headers['content-type']).replace(/boundary=.*/, 'boundary')} ${request.body.includes('Content-Type: application/pdf') ? 'pdf part' : request.body.includes('name="note"') ? 'note part' : request.body} ${String(request.headers['cookie'])}`,
    );
    expect(seen).toStrictEqual([
      '/things/c%201/i text/plain text undefined',
      '/clash/w/f application/x-www-form-urlencoded name=n tenant=t',
      '/bytes/a/b/s?ids=1,2 application/octet-stream raw undefined',
      '/parts/t multipart/form-data; boundary pdf part undefined',
      '/form-data/f multipart/form-data; boundary note part undefined',
    ]);
  });

  it('cause 4: a $ref key inside example data is data, reached through a $ref or inline', async () => {
    await generates('r06-ref-key-in-example-component-value.yaml');
    await generates('r06b-ref-key-in-inline-example-control.yaml');
  });

  it('cause 5: a multi-file spec is refused by default with a message that says how to allow it', async () => {
    const run = await generate('r07-multi-file');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/spec\/openapi\.yaml:12:25 \(#\/paths\/~1ping\/get\/responses\/200\/content\/application~1json\/schema\/\$ref\) - error OM207: external \$ref "models\/pong\.yaml" refused: .*refs: \{ external: true \}/);
  });

  it('cause 5: with external refs allowed, multi-file, a path-item $ref and an operation-level $ref generate', async () => {
    const multi = await generates('r07-multi-file', { refs: { external: true } });
    expect(source(multi, 'src/apis/DefaultApi.ts')).toMatch(/ping\(options\?: RequestOptions\): ApiPromise<Pong>/);
    const pathItem = await generates('r11-path-item-ref', { refs: { external: true } });
    expect(source(pathItem, 'src/apis/DefaultApi.ts')).toMatch(/ping\(options\?: RequestOptions\): ApiPromise<Pong>/);
    const operation = await generates('r08-operation-level-ref', { refs: { external: true } });
    expect(source(operation, 'src/apis/DefaultApi.ts')).toMatch(/ping\(options\?: RequestOptions\): ApiPromise<void>/);
  });

  it('cause 6: a plain string body under */* or octet-stream is a string, sent with a concrete Content-Type', async () => {
    const any = await generates('r09-any-media-type-string-body.yaml');
    const api = source(any, 'src/apis/DefaultApi.ts');
    expect(api).toMatch(/uploadAsset\(body\?: string, options\?: RequestOptions\)/);
    expect(api).toMatch(/"Content-Type": "text\/plain"/);
    expect(api).not.toMatch(/"Content-Type": "\*\/\*"/);
    const octet = await generates('r09b-octet-stream-string-body.yaml');
    expect(source(octet, 'src/apis/DefaultApi.ts')).toMatch(/\(body\?: string, options\?: RequestOptions\)/);
  });

  it('cause 7: allOf [$ref] with a sibling required types the body as paths does', async () => {
    const dir = await generates('r10-allof-ref-plus-required-body.yaml');
    expect(source(dir, 'src/apis/DefaultApi.ts')).toMatch(/createProject\(\s*body: NonNullable<\s*paths\["\/projects"\]\["post"\]\["requestBody"\]\s*>\["content"\]\["application\/json"\]/);
    await generates('r10b-ref-sibling-required-3.1-control.yaml');
  });

  it('cause 8: Swagger 2.0 is converted; its mistakes are located in the 2.0 source', async () => {
    const dir = await generates('r01-swagger-2.0.yaml');
    expect(source(dir, 'src/apis/DefaultApi.ts')).toMatch(/ping\(options\?: RequestOptions\)/);
    const run = await generate('r14-swagger-2.0-invalid.yaml');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/r14-swagger-2\.0-invalid\.yaml:8:22 \(#\/paths\/~1ping\/get\/parameters\/0\/in\) - error OM206: invalid Swagger 2\.0: must be one of "body", "header", "formData", "query", "path"/);
  });

  it('cause 8: OpenAPI 3.2 reads as 3.1 plus its additions; a QUERY operation is refused by name unless excluded', async () => {
    await generates('r02-openapi-3.2.yaml');
    const run = await generate('r13-openapi-3.2-query.yaml');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/r13-openapi-3\.2-query\.yaml:12:5 \(#\/paths\/~1things\/query\) - error OM304: QUERY \/things cannot be generated/);
    const dir = await generates('r13-openapi-3.2-query.yaml', { select: { include: 'all', exclude: [{ by: 'operationId', pattern: 'queryThings' }] } });
    expect(source(dir, 'src/apis/SearchApi.ts')).toMatch(/listThings\(/);
  });

  it('cause 9: legitimate recursion (mutual, recursive array, recursive oneOf, allOf self-reference) compiles', async () => {
    const dir = await generates('r15-legit-recursion-3.1.yaml');
    expect(source(dir, 'src/schema.ts')).toMatch(/\| RecursiveArray1\b[\s\S]*export interface RecursiveArray1 extends Array<\s*components\["schemas"\]\["JsonValue"\]\s*> \{\}/);
  });

  it('cause 9: recursion through oneOf (with a discriminator), anyOf and a nullable self-reference compiles', async () => {
    const dir = await generates('r18-recursion-through-unions-3.0.yaml');
    const api = source(dir, 'src/apis/DefaultApi.ts');
    expect(api).toMatch(/evaluate\(body: Expr, options\?: RequestOptions\): ApiPromise<Expr>/);
    expect(api).toMatch(/getNode\(id: string, options\?: RequestOptions\): ApiPromise<Node>/);
  });

  it('a structured body under a textual media type is typed as paths types it and sent as JSON text; strings go as they are', async () => {
    const dir = await generates('r19-structured-text-body.yaml');
    const api = source(dir, 'src/apis/DefaultApi.ts');
    expect(api).toMatch(/createQueue\(\s*body\?: CreateQueueInput,/);
    expect(api).toMatch(/tagQueue\(\s*body: NonNullable<\s*paths\["\/actions\/tag"\]\["post"\]\["requestBody"\]\s*>\["content"\]\["text\/plain"\],/);
    expect(api).toMatch(/putNote\(body: string, options\?: RequestOptions\)/);
    const seen: { method: string; type: string; body: string }[] = [];
    const server = await startServer((request: SeenRequest, response) => {
      seen.push({ method: `${request.method} ${request.url}`, type: String(request.headers['content-type']), body: request.body });
      if (request.url === '/actions/create') return void response.writeHead(200, { 'content-type': 'text/xml' }).end('<QueueUrl>u</QueueUrl>');
      return void response.writeHead(204).end();
    });
    try {
      const mod = (await import(pathToFileURL(join(dir, 'src/index.ts')).href)) as {
        DefaultApi: new (options: object) => Record<'createQueue' | 'tagQueue' | 'putNote' | 'setMode', (body: unknown) => Promise<unknown>>;
      };
      const client = new mod.DefaultApi({ baseUrl: server.url, maxRetries: 0 });
      expect(await client.createQueue({ QueueName: 'q', Attributes: { a: '1' } })).toBe('<QueueUrl>u</QueueUrl>');
      await client.tagQueue({ name: 'n', tags: ['x'] });
      await client.putNote('plain {text}');
      await client.setMode('fast');
    } finally {
      await server.close();
    }
    expect(seen).toStrictEqual([
      { method: 'POST /actions/create', type: 'text/xml', body: '{"QueueName":"q","Attributes":{"a":"1"}}' },
      { method: 'POST /actions/tag', type: 'text/plain', body: '{"name":"n","tags":["x"]}' },
      { method: 'PUT /notes', type: 'text/plain', body: 'plain {text}' },
      { method: 'PUT /mode', type: 'text/plain', body: 'fast' },
    ]);
  });

  it('a body reaching a property whose only value is null is typed by openapi-fetch\'s own request type', async () => {
    const dir = await generates('r20-null-only-property-3.1.yaml');
    const api = source(dir, 'src/apis/DefaultApi.ts');
    expect(api).toMatch(/clearStock\(\s*body\?: NonNullable<RequestBodyOption<paths\["\/stock"\]\["post"\]>\["body"\]>,/);
    expect(api).toMatch(/createOrder\(\s*body: NonNullable<RequestBodyOption<paths\["\/orders"\]\["post"\]>\["body"\]>,/);
    // A property that may be null or a string is typed as paths types it: the named model.
    expect(api).toMatch(/createNote\(body: Note, options\?: RequestOptions\)/);
    expect(api).toMatch(/import type \{ RequestBodyOption \} from "openapi-fetch";/);
  });

  it('a $ref outside #/components (into another operation, a component\'s property, a response) is followed', async () => {
    const dir = await generates('r21-ref-outside-components-3.0.yaml');
    const api = source(dir, 'src/apis/DefaultApi.ts');
    expect(api).toMatch(/getLatestOffset\(options\?: RequestOptions\): ApiPromise<Offset>/);
    expect(api).toMatch(/getOffset\(\s*params\?: \{\s*query\?: NonNullable<paths\["\/offsets"\]\["get"\]\["parameters"\]\["query"\]>;/);
    const schema = source(dir, 'src/schema.ts');
    expect(schema).toMatch(/shift: \{\s*minutes: number;\s*\};/);
    expect(schema).toMatch(/before\?: components\["schemas"\]\["shift"\];\s*zone\?: components\["schemas"\]\["zone"\];/);
  });

  it('a byte body whose schema is not bytes (an array of byte strings, an object with format file) takes bytes, sends them as they are, and compiles', async () => {
    const dir = await generates('r23-bytes-body-structured-schema-3.0.yaml');
    const api = source(dir, 'src/apis/DefaultApi.ts');
    expect(api).toMatch(/putChunk\(\s*body: Blob \| ArrayBuffer \| ArrayBufferView,/);
    expect(api).toMatch(/putArchive\(\s*name: string,\s*body: Blob \| ArrayBuffer \| ArrayBufferView,/);
    expect(api).toMatch(/patchNote\(\s*id: string,\s*body: Blob \| ArrayBuffer \| ArrayBufferView \| undefined,/);
    // The Blob goes to openapi-fetch as the shape `paths` gives the body; a binary schema needs no cast.
    expect(api).toMatch(/body: binary\(\s*body,\s*"application\/octet-stream",?\s*\) as unknown as NonNullable<\s*paths\["\/chunks"\]\["post"\]\["requestBody"\]\s*>\["content"\]\["application\/octet-stream"\]/);
    expect(api).toMatch(/body: binary\(body, "image\/png"\),/);
    type Api = { putArchive(name: string, body: unknown): Promise<unknown>; patchNote(id: string, body: unknown, params: object): Promise<unknown> };
    const seen = await sentBy<Api>(
      dir,
      (_, response) => void response.writeHead(204).end(),
      async (client) => {
        await client.putArchive('a', new TextEncoder().encode('raw bytes'));
        await client.patchNote('n', undefined, { query: { mode: 'm' } });
      },
    );
    expect(seen).toStrictEqual([
      { type: 'application/octet-stream', body: 'raw bytes' },
      // The optional body left out: no body, and no Content-Type either.
      { type: 'undefined', body: '' },
    ]);
  });

  it('a structured body under a media type range (*/*) is typed as paths types it and sent as JSON', async () => {
    const dir = await generates('r26-any-media-type-structured-body.yaml');
    const api = source(dir, 'src/apis/DefaultApi.ts');
    expect(api).toMatch(/createReview\(body: Review, options\?: RequestOptions\): ApiPromise<Review>/);
    expect(api).toMatch(/createReviews\(\s*body\?: NonNullable<\s*paths\["\/reviews\/batch"\]\["post"\]\["requestBody"\]\s*>\["content"\]\["\*\/\*"\],/);
    expect(api).not.toMatch(/binary\(/);
    type Api = Record<'createReview' | 'createReviews', (body: unknown) => Promise<unknown>>;
    const seen = await sentBy<Api>(
      dir,
      (request, response) => (request.url === '/reviews' ? void response.writeHead(201, { 'content-type': 'application/json' }).end(request.body) : void response.writeHead(204).end()),
      async (client) => {
        expect(await client.createReview({ stars: 4, note: 'ok' })).toStrictEqual({ stars: 4, note: 'ok' });
        await client.createReviews([{ stars: 1 }]);
      },
    );
    expect(seen).toStrictEqual([
      { type: 'application/json', body: '{"stars":4,"note":"ok"}' },
      { type: 'application/json', body: '[{"stars":1}]' },
    ]);
  });

  it('a body under a key that is not type/subtype (applicationjson, textplain, *) compiles: openapi-fetch, which types none there, gets it as never; it is sent as its kind says', async () => {
    const dir = await generates('r27-media-type-without-slash.yaml');
    const api = source(dir, 'src/apis/DefaultApi.ts');
    // The arguments keep their types: bytes, a string, what `paths` says for the JSON range.
    expect(api).toMatch(/createPayment\(\s*body: Blob \| ArrayBuffer \| ArrayBufferView,/);
    expect(api).toMatch(/setMemo\(\s*id: string,\s*body\?: string,/);
    expect(api).toMatch(/createPayments\(\s*body: NonNullable<\s*paths\["\/payments\/batch"\]\["post"\]\["requestBody"\]\s*>\["content"\]\["\*"\],/);
    expect(api.match(/ as never/g)).toHaveLength(3);
    type Api = Record<'createPayment' | 'createPayments', (body: unknown) => Promise<unknown>> & { setMemo: (id: string, body: string) => Promise<unknown> };
    const seen = await sentBy<Api>(
      dir,
      (request, response) => void response.writeHead(request.url === '/payments' ? 201 : 204).end(),
      async (client) => {
        await client.createPayment(new TextEncoder().encode('{"amount":1}'));
        await client.setMemo('p1', 'thanks');
        await client.createPayments([{ amount: 2 }]);
      },
    );
    expect(seen).toStrictEqual([
      { type: 'applicationjson;version=2024-01-01', body: '{"amount":1}' },
      { type: 'textplain', body: 'thanks' },
      { type: 'application/json', body: '[{"amount":2}]' },
    ]);
  });

  it('3.1: a property whose schema is false (it must be absent) is left out of the model and docs; paths types it ?: never', async () => {
    const dir = await generates('r28-false-property-schema-3.1.yaml');
    expect(source(dir, 'src/schema.ts')).toMatch(/additionalProperties\?: never;\s*id: string;/);
    const page = source(dir, 'docs/Connection.md');
    expect(page).toMatch(/\| \*\*id\*\* +\|/);
    expect(page).toMatch(/\| \*\*status\*\* +\|/);
    expect(page).not.toContain('additionalProperties');
  });

  it('3.0: keywords beside a $ref are ignored (an invalid type, a contradicting shape) but its description and nullable are kept', async () => {
    const dir = await generates('r24-ref-siblings-ignored-3.0.yaml');
    const schema = source(dir, 'src/schema.ts');
    expect(schema).toMatch(/\/\*\* @description The layout this sheet uses \*\/\s*layout\?: components\["schemas"\]\["Layout"\];/);
    expect(schema).toMatch(/parent\?: components\["schemas"\]\["Layout"\] \| null;/);
    expect(schema).toMatch(/header\?: \{\s*\/\*\* @description A layout passed as a header \*\/\s*layout\?: components\["schemas"\]\["Layout"\];/);
    expect(source(dir, 'docs/Sheet.md')).toMatch(/\| \*\*layout\*\* \| \[\*\*Layout\*\*\]\(Layout\.md\) +\| The layout this sheet uses \|/);
  });

  it('two schemas whose names differ only in case get type names (and docs pages) that differ in more than case', async () => {
    const dir = await generates('r25-type-names-differing-in-case-3.0.yaml');
    expect(source(dir, 'src/index.ts')).toMatch(/export type \{ TimeSeries, Timeseries2 \} from "\.\/models\.js"/);
    expect(readdirSync(join(dir, 'docs')).sort()).toStrictEqual(['DefaultApi.md', 'TimeSeries.md', 'Timeseries2.md']);
  });

  it('cause 10: a pure alias loop is refused at its $ref', async () => {
    const run = await generate('r16-pure-alias-loop.yaml');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/r16-pure-alias-loop\.yaml:13:14 \(#\/components\/schemas\/LoopA\/\$ref\) - error OM214: schemas LoopA -> LoopB -> LoopA only refer to each other/);
  });

  it('cause 11: no Cc/Cf code point or lone surrogate is raw in any output file; docs show them', async () => {
    const dir = await generates('r17-control-characters.json');
    const unsafe = /(?![\t\n])[\p{Cc}\p{Cf}]|[\uD800-\uDFFF]/u;
    const files = filesIn(dir);
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) expect(readFileSync(file, 'utf8'), file).not.toMatch(unsafe);
    expect(source(dir, 'docs/Thing.md')).toContain('a thing&lt;U+0000&gt; with &lt;U+200B&gt;');
    expect(source(dir, 'src/schema.ts')).toMatch(/"a\\u0000"/);
  });

  it('every package above type-checks (strict), README and docs examples included', () => {
    expect(generated.length).toBeGreaterThan(10);
    expect(assertions.length).toBeGreaterThan(0);
    expect(typecheckPackages(join(work, 'typecheck'), generated, assertions)).toBe('');
    // One compiler run over twenty-odd packages: minutes on two busy cores.
  }, 600_000);
});

// Every reproducer in the folder is used above (a new one must get a test).
it('every real-world reproducer has a test', () => {
  const used = readFileSync(new URL(import.meta.url), 'utf8');
  for (const name of readdirSync(FIXTURES).filter((n) => n !== 'README.md')) expect(used, name).toContain(`'${name}'`);
});
