import { describe, expect, it } from 'vitest';
import { roomForLabel } from './labelRoom';

const box = (x: number, y: number) => ({ x, y, width: 140, height: 56 });
const label = { width: 100, height: 34 };

describe('room for a new transition label', () => {
  it('moves the target right just enough when two states side by side leave no room for the label', () => {
    const moved = roomForLabel(box(0, 0), box(160, 10), label)!;
    // gap after: moved.x - 140 = label width + 2 × 12
    expect(moved).toEqual({ x: 140 + 100 + 24, y: 10 });
  });

  it('moves it left, up or down when that is where the target lies', () => {
    expect(roomForLabel(box(300, 0), box(150, 0), label)).toEqual({ x: 300 - 124 - 140, y: 0 });
    expect(roomForLabel(box(0, 0), box(0, 70), label)).toEqual({ x: 0, y: 56 + 34 + 24 });
    expect(roomForLabel(box(0, 200), box(10, 140), label)).toEqual({ x: 10, y: 200 - 58 - 56 });
  });

  it('leaves states alone when the label already fits, and moves overlapping ones apart', () => {
    expect(roomForLabel(box(0, 0), box(400, 0), label)).toBeNull();
    expect(roomForLabel(box(0, 0), box(0, 300), label)).toBeNull();
    const overlapping = roomForLabel(box(0, 0), box(20, 0), label)!;
    expect(overlapping.x - 140).toBe(124);
  });
});
