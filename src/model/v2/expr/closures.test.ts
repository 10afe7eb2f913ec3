import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkedResult } from '../../expr/compile';
import { EvaluationError } from '../../model';
import { loadDesignValueV2 } from '../load';
import type { EnvV2, InvariantV2, ModelV2 } from '../model';
import type { ExprV2 } from './ast';
import { parseExpressionV2 } from './parser';

/**
 * The shaped closures of `closures.ts` (slot reads, bit tests, scans, split quantifier bodies,
 * values kept for one evaluation) against a plain tree-walking reading of the language: left to
 * right, `&&`, `||` and `=>` stopping early, quantifiers in instance order. On random
 * configurations every expression gives the same value or fails with the same message.
 */

const STATE = [
  'forall r1, r2 in RM: !(r1.state == "aborted" && r2.state == "committed")',
  'forall r in RM: TM.prepared[r] => r.state == "prepared" || r.state == "committed" || r.state == "aborted"',
  'exists r in RM: r.v == "b" && TM.n > 2',
  '(count r in RM: r.k >= 2) <= TM.n',
  'forall r in RM: TM.n == 0 || 10 / TM.n > r.k',
  'forall r in RM: r.k > 1 => 6 / (r.k - 2) >= 0',
  'forall r1 in RM: exists r2 in RM: r1.peer == r2 && r2.state != r1.state',
  'forall r1, r2 in RM: r1.k + r2.k < TM.big',
  'exists r1, r2 in RM: r1 != r2 && r1.v == r2.v',
  'forall r in RM: (r.state == "working" ? r.k : TM.n) < 4',
  'forall r1, r2, r3 in RM: !(r1.v == "a" && r2.v == "b" && r3.k == 3)',
  'forall r in RM: !(TM.n / (r.k - 1) > 2 || r.state == "working")',
  'forall r in RM: !(TM.big / TM.n > 3 && r.state == "aborted")',
  'forall r in RM: r.state == "aborted" && TM.big / TM.n > 0',
  'exists r in RM: r.k == 3 || TM.big % TM.n == 1',
  'forall r in RM: RM[2].k != 3 || r.v != "c"',
  'forall r in RM: TM.prepared[r] == TM.prepared[r.peer]',
  '(count r in RM: !(r.state == "working")) != 2',
  'forall r in RM: forall s in RM: TM.prepared[s] || r.k < 3',
  'forall r in RM: exists s in RM: TM.prepared[s] && TM.n > 1',
  'forall r in RM: exists s in RM: TM.prepared[s] && r.k > 1',
  '!(exists r in RM: r.k < 0 - 1)',
  'abs(TM.big - 50) > min(TM.n, 3) * 10',
  'forall r in RM: r.state == "working" => (exists s in RM: s.state != "working") || TM.state == "init"',
  'forall r in RM: !(r.state == "prepared" || r.k == 0) || TM.state != "aborted"',
  'forall r in RM: !(TM.n > 2 => r.v == "a")',
  'exists r in RM: !(TM.n < 3 || r.v == "c")',
  'forall r in RM: r.k < 2 || TM.n % 2 == 0',
  'exists r in RM: r.k < 2 => TM.n > 3',
  'forall r in RM: r.k >= 1 && r.k <= 2 || r.state == "working"',
  'exists r in RM: 2 < r.k',
  'forall r in RM: r.boss == TM && TM.prepared[RM[1]] == TM.prepared[RM[1]]',
  'TM.state == "init" || 1 / 0 > 0',
  '1 + 2 * 3 == 7 && !false',
  'exists r in RM: r.v == "b" && r.k >= 2',
  '(count r in RM: r.k == 0 || TM.prepared[r]) > 1',
  'forall r in RM: r.state != "working" => !TM.prepared[r]',
];
const ROLE = ['k <= 2 && (state == "working" || exists r in RM: r.peer == self)', 'forall r in RM: r == self || r.k != k || r.v != v', 'TM.prepared[self] || (count r in RM: r.k == k) > 1'];
const STEP = ['forall r in RM: r.state\' == r.state || r.state == "working"', "TM.n' >= TM.n || TM.big' > 10", "forall r in RM: r.k' - r.k < 2 && TM.prepared'[r] == TM.prepared[r]"];

function design(): ModelV2 {
  const r = loadDesignValueV2({
    format: 'protocol-studio',
    version: 2,
    name: 'expressions',
    roles: [
      {
        name: 'TM',
        vars: [
          { name: 'prepared', type: { map: { from: 'RM', to: 'bool' } }, initial: false },
          { name: 'n', type: { int: [0, 5] }, initial: 0 },
          { name: 'big', type: { int: [-3, 100] }, initial: 0 },
        ],
        states: [{ name: 'init', initial: true }, { name: 'committed' }, { name: 'aborted' }],
        transitions: [],
      },
      {
        name: 'RM',
        instances: 3,
        vars: [
          { name: 'v', type: { enum: ['a', 'b', 'c'] }, initial: 'a' },
          { name: 'k', type: { int: [0, 3] }, initial: 0 },
          { name: 'peer', type: { id: 'RM' }, initial: 'RM[1]' },
          { name: 'boss', type: { id: 'TM' }, initial: 'TM' },
        ],
        states: [{ name: 'working', initial: true }, { name: 'prepared' }, { name: 'committed' }, { name: 'aborted' }],
        transitions: [],
        invariants: ROLE.map((expr, i) => ({ name: `R${i}`, expr })),
      },
    ],
    invariants: [...STATE.map((expr, i) => ({ name: `S${i}`, expr })), ...STEP.map((expr, i) => ({ name: `T${i}`, expr, kind: 'step' }))],
  } as never);
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  return r.model;
}

/** Version 2's expressions read plainly from the tree. */
function reference(model: ModelV2, expr: ExprV2, env: EnvV2, role: number): number {
  const bound = new Map<string, number>();
  const roleOf = (name: string) => model.roles.findIndex((r) => r.name === name);
  /** The enum values a quoted string is compared against. */
  const valuesOf = (node: ExprV2): readonly string[] => {
    if (node.kind === 'member' || node.kind === 'name') {
      const name = node.kind === 'member' ? node.name : node.name;
      const owner = node.kind === 'member' ? instanceRole(node.target) : role;
      if (name === 'state') return model.roles[owner]!.states.map((s) => s.name);
      const t = model.roles[owner]!.vars.find((v) => v.name === name)!.type;
      if (t.kind === 'enum') return t.values;
    }
    throw new Error(`no enum for ${node.kind}`);
  };
  const instanceRole = (node: ExprV2): number => {
    if (node.kind === 'name') {
      if (node.name === 'self') return role;
      if (bound.has(node.name)) return roleOf('RM');
      if (roleOf(node.name) >= 0) return roleOf(node.name);
      const t = model.roles[role]!.vars.find((v) => v.name === node.name)!.type;
      return (t as { role: number }).role;
    }
    if (node.kind === 'index') return roleOf((node.target as { name: string }).name);
    if (node.kind === 'member') return (model.roles[instanceRole(node.target)]!.vars.find((v) => v.name === node.name)!.type as { role: number }).role;
    throw new Error(`no instance role for ${node.kind}`);
  };
  const slot = (r: number, id: number, name: string): number => {
    const layout = model.roles[r]!;
    if (name === 'state') return layout.bases[id]! + layout.stateSlot;
    return layout.bases[id]! + layout.vars.find((v) => v.name === name)!.offset;
  };
  const vec = (primed: boolean) => (primed ? env.post : env.pre);
  const ev = (node: ExprV2): number => {
    switch (node.kind) {
      case 'int':
        return node.value;
      case 'bool':
        return node.value ? 1 : 0;
      case 'string':
        throw new Error('a string outside a comparison');
      case 'field':
        throw new Error('no events here');
      case 'name': {
        if (bound.has(node.name)) return bound.get(node.name)!;
        if (node.name === 'self') return env.self;
        if (roleOf(node.name) >= 0) return 0;
        return vec(node.primed)[slot(role, env.self, node.name)]!;
      }
      case 'member':
        return vec(node.primed)[slot(instanceRole(node.target), ev(node.target), node.name)]!;
      case 'index': {
        const t = node.target;
        if (t.kind === 'name' && roleOf(t.name) >= 0) return (node.index as { value: number }).value - 1;
        const owner = t.kind === 'member' ? instanceRole(t.target) : role;
        const id = t.kind === 'member' ? ev(t.target) : env.self;
        const name = t.kind === 'member' ? t.name : (t as { name: string }).name;
        const primed = (t as { primed: boolean }).primed;
        const at = slot(owner, id, name);
        return vec(primed)[at + ev(node.index)]!;
      }
      case 'quantifier': {
        const n = model.roles[roleOf(node.role)]!.instances;
        const loop = (k: number): number => {
          if (k === node.names.length) return ev(node.body);
          let c = 0;
          for (let v = 0; v < n; v++) {
            bound.set(node.names[k]!, v);
            const x = loop(k + 1);
            if (node.q === 'count' && k === 0) c += x !== 0 ? 1 : 0;
            else if (node.q === 'exists' && x !== 0) return 1;
            else if (node.q !== 'exists' && node.q !== 'count' && x === 0) return 0;
            else if (node.q === 'count' && x === 0) return 0;
          }
          if (node.q === 'count') return k === 0 ? c : 1;
          return node.q === 'forall' ? 1 : 0;
        };
        const out = loop(0);
        for (const name of node.names) bound.delete(name);
        return out;
      }
      case 'unary':
        return node.op === '!' ? (ev(node.operand) === 0 ? 1 : 0) : 0 - ev(node.operand);
      case 'conditional':
        return ev(node.test) !== 0 ? ev(node.then) : ev(node.otherwise);
      case 'call': {
        const a = node.args.map(ev);
        return node.fn === 'abs' ? Math.abs(a[0]!) : node.fn === 'min' ? Math.min(a[0]!, a[1]!) : Math.max(a[0]!, a[1]!);
      }
      case 'binary': {
        const { op, left, right } = node;
        if (op === '&&') return ev(left) === 0 ? 0 : ev(right);
        if (op === '||') return ev(left) !== 0 ? 1 : ev(right);
        if (op === '=>') return ev(left) === 0 ? 1 : ev(right);
        if ((op === '==' || op === '!=') && (left.kind === 'string' || right.kind === 'string')) {
          const [lit, other] = left.kind === 'string' ? [left, right] : [right as ExprV2 & { value: string }, left];
          const equal = ev(other) === valuesOf(other).indexOf(lit.value);
          return (op === '==') === equal ? 1 : 0;
        }
        const x = ev(left);
        const y = ev(right);
        switch (op) {
          case '==':
            return x === y ? 1 : 0;
          case '!=':
            return x !== y ? 1 : 0;
          case '<':
            return x < y ? 1 : 0;
          case '<=':
            return x <= y ? 1 : 0;
          case '>':
            return x > y ? 1 : 0;
          case '>=':
            return x >= y ? 1 : 0;
          case '+':
          case '-':
          case '*':
            return checkedResult(op === '+' ? x + y : op === '-' ? x - y : x * y, x, y, op, node.opStart);
          case '/':
            if (y === 0) throw new EvaluationError(`division by zero (${x} / 0)`, node.opStart);
            return (x - (x % y)) / y + 0;
          case '%':
            if (y === 0) throw new EvaluationError(`remainder by zero (${x} % 0)`, node.opStart);
            return (x % y) + 0;
        }
      }
    }
    throw new Error('unreachable');
  };
  return ev(expr);
}

/** A random configuration: every state, var and map entry within its type. */
function configuration(model: ModelV2, pick: (n: number) => number): Float64Array {
  const vec = Float64Array.from(model.slotLo);
  for (const role of model.roles) {
    for (const base of role.bases) {
      vec[base + role.stateSlot] = pick(role.states.length);
      for (const v of role.vars) {
        for (let k = 0; k < v.width; k++) {
          const t = v.type;
          vec[base + v.offset + k] = t.kind === 'int' ? t.lo + pick(t.hi - t.lo + 1) : t.kind === 'bool' ? pick(2) : t.kind === 'enum' ? pick(t.values.length) : t.kind === 'id' ? pick(model.roles[t.role]!.instances) : 0;
        }
      }
    }
  }
  return vec;
}

function outcome(run: () => number): string {
  try {
    return `value ${run()}`;
  } catch (e) {
    if (!(e instanceof EvaluationError)) throw e;
    return `error ${e.message}`;
  }
}

describe('shaped closures agree with the plain reading', () => {
  const model = design();
  const all: InvariantV2[] = [...model.invariants, ...model.roles.flatMap((r) => r.invariants)];
  const parsed = all.map((inv) => {
    const p = parseExpressionV2(inv.expr.text);
    if (!p.ok) throw new Error(p.error.message);
    return { inv, expr: p.expr };
  });

  it('compiles every expression of the test design', () => {
    expect(all.length).toBe(STATE.length + ROLE.length + STEP.length);
  });

  it('gives the same value or the same error on random configurations', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(1000), { minLength: 64, maxLength: 64 }), fc.array(fc.nat(1000), { minLength: 64, maxLength: 64 }), (a, b) => {
        let i = 0;
        let j = 0;
        const pre = configuration(model, (n) => a[i++ % a.length]! % n);
        const post = configuration(model, (n) => b[j++ % b.length]! % n);
        for (const { inv, expr } of parsed) {
          const count = inv.role < 0 ? 1 : model.roles[inv.role]!.instances;
          for (let self = 0; self < count; self++) {
            const env: EnvV2 = { pre, post, self, sender: 0, payload: new Float64Array(1), bound: new Float64Array(Math.max(1, model.bound)) };
            const want = outcome(() => reference(model, expr, env, Math.max(inv.role, 0)));
            const got = outcome(() => inv.expr.evaluate(env));
            expect({ name: inv.name, text: inv.expr.text, self, got }).toEqual({ name: inv.name, text: inv.expr.text, self, got: want });
          }
        }
      }),
      { numRuns: 3000 },
    );
  });
});
