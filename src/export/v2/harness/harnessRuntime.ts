import fc from 'fast-check';
import { DesignSystem, initialConfigurationCount, initialConfigurationOf, messageKey, type SystemInput, type SystemMessage, type SystemModules, type SystemSpec, type SystemStep } from '../system/systemRuntime';

/**
 * The version-2 test harness's runtime: `export --to harness` emits this file's text verbatim
 * (importing `./system`), bound to one design. You implement each role; the harness starts one
 * instance of your implementation per instance of the design, each on its own durable store,
 * and runs them beside the design's running system (`system.ts`: the exported role modules
 * through an in-memory network with the design's faults). At every step it picks one of the
 * design's enabled steps (a delivery, an event, a drop, a duplicate, a crash, a restart) and
 * gives the same input to your instance, or crashes it, or restarts it from its store; then it
 * compares the messages your instance sent with the design's and every instance's observable
 * state and vars with the design's. Now and then it offers an input the design does not take
 * there (an event whose guard is false), which your instance must decline. The first difference
 * ends the run, reported with the trace so far, labelled as the studio's simulator labels steps.
 */

/** What your implementation shows of one instance: its state and vars by name (any subset; those missing are not compared). */
export interface ObservedInstance {
  readonly state?: string;
  readonly vars?: Readonly<Record<string, unknown>>;
}

/** One running instance of your implementation of a role. */
export interface RoleImplementation<Input, Sent, World> {
  /**
   * Takes one input (an event, a received message). Resolves once what must survive a crash is
   * durable, with the messages the step sends (possibly none), or null when no transition takes
   * the input (a received message is then consumed and ignored).
   */
  step(input: Input, world: World): Promise<readonly Sent[] | null>;
  observe(): ObservedInstance | Promise<ObservedInstance>;
}

/** What you write per role: how to start an instance of your implementation, and restart it after a crash. */
export interface RoleAdapter<Id, Store, Input, Sent, World, Impl extends RoleImplementation<Input, Sent, World> = RoleImplementation<Input, Sent, World>, Start = undefined> {
  /** Durable storage for one instance, empty; it outlives crashes (a restart gets the same one). Default: the role module's `createMemoryStore()`. */
  newStore?(self: Id): Store;
  /**
   * Starts an instance on its empty store. `start`: how it starts, when its role chooses (several
   * initial states or listed initial values, docs/format-v2.md §2): the role module's `Start`, its
   * part of the run's initial configuration; undefined for a role that does not choose.
   */
  start(self: Id, store: Store, start: Start): Promise<Impl>;
  /** Restarts an instance after a crash from its store, running its restart step: the instance and what that step sent (null: no restart transition). */
  recover(self: Id, store: Store, world: World): Promise<{ readonly instance: Impl; readonly sends: readonly Sent[] | null }>;
  /** The harness crashed this instance: drop its memory, timers, connections (its store stays). */
  crash?(instance: Impl): void | Promise<void>;
}

type AnyImplementation = RoleImplementation<SystemInput, SystemMessage, unknown>;
/** Adapters by role name, as the runtime handles them (the generated `Adapters` type is their typed form). */
export type AnyAdapters = Readonly<Record<string, RoleAdapter<string, unknown, SystemInput, SystemMessage, unknown, AnyImplementation, unknown>>>;

export interface HarnessOptions {
  /** Longest run, in steps. Default 40. */
  readonly maxSteps?: number;
  /** One step in this many offers an input the design does not take (0: never). Default 4. */
  readonly declineEvery?: number;
  /** How long one call into your implementation may take before the run fails (a hung step). Default 2000 ms. */
  readonly stepTimeoutMs?: number;
  /**
   * Which initial configuration a run starts in (0-based, `INITIAL_CONFIGURATIONS` of initial.ts),
   * for `runChoices`; needed when the design has several. The property tries every one.
   */
  readonly start?: number;
}

/** Where your implementation first differed from the design. */
export interface HarnessFailure {
  /** The initial configuration the run started in (0-based; always 0 when the design has one). */
  readonly start: number;
  /** 1-based index of the step that showed it (0: right after start). */
  readonly step: number;
  readonly label: string;
  /** The steps taken, as the studio's simulator labels them, the failing one last. */
  readonly trace: readonly string[];
  readonly problems: readonly string[];
}

export interface HarnessRun {
  readonly trace: readonly string[];
  readonly failure: HarnessFailure | null;
}

/** The exported role module as it implements its role: the harness's own check that a correct implementation passes. */
export interface ReferenceRoleModule {
  createMemoryStore(): unknown;
  view(s: never): { readonly state: string; readonly vars: Readonly<Record<string, unknown>> };
  readonly Instance: { create(self: never, store: never, start?: never): Promise<unknown> };
  recover(self: never, store: never, ghost: never, world: never): Promise<{ readonly instance: unknown; readonly outcome: { readonly kind: string; readonly sends?: readonly unknown[] } }>;
}

interface ReferenceInstance {
  snapshot(): { readonly ghost: unknown };
  step(input: unknown, world: unknown): Promise<{ readonly kind: string; readonly sends?: readonly unknown[] }>;
}

/**
 * The role module itself as an implementation: an adapter to start from (replace the
 * `Instance` calls with your service's). Ghost vars (specification only) are carried across a
 * crash here, as the design does.
 */
export function referenceAdapter(module: ReferenceRoleModule): RoleAdapter<string, unknown, SystemInput, SystemMessage, unknown, AnyImplementation, unknown> {
  const ghosts = new Map<string, unknown>();
  const selfOf = new Map<AnyImplementation, string>();
  const wrap = (self: string, raw: unknown): AnyImplementation => {
    const inst = raw as ReferenceInstance;
    const impl: AnyImplementation & { readonly inner: ReferenceInstance } = {
      inner: inst,
      async step(input, world) {
        const outcome = await inst.step(input, world);
        if (outcome.kind === 'unavailable') throw new Error(`${self}: store unavailable`);
        return outcome.kind === 'taken' ? ((outcome.sends ?? []) as readonly SystemMessage[]) : null;
      },
      observe: () => module.view(inst.snapshot() as never),
    };
    selfOf.set(impl, self);
    return impl;
  };
  return {
    start: async (self, store, start) => {
      const inst = (await module.Instance.create(self as never, store as never, start as never)) as ReferenceInstance;
      // The ghost vars as started (a listed ghost var starts as the configuration says): a crash before any step keeps them.
      ghosts.set(self, inst.snapshot().ghost);
      return wrap(self, inst);
    },
    recover: async (self, store, world) => {
      const r = await module.recover(self as never, store as never, ghosts.get(self) as never, world as never);
      if (r.outcome.kind === 'unavailable') throw new Error(`${self}: store unavailable`);
      return { instance: wrap(self, r.instance), sends: r.outcome.kind === 'taken' ? ((r.outcome.sends ?? []) as readonly SystemMessage[]) : null };
    },
    crash: (impl) => {
      const self = selfOf.get(impl);
      if (self !== undefined) ghosts.set(self, (impl as AnyImplementation & { readonly inner: ReferenceInstance }).inner.snapshot().ghost);
    },
  };
}

/** A value in a canonical text: object keys sorted, so `{a, b}` and `{b, a}` compare equal. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value) ?? 'undefined';
}

interface Running {
  readonly adapter: RoleAdapter<string, unknown, SystemInput, SystemMessage, unknown>;
  readonly store: unknown;
  impl: AnyImplementation | null;
}

/** Drives your implementation and the design side by side for one run; `choices` pick the steps (a fast-check array, or your own). */
export class HarnessDriver {
  readonly trace: string[] = [];
  private constructor(
    private readonly sys: DesignSystem,
    private readonly running: Map<string, Running>,
    private readonly stepTimeoutMs: number,
    /** The initial configuration the run started in. */
    readonly start: number,
  ) {}

  /** `start`: the initial configuration (0-based; needed when the design has several): the design and your instances start in it. */
  static async start(spec: SystemSpec, modules: SystemModules, adapters: AnyAdapters, stepTimeoutMs = 2000, start?: number): Promise<HarnessDriver> {
    const configuration = initialConfigurationOf(modules, start);
    const sys = await DesignSystem.start(spec, modules, start);
    const running = new Map<string, Running>();
    for (const inst of spec.instances) {
      const adapter = adapters[inst.role];
      if (adapter === undefined) throw new Error(`no adapter for role ${inst.role}`);
      const store = adapter.newStore ? adapter.newStore(inst.name) : modules.roles[inst.role]!.createMemoryStore();
      const chosen = Object.prototype.hasOwnProperty.call(configuration, inst.name) ? configuration[inst.name] : undefined;
      running.set(inst.name, { adapter, store, impl: await adapter.start(inst.name, store, chosen) });
    }
    return new HarnessDriver(sys, running, stepTimeoutMs, start ?? 0);
  }

  private sendProblems(instance: string, mine: readonly SystemMessage[] | null, design: readonly SystemMessage[] | null): string[] {
    if (mine === null && design === null) return [];
    if (mine === null) return [`${instance} declined the input; the design takes it`];
    if (design === null) return [`${instance} took the input (sent ${mine.length} message(s)); the design ignores it here`];
    const shown = (ms: readonly SystemMessage[]) => (ms.length ? ms.map((m) => `${this.sys.messageText(m.kind, m.payload)} ${m.from}→${m.to}`).sort().join(', ') : 'nothing');
    const keys = (ms: readonly SystemMessage[]) => ms.map(messageKey).sort().join('\n');
    return keys(mine) === keys(design) ? [] : [`${instance} sent ${shown(mine)}; the design sends ${shown(design)}`];
  }

  /** Every running instance's observation against the design's state and vars. */
  private async observationProblems(): Promise<string[]> {
    const out: string[] = [];
    for (const [name, r] of this.running) {
      if (r.impl === null) continue;
      const seen = await r.impl.observe();
      const design = this.sys.instanceView(name);
      if (seen.state !== undefined && seen.state !== design.state) out.push(`${name}: state ${seen.state}; the design has ${design.state}`);
      for (const [k, v] of Object.entries(seen.vars ?? {})) {
        if (!(k in design.vars)) out.push(`${name}: var ${k} is not one of the design's`);
        else if (canonical(v) !== canonical(design.vars[k])) out.push(`${name}: ${k} = ${canonical(v)}; the design has ${canonical(design.vars[k])}`);
      }
    }
    return out;
  }

  private failure(label: string, problems: readonly string[]): HarnessFailure | null {
    return problems.length === 0 ? null : { start: this.start, step: this.trace.length, label, trace: [...this.trace], problems };
  }

  /** Compares right after start. */
  async checkStart(): Promise<HarnessFailure | null> {
    return this.failure('start', await this.observationProblems());
  }

  private async attempt<T>(what: () => Promise<T>, instance: string): Promise<{ ok: true; value: T } | { ok: false; problem: string }> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    // A step that never settles is a failure of its own, not a harness that hangs with it.
    const hung = new Promise<{ ok: false; problem: string }>((resolve) => {
      timer = setTimeout(() => resolve({ ok: false, problem: `${instance} did not finish the step within ${this.stepTimeoutMs} ms` }), this.stepTimeoutMs);
    });
    try {
      return await Promise.race([what().then((value) => ({ ok: true as const, value })), hung]);
    } catch (e) {
      return { ok: false, problem: `${instance} threw: ${e instanceof Error ? e.message : String(e)}` };
    } finally {
      clearTimeout(timer);
    }
  }

  /** One design step, given to the implementation too; the problems it showed, if any. */
  async take(step: SystemStep): Promise<HarnessFailure | null> {
    const effect = step.effect;
    this.trace.push(step.label);
    const problems: string[] = [];
    if (effect.kind === 'input') {
      const r = this.running.get(effect.instance)!;
      // Your instance first, with the world before the step (guards read it as the design's do).
      const mine = await this.attempt(() => r.impl!.step(effect.input, this.sys.world), effect.instance);
      const transition = await step.take();
      if (!mine.ok) problems.push(mine.problem);
      else problems.push(...this.sendProblems(effect.instance, mine.value, transition === null ? null : this.sys.sentBy(effect.instance)));
    } else if (effect.kind === 'crash') {
      const r = this.running.get(effect.instance)!;
      const impl = r.impl!;
      r.impl = null;
      await step.take();
      const crashed = await this.attempt(async () => r.adapter.crash?.(impl), effect.instance);
      if (!crashed.ok) problems.push(crashed.problem);
    } else if (effect.kind === 'restart') {
      const r = this.running.get(effect.instance)!;
      const mine = await this.attempt(() => r.adapter.recover(effect.instance, r.store, this.sys.world), effect.instance);
      const transition = await step.take();
      if (!mine.ok) problems.push(mine.problem);
      else {
        r.impl = mine.value.instance;
        problems.push(...this.sendProblems(effect.instance, mine.value.sends, transition === null ? null : this.sys.sentBy(effect.instance)));
      }
    } else await step.take();
    if (problems.length === 0) problems.push(...(await this.observationProblems()));
    return this.failure(step.label, problems);
  }

  /** An input the design does not take here: your instance must decline it and stay as it was. */
  async decline(offer: { readonly label: string; readonly instance: string; readonly input: SystemInput }): Promise<HarnessFailure | null> {
    this.trace.push(offer.label);
    const r = this.running.get(offer.instance)!;
    const mine = await this.attempt(() => r.impl!.step(offer.input, this.sys.world), offer.instance);
    const problems = !mine.ok ? [mine.problem] : mine.value !== null ? [`${offer.instance} took an input the design does not take here (sent ${mine.value.length} message(s))`] : await this.observationProblems();
    // A declined input changes nothing: it stays out of the trace the simulator replays.
    const failure = this.failure(offer.label, problems);
    if (failure === null) this.trace.pop();
    return failure;
  }

  /** The design's enabled steps, and the inputs it does not take, now. */
  async options(): Promise<{ readonly steps: readonly SystemStep[]; readonly declined: ReturnType<DesignSystem['disabledInputs']> }> {
    const steps = await this.sys.enabled();
    return { steps, declined: this.sys.disabledInputs() };
  }

  /** Whether the design itself breaks an invariant here (then the run stops: that is the checker's finding, not your implementation's). */
  designBroken(): boolean {
    return this.sys.violations().length > 0;
  }
}

/** One run: the steps `choices` pick (each modulo the steps enabled), until a difference, a dead end or `maxSteps`. */
export async function runHarness(spec: SystemSpec, modules: SystemModules, adapters: AnyAdapters, choices: readonly number[], options: HarnessOptions = {}): Promise<HarnessRun> {
  const driver = await HarnessDriver.start(spec, modules, adapters, options.stepTimeoutMs, options.start);
  const first = await driver.checkStart();
  if (first) return { trace: driver.trace, failure: first };
  const declineEvery = options.declineEvery ?? 4;
  for (const [i, choice] of choices.slice(0, options.maxSteps ?? 40).entries()) {
    if (driver.designBroken()) break;
    const { steps, declined } = await driver.options();
    const offer = declineEvery > 0 && i % declineEvery === declineEvery - 1 && declined.length > 0 ? declined[choice % declined.length] : undefined;
    if (offer) {
      const failure = await driver.decline(offer);
      if (failure) return { trace: driver.trace, failure };
      continue;
    }
    if (steps.length === 0) break;
    const failure = await driver.take(steps[choice % steps.length]!);
    if (failure) return { trace: driver.trace, failure };
  }
  return { trace: driver.trace, failure: null };
}

/**
 * A trace from the studio (Simulate or Check, its step labels) given to your implementation step
 * by step: the first difference, or null when it held to the end. A label that is not a step of
 * the design there (nor an input it declines, `… (not enabled)`) is an error: the trace is not
 * this design's.
 */
export async function runTraceOf(spec: SystemSpec, modules: SystemModules, adapters: AnyAdapters, labels: readonly string[], options: Pick<HarnessOptions, 'stepTimeoutMs' | 'start'> = {}): Promise<HarnessFailure | null> {
  const driver = await HarnessDriver.start(spec, modules, adapters, options.stepTimeoutMs, options.start);
  const first = await driver.checkStart();
  if (first) return first;
  for (const label of labels) {
    const { steps, declined } = await driver.options();
    const step = steps.find((s) => s.label === label);
    const offer = step ? undefined : declined.find((d) => d.label === label);
    if (!step && !offer) throw new Error(`"${label}" is not a step of the design after ${driver.trace.length} steps`);
    const failure = step ? await driver.take(step) : await driver.decline(offer!);
    if (failure) return failure;
  }
  return null;
}

/** A failure as text: the step, the problems, the trace. */
export function describeFailure(design: string, f: HarnessFailure): string {
  const trace = f.trace.map((l, i) => `  ${i + 1}. ${l}`).join('\n');
  return `The implementation departs from the design ${JSON.stringify(design)} at step ${f.step} (${f.label}):\n${f.problems.map((p) => `  - ${p}`).join('\n')}\nTrace (the studio's step labels):\n${trace || '  (before any step)'}`;
}

export class HarnessError extends Error {
  constructor(
    readonly failure: HarnessFailure,
    design: string,
  ) {
    super(describeFailure(design, failure));
    this.name = 'HarnessError';
  }
}

/** The fast-check property: every run of at most `maxSteps` steps, from each initial configuration (the first number), holds to the design. */
export function propertyOf(spec: SystemSpec, modules: SystemModules, adapters: AnyAdapters, options: HarnessOptions = {}): fc.IAsyncProperty<[number, number[]]> {
  const starts = initialConfigurationCount(modules);
  return fc.asyncProperty(fc.nat({ max: starts - 1 }), fc.array(fc.nat({ max: 1_000_000 }), { maxLength: options.maxSteps ?? 40 }), async (start, choices) => {
    const run = await runHarness(spec, modules, adapters, choices, { ...options, start });
    if (run.failure) throw new HarnessError(run.failure, spec.design);
  });
}

/** Runs the property; the shortest failure fast-check found, or null when every run held. */
export async function findFailureOf(spec: SystemSpec, modules: SystemModules, adapters: AnyAdapters, options: HarnessOptions & { readonly numRuns?: number; readonly seed?: number } = {}): Promise<HarnessFailure | null> {
  const result = await fc.check(propertyOf(spec, modules, adapters, options), { numRuns: options.numRuns ?? 200, ...(options.seed === undefined ? {} : { seed: options.seed }) });
  if (!result.failed || result.counterexample === null) return null;
  const run = await runHarness(spec, modules, adapters, result.counterexample[1], { ...options, start: result.counterexample[0] });
  return run.failure;
}
