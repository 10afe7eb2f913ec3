import { callNames, recordNames } from '../../model/v2/callNames';
import type { ModelV2 } from '../../model/v2/model';
import { callReading } from './callReading';
import type { InstanceView, ValueView } from './view';

/**
 * An instance's configuration as the user wrote the design (docs/format-v2.md §14, "In the
 * studio and the trace tables"): the user's own vars, and the state of its calls in words
 * (`Acquire #1 → Lock: waiting for reply (attempt 2 of 2)`, `Acquire from Client[1]: reply to #1
 * due: ok(token=1)`), read from the vars the call expansion adds (`src/model/v2/callNames.ts`).
 * Derived from an `InstanceView` each time it is shown, never stored: the JSON results keep the
 * full configuration. Used by the trace tables (command line, report, Check view) and Simulate's
 * instance panels.
 */

type Value = ValueView | Readonly<Record<string, ValueView>>;

interface CallerPart {
  readonly event: string;
  readonly payload: readonly string[];
  readonly attempts: number;
}

interface CalleePart {
  readonly event: string;
  readonly returns: readonly string[];
}

/** Per role index: the vars the user wrote, the calls it makes, the calls it serves. */
interface RoleCalls {
  readonly written: ReadonlySet<string>;
  readonly generated: ReadonlySet<string>;
  /** Generated vars a crash keeps. */
  readonly durable: ReadonlySet<string>;
  readonly makes: readonly CallerPart[];
  readonly serves: readonly CalleePart[];
}

const cache = new WeakMap<ModelV2, readonly RoleCalls[]>();

function rolesOf(model: ModelV2): readonly RoleCalls[] {
  const known = cache.get(model);
  if (known) return known;
  const design = model.design;
  const attempts = callReading(model).attempts;
  const served = new Map<string, { payload: string[]; returns: string[] }>();
  for (const r of design.roles) for (const e of r.events ?? []) if (e.source === 'call') served.set(e.name, { payload: (e.payload ?? []).map((f) => f.name), returns: (e.returns ?? []).map((f) => f.name) });
  const roles = model.roles.map((role, ri): RoleCalls => {
    const written = design.roles[ri];
    const names = new Set((written?.vars ?? []).map((v) => v.name));
    const generated = role.vars.filter((v) => !names.has(v.name));
    const makes = [...new Set((written?.transitions ?? []).flatMap((t) => (t.call && served.has(t.call.event) ? [t.call.event] : [])))].map((event) => ({
      event,
      payload: served.get(event)!.payload,
      attempts: attempts.get(event) ?? 1,
    }));
    const serves = (written?.events ?? []).filter((e) => e.source === 'call').map((e) => ({ event: e.name, returns: served.get(e.name)!.returns }));
    return {
      written: names,
      generated: new Set(generated.map((v) => v.name)),
      durable: new Set(generated.filter((v) => v.storage === 'durable').map((v) => v.name)),
      makes,
      serves,
    };
  });
  cache.set(model, roles);
  return roles;
}

/** Is `name` a var the call expansion added to the role (not one the user wrote)? */
export function isGeneratedVar(model: ModelV2, role: number, name: string): boolean {
  return rolesOf(model)[role]?.generated.has(name) ?? false;
}

/** The instance's vars the user wrote, in the role's order (calls' vars left out). */
export function writtenVars(model: ModelV2, instance: number, view: InstanceView): [string, Value][] {
  const role = roleOfInstance(model, instance);
  return role ? Object.entries(view.vars).filter(([name]) => role.written.has(name)) : [];
}

/** The instance's role, or undefined for an instance the model lacks (a view from an older version of the design). */
function roleOfInstance(model: ModelV2, instance: number): RoleCalls | undefined {
  const inst = model.instances[instance];
  return inst ? rolesOf(model)[inst.role] : undefined;
}

function text(v: Value | undefined): string {
  return typeof v === 'object' ? Object.entries(v).map(([k, x]) => `${k}=${String(x)}`).join(', ') : String(v);
}

/** `outcome(fields)`: `ok(token=1)`, `error`; `none` is the callee's "no reply" (ack none). */
function reply(outcome: string, data: readonly [string, string][]): string {
  if (outcome === 'none') return 'no reply';
  return data.length ? `${outcome}(${data.map(([k, v]) => `${k}=${v}`).join(', ')})` : outcome;
}

/**
 * What the instance's calls stand at, one line each, in the user's words. `persisted`: only what
 * a crash keeps (the caller's last request id, a durable dedupe table). Lines for a call never
 * made or a caller the callee never heard from are left out.
 */
export function callLines(model: ModelV2, instance: number, view: InstanceView, persisted = false): string[] {
  const role = roleOfInstance(model, instance);
  if (!role || (role.makes.length === 0 && role.serves.length === 0 && role.generated.size === 0)) return [];
  const vars = view.vars;
  const scalar = (name: string): ValueView | undefined => {
    const v = vars[name];
    return typeof v === 'object' ? undefined : v;
  };
  const entry = (name: string, key: string): ValueView | undefined => {
    const v = vars[name];
    return typeof v === 'object' ? v[key] : undefined;
  };
  const kept = (name: string) => !persisted || role.durable.has(name);
  const out: string[] = [];
  // A best-effort callee's unflushed record (§7): while its flag is up the effect is in memory only.
  const record = recordNames(model.roles[model.instances[instance]!.role]!.name);
  if (!persisted && role.generated.has(record.unflushed) && scalar(record.unflushed) === true) {
    const disk = [`state ${String(scalar(record.state))}`, ...[...role.written].filter((x) => role.generated.has(record.shadow(x))).map((x) => `${x}=${text(vars[record.shadow(x)])}`)];
    out.push(`best-effort effect not yet on disk (on disk: ${disk.join(', ')})`);
  }
  for (const { event: E, payload, attempts } of role.makes) {
    const n = callNames(E);
    const call = Number(scalar(n.call) ?? 0);
    if (call === 0) continue;
    if (persisted) {
      if (kept(n.call)) out.push(`${E}: last request #${call} (ids are never reused)`);
      continue;
    }
    if (scalar(n.pending) === true) {
      const args = payload.map((f) => `${f}=${String(scalar(n.arg(f)))}`);
      out.push(`${E}${args.length ? `(${args.join(', ')})` : ''} #${call} → ${String(scalar(n.to))}: waiting for reply (attempt ${String(scalar(n.attempts))} of ${attempts})`);
    } else {
      const outcome = String(scalar(n.outcome) ?? 'none');
      out.push(`${E} #${call}: ${outcome === 'none' ? 'no outcome (the call was forgotten in a crash)' : `last outcome ${outcome === 'timeout' ? 'timeout (ambiguous)' : outcome}`}`);
    }
  }
  for (const { event: E, returns } of role.serves) {
    const n = callNames(E);
    const callers = [vars[n.due], vars[n.seen]].find((v) => typeof v === 'object');
    for (const caller of Object.keys(callers ?? {})) {
      const due = entry(n.due, caller);
      if (due !== undefined && due !== 'none' && kept(n.due)) {
        const data = returns.map((f): [string, string] => [f, String(entry(n.dueField(f), caller))]);
        out.push(`${E} from ${caller}: reply to #${String(entry(n.dueCall, caller))} due: ${reply(String(due), data)}`);
      }
      const seen = Number(entry(n.seen, caller) ?? 0);
      if (seen > 0 && kept(n.seen)) {
        const answer = String(entry(n.answer, caller));
        const data = returns.map((f): [string, string] => [f, String(entry(n.answerField(f), caller))]);
        out.push(`${E} from ${caller}: table has #${seen} answered ${reply(answer, data)}`);
      }
    }
  }
  return out;
}
