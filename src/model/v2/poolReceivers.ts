import type { KindNetwork } from './links';
import type { RoleJson } from './schema';

/**
 * Per message kind, its receiver slots per sender and payload in the pool (`MessageV2.receivers`):
 * the receiving role's instances, or 1 for a kind in the pool (not a set) that is only ever
 * sent `toAll` without `except`. Such a kind's copies are sent together and never taken out, so
 * in every reachable configuration they are all there or none is: one slot stands for them, the
 * configurations are the same ones, and TwoPhase's `Commit` and `Abort` take one slot instead
 * of one per resource manager (7 resource managers: one word a configuration instead of two).
 * Kinds on channels keep their count (it is not used for them).
 */
export function poolReceivers(
  roles: readonly RoleJson[],
  messages: readonly { name: string; to: number }[],
  links: readonly KindNetwork[],
  instances: readonly number[],
): number[] {
  const toAllOnly = messages.map(() => true);
  const sent = messages.map(() => false);
  for (const role of roles) {
    for (const t of role.transitions ?? []) {
      for (const s of t.send ?? []) {
        const k = messages.findIndex((m) => m.name === s.message);
        if (k < 0) continue;
        sent[k] = true;
        if (s.toAll !== true || s.to !== undefined || (s.except ?? []).length > 0) toAllOnly[k] = false;
      }
    }
  }
  return messages.map((m, k) => {
    const n = m.to >= 0 ? (instances[m.to] ?? 1) : 1;
    return links[k]!.pool && !links[k]!.consumed && sent[k] && toAllOnly[k] ? 1 : n;
  });
}
