import type { DesignError } from '../model';
import { toPointer, type PathSegment } from '../pointer';
import type { Design } from '../schema';
import type { DesignV2, RoleJson } from './schema';

/**
 * A version-2 design with clients (docs/format-v2.md §13): version 1's clients (client events,
 * request budget, retries, timeouts, idempotency, ack modes, replies) around ONE participant.
 * Such a design is exactly a version-1 design written as a role, so it is lowered to that
 * version-1 design and runs on version 1's one statement of the client rules (`src/engine`):
 * nothing here restates them. Errors found by version 1's loader come back at the paths of the
 * version-2 file (`version2Path`).
 */

/**
 * A design has clients when a role declares a client event, or the environment a request budget
 * or the replay check (which, in a design with calls, is the calls' replay check: §14).
 */
export function usesClients(design: DesignV2): boolean {
  const env = design.environment;
  const events = design.roles.flatMap((r) => r.events ?? []);
  const calls = events.some((e) => e.source === 'call');
  return env?.requests !== undefined || (env?.checks?.replay !== undefined && !calls) || events.some((e) => e.source === 'client');
}

/** What a design with clients may not use yet: several roles or instances, messages, design invariants, version 2's network keys. */
export function clientDesignErrors(design: DesignV2): DesignError[] {
  const errors: DesignError[] = [];
  const err = (path: PathSegment[], message: string): void => {
    errors.push({ path: toPointer(path), code: 'clients-one-participant', message });
  };
  const why = 'a design with clients has one participant (calls between participants are not there yet)';
  if (design.roles.length !== 1) err(['roles'], `A design with clients has exactly one role, not ${design.roles.length}: ${why}.`);
  if (design.messages?.length) err(['messages'], `A design with clients has no messages: ${why}.`);
  if (design.invariants?.length) err(['invariants'], 'A design with clients states its invariants in its role ("invariants" of the role), where they read its state and vars by name.');
  const net = design.environment?.network;
  if (net?.model !== undefined) err(['environment', 'network', 'model'], 'A design with clients has version 1\'s network between its clients and its participant: leave "model" out (drop, duplicate and reorder apply to requests and replies).');
  if (net?.capacity !== undefined) err(['environment', 'network', 'capacity'], 'The network of a design with clients has no capacity: its channels hold every request and reply, as in version 1.');
  design.roles.forEach((role, ri) => {
    if (role.instances !== undefined && role.instances !== 1) err(['roles', ri, 'instances'], `The role of a design with clients has one instance, not ${role.instances}: ${why}.`);
    if (role.crashes !== undefined) err(['roles', ri, 'crashes'], 'The one participant of a design with clients crashes within the design\'s budget ("environment": { "crashes": N }): leave the role\'s "crashes" out.');
    if (role.afterCrash !== undefined) err(['roles', ri, 'afterCrash'], 'The one participant of a design with clients restarts after a crash, as in version 1 (its clients wait for it): leave "afterCrash" out.');
    role.transitions.forEach((t, k) => {
      const path: PathSegment[] = ['roles', ri, 'transitions', k];
      if (t.receive !== undefined) err([...path, 'receive'], `A design with clients has no messages to receive: ${why}.`);
      if (t.send !== undefined) err([...path, 'send'], `A design with clients has no messages to send: ${why}.`);
      if (typeof t.from !== 'string') err([...path, 'from'], 'In a design with clients a transition leaves one state (a string): write one transition per state.');
      if (t.id?.includes('#')) err([...path, 'id'], 'A transition id has no "#" (Role#k names a transition without an id).');
    });
  });
  return errors;
}

/** Errors of keys that only a design with clients may use, found in a design without clients. */
export function clientKeyErrors(design: DesignV2): DesignError[] {
  const errors: DesignError[] = [];
  design.roles.forEach((role, ri) => {
    (role.events ?? []).forEach((e, k) => {
      for (const key of ['retry', 'idempotency', 'unhandled', 'returns', 'calls'] as const) {
        const owners = key === 'retry' ? 'client events ("source": "client")' : key === 'returns' || key === 'calls' ? 'call events ("source": "call")' : 'client and call events';
        if (e[key] !== undefined) errors.push({ path: toPointer(['roles', ri, 'events', k, key]), code: 'client-only', message: `"${key}" belongs to ${owners} only.` });
      }
    });
    role.transitions.forEach((t, k) => {
      for (const key of ['ack', 'reply'] as const) {
        if (t[key] !== undefined) errors.push({ path: toPointer(['roles', ri, 'transitions', k, key]), code: 'client-only', message: `"${key}" belongs to transitions of client and call events only.` });
      }
    });
  });
  return errors;
}

/**
 * The version-1 design a design with clients stands for (call after `clientDesignErrors` found
 * none): the role's vars, states, events, transitions and invariants at the top level, in the
 * same order, so every path maps back. A transition without `id` gets `Role#k`, version 2's name.
 */
export function lowerToVersion1(design: DesignV2): Design {
  const role = design.roles[0]!;
  const env = design.environment;
  const net = env?.network;
  const network = net === undefined ? undefined : { ...pick(net, ['drop', 'duplicate', 'reorder']) };
  const environment =
    env === undefined ? undefined : { ...pick(env, ['requests', 'crashes', 'checks']), ...(network !== undefined ? { network } : {}) };
  return {
    format: design.format,
    version: 1,
    name: design.name,
    ...(design.description !== undefined ? { description: design.description } : {}),
    vars: (role.vars ?? []) as Design['vars'],
    states: role.states,
    events: (role.events ?? []) as Design['events'],
    transitions: role.transitions.map((t, k) => ({
      id: t.id ?? `${role.name}#${k}`,
      from: t.from as string,
      event: t.event as string,
      to: t.to ?? (t.from as string),
      ...pick(t, ['guard', 'updates', 'ack', 'reply', 'invariants', 'description']),
    })),
    invariants: role.invariants ?? [],
    ...(environment !== undefined ? { environment } : {}),
    ...(design.layout !== undefined ? { layout: design.layout } : {}),
  } as Design;
}

/**
 * The path in the version-2 file of an error version 1's loader found in the lowered design, or
 * null when the error repeats one already at the transition (a `to` filled in from `from`).
 */
export function version2Path(path: string, design: DesignV2): string | null {
  const m = /^\/(vars|states|events|transitions|invariants)(\/.*)?$/.exec(path);
  if (!m) return path;
  if (m[1] === 'transitions') {
    const t = /^\/(\d+)\/(to|id)$/.exec(m[2] ?? '');
    const tj = t ? design.roles[0]!.transitions[Number(t[1])] : undefined;
    if (t && tj && tj[t[2] as 'to' | 'id'] === undefined) return null;
  }
  return `/roles/0${path}`;
}

/** The version-2 design a version-1 design loads as: one role (`roleName`) with the design's clients. */
export function fromVersion1(design: Design, roleName = 'Machine'): DesignV2 {
  const role: RoleJson = {
    name: roleName,
    ...(design.vars.length ? { vars: design.vars } : {}),
    states: design.states,
    ...(design.events.length ? { events: design.events } : {}),
    transitions: design.transitions,
    ...(design.invariants.length ? { invariants: design.invariants } : {}),
  };
  const env = design.environment ?? {};
  return {
    format: design.format,
    version: 2,
    name: design.name,
    ...(design.description !== undefined ? { description: design.description } : {}),
    roles: [role],
    // `requests` is always written: it is what makes the design one with clients (v1's default is 1).
    environment: { ...env, requests: env.requests ?? 1 },
    ...(design.layout !== undefined ? { layout: design.layout } : {}),
  };
}

function pick<T extends object, K extends keyof T>(value: T, keys: readonly K[]): Partial<Pick<T, K>> {
  const out: Partial<Pick<T, K>> = {};
  for (const k of keys) if (value[k] !== undefined) out[k] = value[k];
  return out;
}
