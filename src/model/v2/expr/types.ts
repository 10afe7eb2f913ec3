import type { ElementType, ScalarType } from '../model';

/**
 * Types of version-2 expressions: int, bool, enums (a role's states are an enum of their own),
 * and instance ids of a role. Two enums are one type when both or neither are state enums and
 * their values are equal in order (version 1's rule); two id types when they name one role.
 */
export type TypeV2 =
  | { readonly kind: 'int' }
  | { readonly kind: 'bool' }
  | { readonly kind: 'enum'; readonly values: readonly string[]; readonly owner: string; readonly isState: boolean }
  | { readonly kind: 'id'; readonly role: number; readonly roleName: string }
  /** A set (a bitmask): `of` its elements' type, `element` their exact type (an int set's range fixes its bits). */
  | { readonly kind: 'set'; readonly of: TypeV2; readonly element: ElementType };

export const INT: TypeV2 = { kind: 'int' };
export const BOOL: TypeV2 = { kind: 'bool' };

export function sameTypeV2(a: TypeV2, b: TypeV2): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'id' && b.kind === 'id') return a.role === b.role;
  if (a.kind === 'set' && b.kind === 'set') return sameTypeV2(a.of, b.of) && sameElement(a.element, b.element);
  if (a.kind !== 'enum' || b.kind !== 'enum') return true;
  return a.isState === b.isState && a.values.length === b.values.length && a.values.every((v, i) => v === b.values[i]);
}

export function showTypeV2(type: TypeV2): string {
  switch (type.kind) {
    case 'int':
      return 'an int';
    case 'bool':
      return 'a bool';
    case 'enum':
      // The values are shown: two enums of one name (a var and a payload field) differ by them.
      return type.isState ? `a state of ${type.owner}` : `a value of the enum of ${type.owner} (${type.values.map((v) => `"${v}"`).join(', ')})`;
    case 'id':
      return `an instance of ${type.roleName}`;
    case 'set':
      return `a set of ${type.element.kind === 'int' ? `ints from ${type.element.lo} to ${type.element.hi}` : showTypeV2(type.of).replace(/^an? /, '')}`;
  }
}

function sameElement(a: ElementType, b: ElementType): boolean {
  if (a.kind === 'int' && b.kind === 'int') return a.lo === b.lo && a.hi === b.hi;
  return a.kind === b.kind;
}

/** A set of `element`s. */
export function setOf(element: ElementType, owner: string, roleNames: readonly string[]): TypeV2 {
  return { kind: 'set', of: fromScalar(element, owner, roleNames), element };
}

export function fromScalar(type: ScalarType, owner: string, roleNames: readonly string[]): TypeV2 {
  switch (type.kind) {
    case 'int':
      return INT;
    case 'bool':
      return BOOL;
    case 'enum':
      return { kind: 'enum', values: type.values, owner, isState: false };
    case 'id':
      return { kind: 'id', role: type.role, roleName: roleNames[type.role]! };
    case 'set':
      return setOf(type.of, owner, roleNames);
  }
}
