import type { ElementType, ModelV2, RoleV2, ScalarType, VarV2 } from '../../model/v2/model';
import { instanceName } from '../../model/v2/scalarTypes';
import { tsString } from '../typescript/escape';
import { elementValues, keyNames, maskValues } from './sets';

/**
 * Names the generated version-2 modules use. User identifiers never become TypeScript
 * identifiers on their own: type names carry a fixed prefix (`Id_RM`, `State_RM`, `Msg_Commit`),
 * so a role called `Promise` or `World` cannot shadow anything; user names otherwise appear only
 * as property keys (`tsKey`) and string literals (`tsString`).
 */

export const idType = (role: string): string => `Id_${role}`;
export const idsConst = (role: string): string => `IDS_${role}`;
export const stateType = (role: string): string => `State_${role}`;
export const viewType = (role: string): string => `View_${role}`;
export const varsType = (role: string): string => `Vars_${role}`;
export const messageType = (message: string): string => `Msg_${message}`;
export const receivedType = (role: string): string => `To_${role}`;
export const sentType = (role: string): string => `From_${role}`;

/** The file of the shared module, and of a role's module (a hyphen never occurs in an identifier). */
export const SHARED_FILE = 'protocol.ts';
export const roleFile = (role: string): string => `role-${role}.ts`;

export function instanceIds(_model: ModelV2, role: RoleV2): string[] {
  return Array.from({ length: role.instances }, (_, i) => instanceName(role.name, role.instances, i));
}

/** The TypeScript type of a scalar value. */
export function scalarTs(model: ModelV2, type: ScalarType, prefix = ''): string {
  switch (type.kind) {
    case 'int':
      return 'number';
    case 'bool':
      return 'boolean';
    case 'enum':
      return type.values.map(tsString).join(' | ');
    case 'id':
      return prefix + idType(model.roles[type.role]!.name);
    case 'set':
      // Its elements in the type's order (docs/format-v2.md §2; the runtime's `$set`).
      return `readonly (${scalarTs(model, type.of, prefix)})[]`;
  }
}

/** The TypeScript type of a map's keys as its record's properties: an instance, an enum value, `"false" | "true"`, an int. */
export function keyTs(model: ModelV2, v: VarV2, prefix = ''): string {
  return levelKeyTs(model, v.keys!, prefix);
}

/** The TypeScript type of one level's keys (a nested map's level, docs/format-v2.md §2). */
export function levelKeyTs(model: ModelV2, keys: ElementType, prefix = ''): string {
  if (keys.kind === 'bool') return '"false" | "true"';
  return keys.kind === 'int' ? 'number' : scalarTs(model, keys, prefix);
}

/** `prefix`: how the module reaches the shared types (`P.` in a role module). A nested map is a record of records, one per level. */
export function varTs(model: ModelV2, v: VarV2, prefix = ''): string {
  const scalar = scalarTs(model, v.type, prefix);
  return v.keys === null ? scalar : [v.keys, ...v.inner].reduceRight((inner, k) => `Record<${levelKeyTs(model, k, prefix)}, ${inner}>`, scalar);
}

/** A value of the engine's encoding as a TypeScript literal. */
export function scalarLiteral(model: ModelV2, type: ScalarType, value: number): string {
  switch (type.kind) {
    case 'int':
      return String(value);
    case 'bool':
      return value ? 'true' : 'false';
    case 'enum':
      return tsString(type.values[value]!);
    case 'id': {
      const r = model.roles[type.role]!;
      return tsString(instanceName(r.name, r.instances, value));
    }
    case 'set':
      return `[${maskValues(model, type.of, value).map((x) => (typeof x === 'string' ? tsString(x) : String(x))).join(', ')}]`;
  }
}

/** A property of an object literal: quoted, and `__proto__` computed (written plainly it would set the prototype). */
export const tsPropertyKey = (name: string): string => (name === '__proto__' ? `[${tsString(name)}]` : tsString(name));

/** A map's keys as its record's property names (an instance, an enum value, `false`/`true`, an int). */
export function mapKeyNames(model: ModelV2, v: VarV2): string[] {
  return v.mapOf >= 0 ? instanceIds(model, model.roles[v.mapOf]!) : keyNames(model, v);
}

/** One level's keys as property names (an instance, an enum value, `false`/`true`, an int). */
export function levelKeyNames(model: ModelV2, keys: ElementType): string[] {
  return elementValues(model, keys).map(String);
}

/** A map whose every entry is `one` (a literal); a nested map's every level written out. */
export function mapLiteral(model: ModelV2, v: VarV2, one: string): string {
  const levels = [v.keys!, ...v.inner];
  const level = (l: number): string => (l === levels.length ? one : `{ ${levelKeyNames(model, levels[l]!).map((k) => `${tsPropertyKey(k)}: ${level(l + 1)}`).join(', ')} }`);
  return level(0);
}

/** The initial value of a var (a map: every entry). */
export function initialLiteral(model: ModelV2, v: VarV2): string {
  const one = scalarLiteral(model, v.type, v.initial);
  return v.keys === null ? one : mapLiteral(model, v, one);
}
