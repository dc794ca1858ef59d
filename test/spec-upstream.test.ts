import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { isObject, type JsonObject } from '../generator/json.ts';
import { defaultLimits, loadSpecFile } from '../generator/load/index.ts';
import { encodeSegment } from '../generator/pointer.ts';
import { select } from '../generator/select/index.ts';
import { repoRoot } from './helpers/cli.ts';
import { describeNeeding } from './helpers/required-input.ts';
import { upstreamInput, upstreamPath } from './helpers/upstream.ts';

/** Prose and docs-only members: ours are written by us, so they differ by design. */
const TEXT_KEYS = new Set(['description', 'summary', 'title', 'x-oaiMeta']);
/** Members whose values are data: compared as a whole, never stripped inside. */
const DATA_KEYS = new Set(['enum', 'default', 'example', 'examples', 'const', 'required']);

/** Removes prose members in schema/object positions; names in `properties`-like maps are kept. */
function structure(node: unknown, inNameMap = false): unknown {
  if (Array.isArray(node)) return node.map((item) => structure(item));
  if (!isObject(node)) return node;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    if (inNameMap) out[key] = structure(value);
    else if (TEXT_KEYS.has(key)) continue;
    else if (DATA_KEYS.has(key)) out[key] = value;
    else out[key] = structure(value, ['properties', 'schemas', 'securitySchemes', 'paths', 'content', 'responses'].includes(key));
  }
  return out;
}

/** Every JSON pointer where two structures differ (added, removed or changed members). */
function differences(a: unknown, b: unknown, at = ''): string[] {
  if (isObject(a) && isObject(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    const found: string[] = [];
    const orderA = Object.keys(a).filter((k) => k in b);
    const orderB = Object.keys(b).filter((k) => k in a);
    if (at.endsWith('/properties') && orderA.join() !== orderB.join()) found.push(`${at} (order)`);
    for (const key of keys) {
      const here = `${at}/${encodeSegment(key)}`;
      found.push(...(key in a && key in b ? differences(a[key], b[key], here) : [here]));
    }
    return found;
  }
  if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) return a.flatMap((item, i) => differences(item, b[i], `${at}/${i}`));
  return JSON.stringify(a) === JSON.stringify(b) ? [] : [at];
}

function deviationPointers(): string[] {
  const text = readFileSync(join(repoRoot, 'spec/DEVIATIONS.md'), 'utf8');
  return [...text.matchAll(/^\|\s*`(\/[^`]+)`\s*\|/gm)].map((m) => m[1]!);
}

async function subsetOf(path: string) {
  const spec = await loadSpecFile(path, path, defaultLimits);
  const { document } = select(spec, { include: [{ by: 'operationId', pattern: 'create-realtime-session' }], exclude: [] });
  const { openapi: _version, info: _info, tags: _tags, ...rest } = document;
  return rest;
}

describeNeeding(upstreamInput, 'spec/openapi.yaml against upstream snapshot 07', () => {
  it('has the structure of upstream POST /realtime/sessions, except the listed deviations', async () => {
    const upstream = await subsetOf(upstreamPath('07-'));
    const ours = await subsetOf(join(repoRoot, 'spec/openapi.yaml'));
    const found = differences(structure(upstream), structure(ours)).sort();
    expect(found).toStrictEqual([...deviationPointers()].sort());
  });

  it('shares no run of six words with upstream prose for these schemas', async () => {
    const upstream = await subsetOf(upstreamPath('07-'));
    const ours = await subsetOf(join(repoRoot, 'spec/openapi.yaml'));
    const words = (text: string) => text.toLowerCase().match(/[a-z0-9_]+/g) ?? [];
    const grams = (texts: string[]) => new Set(texts.flatMap((t) => words(t).flatMap((_, i, w) => (i + 6 <= w.length ? [w.slice(i, i + 6).join(' ')] : []))));
    const upstreamGrams = grams(prose(upstream));
    const shared = [...grams(prose(ours))].filter((g) => upstreamGrams.has(g));
    expect(shared).toStrictEqual([]);
    expect(prose(ours).length).toBeGreaterThan(50);
  });
});

describe('spec/openapi.yaml is self-consistent', () => {
  it('every default is valid against its own schema (JSON Schema 2020-12)', async () => {
    const ours = await subsetOf(join(repoRoot, 'spec/openapi.yaml'));
    const ajv = new Ajv2020({ strict: false });
    const invalid: string[] = [];
    let checked = 0;
    const walk = (node: unknown, at: string): void => {
      if (Array.isArray(node)) return node.forEach((item, i) => walk(item, `${at}/${i}`));
      if (!isObject(node)) return;
      if ('default' in node && !('$ref' in node)) {
        checked++;
        const { default: value, ...schema } = node;
        if (!ajv.validate(schema, value)) invalid.push(at);
      }
      for (const [key, value] of Object.entries(node)) if (!DATA_KEYS.has(key)) walk(value, `${at}/${encodeSegment(key)}`);
    };
    walk(ours['components'], '/components');
    expect(invalid).toStrictEqual([]);
    expect(checked).toBeGreaterThanOrEqual(10);
  });
});

function prose(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(prose);
  if (!isObject(node)) return [];
  return Object.entries(node).flatMap(([key, value]) => {
    if ((key === 'description' || key === 'summary') && typeof value === 'string') return [value];
    if (DATA_KEYS.has(key) || key === 'x-oaiMeta') return [];
    return prose(value);
  });
}
