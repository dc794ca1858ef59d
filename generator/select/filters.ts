import type { OperationEntry } from '../openapi/operations.ts';

/**
 * Picks operations by one attribute. A string pattern matches exactly, or as a glob where `*`
 * matches any run of characters (`/realtime/*`); a RegExp (config files only) is tested as is.
 */
export interface OperationFilter {
  readonly by: 'path' | 'tag' | 'operationId';
  readonly pattern: string | RegExp;
}

/** `include: 'all'` takes every operation; otherwise an operation must match an include filter. Excludes win. */
export interface Selection {
  readonly include: 'all' | readonly OperationFilter[];
  readonly exclude: readonly OperationFilter[];
}

export function matchesFilter(operation: Pick<OperationEntry, 'path' | 'operationId' | 'tags'>, filter: OperationFilter): boolean {
  const test = compilePattern(filter.pattern);
  switch (filter.by) {
    case 'path':
      return test(operation.path);
    case 'operationId':
      return operation.operationId !== undefined && test(operation.operationId);
    case 'tag':
      return operation.tags.some(test);
  }
}

export function describeFilter(filter: OperationFilter): string {
  return `${filter.by} ${filter.pattern instanceof RegExp ? String(filter.pattern) : JSON.stringify(filter.pattern)}`;
}

function compilePattern(pattern: string | RegExp): (value: string) => boolean {
  if (pattern instanceof RegExp) return (value) => new RegExp(pattern.source, pattern.flags.replace('g', '')).test(value);
  if (!pattern.includes('*')) return (value) => value === pattern;
  const source = pattern
    .split('*')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  const regex = new RegExp(`^${source}$`);
  return (value) => regex.test(value);
}
