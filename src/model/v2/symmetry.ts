import type { DesignError } from '../model';
import { toPointer, type PathSegment } from '../pointer';
import { initialValues, mapLevels, type DesignV2 } from './schema';

/**
 * The design key `symmetry` (docs/format-v2.md §18): roles whose instances are
 * interchangeable and sets of enum values that are, so the explorer may keep one configuration per
 * class of configurations that differ only by a permutation of them. Checked here: names, sizes, and
 * what would make the reduction unsound and can be seen in the design (an expression that tells a
 * symmetric role's instances apart by number; an enum type holding some values of a symmetric set
 * but not all). The engine permutes (`src/engine/v2/symmetry.ts`).
 */

export interface SymmetryV2 {
  /** Indices of the roles whose instances are interchangeable (two or more instances each). */
  readonly roles: readonly number[];
  /** Sets of enum values that are interchangeable, each as written (two or more values). */
  readonly values: readonly (readonly string[])[];
}

/** Permutations of one configuration tried at most (the product over the roles and value sets of n!). */
export const MAX_SYMMETRY_PERMUTATIONS = 5040;

/** Where an expression numbers the instances of a role (compile.ts `numbersInstancesOf`). */
export interface InstanceNumbering {
  readonly path: string;
  readonly role: number;
}

/** Every enum type written in the design (vars, map values, payloads, replies), by its values. */
function enumTypes(design: DesignV2): { readonly path: PathSegment[]; readonly values: readonly string[] }[] {
  const out: { path: PathSegment[]; values: readonly string[] }[] = [];
  const walk = (value: unknown, path: PathSegment[]): void => {
    if (Array.isArray(value)) {
      value.forEach((v, i) => walk(v, [...path, i]));
      return;
    }
    if (value === null || typeof value !== 'object') return;
    const record = value as Record<string, unknown>;
    if (Array.isArray(record['enum']) && record['enum'].every((v) => typeof v === 'string')) {
      out.push({ path, values: record['enum'] as string[] });
      return;
    }
    for (const [k, v] of Object.entries(record)) if (k !== 'layout') walk(v, [...path, k]);
  };
  walk(design.roles, ['roles']);
  walk(design.messages ?? [], ['messages']);
  return out;
}

/**
 * Initial values must not single out an instance or a value: a var of a symmetric role's id type
 * lists every instance as its initial values (each instance's var then starts at any of them), and
 * a var whose enum type holds a symmetric set starts at none of its values or lists all of them.
 */
function initialErrors(design: DesignV2, roleNames: readonly string[], instances: readonly number[], roles: readonly number[], values: readonly (readonly string[])[], err: (path: PathSegment[], code: string, message: string) => void): void {
  design.roles.forEach((role, i) => {
    (role.vars ?? []).forEach((v, k) => {
      const type = mapLevels(v.type).leaf;
      const path: PathSegment[] = ['roles', i, 'vars', k, 'initial'];
      if (typeof type === 'object' && 'set' in type) {
        setInitialErrors(`${role.name}.${v.name}`, type.set, initialValues(v.type, v.initial).values, path, roleNames, instances, roles, values, err);
        return;
      }
      const initials = initialValues(v.type, v.initial).values.map(String);
      if (typeof type === 'object' && 'id' in type) {
        const r = roleNames.indexOf(type.id);
        if (!roles.includes(r)) return;
        const all = Array.from({ length: instances[r]! }, (_, j) => `${type.id}[${j + 1}]`);
        if (all.some((name) => !initials.includes(name))) err(path, 'symmetry-unsound', `${role.name}.${v.name} starts at ${initials.join(', ')}: that singles out ${type.id} instances, which "symmetry" says are interchangeable. List every instance as initial values (${JSON.stringify(all)}), or drop ${type.id} from "symmetry".`);
      }
      if (typeof type === 'object' && 'enum' in type) {
        for (const set of values) {
          const inSet = set.filter((x) => initials.includes(x));
          if (inSet.length > 0 && inSet.length < set.length) err(path, 'symmetry-unsound', `${role.name}.${v.name} starts at ${inSet.join(', ')} but not at ${set.filter((x) => !initials.includes(x)).join(', ')}, which "symmetry" says are interchangeable with it. Start at a value outside the set (such as "none"), list them all, or drop the set from "symmetry".`);
        }
      }
    });
  });
}

/**
 * A set's initial values must not single out an instance or a value either: each initial set holds
 * every instance of a symmetric role or none, and of each symmetric value set all values or none.
 */
function setInitialErrors(name: string, of: unknown, initials: readonly unknown[], path: PathSegment[], roleNames: readonly string[], instances: readonly number[], roles: readonly number[], values: readonly (readonly string[])[], err: (path: PathSegment[], code: string, message: string) => void): void {
  const sets = initials.filter((x): x is unknown[] => Array.isArray(x)); // anything else is a bad-initial of its own
  const groups: string[][] = [];
  if (typeof of === 'object' && of !== null && 'id' in of) {
    const r = roleNames.indexOf(String((of as { id: string }).id));
    if (roles.includes(r)) groups.push(Array.from({ length: instances[r]! }, (_, j) => `${roleNames[r]}[${j + 1}]`));
  }
  if (typeof of === 'object' && of !== null && 'enum' in of) groups.push(...values.map((x) => [...x]));
  for (const set of sets) {
    const held = set.map(String);
    for (const group of groups) {
      const inSet = group.filter((x) => held.includes(x));
      if (inSet.length > 0 && inSet.length < group.length) err(path, 'symmetry-unsound', `${name} starts holding ${inSet.join(', ')} but not ${group.filter((x) => !held.includes(x)).join(', ')}, which "symmetry" says are interchangeable. Start with all of them or none, or drop them from "symmetry".`);
    }
  }
}

/** Entries of the tables that move a symmetric set's bits, over all permutations: 2^elements each. */
export const MAX_SET_TABLE_ENTRIES = 2 ** 22;

const factorial = (n: number): number => (n <= 1 ? 1 : n * factorial(n - 1));

/** The key resolved against the design, or null (none, or errors pushed). */
export function resolveSymmetry(design: DesignV2, roleNames: readonly string[], instances: readonly number[], numberings: readonly InstanceNumbering[], errors: DesignError[]): SymmetryV2 | null {
  const key = design.symmetry;
  if (key === undefined) return null;
  const err = (path: PathSegment[], code: string, message: string): void => {
    errors.push({ path: toPointer(path), code, message });
  };
  const before = errors.length;
  const roles: number[] = [];
  let permutations = 1;
  (key.roles ?? []).forEach((name, k) => {
    const r = roleNames.indexOf(name);
    if (r < 0) return err(['symmetry', 'roles', k], 'unknown-role', `"${name}" is no role of this design (roles: ${roleNames.join(', ')}).`);
    if (roles.includes(r)) return err(['symmetry', 'roles', k], 'duplicate-name', `"${name}" is already listed.`);
    roles.push(r);
    permutations *= factorial(instances[r]!);
    for (const path of new Set(numberings.filter((n) => n.role === r).map((n) => n.path))) {
      err(['symmetry', 'roles', k], 'symmetry-unsound', `${name}'s instances are not interchangeable: the expression at ${path} tells them apart by number (index(i), ${name}[k] or ${name}[e]). Quantify instead (forall x in ${name}: …, exists x in ${name}: …), or drop ${name} from "symmetry".`);
    }
  });
  const types = enumTypes(design);
  const values: string[][] = [];
  const seen = new Set<string>();
  (key.values ?? []).forEach((set, k) => {
    const path: PathSegment[] = ['symmetry', 'values', k];
    if (set.length < 2) return err(path, 'symmetry-too-small', 'A set of interchangeable values lists at least two values.');
    for (const v of set) {
      if (seen.has(v)) return err(path, 'duplicate-name', `"${v}" is listed twice in "symmetry".`);
      seen.add(v);
    }
    const holders = types.filter((t) => set.some((v) => t.values.includes(v)));
    if (holders.length === 0) return err(path, 'unknown-value', `No enum type of this design holds ${set.map((v) => `"${v}"`).join(', ')}.`);
    for (const t of holders) {
      const missing = set.filter((v) => !t.values.includes(v));
      if (missing.length) return err(path, 'symmetry-unsound', `The enum type at ${toPointer(t.path)} holds some of these values but not ${missing.map((v) => `"${v}"`).join(', ')}: permuting them would leave its type. Every enum type holding one of them must hold them all.`);
    }
    values.push([...set]);
    permutations *= factorial(set.length);
  });
  if (errors.length === before) initialErrors(design, roleNames, instances, roles, values, err);
  if (roles.length === 0 && values.length === 0 && errors.length === before) err(['symmetry'], 'symmetry-empty', '"symmetry" names no role and no values: list "roles", "values" or both, or drop the key.');
  if (errors.length === before) {
    design.roles.forEach((role, i) => (role.vars ?? []).forEach((v, k) => {
      const { keys, leaf: type } = mapLevels(v.type);
      if (typeof type !== 'object' || !('set' in type) || typeof type.set !== 'object') return;
      const of = type.set;
      const n = 'id' in of && roles.includes(roleNames.indexOf(of.id)) ? instances[roleNames.indexOf(of.id)]! : 'enum' in of && values.some((set) => set.some((x) => of.enum.includes(x))) ? of.enum.length : 0;
      if (n > 0 && 2 ** n * permutations > MAX_SET_TABLE_ENTRIES) {
        const at: PathSegment[] = ['roles', i, 'vars', k, 'type', ...keys.flatMap(() => ['map', 'to'])];
        err(at, 'symmetry-too-large', `${role.name}.${v.name} is a set of ${n} values that "symmetry" permutes: moving its elements takes a table of 2^${n} masks per permutation (${permutations}), beyond ${MAX_SET_TABLE_ENTRIES} entries. Use fewer values, or drop them from "symmetry".`);
      }
    }));
  }
  if (permutations > MAX_SYMMETRY_PERMUTATIONS) err(['symmetry'], 'too-many', `"symmetry" allows ${permutations} permutations of a configuration (the product of n! over its roles and value sets); at most ${MAX_SYMMETRY_PERMUTATIONS} are tried (7 interchangeable instances, or 5 and 3 values).`);
  return errors.length === before ? { roles, values } : null;
}
