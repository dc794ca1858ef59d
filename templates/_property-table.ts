import type { SchemaNode, TemplateContext } from 'openapi-morph';

/**
 * A schema's properties as a table (nested ones flattened: `a.b`), each with its type, notes and
 * whether it is required: a model's page, and an operation's body when the spec writes it inline.
 * Undefined when the schema has no properties.
 */
export function propertyTable(ctx: TemplateContext, node: SchemaNode, link: (typeName: string) => string): string | undefined {
  const { md } = ctx;
  const rows = md.propertyRows(node);
  if (rows.length === 0) return undefined;
  return md.table(
    ['Name', 'Type', 'Description', 'Required'],
    rows.map(({ path: name, property }) => [`**${md.cell(name)}**`, md.schemaType(property.schema, link), notes(ctx, property.schema), property.required ? 'Yes' : 'No']),
  );
}

/** A table cell: description plus what the type column cannot show (default, constraints, deprecation, read/write only). */
function notes(ctx: TemplateContext, node: SchemaNode): string {
  const parts: string[] = [];
  if (node.deprecated) parts.push('**Deprecated.**');
  if (node.description) parts.push(ctx.md.cell(node.description));
  if (node.default !== undefined) parts.push(`Default: ${ctx.md.code(ctx.escape.jsonText(node.default.value))}.`);
  for (const [key, value] of Object.entries(node.constraints ?? {})) parts.push(`${key}: ${ctx.md.code(String(value))}.`);
  if (node.readOnly) parts.push('Read-only.');
  if (node.writeOnly) parts.push('Write-only.');
  return parts.join(' ');
}
