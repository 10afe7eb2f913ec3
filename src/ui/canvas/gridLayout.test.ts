import { describe, expect, it } from 'vitest';
import type { Design } from '../../model/schema';
import { emptyDesign } from '../../store/designEdits';
import { LAYERED_MAX_STATES, layeredLayout } from './elkLayout';
import { gridLayout } from './gridLayout';
import { layoutBusy, whileLayingOut } from './layoutBusy';

const box = () => ({ width: 140, height: 56 });

/** A chain S0 → S1 → … with a back edge every seventh state: the shape of a big imported machine. */
function chain(n: number): Design {
  const states = Array.from({ length: n }, (_, i) => ({
    name: `S${i}`,
    ...(i === 0 ? { initial: true } : {}),
  }));
  const transitions = [
    ...Array.from({ length: n - 1 }, (_, i) => ({ from: `S${i}`, event: 'Next', to: `S${i + 1}` })),
    ...Array.from({ length: Math.floor(n / 7) }, (_, k) => ({
      from: `S${7 * k}`,
      event: 'Back',
      to: `S${(7 * k * 13) % n}`,
    })),
  ];
  return { ...emptyDesign(), states, transitions } as Design;
}

describe('layout of a big design', () => {
  it("lays 1,000 states in a grid of about a screen's proportions, not in one row, every state placed once and apart", () => {
    const design = chain(1000);
    const layout = gridLayout(design, box);
    const points = Object.values(layout);
    expect(points).toHaveLength(1000);
    const rows = new Set(points.map((p) => p.y)).size;
    const columns = new Set(points.map((p) => p.x)).size;
    expect(rows).toBeGreaterThan(10);
    const width = columns * (140 + 200);
    const height = rows * (56 + 90);
    expect(width / height).toBeGreaterThan(1);
    expect(width / height).toBeLessThan(2.5);
    expect(new Set(points.map((p) => `${p.x},${p.y}`)).size).toBe(1000);
  });

  it('keeps a state next to its successor: rows snake, breadth first from the initial state', () => {
    const d = chain(100);
    const layout = gridLayout({ ...d, transitions: d.transitions.filter((t) => t.event === 'Next') }, box);
    expect(layout.S0).toEqual({ x: 0, y: 0 });
    for (let i = 0; i < 99; i++) {
      const a = layout[`S${i}`]!;
      const b = layout[`S${i + 1}`]!;
      // Same row, next column; or the row below, same column (the turn of the snake).
      expect(Math.abs(a.x - b.x) + Math.abs(a.y - b.y)).toBeLessThanOrEqual(340);
    }
  });

  it('places states nothing reaches too, after the rest', () => {
    const d = chain(10);
    const layout = gridLayout({ ...d, states: [...d.states, { name: 'Orphan' }] } as Design, box);
    expect(Object.keys(layout)).toHaveLength(11);
  });

  it('uses the grid above LAYERED_MAX_STATES states (ELK takes minutes there), ELK below', async () => {
    const big = chain(LAYERED_MAX_STATES + 1);
    expect(await layeredLayout(big, box)).toEqual(gridLayout(big, box));
    const small = chain(3);
    const layout = await layeredLayout(small, box);
    expect(layout.S1!.x).toBeGreaterThan(layout.S0!.x);
  });

  it('marks the layout busy while it runs, and idle after, also when it fails', async () => {
    let seen = -1;
    await whileLayingOut(42, async () => {
      seen = layoutBusy.getState().states;
    });
    expect(seen).toBe(42);
    expect(layoutBusy.getState().states).toBe(0);
    await expect(whileLayingOut(7, () => Promise.reject(new Error('no')))).rejects.toThrow('no');
    expect(layoutBusy.getState().states).toBe(0);
  });
});
