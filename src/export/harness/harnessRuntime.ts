import fc from 'fast-check';

/**
 * The property-based harness's runtime: `export --to harness` emits this file's text verbatim,
 * bound to one design. It drives the user's implementation (through an `Adapter`) and the design's
 * exported TypeScript module (the reference) in lock-step, over sequences of steps the design's
 * environment allows (MODEL.md §4: sends, deliveries, retries after timeouts, drops, duplicates,
 * reorders, crashes), and after every step asserts that the implementation replied as the design
 * does, that the design's invariants hold on the implementation's observable state, and that what
 * was written durably survives a crash. A failure is shrunk by fast-check and reported with a
 * trace file (the step labels of the studio's simulator) that replays the run on the design.
 *
 * Crash points: a crash while a durable ack is pending happens after the write (the design's
 * `crash` step); a crash before that write is the implementation-only fault "crash before the
 * write", which the design sees as a request that never arrived (its trace omits the delivery).
 */

export type HarnessReply = 'ok' | 'error';
type Value = string | number | boolean;

/** The durable store the implementation writes through: the exported module's `Store`. */
export interface HarnessStore {
  get(): Promise<unknown>;
  getReply(requestId: string): Promise<unknown>;
  commit(...args: never[]): Promise<void>;
}

/** What the implementation shows of itself: its state and vars by name (any subset; missing ones are not compared). */
export interface Observed {
  readonly state?: string;
  readonly vars?: Readonly<Record<string, Value>>;
}

/** One running instance of the implementation. */
export interface HarnessService<Request> {
  /** Processes a request; replies go out through the `reply` callback given to `start`, when the service sends them. */
  handle(request: Request): Promise<void>;
  /** Fires a timer or internal event (needed when the design has any). */
  fire?(event: string): Promise<void>;
  observe(): Observed | Promise<Observed>;
}

/** What the user writes: how to make durable storage, start the implementation over it, and crash it. */
export interface HarnessAdapter<Store extends HarnessStore, Request, Durable = Store> {
  /** Fresh, empty durable storage for one run. It outlives crashes: a restart gets the same one. */
  newStorage(): Durable | Promise<Durable>;
  /** Starts (and after a crash, restarts) the implementation; it must write through `store`, a wrapper of `storeOf(durable)`. */
  start(store: Store, durable: Durable, reply: (requestId: string, reply: HarnessReply) => void): HarnessService<Request> | Promise<HarnessService<Request>>;
  /** The `Store` inside the durable storage (default: the storage is the store). */
  storeOf?(durable: Durable): Store;
  /** Called when the harness crashes an instance: drop timers, connections, memory. */
  crash?(service: HarnessService<Request>): void | Promise<void>;
  /** Called on the instance still running when a run ends (no crash). */
  stop?(service: HarnessService<Request>): void | Promise<void>;
}

export interface HarnessOptions {
  /** Longest generated sequence. Default 40. */
  readonly maxSteps?: number;
  /** Offer the implementation-only fault "crash before the write" of a durable ack. Default true. */
  readonly crashBeforeWrite?: boolean;
  /** Milliseconds a step may take before the implementation is declared stuck. Default 2000. */
  readonly stepTimeoutMs?: number;
}

interface ReferenceMachine {
  start(): Promise<unknown>;
  handle(input: unknown): Promise<unknown>;
  fire(event: never): Promise<unknown>;
  recover(): Promise<unknown>;
  snapshot(): { readonly state: string; readonly durable: object; readonly volatile: object };
  ghost(): object;
}

/** The parts of the exported TypeScript module the harness uses as its reference. */
export interface ReferenceModule {
  createMachine(store: never, options: { acknowledge: (requestId: string, reply: HarnessReply) => void }): ReferenceMachine;
  createMemoryStore(): HarnessStore;
  decide(snapshot: never, event: never, context: never): { readonly kind: string; readonly ack?: string; readonly reply?: string | null };
  readonly invariants: {
    readonly state: readonly { readonly name: string; holds(now: never, observed: never): boolean }[];
    readonly step: readonly { readonly name: string; holds(before: never, after: never, observed: never): boolean }[];
  };
}

/** The design, as generated beside this runtime. */
export interface HarnessSpec {
  readonly designName: string;
  /** The studio's hash of the design document (trace files carry it). */
  readonly designHash: string;
  readonly environment: { readonly requests: number; readonly drop: number; readonly duplicate: number; readonly reorder: boolean; readonly crashes: number };
  readonly clientEvents: readonly { readonly name: string; readonly maxAttempts: number; readonly payloads: readonly { readonly shown: string; readonly payload: Readonly<Record<string, Value>> | null }[] }[];
  readonly firedEvents: readonly string[];
  /** Each var's storage, for merging observed vars into the reference's world. */
  readonly storage: Readonly<Record<string, 'durable' | 'volatile' | 'ghost'>>;
  readonly reference: ReferenceModule;
}

/** A trace file the studio's simulator opens (Simulate → Import trace). */
export interface TraceFile {
  readonly format: 'protocol-studio-trace';
  readonly version: 1;
  readonly design: string;
  readonly hash: string;
  readonly steps: readonly string[];
}

export interface HarnessFailure {
  /** The moves that reproduce it (\`runMoves(spec, adapter, moves)\`): labels, and \`crash before write\`. */
  readonly moves: readonly string[];
  /** What the harness did, one line per step, the failing one last. */
  readonly steps: readonly string[];
  readonly problems: readonly string[];
  readonly trace: TraceFile;
}

export class HarnessError extends Error {
  constructor(
    readonly failure: HarnessFailure,
    designName: string,
  ) {
    super(failureText(failure, designName));
    this.name = 'HarnessError';
  }
}

export function failureText(failure: HarnessFailure, designName: string): string {
  return [
    `The implementation departs from the design ${JSON.stringify(designName)} after ${failure.steps.length} step(s):`,
    ...failure.steps.map((s, i) => `  ${i + 1}. ${s}`),
    ...failure.problems.map((p) => `  ✗ ${p}`),
    'Trace for the simulator (save it as a .json file, then Simulate → Import trace):',
    JSON.stringify(failure.trace),
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------
// The environment: clients, channels and fault budgets, as MODEL.md §3–§4 keep them.

type Status = 'unsent' | 'pending' | 'ok' | 'error' | 'ambiguous';
interface Client {
  readonly status: Status;
  readonly event: number;
  readonly payload: number;
  readonly attempts: number;
}
interface Message {
  readonly r: number;
  readonly reply: HarnessReply;
}
type Mode = { readonly kind: 'up' } | { readonly kind: 'busy'; readonly r: number; readonly phase: 'ack' | 'persist'; readonly reply: HarnessReply } | { readonly kind: 'recovering' };
interface Env {
  mode: Mode;
  clients: Client[];
  toMachine: number[];
  toClient: Message[];
  drops: number;
  duplicates: number;
  crashes: number;
}

type Move =
  | { readonly kind: 'send'; readonly r: number; readonly event: number; readonly payload: number }
  | { readonly kind: 'deliver'; readonly r: number }
  | { readonly kind: 'ack' | 'persist'; readonly r: number }
  | { readonly kind: 'receive'; readonly m: Message }
  | { readonly kind: 'timeout'; readonly r: number; readonly retry: boolean }
  | { readonly kind: 'fire'; readonly event: string }
  | { readonly kind: 'restart' }
  | { readonly kind: 'drop'; readonly toMachine: boolean; readonly position: number; readonly count: number }
  | { readonly kind: 'duplicate'; readonly toMachine: boolean; readonly position: number }
  | { readonly kind: 'crash' }
  | { readonly kind: 'crash-before-write' };

const sameMessage = (a: Message, b: Message): boolean => a.r === b.r && a.reply === b.reply;
const compareMessages = (a: Message, b: Message): number => a.r - b.r || (a.reply === b.reply ? 0 : a.reply === 'ok' ? -1 : 1);

/** One drop per distinct channel content it can leave (MODEL.md §4), with how many such drops the message has. */
function dropChoices<T>(channel: readonly T[], same: (a: T, b: T) => boolean, multiset: boolean): { position: number; count: number }[] {
  const choices: { position: number; message: T }[] = [];
  channel.forEach((m, i) => {
    const repeat = multiset ? choices.some((c) => same(c.message, m)) : i > 0 && same(channel[i - 1]!, m);
    if (!repeat) choices.push({ position: i, message: m });
  });
  return choices.map((c) => ({ position: c.position, count: choices.filter((d) => same(d.message, c.message)).length }));
}

/** A drop's place, named only when the same message has more than one distinct drop (MODEL.md §4). */
const at = (c: { readonly position: number; readonly count: number }): string => (c.count > 1 ? ` (at ${c.position + 1})` : '');

function firstOfEach<T>(channel: readonly T[], same: (a: T, b: T) => boolean): number[] {
  const out: number[] = [];
  channel.forEach((m, i) => {
    if (channel.findIndex((n) => same(m, n)) === i) out.push(i);
  });
  return out;
}

class World {
  env: Env;
  constructor(private readonly spec: HarnessSpec) {
    this.env = { mode: { kind: 'up' }, clients: Array.from({ length: spec.environment.requests }, () => ({ status: 'unsent', event: -1, payload: -1, attempts: 0 })), toMachine: [], toClient: [], drops: 0, duplicates: 0, crashes: 0 };
  }

  name(r: number): string {
    const c = this.env.clients[r - 1]!;
    return `${c.event >= 0 ? this.spec.clientEvents[c.event]!.name : ''}#${r}`;
  }

  /** The moves enabled now, in the order the studio's engine lists its steps (so traces read the same). */
  moves(fires: (event: string) => boolean, crashBeforeWrite: boolean): Move[] {
    const { env, spec } = this;
    const reorder = spec.environment.reorder;
    const moves: Move[] = [];
    const unsent = env.clients.findIndex((c) => c.status === 'unsent');
    if (unsent >= 0) spec.clientEvents.forEach((e, event) => e.payloads.forEach((_p, payload) => moves.push({ kind: 'send', r: unsent + 1, event, payload })));
    if (env.mode.kind === 'up') {
      const rs = reorder ? [...new Set(env.toMachine)] : env.toMachine.slice(0, 1);
      for (const r of rs) moves.push({ kind: 'deliver', r });
    } else if (env.mode.kind === 'busy') moves.push({ kind: env.mode.phase, r: env.mode.r });
    for (const i of reorder ? firstOfEach(env.toClient, sameMessage) : env.toClient.length > 0 ? [0] : []) moves.push({ kind: 'receive', m: env.toClient[i]! });
    env.clients.forEach((c, i) => {
      if (c.status === 'pending') moves.push({ kind: 'timeout', r: i + 1, retry: c.attempts < spec.clientEvents[c.event]!.maxAttempts });
    });
    if (env.mode.kind === 'up') for (const e of spec.firedEvents) if (fires(e)) moves.push({ kind: 'fire', event: e });
    if (env.mode.kind === 'recovering') moves.push({ kind: 'restart' });
    if (env.drops < spec.environment.drop) {
      for (const c of dropChoices(env.toMachine, (a, b) => a === b, reorder)) moves.push({ kind: 'drop', toMachine: true, ...c });
      for (const c of dropChoices(env.toClient, sameMessage, reorder)) moves.push({ kind: 'drop', toMachine: false, ...c });
    }
    if (env.duplicates < spec.environment.duplicate) {
      for (const i of firstOfEach(env.toMachine, (a, b) => a === b)) moves.push({ kind: 'duplicate', toMachine: true, position: i });
      for (const i of firstOfEach(env.toClient, sameMessage)) moves.push({ kind: 'duplicate', toMachine: false, position: i });
    }
    if (env.crashes < spec.environment.crashes && env.mode.kind !== 'recovering') {
      moves.push({ kind: 'crash' });
      if (crashBeforeWrite && env.mode.kind === 'busy' && env.mode.phase === 'ack') moves.push({ kind: 'crash-before-write' });
    }
    return moves;
  }

  /** The engine's label of a move, taken in the current environment. */
  label(move: Move): string {
    switch (move.kind) {
      case 'send': {
        const e = this.spec.clientEvents[move.event]!;
        return `send ${e.name}#${move.r}${e.payloads[move.payload]!.shown}`;
      }
      case 'deliver':
      case 'ack':
      case 'persist':
        return `${move.kind} ${this.name(move.r)}`;
      case 'receive':
        return `receive ${this.name(move.m.r)} ${move.m.reply}`;
      case 'timeout': {
        const c = this.env.clients[move.r - 1]!;
        const max = this.spec.clientEvents[c.event]!.maxAttempts;
        return `timeout ${this.name(move.r)} (${move.retry ? `retry ${c.attempts + 1} of ${max}` : 'gives up: ambiguous'})`;
      }
      case 'fire':
        return `fire ${move.event}`;
      case 'restart':
      case 'crash':
        return move.kind;
      case 'crash-before-write':
        return 'crash';
      case 'drop': {
        if (move.toMachine) return this.dropLabel(this.env.toMachine, move);
        const m = this.env.toClient[move.position]!;
        return `drop reply ${this.name(m.r)} ${m.reply}${at(move)}`;
      }
      case 'duplicate': {
        if (move.toMachine) return `duplicate ${this.name(this.env.toMachine[move.position]!)}`;
        const m = this.env.toClient[move.position]!;
        return `duplicate reply ${this.name(m.r)} ${m.reply}`;
      }
    }
  }

  toMachine(r: number): void {
    const ch = this.env.toMachine;
    let i = ch.length;
    if (this.spec.environment.reorder) while (i > 0 && ch[i - 1]! > r) i--;
    ch.splice(i, 0, r);
  }

  /** `toMachine` as the design sees it while request r's write is pending, should that write never happen: r still where `deliver` took it. */
  unwritten(channel: readonly number[], r: number): number[] {
    if (!this.spec.environment.reorder) return [r, ...channel];
    const i = channel.findIndex((x) => x > r);
    return i < 0 ? [...channel, r] : [...channel.slice(0, i), r, ...channel.slice(i)];
  }

  /**
   * The label of a drop from toMachine (its content `before`, then `after`) taken while request r's
   * write is pending, named as the design names it if that write never happens (a crash before
   * it takes the delivery out of the trace): against the channel that still holds r, where the
   * positions `(at N)` differ, or a copy of r becomes one with a neighbour.
   */
  dropBeforeWrite(before: readonly number[], after: readonly number[], r: number): string {
    const reorder = this.spec.environment.reorder;
    const channel = this.unwritten(before, r);
    const left = this.unwritten(after, r).join();
    const choices = dropChoices(channel, (a, b) => a === b, reorder);
    return this.dropLabel(channel, choices.find((x) => channel.filter((_m, i) => i !== x.position).join() === left)!);
  }

  /** The engine's label of a drop from toMachine holding `channel`. */
  private dropLabel(channel: readonly number[], c: { readonly position: number; readonly count: number }): string {
    return `drop ${this.name(channel[c.position]!)}${at(c)}`;
  }

  toClient(m: Message): void {
    const ch = this.env.toClient;
    let i = ch.length;
    if (this.spec.environment.reorder) while (i > 0 && compareMessages(ch[i - 1]!, m) > 0) i--;
    ch.splice(i, 0, m);
  }

  /** Observables of MODEL.md §2 as the exported invariants read them. */
  observables(): { sent: Record<string, number>; acked: Record<string, number>; failed: Record<string, number>; ambiguous: Record<string, number>; crashes: number } {
    const zero = () => Object.fromEntries(this.spec.clientEvents.map((e) => [e.name, 0]));
    const o = { sent: zero(), acked: zero(), failed: zero(), ambiguous: zero(), crashes: this.env.crashes };
    for (const c of this.env.clients) {
      if (c.status === 'unsent') continue;
      const name = this.spec.clientEvents[c.event]!.name;
      o.sent[name]! += 1;
      if (c.status === 'ok') o.acked[name]! += 1;
      else if (c.status === 'error') o.failed[name]! += 1;
      else if (c.status === 'ambiguous') o.ambiguous[name]! += 1;
    }
    return o;
  }
}

// ---------------------------------------------------------------------------------------------
// Stores the harness can hold, release, or crash: the crash points of a write.

class Crash extends Error {
  constructor() {
    super('crashed by the harness');
  }
}

interface Held {
  readonly args: never[];
  readonly resolve: () => void;
  readonly reject: (e: unknown) => void;
}

/** Wraps a store: while armed, the first `commit` is held until the harness writes it, fails it, or both. */
class Gate<S extends HarnessStore> {
  armed = false;
  held: Held | null = null;
  /** Set once this store's owner has crashed: later commits fail, as a dead process writes nothing. */
  dead = false;
  private waiter: (() => void) | null = null;
  readonly store: S;

  constructor(readonly inner: S) {
    const commit = (...args: never[]): Promise<void> => {
      if (this.dead) return Promise.reject(new Crash());
      if (!this.armed || this.held !== null) return inner.commit(...args);
      return new Promise<void>((resolve, reject) => {
        this.held = { args, resolve, reject };
        this.waiter?.();
      });
    };
    // Every method passes through but `commit`, whatever else the store offers.
    this.store = new Proxy(inner, {
      get: (target, key, receiver) => (key === 'commit' ? commit : bind(Reflect.get(target, key, receiver), target)),
    });
  }

  whenHeld(): Promise<void> {
    return new Promise((resolve) => {
      if (this.held !== null) resolve();
      else this.waiter = resolve;
    });
  }

  /** Releases the held commit: written or not, then resolved or failed (a crash). */
  async release(write: boolean, crash: boolean): Promise<void> {
    const h = this.held;
    this.held = null;
    this.armed = false;
    this.waiter = null;
    if (h === null) return;
    if (write) await this.inner.commit(...h.args);
    if (crash) h.reject(new Crash());
    else h.resolve();
  }
}

function bind(value: unknown, target: object): unknown {
  return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
}

// ---------------------------------------------------------------------------------------------
// One run: a sequence of choices interpreted against the moves enabled at each step.

interface Reply {
  readonly id: string;
  readonly reply: HarnessReply;
}

// A macrotask turn for the implementation to move on: setImmediate where there is one (Node), as
// setTimeout(0) waits a millisecond or more and would bound the harness to a few hundred steps a second.
const immediate = (globalThis as { setImmediate?: (callback: () => void) => unknown }).setImmediate;
const tick = (): Promise<void> => new Promise((resolve) => (immediate ? immediate(resolve) : setTimeout(resolve, 0)));

function requestOf(spec: HarnessSpec, world: World, r: number): { id: string; event: { type: string; payload?: Readonly<Record<string, Value>> } } {
  const c = world.env.clients[r - 1]!;
  const e = spec.clientEvents[c.event]!;
  const payload = e.payloads[c.payload]!.payload;
  return { id: `r${r}`, event: payload === null ? { type: e.name } : { type: e.name, payload } };
}

function showReplies(replies: readonly Reply[]): string {
  return replies.length === 0 ? 'no reply' : replies.map((x) => `${x.reply} to ${x.id}`).join(', ');
}

function sameReplies(a: readonly Reply[], b: readonly Reply[]): boolean {
  const key = (x: Reply) => `${x.id}:${x.reply}`;
  return a.map(key).sort().join() === b.map(key).sort().join();
}

export interface RunResult {
  readonly steps: number;
  readonly failure: HarnessFailure | null;
  /** The run's steps as the simulator's labels (a failure carries them in its trace file too). */
  readonly trace: readonly string[];
}

/** Runs one sequence of choices (each read modulo the moves enabled); never throws for a departure of the implementation (it is the result). */
export function runChoices<Store extends HarnessStore, Request, Durable>(
  spec: HarnessSpec,
  adapter: HarnessAdapter<Store, Request, Durable>,
  choices: readonly number[],
  options: HarnessOptions = {},
): Promise<RunResult> {
  let i = 0;
  return run(spec, adapter, (moves) => (i < choices.length ? choices[i++]! % moves.length : -1), options);
}

/** Runs named moves (as a failure lists them); a move not enabled when its turn comes is skipped. */
export function runMoves<Store extends HarnessStore, Request, Durable>(
  spec: HarnessSpec,
  adapter: HarnessAdapter<Store, Request, Durable>,
  named: readonly string[],
  options: HarnessOptions = {},
): Promise<RunResult> {
  let i = 0;
  return run(spec, adapter, (_moves, keys) => {
    while (i < named.length) {
      const k = keys.indexOf(named[i++]!);
      if (k >= 0) return k;
    }
    return -1;
  }, options);
}

/** A move's name: its label, except the implementation-only crash before a write. */
const keyOf = (world: World, move: Move): string => (move.kind === 'crash-before-write' ? 'crash before write' : world.label(move));

async function run<Store extends HarnessStore, Request, Durable>(
  spec: HarnessSpec,
  adapter: HarnessAdapter<Store, Request, Durable>,
  pick: (moves: readonly Move[], keys: readonly string[]) => number,
  options: HarnessOptions,
): Promise<RunResult> {
  const taken: string[] = [];
  const timeout = options.stepTimeoutMs ?? 2000;
  const world = new World(spec);
  const done: string[] = [];
  const trace: string[] = [];
  const problems: string[] = [];
  const durable = await adapter.newStorage();
  const storeOf = adapter.storeOf ?? ((d: Durable) => d as unknown as Store);
  let implReplies: Reply[] = [];
  let refReplies: Reply[] = [];
  let implGate = new Gate(storeOf(durable));
  const startImpl = async () => {
    implGate = new Gate(storeOf(durable));
    const gate = implGate;
    return adapter.start(gate.store, durable, (id, reply) => {
      if (!gate.dead) implReplies.push({ id, reply });
    });
  };
  let service: HarnessService<Request> | null = await startImpl();
  const refGate = new Gate(spec.reference.createMemoryStore());
  const ref = spec.reference.createMachine(refGate.store as never, { acknowledge: (id, reply) => refReplies.push({ id, reply }) });
  await ref.start();
  let implPending: Promise<unknown> | null = null;
  let refPending: Promise<unknown> | null = null;
  /** Replies the implementation sent while the design's write was still pending (compared when it resolves). */
  let early: Reply[] = [];
  /** Where the pending delivery's label sits in the trace (a crash before its write takes it out). */
  let deliverIndex = -1;
  /** The drops from toMachine since that delivery: where each sits in the trace and its label should the delivery go. */
  let dropsSinceDeliver: { readonly at: number; readonly label: string }[] = [];
  let lastWorld: object | null = null;
  let lastReference: object | null = null;

  const refWorld = () => ({ ...ref.snapshot(), ghost: ref.ghost() });
  const fires = (event: string): boolean => {
    try {
      return spec.reference.decide(ref.snapshot() as never, { type: event } as never, { ghost: ref.ghost() } as never).kind === 'apply';
    } catch {
      return true; // A guard that fails to evaluate still enables the step (MODEL.md §6).
    }
  };
  const fail = (message: string): RunResult => {
    problems.push(message);
    return { steps: done.length, trace, failure: { moves: taken, steps: done, problems, trace: { format: 'protocol-studio-trace', version: 1, design: spec.designName, hash: spec.designHash, steps: trace } } };
  };
  /** Waits until a promise settles or the gate holds a commit; false when neither happens in time. */
  const settle = async (pending: Promise<unknown>, gate: Gate<HarnessStore>): Promise<boolean> => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stuck = new Promise<'stuck'>((resolve) => {
      timer = setTimeout(() => resolve('stuck'), timeout);
    });
    const r = await Promise.race([pending.then(() => 'done', () => 'done'), gate.whenHeld().then(() => 'held'), stuck]);
    clearTimeout(timer);
    await tick();
    return r !== 'stuck';
  };
  /** Compares the implementation's observable state with the design's and checks the invariants on it. */
  const compare = async (after: string): Promise<string[]> => {
    if (service === null || world.env.mode.kind !== 'up') return [];
    const observed = await service.observe();
    const reference = refWorld() as unknown as Record<string, Record<string, Value>> & { state: string };
    const out: string[] = [];
    const merged: Record<string, unknown> = { state: observed.state ?? reference.state, durable: { ...reference['durable'] }, volatile: { ...reference['volatile'] }, ghost: { ...reference['ghost'] } };
    if (observed.state !== undefined && observed.state !== reference.state) out.push(`${after}: the implementation is in ${observed.state}, the design in ${reference.state}`);
    for (const [name, value] of Object.entries(observed.vars ?? {})) {
      const storage = spec.storage[name];
      if (storage === undefined) continue;
      const expected = reference[storage]![name];
      (merged[storage] as Record<string, Value>)[name] = value;
      if (value !== expected) out.push(`${after}: the implementation's ${name} is ${String(value)}, the design's is ${String(expected)}`);
    }
    // Invariants the design itself breaks here are the explorer's findings, not the implementation's.
    const observables = world.observables();
    const holds = (check: () => boolean): boolean => {
      try {
        return check();
      } catch {
        return false;
      }
    };
    for (const inv of spec.reference.invariants.state) {
      if (!holds(() => inv.holds(merged as never, observables as never)) && holds(() => inv.holds(reference as never, observables as never))) {
        out.push(`${after}: invariant "${inv.name}" is false on the implementation's state`);
      }
    }
    if (lastWorld !== null && lastReference !== null) {
      const across = { before: observables, after: observables };
      for (const inv of spec.reference.invariants.step) {
        if (!holds(() => inv.holds(lastWorld as never, merged as never, across as never)) && holds(() => inv.holds(lastReference as never, reference as never, across as never))) {
          out.push(`${after}: step invariant "${inv.name}" is false across the implementation's step`);
        }
      }
    }
    lastReference = reference;
    lastWorld = merged;
    return out;
  };
  const crashImpl = async () => {
    implGate.dead = true;
    if (service !== null) await adapter.crash?.(service);
    service = null;
  };

  for (;;) {
    const moves = world.moves(fires, options.crashBeforeWrite ?? true);
    if (moves.length === 0) break;
    const index = pick(moves, moves.map((m) => keyOf(world, m)));
    if (index < 0) break;
    const move = moves[index]!;
    const label = world.label(move);
    taken.push(keyOf(world, move));
    const env = world.env;
    switch (move.kind) {
      case 'send': {
        env.clients[move.r - 1] = { status: 'pending', event: move.event, payload: move.payload, attempts: 1 };
        world.toMachine(move.r);
        done.push(world.label(move));
        trace.push(label);
        continue;
      }
      case 'deliver': {
        deliverIndex = trace.length;
        dropsSinceDeliver = [];
        env.toMachine.splice(env.toMachine.indexOf(move.r), 1);
        const request = requestOf(spec, world, move.r);
        implReplies = [];
        refReplies = [];
        const peek = (() => {
          try {
            return spec.reference.decide(ref.snapshot() as never, request.event as never, { ghost: ref.ghost() } as never);
          } catch {
            return null;
          }
        })();
        refGate.armed = true;
        implGate.armed = true;
        const refDone = ref.handle(request);
        if (!(await settle(refDone, refGate))) return fail(`${label}: the reference did not finish`);
        const busy = refGate.held !== null && peek !== null && peek.kind === 'apply' && peek.ack !== 'none';
        implPending = service!.handle(request as Request);
        if (!busy) {
          await refGate.release(true, false);
          const outcome = await refDone.then(
            () => null,
            (e: unknown) => e,
          );
          if (outcome !== null) {
            // The design itself faults here (a guard or update error): the explorer reports that; nothing to compare.
            done.push(`${label} (the design faults: ${String(outcome)})`);
            return { steps: done.length, failure: null, trace };
          }
          if (!(await settle(implPending, implGate))) return fail(`${label}: the implementation did not finish within ${timeout} ms`);
          await implGate.release(true, false);
          if (!(await settle(implPending, implGate))) return fail(`${label}: the implementation did not finish within ${timeout} ms`);
          implPending = null;
          done.push(`${label}: the design replies ${showReplies(refReplies)}; the implementation ${showReplies(implReplies)}`);
          trace.push(label);
          if (!sameReplies(implReplies, refReplies)) return fail(`${label}: the implementation sent ${showReplies(implReplies)}, the design ${showReplies(refReplies)}`);
          for (const m of refReplies) world.toClient({ r: move.r, reply: m.reply });
          const problems = await compare(label);
          if (problems.length > 0) return fail(problems.join('\n  ✗ '));
          continue;
        }
        refPending = refDone;
        if (!(await settle(implPending, implGate))) return fail(`${label}: the implementation did not finish within ${timeout} ms`);
        const phase = peek!.ack === 'durable' ? 'ack' : 'persist';
        const reply = (peek!.reply ?? 'ok') as HarnessReply;
        env.mode = { kind: 'busy', r: move.r, phase, reply };
        early = implReplies;
        implReplies = [];
        if (phase === 'persist') for (const m of refReplies) world.toClient({ r: move.r, reply: m.reply });
        done.push(`${label}: the design's write is pending${early.length > 0 ? `; the implementation already sent ${showReplies(early)}` : ''}`);
        trace.push(label);
        continue;
      }
      case 'ack':
      case 'persist': {
        const before = refReplies.length;
        await refGate.release(true, false);
        await refPending;
        await implGate.release(true, false);
        if (implPending !== null && !(await settle(implPending, implGate))) return fail(`${label}: the implementation did not finish within ${timeout} ms`);
        implPending = null;
        refPending = null;
        const impl = [...early, ...implReplies];
        early = [];
        implReplies = [];
        env.mode = { kind: 'up' };
        if (move.kind === 'ack') for (const m of refReplies.slice(before)) world.toClient({ r: move.r, reply: m.reply });
        done.push(`${label}: the design replies ${showReplies(refReplies)}; the implementation ${showReplies(impl)}`);
        trace.push(label);
        if (!sameReplies(impl, refReplies)) return fail(`${label}: the implementation sent ${showReplies(impl)} for this request, the design ${showReplies(refReplies)}`);
        const problems = await compare(label);
        if (problems.length > 0) return fail(problems.join('\n  ✗ '));
        continue;
      }
      case 'receive': {
        env.toClient.splice(env.toClient.findIndex((m) => sameMessage(m, move.m)), 1);
        const c = env.clients[move.m.r - 1]!;
        if (c.status === 'pending') env.clients[move.m.r - 1] = { ...c, status: move.m.reply };
        done.push(label);
        trace.push(label);
        const problems = await compare(label);
        if (problems.length > 0) return fail(problems.join('\n  ✗ '));
        continue;
      }
      case 'timeout': {
        const c = env.clients[move.r - 1]!;
        if (move.retry) {
          env.clients[move.r - 1] = { ...c, attempts: c.attempts + 1 };
          world.toMachine(move.r);
        } else env.clients[move.r - 1] = { ...c, status: 'ambiguous' };
        done.push(label);
        trace.push(label);
        continue;
      }
      case 'drop': {
        const before = [...env.toMachine];
        (move.toMachine ? env.toMachine : env.toClient).splice(move.position, 1);
        if (move.toMachine && env.mode.kind === 'busy') dropsSinceDeliver.push({ at: trace.length, label: world.dropBeforeWrite(before, env.toMachine, env.mode.r) });
        env.drops++;
        done.push(label);
        trace.push(label);
        continue;
      }
      case 'duplicate': {
        if (move.toMachine) world.toMachine(env.toMachine[move.position]!);
        else world.toClient(env.toClient[move.position]!);
        env.duplicates++;
        done.push(label);
        trace.push(label);
        continue;
      }
      case 'fire': {
        refReplies = [];
        implReplies = [];
        const outcome = await ref.fire(move.event as never).then(
          () => null,
          (e: unknown) => e,
        );
        if (outcome !== null) {
          done.push(`${label} (the design faults: ${String(outcome)})`);
          return { steps: done.length, failure: null, trace };
        }
        if (service!.fire === undefined) return fail(`${label}: the design fires ${move.event}, but the adapter's service has no fire()`);
        await service!.fire(move.event);
        done.push(label);
        trace.push(label);
        const problems = await compare(label);
        if (problems.length > 0) return fail(problems.join('\n  ✗ '));
        continue;
      }
      case 'crash':
      case 'crash-before-write': {
        const mode = env.mode;
        const r = mode.kind === 'busy' ? mode.r : 0;
        let labels = ['crash'];
        if (mode.kind === 'busy') {
          // `crash` while a durable ack is pending: after the write. While a best-effort write is pending, or before the write: nothing written.
          const written = move.kind === 'crash' && mode.phase === 'ack';
          await refGate.release(written, true);
          await refPending?.catch(() => undefined);
          await implGate.release(written, true);
          await implPending?.catch(() => undefined);
          refPending = null;
          implPending = null;
          const impl = [...early, ...implReplies];
          early = [];
          implReplies = [];
          if (move.kind === 'crash-before-write') {
            if (impl.length > 0) {
              done.push(`crash before the write of ${world.name(r)}`);
              for (const d of dropsSinceDeliver) trace[d.at] = d.label;
              trace.splice(deliverIndex, 1);
              trace.push('crash');
              return fail(`the implementation sent ${showReplies(impl)} before its write, then crashed before the write committed: the client holds an answer for an effect that is gone (lost ack)`);
            }
            // The design sees a request that never arrived: its delivery leaves the trace and the
            // message stays in flight (at the head of a FIFO channel, where the delivery took it).
            if (spec.environment.reorder) world.toMachine(r);
            else env.toMachine.unshift(r);
            for (const d of dropsSinceDeliver) trace[d.at] = d.label;
            trace.splice(deliverIndex, 1);
          } else if (mode.phase === 'ack') {
            const expected = impl.filter((x) => x.reply === mode.reply);
            if (expected.length !== impl.length || impl.length > 1) return fail(`${label}: the implementation sent ${showReplies(impl)}, the design sends ${mode.reply} or nothing`);
            // A reply that went out before the write, which then completed: the design's `ack` just before the crash.
            if (impl.length === 1) {
              world.toClient({ r, reply: mode.reply });
              labels = [`ack ${world.name(r)}`, 'crash'];
            }
          } else if (!sameReplies(impl, refReplies)) {
            return fail(`${label}: the implementation sent ${showReplies(impl)}, the design (ack: best-effort) ${showReplies(refReplies)} before its write`);
          }
        }
        env.mode = { kind: 'recovering' };
        env.crashes++;
        await crashImpl();
        done.push(move.kind === 'crash' ? (labels.length > 1 ? `crash after the write and the reply to ${world.name(r)}` : mode.kind === 'busy' ? `crash after the write of ${world.name(r)}` : 'crash') : `crash before the write of ${world.name(r)}`);
        trace.push(...labels);
        continue;
      }
      case 'restart': {
        refReplies = [];
        implReplies = [];
        await ref.recover();
        service = await startImpl();
        env.mode = { kind: 'up' };
        done.push('restart');
        trace.push(label);
        const problems = await compare('after the restart (what was written must survive)');
        if (problems.length > 0) return fail(problems.join('\n  ✗ '));
        continue;
      }
    }
  }
  if (service !== null) await adapter.stop?.(service);
  return { steps: done.length, failure: null, trace };
}

/** The choices fast-check generates and shrinks: one number per step, read modulo the moves enabled. */
export function choicesArbitrary(options: HarnessOptions = {}): fc.Arbitrary<number[]> {
  return fc.array(fc.nat({ max: 1000 }), { minLength: 1, maxLength: options.maxSteps ?? 40 });
}

/** The property, for any runner: `await fc.assert(propertyFor(spec, adapter), { numRuns: 200 })`. */
export function propertyFor<Store extends HarnessStore, Request, Durable>(
  spec: HarnessSpec,
  adapter: HarnessAdapter<Store, Request, Durable>,
  options: HarnessOptions = {},
): fc.IAsyncProperty<[number[]]> {
  return fc.asyncProperty(choicesArbitrary(options), async (choices) => {
    const result = await runChoices(spec, adapter, choices, options);
    if (result.failure !== null) throw new HarnessError(result.failure, spec.designName);
  });
}

/**
 * Runs the property and returns the shortest failure it can reach (or null): fast-check's
 * counterexample, then shortened by dropping one named move at a time while the run still fails
 * (choices shrink poorly: removing one shifts the meaning of every later one; names do not).
 */
export async function findFailure<Store extends HarnessStore, Request, Durable>(
  spec: HarnessSpec,
  adapter: HarnessAdapter<Store, Request, Durable>,
  options: HarnessOptions & { readonly numRuns?: number; readonly seed?: number } = {},
): Promise<HarnessFailure | null> {
  const arbitrary = choicesArbitrary(options);
  const property = fc.asyncProperty(arbitrary, async (choices) => (await runChoices(spec, adapter, choices, options)).failure === null);
  const details = await fc.check(property, { numRuns: options.numRuns ?? 200, ...(options.seed === undefined ? {} : { seed: options.seed }) });
  if (!details.failed || details.counterexample === null) return null;
  const failure = (await runChoices(spec, adapter, details.counterexample[0], options)).failure;
  return failure === null ? null : shortest(spec, adapter, failure, options);
}

/** Drops one named move at a time while the run still fails: a failure no single removal keeps. */
export async function shortest<Store extends HarnessStore, Request, Durable>(
  spec: HarnessSpec,
  adapter: HarnessAdapter<Store, Request, Durable>,
  failure: HarnessFailure,
  options: HarnessOptions = {},
): Promise<HarnessFailure> {
  let best = failure;
  for (let i = 0; i < best.moves.length; ) {
    const shorter: RunResult = await runMoves(spec, adapter, [...best.moves.slice(0, i), ...best.moves.slice(i + 1)], options);
    if (shorter.failure !== null && shorter.failure.moves.length < best.moves.length) best = shorter.failure;
    else i++;
  }
  return best;
}

/** Runs the property and throws the shortest failure as a \`HarnessError\` (its message holds the trace file): for any runner. */
export async function assertShortest<Store extends HarnessStore, Request, Durable>(
  spec: HarnessSpec,
  adapter: HarnessAdapter<Store, Request, Durable>,
  options: HarnessOptions & { readonly numRuns?: number; readonly seed?: number } = {},
): Promise<void> {
  const failure = await findFailure(spec, adapter, options);
  if (failure !== null) throw new HarnessError(failure, spec.designName);
}
