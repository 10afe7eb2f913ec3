import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { conformanceDir } from '../conformanceSuite';
import { loadDesign } from '../model/load';
import type { Model } from '../model/model';
import { applyStep } from './apply';
import { checkConfiguration } from './checks';
import { initialConfiguration, type Configuration } from './configuration';
import { enabledSteps, isQuiescent, stepLabel } from './enabled';
import { explore } from './explorer';
import { createFlatCodec } from './flatCodec';
import { FlatFingerprint } from './flatFingerprint';
import * as F from './flatLayout';
import { ACK, CRASH, DELIVER, DROP_C, DROP_M, DUP_C, DUP_M, FIRE, FlatStepper, PERSIST, RECEIVE, RESTART, SEND, TIMEOUT } from './flatStep';
import { smallDesign } from './smallDesigns';
import type { StepAction } from './step';
import { testModel } from './testDesign';
import type { Violation } from './violation';

/**
 * The readable engine (`enabled.ts`, `apply.ts`, `checks.ts`: the statement of MODEL.md §4–§6)
 * and the explorer's fast path (`flatStep.ts` on flat vectors) compared STEP BY STEP: from every
 * reachable configuration (every one of a small design; the first `CAP` in breadth-first order of
 * a large one), the same enabled steps in the same order with the same labels; for each step the
 * same successor (the flat vector of the readable successor equals the fast path's, and so does
 * its fingerprint), the same selected transition and the same violations (kind, name, whether
 * the step itself violates); the same quiescence and configuration checks; and the parent back
 * after the fast path's undo. Any rule changed in one copy only makes this fail.
 */

const CAP = 1500;

type Seen = { kind: string; name: string; step: boolean };
const key = (v: Violation): Seen => ({ kind: v.kind, name: v.name, step: v.step });
const sorted = (vs: readonly Seen[]) => [...vs].sort((a, b) => `${a.kind}:${a.name}:${a.step}`.localeCompare(`${b.kind}:${b.name}:${b.step}`));

/** `expect(got).toEqual(want)`, called only on a difference: expect is slow, and this runs millions of times. */
function agree(got: unknown, want: unknown, where: () => string): void {
  if (JSON.stringify(got) !== JSON.stringify(want)) expect(got, where()).toEqual(want);
}

/** The fast path's step i (after `enumerate(v)`) as the readable engine's action. */
function flatAction(model: Model, L: F.FlatLayout, s: FlatStepper, v: Int32Array, i: number): StepAction {
  const a = s.args[i]!, b = s.args2[i]!;
  const reply = (code: number) => ((code & 1) === 0 ? 'ok' : 'error') as 'ok' | 'error';
  switch (s.kinds[i]) {
    case SEND: {
      let r = 0;
      while (v[L.clients + 7 * r + F.STATUS] !== 0) r++;
      return { kind: 'send', request: r + 1, event: model.clientEvents[a]!, payloadIndex: b };
    }
    case DELIVER:
      return { kind: 'deliver', request: a };
    case ACK:
      return { kind: 'ack', request: a };
    case PERSIST:
      return { kind: 'persist', request: a };
    case RECEIVE: {
      const code = L.counted ? a : v[L.tcLen + 1 + a]!;
      return { kind: 'receive', request: (code >> 1) + 1, reply: reply(code) };
    }
    case TIMEOUT: {
      const c = L.clients + 7 * (a - 1);
      return { kind: 'timeout', request: a, retry: v[c + F.ATTEMPTS]! < model.events[model.clientEvents[v[c + F.EVENT]!]!]!.maxAttempts };
    }
    case FIRE:
      return { kind: 'fire', event: a };
    case RESTART:
      return { kind: 'restart' };
    case DROP_M:
      // A counted channel's step names the message code; its place is that of the code's first copy in the sorted multiset.
      if (L.counted) return { kind: 'drop', channel: 'toMachine', position: copiesBelow(v, L.tmLen + 1, a - 1), request: a };
      return { kind: 'drop', channel: 'toMachine', position: a, request: v[L.tmLen + 1 + a]! };
    case DROP_C: {
      const code = L.counted ? a : v[L.tcLen + 1 + a]!;
      const position = L.counted ? copiesBelow(v, L.tcLen + 1, a) : a;
      return { kind: 'drop', channel: 'toClient', position, request: (code >> 1) + 1, reply: reply(code) };
    }
    case DUP_M:
      return { kind: 'duplicate', channel: 'toMachine', request: a };
    case DUP_C:
      return { kind: 'duplicate', channel: 'toClient', request: (a >> 1) + 1, reply: reply(a) };
    case CRASH:
      return { kind: 'crash' };
  }
  throw new Error(`unknown flat step kind ${s.kinds[i]}`);
}

/** The messages of a counted channel (counts from `first`) with a code below the `k`-th. */
function copiesBelow(v: Int32Array, first: number, k: number): number {
  let n = 0;
  for (let i = 0; i < k; i++) n += v[first + i]!;
  return n;
}

/** Walks the reachable configurations breadth-first through the readable engine, comparing the fast path at each; returns how many. */
function compareStepByStep(model: Model, cap = CAP): number {
  const L = F.flatLayout(model);
  const zobrist = new FlatFingerprint(createFlatCodec(model, L));
  const stepper = new FlatStepper(model, L, zobrist);
  const codec = createFlatCodec(model, L);
  const check = new FlatFingerprint(codec);
  const record = new Int32Array(codec.words), back = new Int32Array(L.width);
  const vec = new Int32Array(L.width), parent = new Int32Array(L.width), want = new Int32Array(L.width);
  const start = initialConfiguration(model);
  const seen = new Set([JSON.stringify(start)]);
  const queue: Configuration[] = [start];
  for (let at = 0; at < queue.length && at < cap; at++) {
    const config = queue[at]!;
    const where = () => `configuration ${at}: ${JSON.stringify(config)}`;
    F.toFlat(model, L, config, vec);
    // With `mirror` the vector holds no persisted vars: the readable engine's must follow from the vars.
    if (L.mirror) agree(config.persisted.vars, model.vars.map((x) => (x.storage === 'durable' ? config.vars[x.index]! : x.initial)), () => `${where()}: persisted vars`);
    agree(F.fromFlat(model, L, vec), config, () => `${where()}: fromFlat`);
    // Every field's range holds what this design reaches: packed and unpacked, the vector is the same.
    codec.pack(vec, record, 0);
    codec.unpack(record, 0, back);
    agree([...back], [...vec], () => `${where()}: packed and unpacked`);
    parent.set(vec);
    zobrist.of(vec);

    // The configuration's own checks.
    const quiescent = isQuiescent(model, config);
    agree(stepper.quiescent(vec), quiescent, where);
    agree(sorted(stepper.checkState(vec, quiescent).map(key)), sorted(checkConfiguration(model, config).map(key)), where);

    // The same enabled steps, in the same order, with the same labels.
    const steps = enabledSteps(model, config);
    const count = stepper.enumerate(vec);
    const actions = Array.from({ length: count }, (_, i) => flatAction(model, L, stepper, vec, i));
    agree(actions.map((a) => stepLabel(model, config, a)), steps.map((s) => s.label), where);
    agree(actions, steps.map(({ label: _l, actor: _a, ...action }) => action), where);

    for (let k = 0; k < count; k++) {
      const step = steps[k]!;
      const outcome = applyStep(model, config, step);
      zobrist.begin();
      const produced = stepper.apply(vec, k);
      const at = () => `${where()}, step ${step.label}`;
      let violations = stepper.violations.map(key);
      agree(stepper.transition, outcome.transition ?? -1, at);
      agree(produced, outcome.next !== null, at);
      if (produced && outcome.next !== null) {
        if (stepper.hasStepChecks) violations = violations.concat(stepper.checkStep(parent, vec).map(key));
        violations = violations.concat(stepper.checkState(vec, stepper.quiescent(vec)).map(key));
        F.toFlat(model, L, outcome.next, want);
        agree([...vec], [...want], at);
        check.of(want);
        agree([zobrist.h1, zobrist.h2], [check.h1, check.h2], () => `${at()}: incremental fingerprint`);
        const next = JSON.stringify(outcome.next);
        if (!seen.has(next)) {
          seen.add(next);
          queue.push(outcome.next);
        }
      }
      agree(sorted(violations), sorted(outcome.violations.map(key)), at);
      zobrist.undo(vec);
      agree([...vec], [...parent], () => `${at()}: undo`);
    }
  }
  return Math.min(queue.length, cap);
}

const conformance = conformanceDir('valid');
const files = readdirSync(conformance).filter((f) => f.endsWith('.protocol.json'));

describe('the readable engine and the fast path agree step by step', () => {
  it.each(files)(`from every reachable configuration of %s (at most ${CAP})`, (file) => {
    const loaded = loadDesign(readFileSync(join(conformance, file), 'utf8'));
    if (!loaded.ok) throw new Error(file);
    if (!F.fitsFlat(loaded.model)) return;
    expect(compareStepByStep(loaded.model)).toBeGreaterThan(0);
  });

  it('from every reachable configuration of random small designs', () => {
    fc.assert(
      fc.property(smallDesign, (design) => {
        compareStepByStep(testModel(design), 1000);
      }),
      { numRuns: 100 },
    );
  });

  it('from every reachable configuration of random small designs whose updates divide by zero and leave their range', () => {
    // Each transition keeps its updates or gets one of its first var that fails to evaluate while
    // the var is 0 (`1 / a`), or one that leaves its range (`a + 2`; ranges are 0..1 or 0..2).
    const dividing = smallDesign.chain((design) => {
      const count = (design.transitions as unknown[]).length;
      return fc.array(fc.constantFrom(0, 1, 2), { minLength: count, maxLength: count }).map((picks) => {
        const vars = design.vars as { name: string }[];
        if (vars.length === 0) return design;
        const a = vars[0]!.name;
        const exprs = [null, `1 / ${a}`, `${a} + 2`];
        const transitions = (design.transitions as { updates?: Record<string, string> }[]).map((t, i) => {
          const expr = exprs[picks[i]!];
          return expr === null ? t : { ...t, updates: { ...t.updates, [a]: expr } };
        });
        return { ...design, transitions };
      });
    });
    const seen = { 'eval-error': 0, 'out-of-range': 0 };
    fc.assert(
      fc.property(dividing, (design) => {
        const model = testModel(design);
        for (const v of explore(model, { maxStates: 2000 }).violations) if (v.kind === 'eval-error' || v.kind === 'out-of-range') seen[v.kind]++;
        compareStepByStep(model, 1000);
      }),
      { numRuns: 100 },
    );
    // The designs did exercise both (a generator that stopped producing them would make this test say nothing).
    expect(seen['eval-error']).toBeGreaterThan(0);
    expect(seen['out-of-range']).toBeGreaterThan(0);
  });
});
