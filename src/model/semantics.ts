import { identifierProblem } from './identifiers';
import { LIMITS } from './limits';
import type { DesignError } from './model';
import { toPointer, type PathSegment } from './pointer';
import { RESTART_EVENT } from './restartEvent';
import { checkSafeText } from './safeText';
import type { Design } from './schema';
import { didYouMean } from './spelling';
import { checkValueType, encodeValue, showValueType, toValueType } from './valueTypes';

/**
 * Stage 4 of loading: the rules that need more than one field (MODEL.md §1). Runs on a design
 * that passed the schema and returns every problem it finds; expressions are checked later.
 * `order` is the order of the document's top-level keys, so that a repeat is blamed on the
 * later occurrence in the file even across sections.
 */
export function checkSemantics(design: Design, order: readonly string[] = []): DesignError[] {
  const errors: DesignError[] = [];
  const at = (path: PathSegment[], code: string, message: string): void => {
    errors.push({ path: toPointer(path), code, message });
  };

  if (design.name.length === 0 || design.name.length > LIMITS.designNameChars) {
    at(['name'], 'bad-name', `A design's name needs 1 to ${LIMITS.designNameChars} characters, not ${design.name.length}.`);
  }

  // Names: legal identifiers, unique within their kind (the later repeat is the error).
  const names = (items: readonly { name: string }[], section: PathSegment[], kind: string): Set<string> => {
    const what = `${kind} name`;
    const seen = new Set<string>();
    items.forEach((item, k) => {
      const problem = identifierProblem(item.name, what);
      if (problem) at([...section, k, 'name'], problem.code, problem.message);
      else if (seen.has(item.name)) {
        at([...section, k, 'name'], 'duplicate-name', `Another ${kind} is already called "${item.name}"; ${kind} names must be unique${kind === 'payload field' ? ' within their event' : ''}.`);
      }
      seen.add(item.name);
    });
    return seen;
  };
  const varNames = names(design.vars, ['vars'], 'var');
  const stateNames = names(design.states, ['states'], 'state');
  names(design.events, ['events'], 'event');

  design.vars.forEach((v, k) => {
    const typeErrors: DesignError[] = [];
    checkValueType(v.type, ['vars', k, 'type'], typeErrors);
    errors.push(...typeErrors);
    if (typeErrors.length) return;
    const type = toValueType(v.type);
    if (encodeValue(type, v.initial) === null) {
      at(['vars', k, 'initial'], 'bad-initial', `The initial value ${JSON.stringify(v.initial)} is not in the type of ${v.name}; use ${showValueType(type)}.`);
    }
  });

  const initials = design.states.filter((s) => s.initial === true).length;
  if (initials !== 1) {
    at(
      ['states'],
      'initial-state',
      initials === 0
        ? 'No state is initial; mark exactly one state with "initial": true.'
        : `${initials} states are marked initial; exactly one state may have "initial": true.`,
    );
  }

  const eventSource = new Map<string, string>();
  design.events.forEach((e, k) => {
    if (!eventSource.has(e.name)) eventSource.set(e.name, e.source);
    if (e.source !== 'client') {
      for (const key of ['payload', 'retry', 'idempotency', 'unhandled'] as const) {
        if (e[key] !== undefined) {
          at(['events', k, key], 'client-only', `"${key}" applies only to client events, and ${e.name} is ${e.source === 'internal' ? 'an' : 'a'} ${e.source} event; remove it.`);
        }
      }
    }
    if (e.retry && (e.retry.maxAttempts < 1 || e.retry.maxAttempts > 5)) {
      at(['events', k, 'retry', 'maxAttempts'], 'out-of-range', `maxAttempts must be from 1 to 5, not ${e.retry.maxAttempts}.`);
    }
    if (e.payload) {
      names(e.payload, ['events', k, 'payload'], 'payload field');
      let count = 1;
      e.payload.forEach((f, m) => {
        const typeErrors: DesignError[] = [];
        checkValueType(f.type, ['events', k, 'payload', m, 'type'], typeErrors);
        errors.push(...typeErrors);
        if (typeErrors.length) count = NaN;
        else {
          const t = toValueType(f.type);
          count *= t.kind === 'bool' ? 2 : t.kind === 'enum' ? t.values.length : t.hi - t.lo + 1;
        }
      });
      if (count > LIMITS.payloadValues) {
        at(['events', k, 'payload'], 'payload-too-large', `This payload can take ${count} different values; at most ${LIMITS.payloadValues} are allowed, so narrow the field types.`);
      }
    }
  });

  const ids = new Set<string>();
  design.transitions.forEach((t, k) => {
    const here = ['transitions', k];
    if (t.id !== undefined) {
      if (t.id.length === 0 || t.id.length > LIMITS.nameChars) {
        at([...here, 'id'], 'bad-id', `A transition id needs 1 to ${LIMITS.nameChars} characters.`);
      } else if (/^#\d+$/.test(t.id)) {
        at([...here, 'id'], 'bad-id', `The id "${t.id}" looks like the name of an id-less transition (#k); choose another id.`);
      } else if (ids.has(t.id)) {
        at([...here, 'id'], 'duplicate-id', `Another transition already has the id "${t.id}"; ids must be unique.`);
      }
      ids.add(t.id);
    }
    for (const key of ['from', 'to'] as const) {
      if (!stateNames.has(t[key])) {
        at([...here, key], 'unknown-state', `No state is called "${t[key]}"${didYouMean(t[key], stateNames) || '; declare it or fix the name.'}`);
      }
    }
    const source = t.event === RESTART_EVENT ? 'restart' : eventSource.get(t.event);
    if (source === undefined) {
      at([...here, 'event'], 'unknown-event', `No event is called "${t.event}"${didYouMean(t.event, [...eventSource.keys(), RESTART_EVENT]) || '; declare it, or use "$restart" for recovery.'}`);
    }
    if (source !== undefined && source !== 'client') {
      for (const key of ['ack', 'reply'] as const) {
        if (t[key] !== undefined) {
          const what = source === 'restart' ? 'a $restart transition' : `${source === 'internal' ? 'an' : 'a'} ${source} event`;
          at([...here, key], 'client-only', `"${key}" applies only to transitions of client events, and this one is on ${what}; remove it.`);
        }
      }
    }
    for (const key of Object.keys(t.updates ?? {})) {
      if (!varNames.has(key)) {
        at([...here, 'updates', key], 'unknown-var', `"${key}" is not a declared var${didYouMean(key, varNames) || '; declare it or fix the name.'}`);
      }
    }
  });

  // Invariant names: unique across the design, top-level and per-transition together.
  const invariantNames = new Set<string>();
  const invariantName = (name: string, path: PathSegment[]): void => {
    if (name.length === 0 || name.length > LIMITS.nameChars) {
      at(path, 'bad-name', `An invariant's name needs 1 to ${LIMITS.nameChars} characters, not ${name.length}.`);
    } else if (invariantNames.has(name)) {
      at(path, 'duplicate-name', `Another invariant is already called "${name}"; invariant names must be unique across the design.`);
    }
    invariantNames.add(name);
  };
  const transitionInvariants = (): void =>
    design.transitions.forEach((t, k) => t.invariants?.forEach((inv, i) => invariantName(inv.name, ['transitions', k, 'invariants', i, 'name'])));
  const topInvariants = (): void => design.invariants.forEach((inv, i) => invariantName(inv.name, ['invariants', i, 'name']));
  const topFirst = order.indexOf('invariants') >= 0 && order.indexOf('invariants') < order.indexOf('transitions');
  if (topFirst) {
    topInvariants();
    transitionInvariants();
  } else {
    transitionInvariants();
    topInvariants();
  }

  const env = design.environment;
  if (env) {
    const range = (value: number | undefined, path: PathSegment[], hi: number, what: string): void => {
      if (value !== undefined && (value < 0 || value > hi)) at(path, 'out-of-range', `${what} must be from 0 to ${hi}, not ${value}.`);
    };
    range(env.requests, ['environment', 'requests'], 4, 'requests');
    range(env.crashes, ['environment', 'crashes'], 3, 'The crash budget');
    range(env.network?.drop, ['environment', 'network', 'drop'], 3, 'The drop budget');
    range(env.network?.duplicate, ['environment', 'network', 'duplicate'], 3, 'The duplicate budget');
  }
  errors.push(...checkSafeText(design));
  return errors;
}
