import { error, MorphError } from '../diagnostics/diagnostic.ts';
import { openapiSchemaValidator, type SchemaValidator } from '../heavy.ts';
import { didYouMean } from '../did-you-mean.ts';
import { isObject, own, type JsonObject } from '../json.ts';
import { encodeSegment } from '../pointer.ts';
import type { SpecDocument } from '../spec-context.ts';

/** One error as ajv reports it (with `verbose: true`, so the failing sub-schema is attached). */
export interface AjvDetail {
  readonly instancePath: string;
  readonly schemaPath: string;
  readonly keyword: string;
  readonly params: Record<string, unknown>;
  readonly message?: string;
  /** Set on errors about a key (propertyNames): the offending key. */
  readonly propertyName?: string;
  readonly schema?: unknown;
  /** The schema object holding the failing keyword (`verbose`). */
  readonly parentSchema?: unknown;
}

/** Keywords that only say "a branch failed"; the branch's own errors say why. */
const COMPOSITE = new Set(['oneOf', 'anyOf', 'allOf', 'if', 'then', 'else', 'propertyNames', '$ref']);
const BRANCHING = new Set(['oneOf', 'anyOf']);
const MAX_REPORTED = 20;

/**
 * Validates the selected subset against the official OpenAPI schema of its version (3.0, 3.1 or
 * 3.2, the current releases pinned through `@seriousme/openapi-schema-validator`; 2.0 sources are
 * validated against the 2.0 schema before conversion). The subset is validated as written, not
 * dereferenced, so a mistake inside a component is reported once, at the component, not at every
 * place that refers to it. Pointers in the subset equal the pointers in the source, so every
 * problem is reported at its line in the user's file.
 */
export function validateSubset(spec: SpecDocument, subset: JsonObject): void {
  const problems = schemaProblems(openapiSchemaValidator(spec.version), subset);
  if (problems.length === 0) return;
  const diagnostics = problems.slice(0, MAX_REPORTED).map((p) => error('OM206', `invalid OpenAPI: ${p.message}`, spec.at(`#${p.path}`)));
  if (problems.length > MAX_REPORTED) {
    diagnostics.push(error('OM206', `${problems.length - MAX_REPORTED} more validation problems not shown`, { file: spec.source.name }));
  }
  throw new MorphError(diagnostics);
}

export interface SchemaProblem {
  /** JSON pointer (without `#`) of the offending value or key. */
  readonly path: string;
  readonly message: string;
}

/** Runs `validator` on `document`; one problem per offending place, worded to name the field. */
export function schemaProblems(validator: SchemaValidator, document: unknown): SchemaProblem[] {
  if (validator(document)) return [];
  return collapseErrors((validator.errors ?? []) as readonly AjvDetail[]);
}

/**
 * ajv with `allErrors` reports every branch of every `oneOf`/`anyOf` that failed, and the OpenAPI
 * schemas put "a Reference, or the object" at every place an object may be referenced: one typo
 * becomes a `missing required property "$ref"` plus an error per alternative. This keeps what
 * names the mistake: the most specific failing branch of each alternative, with the Reference
 * alternative dropped wherever the object alternative says more; then one problem per pointer.
 */
export function collapseErrors(details: readonly AjvDetail[]): SchemaProblem[] {
  let kept = [...details];
  for (const composite of details.filter((d) => BRANCHING.has(d.keyword))) kept = keepBestBranch(kept, composite);
  const leaves = kept.filter((d) => !COMPOSITE.has(d.keyword));
  const specific = leaves.filter((d) => !(isMissingRef(d) && leaves.some((o) => o !== d && !isMissingRef(o) && within(o.instancePath, d.instancePath))));
  const chosen = specific.length > 0 ? specific : details.slice(0, 1);

  const byPath = new Map<string, AjvDetail[]>();
  for (const detail of chosen) {
    const path = pathOf(detail);
    byPath.set(path, [...(byPath.get(path) ?? []), detail]);
  }
  return [...byPath].map(([path, group]) => ({ path, message: describe(group) }));
}

/**
 * Among the branches of one failed `oneOf`/`anyOf`, keeps the errors of the most specific one:
 * when every branch fails on the value of the same field (a discriminating `type` or `in`), that
 * field's allowed values merged; otherwise the branch with the fewest errors, the deepest first.
 */
function keepBestBranch(details: readonly AjvDetail[], composite: AjvDetail): AjvDetail[] {
  const prefix = `${composite.schemaPath}/`;
  const branches = new Map<string, AjvDetail[]>();
  for (const detail of details) {
    if (!detail.schemaPath.startsWith(prefix) || !within(detail.instancePath, composite.instancePath)) continue;
    const branch = detail.schemaPath.slice(prefix.length).split('/')[0]!;
    branches.set(branch, [...(branches.get(branch) ?? []), detail]);
  }
  // The Reference branch of "a Reference or the object", for an object without `$ref` that has other errors: the object is meant.
  const dropped = new Set<AjvDetail>();
  for (const [branch, group] of branches) {
    const meant = !group.some((d) => isMissingRef(d) && d.instancePath === composite.instancePath);
    if (meant || !details.some((d) => !group.includes(d) && !COMPOSITE.has(d.keyword) && within(d.instancePath, composite.instancePath))) continue;
    for (const detail of group) dropped.add(detail);
    branches.delete(branch);
  }
  if (branches.size < 2) return details.filter((d) => !dropped.has(d));
  const inBranches = new Set([...branches.values()].flat());
  const rest = details.filter((d) => !inBranches.has(d) && !dropped.has(d));
  const groups = [...branches.values()];
  const discriminating = groups.map((g) => g.find((d) => (d.keyword === 'enum' || d.keyword === 'const') && d.instancePath !== composite.instancePath));
  const field = discriminating[0]?.instancePath;
  if (field !== undefined && discriminating.every((d) => d?.instancePath === field)) {
    const allowed = [...new Set(discriminating.flatMap((d) => (d!.keyword === 'enum' ? (d!.params['allowedValues'] as unknown[]) : [d!.params['allowedValue']])))];
    return [...rest, { ...discriminating[0]!, keyword: 'enum', params: { allowedValues: allowed } }];
  }
  const depth = (g: readonly AjvDetail[]) => Math.max(...g.map((d) => d.instancePath.split('/').length));
  const best = groups.reduce((a, b) => (b.length < a.length || (b.length === a.length && depth(b) > depth(a)) ? b : a));
  return [...rest, ...best];
}

const isMissingRef = (d: AjvDetail) => d.keyword === 'required' && d.params['missingProperty'] === '$ref';

/** Whether `path` is `base` or below it. */
const within = (path: string, base: string) => path === base || path.startsWith(`${base}/`);

/** A bad or unknown key is reported where the key is, not at the object holding it. */
function pathOf(detail: AjvDetail): string {
  const key = detail.propertyName ?? unknownProperty(detail);
  return key === undefined ? detail.instancePath : `${detail.instancePath}/${encodeSegment(key)}`;
}

function unknownProperty(detail: AjvDetail): string | undefined {
  const key = detail.params['additionalProperty'] ?? detail.params['unevaluatedProperty'];
  return typeof key === 'string' ? key : undefined;
}

/**
 * What the object wants instead of an unknown key, from the failing schema ajv attaches
 * (`verbose`): an extension spelled with a capital X; a key it knows close to the unknown one
 * (`; did you mean "description"?`); else, for an object whose schema lists every key it allows
 * beside `additionalProperties: false` (3.0's and 2.0's; 3.1's get more keys through `$ref` and
 * `allOf`), those keys when they are few (` (the object allows name, namespace, ..., x-...)`).
 * Other generators accept such a key, so the message says what the OpenAPI schema wants.
 */
function knownProperties(detail: AjvDetail, key: string): string {
  const parent = detail.parentSchema;
  if (!isObject(parent)) return '';
  if (key.startsWith('X-')) return '; an extension starts with a lowercase "x-"';
  const properties = own(parent, 'properties');
  const names = isObject(properties) ? Object.keys(properties) : [];
  const suggestion = didYouMean(key, names);
  if (suggestion !== undefined) return `; did you mean ${JSON.stringify(suggestion)}?`;
  const patterns = own(parent, 'patternProperties');
  const patternKeys = isObject(patterns) ? Object.keys(patterns) : [];
  const listsAll = own(parent, 'additionalProperties') === false && patternKeys.every((pattern) => pattern === '^x-') && !OPENING_KEYWORDS.some((keyword) => Object.hasOwn(parent, keyword));
  if (!listsAll || names.length === 0 || names.length > 12) return '';
  return ` (the object allows ${names.join(', ')}${patternKeys.length > 0 ? ', x-...' : ''})`;
}

/** Keywords through which a schema allows keys its `properties` do not list. */
const OPENING_KEYWORDS = ['$ref', '$dynamicRef', 'allOf', 'anyOf', 'oneOf', 'if', 'dependentSchemas', 'unevaluatedProperties'];

function describe(group: readonly AjvDetail[]): string {
  const missing = [...new Set(group.filter((d) => d.keyword === 'required').map((d) => `"${String(d.params['missingProperty'])}"`))];
  const branched = group.some((d) => d.keyword === 'required' && /\/(oneOf|anyOf)\/\d+/.test(d.schemaPath));
  const parts: string[] = [];
  if (missing.length > 0) parts.push(`missing required property ${missing.join(branched ? ' or ' : ' and ')}`);
  // Several alternatives each allowing other values: one list.
  const allowed = [...new Set(group.flatMap((d) => (d.keyword === 'enum' ? (d.params['allowedValues'] as unknown[]) : d.keyword === 'const' ? [d.params['allowedValue']] : [])))];
  if (allowed.length > 0) parts.push(`must be one of ${allowed.map((v) => JSON.stringify(v)).join(', ')}`);
  for (const detail of group) {
    if (detail.keyword === 'required' || detail.keyword === 'enum' || detail.keyword === 'const') continue;
    if (detail.propertyName !== undefined) {
      parts.push(`the name ${JSON.stringify(detail.propertyName)} ${detail.message ?? 'is not valid'}`);
    } else if (unknownProperty(detail) !== undefined) {
      const key = unknownProperty(detail)!;
      // A hint only where the errors at this place are one object's: a oneOf's branches (the
      // security scheme kinds, a Reference) would each give theirs, for one key.
      const oneObject = group.every((other) => unknownProperty(other) === undefined || other.parentSchema === detail.parentSchema);
      parts.push(`unknown property ${JSON.stringify(key)}${oneObject ? knownProperties(detail, key) : ''}`);
    } else if (detail.keyword === 'not') {
      parts.push(describeNot(detail));
    } else if (detail.keyword === 'minProperties' || detail.keyword === 'minItems') {
      parts.push(describeTooFew(detail));
    } else {
      parts.push(detail.message ?? detail.keyword);
    }
  }
  return [...new Set(parts)].join('; ');
}

/** `"responses" is empty: it needs at least 1 entry`: the field by name, not "must NOT have fewer than 1 properties". */
function describeTooFew(detail: AjvDetail): string {
  const field = detail.instancePath.split('/').at(-1)?.replace(/~1/g, '/').replace(/~0/g, '~') || 'the document';
  const limit = Number(detail.params['limit']);
  return `"${field}" ${limit === 1 ? 'is empty' : 'has too few entries'}: it needs at least ${limit} ${limit === 1 ? 'entry' : 'entries'}`;
}

/** `dependentSchemas: { identifier: { not: { required: [url] } } }` is "not both": say which two. */
function describeNot(detail: AjvDetail): string {
  const dependent = /\/dependentSchemas\/([^/]+)\/not$/.exec(detail.schemaPath)?.[1];
  const schema = detail.schema as { required?: unknown } | undefined;
  const excluded = Array.isArray(schema?.required) ? schema.required.map(String) : [];
  if (dependent !== undefined && excluded.length > 0) {
    const names = [decodeURIComponent(dependent).replace(/~1/g, '/').replace(/~0/g, '~'), ...excluded].map((n) => `"${n}"`);
    return `has both ${names.join(' and ')}; only one of them is allowed`;
  }
  return detail.message ?? 'matches a shape that is not allowed';
}
