import type { RoleV2, UnflushedRecordV2 } from '../../model/v2/model';
import { tsMember } from '../typescript/escape';

/**
 * The runtime part of a role module (emitted verbatim after `decide`): the `Store` contract, an
 * in-memory store, `Instance` (one running instance: decide, commit what must survive, then
 * release the sends — durable before ack) and `recover()` (a restart after a crash: the stored
 * record, volatile vars back to their initial values, then the role's `$restart` transition).
 */
/**
 * The unflushed record of a callee that answers best-effort (docs/format-v2.md §7), as the engine
 * keeps it: when a step raises the flag, the shadows take the committed record (what a crash
 * returns to, since nothing is committed while the flag is up); when the flush lowers it, they go
 * back to their initial values.
 */
function unflushedRecord(rec: UnflushedRecordV2): string {
  const flag = (o: string) => tsMember(o, rec.flag.name);
  const lines = [
    `    ${tsMember('volatile', rec.state.name)} = stored.state;`,
    ...rec.shadows.map(([d, sh]) => `    ${tsMember('volatile', sh.name)} = ${tsMember('stored.durable', d.name)};`),
  ];
  const reset = [rec.state, ...rec.shadows.map(([, sh]) => sh)].map((v) => `    ${tsMember('volatile', v.name)} = ${tsMember('initial', v.name)};`);
  return `/** "ack": "best-effort": the shadows mirror the committed record while \`${rec.flag.name}\` is up (nothing is committed then). */
function keepRecord(prev: Snapshot, next: Snapshot, stored: PersistedRecord): Snapshot {
  if (${flag('prev.volatile')} === ${flag('next.volatile')}) return next;
  const volatile: Volatile = { ...next.volatile };
  if (${flag('next.volatile')}) {
${lines.join('\n')}
  } else {
    const initial = initialVolatile();
${reset.join('\n')}
  }
  return { ...next, volatile };
}

`;
}

/** `choosing`: an instance chooses how it starts (`Start`, docs/format-v2.md §2), so `create` takes that choice. */
export function roleStore(role: RoleV2, choosing: boolean): string {
  const rec = role.record;
  return `${rec === null ? '' : unflushedRecord(rec)}/** What a crash keeps: the last durable state entered and the durable vars. */
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

${
    choosing
      ? `  /**
   * A new instance on an empty store, starting as \`start\` says (one instance's part of an initial
   * configuration, \`initial.ts\`; checked, a \`RangeError\` otherwise): writes the initial record. A
   * store with a record needs \`recover()\`.
   */
  static async create(self: Id, store: Store, start: Start, ghost?: Ghost): Promise<Instance> {
    const s = initialSnapshot(self, start, ghost);
    if ((await store.load()) !== null) throw new Error(\`\${self}: the store already holds a record; use recover()\`);`
      : `  /** A new instance on an empty store: writes the initial record. A store with a record needs \`recover()\`. */
  static async create(self: Id, store: Store, ghost: Ghost = initialGhost()): Promise<Instance> {
    if ((await store.load()) !== null) throw new Error(\`\${self}: the store already holds a record; use recover()\`);
    const s = initialSnapshot(self, ghost);`
  }
    await store.commit(recordOf(s));
    return new Instance(s, store, JSON.stringify(recordOf(s)));
  }

  /** After a crash: the stored state and durable vars, volatile vars reset, the ghost vars given. */
  static async restore(self: Id, store: Store, ghost: Ghost): Promise<Instance> {
    const record = ${choosing ? `await store.load();
    // An empty store never started: which of its initial states it began in is not known here.
    if (record === null) throw new Error(\`\${self}: the store holds no record; start the instance with Instance.create(self, store, start)\`);` : '(await store.load()) ?? recordOf(initialSnapshot(self));'}
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
    if (decision === null) return { kind: 'ignored' };${
      rec === null
        ? `
    const next = decision.next;`
        : `
    const next = keepRecord(this.current, decision.next, JSON.parse(this.committed) as PersistedRecord);
    if (${tsMember('next.volatile', rec.flag.name)}) {
      // Answered before it is durable ("ack": "best-effort"): nothing is committed until the flush.
      this.current = next;
      return { kind: 'taken', transition: decision.transition, sends: decision.sends };
    }`
    }
    const record = JSON.stringify(recordOf(next));
    if (record !== this.committed) {
      try {
        await this.store.commit(recordOf(next));
      } catch {
        this.down = true;
        return { kind: 'unavailable' };
      }
      this.committed = record;
    }
    this.current = next;
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
