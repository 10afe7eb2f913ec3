import type { ValueType } from '../model';

/**
 * The checker's types (MODEL.md §2): int, bool, and enums. An enum type remembers whose it is
 * (`owner`: a var, a payload field, or `state`) for messages. Two enums are the same type when
 * both or neither are the state enum and their values are equal in order, so a payload field
 * declared with a var's values can be assigned to it (same encoding, same meaning).
 */
export type Type =
  | { readonly kind: 'int' }
  | { readonly kind: 'bool' }
  | { readonly kind: 'enum'; readonly values: readonly string[]; readonly owner: string; readonly isState: boolean };

export const INT: Type = { kind: 'int' };
export const BOOL: Type = { kind: 'bool' };

export function fromValueType(type: ValueType, owner: string): Type {
  switch (type.kind) {
    case 'int':
      return INT;
    case 'bool':
      return BOOL;
    case 'enum':
      return { kind: 'enum', values: type.values, owner, isState: false };
  }
}

export function toValueType(type: Type): ValueType {
  switch (type.kind) {
    case 'int':
      return { kind: 'int', lo: -(2 ** 53), hi: 2 ** 53 };
    case 'bool':
      return { kind: 'bool' };
    case 'enum':
      return { kind: 'enum', values: type.values };
  }
}

export function sameType(a: Type, b: Type): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind !== 'enum' || b.kind !== 'enum') return true;
  return a.isState === b.isState && a.values.length === b.values.length && a.values.every((v, i) => v === b.values[i]);
}

/** "an int", "a bool", "a value of state", "a value of mode". */
export function showType(type: Type): string {
  switch (type.kind) {
    case 'int':
      return 'an int';
    case 'bool':
      return 'a bool';
    case 'enum':
      return type.isState ? 'a state name' : `a value of the enum of ${type.owner}`;
  }
}
