/**
 * Schema keywords by what they mean to a client, for the comparison modules. Vendor extensions
 * (`x-...`) are in none of these sets: they are dropped before anything is compared.
 */

/** Keywords whose change is documentation only, and the rule that reports them. */
export const DOC_KEYWORDS: ReadonlyMap<string, 'description-changed' | 'example-changed' | 'annotation-changed'> = new Map([
  ['description', 'description-changed'],
  ['summary', 'description-changed'],
  ['example', 'example-changed'],
  ['examples', 'example-changed'],
  ['title', 'annotation-changed'],
  ['externalDocs', 'annotation-changed'],
  ['$comment', 'annotation-changed'],
  ['xml', 'annotation-changed'],
  ['contentMediaType', 'annotation-changed'],
  ['contentEncoding', 'annotation-changed'],
  ['$schema', 'annotation-changed'],
  ['$id', 'annotation-changed'],
  ['$anchor', 'annotation-changed'],
]);

/**
 * `readOnly` and `writeOnly`: what a request may send and what a response holds, in the generated
 * types (openapi-typescript's read/write markers); compared by direction (annotations.ts).
 */
export const READ_WRITE_KEYWORDS = ['readOnly', 'writeOnly'] as const;

/** Keywords that never make two schemas structurally different (a rename keeps them free to change). */
export const NON_STRUCTURAL = new Set([...DOC_KEYWORDS.keys(), ...READ_WRITE_KEYWORDS, 'deprecated']);

/**
 * Validation constraints and which way tightens them: `raise` when a larger value admits less
 * (`minLength`), `lower` when a smaller one does (`maxLength`), `set` when any new or different
 * value admits less and removing it admits more (`pattern`, `format`, `multipleOf`).
 */
export const CONSTRAINTS: ReadonlyMap<string, 'raise' | 'lower' | 'set'> = new Map([
  ['minLength', 'raise'],
  ['minItems', 'raise'],
  ['minProperties', 'raise'],
  ['minContains', 'raise'],
  ['minimum', 'raise'],
  ['exclusiveMinimum', 'raise'],
  ['maxLength', 'lower'],
  ['maxItems', 'lower'],
  ['maxProperties', 'lower'],
  ['maxContains', 'lower'],
  ['maximum', 'lower'],
  ['exclusiveMaximum', 'lower'],
  ['pattern', 'set'],
  ['format', 'set'],
  ['multipleOf', 'set'],
  ['uniqueItems', 'set'],
]);

/** Keywords the schema comparison handles itself; any other keyword that changes is `schema-keyword-changed`. */
export const HANDLED = new Set([
  ...NON_STRUCTURAL,
  ...CONSTRAINTS.keys(),
  'type',
  'enum',
  'const',
  'properties',
  'required',
  'additionalProperties',
  'items',
  'anyOf',
  'oneOf',
  'allOf',
  '$ref',
  'discriminator',
  'default',
  '$defs',
  'definitions',
]);

export const PRIMITIVE_TYPES = ['string', 'number', 'integer', 'boolean'] as const;
