import { defineTemplate, type SchemaNode, type TemplateContext } from 'openapi-morph';

export default defineTemplate({
  apiVersion: 1,
  name: 'docs-model',
  description: 'docs/<Model>.md: a model page (type, properties with nested ones flattened, example)',
  scope: 'schema',
  render(ctx, schema) {
    const path = ctx.naming.modelDocFile(schema.typeName);
    const { md } = ctx;
    const link = (typeName: string) => ctx.linkPath(path, ctx.naming.modelDocFile(typeName));
    const readme = ctx.linkPath(path, 'README.md');
    const node = schema.schema;
    const lines = [`# ${schema.typeName}`, ''];
    if (schema.name !== schema.typeName) lines.push(`Schema ${md.code(schema.name)} in the spec.`, '');
    if (node.deprecated) lines.push('> **Deprecated.**', '');
    if (node.description) lines.push(md.block(node.description), '');

    const rows = md.propertyRows(node);
    if (rows.length > 0) {
      lines.push('## Properties', '');
      lines.push(
        md.table(
          ['Name', 'Type', 'Description', 'Required'],
          rows.map(({ path: name, property }) => [`**${md.cell(name)}**`, md.schemaType(property.schema, link), notes(ctx, property.schema), property.required ? 'Yes' : 'No']),
        ),
        '',
      );
    } else {
      lines.push('## Type', '', md.schemaType(node, link), '');
      lines.push(...variants(ctx, node, link));
    }
    // Through a reference where the types fix the discriminator's value, so the example has it.
    const example = ctx.example(schema.discriminator?.value === undefined ? node : { kind: 'ref', name: schema.name, typeName: schema.typeName, nullable: false });
    lines.push('## Example', '', md.codeBlock('json', ctx.escape.jsonText(example, 2)), '');
    lines.push(`[[Back to Model list]](${readme}#models) [[Back to API list]](${readme}#api-endpoints) [[Back to README]](${readme})`, '');
    return { kind: 'text', path, content: lines.join('\n') };
  },
});

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

function variants(ctx: TemplateContext, node: SchemaNode, link: (typeName: string) => string): string[] {
  if (node.kind !== 'union') return [];
  const label = node.combinator === 'oneOf' ? 'Exactly one of' : 'Any of';
  return [
    `${label}:`,
    '',
    ...node.variants.map((v) => `- ${ctx.md.schemaType(v, link)}${v.description ? `: ${ctx.md.text(v.description).replace(/\n+/g, ' ')}` : ''}`),
    '',
  ];
}
