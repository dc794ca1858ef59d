import { defineTemplate, type SchemaNode, type TemplateContext } from 'openapi-morph';
import { propertyTable } from './_property-table.ts';

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

    const rows = propertyTable(ctx, node, link);
    if (rows !== undefined) {
      lines.push('## Properties', '', rows, '');
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
