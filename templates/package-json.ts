import { defineTemplate } from 'openapi-morph';

export default defineTemplate({
  apiVersion: 1,
  name: 'package-json',
  description: 'package.json: name, version from the release history, ESM exports map, build on install',
  scope: 'document',
  render(ctx) {
    const pkg = ctx.options.package;
    return {
      kind: 'json',
      path: 'package.json',
      value: {
        name: pkg.name,
        version: pkg.version,
        description: pkg.description,
        license: pkg.license,
        type: 'module',
        sideEffects: false,
        exports: {
          '.': { types: './dist/index.d.ts', import: './dist/index.js' },
          // Optional response validation (templates/validation.ts): its own entry, so the main bundle stays small.
          './validation': { types: './dist/validation/index.d.ts', import: './dist/validation/index.js' },
          './package.json': './package.json',
        },
        types: './dist/index.d.ts',
        files: ['dist', 'docs', 'README.md', ...(pkg.releases.length > 0 ? ['CHANGELOG.md'] : [])],
        engines: { node: '>=20' },
        scripts: {
          build: 'tsc -p tsconfig.json',
          prepare: 'tsc -p tsconfig.json',
        },
        dependencies: { 'openapi-fetch': ctx.options.dependencies['openapi-fetch'] ?? '*' },
        devDependencies: { typescript: ctx.options.dependencies['typescript'] ?? '*' },
      },
    };
  },
});
