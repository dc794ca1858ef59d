import { canonicalJson, compareStrings, isObject, own, ownObject, type JsonObject } from '../json.ts';
import { httpMethods } from '../select/operations.ts';

/** What changed between the previous spec and the new subset, one entry per operation or schema. */
export interface SpecChange {
  readonly kind: 'added' | 'removed' | 'changed';
  readonly subject: 'operation' | 'schema';
  /** `POST /realtime/sessions` or a schema name. */
  readonly name: string;
}

/**
 * A plain structural comparison for `sync`'s report: operations by method and path, schemas by
 * name, each added, removed or changed (any difference, descriptions included). It is a stopgap
 * kept in its own module: the diff engine replaces it with its classified summary.
 */
export function compareSpecs(previous: JsonObject | undefined, next: JsonObject): SpecChange[] {
  const changes: SpecChange[] = [];
  const compare = (subject: SpecChange['subject'], before: Map<string, unknown>, after: Map<string, unknown>) => {
    for (const name of [...new Set([...before.keys(), ...after.keys()])].sort(compareStrings)) {
      const a = before.get(name);
      const b = after.get(name);
      if (a === undefined) changes.push({ kind: 'added', subject, name });
      else if (b === undefined) changes.push({ kind: 'removed', subject, name });
      else if (canonicalJson(a) !== canonicalJson(b)) changes.push({ kind: 'changed', subject, name });
    }
  };
  compare('operation', operations(previous), operations(next));
  compare('schema', schemas(previous), schemas(next));
  return changes;
}

const SIGN = { added: '+', removed: '-', changed: '~' } as const;

/** `+ operation POST /realtime/calls` lines, then a one-line summary. */
export function formatChanges(changes: readonly SpecChange[], specName: string): string[] {
  if (changes.length === 0) return [`${specName}: no changes to the selected operations or their schemas`];
  const count = (kind: SpecChange['kind']) => changes.filter((c) => c.kind === kind).length;
  return [
    ...changes.map((c) => `${SIGN[c.kind]} ${c.subject} ${c.name} (${c.kind})`),
    `${specName}: ${count('added')} added, ${count('removed')} removed, ${count('changed')} changed`,
  ];
}

function operations(document: JsonObject | undefined): Map<string, unknown> {
  const found = new Map<string, unknown>();
  const paths = document ? ownObject(document, 'paths') : undefined;
  for (const [path, item] of Object.entries(paths ?? {})) {
    if (!isObject(item)) continue;
    for (const method of httpMethods) {
      const operation = own(item, method);
      if (operation !== undefined) found.set(`${method.toUpperCase()} ${path}`, { operation, parameters: own(item, 'parameters') });
    }
  }
  return found;
}

function schemas(document: JsonObject | undefined): Map<string, unknown> {
  const components = document ? ownObject(document, 'components') : undefined;
  return new Map(Object.entries((components && ownObject(components, 'schemas')) ?? {}));
}
