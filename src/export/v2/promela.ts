import { poolSlot, type FieldV2, type InvariantV2, type ModelV2, type RoleV2, type TransitionV2, type VarV2 } from '../../model/v2/model';
import type { TransitionJsonV2 } from '../../model/v2/schema';
import { promelaComment } from '../promela/text';
import { updateTarget } from '../../model/v2/compileModel';
import { pChecked, pKeyChecked, stVar, varVar, type PCode, type PContext } from './promelaExpr';
import { ExportRefusal, refuseUntranslated } from './refusal';
import { usesFeature } from '../../model/v2/exportFeatures';
import { runningModel } from './running';

/**
 * A version-2 design as one Promela model for Spin (issue 20 item 5): one `proctype` per role,
 * its instances the process instances (`active [3] proctype r1()`, unrolled per instance inside),
 * a process for the network's faults, globals holding exactly the engine's configuration (each
 * part only when the engine keeps it: mode and persisted state for a role that may crash, an
 * instance's crash count where its role limits it, budgets when non-zero, the pool as bits or
 * each channel as `capacity` message codes). Every step of
 * docs/format-v2.md §8 is one `d_step` (receive, event with each payload value, restart, crash,
 * drop, duplicate), in which the first true guard is selected, updates and sends are computed
 * from the configuration before the step, a send to a full channel and an int out of its range
 * fail an assertion, and step, transition and state invariants are asserted. A `boot` process
 * sets and checks the initial configuration before any step (`started`), so Spin stores one state more
 * than the engine counts configurations. Each step prints `@S option instance 0 0` when Spin
 * replays a trail; `STEP_TABLE` maps the option back to the engine's step.
 *
 * Not expressed: the deadlock check (it needs "no step changes the configuration", which a
 * Promela guard cannot see without evaluating every step), and the
 * engine's ±2^53 integer range (Spin's int is 32 bits: ranges beyond ±2^15 are refused so that
 * sums and products of two values stay exact).
 */

/** What an option of the model is, for matching Spin's trail to the engine's steps. */
export interface PromelaStepV2 {
  readonly kind: 'receive' | 'event' | 'restart' | 'crash' | 'drop' | 'duplicate';
  /** Global instance (for drop/duplicate: the channel's receiver). */
  readonly instance: number;
  readonly what: number;
  readonly payload: number;
  readonly sender: number;
  readonly position: number;
}

const LIMIT = 2 ** 15;

interface Build {
  readonly model: ModelV2;
  readonly steps: PromelaStepV2[];
  readonly stepChecks: boolean;
}

export function promelaModelV2(model: ModelV2): string {
  return promelaWithSteps(model).text;
}

export function promelaWithSteps(written: ModelV2): { text: string; steps: readonly PromelaStepV2[] } {
  refuseUntranslated(written, 'promela');
  const model = runningModel(written);
  for (const role of model.roles) {
    for (const v of role.vars) {
      if (v.type.kind === 'int' && (v.type.lo < -LIMIT || v.type.hi > LIMIT)) throw new ExportRefusal(`${role.name}.${v.name} ranges over [${v.type.lo}, ${v.type.hi}]; Promela export of version 2 keeps ints within ±${LIMIT} so that arithmetic on two values stays exact in Spin's 32-bit ints.`);
    }
  }
  const stepChecks = [...model.invariants, ...model.roles.flatMap((r) => r.invariants)].some((i) => i.kind === 'step') || model.transitions.some((t) => t.invariants.length > 0);
  const b: Build = { model, steps: [], stepChecks };
  const lines: string[] = [
    '/* Promela model of a Protocol Studio format-version-2 design, exported for Spin 6. Verify with:',
    '   spin -o2 -a model.pml; gcc -O2 -DSAFETY -DNOREDUCE -DBFS -o pan pan.c; ./pan */',
    promelaComment(`design: ${model.name}`),
    '/* Names never appear in code: role r is r<r>, its var k r<r>_v<k>, states and values are numbers. */',
  ];
  model.roles.forEach((role, r) => {
    lines.push(promelaComment(`role ${r}: ${role.name}, ${role.instances} instance(s)`));
    role.states.forEach((s, i) => lines.push(promelaComment(`  state ${i}: ${s.name}${s.durable ? '' : ' (volatile)'}${s.final ? ' (final)' : ''}`)));
    role.vars.forEach((v, k) => lines.push(promelaComment(`  var ${k}: ${v.name} (${v.storage})`)));
  });
  lines.push('', ...globals(model), '', ...checkInlines(b), '');
  // With several, each option prints which configuration it chose, so a trail says where it starts (promelaTrail.ts).
  const boot = (config: Float64Array, k = -1) => `d_step { ${[...(k < 0 ? [] : [`printf("@S ${BOOT_OPTION} ${k} 0 0\\n");`]), ...initialValues(model, config), 'stateChecks();', 'started = 1'].join(' ')} }`;
  if (model.initials.length === 1) lines.push('/* The initial configuration, checked before any step (the one state Spin stores beyond ours). */', 'active proctype boot() {', `   ${boot(model.initial)}`, '}', '');
  else
    // Several initial configurations (docs/format-v2.md §2, §8; \`initially\` already applied): one option each, chosen
    // nondeterministically, so Spin stores the boot state and then exactly the engine's initial configurations.
    lines.push(`/* The ${model.initials.length} initial configurations in the checker's order, one chosen nondeterministically and checked before any step (the boot state is the one state Spin stores beyond ours). */`, 'active proctype boot() {', '   if', ...model.initials.map((c, k) => `   :: ${boot(c, k)}`), '   fi', '}', '');
  model.roles.forEach((role, r) => lines.push(...roleProcess(b, role, r), ''));
  if (model.network.model === 'channels' && (model.network.drop > 0 || model.network.duplicate > 0)) lines.push(...networkProcess(b), '');
  return { text: `${lines.join('\n')}\n`, steps: b.steps };
}

/** The option number boot's choice prints in a trail (\`@S BOOT_OPTION k 0 0\`: initial configuration k), beyond any step's. */
export const BOOT_OPTION = 999_999;

function stateType(count: number): string {
  return count <= 256 ? 'byte' : 'short';
}

function globals(model: ModelV2): string[] {
  const out: string[] = ['bit started;', 'int h[64]; /* scratch: update values, indices, send targets; 0 between steps */', 'byte hk;'];
  const copies: string[] = [];
  model.roles.forEach((role, r) => {
    const n = role.instances;
    const st = stateType(role.states.length);
    out.push(`${st} ${stVar(r)}[${n}];`);
    copies.push(`${st} o_${stVar(r)}[${n}];`);
    if (role.modeSlot >= 0) {
      out.push(`bit r${r}_dn[${n}];`);
      // A step invariant's down(i) reads the configuration before the step, as the engine's.
      if (usesFeature(model, 'failStop')) copies.push(`bit o_r${r}_dn[${n}];`);
    }
    if (role.persistedSlot >= 0) out.push(`${st} r${r}_pst[${n}];`);
    // Each instance's crashes, only when its role allows fewer than the design's budget (as the engine's configuration).
    if (role.crashCountSlot >= 0) out.push(`byte r${r}_nc[${n}];`);
    role.vars.forEach((v, k) => {
      // A set is its mask of up to 31 bits (docs/format-v2.md §2).
      const type = v.type.kind === 'int' || v.type.kind === 'set' ? 'int' : 'byte';
      out.push(`${type} ${varVar(r, k)}[${n * v.width}];`);
      copies.push(`${type} o_${varVar(r, k)}[${n * v.width}];`);
    });
  });
  if (model.crashSlot >= 0) {
    out.push('byte crashes;');
    copies.push('byte o_crashes;');
  }
  if (model.dropSlot >= 0) out.push('byte drops;');
  if (model.duplicateSlot >= 0) out.push('byte dups;');
  const net = model.network;
  if (net.model === 'pool') {
    if (net.size > 0) out.push(`bit pool[${net.size}];`);
  } else if (net.channels.length > 0) out.push(`${net.codes < 256 ? 'byte' : 'short'} ch[${net.channels.length * net.capacity}];`);
  return [...out, '/* The configuration before a step (step and transition invariants); 0 between steps. */', ...copies];
}

/** The assignments that make the zeroed globals configuration \`config\` (one of the engine's \`model.initials\`). */
function initialValues(model: ModelV2, config: Float64Array): string[] {
  const out: string[] = [];
  model.roles.forEach((role, r) => {
    for (let i = 0; i < role.instances; i++) {
      const base = model.instances[role.first + i]!.base;
      const state = config[base + role.stateSlot]!;
      if (state !== 0) out.push(`${stVar(r)}[${i}] = ${state};`);
      if (role.persistedSlot >= 0 && config[base + role.persistedSlot] !== 0) out.push(`r${r}_pst[${i}] = ${config[base + role.persistedSlot]};`);
      role.vars.forEach((v, k) => {
        for (let j = 0; j < v.width; j++) if (config[base + v.offset + j] !== 0) out.push(`${varVar(r, k)}[${i * v.width + j}] = ${config[base + v.offset + j]};`);
      });
    }
  });
  return out;
}

function copyLines(model: ModelV2, prefix: string, value: (name: string) => string): string[] {
  const out: string[] = [];
  model.roles.forEach((role, r) => {
    for (let i = 0; i < role.instances; i++) out.push(`${prefix}${stVar(r)}[${i}] = ${value(`${stVar(r)}[${i}]`)};`);
    if (role.modeSlot >= 0 && usesFeature(model, 'failStop')) for (let i = 0; i < role.instances; i++) out.push(`${prefix}r${r}_dn[${i}] = ${value(`r${r}_dn[${i}]`)};`);
    role.vars.forEach((v, k) => {
      for (let i = 0; i < role.instances * v.width; i++) out.push(`${prefix}${varVar(r, k)}[${i}] = ${value(`${varVar(r, k)}[${i}]`)};`);
    });
  });
  if (model.crashSlot >= 0) out.push(`${prefix}crashes = ${value('crashes')};`);
  return out;
}

function invariantAsserts(model: ModelV2, list: readonly InvariantV2[], old: boolean): string[] {
  const out: string[] = [];
  for (const inv of list) {
    const n = inv.role < 0 ? 1 : model.roles[inv.role]!.instances;
    for (let self = 0; self < n; self++) {
      const ctx: PContext = { model, role: inv.role, self, sender: null, fields: [], old };
      out.push(`${assertion(pChecked(inv.expr.text, ctx))} ${promelaComment(`invariant ${inv.name}`)}`);
    }
  }
  return out;
}

function checkInlines(b: Build): string[] {
  const { model } = b;
  const all = [...model.invariants, ...model.roles.flatMap((r) => r.invariants)];
  const out = ['/* State invariants of the configuration reached. */', 'inline stateChecks() {', ...invariantAsserts(model, all.filter((i) => i.kind === 'state'), false).map((l) => `   ${l}`), '   skip', '}'];
  out.push('/* Keep the configuration before the step. */', 'inline save() {', ...(b.stepChecks ? copyLines(model, 'o_', (x) => x) : []).map((l) => `   ${l}`), '   skip', '}');
  out.push('/* Step invariants across the step, then the copies and the scratch back to 0. */', 'inline after() {', ...invariantAsserts(model, all.filter((i) => i.kind === 'step'), true).map((l) => `   ${l}`));
  out.push('   stateChecks();', ...(b.stepChecks ? copyLines(model, 'o_', () => '0') : []).map((l) => `   ${l}`), '   hk = 0;', '   skip', '}');
  return out;
}

/** Index of the payload value tuple p of fields (the engine's encoding: the last field fastest). */
function payloadValues(fields: readonly FieldV2[], p: number): number[] {
  const values: number[] = [];
  for (let f = fields.length - 1; f >= 0; f--) {
    const vs = fields[f]!.values;
    values.unshift(vs[p % vs.length]!);
    p = Math.floor(p / vs.length);
  }
  return values;
}

function fieldsWith(fields: readonly FieldV2[], p: number) {
  const values = payloadValues(fields, p);
  return fields.map((f, i) => ({ name: f.name, type: f.type, value: values[i]! }));
}

function option(b: Build, step: PromelaStepV2, guard: string, body: readonly string[]): string[] {
  const id = b.steps.length;
  b.steps.push(step);
  return [`:: d_step { started && ${guard} ->`, '      save();', `      printf("@S ${id} ${step.instance} 0 0\\n");`, ...body.map((l) => `      ${l}`), '      after()', '   }'];
}

/** `from` states and guard of each candidate, in document order. */
function selectors(role: RoleV2, r: number, self: number, list: readonly TransitionV2[], ctx: PContext): Candidate[] {
  return list.map((t) => {
    const from = `(${role.states.map((_, i) => i).filter((i) => t.from[i]).map((i) => `${stVar(r)}[${self}] == ${i}`).join(' || ')})`;
    const guard = t.guard === null ? null : pChecked(t.guard.text, ctx);
    return { t, test: `${from}${guard === null ? '' : ` && (${guard.code})`}`, err: guard?.err == null ? null : `(${from} && ${guard.err})` };
  });
}

interface Candidate {
  readonly t: TransitionV2;
  readonly test: string;
  /** When evaluating the test fails (the engine's eval-error), or null. */
  readonly err: string | null;
}

/**
 * An option's guard: some candidate's test holds, or testing them in order fails (the step is then
 * the engine's eval-error, which the body asserts); the failure is asked first, so no test runs
 * where it would fail.
 */
function enabledBy(cands: readonly Candidate[]): string {
  let err: string | null = null;
  const before: string[] = [];
  for (const c of cands) {
    if (c.err !== null) err = `${err === null ? '' : `${err} || `}(${before.length ? `${before.map((x) => `!(${x})`).join(' && ')} && ` : ''}${c.err})`;
    before.push(c.test);
  }
  return `(${err === null ? '' : `${err} || `}${cands.map((c) => c.test).join(' || ')})`;
}

/** `assert` that an expression evaluates (else the engine's eval-error) and holds. */
function assertion(e: PCode): string {
  return e.err === null ? `assert(${e.code});` : `assert(!(${e.err}) && (${e.code}));`;
}

/** `assert` that an expression evaluates: none when it cannot fail. */
function evaluates(e: PCode, what: string): string[] {
  return e.err === null ? [] : [`assert(!(${e.err})); ${promelaComment(`eval-error ${what}`)}`];
}

/** First true candidate: nested if/else, or `fallback` when none. */
function selectBody(b: Build, role: RoleV2, r: number, self: number, cands: Candidate[], ctx: PContext, fallback: string[]): string[] {
  if (cands.length === 0) return fallback;
  const [first, ...rest] = cands;
  // Reached when the earlier guards were false: this one's failure is the step's eval-error.
  return [...(first!.err === null ? [] : [`assert(!(${first!.err})); ${promelaComment(`eval-error ${first!.t.name}`)}`]), 'if', `:: ${first!.test} ->`, ...take(b, role, r, self, first!.t, ctx).map((l) => `   ${l}`), ':: else ->', ...selectBody(b, role, r, self, rest, ctx, fallback).map((l) => `   ${l}`), 'fi'];
}

function take(b: Build, role: RoleV2, r: number, self: number, t: TransitionV2, ctx: PContext): string[] {
  const { model } = b;
  const json: TransitionJsonV2 = model.design.roles[r]!.transitions[role.transitions.indexOf(t)]!;
  const out: string[] = [];
  let h = 0;
  const assigns: string[] = [];
  const checks: string[] = [];
  let flagValue = -1;
  for (const [key, text] of Object.entries(json.updates ?? {})) {
    const target = updateTarget(key)!;
    const k = role.vars.findIndex((v) => v.name === target.name);
    const v = role.vars[k]!;
    const want = v.type.kind === 'enum' ? v.type.values : null;
    const hv = h++;
    if (role.record !== null && v === role.record.flag) flagValue = hv;
    const value = pChecked(text, ctx, want, v.type.kind === 'set' ? v.type.of : null);
    out.push(...evaluates(value, t.name), `h[${hv}] = ${value.code};`);
    let index = String(self * v.width);
    if (target.keys.length > 0) {
      const hi = h++;
      const key = pKeyChecked(v, target.keys, ctx);
      out.push(...evaluates(key, t.name), `h[${hi}] = ${key.code};`);
      index = `${self * v.width} + h[${hi}]`;
    }
    if (v.type.kind === 'int') checks.push(`assert(h[${hv}] >= ${v.type.lo} && h[${hv}] <= ${v.type.hi}); ${promelaComment(`out-of-range ${role.name}.${v.name}`)}`);
    assigns.push(`${varVar(r, k)}[${index}] = h[${hv}];`);
  }
  // Sends: every target and payload from the configuration before the step.
  const sends: string[] = [];
  t.sends.forEach((s, j) => {
    const sj = json.send![j]!;
    const msg = model.messages[s.message]!;
    const toRole = model.roles[msg.to]!;
    const hp = h++;
    const terms = msg.payload.fields.map((f, i) => {
      const want = f.type.kind === 'enum' ? f.type.values : null;
      const stride = msg.payload.fields.slice(i + 1).reduce((n, x) => n * x.values.length, 1);
      const e = pChecked(sj.payload![f.name]!, ctx, want);
      out.push(...evaluates(e, t.name));
      // As the engine: an int field outside its range is out-of-range (its index would name another message).
      if (f.type.kind === 'int') checks.push(`assert((${e.code}) >= ${f.type.lo} && (${e.code}) <= ${f.type.hi}); ${promelaComment(`out-of-range ${msg.name}.${f.name}`)}`);
      return `((${e.code}) - (${f.values[0]!})) * ${stride}`;
    });
    out.push(`h[${hp}] = ${terms.length ? terms.join(' + ') : '0'};`);
    let targets: number[];
    let ht = -1;
    if (s.toAll) targets = Array.from({ length: toRole.instances }, (_, d) => d);
    else if (sj.to === undefined) targets = [0];
    else {
      ht = h++;
      const to = pChecked(sj.to, ctx);
      out.push(...evaluates(to, t.name), `h[${ht}] = ${to.code};`);
      targets = Array.from({ length: toRole.instances }, (_, d) => d);
    }
    // `except` (a send to all): the instances left out, each read before the step into a scratch value.
    const left = (sj.except ?? []).map((e) => {
      const he = h++;
      const code = pChecked(e, ctx);
      out.push(...evaluates(code, t.name), `h[${he}] = ${code.code};`);
      return he;
    });
    const from = role.first + self;
    for (const d of targets) {
      const deliver = sendTo(model, from, s.message, self, d, `h[${hp}]`);
      if (ht >= 0) sends.push(`if :: h[${ht}] == ${d} -> ${deliver.join(' ')} :: else -> skip fi;`);
      else if (left.length > 0) sends.push(`if :: ${left.map((he) => `h[${he}] != ${d}`).join(' && ')} -> ${deliver.join(' ')} :: else -> skip fi;`);
      else sends.push(...deliver);
    }
  });
  if (h > 64) throw new ExportRefusal(`${t.name} needs more than 64 scratch values in Promela.`);
  out.push(...checks, ...(flagValue >= 0 ? keepRecord(role, r, self, `h[${flagValue}]`) : []), ...assigns, ...sends);
  if (t.to >= 0) {
    out.push(`${stVar(r)}[${self}] = ${t.to};`);
    if (role.persistedSlot >= 0 && role.states[t.to]!.durable) out.push(`r${r}_pst[${self}] = ${t.to};`);
  }
  if (t.invariants.length) {
    for (const inv of t.invariants) out.push(`${assertion(pChecked(inv.expr.text, { ...ctx, old: true }))} ${promelaComment(`invariant ${inv.name}`)}`);
  }
  for (let i = 0; i < h; i++) out.push(`h[${i}] = 0;`);
  return out;
}

/** Code that puts message kind m with payload index `p` from instance `from` (local `self`) to local `d` of the receiving role. */
function sendTo(model: ModelV2, from: number, m: number, self: number, d: number, p: string): string[] {
  const msg = model.messages[m]!;
  const toRole = model.roles[msg.to]!;
  const net = model.network;
  if (net.model === 'pool') return [`pool[${poolSlot(msg, self, d, 0) - net.base} + ${p}] = 1;`];
  const c = net.channelOf[from * model.instances.length + toRole.first + d]!;
  const base = net.channels[c]!.base - net.channels[0]!.base;
  return [
    `hk = 0; do :: hk < ${net.capacity} && ch[${base} + hk] != 0 -> hk++ :: else -> break od;`,
    `assert(hk < ${net.capacity}); ${promelaComment(`channel-full ${msg.name}`)}`,
    `ch[${base} + hk] = ${msg.code} + ${p}; hk = 0;`,
  ];
}

function roleProcess(b: Build, role: RoleV2, r: number): string[] {
  const { model } = b;
  const opts: string[] = [];
  const net = model.network;
  for (let self = 0; self < role.instances; self++) {
    const g = role.first + self;
    const up = role.modeSlot >= 0 ? `r${r}_dn[${self}] == 0` : '1';
    // Receives.
    if (net.model === 'pool') {
      for (const m of model.messages) {
        if (m.to !== r) continue;
        const list = role.transitions.filter((t) => t.trigger.kind === 'receive' && t.trigger.message === m.index);
        if (list.length === 0) continue;
        const fromRole = model.roles[m.from]!;
        for (let s = 0; s < fromRole.instances; s++) {
          for (let p = 0; p < m.payload.count; p++) {
            const ctx: PContext = { model, role: r, self, sender: { role: m.from, local: s }, fields: fieldsWith(m.payload.fields, p), old: false };
            const cands = selectors(role, r, self, list, ctx);
            const idx = poolSlot(m, s, self, p) - net.base;
            opts.push(...option(b, { kind: 'receive', instance: g, what: m.index, payload: p, sender: fromRole.first + s, position: -1 }, `${up} && pool[${idx}] && ${enabledBy(cands)}`, selectBody(b, role, r, self, cands, ctx, ['skip'])));
          }
        }
      }
    } else {
      for (const ch of net.channels) {
        if (ch.to !== g) continue;
        const base = ch.base - net.channels[0]!.base;
        const sender = model.instances[ch.from]!;
        for (let k = 0; k < (net.reorder ? net.capacity : 1); k++) {
          const distinct = Array.from({ length: k }, (_, j) => ` && ch[${base + j}] != ch[${base + k}]`).join('');
          const dispatch: string[] = ['if'];
          for (const m of model.messages) {
            if (m.to !== r || m.from !== sender.role) continue;
            const list = role.transitions.filter((t) => t.trigger.kind === 'receive' && t.trigger.message === m.index);
            for (let p = 0; p < m.payload.count; p++) {
              const ctx: PContext = { model, role: r, self, sender: { role: m.from, local: sender.local }, fields: fieldsWith(m.payload.fields, p), old: false };
              dispatch.push(`:: h[63] == ${m.code + p} ->`, ...selectBody(b, role, r, self, selectors(role, r, self, list, ctx), ctx, ['skip']).map((l) => `   ${l}`));
            }
          }
          dispatch.push(':: else -> skip', 'fi;');
          const remove = [`h[63] = ch[${base + k}];`, ...removeAt(base, k, net.capacity)];
          opts.push(...option(b, { kind: 'receive', instance: g, what: -1, payload: -1, sender: ch.from, position: k }, `${up} && ch[${base + k}] != 0${distinct}`, [...remove, ...dispatch, 'h[63] = 0;']));
        }
      }
    }
    // Events, with every payload value.
    role.events.forEach((e, ei) => {
      const list = role.transitions.filter((t) => t.trigger.kind === 'event' && t.trigger.event === ei);
      if (list.length === 0) return;
      for (let p = 0; p < e.payload.count; p++) {
        const ctx: PContext = { model, role: r, self, sender: null, fields: fieldsWith(e.payload.fields, p), old: false };
        const cands = selectors(role, r, self, list, ctx);
        opts.push(...option(b, { kind: 'event', instance: g, what: ei, payload: p, sender: -1, position: -1 }, `${up} && ${enabledBy(cands)}`, selectBody(b, role, r, self, cands, ctx, ['skip'])));
      }
    });
    if (role.modeSlot >= 0) {
      const ctx: PContext = { model, role: r, self, sender: null, fields: [], old: false };
      const list = role.transitions.filter((t) => t.trigger.kind === 'restart');
      // A stopping role (`"afterCrash": "stop"`) has no restart: its crashed instance stays down for good.
      if (!role.stops) opts.push(...option(b, { kind: 'restart', instance: g, what: -1, payload: 0, sender: -1, position: -1 }, `r${r}_dn[${self}] == 1`, [`r${r}_dn[${self}] = 0;`, ...selectBody(b, role, r, self, selectors(role, r, self, list, ctx), ctx, ['skip'])]));
      const reset = role.vars.flatMap((v, k) => (v.storage === 'volatile' ? Array.from({ length: v.width }, (_, j) => `${varVar(r, k)}[${self * v.width + j}] = ${v.initial};`) : []));
      const own = role.crashCountSlot >= 0 ? ` && r${r}_nc[${self}] < ${role.crashes}` : '';
      opts.push(...option(b, { kind: 'crash', instance: g, what: -1, payload: 0, sender: -1, position: -1 }, `${up} && crashes < ${model.crashes}${own}`, [
        `r${r}_dn[${self}] = 1;`,
        ...(role.crashCountSlot >= 0 ? [`r${r}_nc[${self}]++;`] : []),
        ...(role.persistedSlot >= 0 ? [`${stVar(r)}[${self}] = r${r}_pst[${self}];`] : []),
        ...restoreRecord(role, r, self),
        ...reset,
        'crashes++;',
      ]));
    }
  }
  // A role that never moves (no transition, no crash: ACP's Votes holds initial choices for the others) has an empty
  // loop, which Promela cannot write: its process waits at an end state instead, changing nothing.
  if (opts.length === 0) return [`active [${role.instances}] proctype r${r}() {`, 'end:', '   false', '}'];
  return [`active [${role.instances}] proctype r${r}() {`, 'end:', '   do', ...opts.map((l) => `   ${l}`), '   od', '}'];
}

/** The engine's `keepRecord` (format-v2.md §7), before the updates: the flag rising copies the record on disk into the shadows, falling resets them. */
function keepRecord(role: RoleV2, r: number, self: number, now: string): string[] {
  const rec = role.record!;
  const slot = (v: VarV2, j: number) => `${varVar(r, role.vars.indexOf(v))}[${self * v.width + j}]`;
  const flag = slot(rec.flag, 0);
  const disk = role.persistedSlot >= 0 ? `r${r}_pst[${self}]` : `${stVar(r)}[${self}]`;
  const capture = [`${slot(rec.state, 0)} = ${disk};`, ...rec.shadows.flatMap(([d, sh]) => Array.from({ length: d.width }, (_, j) => `${slot(sh, j)} = ${slot(d, j)};`))];
  const reset = [rec.state, ...rec.shadows.map(([, sh]) => sh)].flatMap((v) => Array.from({ length: v.width }, (_, j) => `${slot(v, j)} = ${v.initial};`));
  return [`if :: ${flag} == 0 && ${now} == 1 -> ${capture.join(' ')} :: ${flag} == 1 && ${now} == 0 -> ${reset.join(' ')} :: else -> skip fi;`];
}

/** The crash rule's restore of an unflushed record (format-v2.md §7): state and durable vars from the shadows. */
function restoreRecord(role: RoleV2, r: number, self: number): string[] {
  const rec = role.record;
  if (rec === null) return [];
  const slot = (v: VarV2, j: number) => `${varVar(r, role.vars.indexOf(v))}[${self * v.width + j}]`;
  const restore = [
    `${stVar(r)}[${self}] = ${slot(rec.state, 0)};`,
    ...(role.persistedSlot >= 0 ? [`r${r}_pst[${self}] = ${slot(rec.state, 0)};`] : []),
    ...rec.shadows.flatMap(([d, sh]) => Array.from({ length: d.width }, (_, j) => `${slot(d, j)} = ${slot(sh, j)};`)),
  ];
  return [`if :: ${slot(rec.flag, 0)} == 1 -> ${restore.join(' ')} :: else -> skip fi;`];
}

function removeAt(base: number, k: number, cap: number): string[] {
  const out: string[] = [];
  for (let j = k; j < cap - 1; j++) out.push(`ch[${base + j}] = ch[${base + j + 1}];`);
  out.push(`ch[${base + cap - 1}] = 0;`);
  return out;
}

function networkProcess(b: Build): string[] {
  const { model } = b;
  const net = model.network;
  if (net.model !== 'channels') return [];
  const opts: string[] = [];
  const cap = net.capacity;
  net.channels.forEach((ch, c) => {
    const base = ch.base - net.channels[0]!.base;
    if (net.drop > 0) {
      for (let k = 0; k < cap; k++) {
        const skip = net.reorder ? Array.from({ length: k }, (_, j) => ` && ch[${base + j}] != ch[${base + k}]`).join('') : k > 0 ? ` && ch[${base + k - 1}] != ch[${base + k}]` : '';
        opts.push(...option(b, { kind: 'drop', instance: ch.to, what: -1, payload: -1, sender: ch.from, position: k }, `drops < ${net.drop} && ch[${base + k}] != 0${skip}`, [...removeAt(base, k, cap), 'drops++;']));
      }
    }
    if (net.duplicate > 0) {
      for (let k = 0; k < cap - 1; k++) {
        const skip = Array.from({ length: k }, (_, j) => ` && ch[${base + j}] != ch[${base + k}]`).join('');
        opts.push(...option(b, { kind: 'duplicate', instance: ch.to, what: -1, payload: -1, sender: ch.from, position: k }, `dups < ${net.duplicate} && ch[${base + k}] != 0 && ch[${base + cap - 1}] == 0${skip}`, [
          `hk = 0; do :: ch[${base} + hk] != 0 -> hk++ :: else -> break od;`,
          `ch[${base} + hk] = ch[${base + k}]; hk = 0;`,
          'dups++;',
        ]));
      }
    }
    void c;
  });
  // No fault can ever happen (a duplicate needs room for the copy: capacity 1 has none): no process.
  if (opts.length === 0) return [];
  return ['active proctype network() {', 'end:', '   do', ...opts.map((l) => `   ${l}`), '   od', '}'];
}
