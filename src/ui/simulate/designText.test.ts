import { describe, expect, it } from 'vitest';
import type { Design } from '../../model/schema';
import { runKey, sameDocument, semanticText } from './designText';

const design = { format: 'protocol-studio', version: 1, name: 'P', vars: [], states: [], events: [], transitions: [], invariants: [] } as unknown as Design;

describe('design text of a run', () => {
  it('ignores layout, which has no semantics', () => {
    expect(semanticText({ ...design, layout: { A: { x: 1, y: 2 } } })).toBe(semanticText(design));
    expect(semanticText({ ...design, name: 'Q' })).not.toBe(semanticText(design));
  });

  it('tells an edit of the same document from another document', () => {
    const a = runKey('doc-1', semanticText(design));
    expect(sameDocument(a, runKey('doc-1', semanticText({ ...design, name: 'Q' })))).toBe(true);
    expect(sameDocument(a, runKey('doc-2', semanticText(design)))).toBe(false);
    expect(sameDocument(null, a)).toBe(false);
  });
});
