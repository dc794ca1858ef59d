/**
 * After selection, the render stages and the render's result hold the selected subset of the
 * document, not the whole upstream tree (a 13 MB document would otherwise stay in memory, and in
 * every garbage collection, through the whole render), nor the file's text (read again, and checked
 * against the hash, when a diagnostic needs a line); locations still point into the source.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../generator/config/resolve.ts';
import { render } from '../../generator/pipeline.ts';
import { repoRoot } from '../helpers/cli.ts';

describe('the render keeps the selected subset, not the whole document', () => {
  const base = mkdtempSync(join(tmpdir(), 'om-subset-'));
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  it('one operation of five: the result spec holds one path, and locates pointers in the source file', async () => {
    const config = resolveConfig({ spec: join(repoRoot, 'test/fixtures/things.yaml'), package: { name: 'subset' } }, base, undefined, {
      out: join(base, 'out'),
      include: [{ by: 'operationId', pattern: 'list-things' }],
    });
    const result = await render({ ...config, typecheck: false }, { format: false });
    expect(result.spec.document).toBe(result.selected.document);
    expect(Object.keys(result.spec.document['paths'] as object)).toStrictEqual(['/things']);
    expect(result.spec.at('#/paths/~1things/get/operationId')).toMatchObject({ line: 36 });
    expect(result.spec.at('#/paths/~1health/get')).toMatchObject({ line: 15 });
  });

  it("lets go of the file's text: it is read again for a location, and refused once the file changed", async () => {
    const spec = join(base, 'things.yaml');
    copyFileSync(join(repoRoot, 'test/fixtures/things.yaml'), spec);
    const config = resolveConfig({ spec, package: { name: 'subset' } }, base, undefined, { out: join(base, 'out2'), include: [{ by: 'operationId', pattern: 'get-health' }] });
    const result = await render({ ...config, typecheck: false }, { format: false });
    expect(result.spec.source.text).toBe(readFileSync(spec, 'utf8'));
    writeFileSync(spec, `# edited after the run\n${readFileSync(spec, 'utf8')}`);
    expect(() => result.spec.source.text).toThrow(/things\.yaml changed while openapi-morph was reading it/);
    // A location asked for only now has no line (the text held the run's bytes would say 15).
    expect(result.spec.at('#/paths/~1health/get')).toStrictEqual({ file: 'things.yaml', pointer: '#/paths/~1health/get' });
  });
});
