/**
 * The public API of a generated package, reduced to what a consumer's code can depend on:
 * exported names, and for each a structural description of its type deep enough to see a
 * property become optional or a union gain a member.
 */

export type Shape =
  | { readonly kind: 'primitive'; readonly name: string }
  | { readonly kind: 'literal'; readonly text: string }
  | { readonly kind: 'union'; readonly members: readonly Shape[] }
  | {
      readonly kind: 'object';
      readonly properties: readonly PropertyShape[];
      readonly calls: readonly SignatureShape[];
      readonly constructs: readonly SignatureShape[];
    }
  | { readonly kind: 'array'; readonly element: Shape }
  | { readonly kind: 'tuple'; readonly elements: readonly Shape[] }
  /** Another export of the same package, compared where it is declared. */
  | { readonly kind: 'ref'; readonly name: string }
  /** A type from the standard library or a dependency (`Promise<T>`, `AbortSignal`): compared by name and arguments. */
  | { readonly kind: 'named'; readonly name: string; readonly args: readonly Shape[] }
  | { readonly kind: 'other'; readonly text: string };

export interface PropertyShape {
  /** The member name; `[key: string]` for an index signature. */
  readonly name: string;
  readonly optional: boolean;
  readonly type: Shape;
}

export interface ParameterShape {
  readonly name: string;
  readonly optional: boolean;
  readonly type: Shape;
}

export interface SignatureShape {
  readonly parameters: readonly ParameterShape[];
  readonly returns: Shape;
}

export type ExportKind = 'class' | 'interface' | 'type' | 'function' | 'variable' | 'enum' | 'namespace';

export interface ExportShape {
  readonly name: string;
  readonly kind: ExportKind;
  readonly shape: Shape;
}

export interface Surface {
  readonly exports: ReadonlyMap<string, ExportShape>;
}

/** One line: `string`, `"alloy"`, `VoiceIdsShared`, `Promise<...>`, `{ id, name }`. */
export function describeShape(shape: Shape): string {
  switch (shape.kind) {
    case 'primitive':
      return shape.name;
    case 'literal':
      return shape.text;
    case 'union':
      return shape.members.map(describeShape).join(' | ');
    case 'object': {
      const names = shape.properties.map((p) => p.name);
      if (names.length === 0 && shape.calls.length > 0) return 'function';
      return `{ ${names.slice(0, 6).join(', ')}${names.length > 6 ? ', ...' : ''} }`;
    }
    case 'array':
      return `${describeShape(shape.element)}[]`;
    case 'tuple':
      return `[${shape.elements.map(describeShape).join(', ')}]`;
    case 'ref':
      return shape.name;
    case 'named':
      return shape.args.length > 0 ? `${shape.name}<${shape.args.map(describeShape).join(', ')}>` : shape.name;
    case 'other':
      return shape.text;
  }
}
