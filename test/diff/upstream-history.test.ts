import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { resolveConfig } from '../../generator/config/resolve.ts';
import { diffPackages } from '../../generator/diff/index.ts';
import { defaultLimits, loadSpecFile } from '../../generator/load/index.ts';
import type { SpecDocument } from '../../generator/spec-context.ts';
import { describeNeeding } from '../helpers/required-input.ts';
import { upstreamDir, upstreamInput } from '../helpers/upstream.ts';
import { upstreamHistory } from './upstream-history.expectations.ts';

/**
 * The diff on real upstream history: each pair of consecutive snapshots, compared for
 * `POST /realtime/sessions` with the spec rules and the generated packages' TypeScript API,
 * against the hand-written expectations next to this file. Snapshots are read in place and
 * rendered in memory only.
 */
const config = resolveConfig(
  { spec: 'unused.yaml', select: { include: [{ by: 'operationId', pattern: 'create-realtime-session' }] }, package: { name: 'openai-realtime-client' } },
  tmpdir(),
  undefined,
);

const loaded = new Map<string, Promise<SpecDocument>>();
const snapshot = (name: string): Promise<SpecDocument> => {
  if (!loaded.has(name)) loaded.set(name, loadSpecFile(join(upstreamDir, name), name, defaultLimits));
  return loaded.get(name)!;
};
const sorted = (pairs: readonly (readonly [string, string])[]) => [...pairs].map((p) => JSON.stringify(p)).sort();

describeNeeding(upstreamInput, 'diff on the upstream history of POST /realtime/sessions', () => {
  it.each(upstreamHistory)('$old -> $new', async (expected) => {
    const { report } = await diffPackages(await snapshot(expected.old), await snapshot(expected.new), config);
    const spec = report.changes.filter((c) => c.source === 'spec' && c.severity !== 'docs');
    expect(spec.every((c) => c.operation === 'POST /realtime/sessions' && c.operationId === 'create-realtime-session')).toBe(true);
    const found = spec.map((c) => [c.kind, c.location] as const);
    if (expected.exactly) expect(sorted(found)).toStrictEqual(sorted(expected.exactly));
    for (const change of expected.includes ?? []) expect(sorted(found)).toContain(JSON.stringify(change));
    const typescript = report.changes.filter((c) => c.source === 'typescript').map((c) => [c.kind, c.location] as const);
    expect(sorted(typescript)).toStrictEqual(sorted(expected.typescript));
    expect({ breaking: report.breaking, semver: report.semver }).toStrictEqual({ breaking: expected.breaking, semver: expected.semver });
  });
});
