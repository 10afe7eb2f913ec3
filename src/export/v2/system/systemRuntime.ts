/**
 * The design as a running system: `export --to harness|monitor` emit this file's text verbatim
 * (as `system.ts`, after the imports of the role modules). It wires one exported role `Instance`
 * and one memory `Store` per instance through an in-memory network with the design's model
 * (pool, or channels with capacity, drop, duplicate and reorder) and its crash budget, lists its
 * enabled steps labelled as the studio's engine labels them (docs/format-v2.md §8), and shows
 * itself as the studio's simulator does. The step rules are the exported modules' `decide`; this
 * file adds only the network and the faults. The property test `system.property.test.ts` holds
 * it to the engine step by step on every example.
 */

export type SystemValue = string | number | boolean;
export type SystemPayload = Readonly<Record<string, SystemValue>>;

export interface SystemMessage {
  readonly kind: string;
  readonly from: string;
  readonly to: string;
  readonly payload: SystemPayload;
}

export interface SystemSnapshot {
  readonly state: string;
  readonly ghost: unknown;
}

export type SystemOutcome = { readonly kind: 'taken'; readonly transition: string; readonly sends: readonly SystemMessage[] } | { readonly kind: 'ignored' } | { readonly kind: 'unavailable' };

export type SystemInput = { readonly kind: 'event'; readonly event: { readonly type: string; readonly payload: SystemPayload } } | { readonly kind: 'receive'; readonly message: SystemMessage } | { readonly kind: 'restart' };

interface SystemInstance {
  snapshot(): SystemSnapshot;
  step(input: SystemInput, world: unknown): Promise<SystemOutcome>;
}

interface SystemRecord {
  readonly state: string;
  readonly durable: Readonly<Record<string, unknown>>;
}

interface SystemStore {
  peek(): SystemRecord | null;
}

/** The parts of an exported role module the system uses. */
export interface SystemRoleModule {
  violatedInvariants(s: SystemSnapshot, world: unknown): string[];
  readonly EVENTS: readonly { readonly type: string; readonly payload: SystemPayload }[];
  decide(s: SystemSnapshot, input: SystemInput, world: unknown): { readonly transition: string; readonly sends: readonly SystemMessage[] } | null;
  view(s: SystemSnapshot): { readonly state: string; readonly vars: Readonly<Record<string, unknown>> };
  initialVolatile(): Record<string, unknown>;
  createMemoryStore(): SystemStore;
  /** `start`: the instance's part of the initial configuration, for a role whose instances choose how they start (else absent). */
  readonly Instance: { create(self: string, store: SystemStore, start?: unknown): Promise<SystemInstance>; restore(self: string, store: SystemStore, ghost: unknown): Promise<SystemInstance> };
  recover(self: string, store: SystemStore, ghost: unknown, world: unknown): Promise<{ readonly instance: SystemInstance; readonly outcome: SystemOutcome }>;
  /** Crashes one instance may take in the checked design (0: never). */
  readonly CRASHES: number;
  /** A crashed instance of this role stays down (`"afterCrash": "stop"`): no restart is offered. */
  readonly STOPS: boolean;
}

/**
 * The exported modules: the design invariants' module, one module per role, by role name, and,
 * when some role's instances choose how they start (docs/format-v2.md §2), `initial.ts`: the
 * initial configurations, each the choosing instances' starts by instance name.
 */
export interface SystemModules {
  readonly invariants: { violatedDesignInvariants(world: unknown): string[] };
  readonly roles: Readonly<Record<string, SystemRoleModule>>;
  readonly initial?: { readonly INITIAL_CONFIGURATIONS: readonly object[] };
}

/** How many initial configurations the design has (1 when no instance chooses how it starts). */
export function initialConfigurationCount(modules: SystemModules): number {
  return modules.initial?.INITIAL_CONFIGURATIONS.length ?? 1;
}

/**
 * Initial configuration `start` (0-based, the checker's order). Explicit when there are several
 * (as the command line's `--start`): starting another one silently would compare against a
 * different run. A `RangeError` for a number that is not one.
 */
export function initialConfigurationOf(modules: SystemModules, start: number | undefined): Readonly<Record<string, unknown>> {
  const all = (modules.initial?.INITIAL_CONFIGURATIONS ?? [{}]) as readonly Readonly<Record<string, unknown>>[];
  if (start === undefined && all.length > 1) throw new RangeError(`the design has ${all.length} initial configurations: say which one the system starts in (start: 0 to ${all.length - 1})`);
  const index = start ?? 0;
  const found = Number.isInteger(index) ? all[index] : undefined;
  if (found === undefined) throw new RangeError(`initial configuration ${String(index)}: the design has ${all.length}, numbered 0 to ${all.length - 1}`);
  return found;
}

/** What a call's timer or ack step needs to be labelled as the engine labels it (format-v2.md §14). */
export type SystemCallEvent =
  | { readonly what: 'timeout'; readonly event: string; readonly retry: string; readonly attemptsVar: string; readonly attempts: number }
  | { readonly what: 'ack'; readonly event: string; readonly due: string; readonly dueCall: string };

/** The design as the system runs it: generated beside this file from the checked design. */
export interface SystemSpec {
  readonly design: string;
  /** Every instance, in the engine's order, with its role. */
  readonly instances: readonly { readonly name: string; readonly role: string }[];
  readonly network:
    | { readonly model: 'pool' }
    | { readonly model: 'channels'; readonly capacity: number; readonly drop: number; readonly duplicate: number; readonly reorder: boolean; readonly channels: readonly (readonly [string, string])[] };
  readonly crashes: number;
  /** Per message kind: whether its sending role has several instances (labels then say `from`), and the call it belongs to. */
  readonly messages: Readonly<Record<string, { readonly fromMany: boolean; readonly call: { readonly what: 'request' | 'reply'; readonly event: string } | null }>>;
  /** Per role, per event type: a call's timer or ack step. */
  readonly callEvents: Readonly<Record<string, Readonly<Record<string, SystemCallEvent>>>>;
  /** Per transition: what its label adds (a request answered from the callee's table). */
  readonly dedupeNotes: Readonly<Record<string, string>>;
}

/** What a step does to one instance (none for the network's steps): the harness gives the same to the implementation. */
export type SystemEffect = { readonly kind: 'input'; readonly instance: string; readonly input: SystemInput } | { readonly kind: 'crash'; readonly instance: string } | { readonly kind: 'restart'; readonly instance: string } | { readonly kind: 'network' };

/** One enabled step: its label, what it does to an instance, and taking it (the transition taken, if any). */
export interface SystemStep {
  readonly label: string;
  readonly effect: SystemEffect;
  readonly take: () => Promise<string | null>;
}

/** A send to a full channel: the engine refuses such a step, so the system never offers it. */
export class ChannelFull extends Error {}

interface SystemNode {
  readonly name: string;
  readonly role: string;
  readonly api: SystemRoleModule;
  readonly store: SystemStore;
  up: SystemInstance | null;
  ghost: unknown;
  /** Crashes this instance may still take, as its role module says (the design's budget is counted apart). */
  crashesLeft: number;
  /** The messages its last step sent. */
  sent: readonly SystemMessage[];
}

/** The key of a message: kind, ends and payload in key order, so two equal messages have one key. */
export function messageKey(m: SystemMessage): string {
  const payload = Object.keys(m.payload)
    .sort()
    .map((k) => [k, m.payload[k]]);
  return JSON.stringify([m.kind, m.from, m.to, payload]);
}

export class DesignSystem {
  private readonly nodes: SystemNode[] = [];
  private readonly pool = new Map<string, SystemMessage>();
  private readonly channels = new Map<string, SystemMessage[]>();
  private readonly used = { crashes: 0, drops: 0, duplicates: 0 };
  /** Steps found enabled whose `decide` threw (the engine reports them as violations). */
  faults = 0;

  private constructor(
    readonly spec: SystemSpec,
    private readonly modules: SystemModules,
  ) {}

  /**
   * The system in initial configuration `start` (`initialConfigurationOf`; needed only when the
   * design has several): every instance created on an empty memory store, as the configuration says.
   */
  static async start(spec: SystemSpec, modules: SystemModules, start?: number): Promise<DesignSystem> {
    const configuration = initialConfigurationOf(modules, start);
    const sys = new DesignSystem(spec, modules);
    for (const inst of spec.instances) {
      const api = modules.roles[inst.role];
      if (api === undefined) throw new Error(`no module for role ${inst.role}`);
      const store = api.createMemoryStore();
      const chosen = Object.prototype.hasOwnProperty.call(configuration, inst.name) ? configuration[inst.name] : undefined;
      sys.nodes.push({ name: inst.name, role: inst.role, api, store, up: await api.Instance.create(inst.name, store, chosen), ghost: null, crashesLeft: api.CRASHES, sent: [] });
    }
    if (spec.network.model === 'channels') for (const [from, to] of spec.network.channels) sys.channels.set(`${from}→${to}`, []);
    return sys;
  }

  private node(name: string): SystemNode {
    const n = this.nodes.find((x) => x.name === name);
    if (n === undefined) throw new Error(`no instance ${name}`);
    return n;
  }

  private viewOf(n: SystemNode): { readonly state: string; readonly vars: Readonly<Record<string, unknown>> } {
    if (n.up) return n.api.view(n.up.snapshot());
    const rec = n.store.peek();
    if (rec === null) throw new Error(`${n.name}: nothing stored`);
    return { state: rec.state, vars: { ...rec.durable, ...n.api.initialVolatile(), ...(n.ghost as object) } };
  }

  /** What guards read of other instances: each instance's view (a down one as its store holds it). */
  readonly world: Readonly<Record<string, (id: string) => unknown>> = new Proxy({}, { get: () => (id: string) => this.worldView(this.node(id)) });

  /** An instance's view with whether it is down (`down(i)`): the engine's mode slot. */
  private worldView(n: SystemNode): { readonly state: string; readonly vars: Readonly<Record<string, unknown>>; readonly down: boolean } {
    return { ...this.viewOf(n), down: n.up === null };
  }

  /** An instance's state and vars as the design has them (`recovering`: crashed, not yet restarted). */
  instanceView(name: string): { readonly state: string; readonly recovering: boolean; readonly vars: Readonly<Record<string, unknown>> } {
    const n = this.node(name);
    const v = this.viewOf(n);
    return { state: v.state, recovering: n.up === null, vars: v.vars };
  }

  /** The messages an instance's last step sent. */
  sentBy(name: string): readonly SystemMessage[] {
    return this.node(name).sent;
  }

  /** The messages an instance's last step sent, as labels show them. */
  sentTexts(name: string): readonly { readonly text: string; readonly to: string }[] {
    return this.sentBy(name).map((m) => ({ text: this.messageText(m.kind, m.payload), to: m.to }));
  }

  /** A message as labels show it: `Vote(value=yes)`, a call's `Acquire #1`, `reply to Acquire #1: ok(token=1)`. */
  messageText(kind: string, payload: SystemPayload): string {
    const fields = Object.entries(payload).map(([k, v]): [string, string] => [k, String(v)]);
    const call = this.spec.messages[kind]?.call ?? null;
    if (call !== null) {
      const id = fields.find(([k]) => k === 'call')?.[1] ?? '?';
      if (call.what === 'request') {
        const args = fields.filter(([k]) => k !== 'call');
        return `${call.event}${args.length ? `(${args.map(([k, v]) => `${k}=${v}`).join(', ')})` : ''} #${id}`;
      }
      const outcome = fields.find(([k]) => k === 'outcome')?.[1] ?? '?';
      const data = fields.filter(([k]) => k !== 'call' && k !== 'outcome');
      return `reply to ${call.event} #${id}: ${data.length ? `${outcome}(${data.map(([k, v]) => `${k}=${v}`).join(', ')})` : outcome}`;
    }
    const parts = fields.map(([k, v]) => `${k}=${v}`);
    return parts.length ? `${kind}(${parts.join(', ')})` : kind;
  }

  private dedupe(d: { readonly transition: string } | null): string {
    return d === null ? '' : (this.spec.dedupeNotes[d.transition] ?? '');
  }

  /** An event's label: a call's timer and ack step read as the call, from the instance's own vars, as the engine does. */
  private eventText(n: SystemNode, type: string, payload: SystemPayload, d: { readonly transition: string }): string {
    const call = this.spec.callEvents[n.role]?.[type];
    if (call === undefined) return `${n.name} ${this.messageText(type, payload)}`;
    const vars = this.viewOf(n).vars;
    if (call.what === 'timeout') {
      if (d.transition !== call.retry) return `${n.name} ${call.event} timed out (ambiguous)`;
      return `${n.name} ${call.event} timed out (retry ${Number(vars[call.attemptsVar]) + 1} of ${call.attempts})`;
    }
    const to = String(payload['to']);
    const at = (name: string) => String((vars[name] as Readonly<Record<string, unknown>>)[to]);
    const prefix = `${call.due}_`;
    const data = Object.keys(vars)
      .filter((k) => k.startsWith(prefix) && k !== call.dueCall)
      .map((k) => `${k.slice(prefix.length)}=${at(k)}`);
    return `${n.name} ack ${call.event} #${at(call.dueCall)} to ${to}: ${at(call.due)}${data.length ? `(${data.join(', ')})` : ''}`;
  }

  private fromPart(m: SystemMessage): string {
    return this.spec.messages[m.kind]?.fromMany ? ` from ${m.from}` : '';
  }

  private capacity(): number {
    return this.spec.network.model === 'channels' ? this.spec.network.capacity : 0;
  }

  private queue(from: string, to: string): SystemMessage[] {
    const q = this.channels.get(`${from}→${to}`);
    if (q === undefined) throw new Error(`no channel ${from}→${to}`);
    return q;
  }

  private deliver(n: SystemNode, sends: readonly SystemMessage[]): void {
    n.sent = sends;
    for (const m of sends) {
      if (this.spec.network.model === 'pool') this.pool.set(messageKey(m), m);
      else {
        const q = this.queue(m.from, m.to);
        if (q.length >= this.capacity()) throw new ChannelFull(m.kind);
        q.push(m);
      }
    }
  }

  private async run(n: SystemNode, input: SystemInput): Promise<string | null> {
    if (n.up === null) throw new Error(`${n.name} is down`);
    const outcome = await n.up.step(input, this.world);
    if (outcome.kind === 'unavailable') throw new Error(`${n.name}: store unavailable`);
    if (outcome.kind === 'ignored') {
      n.sent = [];
      return null;
    }
    this.deliver(n, outcome.sends);
    return outcome.transition;
  }

  /**
   * Would `decide` take this input? null: no; 'fault': it threw; 'full': its sends do not fit
   * the channels (the engine refuses such a step: a channel's capacity bounds the model, not the code).
   */
  /** `freed`: the channel the input is taken off (its message leaves before the sends join, as in the engine: an instance may answer itself). */
  private probe(n: SystemNode, s: SystemSnapshot, input: SystemInput, freed?: string): { readonly transition: string } | null | 'fault' | 'full' {
    let d: { readonly transition: string; readonly sends: readonly SystemMessage[] } | null;
    try {
      d = n.api.decide(s, input, this.world);
    } catch {
      return 'fault';
    }
    return d !== null && !this.fits(d.sends, freed) ? 'full' : d;
  }

  private fits(sends: readonly SystemMessage[], freed?: string): boolean {
    if (this.spec.network.model !== 'channels') return true;
    const added = new Map<string, number>();
    for (const m of sends) {
      const key = `${m.from}→${m.to}`;
      const k = (added.get(key) ?? 0) + 1;
      added.set(key, k);
      if (this.queue(m.from, m.to).length - (key === freed ? 1 : 0) + k > this.capacity()) return false;
    }
    return true;
  }

  /** The enabled steps, in the order the engine lists them for each instance, then the network's and the crashes. */
  async enabled(): Promise<SystemStep[]> {
    const out: SystemStep[] = [];
    this.faults = 0;
    const net = this.spec.network;
    for (const n of this.nodes) {
      if (!n.up) {
        if (n.api.STOPS) continue; // stopped for good: it takes no step at all, as in the engine
        const restored = await n.api.Instance.restore(n.name, n.store, n.ghost);
        const d = this.probe(n, restored.snapshot(), { kind: 'restart' });
        if (d === 'fault') this.faults++;
        else if (d !== 'full')
          out.push({
            label: `restart ${n.name}${d ? ` (${d.transition})` : ''}`,
            effect: { kind: 'restart', instance: n.name },
            take: async () => {
              const r = await n.api.recover(n.name, n.store, n.ghost, this.world);
              n.up = r.instance;
              if (r.outcome.kind !== 'taken') {
                n.sent = [];
                return null;
              }
              this.deliver(n, r.outcome.sends);
              return r.outcome.transition;
            },
          });
        continue;
      }
      const s = n.up.snapshot();
      if (net.model === 'pool') {
        for (const m of this.pool.values()) {
          if (m.to !== n.name) continue;
          const input: SystemInput = { kind: 'receive', message: m };
          const d = this.probe(n, s, input);
          if (d === 'fault') this.faults++;
          else if (d && d !== 'full') out.push({ label: `${n.name} receive ${this.messageText(m.kind, m.payload)}${this.fromPart(m)}${this.dedupe(d)}`, effect: { kind: 'input', instance: n.name, input }, take: () => this.run(n, input) });
        }
      } else {
        for (const [key, q] of this.channels) {
          if (!key.endsWith(`→${n.name}`)) continue;
          const seen = new Set<string>();
          for (let k = 0; k < (net.reorder ? q.length : Math.min(1, q.length)); k++) {
            const m = q[k]!;
            const id = messageKey(m);
            if (seen.has(id)) continue;
            seen.add(id);
            const input: SystemInput = { kind: 'receive', message: m };
            const d = this.probe(n, s, input, key);
            if (d === 'fault') this.faults++;
            else if (d !== 'full')
              out.push({
                label: `${n.name} receive ${this.messageText(m.kind, m.payload)}${this.fromPart(m)}${d ? this.dedupe(d) : ' (ignored)'}`,
                effect: { kind: 'input', instance: n.name, input },
                take: () => {
                  q.splice(k, 1);
                  return this.run(n, input);
                },
              });
          }
        }
      }
      for (const e of n.api.EVENTS) {
        const input: SystemInput = { kind: 'event', event: e };
        const d = this.probe(n, s, input);
        if (d === 'fault') this.faults++;
        else if (d && d !== 'full') out.push({ label: this.eventText(n, e.type, e.payload, d), effect: { kind: 'input', instance: n.name, input }, take: () => this.run(n, input) });
      }
    }
    if (net.model === 'channels') {
      if (this.used.drops < net.drop) {
        for (const [key, q] of this.channels) {
          const seen = new Set<string>();
          q.forEach((m, k) => {
            const id = messageKey(m);
            if (net.reorder ? seen.has(id) : k > 0 && messageKey(q[k - 1]!) === id) return;
            seen.add(id);
            const copies = q.filter((x) => messageKey(x) === id).length;
            out.push({
              label: `drop ${this.messageText(m.kind, m.payload)} ${key}${copies > 1 && !net.reorder ? ` (at ${k + 1})` : ''}`,
              effect: { kind: 'network' },
              take: () => {
                q.splice(k, 1);
                this.used.drops++;
                return Promise.resolve(null);
              },
            });
          });
        }
      }
      if (this.used.duplicates < net.duplicate) {
        for (const [key, q] of this.channels) {
          if (q.length >= net.capacity) continue;
          const seen = new Set<string>();
          for (const m of [...q]) {
            const id = messageKey(m);
            if (seen.has(id)) continue;
            seen.add(id);
            out.push({
              label: `duplicate ${this.messageText(m.kind, m.payload)} ${key}`,
              effect: { kind: 'network' },
              take: () => {
                q.push(m);
                this.used.duplicates++;
                return Promise.resolve(null);
              },
            });
          }
        }
      }
    }
    if (this.used.crashes < this.spec.crashes) {
      for (const n of this.nodes) {
        const up = n.up;
        if (!up || n.crashesLeft === 0) continue;
        out.push({
          label: `crash ${n.name}`,
          effect: { kind: 'crash', instance: n.name },
          take: () => {
            n.ghost = up.snapshot().ghost;
            n.up = null;
            n.sent = [];
            this.used.crashes++;
            n.crashesLeft--;
            return Promise.resolve(null);
          },
        });
      }
    }
    return out;
  }

  /**
   * Inputs the design does not take here, which an implementation must decline as well: each
   * event of a running instance no transition takes, and on a pool each message to it no
   * transition takes (on channels such a message is a step: received and ignored).
   */
  disabledInputs(): { readonly label: string; readonly instance: string; readonly input: SystemInput }[] {
    const out: { label: string; instance: string; input: SystemInput }[] = [];
    for (const n of this.nodes) {
      if (!n.up) continue;
      const s = n.up.snapshot();
      const inputs: SystemInput[] = n.api.EVENTS.map((event) => ({ kind: 'event', event }));
      if (this.spec.network.model === 'pool') for (const m of this.pool.values()) if (m.to === n.name) inputs.push({ kind: 'receive', message: m });
      for (const input of inputs) {
        if (this.probe(n, s, input) !== null) continue;
        const what = input.kind === 'event' ? this.messageText(input.event.type, input.event.payload) : input.kind === 'receive' ? `receive ${this.messageText(input.message.kind, input.message.payload)}${this.fromPart(input.message)}` : 'restart';
        out.push({ label: `${n.name} ${what} (not enabled)`, instance: n.name, input });
      }
    }
    return out;
  }

  /**
   * Messages ahead of a received one that the network must have dropped (first-in-first-out
   * channels: only the head is delivered): drops them, within the budget, when `label` is the
   * receive of a later message of a channel to `instance`. True when it dropped any.
   */
  dropAheadOf(instance: string, label: string): boolean {
    const net = this.spec.network;
    if (net.model !== 'channels' || net.reorder) return false;
    for (const [key, q] of this.channels) {
      if (!key.endsWith(`→${instance}`)) continue;
      for (let k = 1; k < q.length && this.used.drops + k <= net.drop; k++) {
        const m = q[k]!;
        const prefix = `${instance} receive ${this.messageText(m.kind, m.payload)}${this.fromPart(m)}`;
        if (label !== prefix && !label.startsWith(`${prefix} (`)) continue;
        q.splice(0, k);
        this.used.drops += k;
        return true;
      }
    }
    return false;
  }

  /** Names of the state invariants the exported functions find false (down instances as their store holds them). */
  violations(): string[] {
    const names = new Set(this.modules.invariants.violatedDesignInvariants(this.world));
    for (const n of this.nodes) {
      let snap: SystemSnapshot;
      if (n.up) snap = n.up.snapshot();
      else {
        const rec = n.store.peek();
        if (rec === null) continue;
        snap = { self: n.name, state: rec.state, persisted: rec.state, durable: rec.durable, volatile: n.api.initialVolatile(), ghost: n.ghost } as SystemSnapshot;
      }
      for (const name of n.api.violatedInvariants(snap, this.world)) names.add(name);
    }
    return [...names].sort();
  }

  /** The system as the engine's `viewConfigurationV2` shows a configuration (network as a sorted list). */
  view(): { readonly instances: readonly { readonly name: string; readonly state: string; readonly recovering: boolean; readonly vars: Readonly<Record<string, unknown>> }[]; readonly network: readonly string[]; readonly used: { readonly crashes: number; readonly drops: number; readonly duplicates: number } } {
    const instances = this.nodes.map((n) => {
      const v = this.instanceView(n.name);
      return { name: n.name, ...v, vars: shownVars(v.vars) };
    });
    const network =
      this.spec.network.model === 'pool'
        ? [...this.pool.values()].map((m) => `${this.messageText(m.kind, m.payload)} ${m.from}→${m.to}`)
        : [...this.channels].filter(([, q]) => q.length > 0).map(([key, q]) => `${key}: ${q.map((m) => this.messageText(m.kind, m.payload)).join(', ')}`);
    return { instances, network: network.sort(), used: { ...this.used } };
  }
}

/** Vars as the engine shows them: a set (its elements in the type's order) as `{v1, v2}`, also as a map's entry. */
function shownVars(vars: Readonly<Record<string, unknown>>): Readonly<Record<string, unknown>> {
  const isMap = (x: unknown): x is Record<string, unknown> => x !== null && typeof x === 'object' && !Array.isArray(x);
  // A nested map's inner map as text, `{P[1]: 0, P[2]: 1}`, its keys in the type's order (int keys ascending: a record lists them so only from 0).
  const entries = (m: Record<string, unknown>): [string, unknown][] => {
    const list = Object.entries(m);
    return list.every(([k]) => /^-?\d+$/.test(k)) ? list.sort(([a], [b]) => Number(a) - Number(b)) : list;
  };
  const shown = (x: unknown): unknown => (Array.isArray(x) ? `{${x.map(String).join(', ')}}` : isMap(x) ? `{${entries(x).map(([k, e]) => `${k}: ${String(shown(e))}`).join(', ')}}` : x);
  // Built with Object.fromEntries: a var or key named `__proto__` stays an own key.
  return Object.fromEntries(Object.entries(vars).map(([k, x]) => [k, x !== null && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).map(([key, e]) => [key, shown(e)])) : shown(x)]));
}
