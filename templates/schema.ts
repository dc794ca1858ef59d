import { defineTemplate } from 'openapi-morph';

export default defineTemplate({
  apiVersion: 1,
  name: 'schema',
  description: "src/schema.ts: openapi-typescript's paths, components and operations for the selected subset",
  scope: 'document',
  render(ctx) {
    return { kind: 'text', path: 'src/schema.ts', content: ctx.openapiTypes };
  },
});
