import { isObject, own } from '../json.ts';
import { followRef } from '../openapi/follow-ref.ts';
import { operationSecurity, suppliedParameters } from '../openapi/supplied-parameters.ts';
import { parametersOf, isRequired } from './compare-parameters.ts';
import type { DiffContext } from './context.ts';
import type { SideOperation } from './match-operations.ts';
import type { Place } from './sink.ts';

/** One argument of a generated method: its role, and how the signature shows it (`owner`, `body?`). */
interface Argument {
  readonly role: 'path' | 'body' | 'params' | 'options';
  readonly text: string;
}

/**
 * The generated method's arguments in order, as the default api template declares them
 * (template-api/signature.ts): each path parameter, `body` for a request body, `params` for the
 * parameters of the query, headers and cookies (those the client does not supply), then `options`.
 */
function methodArguments(document: DiffContext['old'], operation: SideOperation): Argument[] {
  const supplied = suppliedParameters(document, operationSecurity(document, operation.operation));
  const parameters = parametersOf(document, operation, supplied);
  const path = [...operation.path.matchAll(/\{([^}]*)\}/g)].map((m): Argument => ({ role: 'path', text: m[1]! }));
  const body = followRef(document, own(operation.operation, 'requestBody'), operation.pointer).value;
  const others = parameters.filter((p) => !p.key.startsWith('path '));
  return [
    ...path,
    ...(isObject(body) ? [{ role: 'body', text: own(body, 'required') === true ? 'body' : 'body?' } as const] : []),
    ...(others.length > 0 ? [{ role: 'params', text: others.some(isRequired) ? 'params' : 'params?' } as const] : []),
    { role: 'options', text: 'options?' },
  ];
}

/**
 * A method whose arguments are no longer in the same places: a `params` or `body` argument that
 * appears or goes moves every argument after it, so a call that passes `options` (or `params`)
 * stops compiling, or passes it as the wrong argument, even when each change on its own (an
 * optional parameter added) is not breaking. Reported once per method, with both argument lists.
 */
export function compareArguments(ctx: DiffContext, place: Place, old: SideOperation, next: SideOperation): void {
  const before = methodArguments(ctx.old, old);
  const after = methodArguments(ctx.new, next);
  const roles = (list: readonly Argument[]) => list.map((argument) => argument.role).join();
  if (roles(before) === roles(after)) return;
  const text = (list: readonly Argument[]) => list.map((argument) => argument.text).join(', ');
  ctx.sink.add('method-arguments-changed', place, { old: old.pointer, new: next.pointer }, { from: text(before), to: text(after) });
}
