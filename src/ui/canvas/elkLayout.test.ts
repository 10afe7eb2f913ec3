import { describe, expect, it } from 'vitest';
import { emptyDesign } from '../../store/designEdits';
import { labelSize, layeredLayout } from './elkLayout';

const box = () => ({ width: 130, height: 50 });

describe('automatic layout', () => {
  it('leaves room between two states for the label of the transition joining them', async () => {
    const long = {
      from: 'A',
      event: 'Charge',
      to: 'B',
      guard: 'charges < 3',
      updates: { charges: 'charges + 1' },
    };
    const design = {
      ...emptyDesign(),
      states: [{ name: 'A', initial: true }, { name: 'B' }],
      transitions: [long],
    };
    const layout = await layeredLayout(design, box);
    const gap = layout.B!.x - (layout.A!.x + box().width);
    expect(gap).toBeGreaterThanOrEqual(labelSize(long).width);
  });

  it('wraps a long label at the width the canvas wraps it', () => {
    const size = labelSize({
      from: 'A',
      event: 'E',
      to: 'B',
      updates: { a: 'a + 1', b: 'b + 1', c: 'c + 1', d: 'd + 1' },
    });
    expect(size.width).toBeLessThanOrEqual(180 + 44);
    expect(size.height).toBeGreaterThan(20);
  });
});
