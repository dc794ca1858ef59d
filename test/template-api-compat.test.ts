import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEMPLATE_API_VERSION } from '../generator/template-api/types.ts';
import { apiSurface } from './helpers/api-surface.ts';
import { repoRoot } from './helpers/cli.ts';

/**
 * The template API's compatibility guard: the public types (everything `openapi-morph` exports,
 * and every declaration they reach: template API, model, naming, config, helpers) as normalized
 * declaration text, compared with the committed snapshot. A difference fails, whatever it is; a
 * deliberate change is accepted explicitly, with `npm run api:accept` (see templates/README.md,
 * "Versioning"), and reviewed in the diff of the snapshot file.
 */
const SNAPSHOT = join(repoRoot, 'test/template-api.snapshot.d.ts');

/**
 * What teams build on: templates (`defineTemplate`, the context, the model, the helpers, naming) and
 * the config that points at them. The programmatic pipeline (`render`, `generate`, `check`, config
 * loading, diagnostics) is public too but not part of the template API's contract.
 */
let computed: string | undefined;
// Computed once for both tests.
const surface = () => (computed ??= apiSurface({ exclude: ['render', 'generate', 'check', 'sync', 'SyncReport', 'SourceOptions', 'loadConfig', 'resolveConfig', 'ResolvedConfig', 'MorphError', 'Diagnostic', 'SourceLocation'] }));

describe('template API compatibility', () => {
  it(`the public types equal the snapshot of apiVersion ${TEMPLATE_API_VERSION}`, () => {
    const text = surface();
    if (process.env['OPENAPI_MORPH_ACCEPT_API'] === '1') writeFileSync(SNAPSHOT, text);
    expect(existsSync(SNAPSHOT), 'no snapshot: run `npm run api:accept` once').toBe(true);
    const snapshot = readFileSync(SNAPSHOT, 'utf8');
    // A plain comparison (not toMatchFileSnapshot): `vitest -u` must not accept an API change in passing.
    expect(text === snapshot, 'the public template API changed: if that is deliberate, run `npm run api:accept` and follow templates/README.md "Versioning"').toBe(true);
  });

  it('covers the template API and the model it hands out', () => {
    const text = surface();
    for (const name of ['defineTemplate', 'TemplateContext', 'TemplateFile', 'TagTemplate', 'OperationModel', 'SchemaNode', 'NamingResolver', 'UserConfig', 'TsHelpers', 'MethodSignature', 'EscapeHelpers']) {
      expect(text, name).toMatch(new RegExp(`\\b(interface|type|function|const|class) ${name}\\b`));
    }
    expect(text).toContain('renderDefault(): readonly TemplateFile[];');
    expect(text).not.toMatch(/\b(function render|interface RenderResult)\b/);
  });
});
