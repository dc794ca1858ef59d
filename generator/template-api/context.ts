import { posix } from 'node:path';
import { escape } from '../escape/index.ts';
import type { ApiModel, OperationModel, SchemaNode } from '../model/types.ts';
import type { NamingResolver } from '../naming/resolver.ts';
import { exampleCode, exampleValue } from './example.ts';
import { markdownHelpers } from './markdown-helpers.ts';
import { importPath } from './imports.ts';
import { methodSignature } from './signature.ts';
import { tsHelpers } from './ts-helpers.ts';
import { TEMPLATE_API_VERSION, type TemplateContext, type TemplateOptions } from './types.ts';

/** `openapiTypes` is called when a template first reads `ctx.openapiTypes` (see `lazyOpenapiTypes`). */
export function createTemplateContext(model: ApiModel, naming: NamingResolver, options: TemplateOptions, openapiTypes: () => string): TemplateContext {
  return Object.freeze({
    apiVersion: TEMPLATE_API_VERSION,
    model,
    naming,
    options,
    escape,
    ts: tsHelpers,
    md: markdownHelpers,
    get openapiTypes() {
      return openapiTypes();
    },
    signature: (operation: OperationModel) => methodSignature(operation, model.schemas),
    example: (node: SchemaNode) => exampleValue(node, model),
    exampleCode: (node: SchemaNode) => exampleCode(node, model),
    importPath,
    linkPath(from: string, to: string): string {
      return posix.relative(posix.dirname(from), to) || posix.basename(to);
    },
    // A default (or a new output) has no default beneath it; run-templates gives overrides their own.
    renderDefault: () => [],
  });
}

