/**
 * A discriminated parent that admits `null`, named in a child's `allOf` (types/nullable-omit.ts):
 * openapi-typescript's `Omit<{…} | null, "petType">` is `{}`, so the types stage writes the `Omit`
 * over `NonNullable<…>`, for each way a schema admits `null`. The real-world fixture r35 holds the
 * shape end to end (its children's types, with assertions, and its docs examples compile).
 */
import { describe, expect, it } from 'vitest';
import { openapiTypes } from '../../generator/types/openapi-types.ts';

const object = { type: 'object', required: ['petType'], properties: { petType: { type: 'string' }, name: { type: 'string' } } };

/** Dog's type, with Pet as given (the subset is OpenAPI 3.1, as the types stage gets it), whitespace collapsed. */
function dog(pet: object): string {
  const Dog = { allOf: [{ $ref: '#/components/schemas/Pet' }, { type: 'object', properties: { barks: { type: 'boolean' } } }] };
  const document = { openapi: '3.1.0', info: { title: 't', version: '1' }, paths: {}, components: { schemas: { Dog, Pet: { ...pet, discriminator: { propertyName: 'petType' } } } } };
  const types = openapiTypes(document, 'spec.yaml').replace(/\s+/g, ' ');
  return /Dog: (.*?); Pet:/.exec(types)![1]!;
}

describe('a nullable discriminated parent', () => {
  const nonNull = 'Omit<NonNullable<components["schemas"]["Pet"]>, "petType">';
  it.each([
    { name: 'type: [object, null]', pet: { ...object, type: ['object', 'null'] } },
    { name: 'nullable: true (openapi-typescript reads it in 3.1 too)', pet: { ...object, nullable: true } },
    { name: 'anyOf with a null member (normalize makes it of a 3.0 nullable without a type)', pet: { anyOf: [object, { type: 'null' }] } },
    { name: 'oneOf with a null member', pet: { oneOf: [object, { type: 'null' }] } },
  ])('$name: the Omit is over the non-null type', ({ pet }) => {
    expect(dog(pet)).toContain(nonNull);
  });

  it('a parent without null keeps openapi-typescript\'s Omit', () => {
    expect(dog(object)).toContain('Omit<components["schemas"]["Pet"], "petType">');
  });
});
