import type { ExprV2 } from '../../model/v2/expr/ast';
import type { ElementType, ModelV2, VarV2 } from '../../model/v2/model';
import { instanceName, sizeOf } from '../../model/v2/scalarTypes';

/**
 * What the TypeScript and Promela exporters share about sets and maps keyed by values
 * (docs/format-v2.md §2, §5): an element type's values in the engine's order (bit k of a set is
 * its k-th value, entry k of a map its k-th key), and which expressions are sets, typed as the
 * loader types them (`compile.ts`: the left operand decides, a literal takes the other side's type).
 */

/** How many values an element type has. */
export function elementCount(model: ModelV2, t: ElementType): number {
  return sizeOf(t, { instances: model.roles.map((r) => r.instances) });
}

/** The values of an element type in the engine's order, as plain values (what the TypeScript export holds). */
export function elementValues(model: ModelV2, t: ElementType): (string | number | boolean)[] {
  switch (t.kind) {
    case 'bool':
      return [false, true];
    case 'enum':
      return [...t.values];
    case 'id': {
      const r = model.roles[t.role]!;
      return Array.from({ length: r.instances }, (_, k) => instanceName(r.name, r.instances, k));
    }
    case 'int':
      return Array.from({ length: t.hi - t.lo + 1 }, (_, k) => t.lo + k);
  }
}

/** The elements of a set held as `mask`, as plain values in the type's order. */
export function maskValues(model: ModelV2, t: ElementType, mask: number): (string | number | boolean)[] {
  return elementValues(model, t).filter((_, k) => ((mask >>> k) & 1) === 1);
}

/** A map's keys as the property names the TypeScript export uses (the engine's view shows the same): an instance, `false`/`true`, an enum value, an int. */
export function keyNames(model: ModelV2, v: VarV2): string[] {
  return elementValues(model, v.keys!).map(String);
}

/** Whether a var is a map keyed by values (bool, an enum, an int range) rather than by a role's instances. */
export const keyedByValues = (v: VarV2): boolean => v.keys !== null && v.mapOf < 0;

/** What the set typing needs of an exporter's scope: the var an own name or a member names, and a bound name's element type. */
export interface SetScope {
  readonly model: ModelV2;
  /** The var `name` of the running instance (undefined: none, or a design invariant). */
  ownVar(name: string): VarV2 | undefined;
  /** The type of a scalar expression when it is an id, a bool or an enum value (null: an int, or not known). */
  valueType(node: ExprV2): ElementType | null;
  /** Whether `name` is bound by a quantifier here (a bound name is never a set). */
  bound(name: string): boolean;
}

/** `{a, b}`. */
export const isSetLiteral = (node: ExprV2): node is ExprV2 & { kind: 'call' } => node.kind === 'call' && node.fn === 'set';

/**
 * The element type of a set-valued expression, or null when it is not a set (or is a literal,
 * which takes its type from the other side: `want`).
 */
export function setElementOf(node: ExprV2, scope: SetScope, want: ElementType | null = null): ElementType | null {
  const setOfVar = (v: VarV2 | undefined, entry: boolean): ElementType | null => (v && v.type.kind === 'set' && (v.keys !== null) === entry ? v.type.of : null);
  switch (node.kind) {
    case 'name':
      return scope.bound(node.name) ? null : setOfVar(scope.ownVar(node.name), false);
    case 'member': {
      const r = roleOf(node.target, scope);
      return r < 0 ? null : setOfVar(scope.model.roles[r]!.vars.find((x) => x.name === node.name), false);
    }
    case 'index': {
      // `m[a][b]`: the entry of the nested map m (docs/format-v2.md §2), typed by m.
      let t = node.target;
      while (t.kind === 'index') t = t.target;
      if (t.kind === 'name' && !scope.bound(t.name)) return setOfVar(scope.ownVar(t.name), true);
      if (t.kind === 'member') {
        const r = roleOf(t.target, scope);
        return r < 0 ? null : setOfVar(scope.model.roles[r]!.vars.find((x) => x.name === t.name), true);
      }
      return null;
    }
    case 'call':
      return node.fn === 'set' ? want ?? literalElement(node, scope) : null;
    case 'binary':
      // Either side may be the one that types the other (a literal, or a `? :` or `+` of literals, is typed by the other side or by `want`).
      if (!['+', '-', '*'].includes(node.op)) return null;
      return setElementOf(node.left, scope, want) ?? setElementOf(node.right, scope, want);
    case 'conditional':
      return setElementOf(node.then, scope, want) ?? setElementOf(node.otherwise, scope, want);
    default:
      return null;
  }
}

const roleOf = (node: ExprV2, scope: SetScope): number => {
  const t = scope.valueType(node);
  return t?.kind === 'id' ? t.role : -1;
};

/** A literal typed by its elements when they are not ints (`{RM[1]}`, `{true}`, `{event.v}`); `{"a"}` and `{1}` need the other side. */
function literalElement(node: ExprV2 & { kind: 'call' }, scope: SetScope): ElementType | null {
  for (const a of node.args) {
    if (a.kind === 'bool') return { kind: 'bool' };
    const t = scope.valueType(a);
    if (t !== null) return t;
  }
  return null;
}

/**
 * The element type of the two sides of a set operation or comparison (`S + T`, `S <= T`,
 * `S == T`), or null when they are not sets: the left side's, or the right side's when the left
 * is typed by it (a literal, or a `? :` or `+ - *` of literals; the loader checked that both agree).
 */
export function pairElement(left: ExprV2, right: ExprV2, scope: SetScope): ElementType | null {
  return setElementOf(left, scope) ?? setElementOf(right, scope);
}
