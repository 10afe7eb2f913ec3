import { tsKey, tsString } from './escape';
import type { TsContext } from './context';

/**
 * The machine around `decide`: side effects behind a `Store`, replies through `acknowledge`,
 * evidence through `onEvidence`, in the order each transition's ack prescribes (MODEL.md §5).
 * Requests are processed one at a time, as the model's `busy` mode does.
 */

const STORE = `/** The persisted record: the last durable state entered, the durable vars, and the record's revision. */
export interface PersistedRecord {
  readonly state: StateName;
  readonly durable: Durable;
  /** 0 for the initial record, one more with every commit: two machines sharing one store are detected. */
  readonly revision: number;
}

export interface DedupeEntry {
  readonly requestId: string;
  readonly reply: CachedReply;
}

/** A commit refused because the stored revision is not the one the machine last read or wrote. */
export class StoreConflict extends Error {
  constructor(stored: number, attempted: number) {
    super(\`store conflict: the store holds revision \${stored}, this commit would write \${attempted}\`);
    this.name = "StoreConflict";
  }
}

/**
 * Durable storage; the promises a real store must keep:
 * - \`commit\` resolves only once the record and the dedupe entry are durable, written atomically
 *   (one transaction: both or neither);
 * - \`commit\` is a compare-and-set on the revision: it writes only when \`record.revision\` is one
 *   past the stored record's, and otherwise rejects (\`StoreConflict\`) without writing, so a
 *   second process writing the same store is detected instead of silently overwritten;
 * - a rejected \`commit\` may or may not have written (the machine re-reads the store).
 */
export interface Store {
  /** The persisted record; undefined before the machine's first start. */
  get(): Promise<PersistedRecord | undefined>;
  /** Writes the record unless one exists; true when this call wrote it. */
  putIfAbsent(record: PersistedRecord): Promise<boolean>;
  /** The durable dedupe table's entry for a request. */
  getReply(requestId: string): Promise<CachedReply | undefined>;
  commit(record: PersistedRecord, entry?: DedupeEntry): Promise<void>;
}

/** A store in memory: for tests, and a template for a real one. */
export function createMemoryStore(): Store {
  let record: PersistedRecord | undefined;
  const replies = new Map<string, CachedReply>();
  return {
    get: async () => record,
    putIfAbsent: async (initial) => {
      if (record !== undefined) return false;
      record = initial;
      return true;
    },
    getReply: async (requestId) => replies.get(requestId),
    commit: async (next, entry) => {
      const stored = record?.revision ?? -1;
      if (next.revision !== stored + 1) throw new StoreConflict(stored, next.revision);
      record = next;
      if (entry !== undefined) replies.set(entry.requestId, entry.reply);
    },
  };
}

export const initialRecord: PersistedRecord = { state: initialSnapshot.state, durable: initialDurable, revision: 0 };

/** What the machine did, for logs, metrics and conformance tests. */
export interface Evidence {
  readonly step: "deliver" | "duplicate" | "reject" | "ignore" | "fire" | "restart";
  readonly requestId: string | null;
  readonly transition: TransitionName | null;
  readonly before: Snapshot;
  readonly after: Snapshot;
  readonly reply: CachedReply | null;
}

export type HandleResult =
  | { readonly kind: "reply"; readonly requestId: string; readonly reply: Reply; readonly duplicate: boolean }
  | { readonly kind: "noreply"; readonly requestId: string; readonly duplicate: boolean }
  | { readonly kind: "invalid"; readonly issues: readonly string[] }
  /** Not started, or crashed (a store write failed): call \`recover()\`. */
  | { readonly kind: "unavailable" };

export type FireResult =
  | { readonly kind: "fired"; readonly transition: TransitionName; readonly snapshot: Snapshot }
  | { readonly kind: "ignored" }
  /** Not a timer or internal event of this machine (the name is checked at run time too). */
  | { readonly kind: "invalid"; readonly issues: readonly string[] }
  | { readonly kind: "unavailable" };

export interface MachineOptions {
  /** Sends a reply to the client: called before \`handle\` resolves for best-effort acks (before the write). */
  readonly acknowledge?: (requestId: string, reply: Reply) => void;
  readonly onEvidence?: (evidence: Evidence) => void;
}

export interface Machine {
  /** First start writes the initial record; a later start is a restart (\`recover\`). */
  start(): Promise<Snapshot>;
  /** parse → decide → write → ack → evidence, in the order the transition's ack prescribes. */
  handle(input: unknown): Promise<HandleResult>;
  /** Fires a timer or internal event: its transition is applied and persisted atomically. */
  fire(event: FiredEventName): Promise<FireResult>;
  /** After a crash: reload durable state, reset volatile state, take the \`$restart\` transition. */
  recover(): Promise<Snapshot>;
  snapshot(): Snapshot;
  ghost(): Ghost;
}`;

export function machineSection(ctx: TsContext): string {
  const { model } = ctx;
  const client = model.events.filter((e) => e.source === 'client');
  const fired = model.events.filter((e) => e.source !== 'client');
  const durableStates = model.states.filter((s) => s.durable).map((s) => tsString(s.name));
  const idempotency = client.map((e) => `${tsKey(e.name)}: ${tsString(e.idempotency)}`).join(', ');
  const firedEvents = fired.map((e) => `${tsKey(e.name)}: { type: ${tsString(e.name)} }`).join(', ');
  const handleBody =
    client.length === 0
      ? `const parsed = parseRequest(input);
      return { kind: "invalid", issues: parsed.ok ? ["this machine accepts no client events"] : parsed.issues };`
      : HANDLE;
  return `
${STORE}

const durableStates: ReadonlySet<StateName> = new Set<StateName>([${durableStates.join(', ')}]);
${client.length > 0 ? `const idempotency: { readonly [E in ClientEventName]: "none" | "durable" | "volatile" } = { ${idempotency} };` : ''}
const firedEvents: { readonly [E in FiredEventName]: EventOf<E> } = { ${firedEvents} };

export function createMachine(store: Store, options: MachineOptions = {}): Machine {
  let status: "stopped" | "up" | "crashed" = "stopped";
  let current: Snapshot = initialSnapshot;
  let ghost: Ghost = initialGhost;
  let persisted: PersistedRecord = initialRecord;
  const volatileReplies = new Map<string, CachedReply>();
  let queue: Promise<unknown> = Promise.resolve();

  /** One request at a time: the next waits until the previous is written and answered. */
  function serial<T>(task: () => Promise<T>): Promise<T> {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  }

  /** Persists \`current\` (MODEL.md §5): the state only if it is durable, the durable vars always. */
  async function write(entry?: DedupeEntry): Promise<void> {
    const record: PersistedRecord = {
      state: durableStates.has(current.state) ? current.state : persisted.state,
      durable: current.durable,
      revision: persisted.revision + 1,
    };
    try {
      await store.commit(record, entry);
    } catch (error) {
      // A failed write is a crash: memory can no longer be trusted until \`recover()\`, and
      // \`snapshot()\` shows what the store holds (it may or may not have written), never the
      // state that was being written.
      status = "crashed";
      const stored = await store.get().catch(() => undefined);
      if (stored !== undefined) persisted = stored;
      current = { state: persisted.state, durable: persisted.durable, volatile: initialVolatile };
      throw error;
    }
    persisted = record;
  }

  function evidence(step: Evidence["step"], requestId: string | null, transition: TransitionName | null, before: Snapshot, reply: CachedReply | null): void {
    options.onEvidence?.({ step, requestId, transition, before, after: current, reply });
  }

  async function handle(input: unknown): Promise<HandleResult> {
    return serial(async (): Promise<HandleResult> => {
      ${handleBody}
    });
  }

  async function fire(name: FiredEventName): Promise<FireResult> {
    return serial(async (): Promise<FireResult> => {
      // Callers outside TypeScript can pass anything: only this machine's own events fire.
      const raw: unknown = name;
      if (typeof raw !== "string" || !Object.prototype.hasOwnProperty.call(firedEvents, raw)) {
        return { kind: "invalid", issues: [\`event: not a timer or internal event of this machine (\${typeof raw === "string" ? JSON.stringify(raw.slice(0, 64)) : typeof raw})\`] };
      }
      if (status !== "up") return { kind: "unavailable" };
      const before = current;
      const decision = decide(current, firedEvents[name], { ghost });
      if (decision.kind !== "apply") return { kind: "ignored" };
      current = decision.next;
      ghost = decision.ghost;
      await write();
      evidence("fire", null, decision.transition, before, null);
      return { kind: "fired", transition: decision.transition, snapshot: current };
    });
  }

  async function restart(record: PersistedRecord): Promise<Snapshot> {
    persisted = record;
    current = { state: record.state, durable: record.durable, volatile: initialVolatile };
    volatileReplies.clear();
    const before = current;
    const decision = decideRestart(current, ghost);
    if (decision.kind === "apply") {
      current = decision.next;
      ghost = decision.ghost;
      await write();
      evidence("restart", null, decision.transition, before, null);
    }
    status = "up";
    return current;
  }

  async function recover(): Promise<Snapshot> {
    return serial(async () => {
      const record = await store.get();
      if (record === undefined) throw new Error("recover(): the store holds no record; call start() first");
      return restart(record);
    });
  }

  async function start(): Promise<Snapshot> {
    return serial(async () => {
      if (await store.putIfAbsent(initialRecord)) {
        current = initialSnapshot;
        persisted = initialRecord;
        status = "up";
        return current;
      }
      const record = await store.get();
      if (record === undefined) throw new Error("start(): the store reported a record but returned none");
      return restart(record);
    });
  }

  return { start, handle, fire, recover, snapshot: () => current, ghost: () => ghost };
}
`;
}

const HANDLE = `const parsed = parseRequest(input);
      if (!parsed.ok) return { kind: "invalid", issues: parsed.issues };
      if (status !== "up") return { kind: "unavailable" };
      const { id, event } = parsed.request;
      const table = idempotency[event.type];
      const cached = table === "durable" ? await store.getReply(id) : table === "volatile" ? volatileReplies.get(id) : undefined;
      const before = current;
      const decision = decide(current, event, { cached, ghost });
      switch (decision.kind) {
        case "duplicate":
          if (decision.reply === "noreply") {
            evidence("duplicate", id, null, before, "noreply");
            return { kind: "noreply", requestId: id, duplicate: true };
          }
          options.acknowledge?.(id, decision.reply);
          evidence("duplicate", id, null, before, decision.reply);
          return { kind: "reply", requestId: id, reply: decision.reply, duplicate: true };
        case "reject":
          options.acknowledge?.(id, "error");
          evidence("reject", id, null, before, "error");
          return { kind: "reply", requestId: id, reply: "error", duplicate: false };
        case "ignore":
          evidence("ignore", id, null, before, null);
          return { kind: "noreply", requestId: id, duplicate: false };
        case "apply": {
          current = decision.next;
          ghost = decision.ghost;
          switch (decision.ack) {
            case "durable": {
              // Write before ack: a crash in between leaves the effect persisted but unacknowledged.
              if (table === "volatile") volatileReplies.set(id, decision.reply);
              await write(table === "durable" ? { requestId: id, reply: decision.reply } : undefined);
              options.acknowledge?.(id, decision.reply);
              evidence("deliver", id, decision.transition, before, decision.reply);
              return { kind: "reply", requestId: id, reply: decision.reply, duplicate: false };
            }
            case "best-effort": {
              // Ack before write: a crash in between loses an effect the client was told about.
              if (table === "volatile") volatileReplies.set(id, decision.reply);
              options.acknowledge?.(id, decision.reply);
              await write(table === "durable" ? { requestId: id, reply: decision.reply } : undefined);
              evidence("deliver", id, decision.transition, before, decision.reply);
              return { kind: "reply", requestId: id, reply: decision.reply, duplicate: false };
            }
            case "none": {
              if (table === "volatile") volatileReplies.set(id, "noreply");
              await write(table === "durable" ? { requestId: id, reply: "noreply" } : undefined);
              evidence("deliver", id, decision.transition, before, "noreply");
              return { kind: "noreply", requestId: id, duplicate: false };
            }
            default:
              return unreachable(decision);
          }
        }
        default:
          return unreachable(decision);
      }`;
