import { camelCase, pascalCase } from './words.ts';

/**
 * All naming and file-path rules, in one object. A team patches it with a shallow merge
 * (`naming: { methodName: (op) => ... }` in the config). The model calls the name rules once per
 * thing and then makes the results valid and unique, so a rule only proposes a name; the
 * file-path rules are called by templates with names the model resolved.
 */
export interface NamingResolver {
  /** Component schema name -> exported type name. */
  typeName(schemaName: string): string;
  /** Tag -> API class name. */
  className(tag: string): string;
  /** Operation -> method name. `operationId` is synthesized from method and path when the spec has none. */
  methodName(operation: { readonly operationId: string; readonly method: string; readonly path: string }): string;
  /** File of an API class, relative to the package root. */
  apiFile(className: string): string;
  /** Markdown page of an API class. */
  apiDocFile(className: string): string;
  /** Markdown page of a model type. */
  modelDocFile(typeName: string): string;
}

export const defaultNaming: NamingResolver = {
  typeName: (schemaName) => pascalCase(schemaName),
  className: (tag) => `${pascalCase(tag)}Api`,
  methodName: (operation) => camelCase(operation.operationId),
  apiFile: (className) => `src/apis/${className}.ts`,
  apiDocFile: (className) => `docs/${className}.md`,
  modelDocFile: (typeName) => `docs/${typeName}.md`,
};

/** The resolver a config asks for: the defaults with the team's rules shallow-merged over them. */
export function resolveNaming(patch: Partial<NamingResolver> | undefined): NamingResolver {
  return Object.freeze({ ...defaultNaming, ...patch });
}
