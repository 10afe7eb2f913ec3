import type { FlatFingerprint } from './flatFingerprint';
import * as F from './flatLayout';

/**
 * Channel and mode edits on flat vectors (`flatLayout.ts`), shared by the fast stepper. Every
 * write goes through the journal `j` (`flatFingerprint.ts`), so the fingerprint follows and the
 * explorer can undo the step.
 */

export function firstOccurrence(v: Int32Array, base: number, i: number): boolean {
  const x = v[base + i];
  for (let j = 0; j < i; j++) if (v[base + j] === x) return false;
  return true;
}

export function indexOf(v: Int32Array, len: number, x: number): number {
  const n = v[len]!;
  for (let i = 0; i < n; i++) if (v[len + 1 + i] === x) return i;
  return -1;
}

/** Removes element i of the sequence at `len`, shifting the rest and zeroing the freed slot. */
export function removeAt(j: FlatFingerprint, v: Int32Array, len: number, i: number): void {
  const n = v[len]!;
  for (let k = i; k < n - 1; k++) j.set(v, len + 1 + k, v[len + 2 + k]!);
  j.set(v, len + n, 0);
  j.set(v, len, n - 1);
}

/** Appends x to the sequence at `len`. */
export function insert(j: FlatFingerprint, v: Int32Array, len: number, cap: number, x: number): void {
  const n = v[len]!;
  if (n >= cap) throw new Error(`channel beyond its bound ${cap}`);
  j.set(v, len + 1 + n, x);
  j.set(v, len, n + 1);
}

/** A counted channel (`FlatLayout.counted`) at `len` gains (`delta` 1) or loses (-1) one message whose count sits at `slot`. */
export function count(j: FlatFingerprint, v: Int32Array, len: number, cap: number, slot: number, delta: number): void {
  const n = v[len]! + delta;
  if (n > cap) throw new Error(`channel beyond its bound ${cap}`);
  j.set(v, slot, v[slot]! + delta);
  j.set(v, len, n);
}

export function clearBusy(j: FlatFingerprint, v: Int32Array): void {
  setMode(j, v, 0, 0, 0, 0);
}

/** The mode and its busy fields (zero unless busy: 2 with request r, phase and reply). */
export function setMode(j: FlatFingerprint, v: Int32Array, mode: number, r: number, phase: number, reply: number): void {
  j.set(v, F.MODE, mode);
  j.set(v, F.BUSY_R, r);
  j.set(v, F.BUSY_PHASE, phase);
  j.set(v, F.BUSY_REPLY, reply);
}
