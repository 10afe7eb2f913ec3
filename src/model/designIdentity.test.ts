import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { designIdentity } from './designIdentity';
import { handoff, receiveDesign } from './handoff';
import { loadDesign } from './load';
import type { Design } from './schema';

const text = readFileSync('examples/payment-retried.protocol.json', 'utf8');
const design = JSON.parse(text) as Design;

describe('designIdentity', () => {
  it('is 16 hex digits, the same for the same design', () => {
    expect(designIdentity(design)).toMatch(/^[0-9a-f]{16}$/);
    expect(designIdentity(structuredClone(design))).toBe(designIdentity(design));
  });

  it('ignores the layout and the order of keys', () => {
    const moved = { ...design, layout: { ...(design.layout ?? {}), Moved: { x: 999, y: -4 } } } as Design;
    expect(designIdentity(moved)).toBe(designIdentity(design));
    const reordered = Object.fromEntries(Object.entries(design).reverse()) as unknown as Design;
    expect(designIdentity(reordered)).toBe(designIdentity(design));
  });

  it('changes with any change of behaviour', () => {
    expect(designIdentity({ ...design, name: `${design.name}!` })).not.toBe(designIdentity(design));
    expect(designIdentity({ ...design, states: design.states.slice(1) })).not.toBe(designIdentity(design));
  });

  it('travels with the design handed to a worker, which compiles it back to the same model', () => {
    const loaded = loadDesign(text);
    if (!loaded.ok) throw new Error('the example does not load');
    const sent = structuredClone(handoff(loaded.model));
    expect(sent.identity).toBe(designIdentity(design));
    expect(receiveDesign(sent).transitions.map((t) => t.name)).toEqual(loaded.model.transitions.map((t) => t.name));
  });
});
