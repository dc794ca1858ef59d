import type { ChangeSource, Direction, Severity } from './types.ts';

/**
 * The rules table: every kind of change the diff reports, with its direction, severity and message
 * template, in one place. The engine only detects *what* changed and picks a kind; this table
 * decides how bad it is. Classification follows the direction of data for a client that sends
 * requests and reads responses (issue 3):
 * - request: anything the server may now reject (new required input, removed input, narrower
 *   type, enum or constraint) is breaking; anything it now also accepts is not;
 * - response: anything the client may now receive that it did not handle before (removed or
 *   now-optional property, wider or different type, an enum widened so that the generated
 *   TypeScript type changes) is breaking; receiving less is not;
 * - descriptions and examples are docs; `x-` extensions are ignored before any rule runs.
 *
 * `direction: 'any'` rules apply on either side and report the direction they were found in.
 * TypeScript-surface rules (`ts-...`) may have a severity per direction: a property of a type the
 * client passes in (request) is judged like a request, one it gets back (response) like a response;
 * for a type used both ways the worse severity applies.
 *
 * Message templates use `{param}` placeholders; `formatMessage` fails on a missing parameter.
 */
export interface Rule {
  readonly source: ChangeSource;
  readonly direction: Direction | 'any';
  readonly severity: Severity | { readonly request: Severity; readonly response: Severity };
  readonly message: string;
}

const spec = (direction: Rule['direction'], severity: Severity, message: string): Rule => ({ source: 'spec', direction, severity, message });
const ts = (severity: Rule['severity'], message: string): Rule => ({ source: 'typescript', direction: 'any', severity, message });

export const rules = {
  // Operations as a whole.
  'operation-added': spec('both', 'non-breaking', 'operation added'),
  'operation-removed': spec('both', 'breaking', 'operation removed'),
  'operation-path-changed': spec('request', 'breaking', 'path changed from {from} to {to}'),
  'operation-method-changed': spec('request', 'breaking', 'method changed from {from} to {to}'),
  'operation-id-changed': spec('both', 'breaking', 'operationId changed from {from} to {to}; the generated method name derives from it'),
  'path-parameter-renamed': spec('request', 'breaking', 'path parameter {from} renamed to {to}'),
  'operation-tags-changed': spec('both', 'docs', 'tags changed from {from} to {to}'),
  'operation-class-changed': spec('both', 'breaking', 'tags changed from {from} to {to}; the generated class derives from the first, so the method moves to another class'),
  'security-changed': spec('request', 'breaking', 'security requirements changed from {from} to {to}'),
  'security-scheme-changed': spec('request', 'breaking', 'security scheme {name} changed: {what}'),
  'servers-changed': spec('request', 'non-breaking', 'servers changed from {from} to {to}; {effect}'),
  'info-changed': spec('both', 'docs', 'document info changed: {what}'),

  // Parameters.
  'request-parameter-added': spec('request', 'non-breaking', 'optional {name} parameter added'),
  'request-parameter-added-required': spec('request', 'breaking', 'required {name} parameter added'),
  'request-parameter-removed': spec('request', 'breaking', '{name} parameter removed'),
  'request-parameter-became-required': spec('request', 'breaking', '{name} parameter is now required'),
  'request-parameter-became-optional': spec('request', 'non-breaking', '{name} parameter is now optional'),
  'method-arguments-changed': spec('request', 'breaking', 'the method takes ({to}), was ({from}): arguments after the change move, so a call that passes them must change'),
  'request-parameter-serialization-changed': spec('request', 'breaking', '{name} parameter serialization changed: {what}'),

  // Request body and media types.
  'request-body-added': spec('request', 'non-breaking', 'optional request body added'),
  'request-body-added-required': spec('request', 'breaking', 'required request body added'),
  'request-body-removed': spec('request', 'breaking', 'request body removed'),
  'request-body-became-required': spec('request', 'breaking', 'request body is now required'),
  'request-body-became-optional': spec('request', 'non-breaking', 'request body is now optional'),
  'request-media-type-added': spec('request', 'non-breaking', 'request media type {name} added'),
  'request-media-type-removed': spec('request', 'breaking', 'request media type {name} removed'),
  'request-body-encoding-changed': spec('request', 'breaking', '{name} encoding changed: {what}'),
  'request-body-part-types-widened': spec('request', 'non-breaking', '{name} may now also go as {to} (was {from})'),

  // Responses.
  'response-success-status-added': spec('response', 'breaking', 'success response {name} added; the result type may change'),
  'response-success-status-added-same-body': spec('response', 'non-breaking', 'success response {name} added, with the body of {like}, which the method already returns'),
  'response-success-status-removed': spec('response', 'breaking', 'success response {name} removed'),
  'response-success-status-changed': spec('response', 'non-breaking', 'success status changed from {from} to {to}'),
  'response-error-status-added': spec('response', 'non-breaking', 'error response {name} added'),
  'response-error-status-removed': spec('response', 'breaking', 'error response {name} removed; code that reads its typed body by status stops compiling'),
  'response-error-status-removed-untyped': spec('response', 'non-breaking', 'error response {name} removed; it declared no body, so no code reads a typed one'),
  'response-media-type-added': spec('response', 'non-breaking', 'response media type {name} added'),
  'response-media-type-removed': spec('response', 'breaking', 'response media type {name} removed'),
  'response-media-type-removed-unread': spec('response', 'non-breaking', 'response media type {name} removed; the method reads {read}, which stays'),

  // Schemas: renames.
  'schema-renamed': spec('any', 'breaking', 'schema {from} renamed to {to} with the same structure; the exported type name changes'),

  // Schemas: properties.
  'request-property-added': spec('request', 'non-breaking', 'optional property {name} added'),
  'request-property-added-required': spec('request', 'breaking', 'required property {name} added'),
  'request-property-removed': spec('request', 'breaking', 'property {name} removed'),
  'request-property-became-required': spec('request', 'breaking', 'property {name} is now required'),
  'request-property-became-optional': spec('request', 'non-breaking', 'property {name} is now optional'),
  'response-property-added': spec('response', 'non-breaking', 'property {name} added'),
  'response-property-removed': spec('response', 'breaking', 'property {name} removed'),
  'response-property-became-optional': spec('response', 'breaking', 'property {name} is now optional'),
  'response-property-became-required': spec('response', 'non-breaking', 'property {name} is now always present'),

  // Schemas: types (null is a type: nullable is a widening).
  'request-type-widened': spec('request', 'non-breaking', 'type widened from {from} to {to}'),
  'request-type-narrowed': spec('request', 'breaking', 'type narrowed from {from} to {to}'),
  'request-type-changed': spec('request', 'breaking', 'type changed from {from} to {to}'),
  'response-type-widened': spec('response', 'breaking', 'type widened from {from} to {to}'),
  'response-type-narrowed': spec('response', 'non-breaking', 'type narrowed from {from} to {to}'),
  'response-type-changed': spec('response', 'breaking', 'type changed from {from} to {to}'),

  // Schemas: enums and consts.
  'request-enum-widened': spec('request', 'non-breaking', 'enum widened: {values}'),
  'request-enum-narrowed': spec('request', 'breaking', 'enum narrowed: {values}'),
  'response-enum-widened': spec('response', 'breaking', 'enum widened: {values}; exhaustive checks on the generated type stop compiling'),
  'response-enum-narrowed': spec('response', 'breaking', 'enum narrowed: {values}; a comparison or case with a removed value stops compiling'),
  'open-enum-widened': spec('any', 'non-breaking', 'known values added ({values}); a sibling union member already admits any {what}, so no type changes'),
  'open-enum-narrowed': spec('any', 'non-breaking', 'known values removed ({values}); a sibling union member still admits any {what}'),

  // Schemas: anyOf / oneOf members.
  'request-union-member-added': spec('request', 'non-breaking', 'now also accepts {what}'),
  'request-union-member-removed': spec('request', 'breaking', 'no longer accepts {what}'),
  'response-union-member-added': spec('response', 'breaking', 'may now also be {what}'),
  'response-union-member-removed': spec('response', 'non-breaking', 'is no longer {what}'),
  'open-union-member-added': spec('any', 'non-breaking', 'union member {what} added; the schema admitted it already, or a sibling member does, so no type changes'),
  'open-union-member-removed': spec('any', 'non-breaking', 'union member {what} removed; a sibling member still admits it'),

  // Schemas: constraints (minimum, maxLength, pattern, format, ...).
  'request-constraint-tightened': spec('request', 'breaking', '{name} tightened from {from} to {to}'),
  'request-constraint-loosened': spec('request', 'non-breaking', '{name} loosened from {from} to {to}'),
  'response-constraint-changed': spec('response', 'non-breaking', '{name} changed from {from} to {to}'),
  'request-additional-properties-narrowed': spec('request', 'breaking', 'unknown properties are no longer accepted'),
  'request-additional-properties-widened': spec('request', 'non-breaking', 'unknown properties are now accepted'),
  'response-additional-properties-changed': spec('response', 'non-breaking', 'additional properties changed from {from} to {to}'),
  'discriminator-changed': spec('any', 'breaking', 'discriminator property changed from {from} to {to}'),
  'request-discriminator-value-removed': spec('request', 'breaking', 'discriminator value {name} no longer taken'),
  'response-discriminator-value-removed': spec('response', 'breaking', 'discriminator value {name} no longer sent; a comparison or case with it stops compiling'),
  'schema-keyword-changed': spec('any', 'breaking', '{name} changed (not modelled by the diff, so treated as breaking)'),

  // Annotations.
  'default-added': spec('any', 'docs', 'default {to} documented'),
  'request-default-changed': spec('request', 'non-breaking', 'default changed from {from} to {to}; omitting the field now means something else'),
  'response-default-changed': spec('response', 'docs', 'default changed from {from} to {to}'),
  'request-read-only-added': spec('request', 'breaking', 'now readOnly: a request no longer sends it'),
  'request-read-only-removed': spec('request', 'breaking', 'no longer readOnly: a request sends it, and must where it is required'),
  'response-write-only-added': spec('response', 'breaking', 'now writeOnly: a response no longer holds it'),
  'response-write-only-removed': spec('response', 'non-breaking', 'no longer writeOnly: a response may hold it'),
  'deprecated-added': spec('any', 'non-breaking', 'now deprecated'),
  'deprecated-removed': spec('any', 'docs', 'no longer deprecated'),
  'description-changed': spec('any', 'docs', '{name} changed'),
  'example-changed': spec('any', 'docs', '{name} changed'),
  'annotation-changed': spec('any', 'docs', '{name} changed'),

  // The generated package's public TypeScript API.
  'ts-export-added': ts('non-breaking', 'export {name} added'),
  'ts-export-removed': ts('breaking', 'export {name} removed'),
  'ts-export-kind-changed': ts('breaking', 'export {name} changed from a {from} to a {to}'),
  'ts-property-added': ts('non-breaking', 'optional member {name} added'),
  'ts-required-property-added': ts({ request: 'breaking', response: 'non-breaking' }, 'required member {name} added'),
  'ts-property-removed': ts('breaking', 'member {name} removed'),
  'ts-property-became-optional': ts({ request: 'non-breaking', response: 'breaking' }, 'member {name} is now optional'),
  'ts-property-became-required': ts({ request: 'breaking', response: 'non-breaking' }, 'member {name} is now required'),
  'ts-union-member-added': ts({ request: 'non-breaking', response: 'breaking' }, 'type now also admits {what}'),
  'ts-union-member-removed': ts({ request: 'breaking', response: 'non-breaking' }, 'type no longer admits {what}'),
  'ts-type-changed': ts('breaking', 'type changed from {from} to {to}'),
  'ts-parameter-added': ts('non-breaking', 'optional parameter {name} added'),
  'ts-required-parameter-added': ts('breaking', 'required parameter {name} added'),
  'ts-parameter-removed': ts('breaking', 'parameter {name} removed'),
  'ts-parameter-became-optional': ts('non-breaking', 'parameter {name} is now optional'),
  'ts-parameter-became-required': ts('breaking', 'parameter {name} is now required'),
} as const satisfies Record<string, Rule>;

export type RuleKind = keyof typeof rules;

const RANK: Record<Severity, number> = { docs: 0, 'non-breaking': 1, breaking: 2 };

export function severityRank(severity: Severity): number {
  return RANK[severity];
}

/** The severity of a rule for a change found in `direction`; for `both`, the worse of the two. */
export function ruleSeverity(kind: RuleKind, direction: Direction): Severity {
  const severity: Rule['severity'] = rules[kind].severity;
  if (typeof severity === 'string') return severity;
  if (direction !== 'both') return severity[direction];
  return RANK[severity.request] >= RANK[severity.response] ? severity.request : severity.response;
}

/** The direction a change of this kind reports: the rule's own, or for `any` rules the one it was found in. */
export function ruleDirection(kind: RuleKind, found: Direction): Direction {
  const direction: Rule['direction'] = rules[kind].direction;
  return direction === 'any' ? found : direction;
}

export type MessageParams = Readonly<Record<string, string>>;

/** Fills a rule's `{param}` placeholders. A missing parameter is a bug in the engine, so it throws. */
export function formatMessage(kind: RuleKind, params: MessageParams): string {
  return rules[kind].message.replace(/\{(\w+)\}/g, (_match, key: string) => {
    const value = params[key];
    if (value === undefined) throw new Error(`diff rule ${kind}: message parameter "${key}" missing`);
    return value;
  });
}
