import { dirname } from 'node:path';
import { error, MorphError } from '../diagnostics/diagnostic.ts';
import { DiagnosticCollector } from '../diagnostics/collector.ts';
import { isObject, own, setOwn, type JsonObject } from '../json.ts';
import { parsePointer, pointer, resolvePointer } from '../pointer.ts';
import { isComponentType, type ComponentType } from '../openapi/components.ts';
import { findRefs } from '../openapi/refs.ts';
import type { ExternalDocument, SpecDocument } from '../spec-context.ts';
import { fetchSpec } from './fetch.ts';
import type { Limits } from './limits.ts';
import { parseCheckedTree } from './checked-tree.ts';
import { checkExternalRef, fileLocation, locationKey, type ExternalLocation, type RefPolicy } from './ref-policy.ts';
import { mayHaveMisplacedRefs } from './misplaced-refs.ts';
import { readSpecFile, type SpecSource } from './source.ts';
import { httpMethods } from '../openapi/operations.ts';
import { displayPath } from '../display-path.ts';

export interface BundleOptions {
  readonly policy: RefPolicy;
  /** Absolute path of the root spec file. */
  readonly specPath: string;
  /** Project root, for naming external files in messages and the manifest. */
  readonly root: string;
  readonly limits: Limits;
}

interface LoadedExternal {
  readonly document: unknown;
  readonly name: string;
  readonly sha256: string;
}

/**
 * Turns a document with external references into a self-contained one, when the policy allows
 * them: each referenced object is copied into `#/components/<type>/<name>` and the reference
 * rewritten to point there, recursively (references inside an external file are relative to that
 * file). Every refusal is reported at the pointer of its `$ref`, all at once. Without external
 * references the document is returned as it was. Later stages only ever see internal references.
 */
export async function bundleExternalRefs(spec: SpecDocument, options: BundleOptions): Promise<SpecDocument> {
  if (!options.policy.external || !hasExternalRef(spec.document)) return spec;
  const diagnostics = new DiagnosticCollector();
  const document = structuredClone(spec.document);
  const components = ensureObject(document, 'components');
  const loaded = new Map<string, LoadedExternal>();
  const imported = new Map<string, string>();
  const specDir = dirname(options.specPath);
  const rootLocation = fileLocation(options.specPath);
  const queue: { node: unknown; at: string; base: ExternalLocation | 'root'; file: string }[] = [{ node: document, at: '#', base: 'root', file: spec.source.name }];

  while (queue.length > 0) {
    const { node, at, base, file } = queue.shift()!;
    for (const site of findRefs(node, at)) {
      if (base === 'root' && site.ref.startsWith('#')) continue;
      const where = base === 'root' ? spec.at(site.at) : { file, pointer: site.at };
      const checked = base !== 'root' && site.ref.startsWith('#') ? { location: base, fragment: site.ref.slice(1) } : checkExternalRef(site.ref, base === 'root' ? rootLocation : base, options.policy, specDir);
      if ('refused' in checked) {
        diagnostics.add(error('OM207', `external $ref "${site.ref}" refused: ${checked.refused}`, where));
        continue;
      }
      const key = `${locationKey(checked.location)}#${checked.fragment}`;
      let target = imported.get(key);
      if (target === undefined) {
        const external = await loadExternal(checked.location, loaded, options, diagnostics, where);
        if (!external) continue;
        const segments = parsePointer(`#${checked.fragment}`);
        const value = segments ? resolvePointer(external.document, segments) : undefined;
        if (value === undefined) {
          diagnostics.add(error('OM208', `$ref "${site.ref}" points to nothing in ${external.name}`, where));
          continue;
        }
        if (isOperationSite(site.at)) {
          // Not valid OpenAPI, but found in a large vendor's official spec: a whole operation in
          // another file. There is no component type for operations, so it is copied in place.
          inlineAt(document, site.at, value);
          queue.push({ node: resolvePointer(document, parsePointer(site.at)!.slice(0, -1)), at: parentPointer(site.at), base: checked.location, file: external.name });
          continue;
        }
        const type = componentTypeFor(segments!, site.at);
        if (!type) {
          diagnostics.add(error('OM209', `$ref "${site.ref}" sits where openapi-morph cannot tell which kind of component it is`, where));
          continue;
        }
        const group = ensureObject(components, type);
        const name = uniqueName(group, segments!.at(-1) ?? baseName(external.name));
        setOwn(group, name, structuredClone(value));
        target = pointer('components', type, name);
        imported.set(key, target);
        queue.push({ node: group[name], at: target, base: checked.location, file: external.name });
      }
      rewrite(document, site.at, target);
    }
  }
  diagnostics.throwIfErrors();
  const externals: ExternalDocument[] = [...loaded.values()].map((e) => ({ name: e.name, sha256: e.sha256 })).sort((a, b) => (a.name < b.name ? -1 : 1));
  // The same source and locator (a converted Swagger 2.0 document keeps its pointer mapping).
  return { ...spec, document, externals };
}

function hasExternalRef(document: JsonObject): boolean {
  return findRefs(document, '#').some((site) => !site.ref.startsWith('#'));
}

async function loadExternal(
  location: ExternalLocation,
  loaded: Map<string, LoadedExternal>,
  options: BundleOptions,
  diagnostics: DiagnosticCollector,
  where: ReturnType<SpecDocument['at']>,
): Promise<LoadedExternal | undefined> {
  const key = locationKey(location);
  const known = loaded.get(key);
  if (known) return known;
  const name = location.kind === 'file' ? displayPath(options.root, location.path) : location.url;
  try {
    const source = await readExternal(location, name, options.limits).catch((cause: unknown) => {
      // Named at the $ref that asked for it, like the policy's refusals.
      const reason = cause instanceof MorphError ? cause.diagnostics.map((d) => d.message).join('; ') : (cause as Error).message;
      throw new MorphError([error('OM207', `external document ${name} could not be read: ${reason}`, where, cause)]);
    });
    const document = parseCheckedTree({ ...source, name }, options.limits);
    const result = { document, name, sha256: source.sha256 };
    loaded.set(key, result);
    return result;
  } catch (cause) {
    if (cause instanceof MorphError) diagnostics.add(...cause.diagnostics);
    else diagnostics.add(error('OM207', `external document ${name} could not be read: ${(cause as Error).message}`, where, cause));
    return undefined;
  }
}

/** A file under the size cap, or an http(s) download (timeout and size cap from the limits; no redirects). */
function readExternal(location: ExternalLocation, name: string, limits: Limits): Promise<SpecSource> {
  return location.kind === 'file' ? readSpecFile(location.path, name, limits.maxBytes) : fetchSpec(new URL(location.url), limits, { redirects: 'refuse' });
}

const SCHEMA_MEMBERS = new Set(['schema', 'items', 'additionalProperties', 'not', 'contains', 'if', 'then', 'else', 'propertyNames', 'unevaluatedItems', 'unevaluatedProperties']);
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas']);
const SCHEMA_LISTS = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems']);
const BY_PARENT: Record<string, ComponentType> = { parameters: 'parameters', responses: 'responses', headers: 'headers', examples: 'examples', links: 'links', callbacks: 'callbacks', securitySchemes: 'securitySchemes' };

/**
 * Which kind of component an external target becomes: what its own pointer says
 * (`/components/schemas/X`), else what the position of the reference says.
 */
function componentTypeFor(targetSegments: readonly string[], siteAt: string): ComponentType | undefined {
  const [root, type] = targetSegments;
  if (root === 'components' && targetSegments.length === 3 && isComponentType(type)) return type;
  const site = (parsePointer(siteAt) ?? []).slice(0, -1);
  const last = site.at(-1) ?? '';
  const parent = site.at(-2) ?? '';
  if (site.includes('mapping') && site.at(-2) === 'mapping') return 'schemas';
  if (SCHEMA_MEMBERS.has(last) || SCHEMA_MAPS.has(parent) || (SCHEMA_LISTS.has(parent) && /^\d+$/.test(last))) return 'schemas';
  if (site[0] === 'components' && site.length === 3) return site[1] as ComponentType;
  if (last === 'requestBody') return 'requestBodies';
  if (site[0] === 'paths' && site.length === 2) return 'pathItems';
  return BY_PARENT[parent];
}

/** `#/paths/<path>/<method>/$ref` */
function isOperationSite(siteAt: string): boolean {
  const site = parsePointer(siteAt) ?? [];
  return site.length === 4 && site[0] === 'paths' && (httpMethods as readonly string[]).includes(site[2]!) && site[3] === '$ref';
}

/** Replaces the object holding the `$ref` at `siteAt` by a copy of `value` (its other members win). */
function inlineAt(document: JsonObject, siteAt: string, value: unknown): void {
  const segments = parsePointer(siteAt)!;
  const holder = resolvePointer(document, segments.slice(0, -1));
  if (!isObject(holder) || !isObject(value)) return;
  const siblings = Object.entries(holder).filter(([key]) => key !== '$ref');
  for (const key of Object.keys(holder)) delete holder[key];
  for (const [key, member] of [...Object.entries(structuredClone(value)), ...siblings]) setOwn(holder, key, member);
}

function parentPointer(siteAt: string): string {
  return pointer(...parsePointer(siteAt)!.slice(0, -1));
}

function rewrite(document: JsonObject, siteAt: string, target: string): void {
  const segments = parsePointer(siteAt)!;
  const parent = resolvePointer(document, segments.slice(0, -1));
  if (isObject(parent)) setOwn(parent, segments.at(-1)!, target);
}

function ensureObject(parent: JsonObject, key: string): JsonObject {
  const existing = own(parent, key);
  if (isObject(existing)) return existing;
  const created: JsonObject = {};
  setOwn(parent, key, created);
  return created;
}

function uniqueName(group: JsonObject, wanted: string): string {
  const base = wanted === '' ? 'External' : wanted;
  let name = base;
  for (let n = 2; own(group, name) !== undefined; n++) name = `${base}${n}`;
  return name;
}

function baseName(name: string): string {
  return name.replace(/[?#].*$/, '').split('/').at(-1)!.replace(/\.(ya?ml|json)$/i, '');
}

/**
 * Makes every internal reference point at a component: a `$ref` into anything else (another
 * operation's request body, a property of a component, `#/paths/...`), valid OpenAPI that later
 * stages cannot name, gets its target copied into `#/components/<type>/<name>` (the kind from the
 * target's pointer, else from where the reference sits; the name from the target's last segment)
 * and is rewritten to point there, the way external references are bundled. A target that does
 * not exist or whose kind cannot be told is left as it is, for selection to report at its `$ref`.
 */
export function hoistInternalRefs(spec: SpecDocument): SpecDocument {
  const misplaced = (document: JsonObject, skipped: ReadonlySet<string>) =>
    findRefs(document, '#').filter((site) => site.ref.startsWith('#') && !skipped.has(site.at) && !isComponentRef(site.ref));
  // A walk over every node costs seconds on a 30 MB document: the text says first whether any
  // reference could point elsewhere.
  if (!mayHaveMisplacedRefs(spec.source) || misplaced(spec.document, new Set()).length === 0) return spec;
  const document = structuredClone(spec.document);
  const components = ensureObject(document, 'components');
  const hoisted = new Map<string, string>();
  const skipped = new Set<string>();
  for (let sites = misplaced(document, skipped); sites.length > 0; sites = misplaced(document, skipped)) {
    for (const site of sites) {
      let target = hoisted.get(site.ref);
      if (target === undefined) {
        const segments = parsePointer(site.ref);
        const value = segments && segments.length > 0 ? resolvePointer(document, segments) : undefined;
        const type = segments && value !== undefined && !isOperationSite(site.at) ? componentTypeFor(segments, site.at) : undefined;
        if (!type) {
          skipped.add(site.at);
          continue;
        }
        const group = ensureObject(components, type);
        const name = uniqueName(group, segments!.at(-1) ?? '');
        setOwn(group, name, structuredClone(value));
        target = pointer('components', type, name);
        hoisted.set(site.ref, target);
      }
      rewrite(document, site.at, target);
    }
  }
  return { ...spec, document };
}

/** `#/components/<type>/<name>`, exactly. */
function isComponentRef(ref: string): boolean {
  const segments = parsePointer(ref);
  return segments !== undefined && segments.length === 3 && segments[0] === 'components' && isComponentType(segments[1]);
}
