/**
 * Example programs prettier prints as they are (example-code.ts), so a docs page's fence of one goes
 * to prettier unparsed (markdown-fences.ts). Every program the grammar accepts is checked against
 * prettier, in a fence of a markdown text as the format stage sends it.
 */
import { describe, expect, it } from 'vitest';
import { plainProgram, plainStatement, printedProgram } from '../../generator/format/example-code.ts';
import { format } from '../helpers/rewrites.ts';

/** prettier's output for `code` in a `ts` fence, the fence's code alone. */
const printed = async (code: string): Promise<string> => {
  const output = await format(`\`\`\`ts\n${code}\n\`\`\`\n`);
  return output.slice('```ts\n'.length, -'\n```\n'.length);
};

const EXAMPLE = [
  'import { ReposApi } from "github-s-official-openapi-spec-octokit-extension";',
  '',
  'const api = new ReposApi();',
  'const result = await api.reposCreateInOrg("string", { name: "string" });',
  'console.log(result);',
];

describe('plain example programs', () => {
  it.each([
    { name: 'a usage example', code: EXAMPLE },
    { name: 'a call without a result', code: ['await api.reposDelete("owner", "repo");'] },
    { name: 'a comment and constructor options', code: ['// Reads TOKEN from the environment; or pass { apiKey }.', 'const api = new PetsApi({ apiKey: "your-token" });'] },
    { name: 'several imports', code: ['import { A, B_c, $d } from "pkg";'] },
    { name: 'values of every kind', code: ['await api.x("s p", 0, -1, 2.5, 1.05, true, false, null, Status.Active);', 'await api.y([1, "a"], [{ a: 1, b: 2 }], {}, []);'] },
    { name: 'names that start like literals, and a call as an argument', code: ['await api.x(nullish, trueValue, g(1), h.i([2]));'] },
    { name: 'nested objects and a Blob', code: ['await api.y({ query: { limit: 1, tags: ["a"] }, header: { xOrg: "o" } });', 'await api.z(new Blob(["example bytes"]));'] },
    { name: 'a line of exactly 80 columns', code: [`const result = await api.m("${'x'.repeat(49)}");`] },
    { name: 'an import of one name wider than 80 columns', code: [`import { CodeScanningApi } from "${'x'.repeat(60)}";`, '', 'const api = new CodeScanningApi();'] },
    { name: 'keywords as members and keys', code: ['await api.delete({ default: 1, new: 2, await: 3 });'] },
    { name: 'a constant of a literal', code: ['const body = { name: "n", private: false };', 'const n = 12345678901234567890;'] },
  ])('$name: accepted, and prettier prints it as it is', async ({ code }) => {
    expect(plainProgram(code)).toBe(true);
    expect(await printed(code.join('\n'))).toBe(code.join('\n'));
  });

  it.each([
    { line: 'await api.x("s", {  });', why: 'an empty object with spaces' },
    { line: 'import {  } from "x";', why: 'an empty import' },
    { line: 'import { default } from "x";', why: 'a keyword imported' },
    { line: 'import { A } from \'x\';', why: 'single quotes' },
    { line: 'await(1);', why: 'a keyword called' },
    { line: 'if(x);', why: 'a keyword called' },
    { line: 'typeof(x);', why: 'a keyword called' },
    { line: 'const x = [{ a: 1 }, { b: 2 }];', why: 'an array of several objects' },
    { line: 'const x = [[1], [2]];', why: 'an array of several arrays' },
    { line: 'api.x;', why: 'a statement that is not a call' },
    { line: '"use strict";', why: 'a directive' },
    { line: '{ a: f() };', why: 'a block' },
    { line: 'const x = 1.50;', why: 'a trailing zero' },
    { line: 'const x = .5;', why: 'no leading zero' },
    { line: 'const x = 1e3;', why: 'an exponent' },
    { line: 'const x = 0x1F;', why: 'a hexadecimal number' },
    { line: 'const x = "a\\"b";', why: 'an escape' },
    { line: 'const x = "é";', why: 'not ASCII' },
    { line: 'const x = f(a,b);', why: 'no space after a comma' },
    { line: 'const x = f( a );', why: 'spaces inside parentheses' },
    { line: 'const x = {a: 1};', why: 'no spaces inside braces' },
    { line: 'const x = { "a": 1 };', why: 'a quoted key' },
    { line: 'const x = { a: 1, };', why: 'a trailing comma' },
    { line: 'const x = [ 1 ];', why: 'spaces inside brackets' },
    { line: 'const x = f()', why: 'no semicolon' },
    { line: 'const x = new Foo;', why: 'new without arguments' },
    { line: 'const x = a?.b();', why: 'optional chaining' },
    { line: 'const x = f(() => 1);', why: 'a function' },
    { line: 'const x = a.b.;', why: 'a member without a name' },
    { line: 'let x = f();', why: 'let' },
    { line: 'f(this);', why: 'a keyword as a value' },
    { line: 'f(, 1);', why: 'no value before a comma' },
    { line: 'const x = { a: 1;', why: 'an object not closed' },
    { line: 'const x = [1;', why: 'an array not closed' },
    { line: 'const x = f(a;', why: 'arguments not closed' },
    { line: 'import { A, "x";', why: 'an import not closed' },
    { line: 'f(); g();', why: 'two statements on a line' },
    { line: 'const x = 1', why: 'no semicolon after a literal' },
    { line: '//comment', why: 'a comment without a space' },
    { line: '// comment ', why: 'a comment ending in a space' },
    { line: `const result = await api.m("${'x'.repeat(50)}");`, why: 'wider than 80 columns' },
    { line: `import { A, B } from "${'x'.repeat(70)}";`, why: 'an import of two names wider than 80 columns (prettier breaks it)' },
    { line: `import { default } from "${'x'.repeat(70)}";`, why: 'a keyword imported, wider than 80 columns' },
    { line: `import { A } from "${'x'.repeat(70)}"; f();`, why: 'a statement after a wide import' },
    { line: `import { A } from "${'x'.repeat(70)}'`, why: 'a wide import not closed' },
  ])('$line is refused ($why)', ({ line }) => {
    expect(plainStatement(line)).toBe(false);
  });

  it.each([
    { name: 'a blank line first', code: ['', 'f();'] },
    { name: 'a blank line last', code: ['f();', ''] },
    { name: 'two blank lines', code: ['f();', '', '', 'g();'] },
    { name: 'no code', code: [] },
    { name: 'one statement refused', code: ['f();', 'if(x);'] },
  ])('a program with $name is refused', ({ code }) => {
    expect(plainProgram(code)).toBe(false);
  });

  it.each([
    { name: 'one short argument: broken after =', line: `const result = await api.${'m'.repeat(50)}("string");` },
    { name: 'two arguments: one per line', line: `const result = await api.${'m'.repeat(50)}("string", "string");` },
    { name: 'a last object: hugged', line: `const result = await api.reposGetContent("string", "string", "string", { query: { ref: "string" } });` },
    { name: 'a last object too wide to hug: one argument per line', line: `const result = await api.${'m'.repeat(40)}("string", { signal: controller.signal, timeoutMs: 10000 });` },
    { name: 'a callee too wide to stay after =', line: `const result = await api.${'m'.repeat(62)}(Status.Active, 1);` },
    { name: 'a callee too wide to stay after =, its last object hugged', line: `const result = await api.${'m'.repeat(62)}("s", { a: 1 });` },
    { name: 'no argument', line: `const result = await api.${'m'.repeat(64)}();` },
    { name: 'the line after = exactly 80 columns', line: `const result = await api.${'m'.repeat(57)}("string");` },
    { name: 'a hugged object whose strings hold commas and braces, with nested objects and arrays', line: `const result = await api.reposCreate("string", { a: "x, {y}", b: [1, 2], c: { d: "e, f", g: ["h"] }, i: {} });` },
    { name: 'a lone number of more than 20 characters (short to prettier at any length)', line: 'const result = await api.reposCreateInOrganizationWithName(123456789012345678901);' },
    { name: 'a lone negative decimal of more than 20 characters', line: 'const result = await api.reposCreateInOrganizationWithName(-1234567890.1234567891);' },
    { name: 'an empty object last (not hugged)', line: `const result = await api.${'m'.repeat(50)}("string", {});` },
    { name: 'two arrays last (not hugged)', line: `const result = await api.${'m'.repeat(40)}("s", [1], ["a", "b"]);` },
    { name: 'an empty array last (not hugged)', line: `const result = await api.${'m'.repeat(50)}("string", []);` },
    { name: 'two objects last (not hugged)', line: `const result = await api.${'m'.repeat(40)}({ a: 1 }, { b: 2, c: 3 });` },
    { name: 'the line after = one column too wide: its short argument broken out', line: `const result = await api.${'m'.repeat(58)}("string");` },
    { name: 'a short argument too wide after =: broken out, the line before it wider', line: `const result = await api.${'m'.repeat(80)}("s");` },
    { name: 'a lone name too wide after =: broken out', line: `const result = await api.${'m'.repeat(60)}(${'n'.repeat(20)});` },
    {
      name: 'arguments broken out, an object too wide for its line broken, an entry a line (a docs page\'s headers)',
      line: 'const result = await api.getDocumentsByEmployerId("00000000-0000-4000-8000-000000000000", { header: { Authorization: "Bearer <TOKEN>", Accept: "application/json;version=2018-01-01" } });',
    },
    { name: 'a hugged object\'s key too wide for its line: its object broken', line: `const result = await api.m("s", { header: { Authorization: "Bearer <TOKEN>", Accept: "application/json;version=2018-01-01" }, a: 1 });` },
    { name: 'an awaited call, objects broken at three levels', line: `await api.${'m'.repeat(30)}("${'s'.repeat(30)}", { a: { b: { c: "${'c'.repeat(40)}", d: [1, 2] }, e: {} } }, 1);` },
  ])('a statement wider than 80 columns, $name: printed as prettier prints it', async ({ line }) => {
    const lines = printedProgram([line]);
    expect(lines).toBeDefined();
    expect(lines!.length).toBeGreaterThan(1);
    expect(lines!.join('\n')).toBe(await printed(line));
  });

  it.each([
    { name: 'an expression statement without await', line: `api.${'m'.repeat(70)}("string", 1);` },
    { name: 'an awaited call without arguments', line: `await api.${'m'.repeat(80)}();` },
    { name: 'an awaited call whose head does not fit', line: `await api.${'m'.repeat(80)}("s");` },
    { name: 'no argument, too wide after =', line: `const result = await api.${'m'.repeat(80)}();` },
    { name: 'a last array', line: `const result = await api.${'m'.repeat(50)}("string", ["a", "b"]);` },
    { name: 'a lone call without arguments (short to prettier for some lengths of its name)', line: 'const result = await api.reposCreateInOrganizationWithNameAndMoreX(loadConfig());' },
    { name: 'an argument too wide for a line of its own', line: `const result = await api.m("s", "${'x'.repeat(80)}");` },
    { name: 'a hugged key too wide for a line of its own', line: `const result = await api.m("s", { a: "${'x'.repeat(80)}" });` },
    { name: 'a constant that is not awaited', line: `const result = api.${'m'.repeat(70)}("string", 1);` },
  ])('a statement wider than 80 columns is left to prettier: $name', ({ line }) => {
    expect(printedProgram([line])).toBeUndefined();
  });

  it('generated statements wider than 80 columns: every one printed as prettier prints it', async () => {
    const values = ['"string"', `"${'s'.repeat(18)}"`, `"${'s'.repeat(19)}"`, '"a, {b}"', '1', '-2.5', '12345678901234567890', 'true', 'null', 'Status.Active', 'x', '[]', '{}', '[1, 2]', '["a"]', '{ a: 1 }', '{ query: { day: "string" } }', '{ name: "n", value: "v", visibility: "all" }', '{ signal: controller.signal, timeoutMs: 10000, maxRetries: 0 }', '{ header: { Authorization: "Bearer <TOKEN>", Accept: "application/json;version=2018-01-01" } }', `{ a: { b: { c: "${'c'.repeat(40)}", d: [1, 2] } }, e: 1 }`, 'new Blob(["b"])', `"${'x'.repeat(60)}"`, 'i'.repeat(19), 'j'.repeat(20), 'k'.repeat(21), 'a.b', '1'.repeat(25), '-1234567890.1234567891', 'load()', 'loadConfiguration()', 'f(1)'];
    let seed = 17;
    const next = (n: number) => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) % n;
    let predicted = 0;
    for (let n = 0; n < 400; n++) {
      const name = `m${'x'.repeat(10 + next(60))}`;
      const line = `const ${['result', 'r', 'aLongerResultName'][next(3)]} = await ${['api', 'client.repos'][next(2)]}.${name}(${Array.from({ length: next(5) }, () => values[next(values.length)]).join(', ')});`;
      const lines = printedProgram([line]);
      if (lines === undefined || line.length <= 80) continue;
      predicted++;
      expect(lines.join('\n'), line).toBe(await printed(line));
    }
    expect(predicted).toBeGreaterThan(150);
  });

  it('generated awaited calls wider than 80 columns: every one printed as prettier prints it', async () => {
    const values = ['"string"', `"${'s'.repeat(18)}"`, '"a, {b}"', '1', '-2.5', '12345678901234567890', 'true', 'null', 'Status.Active', 'x', '[]', '{}', '[1, 2]', '["a"]', '{ a: 1 }', '{ selected_repository_ids: [1] }', '{ name: "n", value: "v", visibility: "all" }', '{ signal: controller.signal, timeoutMs: 10000, maxRetries: 0 }', '{ header: { Authorization: "Bearer <TOKEN>", Accept: "application/json;version=2018-01-01" } }', 'new Blob(["b"])', `"${'x'.repeat(60)}"`, 'k'.repeat(21), 'a.b', 'load()', 'f(1)'];
    let seed = 29;
    const next = (n: number) => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) % n;
    let predicted = 0;
    for (let n = 0; n < 400; n++) {
      const line = `await ${['api', 'client.repos'][next(2)]}.m${'x'.repeat(10 + next(60))}(${Array.from({ length: 1 + next(4) }, () => values[next(values.length)]).join(', ')});`;
      const lines = printedProgram([line]);
      if (lines === undefined || line.length <= 80) continue;
      predicted++;
      expect(lines.join('\n'), line).toBe(await printed(line));
    }
    expect(predicted).toBeGreaterThan(100);
  });

  it('generated constructions wider than 80 columns: every one printed as prettier prints it, a last object hugged', async () => {
    const values = ['"string"', '"a, {b}"', '1', 'true', 'null', 'Status.Active', 'x', '[]', '{}', '[1, 2]', '{ a: 1 }', 'new Blob(["b"])', `"${'x'.repeat(40)}"`];
    const options = ['{ auth: { basicAuth: { username: "user", password: "your-password" } } }', '{ auth: { bearerAuth: "your-token" }, baseUrl: "https://example.test" }', '{ apiKey: "your-token" }', `{ auth: { basic: { username: "user", password: "${'p'.repeat(40)}" } } }`];
    let seed = 5;
    const next = (n: number) => {
      seed = (Math.imul(seed, 1_664_525) + 1_013_904_223) >>> 0;
      return (seed >>> 8) % n;
    };
    let predicted = 0;
    for (let n = 0; n < 600; n++) {
      const args = next(2) ? options[next(options.length)]! : Array.from({ length: next(4) }, () => [...values, ...options][next(values.length + options.length)]).join(', ');
      const line = `const ${['api', 'client', 'aLongerClientName'][next(3)]} = new ${['DefaultApi', 'R'.repeat(5 + next(50))][next(2)]}${['', '.Sub'][next(2)]}(${args});`;
      const lines = printedProgram([line]);
      if (lines === undefined || line.length <= 80) continue;
      predicted++;
      expect(lines.join('\n'), line).toBe(await printed(line));
    }
    expect(predicted).toBeGreaterThan(100);
  });

  it.each([
    { name: 'a docs page\'s client with basic credentials', line: 'const api = new DefaultApi({ auth: { basicAuth: { username: "user", password: "your-password" } } });', predicted: true },
    { name: 'an argument before the object', line: `const api = new ${'A'.repeat(40)}("string", { apiKey: "your-token", baseUrl: "u" });`, predicted: true },
    { name: 'two objects', line: `const api = new ${'A'.repeat(40)}({ a: 1 }, { apiKey: "your-token", baseUrl: "u" });`, predicted: false },
    { name: 'an array last', line: `const api = new ${'A'.repeat(40)}("string", ["a-long-string", "another-long-string"]);`, predicted: false },
    { name: 'no object', line: `const api = new ${'A'.repeat(60)}("string", 1);`, predicted: false },
    { name: 'its head too wide', line: `const api = new ${'A'.repeat(70)}({ apiKey: "your-token" });`, predicted: false },
    { name: 'a key too wide for its line: its object broken', line: `const api = new A({ auth: { basic: { username: "user", password: "${'p'.repeat(60)}" } } });`, predicted: true },
    { name: 'a key too wide for its `{` (prettier breaks after its colon)', line: `const api = new A({ ${'k'.repeat(76)}: { a: 1 } });`, predicted: false },
    { name: 'a string too wide for its line', line: `const api = new A({ auth: { basic: { username: "user", password: "${'p'.repeat(70)}" } } });`, predicted: false },
  ])('a construction wider than 80 columns, $name: printed as prettier prints it, or left to it', async ({ line, predicted }) => {
    const lines = printedProgram([line]);
    expect(lines !== undefined).toBe(predicted);
    if (lines) expect(lines.join('\n')).toBe(await printed(line));
  });

  it('generated programs: every one accepted prints as it is', async () => {
    const values = ['"string"', '1', '-2.5', 'true', 'null', 'Status.Active', '[]', '{}', '[1, "a"]', '{ a: 1 }', '{ limit: 1, tags: ["x"] }', '[{ a: 1, b: 2 }]', 'new Blob(["b"])', 'undefined'];
    let seed = 3;
    const next = (n: number) => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) % n;
    const call = () => `api.${['get', 'reposCreateInOrg', 'delete', 'aVeryLongOperationNameThatTakesMostOfALine'][next(4)]}(${Array.from({ length: next(4) }, () => values[next(values.length)]).join(', ')})`;
    const statement = () => [`const result = await ${call()};`, `await ${call()};`, `${call()};`, `const body = ${values[next(values.length)]};`, 'console.log(result);'][next(5)]!;
    let accepted = 0;
    for (let n = 0; n < 150; n++) {
      const module = ['"pkg"', `"${'package-'.repeat(10)}"`][next(2)];
      const names = ['Api', 'Api, ApiError', 'ApiError, Api'][next(3)];
      const code = [`import { ${names} } from ${module};`, '', 'const api = new Api();', ...Array.from({ length: 1 + next(3) }, statement)];
      if (!plainProgram(code)) continue;
      accepted++;
      expect(await printed(code.join('\n')), code.join('\n')).toBe(code.join('\n'));
    }
    expect(accepted).toBeGreaterThan(50);
  });
});
