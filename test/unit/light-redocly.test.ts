/**
 * openapi-typescript is loaded without Redocly's `lib/utils.js` dependencies (config, YAML,
 * proxy agent, logging): its module cache entry answers the two functions ref-utils calls, and
 * loads the real module for anything else; its pointer helpers decode no fragment that needs no
 * decoding (redocly-ref-utils.ts), and its discriminator scan walks with one path
 * (openapi-typescript-walk.ts). Run in a child process: the test process may have loaded
 * Redocly already.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const probe = `
import { openapiTypescript } from './generator/heavy.ts';
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const { transformSchema, astToString } = openapiTypescript();
const loaded = () => Object.keys(require.cache).filter((f) => /@redocly.openapi-core.lib.(config|js-yaml|logger)|https-proxy-agent|minimatch|pluralize/.test(f)).length;
const before = loaded();
const schema = { openapi: '3.0.3', info: { title: 't', version: '1' }, paths: { '/a/{id}': { get: { parameters: [{ $ref: '#/components/parameters/Id' }], responses: { 200: { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/A' } } } } } } } },
  components: { parameters: { Id: { name: 'id', in: 'path', required: true, schema: { type: 'string' } } }, schemas: { A: { type: 'object', properties: { b: { $ref: '#/components/schemas/B' } } }, B: { type: 'string' } } } };
const { scanDiscriminators, resolveRef } = openapiTypescript();
// Redocly's pointer helpers decode every fragment; the module cache's answer those without ~ or % itself.
let decodes = 0;
const decode = globalThis.decodeURIComponent;
globalThis.decodeURIComponent = (text) => (decodes++, decode(text));
const options = { silent: true, alphabetize: false, additionalProperties: false, excludeDeprecated: false, pathParamsAsTypes: false, rootTypes: false, exportType: false, enum: false, immutable: false, emptyObjectsUnknown: false, defaultNonNullable: false, arrayLength: false, propertiesRequiredByDefault: false, injectFooter: [], transform: undefined, postTransform: undefined, makePathsEnum: false, generatePathParams: false, readWriteMarkers: false };
const text = astToString(transformSchema(schema, { ...options, discriminators: scanDiscriminators(schema, options), resolve: (ref) => resolveRef(schema, ref, { silent: true }) }));
const utils = require(require.resolve('@redocly/openapi-core/lib/utils.js', { paths: [require.resolve('openapi-typescript')] }));
const light = typeof utils.isTruthy === 'function' && utils.isPlainObject({}) && !utils.isPlainObject([]) && loaded() === 0;
const real = typeof utils.pluralize === 'function' && utils.pluralize('operation') === 'operations' && loaded() > 0;
globalThis.decodeURIComponent = decode;
const refUtils = require(require.resolve('@redocly/openapi-core/lib/ref-utils.js', { paths: [require.resolve('openapi-typescript')] }));
const pointers = JSON.stringify(refUtils.parseRef('#/a~1b/%7E')) === '{"uri":null,"pointer":["a/b","~"]}' && typeof refUtils.Location === 'function';
const onePath = scanDiscriminators.toString().includes('walkOnePath(schema');
console.log(JSON.stringify({ before, light, real, decodes, pointers, onePath, refs: text.includes('components["schemas"]["B"]') && text.includes('components["parameters"]["Id"]') }));
`;

describe('openapi-typescript without Redocly utils dependencies', () => {
  it('types a document with references, loading none of them, and the real module answers anything else', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', probe], { cwd: new URL('../..', import.meta.url), encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toStrictEqual({ before: 0, light: true, real: true, decodes: 0, pointers: true, onePath: true, refs: true });
  });
});
