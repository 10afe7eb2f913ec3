/**
 * The runtime monitor's core: replays a service's JSON-lines log against a design, tracking the
 * design's configuration (MODEL.md §3, §5) request by request, and reports every impossible
 * transition, invariant violation and replay that changed an outcome, with the log lines that
 * show it. Self-contained on purpose: `export --to monitor` emits this file's text verbatim, and
 * the command line's `monitor` imports it, so both check a log the same way. The design's own
 * semantics (guards, updates, invariants) come in through `MonitorDesign`.
 *
 * Log format, one JSON object per line (other keys, such as a timestamp `ts`, are ignored):
 *   {"type":"received","id":"r1","event":"Charge","payload":{"amount":1}}   a request arrived
 *   {"type":"persisted","id":"r1"}          the request's effect was committed (its transaction)
 *   {"type":"replied","id":"r1","reply":"ok"}   a reply ("ok" | "error") left for the client
 *   {"type":"crash"}                        the process died (a `restart` without it implies one)
 *   {"type":"restart","state":"Open","vars":{"charges":1}}   the service came back up from its
 *                                           durable store; `state` and `vars` (optional) say what it
 *                                           recovered: a write whose `persisted` line a crash cut off
 *                                           is settled by them, and a record that differs is reported
 *   {"type":"timer","event":"Expire"}       a timer or internal event fired (applied and persisted)
 */

export type Value = string | number | boolean;
export type Vars = Readonly<Record<string, Value>>;

/** What an invariant reads: the state and every var by storage. */
export interface MonitorWorld {
  readonly state: string;
  readonly durable: Vars;
  readonly volatile: Vars;
  readonly ghost: Vars;
}

/** Client observables as the log shows them (MODEL.md §2): distinct requests per outcome, crashes. */
export interface MonitorCounts {
  readonly sent: Record<string, number>;
  readonly acked: Record<string, number>;
  readonly failed: Record<string, number>;
  readonly ambiguous: Record<string, number>;
  crashes: number;
}

export type MonitorVerdict =
  | { readonly kind: 'apply'; readonly transition: string; readonly next: MonitorWorld; readonly ack: 'durable' | 'best-effort' | 'none'; readonly reply: 'ok' | 'error' | null }
  | { readonly kind: 'reject' }
  | { readonly kind: 'ignore' }
  /** A guard or update failed to evaluate, or left its var's range. */
  | { readonly kind: 'fault'; readonly message: string };

/** The design, as the monitor needs it. */
export interface MonitorDesign {
  readonly name: string;
  readonly initial: MonitorWorld;
  readonly events: Readonly<Record<string, { readonly source: 'client' | 'timer' | 'internal'; readonly idempotency: 'none' | 'durable' | 'volatile' }>>;
  readonly durableStates: ReadonlySet<string>;
  /** The transition the design takes for an event (dedupe tables are the monitor's business). */
  decide(world: MonitorWorld, event: string, payload: Vars): MonitorVerdict;
  /** The `$restart` transition from the world a crash left. */
  restart(world: MonitorWorld): MonitorVerdict;
  /** Some step or transition invariant reads the counts before a step (else the monitor does not copy them). */
  readonly countsAcross: boolean;
  /** Names of the invariants that do not hold: state ones on `after`, step ones across, and those of `transition`. */
  broken(before: MonitorWorld, after: MonitorWorld, counts: { readonly before: MonitorCounts; readonly after: MonitorCounts }, transition: string | null, payload: Vars): string[];
}

export type ReportKind = 'impossible' | 'invariant' | 'replay' | 'fault' | 'bad-line';

export interface EvidenceLine {
  readonly line: number;
  readonly text: string;
}

export interface MonitorReport {
  readonly kind: ReportKind;
  /** The invariant's name; the event's (replay); the request id (impossible, fault); '' for a bad line. */
  readonly name: string;
  readonly message: string;
  readonly line: number;
  /** The log lines that show it, in order, the reported line last. */
  readonly evidence: readonly EvidenceLine[];
}

export interface MonitorOptions {
  /** Request ids remembered (oldest forgotten first): memory stays bounded on any log. Default 100,000. */
  readonly maxRequests?: number;
  /** Evidence lines kept per request. Default 32. */
  readonly maxEvidence?: number;
  /** Reports kept in \`reports\` (every one is still returned by \`line\` and counted). Default 1,000. */
  readonly maxReports?: number;
}

type Reply = 'ok' | 'error';
type Cached = Reply | 'noreply';
type FirstOutcome = 'none' | Cached;

/** What the design expects next from a request being processed. */
type Pending =
  | { readonly kind: 'apply'; readonly verdict: Extract<MonitorVerdict, { kind: 'apply' }>; persisted: boolean; replied: boolean }
  | { readonly kind: 'duplicate'; readonly reply: Cached }
  | { readonly kind: 'reject' }
  | { readonly kind: 'ignore' };

interface RequestRecord {
  readonly id: string;
  readonly event: string;
  readonly payload: Vars;
  first: FirstOutcome;
  /** The first reply sent: the outcome a client that hears it settles on. */
  outcome: Reply | null;
  pending: Pending | null;
  /** Its entries in the design's dedupe tables (MODEL.md §5): the reply a duplicate gets; a crash empties the volatile one. */
  durableReply: Cached | undefined;
  volatileReply: Cached | undefined;
  /** The line the request first arrived on. */
  readonly firstLine: number;
  /** Its evidence lines, newest first (a list, not an array: an array per request cost more than the rest of it). */
  last: LineNode | null;
  /** How many lines `last` holds (at most `maxEvidence`). */
  count: number;
}

interface LineNode {
  readonly line: number;
  readonly text: string;
  readonly prev: LineNode | null;
}

interface Persisted {
  readonly state: string;
  readonly durable: Vars;
}

const EMPTY: Vars = Object.freeze({});
/** Pending verdicts with nothing to update: shared, not built per line. */
const REJECT: Pending = { kind: 'reject' };
const IGNORE: Pending = { kind: 'ignore' };
const DUPLICATE: Readonly<Record<Cached, Pending>> = { ok: { kind: 'duplicate', reply: 'ok' }, error: { kind: 'duplicate', reply: 'error' }, noreply: { kind: 'duplicate', reply: 'noreply' } };
/** What \`line\` returns for a line that reports nothing (most of them): no array per line. */
const NO_REPORTS: MonitorReport[] = [];

export class Monitor {
  /** The first reports (at most \`maxReports\`): a long log cannot fill memory with them. */
  readonly reports: MonitorReport[] = [];
  private fresh: MonitorReport[] = NO_REPORTS;
  /** Counters a metrics system scrapes (see `prometheusText`). */
  readonly counters = {
    lines: 0,
    badLines: 0,
    impossible: 0,
    replays: 0,
    faults: 0,
    ambiguous: 0,
    forgotten: 0,
    invariants: new Map<string, number>(),
  };
  private world: MonitorWorld;
  private persisted: Persisted;
  private readonly requests = new Map<string, RequestRecord>();
  /** The remembered ids in arrival order, a ring once full: `arrivals[oldest]` is forgotten next. */
  private readonly arrivals: string[] = [];
  private oldest = 0;
  private readonly counts: MonitorCounts;
  private readonly broken = new Set<string>();
  /** Crash, restart and timer lines since the oldest request still remembered: evidence for what they changed. */
  private machineLines: EvidenceLine[] = [];
  private up = true;
  /** Effects whose write may or may not have landed when the process died (no `persisted` line). */
  private inDoubt: { readonly id: string; readonly record: RequestRecord; readonly verdict: Extract<MonitorVerdict, { kind: 'apply' }> }[] = [];
  private readonly maxRequests: number;
  private readonly maxEvidence: number;
  private readonly maxReports: number;

  constructor(
    readonly design: MonitorDesign,
    options: MonitorOptions = {},
  ) {
    this.world = design.initial;
    this.persisted = { state: design.initial.state, durable: design.initial.durable };
    const zero = (): Record<string, number> => Object.fromEntries(Object.keys(design.events).map((e) => [e, 0]));
    this.counts = { sent: zero(), acked: zero(), failed: zero(), ambiguous: zero(), crashes: 0 };
    this.maxRequests = options.maxRequests ?? 100_000;
    this.maxEvidence = options.maxEvidence ?? 32;
    this.maxReports = options.maxReports ?? 1000;
  }

  /** Checks one log line (1-based `line`); returns the reports it added. A bad line is reported and skipped. */
  line(line: number, text: string): readonly MonitorReport[] {
    this.counters.lines++;
    this.fresh = NO_REPORTS;
    let value: unknown;
    try {
      value = parseLine(text);
    } catch {
      if (text.trim() === '') return [];
      return this.bad(line, text, 'not JSON');
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return this.bad(line, text, 'not a JSON object');
    const entry = value as Record<string, unknown>;
    const here: EvidenceLine = { line, text };
    switch (entry['type']) {
      case 'received':
        this.received(entry, here);
        break;
      case 'persisted':
        this.persistedLine(entry, here);
        break;
      case 'replied':
        this.replied(entry, here);
        break;
      case 'crash':
        this.crash(here);
        break;
      case 'restart':
        this.restart(entry, here);
        break;
      case 'timer':
        this.timer(entry, here);
        break;
      default:
        return this.bad(line, text, '"type" must be received, persisted, replied, crash, restart or timer');
    }
    return this.fresh;
  }

  private keep(report: MonitorReport): void {
    if (this.fresh === NO_REPORTS) this.fresh = [];
    this.fresh.push(report);
    if (this.reports.length < this.maxReports) this.reports.push(report);
  }

  /** The world the monitor believes the service is in. */
  current(): MonitorWorld {
    return this.world;
  }

  private bad(line: number, text: string, why: string): readonly MonitorReport[] {
    this.counters.badLines++;
    const report: MonitorReport = { kind: 'bad-line', name: '', message: `line ${line} skipped: ${why}`, line, evidence: [{ line, text: text.slice(0, 200) }] };
    this.keep(report);
    return this.fresh;
  }

  private report(kind: ReportKind, name: string, message: string, here: EvidenceLine, evidence: readonly EvidenceLine[]): void {
    if (kind === 'impossible') this.counters.impossible++;
    else if (kind === 'replay') this.counters.replays++;
    else if (kind === 'fault') this.counters.faults++;
    else if (kind === 'invariant') this.counters.invariants.set(name, (this.counters.invariants.get(name) ?? 0) + 1);
    const lines = evidence.some((l) => l.line === here.line) ? [...evidence] : [...evidence, here];
    lines.sort((a, b) => a.line - b.line);
    this.keep({ kind, name, message, line: here.line, evidence: lines });
  }

  private idOf(entry: Record<string, unknown>, here: EvidenceLine): string | null {
    const id = entry['id'];
    if (typeof id === 'string' && id !== '') return id;
    this.bad(here.line, here.text, '"id" must be a non-empty string');
    return null;
  }

  private remember(id: string, record: RequestRecord): void {
    this.requests.set(id, record);
    // The oldest id comes from a ring of ids, not from the map's first key: after many deletes a
    // map's iterator walks every deleted slot before the first live one (5x slower over 1M lines).
    if (this.arrivals.length < this.maxRequests) this.arrivals.push(id);
    else {
      const oldest = this.arrivals[this.oldest]!;
      this.arrivals[this.oldest] = id;
      this.oldest = this.oldest + 1 === this.maxRequests ? 0 : this.oldest + 1;
      this.requests.delete(oldest);
    }
    if (this.machineLines.length > this.maxEvidence) this.machineLines = this.machineLines.slice(-this.maxEvidence);
  }

  private note(record: RequestRecord, here: EvidenceLine): void {
    // Past maxEvidence the newest line replaces the previous newest: the first lines are kept.
    if (record.count < this.maxEvidence) {
      record.last = { line: here.line, text: here.text, prev: record.last };
      record.count++;
    } else record.last = { line: here.line, text: here.text, prev: record.last!.prev };
  }

  /** A request's lines and the machine lines among them: what a reader needs to see what happened. */
  private evidence(record: RequestRecord): EvidenceLine[] {
    const lines: EvidenceLine[] = [];
    for (let n = record.last; n !== null; n = n.prev) lines.push({ line: n.line, text: n.text });
    lines.reverse();
    return [...lines, ...this.machineLines.filter((l) => l.line > record.firstLine)];
  }

  private received(entry: Record<string, unknown>, here: EvidenceLine): void {
    const id = this.idOf(entry, here);
    if (id === null) return;
    const event = entry['event'];
    const info = typeof event === 'string' && Object.prototype.hasOwnProperty.call(this.design.events, event) ? this.design.events[event] : undefined;
    if (info === undefined || info.source !== 'client') {
      this.bad(here.line, here.text, `"event" must name a client event of the design (${String(event)} is none)`);
      return;
    }
    const rawPayload = entry['payload'];
    const payload = typeof rawPayload === 'object' && rawPayload !== null && !Array.isArray(rawPayload) ? (rawPayload as Vars) : EMPTY;
    let record = this.requests.get(id);
    if (record === undefined) {
      record = { id, event: event as string, payload, first: 'none', outcome: null, pending: null, durableReply: undefined, volatileReply: undefined, firstLine: here.line, last: null, count: 0 };
      this.remember(id, record);
      this.counts.sent[record.event] = (this.counts.sent[record.event] ?? 0) + 1;
    } else if (record.event !== event) {
      this.note(record, here);
      this.report('impossible', id, `${id} arrives as ${String(event)} but was first ${record.event}: one request id, one event`, here, this.evidence(record));
      return;
    }
    this.note(record, here);
    if (!this.up) this.impliedRestart(here);
    const cached = info.idempotency === 'durable' ? record.durableReply : info.idempotency === 'volatile' ? record.volatileReply : undefined;
    if (cached !== undefined) {
      record.pending = DUPLICATE[cached];
      return;
    }
    this.process(id, record, here, false);
  }

  /** Takes the design's transition for a request (MODEL.md §5, step 2 onwards) and runs the replay check. */
  private process(id: string, record: RequestRecord, here: EvidenceLine, afterTheFact: boolean): void {
    const before = this.world;
    const verdict = this.design.decide(before, record.event, record.payload);
    switch (verdict.kind) {
      case 'fault':
        this.report('fault', id, `${id}: ${verdict.message}`, here, this.evidence(record));
        record.pending = null;
        return;
      case 'reject':
        record.pending = REJECT;
        this.settleFirst(id, record, 'error', before, here);
        return;
      case 'ignore':
        record.pending = IGNORE;
        this.settleFirst(id, record, 'noreply', before, here);
        return;
      case 'apply': {
        this.world = verdict.next;
        record.pending = { kind: 'apply', verdict, persisted: afterTheFact, replied: false };
        const info = this.design.events[record.event]!;
        const outcome: Cached = verdict.reply ?? 'noreply';
        if (info.idempotency === 'volatile') record.volatileReply = outcome;
        this.settleFirst(id, record, outcome, before, here);
        if (afterTheFact) this.persist(record);
        this.check(before, this.counts, verdict.transition, record.payload, here, record);
        return;
      }
    }
  }

  /** `firstOutcome` (MODEL.md §3) and the replay check of §6: processing r again must change nothing. */
  private settleFirst(id: string, record: RequestRecord, outcome: Cached, before: MonitorWorld, here: EvidenceLine): void {
    if (record.first === 'none') {
      record.first = outcome;
      return;
    }
    const changed = !sameWorld(before, this.world);
    if (changed || outcome !== record.first) {
      const what = changed ? `changes ${describeChange(before, this.world)}` : `ends ${outcome}, first ${record.first}`;
      this.report('replay', record.event, `${id} is processed again and ${what}: a replay changed the outcome`, here, this.evidence(record));
    }
  }

  private persist(record: RequestRecord): void {
    this.persistWorld();
    const pending = record.pending;
    if (pending?.kind === 'apply') {
      pending.persisted = true;
      if (this.design.events[record.event]!.idempotency === 'durable') record.durableReply = pending.verdict.reply ?? 'noreply';
    }
  }

  /** The current world's durable part becomes the persisted record (the same record kept when nothing durable changed). */
  private persistWorld(): void {
    const state = this.design.durableStates.has(this.world.state) ? this.world.state : this.persisted.state;
    if (state !== this.persisted.state || this.world.durable !== this.persisted.durable) this.persisted = { state, durable: this.world.durable };
  }

  private persistedLine(entry: Record<string, unknown>, here: EvidenceLine): void {
    const id = this.idOf(entry, here);
    if (id === null) return;
    const record = this.requests.get(id);
    if (record === undefined) {
      this.counters.forgotten++;
      this.report('impossible', id, `${id} is persisted but was never received (or is older than the requests remembered)`, here, []);
      return;
    }
    this.note(record, here);
    const pending = record.pending;
    if (pending?.kind === 'apply' && !pending.persisted) {
      this.persist(record);
      return;
    }
    const why =
      pending === null ? 'no delivery of it is being processed'
      : pending.kind === 'apply' ? 'its effect was already persisted'
      : pending.kind === 'duplicate' ? `the design answers it from its ${this.design.events[record.event]!.idempotency} dedupe table`
      : pending.kind === 'reject' ? 'the design rejects it here'
      : 'the design ignores it here';
    this.report('impossible', id, `${id} is persisted again, but ${why}: the service processed it a second time`, here, this.evidence(record));
    // Follow the service: it did process the request, so the design's world takes the effect too.
    this.process(id, record, here, true);
  }

  private replied(entry: Record<string, unknown>, here: EvidenceLine): void {
    const id = this.idOf(entry, here);
    if (id === null) return;
    const reply = entry['reply'];
    if (reply !== 'ok' && reply !== 'error') {
      this.bad(here.line, here.text, '"reply" must be "ok" or "error"');
      return;
    }
    const record = this.requests.get(id);
    if (record === undefined) {
      this.counters.forgotten++;
      this.report('impossible', id, `${id} is answered but was never received (or is older than the requests remembered)`, here, []);
      return;
    }
    this.note(record, here);
    const pending = record.pending;
    const expected: Cached | null =
      pending === null ? null
      : pending.kind === 'apply' ? (pending.verdict.reply ?? 'noreply')
      : pending.kind === 'duplicate' ? pending.reply
      : pending.kind === 'reject' ? 'error'
      : 'noreply';
    if (expected !== reply) {
      const said = expected === null ? 'no delivery of it is being processed' : expected === 'noreply' ? 'the design sends no reply' : `the design replies ${expected}`;
      this.report('impossible', id, `${id} is answered ${reply}, but ${said}`, here, this.evidence(record));
    } else if (pending?.kind === 'apply' && pending.verdict.ack === 'durable' && !pending.persisted) {
      this.report('impossible', id, `${id} is answered ${reply} before its effect is persisted, but its transition ${pending.verdict.transition} acks durably (write, then reply): a crash now loses an acknowledged effect`, here, this.evidence(record));
    }
    if (pending?.kind === 'apply') pending.replied = true;
    const before = this.snapshotCounts();
    if (record.outcome === null) {
      record.outcome = reply;
      const counted = reply === 'ok' ? this.counts.acked : this.counts.failed;
      counted[record.event] = (counted[record.event] ?? 0) + 1;
      this.check(this.world, before, null, record.payload, here, record);
    } else if (record.outcome !== reply) {
      this.report('impossible', id, `${id} is answered ${reply} after it was answered ${record.outcome}: a client that heard both cannot know the outcome`, here, this.evidence(record));
    }
  }

  private crash(here: EvidenceLine): void {
    this.machineLines.push(here);
    if (!this.up) return;
    this.up = false;
    const before = this.world;
    const counts = this.snapshotCounts();
    this.counts.crashes++;
    for (const record of this.requests.values()) {
      record.volatileReply = undefined;
      const pending = record.pending;
      if (pending === null) continue;
      // A request cut off before any reply leaves its client not knowing: the third outcome.
      if (record.outcome === null && (pending.kind !== 'apply' || pending.verdict.reply !== null) && pending.kind !== 'ignore') {
        this.counters.ambiguous++;
      }
      if (pending.kind === 'apply' && !pending.persisted) this.inDoubt.push({ id: record.id, record, verdict: pending.verdict });
      record.pending = null;
    }
    this.world = { state: this.persisted.state, durable: this.persisted.durable, volatile: this.design.initial.volatile, ghost: this.world.ghost };
    // With a write in doubt, the world is unknown until the restart says what was recovered.
    if (this.inDoubt.length === 0) this.check(before, counts, null, EMPTY, here, null);
  }

  private impliedRestart(here: EvidenceLine): void {
    this.up = true;
    this.takeRestart(here);
  }

  private restart(entry: Record<string, unknown>, here: EvidenceLine): void {
    if (this.up) this.crash(here);
    else this.machineLines.push(here);
    this.up = true;
    this.settleDoubts(entry, here);
    this.takeRestart(here);
  }

  /** Reads what the service says it recovered: a write in doubt landed if the record shows it; any other difference is reported. */
  private settleDoubts(entry: Record<string, unknown>, here: EvidenceLine): void {
    const doubts = this.inDoubt;
    this.inDoubt = [];
    const state = entry['state'];
    const raw = entry['vars'];
    if (typeof state !== 'string' && (typeof raw !== 'object' || raw === null)) return;
    const vars = (typeof raw === 'object' && raw !== null ? raw : {}) as Vars;
    const matches = (p: Persisted): boolean => (typeof state !== 'string' || state === p.state) && Object.keys(vars).every((k) => !(k in p.durable) || p.durable[k] === vars[k]);
    if (matches(this.persisted)) return;
    for (const doubt of doubts) {
      const landed: Persisted = { state: this.design.durableStates.has(doubt.verdict.next.state) ? doubt.verdict.next.state : this.persisted.state, durable: doubt.verdict.next.durable };
      if (!matches(landed)) continue;
      this.persisted = landed;
      if (this.design.events[doubt.record.event]!.idempotency === 'durable') doubt.record.durableReply = doubt.verdict.reply ?? 'noreply';
      this.world = { state: landed.state, durable: landed.durable, volatile: this.design.initial.volatile, ghost: this.world.ghost };
      return;
    }
    const shown = [typeof state === 'string' ? `state ${state}` : '', ...Object.keys(vars).map((k) => `${k}=${String(vars[k])}`)].filter((x) => x !== '').join(', ');
    this.report('impossible', '$restart', `the service restarts with ${shown}, but the design's persisted record is ${describeWorld({ ...this.world, volatile: EMPTY, ghost: EMPTY })}: a write was lost or invented`, here, this.machineLines);
  }

  private takeRestart(here: EvidenceLine): void {
    const before = this.world;
    const verdict = this.design.restart(before);
    if (verdict.kind === 'fault') this.report('fault', '$restart', verdict.message, here, this.machineLines);
    if (verdict.kind !== 'apply') {
      this.check(before, this.counts, null, EMPTY, here, null);
      return;
    }
    this.world = verdict.next;
    this.persistWorld();
    this.check(before, this.counts, verdict.transition, EMPTY, here, null);
  }

  private timer(entry: Record<string, unknown>, here: EvidenceLine): void {
    const event = entry['event'];
    const info = typeof event === 'string' && Object.prototype.hasOwnProperty.call(this.design.events, event) ? this.design.events[event] : undefined;
    if (info === undefined || info.source === 'client') {
      this.bad(here.line, here.text, `"event" must name a timer or internal event of the design (${String(event)} is none)`);
      return;
    }
    this.machineLines.push(here);
    if (!this.up) this.impliedRestart(here);
    const before = this.world;
    const verdict = this.design.decide(before, event as string, EMPTY);
    if (verdict.kind === 'fault') {
      this.report('fault', event as string, verdict.message, here, this.machineLines);
      return;
    }
    if (verdict.kind !== 'apply') {
      this.report('impossible', event as string, `${String(event)} fires in ${before.state}, where no transition takes it`, here, this.machineLines);
      return;
    }
    this.world = verdict.next;
    this.persistWorld();
    this.check(before, this.counts, verdict.transition, EMPTY, here, null);
  }

  private snapshotCounts(): MonitorCounts {
    const c = this.counts;
    if (!this.design.countsAcross) return c;
    return { sent: { ...c.sent }, acked: { ...c.acked }, failed: { ...c.failed }, ambiguous: { ...c.ambiguous }, crashes: c.crashes };
  }

  /**
   * Reports each invariant when it goes from holding to broken (a broken one is not re-reported on
   * every line), with the request's evidence, or the machine lines when no request is involved
   * (gathered only then: most steps break nothing).
   */
  private check(before: MonitorWorld, counts: MonitorCounts, transition: string | null, payload: Vars, here: EvidenceLine, record: RequestRecord | null): void {
    const now = this.design.broken(before, this.world, { before: counts, after: this.counts }, transition, payload);
    if (now.length === 0 && this.broken.size === 0) return;
    for (const name of now) {
      if (this.broken.has(name)) continue;
      this.report('invariant', name, `invariant "${name}" is broken after line ${here.line} (${describeWorld(this.world)})`, here, record === null ? this.machineLines : this.evidence(record));
    }
    this.broken.clear();
    for (const name of now) this.broken.add(name);
  }
}

function sameVars(a: Vars, b: Vars): boolean {
  for (const k in a) if (a[k] !== b[k]) return false;
  return true;
}

function sameWorld(a: MonitorWorld, b: MonitorWorld): boolean {
  return a.state === b.state && sameVars(a.durable, b.durable) && sameVars(a.volatile, b.volatile) && sameVars(a.ghost, b.ghost);
}

function describeChange(a: MonitorWorld, b: MonitorWorld): string {
  const parts: string[] = [];
  if (a.state !== b.state) parts.push(`state ${a.state} → ${b.state}`);
  for (const part of ['durable', 'volatile', 'ghost'] as const) {
    for (const k in b[part]) if (a[part][k] !== b[part][k]) parts.push(`${k} ${String(a[part][k])} → ${String(b[part][k])}`);
  }
  return parts.join(', ');
}

function describeWorld(w: MonitorWorld): string {
  const vars = [w.durable, w.volatile, w.ghost].flatMap((r) => Object.keys(r).map((k) => `${k}=${String(r[k])}`));
  return [`state ${w.state}`, ...vars].join(', ');
}

// Nearly every line of a busy log is a `received`, `persisted` or `replied` line written exactly
// so (ids and event names without quotes, backslashes or control characters; a flat payload): those
// are read by a regular expression, the payload alone by JSON.parse, which is what allocates most.
// Any other text takes JSON.parse whole. The result is the same either way (a test holds them equal).
// eslint-disable-next-line no-control-regex -- ids with control characters take JSON.parse's path
const SHORT = /^\{"type":"(persisted|replied)","id":"([^"\\\u0000-\u001f]+)"(?:,"reply":"(ok|error)")?\}$/;
// eslint-disable-next-line no-control-regex -- names with control characters take JSON.parse's path
const RECEIVED = /^\{"type":"received","id":"([^"\\\u0000-\u001f]+)","event":"([^"\\\u0000-\u001f]+)"(?:,"payload":(\{[^{}[\]]*\}))?\}$/;

/** JSON.parse, with a fast path for the three commonest line shapes (same result). */
export function parseLine(text: string): unknown {
  if (text.startsWith('{"type":"received"')) {
    const r = RECEIVED.exec(text);
    if (r === null) return JSON.parse(text);
    // The captured payload is exactly the payload's JSON text: nothing else can close the line.
    return r[3] === undefined ? { type: 'received', id: r[1], event: r[2] } : { type: 'received', id: r[1], event: r[2], payload: JSON.parse(r[3]) as unknown };
  }
  const m = SHORT.exec(text);
  if (m === null || (m[1] === 'replied') !== (m[3] !== undefined)) return JSON.parse(text);
  return m[3] === undefined ? { type: m[1], id: m[2] } : { type: m[1], id: m[2], reply: m[3] };
}

/** Prometheus text exposition format (version 0.0.4) of a monitor's counters. */
export function prometheusText(monitor: Monitor): string {
  const c = monitor.counters;
  return prometheusCounters(monitor.design.name, [
    ['protocol_monitor_lines_total', 'Log lines read.', [['', c.lines]]],
    ['protocol_monitor_bad_lines_total', 'Log lines skipped as unreadable.', [['', c.badLines]]],
    ['protocol_monitor_impossible_transitions_total', 'Log lines the design does not allow.', [['', c.impossible]]],
    ['protocol_monitor_replays_changed_outcome_total', 'Requests processed again with a different effect or outcome.', [['', c.replays]]],
    ['protocol_monitor_ambiguous_outcomes_total', 'Requests cut off by a crash before any reply.', [['', c.ambiguous]]],
    ['protocol_monitor_invariant_violations_total', 'Times an invariant went from holding to broken.', invariantSamples(c.invariants)],
  ]);
}

/** One counter: name, help, and samples (extra labels, already escaped and led by a comma; value). */
export type PrometheusCounter = readonly [string, string, readonly (readonly [string, number])[]];

/** Counters in Prometheus's text format, each sample labelled with the design. */
export function prometheusCounters(designName: string, counters: readonly PrometheusCounter[]): string {
  const design = label(designName);
  const lines: string[] = [];
  for (const [name, help, samples] of counters) {
    lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} counter`);
    for (const [labels, value] of samples) lines.push(`${name}{design="${design}"${labels}} ${value}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Samples of a count per invariant name. */
export function invariantSamples(counts: ReadonlyMap<string, number>): (readonly [string, number])[] {
  return [...counts].map(([name, n]) => [`,invariant="${label(name)}"`, n] as const);
}

/** A Prometheus label value: backslash, double quote and line feed escaped. */
function label(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}
