import type { ChannelV2, MessageV2, NetworkV2, ScalarType } from './model';
import { sizeOf, type RoleNames } from './scalarTypes';

/**
 * Where every part of a configuration lives in the vector, and each slot's range (for packing).
 * Order: each instance's block (mode, state, persisted state, own crash count, vars; the mode,
 * persisted state and count only when its role needs them), the budgets used, the network.
 */

export interface RoleShape {
  readonly instances: number;
  /** Crashes one instance may take (0: never crashes, no mode slot). */
  readonly crashes: number;
  /** Whether each instance counts its crashes: its role allows fewer than the design's budget. */
  readonly countsCrashes: boolean;
  readonly states: number;
  readonly hasVolatileState: boolean;
  /** Each var's type and slots (1, or a map's keys). */
  readonly vars: readonly { readonly type: ScalarType; readonly width: number }[];
}

export interface NetworkShape {
  readonly model: 'pool' | 'channels';
  readonly capacity: number;
  readonly drop: number;
  readonly lossy: boolean;
  readonly blockWhenFull: boolean;
  readonly waitUnexpected: boolean;
  readonly duplicate: number;
  readonly reorder: boolean;
}

export interface Layout {
  readonly size: number;
  readonly slotLo: Float64Array;
  readonly slotBits: Uint8Array;
  readonly roles: readonly { readonly bases: Int32Array; readonly modeSlot: number; readonly stateSlot: number; readonly persistedSlot: number; readonly crashCountSlot: number; readonly varOffsets: readonly number[]; readonly first: number }[];
  readonly crashSlot: number;
  readonly dropSlot: number;
  readonly duplicateSlot: number;
  readonly network: NetworkV2;
}

function bitsFor(span: number): number {
  let bits = 0;
  while (2 ** bits < span) bits++;
  return bits;
}

/** Lays out the vector; `messages` already carry their pool bases (relative) and channel codes, and say which travel in the pool. */
export function layOut(roles: readonly RoleShape[], names: RoleNames, messages: readonly MessageV2[], network: NetworkShape, crashes: number, codes: number): Layout {
  const lo: number[] = [];
  const bits: number[] = [];
  const slot = (min: number, max: number): number => {
    lo.push(min);
    bits.push(bitsFor(max - min + 1));
    return lo.length - 1;
  };
  let first = 0;
  const roleLayouts = roles.map((role) => {
    // A role that never crashes has no mode and no persisted state; a design without the role key keeps its layout.
    const crashing = role.crashes > 0;
    const modeSlot = crashing ? 0 : -1;
    const stateSlot = crashing ? 1 : 0;
    const persistedSlot = crashing && role.hasVolatileState ? stateSlot + 1 : -1;
    const crashCountSlot = crashing && role.countsCrashes ? Math.max(stateSlot, persistedSlot) + 1 : -1;
    let offset = Math.max(stateSlot, persistedSlot, crashCountSlot) + 1;
    const varOffsets = role.vars.map((v) => {
      const at = offset;
      offset += v.width;
      return at;
    });
    const bases = new Int32Array(role.instances);
    for (let i = 0; i < role.instances; i++) {
      bases[i] = lo.length;
      if (modeSlot >= 0) slot(0, 1);
      slot(0, role.states - 1);
      if (persistedSlot >= 0) slot(0, role.states - 1);
      if (crashCountSlot >= 0) slot(0, role.crashes);
      for (const v of role.vars) {
        const [min, max] = range(v.type, names);
        for (let k = 0; k < v.width; k++) slot(min, max);
      }
    }
    const result = { bases, modeSlot, stateSlot, persistedSlot, crashCountSlot, varOffsets, first };
    first += role.instances;
    return result;
  });
  const crashSlot = crashes > 0 ? slot(0, crashes) : -1;
  const channels = messages.some((m) => !m.pool);
  const dropSlot = channels && network.drop > 0 ? slot(0, network.drop) : -1;
  const duplicateSlot = channels && network.duplicate > 0 ? slot(0, network.duplicate) : -1;
  const base = lo.length;
  const size = messages.reduce((n, m) => n + (m.pool ? names.instances[m.from]! * m.receivers * m.payload.count : 0), 0);
  for (let i = 0; i < size; i++) slot(0, 1);
  const total = first;
  const channelOf = new Int32Array(total * total).fill(-1);
  const list: ChannelV2[] = [];
  const firstOf = roleLayouts.map((r) => r.first);
  for (const m of messages) {
    if (m.pool) continue;
    for (let a = 0; a < names.instances[m.from]!; a++) {
      for (let b = 0; b < names.instances[m.to]!; b++) {
        const from = firstOf[m.from]! + a;
        const to = firstOf[m.to]! + b;
        if (channelOf[from * total + to]! >= 0) continue;
        channelOf[from * total + to] = list.length;
        list.push({ from, to, base: lo.length });
        for (let k = 0; k < network.capacity; k++) slot(0, codes);
      }
    }
  }
  const net: NetworkV2 = { model: network.model, base, size, capacity: network.capacity, drop: network.drop, lossy: network.lossy, blockWhenFull: network.blockWhenFull, waitUnexpected: network.waitUnexpected, duplicate: network.duplicate, reorder: network.reorder, channels: list, channelOf, codes };
  return { size: lo.length, slotLo: Float64Array.from(lo), slotBits: Uint8Array.from(bits), roles: roleLayouts, crashSlot, dropSlot, duplicateSlot, network: net };
}

/** The slots a layout will take, computed without allocating it (to refuse a design first). */
export function countSlots(roles: readonly RoleShape[], names: RoleNames, messages: readonly { from: number; to: number; count: number; pool: boolean; receivers: number }[], network: NetworkShape): { slots: number; pool: number; channelSlots: number } {
  let slots = 0;
  for (const role of roles) {
    const crashing = role.crashes > 0;
    const block = (crashing ? 1 : 0) + 1 + (crashing && role.hasVolatileState ? 1 : 0) + (crashing && role.countsCrashes ? 1 : 0) + role.vars.reduce((n, v) => n + v.width, 0);
    slots += block * role.instances;
  }
  const pool = messages.reduce((n, m) => n + (m.pool ? names.instances[m.from]! * m.receivers * m.count : 0), 0);
  const pairs = new Set<string>();
  for (const m of messages) if (!m.pool) pairs.add(`${m.from}>${m.to}`);
  let channelSlots = 0;
  for (const p of pairs) {
    const [a, b] = p.split('>').map(Number) as [number, number];
    channelSlots += names.instances[a]! * names.instances[b]! * network.capacity;
  }
  slots += pool + channelSlots;
  return { slots: slots + 3, pool, channelSlots };
}

function range(type: ScalarType, names: RoleNames): [number, number] {
  switch (type.kind) {
    case 'bool':
      return [0, 1];
    case 'enum':
      return [0, type.values.length - 1];
    case 'id':
      return [0, names.instances[type.role]! - 1];
    case 'int':
      return [type.lo, type.hi];
    case 'set':
      // A mask over the element type's values.
      return [0, 2 ** sizeOf(type.of, names) - 1];
  }
}
