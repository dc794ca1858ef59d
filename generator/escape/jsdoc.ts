import { visibleText } from './unsafe-text.ts';

/**
 * Text for the inside of a `/** ... *\/` comment: `*\/` cannot close the comment, no invisible
 * line breaks or bidi controls, and an `@` that starts a line cannot become a JSDoc tag (such as
 * a spec description that makes a symbol look `@deprecated`).
 */
export function jsdocText(text: string): string {
  return visibleText(text)
    .replace(/\*\//g, '*\\/')
    .replace(/^(\s*)@/gm, '$1\\@')
    .replace(/[ \t]+$/gm, '')
    .trim();
}
