import yaml from 'js-yaml';
import { defaultLimits, parseSpec } from '../../generator/load/index.ts';
import { sourceFromText } from '../../generator/load/source.ts';
import type { SpecDocument } from '../../generator/spec-context.ts';

/** Parses an in-memory spec (an object or YAML text) as the load stage would. */
export function specFrom(doc: object | string, name = 'test.yaml'): SpecDocument {
  const text = typeof doc === 'string' ? doc : yaml.dump(doc);
  return parseSpec(sourceFromText(name, text), defaultLimits);
}
