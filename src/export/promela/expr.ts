import type { Expr } from '../../model/ast';
import { checkExpression, type ExprRole, type ExprScope, type NameInfo } from '../../model/expr/checker';
import { parseExpression } from '../../model/expr/parser';
import { BOOL, fromValueType, INT, type Type } from '../../model/expr/types';
import type { CompiledExpr, EventModel, Model, ValueType } from '../../model/model';

/**
 * Expressions in Promela (MODEL.md §2). Each tree becomes two Promela expressions over the
 * model's globals: its value, and `fails`, true exactly when evaluating it divides by zero
 * (the only evaluation error left once `bounds` has shown every value fits a 32-bit int).
 * Both keep the model's left-to-right short-circuit: an operand that cannot change the result
 * is neither evaluated nor able to fail. Names become slots, never user text.
 */

/** How names read in one place: bare names before a step, primed after it, the processed payload. */
export interface PromelaScope {
  readonly variable: (index: number, primed: boolean) => string;
  readonly state: (primed: boolean) => string;
  /** Payload field `index` of the request being processed. */
  readonly field: (index: number) => string;
  readonly observable: (which: 'sent' | 'acked' | 'failed' | 'ambiguous', event: number, primed: boolean) => string;
  readonly crashes: (primed: boolean) => string;
}

export interface PromelaExpr {
  readonly value: string;
  /** `0` when the expression cannot fail. */
  readonly fails: string;
}

/** The largest magnitude a Promela `int` holds. */
export const INT32 = 2 ** 31 - 1;

/** Thrown when a design cannot be encoded in Promela faithfully (values beyond 32 bits). */
export class PromelaLimit extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PromelaLimit';
  }
}

/** The checker's scope for an expression of the model (to resolve quoted enum values and state names). */
function checkerScope(model: Model, role: ExprRole, event: EventModel | 'restart' | null): ExprScope {
  const vars = new Map<string, NameInfo>(model.vars.map((v) => [v.name, { index: v.index, type: fromValueType(v.type, v.name) }]));
  const events = new Map(model.events.map((e) => [e.name, { index: e.index, client: e.source === 'client', source: e.source }] as const));
  const fields = (e: EventModel) => new Map<string, NameInfo>(e.payload.map((f) => [f.name, { index: f.index, type: fromValueType(f.type, `${e.name}.${f.name}`) }]));
  return {
    vars,
    stateType: { kind: 'enum', values: model.states.map((s) => s.name), owner: 'state', isState: true },
    events,
    event: event === null || event === 'restart' ? event : { name: event.name, fields: fields(event) },
    role,
  };
}

export interface ExprContext {
  readonly model: Model;
  readonly role: ExprRole;
  /** The transition's event, `restart`, or null outside transitions. */
  readonly event: EventModel | 'restart' | null;
  /** The type the place expects (bool, or the updated var's type). */
  readonly expected: Type;
}

export function boolContext(model: Model, role: ExprRole, event: EventModel | 'restart' | null): ExprContext {
  return { model, role, event, expected: BOOL };
}

export function varContext(model: Model, event: EventModel | 'restart' | null, type: ValueType): ExprContext {
  return { model, role: 'update', event, expected: type.kind === 'int' ? INT : fromValueType(type, 'update') };
}

/** Translates a compiled expression of the model; throws `PromelaLimit` when a value may leave 32 bits. */
export function promelaExpr(compiled: CompiledExpr, context: ExprContext, scope: PromelaScope): PromelaExpr {
  const parsed = parseExpression(compiled.text);
  if (!parsed.ok) throw new Error(`bug: a loaded expression does not parse (${compiled.path})`);
  const checked = checkExpression(parsed.expr, checkerScope(context.model, context.role, context.event), context.expected);
  if (checked.type === null) throw new Error(`bug: a loaded expression does not check (${compiled.path})`);
  new Ranges(context, compiled.path).of(parsed.expr);
  return translate(parsed.expr, scope, checked.literals, context, compiled.path);
}

function translate(root: Expr, scope: PromelaScope, literals: ReadonlyMap<Expr, number>, context: ExprContext, where: string): PromelaExpr {
  const { model, event } = context;
  const vars = new Map(model.vars.map((v) => [v.name, v.index]));
  const fields = new Map(event !== null && event !== 'restart' ? event.payload.map((f) => [f.name, f.index]) : []);
  const events = new Map(model.events.map((e) => [e.name, e.index]));
  const value = (e: Expr): string => {
    switch (e.kind) {
      case 'int':
        return e.value < 0 ? `(${e.value})` : String(e.value);
      case 'bool':
        return e.value ? '1' : '0';
      case 'string': {
        const v = literals.get(e);
        if (v === undefined) throw new Error(`bug: unresolved literal in ${where}`);
        return String(v);
      }
      case 'name':
        return e.name === 'state' ? scope.state(e.primed) : scope.variable(variableIndex(e.name), e.primed);
      case 'crashes':
        return scope.crashes(e.primed);
      case 'field':
        return scope.field(fieldIndex(e.field));
      case 'observable':
        return scope.observable(e.which, eventIndex(e.event), e.primed);
      case 'unary':
        return e.op === '!' ? `(!${value(e.operand)})` : `(-${value(e.operand)})`;
      case 'binary': {
        const a = value(e.left);
        const b = value(e.right);
        switch (e.op) {
          case '=>':
            return `(!${a} || ${b})`;
          case '&&':
          case '||':
          case '==':
          case '!=':
          case '<':
          case '<=':
          case '>':
          case '>=':
          case '+':
          case '-':
          case '*':
          case '/':
          case '%':
            return `(${a} ${e.op} ${b})`;
        }
        break;
      }
      case 'conditional':
        return `(${value(e.test)} -> ${value(e.then)} : ${value(e.otherwise)})`;
      case 'call': {
        const a = value(e.args[0]!);
        if (e.fn === 'abs') return `(${a} < 0 -> -${a} : ${a})`;
        const b = value(e.args[1]!);
        return e.fn === 'min' ? `(${a} <= ${b} -> ${a} : ${b})` : `(${a} >= ${b} -> ${a} : ${b})`;
      }
    }
    throw new Error(`bug: unexpected node in ${where}`);
  };
  // `fails` mirrors evaluation order: an operand is looked at only when evaluation reaches it.
  const fails = (e: Expr): string | null => {
    switch (e.kind) {
      case 'unary':
        return fails(e.operand);
      case 'call':
        return any(e.args.map(fails));
      case 'conditional': {
        const test = fails(e.test);
        const then = fails(e.then);
        const otherwise = fails(e.otherwise);
        const branch = then === null && otherwise === null ? null : `(${value(e.test)} -> ${then ?? '0'} : ${otherwise ?? '0'})`;
        return any([test, branch]);
      }
      case 'binary': {
        const left = fails(e.left);
        const right = fails(e.right);
        switch (e.op) {
          case '&&':
            return any([left, right === null ? null : `(${value(e.left)} && ${right})`]);
          case '||':
            return any([left, right === null ? null : `(!${value(e.left)} && ${right})`]);
          case '=>':
            return any([left, right === null ? null : `(${value(e.left)} && ${right})`]);
          case '/':
          case '%':
            return any([left, right, `(${value(e.right)} == 0)`]);
          default:
            return any([left, right]);
        }
      }
      default:
        return null;
    }
  };
  function lookup(map: ReadonlyMap<string, number>, name: string): number {
    const i = map.get(name);
    if (i === undefined) throw new Error(`bug: unknown name ${name} in a loaded expression`);
    return i;
  }
  const variableIndex = (name: string) => lookup(vars, name);
  const fieldIndex = (name: string) => lookup(fields, name);
  const eventIndex = (name: string) => lookup(events, name);
  return { value: value(root), fails: fails(root) ?? '0' };
}

function any(parts: readonly (string | null)[]): string | null {
  const present = parts.filter((p): p is string => p !== null);
  return present.length === 0 ? null : `(${present.join(' || ')})`;
}

/**
 * Interval bounds of every node (values and intermediate results): the model's arithmetic is
 * exact to ±2^53, Promela's `int` holds 32 bits, so a design whose values could leave 32 bits is
 * refused rather than checked wrongly. Within 32 bits the ±2^53 error cannot occur either.
 */
class Ranges {
  constructor(
    private readonly context: ExprContext,
    private readonly where: string,
  ) {}

  of(e: Expr): [number, number] {
    const r = this.raw(e);
    if (Math.max(Math.abs(r[0]), Math.abs(r[1])) > INT32) {
      throw new PromelaLimit(`${this.where}: a value of this expression may leave Promela's 32-bit int (bounds ${r[0]}..${r[1]})`);
    }
    return r;
  }

  private raw(e: Expr): [number, number] {
    const model = this.context.model;
    switch (e.kind) {
      case 'int':
        return [e.value, e.value];
      case 'bool':
        return [0, 1];
      case 'string': // an enum value's or a state's index
        return [0, Math.max(model.states.length, 64)];
      case 'name': {
        if (e.name === 'state') return [0, model.states.length - 1];
        const v = model.vars.find((x) => x.name === e.name);
        return v ? typeRange(v.type) : [0, 0];
      }
      case 'crashes':
        return [0, model.environment.crashes];
      case 'observable':
        return [0, model.environment.requests];
      case 'field': {
        const event = this.context.event;
        const f = event !== null && event !== 'restart' ? event.payload.find((x) => x.name === e.field) : undefined;
        return f ? typeRange(f.type) : [0, 0];
      }
      case 'unary': {
        const [lo, hi] = this.of(e.operand);
        return e.op === '!' ? [0, 1] : [-hi, -lo];
      }
      case 'conditional': {
        this.of(e.test);
        const a = this.of(e.then);
        const b = this.of(e.otherwise);
        return [Math.min(a[0], b[0]), Math.max(a[1], b[1])];
      }
      case 'call': {
        const a = this.of(e.args[0]!);
        if (e.fn === 'abs') return [a[0] <= 0 && a[1] >= 0 ? 0 : Math.min(Math.abs(a[0]), Math.abs(a[1])), Math.max(Math.abs(a[0]), Math.abs(a[1]))];
        const b = this.of(e.args[1]!);
        return e.fn === 'min' ? [Math.min(a[0], b[0]), Math.min(a[1], b[1])] : [Math.max(a[0], b[0]), Math.max(a[1], b[1])];
      }
      case 'binary': {
        const a = this.of(e.left);
        const b = this.of(e.right);
        switch (e.op) {
          case '+':
            return [a[0] + b[0], a[1] + b[1]];
          case '-':
            return [a[0] - b[1], a[1] - b[0]];
          case '*': {
            const p = [a[0] * b[0], a[0] * b[1], a[1] * b[0], a[1] * b[1]];
            return [Math.min(...p), Math.max(...p)];
          }
          case '/':
          case '%': {
            const m = Math.max(Math.abs(a[0]), Math.abs(a[1]));
            return [-m, m];
          }
          default:
            return [0, 1];
        }
      }
    }
  }
}

export function typeRange(type: ValueType): [number, number] {
  switch (type.kind) {
    case 'int':
      return [type.lo, type.hi];
    case 'bool':
      return [0, 1];
    case 'enum':
      return [0, type.values.length - 1];
  }
}
