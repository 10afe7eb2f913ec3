import { LIMITS } from './limits';
import type { DesignError } from './model';
import { toPointer, type PathSegment } from './pointer';

/**
 * The count limits of MODEL.md §1, checked on the raw value before the schema or anything
 * heavier runs. Each error sits at the array (or string) that exceeds its limit. Values of the
 * wrong shape are skipped here: the schema reports them.
 */
export function checkBounds(value: unknown): DesignError[] {
  const errors: DesignError[] = [];
  if (!isRecord(value)) return errors;
  const tooMany = (path: PathSegment[], count: number, limit: number, what: string): void => {
    errors.push({
      path: toPointer(path),
      code: 'too-many',
      message: `This design has ${count} ${what}; at most ${limit} are allowed.`,
    });
  };
  const arrays: [string, number, string][] = [
    ['vars', LIMITS.vars, 'vars'],
    ['states', LIMITS.states, 'states'],
    ['events', LIMITS.events, 'events'],
    ['transitions', LIMITS.transitions, 'transitions'],
  ];
  for (const [key, limit, what] of arrays) {
    const list = own(value, key);
    if (Array.isArray(list) && list.length > limit) tooMany([key], list.length, limit, what);
  }
  const events = own(value, 'events');
  if (Array.isArray(events) && events.length <= LIMITS.events) {
    events.forEach((event, k) => {
      const payload = isRecord(event) ? own(event, 'payload') : undefined;
      if (Array.isArray(payload) && payload.length > LIMITS.payloadFields) {
        errors.push({
          path: toPointer(['events', k, 'payload']),
          code: 'too-many',
          message: `This event has ${payload.length} payload fields; at most ${LIMITS.payloadFields} are allowed.`,
        });
      }
    });
  }
  // Invariants count top-level and per-transition together; blame the array that crosses the limit.
  let total = 0;
  let blamed = false;
  const countInvariants = (list: unknown, path: PathSegment[]): void => {
    if (!Array.isArray(list)) return;
    total += list.length;
    if (total > LIMITS.invariants && !blamed) {
      blamed = true;
      errors.push({
        path: toPointer(path),
        code: 'too-many',
        message: `This design has more than ${LIMITS.invariants} invariants (top-level and per-transition together); at most ${LIMITS.invariants} are allowed.`,
      });
    }
  };
  const top = own(value, 'invariants');
  if (Array.isArray(top) && top.length > LIMITS.invariants) countInvariants(top, ['invariants']);
  const transitions = own(value, 'transitions');
  if (!blamed && Array.isArray(transitions) && transitions.length <= LIMITS.transitions) {
    transitions.forEach((t, k) => {
      if (isRecord(t)) countInvariants(own(t, 'invariants'), ['transitions', k, 'invariants']);
    });
  }
  if (!blamed && !(Array.isArray(top) && top.length > LIMITS.invariants)) countInvariants(top, ['invariants']);
  if (errors.length === 0) checkDescriptions(value, [], errors, 0);
  return errors;
}

/** Every `description` at most 4,000 characters, wherever it sits (layout excluded). */
function checkDescriptions(value: unknown, path: PathSegment[], errors: DesignError[], depth: number): void {
  if (depth > LIMITS.jsonDepth) return;
  if (Array.isArray(value)) {
    value.forEach((item, i) => checkDescriptions(item, [...path, i], errors, depth + 1));
    return;
  }
  if (!isRecord(value)) return;
  for (const [key, item] of Object.entries(value)) {
    if (path.length === 0 && key === 'layout') continue;
    if (key === 'description' && typeof item === 'string' && item.length > LIMITS.descriptionChars) {
      errors.push({
        path: toPointer([...path, key]),
        code: 'too-long',
        message: `This description is ${item.length} characters long; at most ${LIMITS.descriptionChars} are allowed.`,
      });
    } else if (typeof item === 'object') {
      checkDescriptions(item, [...path, key], errors, depth + 1);
    }
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An own property, never one inherited from Object.prototype (a key may be "constructor"). */
export function own(record: Record<string, unknown>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}
