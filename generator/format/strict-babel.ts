import type { Parser, Plugin } from 'prettier';

/** The name of the parser `strictBabelPlugin` adds. */
export const STRICT_BABEL_TS = 'openapi-morph-strict-babel-ts';

/**
 * Prettier's `babel-ts` parser, failing where babel reads code that TypeScript's parser refuses,
 * for a markdown fence's code (markdown-fences.ts `formattedFences`): prettier formats a fence
 * with its `typescript` parser and leaves code that parser refuses as it is, so babel must not
 * format such code. A review found babel reading it in three ways, each refused here:
 * - errors babel recovered from, which prettier lets pass (`08` and `010` in a date, `"\8"`):
 *   the file's `errors`;
 * - a program read as a script, prettier's second try after a module (`await` as a name:
 *   `await;`, `await in x`);
 * - proposals prettier's babel enables, and forms only babel reads (`babelOnly`).
 * A refused code goes to the `typescript` parser next (formatter.ts), which formats it as
 * prettier would or fails as prettier would.
 */
export function strictBabelPlugin(plugins: readonly Plugin[]): Plugin | undefined {
  const babel = plugins.find((plugin) => plugin.parsers?.['babel-ts'])?.parsers?.['babel-ts'];
  if (!babel) return undefined;
  const parser: Parser = {
    ...babel,
    parse: async (text, options) => {
      const ast = (await babel.parse(text, options)) as { errors?: readonly unknown[]; program?: { sourceType?: string } };
      const reason = (ast.errors?.length ?? 0) > 0 ? 'an error babel recovered from' : ast.program?.sourceType === 'script' ? 'a script' : babelOnly(ast);
      if (reason !== undefined) throw new SyntaxError(`babel reads ${reason} here, which TypeScript's parser refuses`);
      return ast;
    },
  };
  return { parsers: { [STRICT_BABEL_TS]: parser } };
}

/** Node types of proposals prettier's babel parses and TypeScript does not. */
const PROPOSALS = new Set([
  'DoExpression',
  'ModuleExpression',
  'ArgumentPlaceholder',
  'BindExpression',
  'TopicReference',
  'PipelineTopicExpression',
  'PipelineBareFunction',
  'PipelinePrimaryTopicReference',
  'RecordExpression',
  'TupleExpression',
  'DecimalLiteral',
  'V8IntrinsicIdentifier',
  'ExportDefaultSpecifier',
]);

/** Words no binding may be named in a module (ECMAScript's reserved words, strict mode's too). */
const RESERVED = new Set(
  ('await break case catch class const continue debugger default delete do else enum export extends false finally for function if implements import in ' +
    'instanceof interface let new null package private protected public return static super switch this throw true try typeof var void while with yield').split(' '),
);

interface Node {
  readonly type: string;
  readonly [key: string]: unknown;
}

/**
 * The first form in `ast` that babel reads and TypeScript does not, or `undefined`: a proposal's
 * node (`PROPOSALS`), `throw` as an expression, a pipeline `|>`, `function.sent`,
 * `new import.meta(...)`, a declaration named by a reserved word (`let this`, `function null()`),
 * an export of a block (`export namespace {`, a namespace without its name).
 */
export function babelOnly(ast: unknown): string | undefined {
  const stack: unknown[] = [ast];
  while (stack.length > 0) {
    const value = stack.pop();
    if (value === null || typeof value !== 'object') continue;
    if (Array.isArray(value)) {
      stack.push(...value);
      continue;
    }
    const node = value as Node;
    if (typeof node.type === 'string') {
      const reason = nodeReason(node);
      if (reason !== undefined) return reason;
    }
    for (const [key, child] of Object.entries(node)) if (key !== 'loc' && key !== 'range' && key !== 'comments' && key !== 'tokens') stack.push(child);
  }
  return undefined;
}

function nodeReason(node: Node): string | undefined {
  if (PROPOSALS.has(node.type)) return `a proposal (${node.type})`;
  if (node.type === 'UnaryExpression' && node['operator'] === 'throw') return 'a throw expression';
  if (node.type === 'BinaryExpression' && node['operator'] === '|>') return 'a pipeline';
  if (node.type === 'MetaProperty' && (node['meta'] as Node | undefined)?.['name'] === 'function') return '`function.sent`';
  if (node.type === 'NewExpression' && (node['callee'] as Node | undefined)?.type === 'MetaProperty') return '`new` of a meta property';
  const id = node['id'] as Node | null | undefined;
  if (id?.type === 'Identifier' && RESERVED.has(id['name'] as string)) return `a declaration named \`${id['name'] as string}\``;
  const declaration = node.type === 'ExportNamedDeclaration' ? (node['declaration'] as Node | null) : null;
  if (declaration && !/Declaration$|^TSDeclareFunction$/.test(declaration.type)) return `an export of a ${declaration.type}`;
  return undefined;
}
