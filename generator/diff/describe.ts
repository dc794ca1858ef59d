import { compareStrings } from '../json.ts';
import { enumValues, type SchemaView } from './view.ts';

/** Short, one-line descriptions of schema parts for change messages. */

const MAX_VALUES = 6;
const MAX_TEXT = 60;

export function describeTypes(types: ReadonlySet<string> | undefined): string {
  if (!types) return 'any';
  if (types.size === 0) return 'nothing';
  return [...types].sort(compareStrings).join(' | ');
}

export function describeValue(value: unknown): string {
  if (value === undefined) return 'none';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 3)}...` : text;
}

export function describeValues(values: readonly unknown[]): string {
  const shown = values.slice(0, MAX_VALUES).map(describeValue).join(', ');
  return values.length > MAX_VALUES ? `${shown} and ${values.length - MAX_VALUES} more` : shown;
}

/** `string`, `string ("a", "b")`, `object {id, name}`, `VoiceIdsShared`, `null`. */
export function describeMember(view: SchemaView): string {
  if (view.ref) return view.ref;
  const values = enumValues(view.keywords);
  const types = describeTypes(view.types);
  if (values) return `${types === 'any' ? 'one of' : types} (${describeValues(values)})`;
  if (view.types?.has('object') && view.properties.size > 0) {
    const names = [...view.properties.keys()];
    return `object {${names.slice(0, MAX_VALUES).join(', ')}${names.length > MAX_VALUES ? ', ...' : ''}}`;
  }
  if (view.types?.has('array')) return 'array';
  return types;
}
