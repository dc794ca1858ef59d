/**
 * The docs pages' types (markdown-helpers.ts `schemaType`): a map's type is markdown that reads as
 * written, its code spans apart. Touching, two code spans' backticks run together and make one span
 * of the text between: `` `Record<string,` `string``>` `` showed `string``>` as code.
 */
import { describe, expect, it } from 'vitest';
import { markdownHelpers } from '../../generator/template-api/markdown-helpers.ts';
import type { SchemaNode } from '../../generator/model/types.ts';

const link = (typeName: string) => `${typeName}.md`;
const map = (value: SchemaNode, nullable = false) => ({ kind: 'object', properties: [], additionalProperties: value, ...(nullable ? { nullable } : {}) }) as unknown as SchemaNode;
const node = (value: object) => value as SchemaNode;

/** The code spans of inline markdown, as CommonMark reads them: a run of backticks opens one that a run of as many closes. */
function codeSpans(markdown: string): string[] {
  const spans: string[] = [];
  const runs = [...markdown.matchAll(/`+/g)];
  for (let i = 0; i < runs.length; i++) {
    const close = runs.findIndex((run, j) => j > i && run[0].length === runs[i]![0].length);
    if (close < 0) continue;
    spans.push(markdown.slice(runs[i]!.index! + runs[i]![0].length, runs[close]!.index));
    i = close;
  }
  return spans;
}

describe('a map\'s type on the docs pages', () => {
  it.each([
    { name: 'of strings', value: node({ kind: 'string' }), expected: '`Record<string, string>`', spans: ['Record<string, string>'] },
    { name: 'of a format', value: node({ kind: 'string', format: 'date-time' }), expected: '`Record<string, string (date-time)>`', spans: ['Record<string, string (date-time)>'] },
    { name: 'of maps', value: map(node({ kind: 'integer' })), expected: '`Record<string, Record<string, integer>>`', spans: ['Record<string, Record<string, integer>>'] },
    { name: 'of a model', value: node({ kind: 'ref', typeName: 'File' }), expected: '`Record<string,` [**File**](File.md) `>`', spans: ['Record<string,', '>'] },
    { name: 'of a union', value: node({ kind: 'string', enum: ['a', 'b'] }), expected: '`Record<string,` `"a"` \\| `"b"` `>`', spans: ['Record<string,', '"a"', '"b"', '>'] },
    { name: 'of nullable strings', value: node({ kind: 'string', nullable: true }), expected: '`Record<string,` `string` \\| `null` `>`', spans: ['Record<string,', 'string', 'null', '>'] },
  ])('$name: $expected', ({ value, expected, spans }) => {
    const markdown = markdownHelpers.schemaType(map(value), link);
    expect(markdown).toBe(expected);
    expect(codeSpans(markdown)).toStrictEqual(spans);
  });

  it('a nullable map: its type, then null apart', () => {
    expect(markdownHelpers.schemaType(map(node({ kind: 'boolean' }), true), link)).toBe('`Record<string, boolean>` \\| `null`');
  });
});
