import { canonicalJson, compareStrings } from '../../json.ts';
import { formatMessage, ruleSeverity, type MessageParams, type RuleKind } from '../rules.ts';
import type { DiffChange, Direction } from '../types.ts';
import { exportDirections } from './directions.ts';
import { describeShape, type ExportShape, type Shape, type SignatureShape, type Surface } from './shapes.ts';

/** A TypeScript change plus where it is, for matching it with spec changes (coverage.ts). */
export interface SurfaceFinding {
  readonly change: DiffChange;
  /** The export it was found in. */
  readonly exportName: string;
  readonly exportKind: ExportShape['kind'];
  /** Member path below the export: property names, `[]`, `[key]`, `(param)`, `()` for a return value. */
  readonly path: readonly string[];
}

interface Walk {
  readonly exportName: string;
  readonly exportKind: ExportShape['kind'];
  readonly path: readonly string[];
  readonly direction: Direction;
}

/**
 * Compares two surfaces export by export. A type used only in method parameters is judged as
 * request data, one only returned as response data, anything else both ways (the worse severity).
 * Inside a signature, parameters flip the direction (the caller provides them) and the return
 * value keeps it. References to another export are compared where that export is declared,
 * unless the two sides refer to different exports (a rename), which are then compared by content.
 */
export function compareSurfaces(old: Surface, next: Surface): SurfaceFinding[] {
  const findings: SurfaceFinding[] = [];
  const directions = exportDirections([old, next]);
  const names = [...new Set([...old.exports.keys(), ...next.exports.keys()])].sort(compareStrings);
  const comparing = new Set<string>();

  const report = (walk: Walk, kind: RuleKind, params: MessageParams): void => {
    const location = [walk.exportName, ...walk.path].join('.').replace(/\.(?=[[(])/g, '');
    findings.push({
      change: {
        kind,
        source: 'typescript',
        severity: ruleSeverity(kind, walk.direction),
        direction: walk.direction,
        operation: null,
        operationId: null,
        location,
        pointers: { old: null, new: null },
        message: formatMessage(kind, params),
      },
      exportName: walk.exportName,
      exportKind: walk.exportKind,
      path: walk.path,
    });
  };
  const at = (walk: Walk, segment: string, direction = walk.direction): Walk => ({ ...walk, path: [...walk.path, segment], direction });

  const expand = (surface: Surface, shape: Shape): Shape => (shape.kind === 'ref' ? (surface.exports.get(shape.name)?.shape ?? shape) : shape);

  const compareShapes = (walk: Walk, a: Shape, b: Shape): void => {
    if (a.kind === 'ref' && b.kind === 'ref' && a.name === b.name) return;
    const key = `${a.kind === 'ref' ? a.name : ''}|${b.kind === 'ref' ? b.name : ''}|${walk.path.join('.')}`;
    if ((a.kind === 'ref' || b.kind === 'ref') && comparing.has(key)) return;
    comparing.add(key);
    try {
      compareExpanded(walk, expand(old, a), expand(next, b));
    } finally {
      comparing.delete(key);
    }
  };

  const compareExpanded = (walk: Walk, a: Shape, b: Shape): void => {
    const before = a.kind === 'union' ? a.members : [a];
    const after = b.kind === 'union' ? b.members : [b];
    const keyOf = memberKeys(before, after);
    const oldKeys = before.map(keyOf);
    const newKeys = after.map(keyOf);
    const removed = before.filter((m, i) => !newKeys.includes(oldKeys[i]!) && !absorbs(after, m));
    const added = after.filter((m, j) => !oldKeys.includes(newKeys[j]!) && !absorbs(before, m));
    // Exports that differ by name only (a renamed schema) are the same member when their contents match.
    // oxlint-disable-next-line unicorn/no-useless-spread -- a copy: the loop splices `removed`
    for (const r of [...removed]) {
      const twin = added.find((m) => r.kind === 'ref' && m.kind === 'ref' && canonicalJson(expand(old, r)) === canonicalJson(expand(next, m)));
      if (twin) {
        removed.splice(removed.indexOf(r), 1);
        added.splice(added.indexOf(twin), 1);
      }
    }
    if (before.length === 1 && after.length === 1 && removed.length === 1 && added.length === 1) {
      report(walk, 'ts-type-changed', { from: describeShape(a), to: describeShape(b) });
      return;
    }
    for (const m of removed) report(walk, 'ts-union-member-removed', { what: describeShape(m) });
    for (const m of added) report(walk, 'ts-union-member-added', { what: describeShape(m) });
    before.forEach((m, i) => {
      const j = newKeys.indexOf(oldKeys[i]!);
      if (j >= 0) compareSame(walk, m, after[j]!);
    });
  };

  const compareSame = (walk: Walk, a: Shape, b: Shape): void => {
    if (a.kind === 'ref' || b.kind === 'ref') {
      compareShapes(walk, a, b);
    } else if (a.kind === 'object' && b.kind === 'object') {
      compareObjects(walk, a, b);
    } else if (a.kind === 'array' && b.kind === 'array') {
      compareShapes(at(walk, '[]'), a.element, b.element);
    } else if ((a.kind === 'named' && b.kind === 'named') || (a.kind === 'tuple' && b.kind === 'tuple')) {
      const argsA = a.kind === 'named' ? a.args : (a as { elements: readonly Shape[] }).elements;
      const argsB = b.kind === 'named' ? b.args : (b as { elements: readonly Shape[] }).elements;
      if (argsA.length !== argsB.length) report(walk, 'ts-type-changed', { from: describeShape(a), to: describeShape(b) });
      else argsA.forEach((arg, i) => compareShapes(argsA.length === 1 ? walk : at(walk, `<${i}>`), arg, argsB[i]!));
    }
  };

  const compareObjects = (walk: Walk, a: Extract<Shape, { kind: 'object' }>, b: Extract<Shape, { kind: 'object' }>): void => {
    for (const p of a.properties) {
      const q = b.properties.find((x) => x.name === p.name);
      const here = at(walk, memberSegment(p.name));
      if (!q) {
        report(here, 'ts-property-removed', { name: p.name });
        continue;
      }
      if (p.optional !== q.optional) report(here, q.optional ? 'ts-property-became-optional' : 'ts-property-became-required', { name: p.name });
      compareShapes(here, p.type, q.type);
    }
    for (const q of b.properties.filter((x) => !a.properties.some((p) => p.name === x.name))) {
      report(at(walk, memberSegment(q.name)), q.optional ? 'ts-property-added' : 'ts-required-property-added', { name: q.name });
    }
    compareSignatureLists(walk, a.calls, b.calls, '');
    compareSignatureLists(walk, a.constructs, b.constructs, 'new');
  };

  const compareSignatureLists = (walk: Walk, a: readonly SignatureShape[], b: readonly SignatureShape[], prefix: string): void => {
    a.forEach((signature, i) => {
      const other = b[i];
      const label = i === 0 ? prefix : `${prefix}#${i + 1}`;
      if (other) compareSignatures(label === '' ? walk : at(walk, label), signature, other);
      else report(walk, 'ts-type-changed', { from: `${a.length} signature(s)`, to: `${b.length} signature(s)` });
    });
    if (b.length > a.length && a.length > 0) report(walk, 'ts-type-changed', { from: `${a.length} signature(s)`, to: `${b.length} signature(s)` });
  };

  const compareSignatures = (walk: Walk, a: SignatureShape, b: SignatureShape): void => {
    const input = flip(walk.direction);
    const count = Math.max(a.parameters.length, b.parameters.length);
    for (let i = 0; i < count; i++) {
      const p = a.parameters[i];
      const q = b.parameters[i];
      const name = (q ?? p)!.name;
      const here = at(walk, `(${name})`, input);
      if (!q) report(here, 'ts-parameter-removed', { name });
      else if (!p) report(here, q.optional ? 'ts-parameter-added' : 'ts-required-parameter-added', { name });
      else {
        if (p.optional !== q.optional) report(here, q.optional ? 'ts-parameter-became-optional' : 'ts-parameter-became-required', { name });
        compareShapes(here, p.type, q.type);
      }
    }
    compareShapes(at(walk, '()'), a.returns, b.returns);
  };

  for (const name of names) {
    const a = old.exports.get(name);
    const b = next.exports.get(name);
    const walk: Walk = { exportName: name, exportKind: (b ?? a)!.kind, path: [], direction: directions.get(name) ?? 'both' };
    if (!a) report(walk, 'ts-export-added', { name });
    else if (!b) report(walk, 'ts-export-removed', { name });
    else if (a.kind !== b.kind && !(isTypeKind(a.kind) && isTypeKind(b.kind))) report(walk, 'ts-export-kind-changed', { name, from: a.kind, to: b.kind });
    else compareShapes(walk, a.shape, b.shape);
  }
  return findings;
}

/** `type X = {...}` and `interface X {...}` are used the same way. */
function isTypeKind(kind: ExportShape['kind']): boolean {
  return kind === 'type' || kind === 'interface';
}

function memberSegment(name: string): string {
  return name.startsWith('[key') ? '[key]' : name;
}

function flip(direction: Direction): Direction {
  return direction === 'request' ? 'response' : direction === 'response' ? 'request' : 'both';
}

/** Keys that identify union members across the two sides; objects (arrays) are one member when each side has one. */
/**
 * Union members of one generic name (`ErrorWith<NotFound, 404> | ErrorWith<Conflict, 409>`, an error
 * map's entry) are told apart by their literal type arguments (the status), or by all of them where
 * those do not tell them apart on either side; a name met once on each side is its own key. Before,
 * every such member had the name's key, so each was compared with the first of the other side: a
 * document diffed against itself reported its error statuses changed.
 */
function namedMemberKeys(before: readonly Shape[], after: readonly Shape[]): (shape: Extract<Shape, { kind: 'named' }>) => string {
  const literalKey = (shape: Extract<Shape, { kind: 'named' }>) => `named:${shape.name}:${canonicalJson(shape.args.filter((arg) => arg.kind === 'literal'))}`;
  const fullKey = (shape: Extract<Shape, { kind: 'named' }>) => `named:${shape.name}:${canonicalJson(shape.args)}`;
  const distinct = (members: readonly Shape[], name: string, key: (shape: Extract<Shape, { kind: 'named' }>) => string): boolean => {
    const keys = members.filter((m): m is Extract<Shape, { kind: 'named' }> => m.kind === 'named' && m.name === name).map(key);
    return new Set(keys).size === keys.length;
  };
  const count = (members: readonly Shape[], name: string) => members.filter((m) => m.kind === 'named' && m.name === name).length;
  return (shape) => {
    if (count(before, shape.name) <= 1 && count(after, shape.name) <= 1) return `named:${shape.name}`;
    return distinct(before, shape.name, literalKey) && distinct(after, shape.name, literalKey) ? literalKey(shape) : fullKey(shape);
  };
}

function memberKeys(before: readonly Shape[], after: readonly Shape[]): (shape: Shape) => string {
  const single = (kind: Shape['kind']) => before.filter((m) => m.kind === kind).length <= 1 && after.filter((m) => m.kind === kind).length <= 1;
  const singleObject = single('object');
  const singleArray = single('array');
  const namedKey = namedMemberKeys(before, after);
  return (shape) => {
    switch (shape.kind) {
      case 'primitive':
        return `primitive:${shape.name}`;
      case 'literal':
        return `literal:${shape.text}`;
      case 'ref':
        return `ref:${shape.name}`;
      case 'named':
        return namedKey(shape);
      case 'array':
        return singleArray ? 'array' : `array:${canonicalJson(shape.element)}`;
      case 'tuple':
        return 'tuple';
      case 'object':
        return singleObject ? 'object' : `object:${canonicalJson(shape)}`;
      case 'other':
        return `other:${shape.text}`;
      case 'union':
        return `union:${canonicalJson(shape)}`;
    }
  };
}

/** Whether a member is already admitted by a wider member on the other side (`"a"` by `string`). */
function absorbs(members: readonly Shape[], shape: Shape): boolean {
  if (members.some((m) => m.kind === 'primitive' && (m.name === 'any' || m.name === 'unknown'))) return true;
  if (shape.kind !== 'literal') return false;
  const primitive = shape.text.startsWith('"') ? 'string' : shape.text === 'true' || shape.text === 'false' ? 'boolean' : shape.text.endsWith('n') ? 'bigint' : 'number';
  return members.some((m) => m.kind === 'primitive' && m.name === primitive);
}
