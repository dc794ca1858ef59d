import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import yaml from 'js-yaml';
import { repoRoot } from './cli.ts';

/** JSON Schema validators for the component schemas of spec/openapi.yaml (OpenAPI 3.1 = JSON Schema 2020-12). */
export function specValidators(specPath = join(repoRoot, 'spec/openapi.yaml')): { spec: Record<string, unknown>; schema(name: string): ValidateFunction } {
  const spec = yaml.load(readFileSync(specPath, 'utf8')) as Record<string, unknown>;
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addSchema({ $id: 'https://openapi-morph.test/spec.json', components: spec['components'] });
  return {
    spec,
    schema(name) {
      const validate = ajv.getSchema(`https://openapi-morph.test/spec.json#/components/schemas/${name}`);
      if (!validate) throw new Error(`no schema ${name} in the spec`);
      return validate;
    },
  };
}
