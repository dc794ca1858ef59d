import { defineTemplate } from 'openapi-morph';

export default defineTemplate({
  apiVersion: 1,
  name: 'tsconfig',
  description: 'tsconfig.json: strict ESM build to dist/ with declarations, no Node-only types',
  scope: 'document',
  render() {
    return {
      kind: 'json',
      path: 'tsconfig.json',
      value: {
        compilerOptions: {
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          lib: ['ES2022', 'DOM'],
          types: [],
          strict: true,
          noUncheckedIndexedAccess: true,
          exactOptionalPropertyTypes: true,
          verbatimModuleSyntax: true,
          isolatedModules: true,
          declaration: true,
          outDir: 'dist',
          rootDir: 'src',
          skipLibCheck: true,
        },
        include: ['src'],
      },
    };
  },
});
