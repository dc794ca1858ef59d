// Build step (`npm run build`, after tsc): writes the official OpenAPI schemas, compiled by ajv, as
// standalone CommonJS next to the compiled heavy.js, so a run loads a validator instead of compiling
// a meta-schema (0.4-1 s each). A file is rewritten only when its key changed: the ajv versions,
// the schema's text and the functions that set ajv's options and reshape the schema.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sha256 } from '../hash.ts';
import { openapiSchemaAjv, PRECOMPILED_SCHEMA_VALIDATOR, type OpenapiSchemaVersion } from '../heavy.ts';
import { withBranchesInlined } from '../meta-schema-branches.ts';
import { installedVersion } from '../installed-version.ts';
import { toolkitRoot } from '../toolkit.ts';

const require = createRequire(import.meta.url);
const standaloneCode = (require('ajv/dist/standalone') as { default: (ajv: object, validate: unknown) => string }).default;
const VERSIONS: readonly OpenapiSchemaVersion[] = ['2.0', '3.0', '3.1', '3.2'];

for (const version of VERSIONS) {
  const file = fileURLToPath(new URL(PRECOMPILED_SCHEMA_VALIDATOR(version), new URL('../heavy.js', import.meta.url)));
  const schemaText = readFileSync(require.resolve(`@seriousme/openapi-schema-validator/schemas/v${version}/schema.json`), 'utf8');
  const key = sha256(JSON.stringify([installedVersion('ajv', toolkitRoot), installedVersion('ajv-draft-04', toolkitRoot), schemaText, openapiSchemaAjv.toString(), withBranchesInlined.toString()]));
  const stamp = `// openapi-morph schema validator ${version}, key ${key}\n`;
  if (existsSync(file) && readFileSync(file, 'utf8').startsWith(stamp)) continue;
  const { ajv, compile } = openapiSchemaAjv(version, true);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, stamp + standaloneCode(ajv, compile()));
}
