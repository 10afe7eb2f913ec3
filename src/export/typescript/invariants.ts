import type { Expr } from '../../model/ast';
import type { Model } from '../../model/model';
import type { ParsedInvariant } from '../expressions';
import { tsDoc, tsMember, tsString } from './escape';
import { translate, type NameScope } from './expr';
import { eventOf, param, readsField, readsObservable, varNamed, type TsContext } from './context';

/**
 * One typed function per invariant: state invariants read `now`, step and transition invariants
 * read `before` and `after` (primed names); those that read client observables take them as an
 * explicit argument, since only the caller (a test harness, a monitor) knows them.
 */

function scope(model: Model, bare: string, stepKind: boolean): NameScope {
  const frame = (primed: boolean): string => (primed ? 'after' : bare);
  const observed = (primed: boolean): string => (stepKind ? (primed ? 'observed.after' : 'observed.before') : 'observed');
  return {
    variable: (name, primed) => tsMember(`${frame(primed)}.${varNamed(model, name).storage}`, name),
    state: (primed) => `${frame(primed)}.state`,
    field: (name) => tsMember('event.payload', name),
    observable: (which, event, primed) => tsMember(`${observed(primed)}.${which}`, event),
    crashes: (primed) => `${observed(primed)}.crashes`,
  };
}

function readsFrame(expr: Expr, primed: boolean): boolean {
  const walk = (e: Expr): boolean => {
    switch (e.kind) {
      case 'name':
        return e.primed === primed;
      case 'unary':
        return walk(e.operand);
      case 'binary':
        return walk(e.left) || walk(e.right);
      case 'conditional':
        return walk(e.test) || walk(e.then) || walk(e.otherwise);
      case 'call':
        return e.args.some(walk);
      default:
        return false;
    }
  };
  return walk(expr);
}

interface Entry {
  readonly kind: 'state' | 'step' | 'transition';
  readonly entry: string;
}

export function invariantsSection(ctx: TsContext): string {
  const { model, design } = ctx;
  const functions: string[] = [];
  const entries: Entry[] = [];
  const emit = (inv: ParsedInvariant, fn: string, transition: number | undefined): void => {
    const { expr } = inv;
    const name = inv.model.name;
    const observes = readsObservable(expr);
    ctx.used.add('at');
    if (inv.model.kind === 'state' && transition === undefined) {
      const body = translate(expr, scope(model, 'now', false), ctx.used);
      functions.push(`${tsDoc(`Invariant ${JSON.stringify(name)} (state).`, inv.model.description)}export function ${fn}(${param('now', readsFrame(expr, false))}: World, ${param('observed', observes)}: Observables): boolean {
  return at(${tsString(name)}, () => ${body});
}`);
      entries.push({ kind: 'state', entry: `{ name: ${tsString(name)}, holds: ${fn} }` });
      return;
    }
    const body = translate(expr, scope(model, 'before', true), ctx.used);
    const sig = `${param('before', readsFrame(expr, false))}: World, ${param('after', readsFrame(expr, true))}: World, ${param('observed', observes)}: StepObservables`;
    if (transition === undefined) {
      functions.push(`${tsDoc(`Invariant ${JSON.stringify(name)} (step).`, inv.model.description)}export function ${fn}(${sig}): boolean {
  return at(${tsString(name)}, () => ${body});
}`);
      entries.push({ kind: 'step', entry: `{ name: ${tsString(name)}, holds: ${fn} }` });
      return;
    }
    const t = model.transitions[transition]!;
    const event = eventOf(model, t);
    const narrows = readsField(expr) && event !== null;
    const narrow = narrows
      ? `if (event === null || event.type !== ${tsString(event.name)}) throw new Error("invariant of ${t.index} checked on another event");\n`
      : '';
    functions.push(`${tsDoc(`Invariant ${JSON.stringify(name)} of transition ${t.name}.`, inv.model.description)}export function ${fn}(${sig}, ${param('event', narrows)}: MachineEvent | null): boolean {
${narrow}  return at(${tsString(name)}, () => ${body});
}`);
    entries.push({ kind: 'transition', entry: `{ name: ${tsString(name)}, transition: ${tsString(t.name)}, holds: ${fn} }` });
  };
  design.invariants.forEach((inv, i) => emit(inv, `invariant${i}`, undefined));
  design.transitions.forEach((pt) => pt.invariants.forEach((inv, i) => emit(inv, `transition${pt.model.index}Invariant${i}`, pt.model.index)));
  const list = (kind: Entry['kind']): string => entries.filter((e) => e.kind === kind).map((e) => e.entry).join(',\n');
  return `
${functions.join('\n\n')}

export interface StateInvariant {
  readonly name: string;
  readonly holds: (now: World, observed: Observables) => boolean;
}
export interface StepInvariant {
  readonly name: string;
  readonly holds: (before: World, after: World, observed: StepObservables) => boolean;
}
export interface TransitionInvariant {
  readonly name: string;
  readonly transition: TransitionName;
  /** \`event\` is the event the transition processed (null for \`$restart\`). */
  readonly holds: (before: World, after: World, observed: StepObservables, event: MachineEvent | null) => boolean;
}

/** Every invariant of the design, by kind; each \`holds\` throws \`ProtocolFault\` on an evaluation error. */
export const invariants: {
  readonly state: readonly StateInvariant[];
  readonly step: readonly StepInvariant[];
  readonly transition: readonly TransitionInvariant[];
} = {
  state: [${list('state')}],
  step: [${list('step')}],
  transition: [${list('transition')}],
};
`;
}
