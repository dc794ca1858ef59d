import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../generator/cli/main.ts';
import type { JsonObject } from '../../generator/json.ts';
import { binPath, runCli, spawnCli } from '../helpers/cli.ts';
import { api, holding } from './fixtures.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A folder with `old.yaml` and `new.yaml` (and a config when given). */
function folder(old: JsonObject | string, next: JsonObject | string, config?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'om-diff-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'old.yaml'), typeof old === 'string' ? old : yaml.dump(old));
  writeFileSync(join(dir, 'new.yaml'), typeof next === 'string' ? next : yaml.dump(next));
  if (config !== undefined) writeFileSync(join(dir, 'openapi-morph.config.mjs'), config);
  return dir;
}

const str = { type: 'string' };
const others = { '/others': { get: { operationId: 'list-others', responses: { '200': { description: 'ok', content: { 'application/json': { schema: holding(str) } } } } } } };
// Breaking in create-thing (a property becomes required), non-breaking in list-others (a response property is added).
const oldDoc = api({ request: holding(str), paths: others });
const newDoc = api({ request: holding(str, true), paths: { '/others': { get: { ...others['/others'].get, responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object', properties: { value: str, more: str } } } } } } } } } });

describe('openapi-morph diff', () => {
  it('prints exactly one JSON object with the documented change fields', async () => {
    const dir = folder(oldDoc, newDoc);
    const run = await runCli(['diff', 'old.yaml', 'new.yaml', '--json', '--no-typescript'], dir);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as { breaking: boolean; semver: string; changes: Record<string, unknown>[] };
    expect(Object.keys(report)).toStrictEqual(['breaking', 'semver', 'changes']);
    expect(report.breaking).toBe(true);
    expect(report.semver).toBe('major');
    expect(report.changes[1]).toStrictEqual({
      kind: 'request-property-became-required',
      source: 'spec',
      severity: 'breaking',
      direction: 'request',
      operation: 'POST /things',
      operationId: 'create-thing',
      location: 'request body application/json: value',
      // The old schema had no `required` list: its pointer is the nearest node that exists.
      pointers: { old: '#/paths/~1things/post/requestBody/content/application~1json/schema', new: '#/paths/~1things/post/requestBody/content/application~1json/schema/required' },
      message: 'property value is now required',
    });
    expect(report.changes.map((c) => c['kind'])).toStrictEqual(['response-property-added', 'request-property-became-required']);
  });

  it('groups the human output by operation, breaking first, without color when not asked', async () => {
    const run = await runCli(['diff', 'old.yaml', 'new.yaml', '--no-typescript'], folder(oldDoc, newDoc));
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      [
        'old.yaml -> new.yaml',
        '',
        'POST /things (create-thing)',
        '  breaking      request body application/json: value - property value is now required (request-property-became-required)',
        '',
        'GET /others (list-others)',
        '  non-breaking  response 200 application/json: more - property more added (response-property-added)',
        '',
        '1 breaking, 1 non-breaking, 0 docs change(s): semver major',
        '',
      ].join('\n'),
    );
  });

  it('prints a change several operations share once, in a group that names them', async () => {
    const thingRef = { $ref: '#/components/schemas/Thing' };
    const read = (id: string) => ({ get: { operationId: id, responses: { '200': { description: 'ok', content: { 'application/json': { schema: thingRef } } } } } });
    const doc = (thing: JsonObject, url: string) => api({ response: thingRef, schemas: { Thing: thing }, paths: { '/a': read('read-a'), '/b': read('read-b') }, root: { servers: [{ url }] } });
    const run = await runCli(['diff', 'old.yaml', 'new.yaml', '--no-typescript'], folder(doc(holding(str), 'https://v1.test'), doc(holding({ type: 'integer' }), 'https://v2.test')));
    // Before, each of these two lines was printed under each of the three operations.
    expect(run.stdout).toBe(
      [
        'old.yaml -> new.yaml',
        '',
        '3 operations: GET /a (read-a), GET /b (read-b), POST /things (create-thing)',
        '  breaking      response 200 application/json: value - type changed from string to integer (response-type-changed)',
        '  non-breaking  operation - servers changed from [https://v1.test] to [https://v2.test]; the default base URL changes from https://v1.test to https://v2.test (servers-changed)',
        '',
        '3 breaking, 3 non-breaking, 0 docs change(s): semver major',
        '',
      ].join('\n'),
    );
  });

  it('colors severities only when the output is a terminal', async () => {
    let out = '';
    const dir = folder(oldDoc, newDoc);
    await main(['diff', 'old.yaml', 'new.yaml', '--no-typescript'], { cwd: dir, out: (t) => (out += t), err: () => undefined, color: true });
    expect(out).toContain('\u001b[31mbreaking');
    expect(out).toContain('\u001b[33mnon-breaking');
  });

  it('decides on color from the real output: a terminal gets it, a pipe or NO_COLOR does not', () => {
    const dir = folder(oldDoc, newDoc);
    // `script` runs the CLI on a pseudo-terminal, as a user's shell does.
    const { NO_COLOR: _ignored, ...base } = process.env;
    const onTerminal = (env: NodeJS.ProcessEnv) =>
      execFileSync('script', ['-qec', `${process.execPath} ${binPath} diff old.yaml new.yaml --no-typescript`, '/dev/null'], { cwd: dir, encoding: 'utf8', env: { ...base, ...env } });
    expect(onTerminal({})).toContain('\u001b[31mbreaking');
    expect(onTerminal({ NO_COLOR: '1' })).not.toContain('\u001b[');
    expect(spawnCli(['diff', 'old.yaml', 'new.yaml', '--no-typescript'], dir, {}).stdout).not.toContain('\u001b[');
  });

  it('exits 1 when --fail-on is met, 0 otherwise', async () => {
    const dir = folder(oldDoc, newDoc);
    const onlyNew = folder(api({ request: holding(str) }), api({ request: { type: 'object', properties: { value: str, extra: str } } }));
    expect((await runCli(['diff', 'old.yaml', 'new.yaml', '--no-typescript', '--fail-on', 'breaking'], dir)).code).toBe(1);
    expect((await runCli(['diff', 'old.yaml', 'new.yaml', '--no-typescript', '--fail-on', 'breaking'], onlyNew)).code).toBe(0);
    expect((await runCli(['diff', 'old.yaml', 'new.yaml', '--no-typescript', '--fail-on', 'any'], onlyNew)).code).toBe(1);
    expect((await runCli(['diff', 'old.yaml', 'old.yaml', '--no-typescript', '--fail-on', 'any'], onlyNew)).code).toBe(0);
  });

  it("uses the config's selection, and selection flags replace it", async () => {
    const config = `export default { spec: 'old.yaml', select: { include: [{ by: 'operationId', pattern: 'list-others' }] }, package: { name: 'things-client' } };\n`;
    const dir = folder(oldDoc, newDoc, config);
    const fromConfig = JSON.parse((await runCli(['diff', 'old.yaml', 'new.yaml', '--json', '--no-typescript'], dir)).stdout) as { changes: { operationId: string }[] };
    expect(fromConfig.changes.map((c) => c.operationId)).toStrictEqual(['list-others']);
    const fromFlags = JSON.parse((await runCli(['diff', 'old.yaml', 'new.yaml', '--json', '--no-typescript', '--path', '/things'], dir)).stdout) as { changes: { operationId: string }[] };
    expect(fromFlags.changes.map((c) => c.operationId)).toStrictEqual(['create-thing']);
  });

  it('reports bad input in both files with locations, and no stack trace', async () => {
    const run = await runCli(['diff', 'missing.yaml', 'new.yaml'], folder(oldDoc, 'openapi: 3.1.0\npaths:\n  /a: [unclosed\n'));
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^missing\.yaml - error OM200: spec file not found: missing\.yaml\n/);
    expect(run.stderr).toMatch(/\nnew\.yaml:\d+:\d+ - error OM202: YAML syntax error/);
    expect(run.stderr).not.toMatch(/\s+at .+\(.+:\d+:\d+\)/);
  });

  it("follows external references when the config's refs policy allows them, as generate does", async () => {
    const withRef = api({ request: { $ref: './thing.yaml#/Thing' } });
    const config = `export default { spec: 'old.yaml', refs: { external: true }, package: { name: 'things-client' } };\n`;
    const dir = folder(withRef, withRef, config);
    writeFileSync(join(dir, 'thing.yaml'), yaml.dump({ Thing: { type: 'object', properties: { id: str } } }));
    const same = JSON.parse((await runCli(['diff', 'old.yaml', 'new.yaml', '--json', '--no-typescript'], dir)).stdout) as { changes: unknown[] };
    expect(same.changes).toStrictEqual([]);
    const refused = await runCli(['diff', 'old.yaml', 'new.yaml', '--no-typescript'], folder(withRef, withRef));
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/old\.yaml:\d+:\d+ \(#\/paths\/~1things\/post\/requestBody\/content\/application~1json\/schema\/\$ref\) - error OM207: external \$ref/);
  });

  it('refuses wrong usage with OM100', async () => {
    const dir = folder(oldDoc, newDoc);
    expect((await runCli(['diff', 'old.yaml'], dir)).stderr).toContain('error OM100: diff needs two specs (files or URLs)');
    expect((await runCli(['diff', 'old.yaml', 'new.yaml', '--fail-on', 'sometimes'], dir)).stderr).toContain('error OM100: --fail-on must be "breaking" or "any"');
    expect((await runCli(['diff', 'old.yaml', 'new.yaml', '--operation-id', 'nope'], dir)).stderr).toContain('error OM302: no operation in old.yaml or new.yaml matches operationId "nope"');
  });

  it('runs as a process: the TypeScript surface is included and --fail-on sets the exit code', () => {
    const dir = folder(api({ operation: { tags: ['Things'] } }), api({ operation: { tags: ['Items'] } }));
    const plain = spawnCli(['diff', 'old.yaml', 'new.yaml', '--json'], dir);
    expect(plain.code).toBe(0);
    const report = JSON.parse(plain.stdout) as { breaking: boolean; changes: { source: string; kind: string; location: string }[] };
    expect(report.breaking).toBe(true);
    expect(report.changes.filter((c) => c.source === 'typescript').map((c) => [c.kind, c.location])).toStrictEqual([
      ['ts-export-removed', 'ThingsApiErrors'],
      ['ts-export-added', 'ItemsApiErrors'],
    ]);
    expect(spawnCli(['diff', 'old.yaml', 'new.yaml', '--fail-on', 'breaking', '--no-typescript'], folder(oldDoc, newDoc), { NO_COLOR: '1' }).code).toBe(1);
  });
});
