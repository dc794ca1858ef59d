/**
 * After selection, the render stages and the render's result hold the selected subset of the
 * document, not the whole upstream tree (a 13 MB document would otherwise stay in memory, and in
 * every garbage collection, through the whole render); locations still point into the source.
 */
import { mkdtempSync, rmSync } from 'node:fs';
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
    expect(result.spec.at('#/paths/~1things/get/operationId')).toMatchObject({ line: 32 });
    expect(result.spec.at('#/paths/~1health/get')).toMatchObject({ line: 15 });
  });
});
