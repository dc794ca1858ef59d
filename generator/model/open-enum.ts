import { isObject, own } from '../json.ts';

/**
 * The known values of an open enum: `anyOf`/`oneOf` whose variants are one plain `type: string`
 * and string enums or consts, nothing else (no nullability, no other keywords that would be lost).
 * The one rule for both type printers (openapi-typescript's `schema.ts`, and `schemaType` through
 * the model's `UnionNode.openEnum`), so that they agree.
 */
export function openEnumValues(schema: unknown): string[] | undefined {
  if (!isObject(schema)) return undefined;
  const variants = own(schema, 'anyOf') ?? own(schema, 'oneOf');
  if (!Array.isArray(variants) || variants.length < 2 || ['type', 'enum', 'const', 'nullable', 'allOf', '$ref'].some((k) => own(schema, k) !== undefined)) return undefined;
  let plain = 0;
  const values: string[] = [];
  for (const variant of variants) {
    if (!isObject(variant) || own(variant, 'type') !== 'string' || own(variant, 'nullable') === true) return undefined;
    const listed = own(variant, 'enum') ?? (own(variant, 'const') !== undefined ? [own(variant, 'const')] : undefined);
    if (listed === undefined) {
      if (['format', 'pattern', 'minLength', 'maxLength'].some((k) => own(variant, k) !== undefined)) return undefined;
      plain++;
    } else if (Array.isArray(listed) && listed.every((v): v is string => typeof v === 'string')) values.push(...listed);
    else return undefined;
  }
  return plain === 1 && values.length > 0 ? [...new Set(values)] : undefined;
}
