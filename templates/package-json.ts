import { defineTemplate } from 'openapi-morph';

/** An exports entry: the ES module for `import`, its CommonJS door for `require`, each with its types. */
const entry = (base: string) => ({
  import: { types: `${base}.d.ts`, default: `${base}.js` },
  require: { types: `${base}.d.cts`, default: `${base}.cjs` },
});

export default defineTemplate({
  apiVersion: 1,
  name: 'package-json',
  description: 'package.json: name, version from the release history, exports map for import and require, built before packing',
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
        // ESM for `import`; for `require`, a CommonJS entry that is the ES module itself (templates/commonjs.ts).
        exports: {
          '.': entry('./dist/index'),
          // Optional response validation (templates/validation.ts): its own entry, so the main bundle stays small.
          './validation': entry('./dist/validation/index'),
          './package.json': './package.json',
        },
        main: './dist/index.cjs',
        types: './dist/index.d.ts',
        // For TypeScript's old `node` resolution, which ignores the exports map.
        typesVersions: { '*': { validation: ['./dist/validation/index.d.ts'] } },
        files: ['dist', 'docs', 'README.md', ...(pkg.releases.length > 0 ? ['CHANGELOG.md'] : [])],
        // 20.19: the first Node 20 whose require() loads an ES module without a flag.
        engines: { node: '>=20.19' },
        // Built before packing, so the tarball holds dist/ and installing it runs no script.
        scripts: {
          build: 'tsc -p tsconfig.json',
          prepack: 'tsc -p tsconfig.json',
        },
        dependencies: { 'openapi-fetch': ctx.options.dependencies['openapi-fetch'] ?? '*' },
        devDependencies: { typescript: ctx.options.dependencies['typescript'] ?? '*' },
      },
    };
  },
});
