import type { OpenAPI } from 'openapi-types';
import { error, MorphError, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { swaggerParser } from '../heavy.ts';
import type { JsonObject } from '../json.ts';
import { encodeSegment } from '../pointer.ts';
import type { SpecDocument } from '../spec-context.ts';

interface AjvDetail {
  readonly instancePath: string;
  /** Set on errors about a key (propertyNames): the offending key. */
  readonly propertyName?: string;
  readonly schemaPath: string;
  readonly keyword: string;
  readonly params: Record<string, unknown>;
  readonly message?: string;
}

/** Keywords that only say "a branch failed"; the branch's own errors say why. */
const COMPOSITE = new Set(['oneOf', 'anyOf', 'allOf', 'if', 'then', 'else', 'not', 'unevaluatedProperties', 'propertyNames']);
const MAX_REPORTED = 20;

/**
 * Validates the selected subset against the OpenAPI 3.0/3.1 schema with swagger-parser. The subset
 * holds only internal references (select refuses the rest), and external resolution is switched
 * off as well, so validation never reads a file or the network. Pointers in the subset equal the
 * pointers in the source, so every problem is reported at its line in the user's file.
 */
export async function validateSubset(spec: SpecDocument, subset: JsonObject): Promise<void> {
  try {
    await swaggerParser().validate(structuredClone(subset) as unknown as OpenAPI.Document, {
      resolve: { external: false, file: false, http: false },
      dereference: { circular: 'ignore' },
      validate: { schema: true, spec: true },
    });
  } catch (cause) {
    throw new MorphError(toDiagnostics(spec, cause));
  }
}

function toDiagnostics(spec: SpecDocument, cause: unknown): Diagnostic[] {
  const details = (cause as { details?: AjvDetail[] } | null)?.details;
  if (!Array.isArray(details) || details.length === 0) {
    const message = cause instanceof Error ? cause.message.replace(/^Validation failed\.\s*/, '') : String(cause);
    return [error('OM206', `invalid OpenAPI: ${message}`, findPointer(spec, message), cause)];
  }
  const byPath = new Map<string, AjvDetail[]>();
  for (const detail of details) {
    if (COMPOSITE.has(detail.keyword)) continue;
    // A bad key is reported where the key is, not at the object holding it.
    const path = detail.propertyName === undefined ? detail.instancePath : `${detail.instancePath}/${encodeSegment(detail.propertyName)}`;
    byPath.set(path, [...(byPath.get(path) ?? []), detail]);
  }
  if (byPath.size === 0) byPath.set(details[0]!.instancePath, [details[0]!]);
  const diagnostics = [...byPath].slice(0, MAX_REPORTED).map(([path, group]) =>
    error('OM206', `invalid OpenAPI: ${describe(group)}`, spec.at(`#${path}`), cause),
  );
  if (byPath.size > MAX_REPORTED) {
    diagnostics.push(error('OM206', `${byPath.size - MAX_REPORTED} more validation problems not shown`, { file: spec.source.name }));
  }
  return diagnostics;
}

function describe(group: readonly AjvDetail[]): string {
  const missing = group.filter((d) => d.keyword === 'required').map((d) => `"${String(d.params['missingProperty'])}"`);
  const branched = group.some((d) => d.keyword === 'required' && /\/(oneOf|anyOf)\/\d+/.test(d.schemaPath));
  const parts: string[] = [];
  if (missing.length > 0) parts.push(`missing required property ${[...new Set(missing)].join(branched ? ' or ' : ' and ')}`);
  for (const detail of group) {
    if (detail.keyword === 'required') continue;
    if (detail.keyword === 'enum') {
      parts.push(`must be one of ${(detail.params['allowedValues'] as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`);
    } else if (detail.propertyName !== undefined) {
      parts.push(`the name ${JSON.stringify(detail.propertyName)} ${detail.message ?? 'is not valid'}`);
    } else if (detail.keyword === 'additionalProperties') {
      parts.push(`unknown property "${String(detail.params['additionalProperty'])}"`);
    } else {
      parts.push(detail.message ?? detail.keyword);
    }
  }
  return [...new Set(parts)].join('; ');
}

/** swagger-parser's semantic checks name the path in prose: "/paths/~1a/post has ...". */
function findPointer(spec: SpecDocument, message: string) {
  const match = /(\/paths\/\S+?|\/components\/\S+?)(?=\s|$|,)/.exec(message);
  return match ? spec.at(`#${match[1]}`) : { file: spec.source.name };
}
