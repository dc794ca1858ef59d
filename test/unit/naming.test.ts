import { describe, expect, it } from 'vitest';
import { resolveNames } from '../../generator/model/names.ts';
import { NameRegistry, sanitizeIdentifier } from '../../generator/naming/identifier.ts';
import { defaultNaming, resolveNaming } from '../../generator/naming/resolver.ts';
import { camelCase, pascalCase, splitWords } from '../../generator/naming/words.ts';

describe('words', () => {
  it.each([
    { given: 'create-realtime-session', want: ['create', 'realtime', 'session'] },
    { given: 'RealtimeSessionCreateRequest', want: ['Realtime', 'Session', 'Create', 'Request'] },
    { given: 'HTTPServer2Go', want: ['HTTP', 'Server2', 'Go'] },
    { given: 'foo_bar.baz/qux quux', want: ['foo', 'bar', 'baz', 'qux', 'quux'] },
    { given: '!!!', want: [] },
    { given: 'Größe-Änderung', want: ['Größe', 'Änderung'] },
  ])('splitWords($given)', ({ given, want }) => expect(splitWords(given)).toStrictEqual(want));

  it.each([
    { given: 'create-realtime-session', pascal: 'CreateRealtimeSession', camel: 'createRealtimeSession' },
    { given: 'VoiceIdsShared', pascal: 'VoiceIdsShared', camel: 'voiceIdsShared' },
    { given: 'get_HTTP_status', pascal: 'GetHttpStatus', camel: 'getHttpStatus' },
    { given: 'post /realtime/calls/{call_id}/accept', pascal: 'PostRealtimeCallsCallIdAccept', camel: 'postRealtimeCallsCallIdAccept' },
  ])('pascalCase/camelCase($given)', ({ given, pascal, camel }) => {
    expect(pascalCase(given)).toBe(pascal);
    expect(camelCase(given)).toBe(camel);
  });
});

describe('identifiers', () => {
  it.each([
    { given: 'Thing', want: 'Thing' },
    { given: '', want: 'Model' },
    { given: '123abc', want: '_123abc' },
    { given: 'class', want: 'class_' },
    { given: 'default', want: 'default_' },
    { given: 'Response', want: 'Response_' },
    { given: 'Promise', want: 'Promise_' },
    { given: 'a-b.c', want: 'abc' },
  ])('sanitizeIdentifier($given)', ({ given, want }) => expect(sanitizeIdentifier(given, 'Model')).toBe(want));

  it('hands out stable unique names with numeric suffixes', () => {
    const registry = new NameRegistry(['Taken']);
    expect(['Foo', 'Foo', 'Taken', 'Foo'].map((n) => registry.claim(n))).toStrictEqual(['Foo', 'Foo2', 'Taken2', 'Foo3']);
  });

  it('a registry made with nothing reserved hands out any name first as is', () => {
    const registry = new NameRegistry();
    expect(['Stryker was here', 'Foo', 'Foo'].map((n) => registry.claim(n))).toStrictEqual(['Stryker was here', 'Foo', 'Foo2']);
  });
});

describe('resolveNames: every name resolved once, valid and unique', () => {
  const op = (operationId: string, tag = 'Realtime') => ({ pointer: `#/paths/~1${operationId}/post`, operationId, method: 'post', path: `/${operationId}`, tag });

  it('names classes, types and methods from the resolver', () => {
    const names = resolveNames([op('create-realtime-session')], ['RealtimeSessionCreateRequest'], defaultNaming);
    expect([...names.classes]).toStrictEqual([['Realtime', 'RealtimeApi']]);
    expect([...names.types]).toStrictEqual([['RealtimeSessionCreateRequest', 'RealtimeSessionCreateRequest']]);
    expect([...names.methods.values()]).toStrictEqual(['createRealtimeSession']);
    expect(names.renames).toStrictEqual([]);
  });

  it('de-duplicates names that collide after normalization, whatever the input order', () => {
    const forward = resolveNames([], ['foo_bar', 'fooBar', 'foo-bar'], defaultNaming);
    const backward = resolveNames([], ['foo-bar', 'fooBar', 'foo_bar'], defaultNaming);
    expect([...forward.types].sort()).toStrictEqual([...backward.types].sort());
    expect(new Set(forward.types.values())).toStrictEqual(new Set(['FooBar', 'FooBar2', 'FooBar3']));
    expect(forward.renames.map((r) => r.from).sort()).toStrictEqual(['foo-bar', 'fooBar', 'foo_bar']);
  });

  it('keeps schema names clear of the runtime exports and API classes', () => {
    const names = resolveNames([op('x', 'Realtime')], ['ApiError', 'RealtimeApi', 'paths'], defaultNaming);
    expect(names.types.get('ApiError')).toBe('ApiError2');
    expect(names.types.get('RealtimeApi')).toBe('RealtimeApi2');
    expect(names.types.get('paths')).toBe('Paths');
  });

  it('types and classes differ in more than case (each is a docs page); reserved names stay exact', () => {
    const names = resolveNames([op('x', 'time series')], ['Timeseries', 'TimeSeries', 'time_series', 'TimeSeriesApi', 'Paths'], defaultNaming);
    expect(names.classes.get('time series')).toBe('TimeSeriesApi');
    expect([...names.types]).toStrictEqual([
      ['Paths', 'Paths'],
      ['TimeSeries', 'TimeSeries'],
      ['TimeSeriesApi', 'TimeSeriesApi2'],
      ['Timeseries', 'Timeseries2'],
      ['time_series', 'TimeSeries3'],
    ]);
    const registry = new NameRegistry(['paths'], { ignoreCase: true });
    expect(['Paths', 'paths', 'Foo', 'FOO', 'foo2'].map((n) => registry.claim(n))).toStrictEqual(['Paths', 'paths2', 'Foo', 'FOO2', 'foo22']);
  });

  it("keeps schema names clear of each class's <Class>Errors type", () => {
    const names = resolveNames([op('x', 'Realtime')], ['RealtimeApiErrors'], defaultNaming);
    expect(names.classes.get('Realtime')).toBe('RealtimeApi');
    expect(names.types.get('RealtimeApiErrors')).toBe('RealtimeApiErrors2');
  });

  it('a name is claimed only when its companions are free too, and they are claimed with it', () => {
    const registry = new NameRegistry(['FooErrors']);
    expect(registry.claim('Foo', (n) => [`${n}Errors`])).toBe('Foo2');
    expect(registry.claim('Foo2Errors')).toBe('Foo2Errors2');
    expect(registry.claim('Foo')).toBe('Foo');
  });

  it('methods are unique per class and never "constructor"', () => {
    const names = resolveNames([op('constructor'), op('do-it'), op('doIt')], [], defaultNaming);
    expect([...names.methods.values()].sort()).toStrictEqual(['constructor_', 'doIt', 'doIt2']);
  });

  it('says why each name changed: unusable as an identifier, taken, or the naming rule', () => {
    const names = resolveNames([op('constructor'), op('do-it'), op('doIt')], ['ApiError', 'my-model'], defaultNaming);
    expect(names.renames.map((r) => `${r.kind} ${r.from} -> ${r.to}: ${r.reason}`)).toStrictEqual([
      'method constructor -> constructor_: "constructor" is not a usable identifier',
      'method doIt -> doIt2: "doIt" was already taken',
      'type ApiError -> ApiError2: "ApiError" was already taken',
      'type my-model -> MyModel: naming rule',
    ]);
  });

  it('a team patches one rule with a shallow merge', () => {
    const naming = resolveNaming({ methodName: (o) => `call${pascalCase(o.operationId)}` });
    const names = resolveNames([op('create-realtime-session')], [], naming);
    expect([...names.methods.values()]).toStrictEqual(['callCreateRealtimeSession']);
    expect(naming.className('Realtime')).toBe('RealtimeApi');
    expect(Object.isFrozen(naming)).toBe(true);
  });
});
