import { callReading, callMessageText } from '../../../engine/v2/callReading';
import { callNameIndex, callNames } from '../../../model/v2/callNames';
import type { ModelV2 } from '../../../model/v2/model';
import { roleFile } from '../names';

/**
 * Test support: the exported role modules wired together as a running system — one `Instance`
 * and one memory `Store` per instance, an in-memory network with the design's model (pool, or
 * channels with capacity, drop, duplicate and reorder) and its crash budget. It enumerates its
 * own enabled steps, labelled as the engine labels them (docs/format-v2.md §8), and shows itself
 * as the engine's `viewConfigurationV2` does, so a test can compare the two step by step.
 */

type Payload = Readonly<Record<string, string | number | boolean>>;
interface Msg {
  readonly kind: string;
  readonly from: string;
  readonly to: string;
  readonly payload: Payload;
}
interface Snap {
  readonly state: string;
  readonly ghost: unknown;
}
type Outcome = { kind: 'taken'; transition: string; sends: readonly Msg[] } | { kind: 'ignored' } | { kind: 'unavailable' };
interface Inst {
  snapshot(): Snap;
  step(input: unknown, world: unknown): Promise<Outcome>;
}
interface Rec {
  readonly state: string;
  readonly durable: Record<string, unknown>;
}
interface Store {
  peek(): Rec | null;
}
interface RoleApi {
  violatedInvariants(s: Snap, world: unknown): string[];
  readonly EVENTS: readonly { type: string; payload: Payload }[];
  decide(s: Snap, input: unknown, world: unknown): { transition: string; sends: readonly Msg[] } | null;
  view(s: Snap): { state: string; vars: Record<string, unknown> };
  initialVolatile(): Record<string, unknown>;
  createMemoryStore(): Store;
  readonly Instance: { create(self: string, store: Store): Promise<Inst>; restore(self: string, store: Store, ghost: unknown): Promise<Inst> };
  recover(self: string, store: Store, ghost: unknown, world: unknown): Promise<{ instance: Inst; outcome: Outcome }>;
  /** Crashes one instance may take in the checked design (0: never). */
  readonly CRASHES: number;
}

interface Node {
  readonly name: string;
  readonly api: RoleApi;
  readonly store: Store;
  up: Inst | null;
  ghost: unknown;
  /** Crashes this instance may still take, as its role module says (the design's budget is counted apart). */
  crashesLeft: number;
}

/** One enabled step: its label, and what taking it does (returns the transition taken, if any). */
export interface SystemStep {
  readonly label: string;
  readonly take: () => Promise<string | null>;
}

export class ChannelFull extends Error {}

export class ExportedSystem {
  private readonly nodes: Node[] = [];
  private readonly pool = new Map<string, Msg>();
  private readonly channels = new Map<string, Msg[]>();
  private used = { crashes: 0, drops: 0, duplicates: 0 };
  /** Steps found enabled whose `decide` threw (the engine reports them as violations). */
  faults = 0;

  private design: { violatedDesignInvariants(world: unknown): string[] } | null = null;

  private constructor(private readonly model: ModelV2) {}

  static async start(model: ModelV2, modules: Record<string, unknown>): Promise<ExportedSystem> {
    const sys = new ExportedSystem(model);
    sys.design = modules['invariants.ts'] as { violatedDesignInvariants(world: unknown): string[] };
    for (const inst of model.instances) {
      const api = modules[roleFile(model.roles[inst.role]!.name)] as RoleApi;
      const store = api.createMemoryStore();
      sys.nodes.push({ name: inst.name, api, store, up: await api.Instance.create(inst.name, store), ghost: null, crashesLeft: api.CRASHES });
    }
    if (model.network.model === 'channels') for (const ch of model.network.channels) sys.channels.set(`${model.instances[ch.from]!.name}→${model.instances[ch.to]!.name}`, []);
    return sys;
  }

  private node(name: string): Node {
    return this.nodes.find((n) => n.name === name)!;
  }

  private viewOf(n: Node): { state: string; vars: Record<string, unknown> } {
    if (n.up) return n.api.view(n.up.snapshot());
    const rec = n.store.peek()!;
    return { state: rec.state, vars: { ...rec.durable, ...n.api.initialVolatile(), ...(n.ghost as object) } };
  }

  readonly world: Record<string, (id: string) => unknown> = new Proxy({}, { get: () => (id: string) => this.viewOf(this.node(id)) });

  private text(kind: string, payload: Payload): string {
    const fields = Object.entries(payload).map(([k, v]): [string, string] => [k, String(v)]);
    const call = callMessageText(this.model, this.model.messages.findIndex((m) => m.name === kind), fields);
    if (call !== null) return call;
    const parts = fields.map(([k, v]) => `${k}=${v}`);
    return parts.length ? `${kind}(${parts.join(', ')})` : kind;
  }

  /** A request answered from the callee's table, as the engine labels it (calls, format-v2.md §14). */
  private dedupe(d: { transition: string } | null): string {
    const meaning = d ? callNameIndex(this.model.design).get(d.transition) : undefined;
    return meaning?.what !== 'machinery' ? '' : meaning.part === 'dedupeHit' ? ' (seen before: answered from the table)' : meaning.part === 'dedupeNoReply' ? ' (seen before: not answered again)' : '';
  }

  /** An event's label: a call's timer and ack step read as the call, from the instance's own vars, as the engine does. */
  private eventText(n: Node, type: string, payload: Payload, d: { transition: string }): string {
    const meaning = callNameIndex(this.model.design).get(type);
    if (meaning?.what !== 'timeout' && meaning?.what !== 'ack') return `${n.name} ${this.text(type, payload)}`;
    const E = meaning.event;
    const names = callNames(E);
    const vars = this.viewOf(n).vars;
    if (meaning.what === 'timeout') {
      if (d.transition !== names.retry) return `${n.name} ${E} timed out (ambiguous)`;
      return `${n.name} ${E} timed out (retry ${Number(vars[names.attempts]) + 1} of ${callReading(this.model).attempts.get(E)})`;
    }
    const to = String(payload['to']);
    const at = (name: string) => String((vars[name] as Record<string, unknown>)[to]);
    const prefix = `${names.due}_`;
    const data = Object.keys(vars).filter((k) => k.startsWith(prefix) && k !== names.dueCall).map((k) => `${k.slice(prefix.length)}=${at(k)}`);
    return `${n.name} ack ${E} #${at(names.dueCall)} to ${to}: ${at(names.due)}${data.length ? `(${data.join(', ')})` : ''}`;
  }

  private fromPart(m: Msg): string {
    const kind = this.model.messages.find((x) => x.name === m.kind)!;
    return this.model.roles[kind.from]!.instances > 1 ? ` from ${m.from}` : '';
  }

  private capacity(): number {
    return this.model.network.model === 'channels' ? this.model.network.capacity : 0;
  }

  private deliver(sends: readonly Msg[]): void {
    for (const m of sends) {
      if (this.model.network.model === 'pool') this.pool.set(JSON.stringify(m), m);
      else {
        const q = this.channels.get(`${m.from}→${m.to}`)!;
        if (q.length >= this.capacity()) throw new ChannelFull(m.kind);
        q.push(m);
      }
    }
  }

  private async run(n: Node, input: unknown): Promise<string | null> {
    const outcome = await n.up!.step(input, this.world);
    if (outcome.kind === 'unavailable') throw new Error(`${n.name}: store unavailable`);
    if (outcome.kind === 'ignored') return null;
    this.deliver(outcome.sends);
    return outcome.transition;
  }

  /**
   * Would `decide` take this input? null: no; 'fault': it threw; 'full': its sends do not fit
   * the channels (the engine refuses such a step: a channel's capacity bounds the model, not the code).
   */
  private probe(n: Node, s: Snap, input: unknown): { transition: string } | null | 'fault' | 'full' {
    let d: { transition: string; sends: readonly Msg[] } | null;
    try {
      d = n.api.decide(s, input, this.world);
    } catch {
      return 'fault';
    }
    return d !== null && !this.fits(d.sends) ? 'full' : d;
  }

  private fits(sends: readonly Msg[]): boolean {
    if (this.model.network.model !== 'channels') return true;
    const added = new Map<string, number>();
    for (const m of sends) {
      const key = `${m.from}→${m.to}`;
      const k = (added.get(key) ?? 0) + 1;
      added.set(key, k);
      if (this.channels.get(key)!.length + k > this.capacity()) return false;
    }
    return true;
  }

  async enabled(): Promise<SystemStep[]> {
    const out: SystemStep[] = [];
    this.faults = 0;
    const net = this.model.network;
    for (const n of this.nodes) {
      if (!n.up) {
        const restored = await n.api.Instance.restore(n.name, n.store, n.ghost);
        const d = this.probe(n, restored.snapshot(), { kind: 'restart' });
        if (d === 'fault') this.faults++;
        else if (d !== 'full')
          out.push({
            label: `restart ${n.name}${d ? ` (${d.transition})` : ''}`,
            take: async () => {
              const r = await n.api.recover(n.name, n.store, n.ghost, this.world);
              n.up = r.instance;
              if (r.outcome.kind !== 'taken') return null;
              this.deliver(r.outcome.sends);
              return r.outcome.transition;
            },
          });
        continue;
      }
      const s = n.up.snapshot();
      if (net.model === 'pool') {
        for (const m of this.pool.values()) {
          if (m.to !== n.name) continue;
          const d = this.probe(n, s, { kind: 'receive', message: m });
          if (d === 'fault') this.faults++;
          else if (d && d !== 'full') out.push({ label: `${n.name} receive ${this.text(m.kind, m.payload)}${this.fromPart(m)}${this.dedupe(d)}`, take: () => this.run(n, { kind: 'receive', message: m }) });
        }
      } else {
        for (const [key, q] of this.channels) {
          if (!key.endsWith(`→${n.name}`)) continue;
          const seen = new Set<string>();
          for (let k = 0; k < (net.reorder ? q.length : Math.min(1, q.length)); k++) {
            const m = q[k]!;
            const id = JSON.stringify(m);
            if (seen.has(id)) continue;
            seen.add(id);
            const d = this.probe(n, s, { kind: 'receive', message: m });
            if (d === 'fault') this.faults++;
            else if (d !== 'full')
              out.push({
                label: `${n.name} receive ${this.text(m.kind, m.payload)}${this.fromPart(m)}${d ? this.dedupe(d) : ' (ignored)'}`,
                take: () => {
                  q.splice(k, 1);
                  return this.run(n, { kind: 'receive', message: m });
                },
              });
          }
        }
      }
      for (const e of n.api.EVENTS) {
        const d = this.probe(n, s, { kind: 'event', event: e });
        if (d === 'fault') this.faults++;
        else if (d && d !== 'full') out.push({ label: this.eventText(n, e.type, e.payload, d), take: () => this.run(n, { kind: 'event', event: e }) });
      }
    }
    if (net.model === 'channels') {
      if (this.used.drops < net.drop) {
        for (const [key, q] of this.channels) {
          const seen = new Set<string>();
          q.forEach((m, k) => {
            const id = JSON.stringify(m);
            if (net.reorder ? seen.has(id) : k > 0 && JSON.stringify(q[k - 1]) === id) return;
            seen.add(id);
            const copies = q.filter((x) => JSON.stringify(x) === id).length;
            out.push({
              label: `drop ${this.text(m.kind, m.payload)} ${key}${copies > 1 && !net.reorder ? ` (at ${k + 1})` : ''}`,
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
            const id = JSON.stringify(m);
            if (seen.has(id)) continue;
            seen.add(id);
            out.push({
              label: `duplicate ${this.text(m.kind, m.payload)} ${key}`,
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
    if (this.used.crashes < this.model.crashes) {
      for (const n of this.nodes) {
        if (!n.up || n.crashesLeft === 0) continue;
        out.push({
          label: `crash ${n.name}`,
          take: () => {
            n.ghost = n.up!.snapshot().ghost;
            n.up = null;
            this.used.crashes++;
            n.crashesLeft--;
            return Promise.resolve(null);
          },
        });
      }
    }
    return out;
  }

  /** Names of the state invariants the exported functions find false (down instances as their store holds them). */
  violations(): string[] {
    const names = new Set(this.design!.violatedDesignInvariants(this.world));
    for (const n of this.nodes) {
      let snap: Snap;
      if (n.up) snap = n.up.snapshot();
      else {
        const rec = n.store.peek()!;
        snap = { self: n.name, state: rec.state, persisted: rec.state, durable: rec.durable, volatile: n.api.initialVolatile(), ghost: n.ghost } as unknown as Snap;
      }
      for (const name of n.api.violatedInvariants(snap, this.world)) names.add(name);
    }
    return [...names].sort();
  }

  /** The system as the engine's `viewConfigurationV2` shows a configuration (network as a sorted list). */
  view() {
    const instances = this.nodes.map((n) => {
      const v = this.viewOf(n);
      return { name: n.name, state: v.state, recovering: n.up === null, vars: v.vars };
    });
    const network =
      this.model.network.model === 'pool'
        ? [...this.pool.values()].map((m) => `${this.text(m.kind, m.payload)} ${m.from}→${m.to}`)
        : [...this.channels].filter(([, q]) => q.length > 0).map(([key, q]) => `${key}: ${q.map((m) => this.text(m.kind, m.payload)).join(', ')}`);
    return { instances, network: network.sort(), used: { ...this.used } };
  }
}
