import { enabledSteps } from '../../engine/enabled';
import { applyStep } from '../../engine/apply';
import { initialConfiguration, type Configuration } from '../../engine/configuration';
import type { Model } from '../../model/model';
import { showValue } from '../../model/model';

/**
 * Drives an exported module's machine alongside the engine (MODEL.md §4, §5) and reports the
 * first difference. Engine steps map onto the machine: `deliver` → `handle`, `ack`/`persist` →
 * releasing the write the machine is waiting on, `crash` while busy → failing that write (after
 * writing it for a durable ack, before for best-effort), `restart` → `recover`, `fire` → `fire`.
 * Client and network steps touch only the engine; the request a `deliver` carries is rebuilt
 * from the engine's client table.
 */

type Snapshot = { state: string; durable: Record<string, unknown>; volatile: Record<string, unknown> };
type HandleResult = { kind: string; reply?: string };
interface GeneratedMachine {
  start(): Promise<Snapshot>;
  handle(input: unknown): Promise<HandleResult>;
  fire(event: string): Promise<unknown>;
  recover(): Promise<Snapshot>;
  snapshot(): Snapshot;
  ghost(): Record<string, unknown>;
}
interface StoreLike {
  get(): Promise<unknown>;
  putIfAbsent(record: unknown): Promise<boolean>;
  getReply(id: string): Promise<unknown>;
  commit(record: unknown, entry?: unknown): Promise<void>;
}
export interface GeneratedModule {
  createMachine(store: StoreLike, options: { acknowledge: (id: string, reply: string) => void }): GeneratedMachine;
  createMemoryStore(): StoreLike;
  ProtocolFault: new (...args: never[]) => Error & { kind: string; where: string };
}

class Crash extends Error {}

/** A store whose commits the driver can hold, release, or fail (with or without writing). */
function gatedStore(inner: StoreLike) {
  let held: { record: unknown; entry: unknown; resolve: () => void; reject: (e: unknown) => void } | null = null;
  let gate = false;
  const store: StoreLike = {
    get: () => inner.get(),
    putIfAbsent: (r) => inner.putIfAbsent(r),
    getReply: (id) => inner.getReply(id),
    commit: (record, entry) => {
      if (!gate) return inner.commit(record, entry);
      return new Promise<void>((resolve, reject) => {
        held = { record, entry, resolve, reject };
      });
    },
  };
  return {
    store,
    setGate: (on: boolean) => {
      gate = on;
    },
    held: () => held !== null,
    release: async (write: boolean, crash: boolean) => {
      const h = held!;
      held = null;
      if (write) await inner.commit(h.record, h.entry as never);
      if (crash) h.reject(new Crash('crash'));
      else h.resolve();
    },
  };
}

const settle = () => new Promise<void>((r) => setImmediate(r));

function encode(model: Model, machine: GeneratedMachine): number[] {
  const snap = machine.snapshot();
  const ghost = machine.ghost();
  return model.vars.map((v) => {
    const record = v.storage === 'ghost' ? ghost : v.storage === 'durable' ? snap.durable : snap.volatile;
    const value = record[v.name];
    if (v.type.kind === 'bool') return value ? 1 : 0;
    if (v.type.kind === 'enum') return v.type.values.indexOf(value as string);
    return value as number;
  });
}

function replyCounts(config: Configuration): Map<string, number> {
  const m = new Map<string, number>();
  for (const msg of config.toClient) m.set(`${msg.request}:${msg.reply}`, (m.get(`${msg.request}:${msg.reply}`) ?? 0) + 1);
  return m;
}

function added(before: Configuration, after: Configuration): string[] {
  const a = replyCounts(before);
  const out: string[] = [];
  for (const [k, n] of replyCounts(after)) for (let i = a.get(k) ?? 0; i < n; i++) out.push(k);
  return out;
}

export interface DriveResult {
  readonly steps: number;
  readonly machineSteps: number;
  readonly faults: number;
}

export async function drive(model: Model, mod: GeneratedModule, choices: readonly number[]): Promise<DriveResult> {
  const gated = gatedStore(mod.createMemoryStore());
  const acks: string[] = [];
  let currentRequest = 0;
  const machine = mod.createMachine(gated.store, { acknowledge: (_id, reply) => acks.push(`${currentRequest}:${reply}`) });
  await machine.start();
  let config = initialConfiguration(model);
  let pending: Promise<HandleResult> | null = null;
  let machineSteps = 0;
  const fail = (message: string): never => {
    throw new Error(message);
  };
  const compare = (label: string): void => {
    const snap = machine.snapshot();
    const state = model.states[config.state]!.name;
    if (snap.state !== state) fail(`after ${label}: machine in ${snap.state}, engine in ${state}`);
    const mine = encode(model, machine);
    if (mine.join() !== config.vars.join()) fail(`after ${label}: machine vars ${mine.join()} engine ${config.vars.join()}`);
  };
  const checkAcks = (label: string, before: Configuration, after: Configuration): void => {
    const expected = added(before, after).sort().join();
    const got = acks.splice(0).sort().join();
    if (expected !== got) fail(`after ${label}: machine replied [${got}], engine [${expected}]`);
  };
  for (let i = 0; i < choices.length; i++) {
    const steps = enabledSteps(model, config);
    if (steps.length === 0) break;
    const step = steps[choices[i]! % steps.length]!;
    const outcome = applyStep(model, config, step, { checkConfiguration: false });
    const stepFault = outcome.violations.find((v) => v.step && (v.kind === 'eval-error' || v.kind === 'out-of-range'));
    const machineStep = ['deliver', 'ack', 'persist', 'fire', 'crash', 'restart'].includes(step.kind);
    if (machineStep) machineSteps++;
    if (step.kind === 'deliver') {
      const r = step.request;
      const client = config.clients[r - 1]!;
      const event = model.events[client.event]!;
      const payload: Record<string, unknown> = {};
      event.payload.forEach((f, j) => {
        payload[f.name] = showValue(f.type, client.payload[j]!);
      });
      currentRequest = r;
      const busy = outcome.next?.mode.kind === 'busy';
      gated.setGate(busy);
      const request = { id: `r${r}`, event: event.payload.length > 0 ? { type: event.name, payload } : { type: event.name } };
      const promise = machine.handle(request);
      if (stepFault) {
        const error = await promise.then(() => null, (e: unknown) => e);
        if (!(error instanceof mod.ProtocolFault)) fail(`${step.label}: engine ${stepFault.kind} ${stepFault.name}, machine no fault`);
        return { steps: i + 1, machineSteps, faults: 1 };
      }
      if (!outcome.next) fail(`${step.label}: engine produced nothing (${outcome.violations.map((v) => v.kind).join()})`);
      if (busy) {
        await settle();
        await settle();
        if (!gated.held()) fail(`${step.label}: engine busy but the machine is not writing`);
        pending = promise;
      } else {
        const result = await promise;
        if (result.kind === 'invalid' || result.kind === 'unavailable') fail(`${step.label}: machine said ${result.kind}`);
      }
      gated.setGate(false);
      checkAcks(step.label, config, outcome.next!);
      config = outcome.next!;
      compare(step.label);
      continue;
    }
    if (step.kind === 'ack' || step.kind === 'persist') {
      await gated.release(true, false);
      await pending;
      pending = null;
      checkAcks(step.label, config, outcome.next!);
      config = outcome.next!;
      compare(step.label);
      continue;
    }
    if (step.kind === 'crash') {
      if (pending) {
        const mode = config.mode;
        await gated.release(mode.kind === 'busy' && mode.phase === 'ack', true);
        const error = await pending.then(() => null, (e: unknown) => e);
        if (!(error instanceof Crash)) fail('crash: the machine did not fail with the store');
        pending = null;
      }
      config = outcome.next!;
      continue;
    }
    if (step.kind === 'restart' || step.kind === 'fire') {
      const promise = step.kind === 'restart' ? machine.recover() : machine.fire(model.events[step.event]!.name);
      if (stepFault) {
        const error = await promise.then(() => null, (e: unknown) => e);
        if (!(error instanceof mod.ProtocolFault)) fail(`${step.label}: engine ${stepFault.kind}, machine no fault`);
        return { steps: i + 1, machineSteps, faults: 1 };
      }
      await promise;
      config = outcome.next!;
      compare(step.label);
      continue;
    }
    if (!outcome.next) fail(`${step.label}: engine produced nothing`);
    config = outcome.next!;
  }
  return { steps: choices.length, machineSteps, faults: 0 };
}
