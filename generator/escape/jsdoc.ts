import { visibleText } from './unsafe-text.ts';

/**
 * Text for the inside of a `/** ... *\/` comment: `*\/` cannot close the comment, no invisible
 * line breaks or bidi controls, and an `@` that starts a line cannot become a JSDoc tag (such as
 * a spec description that makes a symbol look `@deprecated`). `/*` is broken up too: ts-morph's
 * writer tracks comment nesting and closes the JSDoc early after one (seen with ts-morph 28).
 */
export function jsdocText(text: string): string {
  return visibleText(text)
    .replace(/\*\//g, '*\\/')
    .replace(/\/\*/g, '/\\*')
    .replace(/^(\s*)@/gm, '$1\\@')
    .replace(/[ \t]+$/gm, '')
    .trim();
}
