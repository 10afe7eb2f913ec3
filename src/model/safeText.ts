import type { DesignError } from './model';
import { toPointer, type PathSegment } from './pointer';
import type { Design } from './schema';

/**
 * Text that is not an identifier (the design's name, invariant names, transition ids,
 * descriptions) still reaches terminals, reports and generated code. Control characters could
 * rewrite a terminal (ESC sequences) or end a line early; bidirectional controls make text read
 * differently from what it is (Trojan Source). Names hold neither; descriptions may keep tabs and
 * line breaks.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE_IN_NAME = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;
// eslint-disable-next-line no-control-regex -- as above
const UNSAFE_IN_DESCRIPTION = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

/** The first character a name (or, with `description`, a description) may not hold, as `U+001B`, or null. */
export function unsafeCharacter(text: string, description = false): string | null {
  const found = (description ? UNSAFE_IN_DESCRIPTION : UNSAFE_IN_NAME).exec(text);
  return found ? `U+${found[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}` : null;
}

/** Every name, id and description of the design that holds a character it may not, at its path. */
export function checkSafeText(design: Design): DesignError[] {
  const errors: DesignError[] = [];
  const name = (text: string | undefined, path: PathSegment[], what: string): void => {
    const bad = text === undefined ? null : unsafeCharacter(text);
    if (bad) errors.push({ path: toPointer(path), code: 'unsafe-text', message: `${what} holds ${bad}, a control or bidirectional character; names and ids cannot hold these.` });
  };
  const description = (text: string | undefined, path: PathSegment[]): void => {
    const bad = text === undefined ? null : unsafeCharacter(text, true);
    if (bad) errors.push({ path: toPointer(path), code: 'unsafe-text', message: `The description holds ${bad}, a control or bidirectional character; only tabs and line breaks are allowed.` });
  };
  name(design.name, ['name'], "The design's name");
  description(design.description, ['description']);
  const described = [['vars', design.vars], ['states', design.states], ['events', design.events], ['invariants', design.invariants]] as const;
  for (const [section, items] of described) items.forEach((item, k) => description(item.description, [section, k, 'description']));
  design.events.forEach((e, k) => e.payload?.forEach((f, i) => description(f.description, ['events', k, 'payload', i, 'description'])));
  design.invariants.forEach((inv, k) => name(inv.name, ['invariants', k, 'name'], 'The invariant name'));
  design.transitions.forEach((t, k) => {
    name(t.id, ['transitions', k, 'id'], 'The transition id');
    description(t.description, ['transitions', k, 'description']);
    t.invariants?.forEach((inv, i) => {
      name(inv.name, ['transitions', k, 'invariants', i, 'name'], 'The invariant name');
      description(inv.description, ['transitions', k, 'invariants', i, 'description']);
    });
  });
  return errors;
}
