import type { Direction } from '../types.ts';
import type { Shape, Surface } from './shapes.ts';

/**
 * How each export is used by the package's callable API: only in parameters (request), only in
 * return values (response), or both. Classes and functions themselves are used by calling them,
 * as is anything nothing refers to (judged both ways).
 */
export function exportDirections(surfaces: readonly Surface[]): Map<string, Direction> {
  const uses = new Map<string, Set<'request' | 'response'>>();
  for (const surface of surfaces) {
    const visit = (shape: Shape, direction: 'request' | 'response', seen: Set<string>): void => {
      switch (shape.kind) {
        case 'ref': {
          const key = `${shape.name}|${direction}`;
          if (seen.has(key)) return;
          seen.add(key);
          uses.set(shape.name, (uses.get(shape.name) ?? new Set()).add(direction));
          const target = surface.exports.get(shape.name);
          if (target && target.kind !== 'class') visit(target.shape, direction, seen);
          return;
        }
        case 'union':
          return shape.members.forEach((m) => visit(m, direction, seen));
        case 'array':
          return visit(shape.element, direction, seen);
        case 'tuple':
          return shape.elements.forEach((m) => visit(m, direction, seen));
        case 'named':
          return shape.args.forEach((m) => visit(m, direction, seen));
        case 'object':
          shape.properties.forEach((p) => visit(p.type, direction, seen));
          for (const signature of [...shape.calls, ...shape.constructs]) {
            signature.parameters.forEach((p) => visit(p.type, direction === 'request' ? 'response' : 'request', seen));
            visit(signature.returns, direction, seen);
          }
          return;
        default:
          return;
      }
    };
    for (const exported of surface.exports.values()) {
      if (exported.kind === 'class' || exported.kind === 'function' || exported.kind === 'variable') visit(exported.shape, 'response', new Set());
    }
  }
  const directions = new Map<string, Direction>();
  for (const surface of surfaces) {
    for (const [name, exported] of surface.exports) {
      if (exported.kind === 'class' || exported.kind === 'function' || exported.kind === 'variable') {
        directions.set(name, 'response');
        continue;
      }
      const used = uses.get(name);
      directions.set(name, used?.size === 1 ? [...used][0]! : 'both');
    }
  }
  return directions;
}
