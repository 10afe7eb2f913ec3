import * as F from './flatLayout';

/** Channel and mode edits on flat vectors (`flatLayout.ts`), shared by the fast stepper. */

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

/** Removes element i of the channel at `len`, shifting the rest and zeroing the freed slot. */
export function removeAt(v: Int32Array, len: number, i: number): void {
  const n = v[len]!;
  for (let j = i; j < n - 1; j++) v[len + 1 + j] = v[len + 2 + j]!;
  v[len + n] = 0;
  v[len] = n - 1;
}

/** Appends (a sequence) or inserts in order after equal elements (a multiset). */
export function insert(v: Int32Array, len: number, cap: number, x: number, sorted: boolean): void {
  const n = v[len]!;
  if (n >= cap) throw new Error(`channel beyond its bound ${cap}`);
  let i = n;
  if (sorted) while (i > 0 && v[len + i]! > x) {
    v[len + 1 + i] = v[len + i]!;
    i--;
  }
  v[len + 1 + i] = x;
  v[len] = n + 1;
}

export function clearBusy(v: Int32Array): void {
  v[F.MODE] = 0;
  v[F.BUSY_R] = 0;
  v[F.BUSY_PHASE] = 0;
  v[F.BUSY_REPLY] = 0;
}

export function setBusy(v: Int32Array, r: number, phase: number, reply: number): void {
  v[F.MODE] = 2;
  v[F.BUSY_R] = r;
  v[F.BUSY_PHASE] = phase;
  v[F.BUSY_REPLY] = reply;
}
