/**
 * Request bodies that are not JSON (templates/runtime/files/body.ts), tested where they live:
 * what each serializer makes of every kind of property value.
 */
import { describe, expect, it } from 'vitest';
import { asIs, binary, formBody, formData, typedParts } from '../../templates/runtime/files/body.ts';

/** A form's parts in order (Node's FormData iterates; the DOM lib types here only declare forEach). */
function parts(form: FormData): [string, FormDataEntryValue][] {
  const found: [string, FormDataEntryValue][] = [];
  form.forEach((value, name) => found.push([name, value]));
  return found;
}

const values = { s: 'a b&c', n: 0, f: false, nil: null, none: undefined, list: ['x', undefined, 2], obj: { k: [1] } };

describe('formBody', () => {
  it("properties without an encoding: arrays repeat the name, objects (also in arrays) as JSON text, dates as ISO text, absent ones left out", () => {
    const body = { ...values, dates: [new Date(0)], nested: [[1, 2], { id: 'a' }] };
    expect(formBody()(body)).toBe(
      's=a%20b%26c&n=0&f=false&list=x&list=2&obj=%7B%22k%22%3A%5B1%5D%7D&dates=1970-01-01T00%3A00%3A00.000Z&nested=%5B1%2C2%5D&nested=%7B%22id%22%3A%22a%22%7D',
    );
  });

  it("an object's members stay in it: Twilio's Parameters cannot replace a sibling", () => {
    expect(formBody()({ To: '+1', Parameters: { name: 'Zeke', To: 'evil' } })).toBe('To=%2B1&Parameters=%7B%22name%22%3A%22Zeke%22%2C%22To%22%3A%22evil%22%7D');
  });

  it('the properties its encoding names go as it says', () => {
    const serialize = formBody({ line_items: { style: 'deepObject', explode: true }, tags: { explode: false }, raw: { json: true } });
    expect(serialize({ mode: 'payment', line_items: [{ price: 'p', qty: 2 }], tags: ['x', 'y'], raw: 'x', metadata: { a: 1 } })).toBe(
      'mode=payment&line_items[0][price]=p&line_items[0][qty]=2&tags=x,y&raw=%22x%22&metadata=%7B%22a%22%3A1%7D',
    );
  });

  it('a string body as it is; none, nothing; a property named __proto__ is a property', () => {
    expect(formBody()('a=1&b=2')).toBe('a=1&b=2');
    expect(formBody()(null)).toBe('');
    expect(formBody()(JSON.parse('{"__proto__":{"x":1},"a":1}'))).toBe('__proto__=%7B%22x%22%3A1%7D&a=1');
  });
});

describe('formData', () => {
  it('one part per value: arrays repeat the name, objects as JSON, undefined and null skipped (as a form body skips them)', () => {
    const form = formData(values);
    expect(parts(form)).toEqual([
      ['s', 'a b&c'],
      ['n', '0'],
      ['f', 'false'],
      ['list', 'x'],
      ['list', '2'],
      ['obj', '{"k":[1]}'],
    ]);
  });

  it('a Blob goes as a file part, not as text', async () => {
    const form = formData({ file: new Blob(['bytes'], { type: 'text/plain' }), files: [new Blob(['a']), new Blob(['b'])] });
    const found = parts(form);
    expect(found.map(([name, value]) => [name, value instanceof Blob])).toEqual([
      ['file', true],
      ['files', true],
      ['files', true],
    ]);
    expect(await (found[0]![1] as Blob).text()).toBe('bytes');
    expect(await (found[2]![1] as Blob).text()).toBe('b');
  });
});

describe('typedParts', () => {
  it("a Blob without a type goes as its part's media type, a File keeping its name; a typed Blob, and every other value (an object of a JSON part too), as formData sends it", async () => {
    const typed = new Blob(['%PDF'], { type: 'application/x-pdf' });
    const form = typedParts({ options: 'application/json', meta: 'application/vnd.meta+json', notes: 'text/plain', pdf: 'application/pdf', report: 'application/pdf', typed: 'application/pdf', inherited: 'x/y' })({
      options: { dpi: 300 },
      meta: [{ a: 1 }],
      notes: { n: 1 },
      fields: { f: 1 },
      pdf: [new Blob(['%PDF-1']), new Blob(['%PDF-2'])],
      report: new File(['%PDF-3'], 'report.pdf'),
      typed,
      plain: new Blob(['raw']),
      toString: 'own',
      none: undefined,
      nothing: null,
      at: new Date(Date.UTC(2024, 0, 2, 3, 4, 5)),
    });
    const found = await Promise.all(parts(form).map(async ([name, value]) => [name, value instanceof Blob ? [value.type, (value as File).name, await value.text()] : value]));
    expect(found).toEqual([
      // An object stays a field of JSON text, also where the encoding types its part as JSON: a typed part would be a file to the server (OpenAI's realtime/calls session).
      ['options', '{"dpi":300}'],
      ['meta', '{"a":1}'],
      ['notes', '{"n":1}'],
      ['fields', '{"f":1}'],
      ['pdf', ['application/pdf', 'blob', '%PDF-1']],
      ['pdf', ['application/pdf', 'blob', '%PDF-2']],
      ['report', ['application/pdf', 'report.pdf', '%PDF-3']],
      ['typed', ['application/x-pdf', 'blob', '%PDF']],
      ['plain', ['', 'blob', 'raw']],
      ['toString', 'own'],
      ['at', '2024-01-02T03:04:05.000Z'],
    ]);
    // Own names only: a table's inherited entry is not the spec's.
    const inherited = typedParts(Object.create({ plain: 'application/pdf' }) as Record<string, string>)({ plain: new Blob(['raw']) });
    expect((parts(inherited)[0]![1] as Blob).type).toBe('');
  });
});

describe('asIs and binary', () => {
  it('asIs hands the body over untouched', () => {
    const body = { a: 1 };
    expect(asIs(body)).toBe(body);
  });

  it('a Blob stays the same Blob', () => {
    const blob = new Blob(['x']);
    expect(binary(blob, 'image/png')).toBe(blob);
  });

  it('an ArrayBuffer becomes a Blob of the media type', async () => {
    const blob = binary(new Uint8Array([1, 2, 3]).buffer, 'application/octet-stream');
    expect(blob.type).toBe('application/octet-stream');
    expect([...new Uint8Array(await blob.arrayBuffer())]).toEqual([1, 2, 3]);
  });

  it('a view covers exactly its own bytes of a larger buffer', async () => {
    const buffer = new Uint8Array([9, 1, 2, 3, 9]).buffer;
    const blob = binary(new Uint8Array(buffer, 1, 3), 'audio/wav');
    expect(blob.type).toBe('audio/wav');
    expect([...new Uint8Array(await blob.arrayBuffer())]).toEqual([1, 2, 3]);
    const wide = binary(new DataView(buffer, 3, 2), 'x/y');
    expect([...new Uint8Array(await wide.arrayBuffer())]).toEqual([3, 9]);
  });
});
