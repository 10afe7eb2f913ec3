import { CompletionContext } from '@codemirror/autocomplete';
import { EditorState } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { paymentDesign } from '../../model/designFixture';
import type { Design } from '../../model/schema';
import { completionNames, expressionCompletion } from './expressionCompletion';

const design = paymentDesign() as unknown as Design;
const labels = (path: string) => completionNames(design, path).map((c) => c.label);

describe('completion of names in expression fields', () => {
  it("offers a guard the vars, the states, enum values and its own event's payload fields, not the observables", () => {
    const guard = labels('/transitions/0/guard');
    expect(guard).toEqual(
      expect.arrayContaining([
        'state',
        'charges',
        '"Idle"',
        '"Charged"',
        'event.amount',
        'event.fast',
        'true',
        'false',
      ]),
    );
    const mode = (design.vars as { name: string; type: unknown }[]).find(
      (v) => typeof v.type === 'object' && v.type !== null && 'enum' in v.type,
    );
    if (mode)
      for (const value of (mode.type as { enum: string[] }).enum)
        expect(guard).toContain(JSON.stringify(value));
    expect(guard.some((l) => l.startsWith('sent.'))).toBe(false);
    expect(guard).not.toContain('crashes');
  });

  it('offers no payload fields where the event has none, and no event fields outside transitions', () => {
    expect(labels('/transitions/1/guard').some((l) => l.startsWith('event.'))).toBe(false);
    expect(labels('/invariants/0/expr').some((l) => l.startsWith('event.'))).toBe(false);
  });

  it('offers invariants the client observables of each client event', () => {
    expect(labels('/invariants/0/expr')).toEqual(
      expect.arrayContaining(['sent.Charge', 'acked.Charge', 'failed.Charge', 'ambiguous.Charge', 'crashes']),
    );
    expect(labels('/transitions/0/invariants/0/expr')).toEqual(
      expect.arrayContaining(['sent.Charge', 'event.amount']),
    );
    expect(labels('/invariants/0/expr')).not.toContain('sent.Tick');
  });

  it('completes from the start of a dotted name or a string literal being typed', () => {
    const source = expressionCompletion(() => design, '/transitions/0/guard');
    const at = (doc: string) => {
      const state = EditorState.create({ doc });
      const result = source(new CompletionContext(state, doc.length, false));
      return result instanceof Promise || result === null ? null : result;
    };
    expect(at('charges > 0 && event.am')!.from).toBe('charges > 0 && '.length);
    expect(at('state == "Cha')!.from).toBe('state == '.length);
    expect(at('charges > ')).toBeNull();
    expect(at('char')!.options.map((o) => o.label)).toContain('charges');
  });
});
