import type { Reply, RequestId } from './configuration';

/**
 * One move of one actor (MODEL.md §4): plain serialisable data. `label` is stable and unique
 * among the steps enabled in a configuration, so two steps are equal when their labels are.
 */

export type Actor = 'client' | 'network' | 'machine' | 'fault';
export type Channel = 'toMachine' | 'toClient';

export type StepAction =
  | { readonly kind: 'send'; readonly request: RequestId; readonly event: number; readonly payloadIndex: number }
  | { readonly kind: 'deliver'; readonly request: RequestId }
  | { readonly kind: 'ack'; readonly request: RequestId }
  | { readonly kind: 'persist'; readonly request: RequestId }
  | { readonly kind: 'receive'; readonly request: RequestId; readonly reply: Reply }
  /** `position`: index in the channel of the copy removed (any copy giving the same content). */
  | { readonly kind: 'drop'; readonly channel: Channel; readonly position: number; readonly request: RequestId; readonly reply?: Reply }
  | { readonly kind: 'duplicate'; readonly channel: Channel; readonly request: RequestId; readonly reply?: Reply }
  | { readonly kind: 'timeout'; readonly request: RequestId; readonly retry: boolean }
  | { readonly kind: 'fire'; readonly event: number }
  | { readonly kind: 'crash' }
  | { readonly kind: 'restart' };

export type StepKind = StepAction['kind'];

export type Step = StepAction & { readonly label: string; readonly actor: Actor };

const ACTORS: Record<StepKind, Actor> = {
  send: 'client',
  timeout: 'client',
  deliver: 'network',
  receive: 'network',
  ack: 'machine',
  persist: 'machine',
  fire: 'machine',
  restart: 'machine',
  drop: 'fault',
  duplicate: 'fault',
  crash: 'fault',
};

export function actorOf(kind: StepKind): Actor {
  return ACTORS[kind];
}

/** Faults never count against quiescence (§6): nothing is left to do unless the world breaks something. */
export function isFault(step: StepAction): boolean {
  return step.kind === 'drop' || step.kind === 'duplicate' || step.kind === 'crash';
}

export function makeStep(action: StepAction, label: string): Step {
  return { ...action, label, actor: ACTORS[action.kind] };
}
