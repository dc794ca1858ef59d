import type { ApiModel } from '../../model/types.ts';
import { severityRank } from '../rules.ts';
import type { Finding } from '../sink.ts';
import type { DiffChange } from '../types.ts';
import type { SurfaceFinding } from './compare-surface.ts';

export interface OperationName {
  readonly label: string;
  readonly operationId: string;
}

/** What the generated package calls things, per side: schema -> type name, method -> operation. */
export interface PackageNames {
  readonly types: ReadonlyMap<string, string>;
  /** `RealtimeApi.createRealtimeSession` -> the operation. */
  readonly methods: ReadonlyMap<string, OperationName>;
  /** `RealtimeApi` -> its operations. */
  readonly classes: ReadonlyMap<string, readonly OperationName[]>;
}

export function packageNames(model: ApiModel | undefined): PackageNames {
  const types = new Map((model?.schemas ?? []).map((s) => [s.name, s.typeName] as const));
  const methods = new Map<string, OperationName>();
  const classes = new Map<string, OperationName[]>();
  for (const tag of model?.tags ?? []) {
    for (const op of tag.operations) {
      const name = { label: `${op.method.toUpperCase()} ${op.path}`, operationId: op.operationId };
      methods.set(`${tag.className}.${op.methodName}`, name);
      classes.set(tag.className, [...(classes.get(tag.className) ?? []), name]);
    }
  }
  return { types, methods, classes };
}

/**
 * Keeps the TypeScript findings the spec rules did not already report, and attaches operations
 * to findings in API classes. A TypeScript finding is covered by a spec change at least as
 * severe that concerns the same thing: for a method of an API class, the same operation; for a
 * schema's type, an anchor in that schema at an overlapping property path (one a prefix of the
 * other). What remains is what only the generated code shows: a name collision renaming an
 * export, a method moved to another class by a tag change, a shape the spec rules do not model,
 * and an export removed (unless its schema was renamed).
 */
export function uncoveredChanges(spec: readonly Finding[], surface: readonly SurfaceFinding[], names: { readonly old: PackageNames; readonly new: PackageNames }): DiffChange[] {
  const anchors = spec
    .filter((f) => f.change.severity !== 'docs')
    .flatMap((f) => f.anchors.map((a) => ({ kind: f.change.kind, rank: severityRank(f.change.severity), type: names[a.side].types.get(a.schema), path: a.path })));
  const operationRank = new Map<string, number>();
  for (const f of spec) {
    if (f.change.operation === null || f.change.severity === 'docs') continue;
    operationRank.set(f.change.operation, Math.max(operationRank.get(f.change.operation) ?? -1, severityRank(f.change.severity)));
  }
  const result: DiffChange[] = [];
  for (const finding of surface) {
    const rank = severityRank(finding.change.severity);
    const entry = errorMapEntry(finding, names);
    if (entry) {
      // An error map's entry (a method added or removed, a status it admits) is the operation's
      // responses, which the spec rules judge: `operation-added`, `response-error-status-added`
      // (non-breaking) and the like. Before, a new operation was also a breaking member added.
      // Inside an error body, only where they report it as severely (as for a class's method, below).
      if (finding.path.length > 1 ? (operationRank.get(entry.label) ?? -1) >= rank : operationRank.has(entry.label)) continue;
      result.push({ ...finding.change, operation: entry.label, operationId: entry.operationId });
      continue;
    }
    if (finding.exportKind === 'class') {
      const operations = classOperations(finding, names);
      if (operations.some((op) => (operationRank.get(op.label) ?? -1) >= rank)) continue;
      const single = operations.length === 1 ? operations[0] : undefined;
      result.push(single ? { ...finding.change, operation: single.label, operationId: single.operationId } : finding.change);
      continue;
    }
    // An export gone is named whatever changed inside its schema: an import of it stops compiling,
    // which no property change says (GHES 2.21 dropped MinimalRepository unnamed beside one of its properties).
    // Only a rename of the schema (`schema-renamed`) says it.
    if (finding.change.kind === 'ts-export-removed') {
      if (!anchors.some((a) => a.kind === 'schema-renamed' && a.type === finding.exportName)) result.push(finding.change);
      continue;
    }
    const path = finding.path.filter((s) => !s.startsWith('(') && !s.startsWith('<'));
    if (anchors.some((a) => a.rank >= rank && a.type === finding.exportName && overlaps(a.path, path))) continue;
    result.push(finding.change);
  }
  return result;
}

/**
 * The operation whose entry in an API class's error map (`<Class>Errors`, as templates/api.ts names
 * it) a finding is about, at the entry or inside one of its error bodies (`.<0>`, a union member):
 * both are the operation's responses. (Inside a body, no schema anchor matched the map's name, and
 * GitHub's 422 that became a `oneOf` got three wrong entries beside the spec rule's right one.)
 */
function errorMapEntry(finding: SurfaceFinding, names: { readonly old: PackageNames; readonly new: PackageNames }): OperationName | undefined {
  const owner = finding.exportName.endsWith('Errors') ? finding.exportName.slice(0, -'Errors'.length) : undefined;
  const member = finding.path[0];
  if (owner === undefined || member === undefined) return undefined;
  return names.new.methods.get(`${owner}.${member}`) ?? names.old.methods.get(`${owner}.${member}`);
}

/** The operations a finding in an API class concerns: its method's, or all of the class's. */
function classOperations(finding: SurfaceFinding, names: { readonly old: PackageNames; readonly new: PackageNames }): OperationName[] {
  const member = finding.path[0];
  const key = `${finding.exportName}.${member}`;
  const method = member === undefined ? undefined : (names.new.methods.get(key) ?? names.old.methods.get(key));
  if (method) return [method];
  const all = [...(names.old.classes.get(finding.exportName) ?? []), ...(names.new.classes.get(finding.exportName) ?? [])];
  return all.filter((op, i) => all.findIndex((other) => other.label === op.label) === i);
}

function overlaps(a: readonly string[], b: readonly string[]): boolean {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return false;
  return true;
}
