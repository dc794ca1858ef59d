import { setOwn, type JsonObject } from '../json.ts';
import { mapDocumentSchemas } from '../schema-walk.ts';
import type { SpecDocument } from '../spec-context.ts';
import { discriminatorRules } from './discriminator.ts';
import { schemaRules } from './rules.ts';

/**
 * Normalize stage: turns the selected subset into one shape, OpenAPI 3.1, before anything builds
 * on it, so the model, openapi-typescript and templates never meet version differences or
 * upstream quirks. Each rule is a small function of one Schema Object (rules.ts). Never mutates
 * its input: the subset shares objects with the loaded source.
 */
export function normalize(spec: SpecDocument, subset: JsonObject): JsonObject {
  const rules = schemaRules.filter((rule) => rule.versions.includes(spec.version));
  const document = discriminatorRules(mapDocumentSchemas(subset, (schema) => rules.reduce((current, rule) => rule.apply(current), schema)));
  // 3.2 is 3.1 plus additions outside the Schema Object (`$self`, tag fields) that later stages ignore.
  if (spec.version === '3.1') return document;
  const converted: JsonObject = {};
  for (const [key, value] of Object.entries(document)) setOwn(converted, key, key === 'openapi' ? '3.1.0' : value);
  return converted;
}
