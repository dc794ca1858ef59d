import { literalType } from '../escape/literal.ts';
import { markdownBlock } from '../escape/markdown-block.ts';
import { markdownCell, markdownCode, markdownText } from '../escape/markdown.ts';
import type { PropertyModel, SchemaNode } from '../model/types.ts';

/** Helpers for markdown output; cells passed to `table` must already be escaped. */
export interface MarkdownHelpers {
  table(head: readonly string[], rows: readonly (readonly string[])[]): string;
  /** The type of a schema node as markdown; `link(typeName)` gives the href of a model's page. */
  schemaType(node: SchemaNode, link: (typeName: string) => string): string;
  /** Property rows of an object schema, nested objects flattened with dotted names (`turn_detection.type`). */
  propertyRows(node: SchemaNode): readonly { readonly path: string; readonly property: PropertyModel }[];
  text(value: string): string;
  /**
   * Prose as a block of its own (after an empty line, with one after it): as `text`, but each fenced
   * code block becomes a `<pre><code>` block of its escaped code, which shows as written (`&&`, not `&amp;&amp;`).
   */
  block(value: string): string;
  cell(value: string): string;
  code(value: string): string;
  /** A fenced code block whose fence no line of `content` can close. */
  codeBlock(language: string, content: string): string;
}

function codeBlock(language: string, content: string): string {
  const longest = Math.max(2, ...(content.match(/`{3,}/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${language.replace(/[^\w+-]/g, '')}\n${content}\n${fence}`;
}

function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

function schemaType(node: SchemaNode, link: (typeName: string) => string): string {
  const base = shape(node, link);
  return node.nullable && node.kind !== 'null' ? `${base} \\| ${markdownCode('null')}` : base;
}

function shape(node: SchemaNode, link: (typeName: string) => string): string {
  switch (node.kind) {
    case 'ref':
      return `[**${node.typeName}**](${link(node.typeName)})`;
    case 'array': {
      if (node.prefixItems) return `[${node.prefixItems.map((item) => schemaType(item, link)).join(', ')}]`;
      const items = schemaType(node.items, link);
      return items.includes(' \\| ') || items.includes(' & ') ? `(${items})[]` : `${items}[]`;
    }
    case 'union':
      return node.variants.map((v) => schemaType(v, link)).join(' \\| ');
    case 'intersection':
      return node.parts.map((p) => schemaType(p, link)).join(' & ');
    case 'object':
      if (node.properties.length === 0 && typeof node.additionalProperties === 'object') return recordType(schemaType(node.additionalProperties, link));
      return markdownCode('object');
    case 'string':
    case 'number':
    case 'integer':
      if (node.const !== undefined) return markdownCode(literalType(node.const));
      if (node.enum && node.enum.length > 0) return node.enum.map((v) => markdownCode(literalType(v))).join(' \\| ');
      if (node.format === 'binary') return markdownCode('Blob');
      return markdownCode(node.format ? `${node.kind} (${node.format})` : node.kind);
    case 'boolean':
      return markdownCode(node.const !== undefined ? String(node.const) : 'boolean');
    case 'null':
      return markdownCode('null');
    case 'enum':
      return node.values.map((v) => markdownCode(JSON.stringify(v))).join(' \\| ');
    case 'unknown':
      return markdownCode('unknown');
  }
}

/**
 * A map's type from its values' (`value`, markdown): one code span when that is one
 * (`` `Record<string, string>` ``), else the value between code spans with a space on each side.
 * Touching, a code span's backtick and the next one's run together: `` `string``>` `` is one code
 * span holding `string``>` (GitHub's and Stripe's docs pages showed their maps so).
 */
function recordType(value: string): string {
  const code = /^`([^`]+)`$/.exec(value)?.[1];
  return code !== undefined ? markdownCode(`Record<string, ${code.replace(/\\\|/g, '|')}>`) : `${markdownCode('Record<string,')} ${value} ${markdownCode('>')}`;
}

function propertyRows(node: SchemaNode): { path: string; property: PropertyModel }[] {
  const rows: { path: string; property: PropertyModel }[] = [];
  const visit = (current: SchemaNode, prefix: string, depth: number): void => {
    const object = current.kind === 'object' ? current : current.kind === 'array' && current.items.kind === 'object' ? current.items : undefined;
    if (!object || depth > 8) return;
    for (const property of object.properties) {
      const path = prefix === '' ? property.name : `${prefix}${current.kind === 'array' ? '[]' : ''}.${property.name}`;
      rows.push({ path, property });
      visit(property.schema, path, depth + 1);
    }
  };
  visit(node, '', 0);
  return rows;
}

export const markdownHelpers: MarkdownHelpers = Object.freeze({
  table,
  schemaType,
  propertyRows,
  text: markdownText,
  block: markdownBlock,
  cell: markdownCell,
  code: markdownCode,
  codeBlock,
});
