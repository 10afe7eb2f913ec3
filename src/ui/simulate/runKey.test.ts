import { describe, expect, it } from 'vitest';
import type { Design } from '../../model/schema';
import { runKey, sameDocument } from './runKey';

const design = { format: 'protocol-studio', version: 1, name: 'P', vars: [], states: [], events: [], transitions: [], invariants: [] } as unknown as Design;

describe('the key of a run', () => {
  it('ignores layout, which has no semantics', () => {
    expect(runKey('doc-1', { ...design, layout: { A: { x: 1, y: 2 } } })).toBe(runKey('doc-1', design));
    expect(runKey('doc-1', { ...design, name: 'Q' })).not.toBe(runKey('doc-1', design));
  });

  it('tells an edit of the same document from another document', () => {
    const a = runKey('doc-1', design);
    expect(sameDocument(a, runKey('doc-1', { ...design, name: 'Q' }))).toBe(true);
    expect(sameDocument(a, runKey('doc-2', design))).toBe(false);
    expect(sameDocument(null, a)).toBe(false);
  });
});
