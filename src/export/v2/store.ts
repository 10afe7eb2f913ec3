/**
 * The runtime part of a role module (emitted verbatim after `decide`): the `Store` contract, an
 * in-memory store, `Instance` (one running instance: decide, commit what must survive, then
 * release the sends — durable before ack) and `recover()` (a restart after a crash: the stored
 * record, volatile vars back to their initial values, then the role's `$restart` transition).
 */
export function roleStore(): string {
  return `/** What a crash keeps: the last durable state entered and the durable vars. */
export interface PersistedRecord {
  readonly state: State;
  readonly durable: Readonly<Durable>;
}

/**
 * Where an instance keeps what survives a crash. \`commit\` must resolve only once the record is
 * durable (fsync, a replicated write): an instance releases a step's messages only after its
 * commit resolved, so no other instance hears of a step a crash could undo. \`load\` returns the
 * last committed record, or null for an instance never started.
 */
export interface Store {
  load(): Promise<PersistedRecord | null>;
  commit(record: PersistedRecord): Promise<void>;
}

/** A store in memory (tests, simulations): survives the loss of an \`Instance\` object, not of the process. */
export function createMemoryStore(): Store & { peek(): PersistedRecord | null } {
  let record: PersistedRecord | null = null;
  return {
    load: () => Promise.resolve(record),
    commit: (r) => {
      record = r;
      return Promise.resolve();
    },
    peek: () => record,
  };
}

export type Outcome =
  | { readonly kind: 'taken'; readonly transition: TransitionName; readonly sends: readonly Sent[] }
  /** No transition takes the input: a received message is consumed; an event is not enabled. */
  | { readonly kind: 'ignored' }
  /** The store failed (or failed before): the instance is down until \`recover()\`; nothing was sent. */
  | { readonly kind: 'unavailable' };

function recordOf(s: Snapshot): PersistedRecord {
  return { state: s.persisted, durable: s.durable };
}

/** One running instance of the role. Inputs are taken one at a time (await each \`step\`). */
export class Instance {
  private down = false;
  private constructor(
    private current: Snapshot,
    private readonly store: Store,
    private committed: string,
  ) {}

  /** A new instance on an empty store: writes the initial record. A store with a record needs \`recover()\`. */
  static async create(self: Id, store: Store, ghost: Ghost = initialGhost()): Promise<Instance> {
    if ((await store.load()) !== null) throw new Error(\`\${self}: the store already holds a record; use recover()\`);
    const s = initialSnapshot(self, ghost);
    await store.commit(recordOf(s));
    return new Instance(s, store, JSON.stringify(recordOf(s)));
  }

  /** After a crash: the stored state and durable vars, volatile vars reset, the ghost vars given. */
  static async restore(self: Id, store: Store, ghost: Ghost): Promise<Instance> {
    const record = (await store.load()) ?? recordOf(initialSnapshot(self));
    const s: Snapshot = { self, state: record.state, persisted: record.state, durable: record.durable, volatile: initialVolatile(), ghost };
    return new Instance(s, store, JSON.stringify(recordOf(s)));
  }

  snapshot(): Snapshot {
    return this.current;
  }

  /**
   * Takes one input. What a crash must not lose is committed first; the sends are returned
   * (to be put on the network) only after the commit resolved.
   */
  async step(input: Input, world: P.World): Promise<Outcome> {
    if (this.down) return { kind: 'unavailable' };
    const decision = decide(this.current, input, world);
    if (decision === null) return { kind: 'ignored' };
    const record = JSON.stringify(recordOf(decision.next));
    if (record !== this.committed) {
      try {
        await this.store.commit(recordOf(decision.next));
      } catch {
        this.down = true;
        return { kind: 'unavailable' };
      }
      this.committed = record;
    }
    this.current = decision.next;
    return { kind: 'taken', transition: decision.transition, sends: decision.sends };
  }
}

/** Restarts an instance after a crash: \`Instance.restore\`, then the first \`$restart\` transition whose guard holds (if any). */
export async function recover(self: Id, store: Store, ghost: Ghost, world: P.World): Promise<{ readonly instance: Instance; readonly outcome: Outcome }> {
  const instance = await Instance.restore(self, store, ghost);
  const outcome = await instance.step({ kind: 'restart' }, world);
  return { instance, outcome };
}`;
}
