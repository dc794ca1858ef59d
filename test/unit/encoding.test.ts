/**
 * A media type's `encoding` in the model (generator/model/build.ts): each property's members as
 * the spec gives them; nothing else invented.
 */
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../generator/model/build.ts';
import { defaultNaming } from '../../generator/naming/resolver.ts';

const encodingOf = (media: Record<string, unknown>) => {
  const paths = { '/x': { post: { requestBody: { content: { 'application/x-www-form-urlencoded': { schema: { type: 'object' }, ...media } } }, responses: { '204': { description: 'ok' } } } } };
  return buildModel({ openapi: '3.1.0', info: { title: 't', version: '1' }, paths }, { name: 's', sha256: '0', openapi: '3.1.0' }, defaultNaming).tags[0]!.operations[0]!.requestBody!.content[0]!.encoding;
};

describe('encoding', () => {
  it('each property as given; an unknown style (an Object.prototype name too) and non-boolean flags are dropped', () => {
    expect(
      encodingOf({
        encoding: {
          meta: { style: 'deepObject', explode: true },
          raw: { contentType: 'application/json', headers: {} },
          odd: { style: 'csv', explode: 'yes', allowReserved: true },
          inherited: { style: 'toString', explode: false },
          skipped: 'x',
        },
      }),
    ).toStrictEqual({ meta: { style: 'deepObject', explode: true }, raw: { contentType: 'application/json' }, odd: { allowReserved: true }, inherited: { explode: false } });
  });

  it('absent without an encoding, or an empty one', () => {
    expect(encodingOf({})).toBeUndefined();
    expect(encodingOf({ encoding: {} })).toBeUndefined();
  });
});
