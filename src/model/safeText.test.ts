import { describe, expect, it } from 'vitest';
import { paymentDesign } from './designFixture';
import { loadDesignValue } from './load';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function errorsOf(change: (d: Json) => void) {
  const d = paymentDesign() as Json;
  change(d);
  const r = loadDesignValue(d);
  return r.ok ? [] : r.errors.filter((e) => e.code === 'unsafe-text').map((e) => e.path);
}

describe('text that is not an identifier is still safe text', () => {
  it.each([
    ['an ESC sequence in the design name', (d: Json) => (d.name = 'Pay\u001b]0;owned\u0007'), '/name'],
    ['a newline in the design name', (d: Json) => (d.name = 'Pay\nment'), '/name'],
    ['a right-to-left override in an invariant name', (d: Json) => (d.invariants[0].name = 'once\u202e'), '/invariants/0/name'],
    ['NUL in a transition id', (d: Json) => (d.transitions[0].id = 'a\u0000b'), '/transitions/0/id'],
    ['a C1 control in a transition invariant', (d: Json) => (d.transitions[0].invariants[0].name = 'x\u009by'), '/transitions/0/invariants/0/name'],
    ['ESC in a description', (d: Json) => (d.states[0].description = 'clear\u001b[2J'), '/states/0/description'],
    ['an isolate in a payload field description', (d: Json) => (d.events[0].payload[0].description = 'a\u2066b'), '/events/0/payload/0/description'],
  ])('refuses %s', (_, change, path) => {
    expect(errorsOf(change)).toEqual([path]);
  });

  it('lets descriptions keep tabs and line breaks, and names any other Unicode', () => {
    expect(errorsOf((d) => {
      d.description = 'line one\n\tline two\r\n';
      d.name = 'Paiement · 決済 😀';
      d.invariants[0].name = 'au plus une fois';
    })).toEqual([]);
  });
});
