import { beforeAll, describe, expect, it } from 'vitest';
import { rules } from '../../generator/diff/rules.ts';
import { compareSurfaces } from '../../generator/diff/typescript/compare-surface.ts';
import { createSurfaceProgram } from '../../generator/diff/typescript/program.ts';
import type { Surface } from '../../generator/diff/typescript/shapes.ts';
import { extractSurface } from '../../generator/diff/typescript/surface.ts';

/**
 * One fixture per TypeScript-surface rule: two hand-written package entries (`src/index.ts`) and
 * the exact changes expected, as [kind, severity, location]. `send` takes a `Req` (request data)
 * and returns a `Res` (response data), so the same rule is judged by direction.
 */
interface Case {
  readonly name: string;
  readonly given: { readonly old: string; readonly new: string };
  readonly want: readonly (readonly [string, string, string])[];
}

const api = (req: string, res: string, extra = '') => `
export interface Req { ${req} }
export interface Res { ${res} }
export declare function send(body: Req): Promise<Res>;
${extra}`;

/** An error map's parts, as the generated API classes have them: a generic error type per status. */
const ERRORS = 'export interface NotFound { missing: string }\nexport interface Busy { retry: number }\nexport type ErrorWith<B, S> = { status: S; body: B };';

const cases: readonly Case[] = [
  { name: 'ts-export-added', given: { old: api('a: string;', 'b: string;'), new: api('a: string;', 'b: string;', 'export type Extra = { c: number };') }, want: [['ts-export-added', 'non-breaking', 'Extra']] },
  { name: 'ts-export-removed', given: { old: api('a: string;', 'b: string;', 'export type Extra = { c: number };'), new: api('a: string;', 'b: string;') }, want: [['ts-export-removed', 'breaking', 'Extra']] },
  { name: 'ts-export-kind-changed', given: { old: api('a: string;', 'b: string;', 'export type Extra = { c: number };'), new: api('a: string;', 'b: string;', 'export class Extra { c = 1; }') }, want: [['ts-export-kind-changed', 'breaking', 'Extra']] },
  { name: 'ts-property-added', given: { old: api('a: string;', 'b: string;'), new: api('a: string; a2?: string;', 'b: string; b2?: string;') }, want: [['ts-property-added', 'non-breaking', 'Req.a2'], ['ts-property-added', 'non-breaking', 'Res.b2']] },
  { name: 'ts-required-property-added', given: { old: api('a: string;', 'b: string;'), new: api('a: string; a2: string;', 'b: string; b2: string;') }, want: [['ts-required-property-added', 'breaking', 'Req.a2'], ['ts-required-property-added', 'non-breaking', 'Res.b2']] },
  { name: 'ts-property-removed', given: { old: api('a: string; a2?: string;', 'b: string;'), new: api('a: string;', 'b: string;') }, want: [['ts-property-removed', 'breaking', 'Req.a2']] },
  { name: 'ts-property-became-optional', given: { old: api('a: string;', 'b: string;'), new: api('a?: string;', 'b?: string;') }, want: [['ts-property-became-optional', 'non-breaking', 'Req.a'], ['ts-property-became-optional', 'breaking', 'Res.b']] },
  { name: 'ts-property-became-required', given: { old: api('a?: string;', 'b?: string;'), new: api('a: string;', 'b: string;') }, want: [['ts-property-became-required', 'breaking', 'Req.a'], ['ts-property-became-required', 'non-breaking', 'Res.b']] },
  { name: 'ts-union-member-added', given: { old: api('kind: "x";', 'kind: "x";'), new: api('kind: "x" | "y";', 'kind: "x" | "y";') }, want: [['ts-union-member-added', 'non-breaking', 'Req.kind'], ['ts-union-member-added', 'breaking', 'Res.kind']] },
  { name: 'ts-union-member-removed', given: { old: api('kind: "x" | "y";', 'kind: "x" | "y";'), new: api('kind: "x";', 'kind: "x";') }, want: [['ts-union-member-removed', 'breaking', 'Req.kind'], ['ts-union-member-removed', 'non-breaking', 'Res.kind']] },
  { name: 'ts-type-changed', given: { old: api('a: string;', 'b: string[];'), new: api('a: number;', 'b: boolean[];') }, want: [['ts-type-changed', 'breaking', 'Req.a'], ['ts-type-changed', 'breaking', 'Res.b[]']] },
  {
    name: 'ts-parameter-added',
    given: { old: 'export declare function call(a: string): void;', new: 'export declare function call(a: string, b?: number): void;' },
    want: [['ts-parameter-added', 'non-breaking', 'call(b)']],
  },
  {
    name: 'ts-required-parameter-added',
    given: { old: 'export declare function call(a: string): void;', new: 'export declare function call(a: string, b: number): void;' },
    want: [['ts-required-parameter-added', 'breaking', 'call(b)']],
  },
  {
    name: 'ts-parameter-removed',
    given: { old: 'export declare class Client { call(a: string, b?: number): void; }', new: 'export declare class Client { call(a: string): void; }' },
    want: [['ts-parameter-removed', 'breaking', 'Client.call(b)']],
  },
  {
    name: 'ts-parameter-became-optional',
    given: { old: 'export declare function call(a: string): void;', new: 'export declare function call(a?: string): void;' },
    want: [['ts-parameter-became-optional', 'non-breaking', 'call(a)']],
  },
  {
    name: 'ts-parameter-became-required',
    given: { old: 'export declare class Client { constructor(options?: { key: string }); }', new: 'export declare class Client { constructor(options: { key: string }); }' },
    want: [['ts-parameter-became-required', 'breaking', 'Client.new(options)']],
  },
];

/** Behaviours beyond single rules: references, renames, literal widening to a primitive. */
const behaviours: readonly Case[] = [
  {
    name: 'a change inside a referenced export is reported once, where the export is declared',
    given: { old: api('voice: Voice;', 'voice: Voice;', 'export type Voice = { id: string };'), new: api('voice: Voice;', 'voice: Voice;', 'export type Voice = { id: string; name?: string };') },
    want: [['ts-property-added', 'non-breaking', 'Voice.name']],
  },
  {
    name: 'a renamed export with the same shape is one removal and one addition, and no change where it is used',
    given: { old: api('voice: Voice;', 'b: string;', 'export type Voice = { id: string };'), new: api('voice: VoiceId;', 'b: string;', 'export type VoiceId = { id: string };') },
    want: [['ts-export-removed', 'breaking', 'Voice'], ['ts-export-added', 'non-breaking', 'VoiceId']],
  },
  {
    name: 'literals widened to their primitive are one added member',
    given: { old: api('a: string;', 'voice: "alloy" | "ash";'), new: api('a: string;', 'voice: string;') },
    want: [['ts-union-member-added', 'breaking', 'Res.voice']],
  },
  {
    name: 'a nullable reference keeps its reference: the change is reported at the export, judged by how it is used',
    given: { old: api('tier?: Tier | null;', 'b: string;', 'export type Tier = "auto" | "flex";'), new: api('tier?: Tier | null;', 'b: string;', 'export type Tier = "auto" | "flex" | "fast";') },
    want: [['ts-union-member-added', 'non-breaking', 'Tier']],
  },
  {
    name: 'an inline enum equal to an exported one is not a use of that export',
    given: {
      old: api('tier: Tier;', 'tier: "auto" | "flex";', 'export type Tier = "auto" | "flex";'),
      new: api('tier: Tier;', 'tier: "auto" | "flex" | "fast";', 'export type Tier = "auto" | "flex" | "fast";'),
    },
    want: [['ts-union-member-added', 'breaking', 'Res.tier'], ['ts-union-member-added', 'non-breaking', 'Tier']],
  },
  {
    name: 'arrays in one union are told apart by their elements',
    given: { old: api('input: string | string[] | number[];', 'b: string;'), new: api('input: string | string[];', 'b: string;') },
    want: [['ts-union-member-removed', 'breaking', 'Req.input']],
  },
  {
    name: 'a generic wrapper is compared by its type arguments, which keep their direction',
    given: {
      old: 'export interface Res { b?: string }\nexport interface Envelope<T> { data: T; raw(): Promise<T> }\nexport declare function send(): Envelope<Res>;',
      new: 'export interface Res { b: string }\nexport interface Envelope<T> { data: T; raw(): Promise<T> }\nexport declare function send(): Envelope<Res>;',
    },
    want: [['ts-property-became-required', 'non-breaking', 'Res.b']],
  },
  {
    name: 'members inherited from an instantiated generic have their instantiated types',
    given: { old: 'interface Base<T> { value: T }\nexport interface Res extends Base<string> { id: string }', new: 'interface Base<T> { value: T }\nexport interface Res extends Base<number> { id: string }' },
    want: [['ts-type-changed', 'breaking', 'Res.value']],
  },
  {
    // Before, every ErrorWith<...> member had one key, so each was compared with the first of the other side.
    name: 'union members of one generic name are paired by their literal type arguments (an error map: one per status)',
    given: {
      old: `${ERRORS}\nexport interface Errors { get: ErrorWith<NotFound, 404> | ErrorWith<Busy, 409> | ErrorWith<Busy, 503> }\nexport declare function errors(): Errors;`,
      new: `${ERRORS}\nexport interface Errors { get: ErrorWith<NotFound, 404> | ErrorWith<Busy, 409> | ErrorWith<NotFound, 503> | ErrorWith<Busy, 429> }\nexport declare function errors(): Errors;`,
    },
    want: [
      ['ts-union-member-added', 'breaking', 'Errors.get'],
      // The 503's body, Busy before, NotFound now.
      ['ts-property-removed', 'breaking', 'Errors.get.<0>.retry'],
      ['ts-required-property-added', 'non-breaking', 'Errors.get.<0>.missing'],
    ],
  },
  {
    // `list`: no literal argument tells its members apart, so all of them do.
    name: 'union members of one generic name, unchanged, are no change',
    given: {
      old: `${ERRORS}\nexport interface Errors { get: ErrorWith<NotFound, 404> | ErrorWith<Busy, 409> | ErrorWith<Busy, 503>; list: ErrorWith<NotFound, number> | ErrorWith<Busy, number> }\nexport declare function errors(): Errors;`,
      new: `${ERRORS}\nexport interface Errors { get: ErrorWith<NotFound, 404> | ErrorWith<Busy, 409> | ErrorWith<Busy, 503>; list: ErrorWith<NotFound, number> | ErrorWith<Busy, number> }\nexport declare function errors(): Errors;`,
    },
    want: [],
  },
  {
    // Before, nothing named the error map (only isError's predicate does), so it was judged both ways: each new operation breaking.
    name: "an error map that an isError predicate narrows to is a response: an operation added to it is not breaking, one removed is",
    given: {
      old: `${ERRORS}\nexport interface ApiErrors { get: NotFound; put: Busy }\nexport declare class Api { isError<M extends keyof ApiErrors>(error: unknown, method: M): error is ApiErrors[M]; }`,
      new: `${ERRORS}\nexport interface ApiErrors { get: NotFound; list: NotFound }\nexport declare class Api { isError<M extends keyof ApiErrors>(error: unknown, method: M): error is ApiErrors[M]; }`,
    },
    want: [
      ['ts-property-removed', 'breaking', 'ApiErrors.put'],
      ['ts-required-property-added', 'non-breaking', 'ApiErrors.list'],
    ],
  },
  {
    // openapi-typescript writes `type: array` beside a oneOf as an intersection with the array type.
    // Before, the array's library members read as the old type's: `splice` removed, and 35 more.
    name: "an array intersected with an object has no members of the standard library's",
    given: {
      old: 'export interface Req { value: string[] & ({ a: string } | string[]) }\nexport declare function send(body: Req): void;',
      new: 'export interface Req { value: { a: string } | string[] }\nexport declare function send(body: Req): void;',
    },
    want: [],
  },
  {
    name: 'private members and method bodies are not surface',
    given: { old: 'export class Client { #core = 1; private secret = 2; call(): number { return this.#core; } }', new: 'export class Client { #core = 3; private other = 4; call(): number { return this.#core + 1; } }' },
    want: [],
  },
];

describe('TypeScript-surface rules: one fixture per rule', () => {
  let surfaces: Map<string, Surface>;

  beforeAll(async () => {
    // One program for every fixture: the standard library is parsed once.
    const all = [...cases, ...behaviours];
    const packages = new Map(all.flatMap((c, i) => (['old', 'new'] as const).map((side) => [`${i}-${side}`, new Map([['src/index.ts', c.given[side]]])] as const)));
    const program = await createSurfaceProgram(packages);
    surfaces = new Map([...packages.keys()].map((key) => [key, extractSurface(program.ts, program.program, program.checker, program.entries.get(key))]));
  });

  const compare = (i: number) => compareSurfaces(surfaces.get(`${i}-old`)!, surfaces.get(`${i}-new`)!).map((f) => [f.change.kind, f.change.severity, f.change.location]);

  it.each(cases.map((c, i) => ({ ...c, i })))('$name', ({ i, want }) => {
    expect(compare(i)).toStrictEqual(want);
  });

  it.each(behaviours.map((c, i) => ({ ...c, i: cases.length + i })))('$name', ({ i, want }) => {
    expect(compare(i)).toStrictEqual(want);
  });

  it('covers every TypeScript rule of the table', () => {
    const tsRules = Object.entries(rules).filter(([, rule]) => rule.source === 'typescript').map(([kind]) => kind);
    const tested = new Set(cases.flatMap((c) => c.want.map(([kind]) => kind)));
    expect(tsRules.filter((kind) => !tested.has(kind))).toStrictEqual([]);
  });
});
