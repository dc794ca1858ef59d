import { posix } from 'node:path';
import { escape } from '../escape/index.ts';
import type { ApiModel, OperationModel, SchemaNode } from '../model/types.ts';
import type { NamingResolver } from '../naming/resolver.ts';
import { exampleCode, exampleValue } from './example.ts';
import { markdownHelpers } from './markdown-helpers.ts';
import { importPath } from './imports.ts';
import { reachesReadWriteMarker } from './read-write.ts';
import { methodSignature, type MethodSignature } from './signature.ts';
import { deepFreeze } from '../model/freeze.ts';
import { tsHelpers } from './ts-helpers.ts';
import { TEMPLATE_API_VERSION, type TemplateContext, type TemplateOptions } from './types.ts';

/** `openapiTypes` is called when a template first reads `ctx.openapiTypes` (see `lazyOpenapiTypes`). */
export function createTemplateContext(model: ApiModel, naming: NamingResolver, options: TemplateOptions, openapiTypes: () => string): TemplateContext {
  // Each answer is made once for the render's templates, frozen as the model is (one template must
  // not change what another sees): GitHub's `--all` asked for each of its 1,223 operations'
  // signatures four times (the API class, the docs page twice, the call example), 0.3 s of the
  // main thread's profile.
  const signatures = new WeakMap<OperationModel, MethodSignature>();
  const examples = new WeakMap<SchemaNode, unknown>();
  const exampleCodes = new WeakMap<SchemaNode, string>();
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
    signature: once(signatures, (operation: OperationModel) => deepFreeze(methodSignature(operation, model.schemas))),
    example: once(examples, (node: SchemaNode) => deepFreeze(exampleValue(node, model))),
    exampleCode: once(exampleCodes, (node: SchemaNode) => exampleCode(node, model)),
    readWriteMarked: (node: SchemaNode) => reachesReadWriteMarker(node, model.schemas),
    importPath,
    linkPath(from: string, to: string): string {
      const folder = posix.dirname(from);
      // A file of the same folder (a docs page's link to another): its name, as `relative` gives it
      // after resolving both paths against the working directory (linkPath took 48-64 ms of the
      // main thread of OpenAI's `--all` in CPU profiles, 29-46 ms with this).
      if (posix.dirname(to) === folder) return posix.basename(to);
      return posix.relative(folder, to) || posix.basename(to);
    },
    // A default (or a new output) has no default beneath it; run-templates gives overrides their own.
    renderDefault: () => [],
  });
}

/** `make`, answering a key it has answered before from `answers`. */
function once<K extends object, V>(answers: WeakMap<K, V>, make: (key: K) => V): (key: K) => V {
  return (key) => {
    // A template's wrong argument (not a model node) is not kept, and fails as it did.
    if (typeof key !== 'object' || key === null) return make(key);
    if (answers.has(key)) return answers.get(key) as V;
    const answer = make(key);
    answers.set(key, answer);
    return answer;
  };
}

