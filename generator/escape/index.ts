import { jsdocText } from './jsdoc.ts';
import { jsonLiteral, literalType } from './literal.ts';
import { markdownAnchor, markdownCell, markdownCode, markdownText } from './markdown.ts';
import { typePropertyKey, valuePropertyKey } from './property-key.ts';
import { jsonText, stringLiteral } from './string-literal.ts';
import { templateLiteralText } from './template-literal.ts';
import { sanitizeIdentifier } from '../naming/identifier.ts';

/**
 * The only ways spec text reaches generated files. Each sink has one helper; templates receive
 * this object and must not build code or markdown from spec strings any other way.
 */
export const escape = Object.freeze({
  /** A valid identifier from any text (names in the model are already resolved; this is for a template's own). */
  identifier: (text: string, fallback = '_'): string => sanitizeIdentifier(text.replace(/[^\p{L}\p{N}$_]+/gu, '_'), fallback),
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
