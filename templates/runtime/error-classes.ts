import * as errors from './files/errors.ts';

/**
 * The runtime's error classes, read from runtime/files/errors.ts itself (not a copy of its list):
 * every exported class that is `ApiError` or extends it, with the statuses `errorClassFor` maps
 * to it. The package index exports them and each method's `@throws` lists them.
 */
export interface ErrorClass {
  readonly name: string;
  /** `400`, `>= 500`, or `` for a class no status maps to (connection failures, unreadable bodies). */
  readonly statuses: string;
}

export const errorClasses: readonly ErrorClass[] = Object.entries(errors as Record<string, unknown>)
  .flatMap(([name, value]) => (isErrorClass(value) ? [{ name, statuses: statusesOf(value) }] : []))
  // ApiError first, then by name in code-unit order: how a loader lists a module's exports varies.
  .sort((a, b) => (a.name === 'ApiError' ? -1 : b.name === 'ApiError' ? 1 : a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

function isErrorClass(value: unknown): value is errors.ApiErrorClass {
  return typeof value === 'function' && (value === errors.ApiError || value.prototype instanceof errors.ApiError);
}

/** The statuses `errorClassFor` maps to `Class` (other than ApiError's catch-all), in words. */
function statusesOf(Class: errors.ApiErrorClass): string {
  if (Class === errors.ApiError) return '';
  const statuses: number[] = [];
  for (let status = 100; status < 600; status++) if (errors.errorClassFor(status) === Class) statuses.push(status);
  if (statuses.length === 0) return '';
  const first = statuses[0]!;
  const last = statuses.at(-1)!;
  return statuses.length === 1 ? String(first) : last === 599 && statuses.length === 600 - first ? `>= ${first}` : statuses.join(', ');
}
