/** What `openapi-morph init` knows when it writes the config. */
export interface InitConfigInput {
  /** The spec's path, relative to the config. */
  readonly spec: string;
  readonly out: string;
  /** The package name, when given or derived from the spec's title. */
  readonly name: string | undefined;
}

/**
 * The commented `openapi-morph.config.ts` that `init` writes: every value a user is likely to
 * change, with a line on what it does; values are JSON string literals (valid TypeScript).
 */
export function configFileText(input: InitConfigInput): string {
  const literal = (value: string) => `'${JSON.stringify(value).slice(1, -1).replace(/'/g, "\\'")}'`;
  return [
    `// openapi-morph's config: \`npx openapi-morph generate\` reads it, \`npx openapi-morph check\` holds`,
    `// the output to it. Every option is described in openapi-morph's README ("Configuration");`,
    `// unknown keys and wrong types are errors.`,
    `import { defineConfig } from 'openapi-morph';`,
    ``,
    `export default defineConfig({`,
    `  // The OpenAPI (3.x, or Swagger 2.0) document, relative to this file. \`npx openapi-morph sync --from <URL>\``,
    `  // replaces it with the selected part of an upstream document.`,
    `  spec: ${literal(input.spec)},`,
    `  // Which operations to generate: 'all', or { include: [...], exclude?: [...] } with filters`,
    `  // such as { by: 'tag', pattern: 'Pets' } (by 'path', 'tag' or 'operationId'; * is a glob).`,
    `  select: 'all',`,
    `  output: {`,
    `    // The generated package's folder. openapi-morph owns every file the manifest lists there;`,
    `    // any other file in it is an error, unless a \`preserve\` glob keeps it (dist/, node_modules/,`,
    `    // package-lock.json and *.tgz always are), e.g. preserve: ['src/custom.ts', 'notes/**'].`,
    `    dir: ${literal(input.out)},`,
    `  },`,
    `  package: {`,
    input.name === undefined
      ? `    // name: 'my-api-client', // npm name; default: the spec's info.title as an npm name`
      : `    // npm name of the generated package (default: the spec's info.title as an npm name).\n    name: ${literal(input.name)},`,
    `    // Release history, opt-in: while this file does not exist the version is the spec's`,
    `    // info.version and there is no CHANGELOG.md; \`sync\` and \`release\` create and extend it.`,
    `    releases: 'spec/releases.json',`,
    `  },`,
    `});`,
    ``,
  ].join('\n');
}
