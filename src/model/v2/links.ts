import type { PathSegment } from '../pointer';
import type { LinkJson } from './schema';

/** How one message kind travels: in the pool or on channels, and whether drops and duplicates may touch it. */
export interface KindNetwork {
  readonly pool: boolean;
  /** In the pool's slots, but a receive removes the message (`"model": "set"`, docs/format-v2.md §6). */
  readonly consumed: boolean;
  readonly reliable: boolean;
}

type Report = (path: readonly PathSegment[], code: string, message: string) => void;

/**
 * Resolves `network.links` (docs/format-v2.md §6): a link names one message kind (`message`) or
 * every kind from one role to another (`from` and `to`), and gives it its own `model` and/or
 * makes its channels `reliable`. Each kind takes at most one link; the others use the network's
 * model, faulty as the budgets say. Returns one entry per message kind, in their order.
 */
export function networkLinks(
  model: 'pool' | 'set' | 'channels',
  links: readonly LinkJson[],
  messages: readonly { name: string; from: number; to: number }[],
  roles: readonly string[],
  err: Report,
): KindNetwork[] {
  const out = messages.map(() => ({ pool: model !== 'channels', consumed: model === 'set', reliable: false }));
  const claimedBy = messages.map(() => -1);
  links.forEach((link, i) => {
    const path: PathSegment[] = ['environment', 'network', 'links', i];
    const byKind = link.message !== undefined;
    const byPair = link.from !== undefined || link.to !== undefined;
    if (byKind === byPair) {
      err(
        path,
        'bad-link',
        byKind
          ? 'A link names either one "message" kind or a "from" and "to" role pair, not both.'
          : 'A link names one "message" kind, or a "from" and "to" role pair.',
      );
      return;
    }
    let kinds: number[];
    if (byKind) {
      const k = messages.findIndex((m) => m.name === link.message);
      if (k < 0) {
        err(
          [...path, 'message'],
          'unknown-message',
          `Unknown message kind "${link.message}"; the kinds are ${messages.map((m) => m.name).join(', ') || '(none)'}.`,
        );
        return;
      }
      kinds = [k];
    } else {
      if (link.from === undefined || link.to === undefined) {
        err(path, 'bad-link', `A role-pair link needs both "from" and "to".`);
        return;
      }
      const from = roles.indexOf(link.from);
      const to = roles.indexOf(link.to);
      if (from < 0)
        err(
          [...path, 'from'],
          'unknown-role',
          `Unknown role "${link.from}"; the roles are ${roles.join(', ')}.`,
        );
      if (to < 0)
        err([...path, 'to'], 'unknown-role', `Unknown role "${link.to}"; the roles are ${roles.join(', ')}.`);
      if (from < 0 || to < 0) return;
      kinds = messages.flatMap((m, k) => (m.from === from && m.to === to ? [k] : []));
      if (kinds.length === 0) {
        err(path, 'empty-link', `No message kind goes from ${link.from} to ${link.to}.`);
        return;
      }
    }
    if (link.model === undefined && link.reliable === undefined) {
      err(path, 'empty-link', 'A link changes nothing without "model" or "reliable".');
      return;
    }
    const pool = (link.model ?? model) !== 'channels';
    if (pool && link.reliable !== undefined) {
      err(
        [...path, 'reliable'],
        'not-for-pool',
        '"reliable" belongs to channels: a message in the pool is never dropped or duplicated (it stays, and may be received again).',
      );
      return;
    }
    for (const k of kinds) {
      if (claimedBy[k]! >= 0) {
        err(
          path,
          'duplicate-link',
          `${messages[k]!.name} already has its link (links/${claimedBy[k]}); a kind takes one.`,
        );
        continue;
      }
      claimedBy[k] = i;
      out[k] = { pool, consumed: (link.model ?? model) === 'set', reliable: !pool && link.reliable === true };
    }
  });
  return out;
}
