import { isRecord, own } from '../bounds';
import type { DesignError } from '../model';
import { toPointer, type PathSegment } from '../pointer';
import { LIMITS_V2 } from './limits';

/**
 * Count limits of a version-2 design, checked on the raw value before the schema runs, each
 * reported at the array that exceeds it. Values of the wrong shape are left to the schema.
 */
export function checkBoundsV2(value: unknown): DesignError[] {
  const errors: DesignError[] = [];
  if (!isRecord(value)) return errors;
  const limit = (list: unknown, path: PathSegment[], max: number, what: string): void => {
    if (Array.isArray(list) && list.length > max) {
      errors.push({ path: toPointer(path), code: 'too-many', message: `This has ${list.length} ${what}; at most ${max} are allowed.` });
    }
  };
  limit(own(value, 'roles'), ['roles'], LIMITS_V2.roles, 'roles');
  limit(own(value, 'messages'), ['messages'], LIMITS_V2.messages, 'message kinds');
  limit(own(value, 'invariants'), ['invariants'], LIMITS_V2.invariants, 'invariants');
  const payloads = (list: unknown, path: PathSegment[]): void => {
    if (!Array.isArray(list)) return;
    list.forEach((item, k) => {
      if (isRecord(item)) limit(own(item, 'payload'), [...path, k, 'payload'], LIMITS_V2.payloadFields, 'payload fields');
    });
  };
  payloads(own(value, 'messages'), ['messages']);
  const environment = own(value, 'environment');
  const network = isRecord(environment) ? own(environment, 'network') : undefined;
  if (isRecord(network)) limit(own(network, 'links'), ['environment', 'network', 'links'], LIMITS_V2.messages, 'links');
  const roles = own(value, 'roles');
  let transitions = 0;
  if (Array.isArray(roles) && roles.length <= LIMITS_V2.roles) {
    roles.forEach((role, r) => {
      if (!isRecord(role)) return;
      limit(own(role, 'states'), ['roles', r, 'states'], LIMITS_V2.statesPerRole, 'states');
      limit(own(role, 'events'), ['roles', r, 'events'], LIMITS_V2.eventsPerRole, 'events');
      limit(own(role, 'vars'), ['roles', r, 'vars'], LIMITS_V2.varsPerRole, 'vars');
      limit(own(role, 'invariants'), ['roles', r, 'invariants'], LIMITS_V2.invariants, 'invariants');
      payloads(own(role, 'events'), ['roles', r, 'events']);
      const list = own(role, 'transitions');
      if (!Array.isArray(list)) return;
      transitions += list.length;
      limit(list, ['roles', r, 'transitions'], LIMITS_V2.transitions, 'transitions');
      list.forEach((t, k) => {
        if (isRecord(t)) limit(own(t, 'send'), ['roles', r, 'transitions', k, 'send'], LIMITS_V2.sendsPerTransition, 'sends');
      });
    });
  }
  if (transitions > LIMITS_V2.transitions) {
    errors.push({ path: '/roles', code: 'too-many', message: `The roles have ${transitions} transitions together; at most ${LIMITS_V2.transitions} are allowed.` });
  }
  return errors;
}
