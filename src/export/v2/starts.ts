import type { ModelV2, RoleV2, ScalarType, VarV2 } from '../../model/v2/model';
import { instanceName } from '../../model/v2/scalarTypes';
import { tsDoc, tsKey, tsString } from '../typescript/escape';
import { idsConst, keyTs, mapKeyNames, mapLiteral, roleFile, scalarLiteral, scalarTs } from './names';
import { maskValues } from './sets';

/**
 * The choice of initial configuration (docs/format-v2.md §2, §8) as the generated code takes it.
 * An instance of a role that has several initial states or vars listing several initial values
 * chooses one of each: a `Start` (`{ state, vars }`), a parameter of `Instance.create` in the role
 * module. The design's initial configurations are the engine's `model.initials` (already filtered
 * by `initially`), written as each choosing instance's `Start` in `initial.ts`, in the checker's
 * order, so index K there is a check's `start` K (and the command line's `--start K+1`).
 */

/** The role's vars that list several initial values (volatile vars take one, §2). */
export const listedVars = (role: RoleV2): VarV2[] => role.vars.filter((v) => v.initials.length > 1);

/** Whether an instance of the role chooses how it starts. */
export const chooses = (role: RoleV2): boolean => role.initialStates.length > 1 || listedVars(role).length > 0;

/** Whether any role chooses: the export then has `initial.ts` and a start parameter. */
export const designChooses = (model: ModelV2): boolean => model.roles.some(chooses);

/** The file of the initial configurations. */
export const INITIAL_FILE = 'initial.ts';

/** A value of the engine's encoding as a plain value (what a `Start` holds at run time). */
export function scalarValue(model: ModelV2, type: ScalarType, value: number): string | number | boolean | (string | number | boolean)[] {
  switch (type.kind) {
    case 'int':
      return value;
    case 'bool':
      return value !== 0;
    case 'enum':
      return type.values[value]!;
    case 'id': {
      const r = model.roles[type.role]!;
      return instanceName(r.name, r.instances, value);
    }
    case 'set':
      return maskValues(model, type.of, value);
  }
}

/** `prefix`: how the module reaches the shared types (`P.` in a role module). */
function listedTs(model: ModelV2, v: VarV2, prefix: string): string {
  // A set is typed as any set of its elements (START_VALUES and checkStart say which).
  const one = v.type.kind === 'set' ? scalarTs(model, v.type, prefix) : v.initials.map((x) => scalarLiteral(model, v.type, x)).join(' | ');
  return v.keys !== null ? `Readonly<Record<${keyTs(model, v, prefix)}, ${one}>>` : one;
}

/**
 * The part of a role module that says how an instance may start: `INITIAL_STATES`, the `Start`
 * type, the values each listed var may take, `FIRST_START` (the first initial configuration's
 * choice) and `checkStart` (a `RangeError` naming what is not a choice). Empty for a role that
 * does not choose.
 */
export function startDeclarations(model: ModelV2, role: RoleV2): string {
  if (!chooses(role)) return '';
  const states = role.initialStates.map((k) => tsString(role.states[k]!.name));
  const vars = listedVars(role);
  const values = vars.map((v) => `  ${tsKey(v.name)}: [${v.initials.map((x) => scalarLiteral(model, v.type, x)).join(', ')}],`);
  const first = (v: VarV2): string => {
    const one = scalarLiteral(model, v.type, v.initials[0]!);
    return v.keys === null ? one : mapLiteral(model, v, one);
  };
  const checks = vars.map((v) => {
    const what = tsString(v.name);
    const allowed = `START_VALUES[${tsString(v.name)}]`;
    if (v.keys === null) return `  if (!oneOf(${allowed}, vars[${what}])) notAStart(self, ${what}, vars[${what}], ${allowed});`;
    const ids = v.mapOf >= 0 ? `P.${idsConst(model.roles[v.mapOf]!.name)}` : `[${mapKeyNames(model, v).map(tsString).join(', ')}]`;
    return `  const map${vars.indexOf(v)} = vars[${what}] as unknown;\n  if (typeof map${vars.indexOf(v)} !== 'object' || map${vars.indexOf(v)} === null) notAStart(self, ${what}, map${vars.indexOf(v)}, ${allowed});\n  for (const id of ${ids}) {\n    const entry = (map${vars.indexOf(v)} as Record<string, unknown>)[id];\n    if (!Object.prototype.hasOwnProperty.call(map${vars.indexOf(v)}, id) || !oneOf(${allowed}, entry)) notAStart(self, ${what} + '[' + id + ']', entry, ${allowed});\n  }`;
  });
  return [
    tsDoc('The initial states (docs/format-v2.md §2): each instance starts in one of them, its own choice.') +
      `export const INITIAL_STATES: readonly State[] = [${states.join(', ')}];`,
    tsDoc(
      'How one instance starts (docs/format-v2.md §2): its initial state and the value of each var that lists several initial values (a map: each entry its own). `Instance.create` takes it; the design\'s initial configurations (`initial.ts`) say which combinations of instances\' starts are initial.',
    ) +
      `export interface Start {\n  readonly state: ${states.join(' | ')};\n  readonly vars: {\n${vars.map((v) => `    readonly ${tsKey(v.name)}: ${listedTs(model, v, 'P.')};`).join('\n')}\n  };\n}`,
    tsDoc('The values each listed var may start with, in the design\'s order.') +
      `export const START_VALUES = {\n${values.join('\n')}\n} as const;`,
    tsDoc('The first initial state and the first listed values: where the simulator starts when `initially` allows it.') +
      `export const FIRST_START: Start = { state: ${states[0]!}, vars: { ${vars.map((v) => `${tsKey(v.name)}: ${first(v)}`).join(', ')} } };`,
    // A set is compared as its elements in the type's order (JSON), as the exported code holds it.
    vars.some((v) => v.type.kind === 'set')
      ? `function oneOf(allowed: readonly unknown[], value: unknown): boolean {\n  return allowed.some((a) => a === value || (Array.isArray(a) && JSON.stringify(a) === JSON.stringify(value)));\n}`
      : `function oneOf(allowed: readonly unknown[], value: unknown): boolean {\n  return allowed.some((a) => a === value);\n}`,
    `function notAStart(self: string, what: string, value: unknown, allowed: readonly unknown[]): never {\n  throw new RangeError(self + ': ' + what + ' cannot start as ' + JSON.stringify(value) + '; its initial choices are ' + allowed.map((a) => JSON.stringify(a)).join(', '));\n}`,
    tsDoc('`start` when it is one of this role\'s initial choices (checked at run time too, for callers outside the type system); else a `RangeError` that names the state or var.') +
      `export function checkStart(self: Id, start: Start): Start {\n  if (typeof start !== 'object' || start === null) throw new RangeError(self + ': a start is { state, vars }, not ' + JSON.stringify(start));\n  if (!oneOf(INITIAL_STATES, start.state)) notAStart(self, 'the state', start.state, INITIAL_STATES);\n  const vars = (start.vars ?? {}) as Record<string, unknown>;\n${checks.length ? checks.join('\n') : '  void vars;'}\n  return start;\n}`,
  ].join('\n\n');
}

/** A var's initial value in a role module's `initial…(start)`: from the start when it lists several. */
export function initialValueTs(v: VarV2, literal: string): string {
  return v.initials.length > 1 ? `start.vars[${tsString(v.name)}]` : literal;
}

/** One instance's start in a configuration, as a plain value (`{ state, vars }`). */
export function startOf(model: ModelV2, role: RoleV2, base: number, config: Float64Array): { state: string; vars: Record<string, unknown> } {
  // Built with \`Object.fromEntries\`, which keeps a var called \`__proto__\` an own key (an assignment would set the prototype).
  const vars = Object.fromEntries(
    listedVars(role).map((v) => {
      const at = (j: number) => scalarValue(model, v.type, config[base + v.offset + j]!);
      return [v.name, v.keys === null ? at(0) : Object.fromEntries(mapKeyNames(model, v).map((id, j) => [id, at(j)]))];
    }),
  );
  return { state: role.states[config[base + role.stateSlot]!]!.name, vars };
}

/** Every initial configuration: each choosing instance's start, by instance name. */
export function configurations(model: ModelV2): Record<string, { state: string; vars: Record<string, unknown> }>[] {
  return model.initials.map((config) =>
    Object.fromEntries(
      model.instances.flatMap((inst) => {
        const role = model.roles[inst.role]!;
        return chooses(role) ? [[inst.name, startOf(model, role, inst.base, config)]] : [];
      }),
    ),
  );
}

/** `initial.ts`: the typed initial configurations and `initialConfiguration(index)`. */
export function initialModule(model: ModelV2, literal: (value: unknown) => string, roleAlias: (index: number) => string): string {
  const choosing = model.roles.filter(chooses);
  const imports = choosing.map((r) => `import type * as ${roleAlias(r.index)} from ${tsString(`./${roleFile(r.name).replace(/\.ts$/, '')}`)};`);
  const members = model.instances.filter((i) => chooses(model.roles[i.role]!)).map((i) => `  readonly ${tsString(i.name)}: ${roleAlias(i.role)}.Start;`);
  const all = configurations(model);
  return `${tsDoc(`The initial configurations of "${model.name}" (docs/format-v2.md §2, §8), generated by Protocol Studio: how each instance whose role chooses starts, in the checker's order (index K is a check's \`start\` K, the command line's \`--start K+1\`). Only these combinations are initial: pass one instance's part to its \`Instance.create\`.`)}${imports.join('\n')}

/** One initial configuration: every choosing instance's \`Start\`, by instance name. */
export interface Configuration {
${members.join('\n')}
}

export const INITIAL_CONFIGURATIONS: readonly Configuration[] = [
${all.map((c) => `  ${literal(c)},`).join('\n')}
];

/** The initial configuration at \`index\` (0-based); a \`RangeError\` for any other number. */
export function initialConfiguration(index: number): Configuration {
  const found = Number.isInteger(index) ? INITIAL_CONFIGURATIONS[index] : undefined;
  if (found === undefined) throw new RangeError('initial configuration ' + String(index) + ': the design has ' + String(INITIAL_CONFIGURATIONS.length) + ', numbered 0 to ' + String(INITIAL_CONFIGURATIONS.length - 1));
  return found;
}
`;
}

