import type { CheckResultV2 } from '../../engine/v2/result';
import { callNames } from '../../model/v2/callNames';
import type { ExprV2 } from '../../model/v2/expr/ast';
import type { DesignV2, RoleJson, VarJsonV2 } from '../../model/v2/schema';
import { guardRaises, looksLikeClock, neverLowers, orderingBy, parsed, referencedVar, sameTree, someNode, statesMonotonic } from '../exprFacts';
import { finding, type Draft } from '../lint';
import { fromStates, transitionElementV2, transitionNameV2 } from './elementsV2';
import { comparesStateWith, readsVarOf, refersTo, type ScopeV2 } from './exprFactsV2';

/**
 * Version 1's rules that read expressions (`counter-may-decrease`, `clock-ordering`,
 * `timeout-unmentioned`, `transition-without-invariant`), for a design of several participants:
 * per role, with references to other instances (`r.x`, `TM.x`, `m[i]`) tied to their role.
 */

const code = (s: string) => `\`${s}\``;

interface ScopedTree {
  readonly expr: ExprV2 | null;
  readonly scope: ScopeV2;
  /** A step or transition invariant: it may compare primed and unprimed values. */
  readonly step: boolean;
}

/** Every invariant of the design (design, role, transition), parsed, with where it is read. */
function invariantTrees(d: DesignV2): ScopedTree[] {
  return [
    ...(d.invariants ?? []).map((i) => ({ expr: parsed(i.expr), scope: { design: d }, step: i.kind === 'step' })),
    ...d.roles.flatMap((r) => {
      const scope = { design: d, role: r.name };
      return [
        ...(r.invariants ?? []).map((i) => ({ expr: parsed(i.expr), scope, step: i.kind === 'step' })),
        ...r.transitions.flatMap((t) => (t.invariants ?? []).map((i) => ({ expr: parsed(i.expr), scope, step: true }))),
      ];
    }),
  ];
}

/** An int var, or a map to ints: something a counter can be. */
const isIntVar = (v: VarJsonV2) =>
  typeof v.type === 'object' && ('int' in v.type || ('map' in v.type && typeof v.type.map.to === 'object' && 'int' in v.type.map.to));

interface Write {
  readonly k: number;
  /** The updated reference (`x`, `m[i]`) and its new value, as trees and as written. */
  readonly target: ExprV2;
  readonly value: ExprV2;
  readonly text: string;
  readonly guard: ExprV2 | null;
}

/** Every update of var `name` in the role's transitions; null when one cannot be read. */
function writesOf(role: RoleJson, name: string): Write[] | null {
  const out: Write[] = [];
  for (const [k, t] of role.transitions.entries()) {
    for (const [key, text] of Object.entries(t.updates ?? {})) {
      const target = parsed(key);
      if (target === null || referencedVar(target) !== name) continue;
      const value = parsed(text);
      if (value === null) return null;
      out.push({ k, target, value, text, guard: parsed(t.guard) });
    }
  }
  return out;
}

/**
 * The step invariant that says var v never goes down, written so that it loads: over a map's keys
 * by a quantifier (a role's instances, or the listed values of bool and a small int range), entry
 * by entry for a few enum values (a quoted value alone has no type), in words beyond that.
 */
function monotonic(v: VarJsonV2): string {
  const type = v.type as VarJsonV2['type'];
  if (typeof type !== 'object' || !('map' in type)) return `${v.name}' >= ${v.name}`;
  const from = type.map.from;
  const entry = (k: string) => `${v.name}'[${k}] >= ${v.name}[${k}]`;
  const over = (keys: string) => `forall k in ${keys}: ${entry('k')}`;
  if (typeof from === 'string') return over(from === 'bool' ? '{false, true}' : from);
  if ('int' in from && from.int[1] - from.int[0] < 16) return over(`{${Array.from({ length: from.int[1] - from.int[0] + 1 }, (_, i) => from.int[0] + i).join(', ')}}`);
  if ('enum' in from && from.enum.length <= 4) return from.enum.map((e) => entry(JSON.stringify(e))).join(' && ');
  return `${entry('k')} for every key k`;
}

/** A var incremented (`x + 1`, `max(x, …)`) and never lowered, or lowered only by adopting a value from a message or another instance without a guard that it is newer. */
export function counters(d: DesignV2): Draft[] {
  const steps = invariantTrees(d).filter((t) => t.step);
  const out: Draft[] = [];
  d.roles.forEach((role, r) =>
    (role.vars ?? []).forEach((v, i) => {
      if (!isIntVar(v)) return;
      const writes = writesOf(role, v.name);
      if (writes === null) return;
      const grows = writes.filter((w) => neverLowers(w.value, w.target) && !sameTree(w.value, w.target));
      if (grows.length === 0) return;
      const unsafe = writes.filter((w) => !neverLowers(w.value, w.target) && !guardRaises(w.guard, w.target, w.value));
      // A reset (`x: 0`) or any other computation: not a counter, as in version 1.
      if (!unsafe.every((w) => someNode(w.value, (n) => n.kind === 'field' || n.kind === 'member'))) return;
      if (steps.some((t) => statesMonotonic(t.expr, (ref) => t.expr !== null && refersTo(ref, t.scope, t.expr, role.name, v.name)))) return;
      const stated = monotonic(v);
      const crash = v.storage === 'volatile' ? ` It is volatile: a crash of an instance puts it back to ${JSON.stringify(v.initial)}.` : '';
      const name = (w: Write) => transitionNameV2(role, w.k);
      const why =
        unsafe.length === 0
          ? `${role.name}.${v.name} is only ever incremented, so it acts as a counter or epoch, but no step invariant says ${code(stated)}.${crash}`
          : `${role.name}.${v.name} grows in ${name(grows[0]!)}, so it acts as a counter or epoch, but ${name(unsafe[0]!)} sets it to ${code(unsafe[0]!.text)} with no guard that this is newer: a late or repeated message lowers it, and no step invariant says ${code(stated)}.${crash}`;
      const fix =
        unsafe.length === 0
          ? `Add a step invariant ${code(stated)} to ${role.name}.`
          : `Guard ${name(unsafe[0]!)} with ${code(`${unsafe[0]!.text} > ${v.name}`)} (or write ${code(`max(${v.name}, ${unsafe[0]!.text})`)}), and add a step invariant ${code(stated)} to ${role.name}.`;
      out.push(finding('counter-may-decrease', `/roles/${r}/vars/${i}`, `var ${role.name}.${v.name}`, why, fix));
    }),
  );
  return out;
}

const CLOCKS_APART = ' It compares clocks of two instances, which skew apart.';
const readsAnother = (e: ExprV2) => someNode(e, (n) => n.kind === 'member' || n.kind === 'field');

/** A clock-like int var or message field (`now`, `*At`, `timestamp`…) that a guard orders by. */
export function clockOrdering(d: DesignV2): Draft[] {
  const guards = d.roles.flatMap((role, r) => role.transitions.map((t, k) => ({ role, r, t, k, expr: parsed(t.guard) })));
  const out: Draft[] = [];
  d.roles.forEach((owner, r) =>
    (owner.vars ?? []).forEach((v, i) => {
      if (!isIntVar(v) || !looksLikeClock(v.name)) return;
      for (const g of guards) {
        const cmp = g.expr && orderingBy(g.expr, (n) => n.kind !== 'index' && refersTo(n, { design: d, role: g.role.name }, g.expr!, owner.name, v.name));
        if (!cmp) continue;
        out.push(
          finding(
            'clock-ordering',
            `/roles/${r}/vars/${i}`,
            `var ${owner.name}.${v.name}`,
            `The guard of ${transitionElementV2(g.role, g.k)} orders by ${owner.name}.${v.name}, a clock-like var: clocks skew and go backwards.${readsAnother(cmp) ? CLOCKS_APART : ''}`,
            `Order by a monotonic counter or epoch instead of ${v.name}.`,
          ),
        );
        return;
      }
    }),
  );
  (d.messages ?? []).forEach((m, i) =>
    (m.payload ?? []).forEach((f, j) => {
      if (typeof f.type !== 'object' || !('int' in f.type) || !looksLikeClock(f.name)) return;
      const g = guards.find((x) => x.t.receive === m.name && orderingBy(x.expr, (n) => n.kind === 'field' && n.field === f.name));
      if (!g) return;
      out.push(
        finding(
          'clock-ordering',
          `/messages/${i}/payload/${j}`,
          `field ${m.name}.${f.name}`,
          `The guard of ${transitionElementV2(g.role, g.k)} orders by ${code(`event.${f.name}`)}, a clock reading of the sender: clocks skew and go backwards.${CLOCKS_APART}`,
          `Carry a monotonic counter or epoch in ${m.name} instead of ${f.name}.`,
        ),
      );
    }),
  );
  return out;
}

/** Each call site (caller role, call event E) whose timeout outcome no invariant reads. */
export function timeouts(d: DesignV2, result: CheckResultV2 | undefined): Draft[] {
  const trees = invariantTrees(d);
  const out: Draft[] = [];
  d.roles.forEach((role, r) => {
    const called = [...new Set(role.transitions.flatMap((t) => (t.call ? [t.call.event] : [])))];
    for (const E of called) {
      const outcome = callNames(E).outcome;
      const handlers = role.transitions.flatMap((t, k) => (t.event === `${E}.timeout` ? [{ t, k }] : []));
      const after = [...new Set(handlers.flatMap(({ t }) => (t.to !== undefined && !fromStates(t).includes(t.to) ? [t.to] : [])))];
      const stated = trees.some((t) => readsVarOf(t.expr, t.scope, role.name, outcome) || after.some((s) => comparesStateWith(t.expr, s)));
      if (stated) continue;
      const k = role.transitions.findIndex((t) => t.call?.event === E);
      const callee = d.roles.find((x) => (x.events ?? []).some((e) => e.source === 'call' && e.name === E))?.name ?? '?';
      const left = result?.outcomes?.find((o) => o.caller === role.name && o.event === E)?.timeout ?? 0;
      const figure = left > 0 ? ` The last check left a caller timed out in ${left} quiescent configurations.` : '';
      const handled =
        handlers.length === 0
          ? `no transition of ${role.name} takes ${code(`${E}.timeout`)} (the caller stays where it waited) and no invariant reads ${code(outcome)}`
          : `${handlers.map(({ k: h }) => transitionNameV2(role, h)).join(', ')} take${handlers.length > 1 ? '' : 's'} it${after.length ? ` to ${after.join(', ')}` : ''}, but no invariant reads ${[...after, outcome].map(code).join(' or ')}: nothing says what holds then`;
      out.push(
        finding(
          'timeout-unmentioned',
          `/roles/${r}/transitions/${k}`,
          transitionElementV2(role, k),
          `A call of ${callee}.${E} that times out leaves ${role.name} not knowing whether it took effect; ${handled}.${figure}`,
          `Add an invariant on ${code(outcome)} (e.g. ${code(`forall c in ${role.name}: c.${outcome} == "timeout" => …`)}) or on the state a ${code(`${E}.timeout`)} transition leads to${handlers.length === 0 ? ', and such a transition' : ''}.`,
        ),
      );
    }
  });
  return out;
}

/** A transition that writes vars no invariant reads (in a design that states some invariant). */
export function unreadEffects(d: DesignV2): Draft[] {
  const trees = invariantTrees(d);
  if (trees.length === 0) return [];
  const out: Draft[] = [];
  d.roles.forEach((role, r) =>
    role.transitions.forEach((t, k) => {
      const targets = Object.keys(t.updates ?? {}).flatMap((key) => parsed(key) ?? []);
      const written = [...new Set(targets.flatMap((e) => referencedVar(e) ?? []))];
      if (written.length === 0 || written.some((v) => trees.some((x) => readsVarOf(x.expr, x.scope, role.name, v)))) return;
      const names = written.map(code).join(', ');
      const primed = targets[0]!.kind === 'index' ? `${written[0]}'[…]` : `${written[0]}'`;
      out.push(
        finding(
          'transition-without-invariant',
          `/roles/${r}/transitions/${k}`,
          transitionElementV2(role, k),
          `It writes ${names} and no invariant reads ${written.length > 1 ? 'them' : 'it'}: its effect goes unchecked.`,
          `Add an invariant of ${role.name} or of the design on ${names}, or a transition invariant saying what it changes (e.g. ${code(`${primed} == …`)}).`,
        ),
      );
    }),
  );
  return out;
}
