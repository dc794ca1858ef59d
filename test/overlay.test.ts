import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { afterEach, describe, expect, it } from 'vitest';
import { MorphError } from '../generator/diagnostics/diagnostic.ts';
import type { JsonObject } from '../generator/json.ts';
import { defaultLimits } from '../generator/load/limits.ts';
import { sourceFromText } from '../generator/load/source.ts';
import { applyOverlay } from '../generator/overlay/apply.ts';
import { parseOverlay } from '../generator/overlay/document.ts';
import { overlayFiles } from '../generator/overlay/files.ts';
import { runCli } from './helpers/cli.ts';
import { copyRepoProject, tempProject, type TempProject } from './helpers/project.ts';
import { tsc } from './helpers/typecheck.ts';
import { describeNeeding } from './helpers/required-input.ts';
import { upstreamInput, upstreamPath } from './helpers/upstream.ts';

const overlayOf = (actions: unknown[]) => parseOverlay(sourceFromText('fix.yaml', yaml.dump({ overlay: '1.0.0', info: { title: 'Fixes', version: '1' }, actions })), defaultLimits);

const base = (): JsonObject => ({
  info: { title: 'T', version: '1' },
  tags: [{ name: 'a' }],
  paths: { '/x': { get: { parameters: [{ name: 'limit', in: 'query' }, { name: 'after', in: 'query' }], responses: {} } } },
  components: { schemas: { S: { type: 'object', required: ['a'], properties: { a: { type: 'string' } } } } },
});

describe('overlay actions (Overlay Specification 1.0)', () => {
  const cases: { name: string; actions: unknown[]; want: (doc: JsonObject) => void }[] = [
    {
      name: 'update merges into each selected object, recursively',
      actions: [{ target: '$.components.schemas.S', update: { properties: { b: { type: 'integer' } }, description: 'd' } }],
      want: (doc) => expect((doc as any).components.schemas.S).toStrictEqual({ type: 'object', required: ['a'], properties: { a: { type: 'string' }, b: { type: 'integer' } }, description: 'd' }),
    },
    {
      name: 'update replaces a primitive member, and concatenates arrays',
      actions: [{ target: '$.components.schemas.S', update: { type: 'array', required: ['b'] } }],
      want: (doc) => expect((doc as any).components.schemas.S).toMatchObject({ type: 'array', required: ['a', 'b'] }),
    },
    {
      name: 'update on an array appends one entry',
      actions: [{ target: '$.tags', update: { name: 'b' } }],
      want: (doc) => expect(doc['tags']).toStrictEqual([{ name: 'a' }, { name: 'b' }]),
    },
    {
      name: 'remove deletes a member',
      actions: [{ target: '$.components.schemas.S.required', remove: true }],
      want: (doc) => expect((doc as any).components.schemas.S.required).toBeUndefined(),
    },
    {
      name: 'remove with a filter deletes array entries (safe evaluation)',
      actions: [{ target: "$.paths['/x'].get.parameters[?(@.name == 'limit')]", remove: true }],
      want: (doc) => expect((doc as any).paths['/x'].get.parameters).toStrictEqual([{ name: 'after', in: 'query' }]),
    },
    {
      name: 'actions apply in order: remove, then re-create',
      actions: [
        { target: '$.components.schemas.S', remove: true },
        { target: '$.components.schemas', update: { S: { type: 'string' } } },
      ],
      want: (doc) => expect((doc as any).components.schemas.S).toStrictEqual({ type: 'string' }),
    },
  ];
  it.each(cases)('$name', ({ actions, want }) => {
    const doc = base();
    expect(applyOverlay(doc, overlayOf(actions), false)).toStrictEqual([]);
    want(doc);
  });

  it('copies update values: two targets never share one object', () => {
    const doc = base();
    (doc as any).components.schemas.T = { type: 'object' };
    applyOverlay(doc, overlayOf([{ target: '$.components.schemas[*]', update: { 'x-tag': { n: 1 } } }]), false);
    const schemas = (doc as any).components.schemas;
    expect(schemas.S['x-tag']).toStrictEqual({ n: 1 });
    expect(schemas.S['x-tag']).not.toBe(schemas.T['x-tag']);
  });

  it('a target that matches nothing is a warning, or an error with --strict', () => {
    const overlay = overlayOf([{ target: '$.components.schemas.Gone', update: { a: 1 } }]);
    const [soft] = applyOverlay(base(), overlay, false);
    expect(soft).toMatchObject({ code: 'OM802', severity: 'warning', location: { file: 'fix.yaml', line: 6, pointer: '#/actions/0/target' } });
    expect(soft!.message).toMatch(/target \$\.components\.schemas\.Gone matches nothing/);
    const [hard] = applyOverlay(base(), overlay, true);
    expect(hard).toMatchObject({ code: 'OM802', severity: 'error' });
  });

  it('never runs code from a target: a prototype escape is refused, nothing happens', () => {
    const doc = base();
    const before = structuredClone(doc);
    const [problem] = applyOverlay(doc, overlayOf([{ target: "$..[?(@.constructor.constructor('return process')().exit(7))]", remove: true }]), false);
    expect(problem).toMatchObject({ code: 'OM803', severity: 'error' });
    expect(doc).toStrictEqual(before);
  });

  it('refuses an update that cannot apply, and removing the whole document', () => {
    const [primitive] = applyOverlay(base(), overlayOf([{ target: '$.info.title', update: 'New' }]), false);
    expect(primitive).toMatchObject({ code: 'OM804' });
    expect(primitive!.message).toMatch(/selects a single value; target its parent object/);
    const [root] = applyOverlay(base(), overlayOf([{ target: '$', remove: true }]), false);
    expect(root!.message).toMatch(/whole document/);
  });
});

describe('overlay documents are validated, with located errors', () => {
  const problems = (text: string) => {
    try {
      parseOverlay(sourceFromText('bad.yaml', text), defaultLimits);
    } catch (error) {
      return (error as MorphError).diagnostics.map((d) => `${d.location?.line}:${d.location?.pointer} ${d.code} ${d.message}`);
    }
    return [];
  };

  it('names every problem at its line', () => {
    expect(problems('overlay: 2.0.0\ninfo:\n  title: x\nactions:\n  - target: components\n    update: {}\n  - target: $.a\n  - target: $.b\n    remove: yes\n    extra: 1\n')).toStrictEqual([
      '1:#/overlay OM801 "overlay" must be a 1.0.x version string (the Overlay Specification 1.0), got "2.0.0"',
      '2:#/info OM801 "info" must have a string "title" and "version"',
      '5:#/actions/0/target OM801 "target" must be a JSONPath expression starting with $',
      '7:#/actions/1 OM801 an action needs an "update" or "remove: true"',
      '9:#/actions/2/remove OM801 "remove" must be true or false',
      '8:#/actions/2 OM801 an action needs an "update" or "remove: true"',
      '10:#/actions/2/extra OM801 unknown member "extra" (allowed: target, description, update, remove, and x- extensions)',
    ]);
  });

  it('refuses an empty action list and a non-mapping', () => {
    expect(problems('overlay: 1.0.0\ninfo: {title: t, version: "1"}\nactions: []\n')).toStrictEqual(['3:#/actions OM801 "actions" must be a non-empty list']);
    expect(problems('- 1\n')[0]).toMatch(/OM801 an overlay must be a mapping/);
  });
});

describe('overlay files from the config', () => {
  let project: TempProject | undefined;
  afterEach(() => project?.remove());

  it('expands patterns in name order, keeps the list order, warns on a pattern that matches nothing, fails on a missing file', async () => {
    project = tempProject();
    for (const name of ['10-late.yaml', '02-early.yaml', 'notes.txt']) project.write(`spec/overlays/${name}`, '');
    project.write('spec/first.yaml', '');
    const { files, diagnostics } = await overlayFiles(['spec/first.yaml', 'spec/overlays/*.yaml', 'spec/none/*.yaml', 'spec/missing.yaml'], project.dir);
    expect(files.map((f) => f.slice(project!.dir.length + 1))).toStrictEqual(['spec/first.yaml', 'spec/overlays/02-early.yaml', 'spec/overlays/10-late.yaml']);
    expect(diagnostics.map((d) => `${d.severity} ${d.code} ${d.message}`)).toStrictEqual([
      'warning OM800 overlay pattern spec/none/*.yaml matches no file (config "overlays")',
      'error OM800 overlay file not found: spec/missing.yaml (config "overlays")',
    ]);
  });

  it('sync applies them before selection and prints unmatched targets as warnings', async () => {
    project = tempProject({ config: { overlays: ['spec/overlays/*.yaml'] } });
    project.write('upstream.yaml', project.read('spec/openapi.yaml'));
    project.write(
      'spec/overlays/01-voice.yaml',
      yaml.dump({
        overlay: '1.0.0',
        info: { title: 'Local fixes', version: '1' },
        actions: [
          { target: '$.components.schemas.RealtimeSessionCreateRequest.properties', update: { locale: { type: 'string', description: 'Added by our overlay.' } } },
          { target: '$.components.schemas.NotThere', update: { type: 'string' } },
        ],
      }),
    );
    const run = await runCli(['sync', '--from', 'upstream.yaml'], project.dir);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^spec\/overlays\/01-voice\.yaml:\d+:\d+ \(#\/actions\/1\/target\) - warning OM802: target \$\.components\.schemas\.NotThere matches nothing/m);
    expect(run.stdout).toMatch(/non-breaking +request body application\/json: locale - optional property locale added/);
    expect(project.read('spec/openapi.yaml')).toContain('Added by our overlay.');
    const strict = await runCli(['sync', '--from', 'upstream.yaml', '--strict'], project.dir);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toMatch(/error OM802: .*NotThere matches nothing.*\(--strict\)/);
  });

  it('an invalid overlay stops sync before anything is written', async () => {
    project = tempProject({ config: { overlays: ['fix.yaml'] } });
    project.write('upstream.yaml', project.read('spec/openapi.yaml'));
    project.write('fix.yaml', 'overlay: 1.0.0\ninfo: {title: t, version: "1"}\nactions:\n  - target: "$.a["\n    update: {}\n  - target: $.b\n');
    const before = project.snapshot();
    const run = await runCli(['sync', '--from', 'upstream.yaml'], project.dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^fix\.yaml:6:5 \(#\/actions\/1\) - error OM801: an action needs an "update" or "remove: true"$/m);
    expect(project.snapshot()).toStrictEqual(before);
  });
});

describeNeeding(upstreamInput, 'a real overlay on the newest upstream snapshot', () => {
  let project: TempProject | undefined;
  afterEach(() => project?.remove());

  it("restores `model` in POST /realtime/sessions's request body: the generated request type accepts { model: 'gpt-4o-realtime-preview' }", async () => {
    project = copyRepoProject();
    // Upstream's request schema here is the response shape: no `model`, and `client_secret` required.
    const fix = {
      overlay: '1.0.0',
      info: { title: 'Restore the session request', version: '1.0.0' },
      actions: [
        { target: '$.components.schemas.RealtimeSessionCreateRequest.required', description: 'a client does not send client_secret', remove: true },
        {
          target: '$.components.schemas.RealtimeSessionCreateRequest.properties',
          update: { model: { type: 'string', enum: ['gpt-4o-realtime-preview', 'gpt-4o-mini-realtime-preview'], description: 'The Realtime model to use.' } },
        },
      ],
    };
    project.write('spec/overlays/realtime-session.yaml', yaml.dump(fix));
    project.write('openapi-morph.config.ts', project.read('openapi-morph.config.ts').replace("spec: 'spec/openapi.yaml',", "spec: 'spec/openapi.yaml',\n  overlays: ['spec/overlays/*.yaml'],"));
    const run = await runCli(['sync', '--from', upstreamPath('10-'), '--strict'], project.dir);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);

    const usage = join(project.dir, 'usage.ts');
    writeFileSync(
      usage,
      [
        "import { RealtimeApi, type RealtimeSessionCreateRequest } from './generated/src/index.js';",
        "const request: RealtimeSessionCreateRequest = { model: 'gpt-4o-realtime-preview' };",
        "export const call = (api: RealtimeApi) => api.createRealtimeSession({ model: 'gpt-4o-realtime-preview' });",
        'export { request };',
        '',
      ].join('\n'),
    );
    const options = ['--noEmit', '--strict', '--exactOptionalPropertyTypes', '--target', 'ES2022', '--module', 'NodeNext', '--moduleResolution', 'NodeNext', '--lib', 'ES2022,DOM', '--types', 'node', '--skipLibCheck'];
    expect(tsc([...options, usage]).output).toBe('');
    // Without the overlay, upstream has no such property and requires client_secret.
    const upstream = yaml.load(readFileSync(upstreamPath('10-'), 'utf8')) as any;
    const plain = upstream.components.schemas.RealtimeSessionCreateRequest;
    expect(plain.properties.model).toBeUndefined();
    expect(plain.required).toContain('client_secret');
  });
});
