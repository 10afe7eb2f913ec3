import type { Expr } from '../../model/ast';
import type { EventModel, Model, TransitionModel, ValueType, VarModel } from '../../model/model';
import type { ParsedDesign } from '../expressions';
import { someNode } from '../expressions';
import { tsKey, tsString } from './escape';
import type { RuntimeHelper } from './runtime';

/** What every section generator of the TypeScript module shares. */
export interface TsContext {
  readonly design: ParsedDesign;
  readonly model: Model;
  readonly zod: boolean;
  /** Runtime helpers referenced so far; only these are emitted. */
  readonly used: Set<RuntimeHelper>;
}

export function tsType(type: ValueType): string {
  switch (type.kind) {
    case 'int':
      return 'number';
    case 'bool':
      return 'boolean';
    case 'enum':
      return type.values.map(tsString).join(' | ');
  }
}

/** A value in the model's numeric encoding, as a TypeScript literal. */
export function tsValue(type: ValueType, value: number): string {
  switch (type.kind) {
    case 'int':
      return value < 0 ? `(${value})` : String(value);
    case 'bool':
      return value !== 0 ? 'true' : 'false';
    case 'enum':
      return tsString(type.values[value]!);
  }
}

/** `durable`, `volatile` or `ghost`: the record a var lives in. */
export function recordOf(v: VarModel): 'durable' | 'volatile' | 'ghost' {
  return v.storage;
}

export function varNamed(model: Model, name: string): VarModel {
  const found = model.vars.find((v) => v.name === name);
  if (!found) throw new Error(`bug: unknown var ${name}`);
  return found;
}

/** A record type, e.g. `{ readonly charges: number }`; `Record<never, never>` when empty. */
export function recordType(vars: readonly VarModel[]): string {
  if (vars.length === 0) return 'Record<never, never>';
  return `{\n${vars.map((v) => `  readonly ${tsKey(v.name)}: ${tsType(v.type)};`).join('\n')}\n}`;
}

/** Initial values of `vars` as an object literal. */
export function recordValue(vars: readonly VarModel[]): string {
  return `{ ${vars.map((v) => `${tsKey(v.name)}: ${tsValue(v.type, v.initial)}`).join(', ')} }`;
}

export function varsOf(model: Model, storage: VarModel['storage']): VarModel[] {
  return model.vars.filter((v) => v.storage === storage);
}

export function eventOf(model: Model, t: TransitionModel): EventModel | null {
  return t.event < 0 ? null : model.events[t.event]!;
}

export function readsField(expr: Expr | null): boolean {
  return expr !== null && someNode(expr, (e) => e.kind === 'field');
}

/** Reads a var of the given storage, or (for 'state') the state. */
export function readsRecord(model: Model, expr: Expr | null, storage: VarModel['storage'] | 'state'): boolean {
  if (expr === null) return false;
  return someNode(
    expr,
    (e) =>
      e.kind === 'name' &&
      (e.name === 'state' ? storage === 'state' : model.vars.find((v) => v.name === e.name)?.storage === storage),
  );
}

export function readsObservable(expr: Expr): boolean {
  return someNode(expr, (e) => e.kind === 'observable' || e.kind === 'crashes');
}

/** A parameter name, prefixed with `_` when the body does not read it (quiet under noUnusedParameters). */
export function param(name: string, used: boolean): string {
  return used ? name : `_${name}`;
}
