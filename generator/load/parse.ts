import yaml from 'js-yaml';
import { fail } from '../diagnostics/diagnostic.ts';
import type { SpecSource } from './source.ts';

/**
 * YAML 1.2 core schema plus the `<<` merge key. Deliberately without js-yaml's default timestamp,
 * binary, set and omap types, so a spec parses to plain JSON values (`version: 2024-01-01` stays a
 * string, as JSON Schema expects).
 */
const SPEC_SCHEMA = yaml.CORE_SCHEMA.extend({ implicit: [(yaml as unknown as { types: { merge: yaml.Type } }).types.merge] });

/**
 * Parses YAML or JSON text. js-yaml shares the object of an anchor among its aliases instead of
 * copying it, so even an alias bomb parses quickly; `checkTree` (limits.ts) must run next, before
 * anything walks the result.
 */
export function parseSpecText(source: SpecSource): unknown {
  if (!isJsonText(source.text)) return parseYaml(source.text, source.name, 0);
  try {
    return parseJson(source);
  } catch (cause) {
    if (cause instanceof RangeError) tooDeep(source.name, cause);
    throw cause;
  }
}

/**
 * YAML text of `file` (the whole text, or an entry of it that starts at line `firstLine`, 0-based:
 * a syntax error names its line in the whole file).
 */
export function parseYaml(text: string, file: string, firstLine: number): unknown {
  try {
    return yaml.load(text, { schema: SPEC_SCHEMA, filename: file });
  } catch (cause) {
    if (cause instanceof RangeError) tooDeep(file, cause);
    if (cause instanceof yaml.YAMLException) {
      const mark = cause.mark as { line?: number; column?: number } | undefined;
      fail(
        'OM202',
        `YAML syntax error: ${cause.reason}`,
        { file, ...(mark?.line !== undefined ? { line: firstLine + mark.line + 1, column: (mark.column ?? 0) + 1 } : {}) },
        cause,
      );
    }
    throw cause;
  }
}

function tooDeep(file: string, cause: RangeError): never {
  fail('OM203', `${file} nests too deeply to parse`, { file }, cause);
}

/** JSON text (parsed by `JSON.parse`, so its tree cannot share nodes); anything else is read as YAML. */
export function isJsonText(text: string): boolean {
  return /^\s*[{[]/.test(text);
}

function parseJson(source: SpecSource): unknown {
  try {
    return JSON.parse(source.text);
  } catch (cause) {
    if (!(cause instanceof SyntaxError)) throw cause;
    const position = /position (\d+)/.exec(cause.message);
    const at = position ? lineColumn(source.text, Number(position[1])) : {};
    const reason = cause.message.replace(/\s*\(line \d+ column \d+\)/, '').replace(/ in JSON at position \d+/, '');
    fail('OM202', `JSON syntax error: ${reason}`, { file: source.name, ...at }, cause);
  }
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
