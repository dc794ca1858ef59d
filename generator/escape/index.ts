import { jsdocText } from './jsdoc.ts';
import { jsonLiteral, literalType } from './literal.ts';
import { markdownAnchor, markdownCell, markdownCode, markdownText } from './markdown.ts';
import { typePropertyKey, valuePropertyKey } from './property-key.ts';
import { jsonText, stringLiteral } from './string-literal.ts';
import { templateLiteralText } from './template-literal.ts';

/**
 * The only ways spec text reaches generated files. Each sink has one helper; templates receive
 * this object and must not build code or markdown from spec strings any other way.
 */
export const escape = Object.freeze({
  stringLiteral,
  jsonText,
  jsonLiteral,
  literalType,
  typePropertyKey,
  valuePropertyKey,
  templateLiteralText,
  jsdocText,
  markdownText,
  markdownCell,
  markdownCode,
  markdownAnchor,
});

export type EscapeHelpers = typeof escape;
