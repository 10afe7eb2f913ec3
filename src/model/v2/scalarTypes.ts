import type { DesignError } from '../model';
import type { PathSegment } from '../pointer';
import { toPointer } from '../pointer';
import { checkValueType } from '../valueTypes';
import { LIMITS_V2 } from './limits';
import type { ElementType, ScalarType } from './model';
import type { MapKeysJsonV2, ScalarTypeJsonV2, SetTypeJsonV2, ValueTypeJsonV2 } from './schema';

/** Version 2's scalar types as written: version 1's three plus `{ "id": "Role" }`, and sets of them (`{ "set": T }`). */

export interface RoleNames {
  readonly names: readonly string[];
  readonly instances: readonly number[];
}

/** The type, or null after reporting why it is not one. */
export function resolveScalar(json: ScalarTypeJsonV2 | SetTypeJsonV2, path: readonly PathSegment[], roles: RoleNames, errors: DesignError[]): ScalarType | null {
  if (typeof json === 'object' && 'set' in json) {
    const of = resolveElement(json.set, [...path, 'set'], roles, errors);
    if (of === null) return null;
    const n = sizeOf(of, roles);
    if (n > LIMITS_V2.setElements) {
      errors.push({ path: toPointer([...path, 'set']), code: 'set-too-large', message: `A set's elements are at most ${LIMITS_V2.setElements} values (it is held as one 31-bit mask); this type has ${n}. Narrow the type, or use a map from it to bool.` });
      return null;
    }
    return { kind: 'set', of };
  }
  return resolveElement(json, path, roles, errors);
}

/**
 * A map's keys: a role's name (its instances, the first form), `"bool"` (unless a role is called
 * so), an enum or an int range of at most `LIMITS_V2.mapKeys` values. Null after reporting.
 */
export function resolveKeys(json: MapKeysJsonV2, path: readonly PathSegment[], roles: RoleNames, errors: DesignError[]): ElementType | null {
  if (typeof json === 'string') {
    const r = roles.names.indexOf(json);
    if (r >= 0) return { kind: 'id', role: r };
    if (json === 'bool') return { kind: 'bool' };
    errors.push({ path: toPointer(path), code: 'unknown-role', message: `Unknown role "${json}"; a map's keys are a role's instances (${roles.names.join(', ')}), "bool", an enum or an int range.` });
    return null;
  }
  const keys = resolveElement(json, path, roles, errors);
  if (keys === null) return null;
  const n = sizeOf(keys, roles);
  if (n > LIMITS_V2.mapKeys) {
    errors.push({ path: toPointer(path), code: 'map-too-large', message: `A map has at most ${LIMITS_V2.mapKeys} keys (one slot each); this type has ${n}.` });
    return null;
  }
  return keys;
}

/**
 * Every key level of a var's type, outermost first (none for a plain var): at most
 * `LIMITS_V2.mapDepth` levels, at most `LIMITS_V2.mapKeys` entries in all (the product of the
 * levels' key counts: one slot each), checked before anything is sized. Null after reporting.
 */
export function mapKeyTypes(json: ValueTypeJsonV2, path: readonly PathSegment[], roles: RoleNames, errors: DesignError[]): ElementType[] | null {
  const out: ElementType[] = [];
  let at: PathSegment[] = [...path];
  let t: ValueTypeJsonV2 = json;
  let entries = 1;
  while (typeof t === 'object' && 'map' in t) {
    if (out.length === LIMITS_V2.mapDepth) {
      errors.push({ path: toPointer(at), code: 'map-too-deep', message: `Maps nest at most ${LIMITS_V2.mapDepth} deep (m[a][b][c]); this one goes deeper.` });
      return null;
    }
    const keys = resolveKeys(t.map.from, [...at, 'map', 'from'], roles, errors);
    if (keys === null) return null;
    entries *= sizeOf(keys, roles);
    if (entries > LIMITS_V2.mapKeys) {
      errors.push({ path: toPointer(path), code: 'map-too-large', message: `A map has at most ${LIMITS_V2.mapKeys} entries (one slot each; a nested map's are the product of its levels' key counts); this type has ${entries}${out.length > 0 ? ' or more' : ''}.` });
      return null;
    }
    out.push(keys);
    at = [...at, 'map', 'to'];
    t = t.map.to;
  }
  return out;
}

function resolveElement(json: ScalarTypeJsonV2, path: readonly PathSegment[], roles: RoleNames, errors: DesignError[]): ElementType | null {
  if (json === 'bool') return { kind: 'bool' };
  if ('id' in json) {
    const r = roles.names.indexOf(json.id);
    if (r < 0) {
      errors.push({ path: toPointer([...path, 'id']), code: 'unknown-role', message: `Unknown role "${json.id}"; an id type names one of the roles (${roles.names.join(', ')}).` });
      return null;
    }
    return { kind: 'id', role: r };
  }
  const before = errors.length;
  checkValueType(json, path, errors);
  if (errors.length > before) return null;
  if ('int' in json) {
    const [lo, hi] = json.int;
    if (hi - lo > LIMITS_V2.intSpan) {
      errors.push({ path: toPointer([...path, 'int']), code: 'range-too-wide', message: `The range [${lo}, ${hi}] spans more than 2^31 values; in version 2 an int's range must fit in 31 bits.` });
      return null;
    }
    return { kind: 'int', lo, hi };
  }
  return { kind: 'enum', values: json.enum };
}

/** Every value of the type, in encoding order. */
export function valuesOf(type: ScalarType, roles: RoleNames): number[] {
  switch (type.kind) {
    case 'bool':
      return [0, 1];
    case 'enum':
      return type.values.map((_, i) => i);
    case 'id':
      return Array.from({ length: roles.instances[type.role]! }, (_, i) => i);
    case 'int':
      return Array.from({ length: type.hi - type.lo + 1 }, (_, i) => type.lo + i);
    case 'set':
      return Array.from({ length: 2 ** sizeOf(type.of, roles) }, (_, i) => i);
  }
}

/** The position of a value among its type's values (a map entry's, a set element's bit): an int's distance from lo. */
export function positionOf(type: ElementType, value: number): number {
  return type.kind === 'int' ? value - type.lo : value;
}

/** How many values a type has (a set: every subset); a role's ids need only its instance counts. */
export function sizeOf(type: ScalarType, roles: { readonly instances: readonly number[] }): number {
  switch (type.kind) {
    case 'bool':
      return 2;
    case 'enum':
      return type.values.length;
    case 'id':
      return roles.instances[type.role]!;
    case 'int':
      return type.hi - type.lo + 1;
    case 'set':
      return 2 ** sizeOf(type.of, roles);
  }
}

/** Encodes a written value; an instance id is written `"RM[2]"`, or `"TM"` for a role with one instance. */
export function encodeScalar(type: ScalarType, value: unknown, roles: RoleNames): number | null {
  switch (type.kind) {
    case 'bool':
      return typeof value === 'boolean' ? (value ? 1 : 0) : null;
    case 'int':
      return typeof value === 'number' && Number.isInteger(value) && value >= type.lo && value <= type.hi ? value : null;
    case 'enum': {
      const i = typeof value === 'string' ? type.values.indexOf(value) : -1;
      return i >= 0 ? i : null;
    }
    case 'set': {
      // A list of distinct elements.
      if (!Array.isArray(value)) return null;
      let mask = 0;
      for (const x of value) {
        const e = encodeScalar(type.of, x, roles);
        if (e === null) return null;
        const bit = 2 ** positionOf(type.of, e);
        if (Math.floor(mask / bit) % 2 === 1) return null;
        mask += bit;
      }
      return mask;
    }
    case 'id': {
      if (typeof value !== 'string') return null;
      const name = roles.names[type.role]!;
      const count = roles.instances[type.role]!;
      if (value === name && count === 1) return 0;
      const m = /^([A-Za-z_][A-Za-z0-9_]*)\[([1-9][0-9]*)\]$/.exec(value);
      if (!m || m[1] !== name) return null;
      const k = Number(m[2]);
      return k <= count ? k - 1 : null;
    }
  }
}

export function showScalar(type: ScalarType, roles: RoleNames): string {
  switch (type.kind) {
    case 'bool':
      return 'true or false';
    case 'int':
      return `a whole number from ${type.lo} to ${type.hi}`;
    case 'enum':
      return `one of ${type.values.map((v) => `"${v}"`).join(', ')}`;
    case 'id': {
      const name = roles.names[type.role]!;
      const count = roles.instances[type.role]!;
      return count === 1 ? `"${name}" or "${name}[1]"` : `an instance written "${name}[1]" … "${name}[${count}]"`;
    }
    case 'set':
      return `a list of distinct elements, each ${showScalar(type.of, roles)}`;
  }
}

/** How a value is shown in labels and traces. */
export function formatScalar(type: ScalarType, value: number, roles: RoleNames): string {
  switch (type.kind) {
    case 'bool':
      return value ? 'true' : 'false';
    case 'int':
      return String(value);
    case 'enum':
      return type.values[value] ?? String(value);
    case 'id':
      return instanceName(roles.names[type.role]!, roles.instances[type.role]!, value);
    case 'set':
      return `{${elementsOf(type.of, value, roles).map((e) => formatScalar(type.of, e, roles)).join(', ')}}`;
  }
}

/** The elements of a set held as `mask`, in encoding order. */
export function elementsOf(of: ElementType, mask: number, roles: RoleNames): number[] {
  const out: number[] = [];
  const n = sizeOf(of, roles);
  for (let k = 0; k < n; k++) if (((mask >>> k) & 1) === 1) out.push(of.kind === 'int' ? of.lo + k : k);
  return out;
}

/** `RM[2]` (1-based), or just the role's name when it has one instance. */
export function instanceName(role: string, count: number, local: number): string {
  return count === 1 ? role : `${role}[${local + 1}]`;
}
