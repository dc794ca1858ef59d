import { defineTemplate, type TemplateFile } from 'openapi-morph';

/** The package's entry points (`src/<entry>.ts`), as package.json's exports map lists them. */
const ENTRIES = ['index', 'validation/index'] as const;

export default defineTemplate({
  apiVersion: 1,
  name: 'commonjs',
  description: 'src/index.cts, src/validation/index.cts: CommonJS entry points that are the ES modules themselves (require(esm), Node 20.19+)',
  scope: 'document',
  render() {
    // One build, two doors: `require()` returns the ES module's own namespace, so CommonJS and ESM
    // callers share every class (`instanceof ApiError` holds across both), and the .d.cts types let
    // TypeScript's node16 resolution see a CommonJS entry. `import x = require()` / `export =` is
    // the only module syntax a .cts file may use under verbatimModuleSyntax; the template API has no
    // structure for it, so these two fixed lines (no spec text in them) are written as statements.
    return ENTRIES.map((entry): TemplateFile => ({
      kind: 'typescript',
      path: `src/${entry}.cts`,
      statements: ["import entry = require('./index.js');", 'export = entry;'],
    }));
  },
});
