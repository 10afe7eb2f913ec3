import type { ExprRole, ExprScope, NameInfo } from './expr/checker';
import { fromValueType, type Type } from './expr/types';
import type { Design } from './schema';
import { toValueType } from './valueTypes';

/**
 * The names a design's expressions resolve against: its vars, its states (the type of `state`),
 * its events and each event's payload fields. The first declaration of a duplicated name wins
 * (the semantic stage reports the duplicate). Built once per design by the compiler and by renames.
 */
export interface DesignNames {
  readonly vars: ReadonlyMap<string, NameInfo>;
  readonly stateType: Type & { kind: 'enum' };
  readonly events: ReadonlyMap<string, { index: number; client: boolean; source: string }>;
  /** Payload fields per event, by the event's index in `design.events`. */
  readonly fieldsOf: readonly ReadonlyMap<string, NameInfo>[];
  /** The scope of one expression: its role and the transition's event (or null). */
  scopeFor(role: ExprRole, event: ExprScope['event']): ExprScope;
}

export function designNames(design: Design): DesignNames {
  const vars = new Map<string, NameInfo>();
  design.vars.forEach((v, index) => {
    if (!vars.has(v.name)) vars.set(v.name, { index, type: fromValueType(toValueType(v.type), v.name) });
  });
  const stateType: Type & { kind: 'enum' } = { kind: 'enum', values: design.states.map((s) => s.name), owner: 'state', isState: true };
  const events = new Map<string, { index: number; client: boolean; source: string }>();
  const fieldsOf: Map<string, NameInfo>[] = design.events.map((e, index) => {
    if (!events.has(e.name)) events.set(e.name, { index, client: e.source === 'client', source: e.source });
    const fields = new Map<string, NameInfo>();
    e.payload?.forEach((f, i) => {
      if (!fields.has(f.name)) fields.set(f.name, { index: i, type: fromValueType(toValueType(f.type), `${e.name}.${f.name}`) });
    });
    return fields;
  });
  return { vars, stateType, events, fieldsOf, scopeFor: (role, event) => ({ vars, stateType, events, event, role }) };
}
