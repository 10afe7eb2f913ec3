import { poolSlot, type ElementType, type ModelV2, type VarV2 } from '../../model/v2/model';
import { entryStrides } from '../../model/v2/entryLayout';
import { formatScalar, sizeOf, type RoleNames } from '../../model/v2/scalarTypes';
import { callEventLabel, callMessageText, dedupeNote } from './callReading';
import type { StepRef } from './stepTypes';

/**
 * Readable forms of version-2 configurations and steps, for traces, the command line and the
 * simulator: never used by the search itself.
 */

export type ValueView = string | number | boolean;

export interface InstanceView {
  readonly name: string;
  readonly state: string;
  /** Crashed and not yet restarted. */
  readonly recovering: boolean;
  readonly vars: Readonly<Record<string, ValueView | Readonly<Record<string, ValueView>>>>;
}

export interface ConfigurationViewV2 {
  readonly instances: readonly InstanceView[];
  /** Messages in the pool (`Prepared RM[1]→TM`) or in the channels (`TM→RM[1]: Commit, Abort`). */
  readonly network: readonly string[];
  readonly used: { readonly crashes: number; readonly drops: number; readonly duplicates: number };
}

export function roleNames(model: ModelV2): RoleNames {
  return { names: model.roles.map((r) => r.name), instances: model.roles.map((r) => r.instances) };
}

function value(model: ModelV2, v: VarV2, x: number): ValueView {
  const names = roleNames(model);
  if (v.type.kind === 'int') return x;
  if (v.type.kind === 'bool') return x === 1;
  return formatScalar(v.type, x, names);
}

function keyCount(keys: ElementType, model: ModelV2): number {
  return sizeOf(keys, roleNames(model));
}

function keyText(keys: ElementType, k: number, model: ModelV2): string {
  return formatScalar(keys, keys.kind === 'int' ? keys.lo + k : k, roleNames(model));
}

/** A nested map's inner map at level `level` of `v.inner`, starting at slot `at`: `{RM[1]: 0, RM[2]: 1}` (docs/format-v2.md §2). */
function innerText(model: ModelV2, v: VarV2, vec: Float64Array, at: number, level: number): string {
  const keys = v.inner[level]!;
  const n = keyCount(keys, model);
  const stride = entryStrides(v, roleNames(model))[level + 1]!;
  const parts = Array.from({ length: n }, (_, k) => `${keyText(keys, k, model)}: ${level + 1 < v.inner.length ? innerText(model, v, vec, at + k * stride, level + 1) : String(value(model, v, vec[at + k]!))}`);
  return `{${parts.join(', ')}}`;
}

export function viewConfigurationV2(model: ModelV2, vec: Float64Array): ConfigurationViewV2 {
  const instances = model.instances.map((inst) => {
    const role = model.roles[inst.role]!;
    // Built with Object.fromEntries: a name is user text, and `__proto__` must stay an own key.
    const vars: Record<string, ValueView | Record<string, ValueView>> = Object.fromEntries(
      role.vars.map((v) => {
        if (v.keys === null) return [v.name, value(model, v, vec[inst.base + v.offset]!)];
        // Entry k is the keys' k-th value: an instance, false/true, an enum value, lo + k.
        const keys = v.keys;
        const inner = entryStrides(v, roleNames(model))[0]!;
        const entries = Array.from({ length: keyCount(keys, model) }, (_, k) => [keyText(keys, k, model), v.inner.length === 0 ? value(model, v, vec[inst.base + v.offset + k]!) : innerText(model, v, vec, inst.base + v.offset + k * inner, 0)] as const);
        return [v.name, Object.fromEntries(entries)];
      }),
    );
    return {
      name: inst.name,
      state: role.states[vec[inst.base + role.stateSlot]!]!.name,
      recovering: role.modeSlot >= 0 && vec[inst.base + role.modeSlot] === 1,
      vars,
    };
  });
  return {
    instances,
    network: networkView(model, vec),
    used: {
      crashes: model.crashSlot >= 0 ? vec[model.crashSlot]! : 0,
      drops: model.dropSlot >= 0 ? vec[model.dropSlot]! : 0,
      duplicates: model.duplicateSlot >= 0 ? vec[model.duplicateSlot]! : 0,
    },
  };
}

function networkView(model: ModelV2, vec: Float64Array): string[] {
  const net = model.network;
  const out: string[] = [];
  if (net.size > 0) {
    for (const m of model.messages) {
      if (!m.pool) continue;
      const from = model.roles[m.from]!;
      const to = model.roles[m.to]!;
      for (let s = 0; s < from.instances; s++) {
        for (let d = 0; d < to.instances; d++) {
          for (let p = 0; p < m.payload.count; p++) {
            if (vec[poolSlot(m, s, d, p)] === 1) {
              out.push(`${messageText(model, m.index, p)} ${model.instances[from.first + s]!.name}→${model.instances[to.first + d]!.name}`);
            }
          }
        }
      }
    }
  }
  for (const ch of net.channels) {
    const items: string[] = [];
    for (let k = 0; k < net.capacity; k++) {
      const code = vec[ch.base + k]!;
      if (code === 0) break;
      const m = model.messages.find((x) => !x.pool && code >= x.code && code < x.code + x.payload.count)!;
      items.push(messageText(model, m.index, code - m.code));
    }
    if (items.length) out.push(`${model.instances[ch.from]!.name}→${model.instances[ch.to]!.name}: ${items.join(', ')}`);
  }
  return out;
}

/** `Grant(token=2)`, or just `Commit` without a payload; a call's request and reply as the call (`Acquire #1`, `reply to Acquire #1: ok(token=1)`). */
export function messageText(model: ModelV2, message: number, payload: number): string {
  const m = model.messages[message]!;
  const fields = payloadFields(model, m.payload.fields, payload);
  return callMessageText(model, message, fields) ?? m.name + payloadText(fields);
}

type FieldShape = readonly { name: string; type: VarV2['type']; values: readonly number[] }[];

function payloadFields(model: ModelV2, fields: FieldShape, p: number): [string, string][] {
  const parts: [string, string][] = [];
  for (let f = fields.length - 1; f >= 0; f--) {
    const field = fields[f]!;
    const n = field.values.length;
    parts.unshift([field.name, formatScalar(field.type, field.values[p % n]!, roleNames(model))]);
    p = Math.floor(p / n);
  }
  return parts;
}

function payloadText(fields: readonly [string, string][]): string {
  return fields.length === 0 ? '' : `(${fields.map(([k, v]) => `${k}=${v}`).join(', ')})`;
}

/**
 * `RM[2] receive Commit`, `TM receive Prepared from RM[1]`, `RM[1] Vote(value=yes)`, `crash TM`,
 * `drop Commit TM→RM[2]`; a call's steps as the call (`Client[1] Acquire timed out (retry 2 of 2)`,
 * `Lock receive Acquire #1 from Client[1]`, `Lock ack Acquire #1 to Client[1]: ok(token=1)`).
 */
export function stepLabel(model: ModelV2, step: StepRef, pre: Float64Array): string {
  const who = model.instances[step.instance]!.name;
  switch (step.kind) {
    case 'event': {
      const role = model.roles[model.instances[step.instance]!.role]!;
      const e = role.events[step.what]!;
      return callEventLabel(model, step.instance, step.what, step.payload, step.transition, pre) ?? `${who} ${e.name}${payloadText(payloadFields(model, e.payload.fields, step.payload))}`;
    }
    case 'receive': {
      const m = model.messages[step.what]!;
      const from = model.roles[m.from]!.instances > 1 ? ` from ${model.instances[step.sender]!.name}` : '';
      const ignored = step.transition < 0 ? ' (ignored)' : dedupeNote(model, step.transition);
      return `${who} receive ${messageText(model, step.what, step.payload)}${from}${ignored}`;
    }
    case 'restart':
      return `restart ${who}${step.transition >= 0 ? ` (${model.transitions[step.transition]!.name})` : ''}`;
    case 'crash':
      return `crash ${who}`;
    case 'drop':
    case 'duplicate': {
      const net = model.network;
      let at = '';
      if (step.kind === 'drop') {
        const ch = net.channels[step.channel]!;
        const code = pre[ch.base + step.position]!;
        let copies = 0;
        for (let k = 0; k < net.capacity; k++) if (pre[ch.base + k] === code) copies++;
        if (copies > 1 && !net.reorder) at = ` (at ${step.position + 1})`;
      }
      return `${step.kind} ${messageText(model, step.what, step.payload)} ${model.instances[step.sender]!.name}→${who}${at}`;
    }
  }
}
