import type * as TS from 'typescript';
import type { ExportKind, ExportShape, ParameterShape, PropertyShape, Shape, SignatureShape, Surface } from './shapes.ts';
import { compareStrings } from '../../json.ts';
import { inPackages } from './program.ts';

/**
 * openapi-typescript's whole-document interfaces. Every schema and operation in them is also
 * reachable through a named export or an API method, where changes are reported with a readable
 * path, so these are compared by name only.
 */
const BY_NAME_ONLY = new Set(['paths', 'components', 'operations', 'webhooks', '$defs']);

const MAX_DEPTH = 24;

/** The exported surface of one package entry (`src/index.ts`), read with the type checker. */
export function extractSurface(ts: typeof TS, program: TS.Program, checker: TS.TypeChecker, entry: TS.SourceFile | undefined): Surface {
  const exports = new Map<string, ExportShape>();
  const moduleSymbol = entry ? checker.getSymbolAtLocation(entry) : undefined;
  if (!moduleSymbol) return { exports };
  const symbols = checker.getExportsOfModule(moduleSymbol).map((symbol) => ({ name: symbol.name, target: symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol }));

  // Exported types, so a use of one elsewhere becomes a `ref` compared once, where it is declared:
  // by the text of a reference to it (`components["schemas"]["VoiceIdsShared"]` or its own name),
  // which is exact, and by type identity where no reference is written.
  const named: ExportIndex = { byType: new Map(), byText: new Map() };
  for (const { name, target } of [...symbols].sort((a, b) => compareStrings(a.name, b.name))) {
    if (!(target.flags & (ts.SymbolFlags.TypeAlias | ts.SymbolFlags.Interface | ts.SymbolFlags.Class)) || BY_NAME_ONLY.has(name)) continue;
    named.byText.set(name, name);
    const declaration = target.declarations?.[0];
    if (declaration && ts.isTypeAliasDeclaration(declaration)) named.byText.set(typeText(declaration.type), name);
    const type = checker.getDeclaredTypeOfSymbol(target);
    if (type.flags & (ts.TypeFlags.Object | ts.TypeFlags.Union | ts.TypeFlags.Intersection) && !named.byType.has(type)) named.byType.set(type, name);
  }
  const reader = new ShapeReader(ts, program, checker, named);
  for (const { name, target } of symbols) {
    const kind = exportKind(ts, target);
    if (BY_NAME_ONLY.has(name)) {
      exports.set(name, { name, kind, shape: { kind: 'other', text: name } });
    } else if (kind === 'class') {
      exports.set(name, { name, kind, shape: reader.classShape(target) });
    } else if (kind === 'type' || kind === 'interface') {
      exports.set(name, { name, kind, shape: reader.shape(checker.getDeclaredTypeOfSymbol(target), 0, true) });
    } else {
      exports.set(name, { name, kind, shape: reader.shape(checker.getTypeOfSymbol(target), 0, true) });
    }
  }
  return { exports };
}

interface ExportIndex {
  readonly byType: Map<TS.Type, string>;
  readonly byText: Map<string, string>;
}

function typeText(node: TS.TypeNode): string {
  return node.getText().replace(/\s+/g, '').replace(/'/g, '"');
}

function exportKind(ts: typeof TS, symbol: TS.Symbol): ExportKind {
  const flags = symbol.flags;
  if (flags & ts.SymbolFlags.Class) return 'class';
  if (flags & ts.SymbolFlags.Interface) return 'interface';
  if (flags & ts.SymbolFlags.TypeAlias) return 'type';
  if (flags & ts.SymbolFlags.Function) return 'function';
  if (flags & ts.SymbolFlags.Enum) return 'enum';
  if (flags & ts.SymbolFlags.Variable) return 'variable';
  return 'namespace';
}

class ShapeReader {
  readonly #ts: typeof TS;
  readonly #program: TS.Program;
  readonly #checker: TS.TypeChecker;
  readonly #named: ExportIndex;
  readonly #expanding = new Set<TS.Type>();

  constructor(ts: typeof TS, program: TS.Program, checker: TS.TypeChecker, named: ExportIndex) {
    this.#ts = ts;
    this.#program = program;
    this.#checker = checker;
    this.#named = named;
  }

  /** A class: its public instance members and its constructor signatures. */
  classShape(symbol: TS.Symbol): Shape {
    const instance = this.#checker.getDeclaredTypeOfSymbol(symbol);
    const statics = this.#checker.getTypeOfSymbol(symbol);
    return {
      kind: 'object',
      properties: this.#properties(instance, 0),
      calls: [],
      constructs: statics.getConstructSignatures().map((s) => this.#signature(s, 0)),
    };
  }

  /** `node` is the type as written, when there is one: a reference in it names the export exactly. */
  shape(type: TS.Type, depth: number, root = false, node?: TS.TypeNode): Shape {
    const ts = this.#ts;
    const checker = this.#checker;
    if (depth > MAX_DEPTH) return { kind: 'other', text: checker.typeToString(type) };
    if (!root) {
      const written = node && (ts.isTypeReferenceNode(node) || ts.isIndexedAccessTypeNode(node)) ? this.#named.byText.get(typeText(node)) : undefined;
      // Unions of literals are interned: an inline enum with the same values as an exported one is
      // the same type object, so identity only names unions that hold object types.
      const same = this.#named.byType.get(type);
      const name = written ?? (same !== undefined && !isLiteralUnion(ts, type) ? same : undefined);
      if (name !== undefined) return { kind: 'ref', name };
    }
    // Library types, and instantiations of generic types (`ApiPromise<T>`), are compared by name and
    // type arguments: expanding `ApiPromise<T>` would compare Promise's own members, and through
    // `then`'s callbacks T would look like data the caller provides.
    if (type.aliasSymbol && (this.#isExternal(type.aliasSymbol) || (type.aliasTypeArguments?.length ?? 0) > 0)) {
      return { kind: 'named', name: type.aliasSymbol.name, args: (type.aliasTypeArguments ?? []).map((t) => this.shape(t, depth + 1)) };
    }
    const f = type.flags;
    if (f & ts.TypeFlags.Boolean) return { kind: 'primitive', name: 'boolean' };
    if (f & ts.TypeFlags.Any) return { kind: 'primitive', name: 'any' };
    if (f & ts.TypeFlags.Unknown) return { kind: 'primitive', name: 'unknown' };
    if (f & ts.TypeFlags.String) return { kind: 'primitive', name: 'string' };
    if (f & ts.TypeFlags.Number) return { kind: 'primitive', name: 'number' };
    if (f & ts.TypeFlags.BigInt) return { kind: 'primitive', name: 'bigint' };
    if (f & ts.TypeFlags.Null) return { kind: 'primitive', name: 'null' };
    if (f & ts.TypeFlags.Undefined) return { kind: 'primitive', name: 'undefined' };
    if (f & ts.TypeFlags.Void) return { kind: 'primitive', name: 'void' };
    if (f & ts.TypeFlags.Never) return { kind: 'primitive', name: 'never' };
    if (f & ts.TypeFlags.NonPrimitive) return { kind: 'primitive', name: 'object' };
    if (f & (ts.TypeFlags.StringLiteral | ts.TypeFlags.NumberLiteral | ts.TypeFlags.BigIntLiteral | ts.TypeFlags.BooleanLiteral)) {
      return { kind: 'literal', text: checker.typeToString(type) };
    }
    if (type.isUnion()) {
      // Read a written union member by member, so `components["schemas"]["X"] | null` keeps its reference to X.
      if (node && ts.isUnionTypeNode(node)) {
        const written = node.types.map((member) => ({ member, type: checker.getTypeFromTypeNode(member) }));
        // Inside a generic declaration a written member may be a type parameter: use the instantiated union then.
        if (!written.some((w) => w.type.flags & ts.TypeFlags.TypeParameter)) {
          return this.#unionOf(written.map((w) => this.shape(w.type, depth + 1, false, w.member)));
        }
      }
      return this.#unionOf(type.types.map((t) => this.shape(t, depth + 1)));
    }
    if (this.#expanding.has(type)) return { kind: 'other', text: `recursive ${checker.typeToString(type)}` };
    this.#expanding.add(type);
    try {
      return this.#structured(type, depth);
    } finally {
      this.#expanding.delete(type);
    }
  }

  #unionOf(shapes: readonly Shape[]): Shape {
    const members = shapes.flatMap((m) => (m.kind === 'union' ? m.members : [m]));
    const hasTrue = members.some((m) => m.kind === 'literal' && m.text === 'true');
    const hasFalse = members.some((m) => m.kind === 'literal' && m.text === 'false');
    const merged: Shape[] = hasTrue && hasFalse ? [...members.filter((m) => !(m.kind === 'literal' && (m.text === 'true' || m.text === 'false'))), { kind: 'primitive', name: 'boolean' }] : members;
    return merged.length === 1 ? merged[0]! : { kind: 'union', members: merged };
  }

  #structured(type: TS.Type, depth: number): Shape {
    const ts = this.#ts;
    const checker = this.#checker;
    if (checker.isArrayType(type)) return { kind: 'array', element: this.shape(checker.getTypeArguments(type as TS.TypeReference)[0]!, depth + 1) };
    if (checker.isTupleType(type)) return { kind: 'tuple', elements: checker.getTypeArguments(type as TS.TypeReference).map((t) => this.shape(t, depth + 1)) };
    const symbol = type.getSymbol();
    const args = type.flags & ts.TypeFlags.Object && (type as TS.ObjectType).objectFlags & ts.ObjectFlags.Reference ? checker.getTypeArguments(type as TS.TypeReference) : [];
    if (symbol && (this.#isExternal(symbol) || args.length > 0)) {
      return { kind: 'named', name: symbol.name, args: args.map((t) => this.shape(t, depth + 1)) };
    }
    // `string & {}` is an open enum's "any string" (types/openapi-types.ts): for assignability it is `string`.
    if (type.flags & ts.TypeFlags.Intersection && (type as TS.IntersectionType).types.some((t) => t.flags & ts.TypeFlags.String)) return { kind: 'primitive', name: 'string' };
    if (!(type.flags & (ts.TypeFlags.Object | ts.TypeFlags.Intersection))) return { kind: 'other', text: checker.typeToString(type) };
    return {
      kind: 'object',
      properties: this.#properties(type, depth),
      calls: type.getCallSignatures().map((s) => this.#signature(s, depth)),
      constructs: type.getConstructSignatures().map((s) => this.#signature(s, depth)),
    };
  }

  #properties(type: TS.Type, depth: number): PropertyShape[] {
    const ts = this.#ts;
    const checker = this.#checker;
    const properties: PropertyShape[] = [];
    for (const property of checker.getPropertiesOfType(type)) {
      // A member the standard library declares (an array's `splice`, `[Symbol.iterator]`, where
      // openapi-typescript writes `string[] & { ... }`) is no member the spec made.
      if (!this.#isPublic(property) || this.#isExternal(property)) continue;
      const optional = (property.flags & ts.SymbolFlags.Optional) !== 0;
      const shape = this.shape(this.#declaredType(property), depth + 1, false, this.#typeNode(property));
      properties.push({ name: property.name, optional, type: optional ? withoutUndefined(shape) : shape });
    }
    for (const info of checker.getIndexInfosOfType(type)) {
      if (info.declaration && this.#declaredOutside(info.declaration)) continue;
      properties.push({ name: `[key: ${checker.typeToString(info.keyType)}]`, optional: false, type: this.shape(info.type, depth + 1) });
    }
    return properties;
  }

  #signature(signature: TS.Signature, depth: number): SignatureShape {
    const ts = this.#ts;
    const parameters: ParameterShape[] = signature.getParameters().map((parameter) => {
      const declaration = parameter.valueDeclaration;
      const optional = declaration !== undefined && ts.isParameter(declaration) && (declaration.questionToken !== undefined || declaration.initializer !== undefined || declaration.dotDotDotToken !== undefined);
      const shape = this.shape(this.#declaredType(parameter), depth + 1, false, this.#typeNode(parameter));
      return { name: parameter.name, optional, type: optional ? withoutUndefined(shape) : shape };
    });
    return { parameters, returns: this.#narrowed(signature) ?? this.shape(signature.getReturnType(), depth + 1) };
  }

  /**
   * What a type predicate narrows to (`error is Errors[M]`, an API class's `isError`), which reaches
   * the caller as a result does: the export indexed by a type parameter reads as that export. So an
   * error map is judged as a response: a method added to it adds a member the caller reads (before,
   * nothing named it, so it was judged both ways and each new operation was a breaking change).
   */
  #narrowed(signature: TS.Signature): Shape | undefined {
    const ts = this.#ts;
    const written = signature.declaration?.type;
    if (!written || !ts.isTypePredicateNode(written) || !written.type) return undefined;
    const target = ts.isIndexedAccessTypeNode(written.type) && ts.isTypeReferenceNode(written.type.objectType) ? this.#named.byText.get(typeText(written.type.objectType)) : undefined;
    return target === undefined ? undefined : { kind: 'ref', name: target };
  }

  /** The member's type, instantiated (a member inherited from `Base<string>` has `string`, not `T`). */
  #declaredType(symbol: TS.Symbol): TS.Type {
    return this.#checker.getTypeOfSymbol(symbol);
  }

  /**
   * The type as written, used to name exports: for an optional member the checker's type adds
   * `undefined`, a new union that no longer is the export's type, so `detail?: FileInputDetail`
   * reads as a reference to FileInputDetail only through what is written.
   */
  #typeNode(symbol: TS.Symbol): TS.TypeNode | undefined {
    const ts = this.#ts;
    const declaration = symbol.valueDeclaration ?? symbol.declarations?.[0];
    return declaration && (ts.isPropertySignature(declaration) || ts.isPropertyDeclaration(declaration) || ts.isParameter(declaration)) ? declaration.type : undefined;
  }

  /** Public members only: no `#private` fields, no `private`/`protected` members. */
  #isPublic(symbol: TS.Symbol): boolean {
    const ts = this.#ts;
    if (symbol.name.startsWith('#') || symbol.escapedName.toString().startsWith('__#')) return false;
    const declaration = symbol.valueDeclaration ?? symbol.declarations?.[0];
    if (!declaration) return true;
    if (ts.isPropertyDeclaration(declaration) && ts.isPrivateIdentifier(declaration.name)) return false;
    return (ts.getCombinedModifierFlags(declaration) & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected)) === 0;
  }

  /** Declared in the standard library or a dependency: compared by name, not expanded. */
  #isExternal(symbol: TS.Symbol): boolean {
    const declarations = symbol.declarations ?? [];
    return declarations.length > 0 && declarations.every((d) => this.#declaredOutside(d));
  }

  /** Whether a declaration is in the standard library or a dependency (not in the packages compared, wherever the toolkit is installed). */
  #declaredOutside(declaration: TS.Declaration): boolean {
    const file = declaration.getSourceFile();
    if (inPackages(file.fileName)) return false;
    return this.#program.isSourceFileDefaultLibrary(file) || this.#program.isSourceFileFromExternalLibrary(file) || file.fileName.includes('/node_modules/');
  }
}

/** An optional member's type without the `undefined` its optionality adds (optionality is compared on its own). */
function withoutUndefined(shape: Shape): Shape {
  if (shape.kind !== 'union') return shape;
  const kept = shape.members.filter((m) => !(m.kind === 'primitive' && m.name === 'undefined'));
  return kept.length === 1 ? kept[0]! : { kind: 'union', members: kept };
}

function isLiteralUnion(ts: typeof TS, type: TS.Type): boolean {
  return type.isUnion() && type.types.every((t) => (t.flags & ts.TypeFlags.Object) === 0);
}
