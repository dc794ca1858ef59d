/**
 * The runtime's query serializer (templates/runtime/files/query.ts), tested where it lives: each
 * parameter written as its `style`, `explode` and `allowReserved` say (OpenAPI 3.1 "Style
 * Examples"), OpenAPI's default for a parameter the table does not name.
 */
import { describe, expect, it } from 'vitest';
import { styledQuery, withCookies, type QueryStyle } from '../../templates/runtime/files/query.ts';

const color = ['blue', 'black', 'brown'];
const rgb = { R: 100, G: 200, B: 150 };

describe('styledQuery', () => {
  const cases: { name: string; style?: QueryStyle; value: unknown; want: string | typeof Error }[] = [
    { name: 'a primitive', value: 'blue', want: 'color=blue' },
    { name: 'a primitive, encoded', value: 'a b&c/d', want: 'color=a%20b%26c%2Fd' },
    { name: 'a primitive, reserved characters allowed', style: { allowReserved: true }, value: "name eq 'a/b'", want: "color=name%20eq%20'a/b'" },
    { name: 'reserved characters allowed: / : @ $ , ; ? as they are', style: { allowReserved: true }, value: "a/b:c@d$e,f;g?h!i'j(k)l*m", want: "color=a/b:c@d$e,f;g?h!i'j(k)l*m" },
    { name: 'reserved characters allowed: # & = + [ ] and % still encoded', style: { allowReserved: true }, value: 'a#b&c=d+e[f]g%41', want: 'color=a%23b%26c%3Dd%2Be%5Bf%5Dg%2541' },
    { name: 'reserved characters allowed in an exploded object', style: { allowReserved: true }, value: { path: 'a/b', q: 'x&y' }, want: 'path=a/b&q=x%26y' },
    { name: 'reserved characters allowed in a deepObject', style: { style: 'deepObject', explode: true, allowReserved: true }, value: { path: 'a/b#c' }, want: 'color[path]=a/b%23c' },
    { name: 'an array: form, exploded (the default)', value: color, want: 'color=blue&color=black&color=brown' },
    { name: 'an array: form, not exploded', style: { explode: false }, value: color, want: 'color=blue,black,brown' },
    { name: 'an array, not exploded, items encoded', style: { explode: false }, value: ['a,b', 'c d'], want: 'color=a%2Cb,c%20d' },
    { name: 'an array: spaceDelimited', style: { style: 'spaceDelimited', explode: false }, value: color, want: 'color=blue%20black%20brown' },
    { name: 'an array: pipeDelimited', style: { style: 'pipeDelimited', explode: false }, value: color, want: 'color=blue|black|brown' },
    { name: 'an array: pipeDelimited, exploded', style: { style: 'pipeDelimited', explode: true }, value: color, want: 'color=blue&color=black&color=brown' },
    { name: 'an array: deepObject (undefined in OpenAPI) by index, as Stripe reads it', style: { style: 'deepObject', explode: true }, value: color, want: 'color[0]=blue&color[1]=black&color[2]=brown' },
    { name: 'a deepObject at any depth, arrays by index', style: { style: 'deepObject', explode: true }, value: { items: [{ price: 'p 1', qty: 2 }], meta: { 'a&b': 'c' } }, want: 'color[items][0][price]=p%201&color[items][0][qty]=2&color[meta][a%26b]=c' },
    { name: 'a deepObject leaves absent members and empty objects out', style: { style: 'deepObject' }, value: { a: null, b: {}, c: [], d: [undefined, 'x'] }, want: 'color[d][1]=x' },
    { name: 'a deepObject primitive is name=value', style: { style: 'deepObject' }, value: 'x y', want: 'color=x%20y' },
    { name: 'JSON text', style: { json: true }, value: { a: [1, 'b c'] }, want: 'color=%7B%22a%22%3A%5B1%2C%22b%20c%22%5D%7D' },
    { name: 'JSON text of a string, and nothing for an absent value', style: { json: true }, value: 'x', want: 'color=%22x%22' },
    { name: 'JSON text, null', style: { json: true }, value: null, want: '' },
    { name: 'JSON text, absent', style: { json: true }, value: undefined, want: '' },
    { name: 'an array, reserved characters allowed', style: { explode: false, allowReserved: true }, value: ['a/b', 'c:d', 'e,f&g'], want: 'color=a/b,c:d,e,f%26g' },
    { name: 'an exploded array, reserved characters allowed', style: { allowReserved: true }, value: ['a/b', 'c d'], want: 'color=a/b&color=c%20d' },
    { name: 'a delimited style without explode is not exploded (OpenAPI: true for form only)', style: { style: 'pipeDelimited' }, value: color, want: 'color=blue|black|brown' },
    { name: 'numbers and booleans', style: { explode: false }, value: [0, false, 1.5], want: 'color=0,false,1.5' },
    { name: 'an object: form, exploded (the default)', value: rgb, want: 'R=100&G=200&B=150' },
    { name: 'an object: form, not exploded', style: { explode: false }, value: rgb, want: 'color=R,100,G,200,B,150' },
    { name: 'an object: deepObject', style: { style: 'deepObject', explode: true }, value: rgb, want: 'color[R]=100&color[G]=200&color[B]=150' },
    { name: 'an object: a delimited style (for arrays) goes as form', style: { style: 'pipeDelimited', explode: false }, value: rgb, want: 'color=R,100,G,200,B,150' },
    { name: 'an absent value', value: undefined, want: '' },
    { name: 'null', value: null, want: '' },
    { name: 'an absent value, reserved characters allowed', style: { allowReserved: true }, value: undefined, want: '' },
    { name: 'an empty array, not exploded', style: { explode: false }, value: [], want: '' },
    { name: 'an empty object, not exploded', style: { explode: false }, value: {}, want: '' },
    { name: 'an object whose members are absent', value: { R: undefined, G: null }, want: '' },
    { name: 'absent members are left out: exploded', value: { R: undefined, G: 200, B: null }, want: 'G=200' },
    { name: 'absent members are left out: not exploded', style: { explode: false }, value: { R: 1, G: undefined, B: null }, want: 'color=R,1' },
    { name: 'absent members are left out: deepObject', style: { style: 'deepObject', explode: true }, value: { R: 'x y', G: undefined }, want: 'color[R]=x%20y' },
    { name: 'absent items are left out: exploded', value: ['a', null, undefined, 'b'], want: 'color=a&color=b' },
    { name: 'absent items are left out: not exploded', style: { explode: false }, value: ['a', null], want: 'color=a' },
    { name: 'an array of absent items', style: { explode: false }, value: [null], want: '' },
    { name: 'a nested object in form style goes as JSON text (not [object Object], not a plain Error)', value: { a: { b: 1 } }, want: 'a=%7B%22b%22%3A1%7D' },
    { name: 'objects in an array (Box\'s metadata filters) go as JSON text', value: [{ scope: 'x', f: [1] }], want: 'color=%7B%22scope%22%3A%22x%22%2C%22f%22%3A%5B1%5D%7D' },
    { name: 'a nested object, reserved characters allowed', style: { allowReserved: true }, value: { a: { b: '/' } }, want: 'a=%7B%22b%22:%22/%22%7D' },
  ];
  it.each(cases)('$name', ({ style, value, want }) => {
    expect(styledQuery(style ? { color: style } : {})({ color: value })).toBe(want);
  });

  it('each parameter as its own style; parameters the table does not name as the default; joined with &', () => {
    const serialize = styledQuery({ ids: { explode: false }, filter: { style: 'deepObject' } });
    expect(serialize({ ids: [1, 2], filter: { kind: 'dog' }, tag: ['a', 'b'], page: { size: 10 }, none: undefined, gone: { size: undefined, from: undefined }, q: 'x' })).toBe('ids=1,2&filter[kind]=dog&tag=a&tag=b&size=10&q=x');
    expect(serialize({})).toBe('');
  });

  it('names are encoded but for their brackets and the reserved characters a query carries; member keys too', () => {
    expect(styledQuery()({ 'we ird&=[x]': 'v', $filter: 'f', 'a:b@c': 1, obj: { 'k&x': 1, 'a#b': 2, 'c+d': 3 } })).toBe('we%20ird%26%3D[x]=v&$filter=f&a:b@c=1&k%26x=1&a%23b=2&c%2Bd=3');
    expect(styledQuery({ 'f[s]': { style: 'deepObject' }, p: { explode: false } })({ 'f[s]': { 'a b': 1 }, p: { 'k=': 'v' } })).toBe('f[s][a%20b]=1&p=k%3D,v');
  });

  it('a style table is read by own names only: an inherited entry is not the spec\'s', () => {
    const inherited = Object.create({ ids: { explode: false } }) as Record<string, QueryStyle>;
    expect(styledQuery(inherited)({ ids: ['a', 'b'], constructor: ['c'], toString: 'x' })).toBe('ids=a&ids=b&constructor=c&toString=x');
  });

  it('a mixed table: every parameter at OpenAPI\'s default but those it names', () => {
    const body = { s: 'a b&c', n: 0, f: false, nil: null, none: undefined, list: ['x', undefined, 2], obj: { k: 1 }, metadata: { order: '6735' }, items: [{ price: 'p' }], raw: { k: [1] } };
    const serialize = styledQuery({ metadata: { style: 'deepObject', explode: true }, items: { style: 'deepObject', explode: true }, raw: { json: true } });
    expect(serialize(body)).toBe('s=a%20b%26c&n=0&f=false&list=x&list=2&k=1&metadata[order]=6735&items[0][price]=p&raw=%7B%22k%22%3A%5B1%5D%7D');
  });
});

describe('withCookies', () => {
  it('adds the cookie parameters to the Cookie header given last, whatever the case of its name (as request.ts keeps the last header), as a query writes them', () => {
    const headers = { 'Content-Type': 'text/plain', cookie: 'trace=on', COOKIE: 'sid=s' };
    expect(withCookies(headers, { tenant: 'a;b c', ids: [1, 2], none: undefined }, { ids: { explode: false } })).toStrictEqual({ 'Content-Type': 'text/plain', Cookie: 'sid=s; tenant=a%3Bb%20c; ids=1,2' });
    // Exploded, each value is a cookie of its own; so is each member of an object.
    expect(withCookies({}, { ids: [1, 2], prefs: { theme: 'dark' } })).toStrictEqual({ Cookie: 'ids=1; ids=2; theme=dark' });
    // A `;` never ends a cookie early: not in a name, an object's key, nor a value with allowReserved.
    expect(withCookies({}, { 'a;b': 1, prefs: { 'x;y': 2 }, raw: 'p;q/r', list: { 'k;': 'v' } }, { raw: { allowReserved: true }, list: { explode: false } })).toStrictEqual({ Cookie: 'a%3Bb=1; x%3By=2; raw=p%3Bq/r; list=k%3B,v' });
    expect(headers).toStrictEqual({ 'Content-Type': 'text/plain', cookie: 'trace=on', COOKIE: 'sid=s' });
  });

  it('writes no Cookie header when there is no cookie, and keeps the one given when no parameter is', () => {
    expect(withCookies({ accept: 'text/plain' }, undefined)).toStrictEqual({ accept: 'text/plain' });
    expect(withCookies({ accept: 'text/plain' }, { tenant: undefined })).toStrictEqual({ accept: 'text/plain' });
    expect(withCookies({ Cookie: 'sid=s' }, {})).toStrictEqual({ Cookie: 'sid=s' });
    // Only a header named Cookie is one.
    expect(withCookies({ 'X-Cookie': 'a', 'Cookie-Policy': 'b' }, { tenant: 't' })).toStrictEqual({ 'X-Cookie': 'a', 'Cookie-Policy': 'b', Cookie: 'tenant=t' });
  });
});
