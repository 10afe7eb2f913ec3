import { EvaluationError, type DesignError } from '../model';
import { toPointer, type PathSegment } from '../pointer';
import { RESTART_EVENT } from '../restartEvent';
import { compileExpressionV2, entryPosition, type RoleLayout, type ScopeV2 } from './expr/compile';
import type { PoolKind } from './expr/pool';
import { parseExpressionV2 } from './expr/parser';
import { BOOL, fromScalar, type TypeV2 } from './expr/types';
import { positionEvaluator } from './expr/sets';
import { countSlots, layOut, type NetworkShape, type RoleShape } from './layout';
import { LIMITS_V2 } from './limits';
import { networkLinks } from './links';
import type { ExpandedRoleJson } from './calls';
import { poolReceivers } from './poolReceivers';
import { poolSlot, type WitnessV2, type CompiledExprV2, type ElementType, type EvaluatorV2, type UnflushedRecordV2, type EventV2, type FieldV2, type InvariantV2, type MessageV2, type ModelV2, type PayloadShape, type RoleV2, type ScalarType, type SendV2, type StateV2, type TransitionV2, type UpdateV2, type VarV2 } from './model';
import { entryStrides, keyLevels } from './entryLayout';
import { exportFeatures } from './exportFeatures';
import { checkNames } from './names';
import { encodeScalar, instanceName, mapKeyTypes, resolveScalar, showScalar, sizeOf, valuesOf, type RoleNames } from './scalarTypes';
import { initialValues, mapLevels, type DesignV2, type FieldJsonV2, type RoleJson } from './schema';
import { resolveSymmetry, type InstanceNumbering } from './symmetry';

/**
 * The semantic stage of a version-2 design: names, references, sizes (refused before anything
 * is allocated), the configuration layout, then every expression checked and compiled.
 * Returns the model or every error found, each at its JSON Pointer.
 */
export function compileModelV2(design: DesignV2, earlier: readonly DesignError[]): { ok: true; model: ModelV2 } | { ok: false; errors: DesignError[] } {
  const errors: DesignError[] = [...earlier];
  const err = (path: readonly PathSegment[], code: string, message: string): void => {
    errors.push({ path: toPointer(path), code, message });
  };
  const roleJson = design.roles;
  const messagesJson = design.messages ?? [];

  // Roles and their instance counts first: every id type depends on them.
  checkNames(roleJson, ['roles'], 'role name', errors);
  checkNames(messagesJson, ['messages'], 'message name', errors);
  if (roleJson.length === 0) err(['roles'], 'no-roles', 'A design needs at least one role.');
  const instances = roleJson.map((r, i) => {
    const n = r.instances ?? 1;
    if (n < 1 || n > LIMITS_V2.instancesPerRole) {
      err(['roles', i, 'instances'], 'out-of-range', `A role has 1 to ${LIMITS_V2.instancesPerRole} instances, not ${n}.`);
      return 1;
    }
    return n;
  });
  const total = instances.reduce((a, b) => a + b, 0);
  if (total > LIMITS_V2.instances) err(['roles'], 'too-many', `The roles have ${total} instances together; at most ${LIMITS_V2.instances} are allowed.`);
  const names: RoleNames = { names: roleJson.map((r) => r.name), instances };
  const roleIndex = (name: string): number => names.names.indexOf(name);

  const fields = (list: readonly FieldJsonV2[] | undefined, path: PathSegment[]): PayloadShape | null => {
    checkNames(list, path, 'payload field name', errors);
    const out: FieldV2[] = [];
    let count = 1;
    let ok = true;
    (list ?? []).forEach((f, k) => {
      const type = resolveScalar(f.type, [...path, k, 'type'], names, errors);
      if (!type) {
        ok = false;
        return;
      }
      count *= sizeOf(type, names);
      out.push({ name: f.name, type, values: count <= LIMITS_V2.payloadValues ? valuesOf(type, names) : [] });
    });
    if (ok && count > LIMITS_V2.payloadValues) {
      err(path, 'too-many-payloads', `These payload fields take ${count} distinct values together; at most ${LIMITS_V2.payloadValues} are allowed.`);
      return null;
    }
    return ok ? { fields: out, count } : null;
  };

  // Messages.
  const messageShapes = messagesJson.map((m, i) => {
    const from = roleIndex(m.from);
    const to = roleIndex(m.to);
    if (from < 0) err(['messages', i, 'from'], 'unknown-role', `Unknown role "${m.from}"; a message goes from one of the roles (${names.names.join(', ')}).`);
    if (to < 0) err(['messages', i, 'to'], 'unknown-role', `Unknown role "${m.to}"; a message goes to one of the roles (${names.names.join(', ')}).`);
    const payload = fields(m.payload, ['messages', i, 'payload']);
    return { name: m.name, from, to, payload };
  });

  // Each role's states, vars and events.
  const roleShapes = roleJson.map((r, ri) => roleShape(r, ri));
  function roleShape(r: RoleJson, ri: number) {
    const base: PathSegment[] = ['roles', ri];
    checkNames(r.states, [...base, 'states'], 'state name', errors);
    checkNames(r.vars, [...base, 'vars'], 'var name', errors);
    checkNames(r.events, [...base, 'events'], 'event name', errors);
    // Several initial states: each instance starts in any of them (TLA+'s `pc \in S` in Init, §2).
    const initials = r.states.flatMap((s, k) => (s.initial ? [k] : []));
    if (initials.length === 0) err([...base, 'states'], 'no-initial-state', `${r.name} has no initial state; mark one state "initial": true.`);
    const states: StateV2[] = r.states.map((s) => ({ name: s.name, initial: s.initial ?? false, final: s.final ?? false, durable: (s.storage ?? 'durable') === 'durable' }));
    for (const k of initials) {
      if (!states[k]!.durable) err([...base, 'states', k, 'storage'], 'volatile-initial', 'An initial state is where a crashed instance restarts when it never entered a durable state; it must be durable.');
    }
    const vars = (r.vars ?? []).map((v, k) => {
      const path: PathSegment[] = [...base, 'vars', k];
      const levels = mapKeyTypes(v.type, [...path, 'type'], names, errors);
      const keys = levels?.[0] ?? null;
      const inner = levels?.slice(1) ?? [];
      const written = mapLevels(v.type).leaf;
      const type: ScalarType | null = levels === null ? null : resolveScalar(written, [...path, 'type', ...levels.flatMap(() => ['map', 'to'])], names, errors);
      const mapOf = keys?.kind === 'id' ? keys.role : -1;
      // A set's value is a list of elements; several initial sets are a list of such lists (docs/format-v2.md §2).
      const isSet = typeof written === 'object' && 'set' in written;
      const { listed, values } = initialValues(v.type, v.initial);
      const initials: number[] = [];
      if (listed && values.length === 0) err([...path, 'initial'], 'bad-initial', 'A list of initial values needs at least one value.');
      if (listed && (v.storage ?? 'durable') === 'volatile') err([...path, 'initial'], 'bad-initial', 'A volatile var goes back to its one initial value in a crash: give it one value, not a list.');
      if (type) {
        values.forEach((value, j) => {
          const encoded = encodeScalar(type, value, names);
          const at: PathSegment[] = listed ? [...path, 'initial', j] : [...path, 'initial'];
          if (encoded === null) err(at, 'bad-initial', `The initial value ${JSON.stringify(value)} is not ${showScalar(type, names)}${keys ? ' (a map starts with this value at every key)' : ''}${isSet && !listed ? '; several initial sets are a list of lists, as in [[], ["a"]]' : ''}.`);
          else if (initials.includes(encoded)) err(at, 'bad-initial', `The initial value ${JSON.stringify(value)} is listed twice.`);
          else initials.push(encoded);
        });
      }
      const width = (levels ?? []).reduce((n, k) => n * sizeOf(k, names), 1);
      return { name: v.name, type: type ?? ({ kind: 'bool' } as ScalarType), mapOf, keys, inner, width, storage: v.storage ?? 'durable', initial: initials[0] ?? 0, initials: initials.length ? initials : [0] };
    });
    const events = (r.events ?? []).map((e, k) => ({ name: e.name, source: e.source, payload: fields(e.payload, [...base, 'events', k, 'payload']) }));
    return { states, initial: initials[0] ?? 0, initialStates: initials.length ? initials : [0], vars, events };
  }

  // Environment.
  const env = design.environment ?? {};
  const net = env.network ?? { model: 'channels' as const };
  const budget = (value: number | undefined, path: PathSegment[], what: string): number => {
    const v = value ?? 0;
    if (v < 0 || v > LIMITS_V2.budget) {
      err(path, 'out-of-range', `The ${what} budget is 0 to ${LIMITS_V2.budget}, not ${v}.`);
      return 0;
    }
    return v;
  };
  const links = networkLinks(net.model ?? 'channels', net.links ?? [], messageShapes, names.names, err);
  if (links.every((l) => l.pool)) {
    for (const key of ['capacity', 'drop', 'duplicate', 'reorder', 'lossy', 'whenFull', 'unexpected'] as const) {
      if (net[key] !== undefined) err(['environment', 'network', key], 'not-for-pool', `"${key}" belongs to the channels model: in the pool a message is never removed, so loss, duplication and reordering are already there.`);
    }
  }
  if (net.lossy === true && net.drop !== undefined) err(['environment', 'network', 'drop'], 'lossy-and-drop', 'A lossy network drops any message any number of times; a "drop" budget beside it means nothing: give one of the two.');
  const capacity = net.capacity ?? 2;
  if (capacity < 1 || capacity > LIMITS_V2.capacity) err(['environment', 'network', 'capacity'], 'out-of-range', `A channel holds 1 to ${LIMITS_V2.capacity} messages, not ${capacity}.`);
  const network: NetworkShape = {
    // A set (docs/format-v2.md §6) lives in the pool's slots; only its receive differs (MessageV2.consumed).
    model: (net.model ?? 'channels') === 'channels' ? 'channels' : 'pool',
    capacity: Math.min(Math.max(capacity, 1), LIMITS_V2.capacity),
    drop: budget(net.drop, ['environment', 'network', 'drop'], 'drop'),
    lossy: net.lossy ?? false,
    blockWhenFull: net.whenFull === 'block',
    waitUnexpected: net.unexpected === 'wait',
    duplicate: budget(net.duplicate, ['environment', 'network', 'duplicate'], 'duplicate'),
    reorder: net.reorder ?? false,
  };
  const crashes = budget(env.crashes, ['environment', 'crashes'], 'crash');
  // Per role (docs/format-v2.md §7): at most `crashes` of each instance, within the design's budget.
  const roleCrashes = roleJson.map((r, i) => {
    if (r.crashes === undefined) return { crashes: r.afterCrash === 'stop' ? Math.min(crashes, 1) : crashes, counts: false };
    if (r.crashes < 0 || r.crashes > LIMITS_V2.budget) {
      err(['roles', i, 'crashes'], 'out-of-range', `An instance of ${r.name} crashes 0 to ${LIMITS_V2.budget} times, not ${r.crashes}.`);
      return { crashes: 0, counts: false };
    }
    if (r.crashes > 0 && (env.crashes ?? 0) === 0) {
      err(['roles', i, 'crashes'], 'no-crash-budget', `${r.name} may crash ${r.crashes === 1 ? 'once' : `${r.crashes} times`} per instance, but the design's crash budget is 0: set "environment": { "crashes": N } (the total for all instances), or set this to 0.`);
      return { crashes: 0, counts: false };
    }
    // Below the design's budget each instance counts its crashes; at or above it the budget alone bounds them.
    // A stopped instance never comes back, so it crashes at most once: its mode says whether it has (no count).
    if (r.afterCrash === 'stop') return { crashes: Math.min(r.crashes, crashes, 1), counts: false };
    return { crashes: Math.min(r.crashes, crashes), counts: r.crashes < crashes };
  });
  if (errors.length || messageShapes.some((m) => m.payload === null) || roleShapes.some((r) => r.events.some((e) => e.payload === null))) return { ok: false, errors };

  // Sizes, before anything is allocated.
  const shapes: RoleShape[] = roleShapes.map((r, i) => ({ instances: instances[i]!, crashes: roleCrashes[i]!.crashes, countsCrashes: roleCrashes[i]!.counts, states: r.states.length, hasVolatileState: r.states.some((s) => !s.durable), vars: r.vars }));
  const receivers = poolReceivers(roleJson, messageShapes, links, instances);
  const sized = countSlots(shapes, names, messageShapes.map((m, i) => ({ from: m.from, to: m.to, count: m.payload!.count, pool: links[i]!.pool, receivers: receivers[i]! })), network);
  if (sized.pool > LIMITS_V2.poolMessages) err(['messages'], 'too-many', `The pool could hold ${sized.pool} distinct messages (kind × sender × receiver × payload); at most ${LIMITS_V2.poolMessages} are allowed.`);
  if (sized.channelSlots > LIMITS_V2.channelSlots) err(['environment', 'network'], 'too-many', `The channels need ${sized.channelSlots} message slots (channels × capacity); at most ${LIMITS_V2.channelSlots} are allowed.`);
  if (sized.slots > LIMITS_V2.slots) err([], 'too-large', `A configuration of this design has ${sized.slots} parts; at most ${LIMITS_V2.slots} are allowed.`);
  if (errors.length) return { ok: false, errors };

  let poolBase = 0;
  let code = 1;
  const messages: MessageV2[] = messageShapes.map((m, index) => {
    const { pool, consumed, reliable } = links[index]!;
    const msg = { name: m.name, index, from: m.from, to: m.to, payload: m.payload!, poolBase: pool ? poolBase : -1, receivers: receivers[index]!, code: pool ? 0 : code, pool, consumed, reliable };
    if (pool) poolBase += instances[m.from]! * msg.receivers * m.payload!.count;
    else code += m.payload!.count;
    return msg;
  });
  const layout = layOut(shapes, names, messages, network, crashes, code - 1);
  for (const m of messages) if (m.pool) (m as { poolBase: number }).poolBase += layout.network.base;

  const roleLayouts: RoleLayout[] = roleShapes.map((r, i) => ({
    name: names.names[i]!,
    instances: instances[i]!,
    states: r.states.map((s) => s.name),
    vars: r.vars.map((v, k) => ({ ...v, offset: layout.roles[i]!.varOffsets[k]! })),
    bases: layout.roles[i]!.bases,
    stateSlot: layout.roles[i]!.stateSlot,
    modeSlot: layout.roles[i]!.modeSlot,
  }));

  let binders = 0;
  let instanceArithmetic = false;
  let setExpressions = false;
  let readsDown = false;
  const numberings: InstanceNumbering[] = [];
  const compile = (text: string, path: PathSegment[], scope: ScopeV2, expected: TypeV2 | null): CompiledExprV2 | null => {
    const pointer = toPointer(path);
    const parsed = parseExpressionV2(text);
    if (!parsed.ok) {
      const { code: c, column, message } = parsed.error;
      errors.push({ path: pointer, code: c, column, message: `Column ${column}: ${message}` });
      return null;
    }
    const compiled = compileExpressionV2(parsed.expr, scope, expected);
    for (const p of compiled.problems) errors.push({ path: pointer, code: p.code, column: p.column, message: `Column ${p.column}: ${p.message}` });
    if (compiled.problems.length) return null;
    binders = Math.max(binders, compiled.binders);
    if (compiled.instanceArithmetic) instanceArithmetic = true;
    if (compiled.setExpressions) setExpressions = true;
    if (compiled.readsDown) readsDown = true;
    for (const role of compiled.numbersInstancesOf) numberings.push({ path: pointer, role });
    return { text, path: pointer, evaluate: compiled.evaluate, reads: compiled.reads };
  };
  // A map entry's key, evaluated to the entry's position (an int key outside its range is an evaluation error).
  const compileKey = (text: string, path: PathSegment[], scope: ScopeV2, keys: ElementType, varName: string): CompiledExprV2 | null => {
    const key = compile(text, path, scope, fromScalar(keys, varName, names.names));
    return key && { ...key, evaluate: positionEvaluator(keys, key.evaluate, varName, 1) };
  };
  const pool: PoolKind[] = messages
    .filter((m) => m.pool)
    .map((m) => {
      const [count, receivers] = [m.payload.count, instances[m.to]!];
      const size = instances[m.from]! * receivers * count;
      // Place k of the block is (sender × receivers + receiver) × payloads + payload.
      const slots = Int32Array.from({ length: size }, (_, k) => poolSlot(m, Math.floor(k / (count * receivers)), Math.floor(k / count) % receivers, k % count));
      return { name: m.name, from: m.from, to: m.to, fields: m.payload.fields, count, receivers, size, slots };
    });
  const scopeBase = { roles: roleLayouts, crashSlot: layout.crashSlot, pool };
  const invariantNames = new Set<string>();
  const invariant = (inv: { name: string; expr: string; kind?: 'state' | 'step' }, path: PathSegment[], role: number, extra: Partial<ScopeV2> = {}): InvariantV2 | null => {
    if (inv.name.length < 1 || inv.name.length > 64) err([...path, 'name'], 'bad-name', 'An invariant name has 1 to 64 characters.');
    else if (invariantNames.has(inv.name)) err([...path, 'name'], 'duplicate-name', `The invariant "${inv.name}" is already declared; invariant names are unique across the design.`);
    invariantNames.add(inv.name);
    const transitionLevel = extra.event !== undefined;
    const kind = transitionLevel ? 'step' : (inv.kind ?? 'state');
    const what = transitionLevel ? 'transition invariant' : `${kind} invariant`;
    const scope: ScopeV2 = { ...scopeBase, role, event: null, senderRole: -1, primes: kind === 'step', invariant: true, what, ...extra };
    const expr = compile(inv.expr, [...path, 'expr'], scope, BOOL);
    if (!expr) return null;
    const witness = kind === 'state' ? witnessOf(inv.expr, scope) : undefined;
    return witness ? { name: inv.name, kind, role, expr, witness } : { name: inv.name, kind, role, expr };
  };
  // The body of an invariant `forall a, b in R: …`, compiled with a and b bound (slots 0, 1), so a
  // violation can name the instances that break it; `!(exists a, b in R: …)` is the same invariant
  // (its witness is a tuple whose body holds). Only for the message: the check uses `expr`.
  const witnessOf = (text: string, scope: ScopeV2): WitnessV2 | undefined => {
    const parsed = parseExpressionV2(text);
    if (!parsed.ok) return undefined;
    const top = parsed.expr;
    const negated = top.kind === 'unary' && top.op === '!' && top.operand.kind === 'quantifier' && top.operand.q === 'exists';
    const q = negated ? top.operand : top;
    if (q.kind !== 'quantifier' || (!negated && q.q !== 'forall') || q.over !== undefined) return undefined;
    const role = roleLayouts.findIndex((r) => r.name === q.role);
    if (role < 0) return undefined;
    const body = compileExpressionV2(q.body, { ...scope, bound: q.names.map((name) => ({ name, role })) }, BOOL);
    if (body.problems.length) return undefined;
    const holds = body.evaluate;
    return { names: q.names, role, body: negated ? (env) => (holds(env) === 0 ? 1 : 0) : holds };
  };

  const invariants: InvariantV2[] = [];
  (design.invariants ?? []).forEach((inv, k) => {
    const compiled = invariant(inv, ['invariants', k], -1);
    if (compiled) invariants.push(compiled);
  });

  // Which combinations of listed initial values are initial configurations: a design-level predicate (no self).
  const initiallyExpr = design.initially === undefined ? null : compile(design.initially, ['initially'], { ...scopeBase, role: -1, event: null, senderRole: -1, primes: false, invariant: true, what: 'initially' }, BOOL);

  const allTransitions: TransitionV2[] = [];
  const roles: RoleV2[] = roleJson.map((r, ri) => {
    const shape = roleShapes[ri]!;
    const rl = roleLayouts[ri]!;
    // Client events never get here: `clients.ts` refuses them in a design of several participants.
    const events: EventV2[] = shape.events.map((e) => ({ name: e.name, source: e.source as EventV2['source'], payload: e.payload! }));
    const roleInvariants: InvariantV2[] = [];
    (r.invariants ?? []).forEach((inv, k) => {
      const compiled = invariant(inv, ['roles', ri, 'invariants', k], ri);
      if (compiled) roleInvariants.push(compiled);
    });
    const transitions: TransitionV2[] = [];
    // A state's index by name (the first of a repeated name, as findIndex would give), once per role.
    const stateIndex = new Map<string, number>();
    shape.states.forEach((x, s) => {
      if (!stateIndex.has(x.name)) stateIndex.set(x.name, s);
    });
    r.transitions.forEach((t, k) => {
      const path: PathSegment[] = ['roles', ri, 'transitions', k];
      const name = t.id ?? `${r.name}#${k}`;
      if (t.id !== undefined && (t.id.length < 1 || t.id.length > 64 || /^#\d+$/.test(t.id) || t.id.includes('#'))) err([...path, 'id'], 'bad-id', 'A transition id has 1 to 64 characters and no "#" (Role#k names a transition without an id).');
      if (t.id !== undefined && allTransitions.some((x) => x.name === t.id)) err([...path, 'id'], 'duplicate-id', `The transition id "${t.id}" is already used; ids are unique across the design.`);
      const fromNames = typeof t.from === 'string' ? [t.from] : t.from;
      const from: boolean[] = new Array<boolean>(shape.states.length).fill(false);
      if (fromNames.length === 0) err([...path, 'from'], 'no-from', 'Name at least one state the transition leaves.');
      fromNames.forEach((f, j) => {
        const s = stateIndex.get(f) ?? -1;
        if (s < 0) err(typeof t.from === 'string' ? [...path, 'from'] : [...path, 'from', j], 'unknown-state', `Unknown state "${f}" of ${r.name}.`);
        else from[s] = true;
      });
      let to = -1;
      if (t.to !== undefined) {
        to = stateIndex.get(t.to) ?? -1;
        if (to < 0) err([...path, 'to'], 'unknown-state', `Unknown state "${t.to}" of ${r.name}.`);
      }
      let trigger: TransitionV2['trigger'] = { kind: 'restart' };
      let event: ScopeV2['event'] = 'restart';
      let senderRole = -1;
      if ((t.event === undefined) === (t.receive === undefined)) {
        err(path, 'trigger', 'A transition has exactly one of "event" (an internal or timer event of its role, or "$restart") and "receive" (a message kind sent to its role).');
      } else if (t.event === RESTART_EVENT && r.afterCrash === 'stop') {
        err([...path, 'event'], 'restart-never-taken', `${r.name} has "afterCrash": "stop": a crashed instance stays down for the rest of the run, so this $restart transition could never be taken; remove it, or set "afterCrash": "restart".`);
      } else if (t.event !== undefined && t.event !== RESTART_EVENT) {
        const e = events.findIndex((x) => x.name === t.event);
        if (e < 0) err([...path, 'event'], 'unknown-event', `Unknown event "${t.event}" of ${r.name}${events.length ? ` (its events: ${events.map((x) => x.name).join(', ')})` : ''}; messages are taken with "receive".`);
        else {
          trigger = { kind: 'event', event: e };
          event = { name: t.event, fields: events[e]!.payload.fields };
        }
      } else if (t.receive !== undefined) {
        const m = messages.findIndex((x) => x.name === t.receive);
        if (m < 0) {
          // The usual slip: an event of the role written as "receive"; otherwise say which kinds come to this role.
          const inbox = messages.filter((x) => x.to === ri).map((x) => x.name);
          const hint = events.some((x) => x.name === t.receive)
            ? `: it is an event of ${r.name}, taken with "event": "${t.receive}"`
            : inbox.length ? ` (the kinds sent to ${r.name}: ${inbox.join(', ')})` : ` (no message kind is sent to ${r.name}: declare one in "messages" with "to": "${r.name}")`;
          err([...path, 'receive'], 'unknown-message', `Unknown message "${t.receive}"${hint}.`);
        } else {
          // A wrong receiver is reported once; its expressions are still checked as if it were right.
          if (messages[m]!.to !== ri) err([...path, 'receive'], 'wrong-receiver', `${t.receive} is sent to ${names.names[messages[m]!.to]}, not to ${r.name}.`);
          trigger = { kind: 'receive', message: m };
          event = { name: t.receive, fields: messages[m]!.payload.fields };
          senderRole = messages[m]!.from;
        }
      }
      // An event or message that does not exist leaves no sender or payload to read: what its expressions say
      // about those (below) follows from the one error above, so it is not reported again.
      const triggerUnknown = (t.event !== undefined) !== (t.receive !== undefined) && t.event !== RESTART_EVENT && trigger.kind === 'restart';
      const firstExpressionError = errors.length;
      // Written out, not spread from scopeBase: a spread here cost more than the rest of the transition's checks.
      const scope: ScopeV2 = { roles: scopeBase.roles, crashSlot: scopeBase.crashSlot, pool, role: ri, event, senderRole, primes: false, invariant: false, what: 'guard' };
      const guard = t.guard === undefined ? null : compile(t.guard, [...path, 'guard'], scope, BOOL);
      const updates: UpdateV2[] = [];
      for (const [key, text] of Object.entries(t.updates ?? {})) {
        const m = updateTarget(key);
        const upath = [...path, 'updates', key];
        const v = m ? rl.vars.find((x) => x.name === m.name) : undefined;
        if (!m || !v) {
          err(upath, 'unknown-var', m ? `Unknown var "${m.name}" of ${r.name}; updates assign the role's own vars.` : `"${key}" is not a var or a map entry (write x, m[i] or m[i][j]).`);
          continue;
        }
        const levels = keyLevels(v);
        if (levels.length !== m.keys.length) {
          const example = `${v.name}${levels.map((k, j) => `[${j === 0 && v.mapOf >= 0 ? 'sender' : k.kind === 'id' ? `${names.names[k.role]}[1]` : 'k'}]`).join('')}`;
          err(upath, 'map-index', levels.length === 0 ? `${v.name} is not a map, so it cannot be indexed.` : `${v.name} is a ${levels.length > 1 ? 'nested ' : ''}map: assign one entry, as in "${example}"${m.keys.length > 0 ? ` (${levels.length} key${levels.length === 1 ? '' : 's'}, not ${m.keys.length})` : ''}.`);
          continue;
        }
        // Each key's position, then the entry's: Σ position × stride, the first key major (entryLayout.ts).
        const strides = entryStrides(v, names);
        const keyParts = levels.map((k, j) => {
          const key = compileKey(m.keys[j]!, upath, { ...scope, what: 'map index' }, k, v.name);
          return key && { at: key.evaluate, stride: strides[j]! };
        });
        const value = compile(text, upath, { ...scope, what: 'update' }, fromScalar(v.type, v.name, names.names));
        if (value && keyParts.every((p) => p !== null)) updates.push({ variable: v, index: keyParts.length === 0 ? null : entryPosition(keyParts as { at: EvaluatorV2; stride: number }[]), value: value.evaluate, path: toPointer(upath) });
      }
      const sends: SendV2[] = [];
      (t.send ?? []).forEach((s, j) => {
        const spath = [...path, 'send', j];
        const m = messages.findIndex((x) => x.name === s.message);
        if (m < 0) return err([...spath, 'message'], 'unknown-message', `Unknown message "${s.message}".`);
        const msg = messages[m]!;
        if (msg.from !== ri) return err([...spath, 'message'], 'wrong-sender', `${s.message} is sent by ${names.names[msg.from]}, not by ${r.name}.`);
        const toAll = s.toAll ?? false;
        if (toAll && s.to !== undefined) return err(spath, 'send-target', 'Give "to" (one instance) or "toAll": true, not both.');
        if (!toAll && s.to === undefined && instances[msg.to]! > 1) return err(spath, 'send-target', `${names.names[msg.to]} has ${instances[msg.to]} instances: say which with "to" (e.g. "sender" or "${names.names[msg.to]}[1]"), or send to all with "toAll": true.`);
        const target = s.to === undefined ? null : compile(s.to, [...spath, 'to'], { ...scope, what: 'send target' }, { kind: 'id', role: msg.to, roleName: names.names[msg.to]! });
        const given = s.payload ?? {};
        const payload = msg.payload.fields.map((f) => {
          if (!(f.name in given)) {
            err([...spath, 'payload'], 'missing-field', `${s.message} needs a value for its payload field "${f.name}".`);
            return null;
          }
          return compile(given[f.name]!, [...spath, 'payload', f.name], { ...scope, what: 'payload value' }, fromScalar(f.type, f.name, names.names));
        });
        for (const key of Object.keys(given)) {
          if (!msg.payload.fields.some((f) => f.name === key)) err([...spath, 'payload', key], 'unknown-field', `${s.message} has no payload field "${key}".`);
        }
        if (s.except !== undefined && !toAll) err([...spath, 'except'], 'send-target', '"except" leaves instances out of a send to all: it needs "toAll": true.');
        const except = (s.except ?? []).map((e, k) => compile(e, [...spath, 'except', k], { ...scope, what: 'send exception' }, { kind: 'id', role: msg.to, roleName: names.names[msg.to]! }));
        if (payload.every((p) => p !== null) && except.every((e) => e !== null) && (s.to === undefined || target)) sends.push({ message: m, to: target?.evaluate ?? null, toAll, except: except.map((e) => e!.evaluate), payload: payload.map((p) => p!.evaluate), path: toPointer(spath) });
      });
      const tInvariants: InvariantV2[] = [];
      (t.invariants ?? []).forEach((inv, j) => {
        const compiled = invariant({ ...inv, kind: 'step' }, [...path, 'invariants', j], ri, { event, senderRole });
        if (compiled) tInvariants.push(compiled);
      });
      if (triggerUnknown) {
        const kept = errors.splice(firstExpressionError).filter((e) => e.code !== 'sender-not-allowed' && e.code !== 'event-on-restart');
        errors.push(...kept);
      }
      const transition: TransitionV2 = { name, role: ri, index: allTransitions.length, from, trigger, to, guard, updates, sends, invariants: tInvariants, path: toPointer(path) };
      transitions.push(transition);
      allTransitions.push(transition);
    });
    const lr = layout.roles[ri]!;
    return {
      name: r.name,
      index: ri,
      instances: instances[ri]!,
      first: lr.first,
      states: shape.states,
      initialState: shape.initial,
      initialStates: shape.initialStates,
      vars: rl.vars,
      events,
      transitions,
      invariants: roleInvariants,
      bases: Array.from(lr.bases),
      crashes: roleCrashes[ri]!.crashes,
      stops: r.afterCrash === 'stop' && roleCrashes[ri]!.crashes > 0,
      modeSlot: lr.modeSlot,
      stateSlot: lr.stateSlot,
      persistedSlot: lr.persistedSlot,
      crashCountSlot: lr.crashCountSlot,
      record: recordOf(r, rl.vars),
    };
  });
  if (errors.length) return { ok: false, errors };

  const initial = new Float64Array(layout.size);
  const instanceList = roles.flatMap((role) =>
    role.bases.map((base, local) => {
      initial[base + role.stateSlot] = role.initialState;
      if (role.persistedSlot >= 0) initial[base + role.persistedSlot] = role.initialState;
      for (const v of role.vars as VarV2[]) initial.fill(v.initial, base + v.offset, base + v.offset + v.width);
      return { role: role.index, local, name: instanceName(role.name, role.instances, local), base };
    }),
  );
  const payloadSlots = Math.max(0, ...messages.map((m) => m.payload.fields.length), ...roles.flatMap((r) => r.events.map((e) => e.payload.fields.length)));
  const starts = initialConfigurations(roles, initial, initiallyExpr, binders, err);
  const symmetry = resolveSymmetry(design, names.names, instances, numberings, errors);
  if (errors.length || starts === null) return { ok: false, errors };
  return {
    ok: true,
    model: {
      version: 2,
      name: design.name,
      design,
      ...(design.description !== undefined ? { description: design.description } : {}),
      roles,
      instances: instanceList,
      messages,
      transitions: allTransitions,
      invariants,
      network: layout.network,
      crashes,
      crashSlot: layout.crashSlot,
      dropSlot: layout.dropSlot,
      duplicateSlot: layout.duplicateSlot,
      checks: { deadlock: env.checks?.deadlock ?? true },
      size: layout.size,
      slotLo: layout.slotLo,
      slotBits: layout.slotBits,
      initial: starts[0]!,
      initials: starts,
      exportFeatures: exportFeatures(roles, {
        network: layout.network,
        consumed: messages.some((m) => m.consumed),
        instanceArithmetic,
        setExpressions,
        readsDown,
      }),
      bound: binders,
      payloadSlots,
      ...(symmetry ? { symmetry } : {}),
    },
  };
}

/**
 * An update's key split into the var's name and its keys' texts: `x`, `m[i]`, `m[i][j]` (a key may
 * hold brackets and quoted text: `m[RM[1]]["a]"]`). Null when it is none of these.
 */
export function updateTarget(key: string): { name: string; keys: string[] } | null {
  const m = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*/.exec(key);
  if (!m) return null;
  const keys: string[] = [];
  let i = m[0].length;
  while (i < key.length) {
    if (/\s/.test(key[i]!)) {
      i++;
      continue;
    }
    if (key[i] !== '[') return null;
    let depth = 0;
    let j = i;
    for (; j < key.length; j++) {
      const c = key[j]!;
      if (c === '"') {
        const close = key.indexOf('"', j + 1);
        if (close < 0) return null;
        j = close;
      } else if (c === '[') depth++;
      else if (c === ']' && --depth === 0) break;
    }
    if (j >= key.length) return null;
    keys.push(key.slice(i + 1, j));
    i = j + 1;
  }
  return { name: m[1]!, keys };
}

/** The unflushed record the call expansion put on a role (calls.ts `addRecord`), as compiled vars. */
function recordOf(r: RoleJson, vars: readonly VarV2[]): UnflushedRecordV2 | null {
  const json = (r as ExpandedRoleJson).unflushed;
  if (json === undefined) return null;
  const v = (name: string): VarV2 => vars.find((x) => x.name === name)!;
  return { flag: v(json.flag), state: v(json.state), shadows: json.shadows.map(([d, s]) => [v(d), v(s)] as const) };
}

/**
 * The initial configurations (docs/format-v2.md §8): every combination of the roles' initial states
 * and the vars' listed initial values (instance by instance in role order, its state then var by
 * var, map entry by entry; the last varies fastest, a list's first value first) for which
 * `initially` holds. Null after reporting an error.
 */
function initialConfigurations(roles: readonly RoleV2[], initial: Float64Array, initially: CompiledExprV2 | null, binders: number, err: (path: PathSegment[], code: string, message: string) => void): Float64Array[] | null {
  // `twin`: the persisted state, which starts as the chosen initial state (-1: none).
  const choices: { slot: number; twin: number; values: readonly number[] }[] = [];
  for (const role of roles) {
    for (const base of role.bases) {
      if (role.initialStates.length > 1) choices.push({ slot: base + role.stateSlot, twin: role.persistedSlot >= 0 ? base + role.persistedSlot : -1, values: role.initialStates });
      for (const v of role.vars) if (v.initials.length > 1) for (let k = 0; k < v.width; k++) choices.push({ slot: base + v.offset + k, twin: -1, values: v.initials });
    }
  }
  let combinations = 1;
  for (const c of choices) combinations *= c.values.length;
  if (combinations > LIMITS_V2.initialCombinations) {
    err(['roles'], 'too-many', `The listed initial states and values make ${combinations} combinations; at most ${LIMITS_V2.initialCombinations} are tried.`);
    return null;
  }
  if (combinations * initial.length > LIMITS_V2.initialParts) {
    err(['roles'], 'too-many', `The listed initial states and values make ${combinations} combinations of ${initial.length} parts each; at most ${LIMITS_V2.initialParts} parts in all are built.`);
    return null;
  }
  if (choices.length === 0 && initially === null) return [initial];
  const env = { pre: initial, post: initial, self: 0, sender: 0, payload: new Float64Array(1), bound: new Float64Array(Math.max(1, binders)) };
  const out: Float64Array[] = [];
  const digits = new Int32Array(choices.length);
  for (let n = 0; n < combinations; n++) {
    const vec = initial.slice();
    choices.forEach((c, i) => {
      vec[c.slot] = c.values[digits[i]!]!;
      if (c.twin >= 0) vec[c.twin] = vec[c.slot]!;
    });
    env.pre = vec;
    env.post = vec;
    let holds = true;
    if (initially !== null) {
      try {
        holds = initially.evaluate(env) !== 0;
      } catch (e) {
        if (!(e instanceof EvaluationError)) throw e;
        err(['initially'], 'eval-error', `"initially" could not be evaluated: ${e.message}`);
        return null;
      }
    }
    if (holds) out.push(vec);
    for (let i = choices.length - 1; i >= 0; i--) {
      if (++digits[i]! < choices[i]!.values.length) break;
      digits[i] = 0;
    }
  }
  if (out.length === 0) {
    err(['initially'], 'no-initial-configuration', 'No combination of the listed initial states and values satisfies "initially": the design has no initial configuration.');
    return null;
  }
  return out;
}
