import type { Parser, Plugin } from 'prettier';
import { RESERVED_WORDS } from './keywords.ts';

/** The name of the parser `strictBabelPlugin` adds. */
export const STRICT_BABEL_TS = 'openapi-morph-strict-babel-ts';

/**
 * Prettier's `babel-ts` parser, failing where babel reads code that TypeScript's parser refuses,
 * for a markdown fence's code (markdown-fences.ts `formattedFences`): prettier formats a fence
 * with its `typescript` parser and leaves code that parser refuses as it is, so babel must not
 * format such code. Two reviews found babel reading it in many ways; refused here:
 * - errors babel recovered from, which prettier lets pass (`08` and `010` in a date, `"\8"`):
 *   the file's `errors`;
 * - a program read as a script, prettier's second try after a module (`await` as a name:
 *   `await;`, `await in x`);
 * - any form outside what usage examples are written with (`babelOnly`: an allow-list).
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

/**
 * Names a fence's code may not use to be read by babel: TypeScript's reserved and contextual words
 * (keywords.ts; wider than the words no binding may be named, so `type` or `undefined` as a name
 * sends a fence to the typescript parser too: slower, never wrong).
 */
const RESERVED = new Set(RESERVED_WORDS);

/**
 * The node types a fence's code may hold to be read by babel: the statements and expressions of
 * usage examples (imports, declarations, calls, objects, arrays, arrow functions, `try`, `if`,
 * `throw`, `await`) and simple type annotations. Anything else (classes, generators, `declare`,
 * private names, enums, namespaces, proposals) goes to the `typescript` parser: a review probed
 * babel and TypeScript with thousands of such forms and found 150 that babel reads and TypeScript
 * refuses, all outside this list (`this` or `void` as a binding, modifiers of class members, a
 * private name in an optional chain, ambient generators, tuple labels, ...).
 */
const ALLOWED = new Set(
  (
    'File Program ExpressionStatement VariableDeclaration VariableDeclarator ImportDeclaration ImportSpecifier ImportDefaultSpecifier ' +
    'ImportNamespaceSpecifier ExportNamedDeclaration ExportSpecifier BlockStatement IfStatement TryStatement CatchClause ThrowStatement ' +
    'ReturnStatement EmptyStatement CallExpression NewExpression MemberExpression OptionalMemberExpression OptionalCallExpression ' +
    'AwaitExpression ArrowFunctionExpression FunctionDeclaration FunctionExpression ObjectExpression ObjectProperty SpreadElement ' +
    'RestElement ArrayExpression ArrayPattern ObjectPattern AssignmentPattern AssignmentExpression UnaryExpression BinaryExpression ' +
    'LogicalExpression ConditionalExpression UpdateExpression ThisExpression ParenthesizedExpression Identifier StringLiteral ' +
    'NumericLiteral BigIntLiteral BooleanLiteral NullLiteral CommentLine CommentBlock TSTypeAnnotation TSTypeReference ' +
    'TSTypeParameterInstantiation TSArrayType TSUnionType TSLiteralType TSTypeLiteral TSPropertySignature TSInterfaceDeclaration ' +
    'TSInterfaceBody TSTypeAliasDeclaration TSAsExpression TSNonNullExpression TSStringKeyword TSNumberKeyword TSBooleanKeyword ' +
    'TSAnyKeyword TSUnknownKeyword TSVoidKeyword TSNullKeyword TSUndefinedKeyword TSNeverKeyword TSObjectKeyword'
  ).split(' '),
);

interface Node {
  readonly type: string;
  readonly [key: string]: unknown;
}

/**
 * The first form in `ast` outside what a fence's code is read by babel for (see `ALLOWED`), or
 * `undefined`: a node of another type; a name that is a reserved word (but for a property's name
 * after a `.` or as an object's key); a number written from `0` and a digit (`08`, `010`); a
 * string with an octal or `\8` escape; `throw` as an expression, a pipeline `|>`; a function
 * that is a generator, `declare`d or without its body; an import with a phase (`import source`).
 * (An export of anything but a declaration or names holds a node of another type.)
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
    for (const [key, child] of Object.entries(node)) {
      if (key === 'loc' || key === 'range' || key === 'extra') continue;
      // A property's name after a `.`, or an object's key, may be any word.
      if (key === 'property' && node['computed'] === false && (child as Node | null)?.type === 'Identifier') continue;
      if (key === 'key' && node['computed'] === false && (child as Node | null)?.type === 'Identifier') continue;
      stack.push(child);
    }
  }
  return undefined;
}

function nodeReason(node: Node): string | undefined {
  if (!ALLOWED.has(node.type)) return `a ${node.type}`;
  if (node['declare'] === true) return 'a declaration with `declare`';
  if (node.type === 'Identifier' && RESERVED.has(node['name'] as string)) return `a name \`${node['name'] as string}\``;
  const raw = (node['extra'] as { raw?: string } | undefined)?.raw ?? '';
  if (node.type === 'NumericLiteral' && /^0[\d_]/.test(raw)) return `a number \`${raw}\``;
  if (node.type === 'StringLiteral' && /\\(?:[1-9]|0\d)/.test(raw)) return `a string \`${raw}\``;
  if (node.type === 'UnaryExpression' && node['operator'] === 'throw') return 'a throw expression';
  if (node.type === 'BinaryExpression' && node['operator'] === '|>') return 'a pipeline';
  if (/Function/.test(node.type) && (node['generator'] === true || node['body'] === null || node['body'] === undefined)) return 'a generator or a function without its body';
  if (node.type === 'ImportDeclaration' && node['phase'] !== null && node['phase'] !== undefined) return 'an import with a phase';
  // `export type as = 1`: TypeScript reads `export type` then a list of names.
  if (node.type === 'TSTypeAliasDeclaration' && (node['id'] as Node | undefined)?.['name'] === 'as') return 'a type named `as`';
  return undefined;
}
