import { describe, expect, it } from 'vitest';
import { loadExampleV2 } from '../../../engine/v2/testDesigns';
import { runSequenceV2 } from '../../../store/v2/runSequence';
import * as R from '../../../store/v2/runValue';
import { LABEL_WIDTH, LANE_GAP, MAX_LABEL_WIDTH, MIN_LABEL_WIDTH, MIN_LANE_GAP, layoutSequenceV2 } from './sequenceLayoutV2';

const model = loadExampleV2('two-phase-commit-broken.protocol.json', 5, (d) => {
  d.environment!.network!.drop = 1;
});

function run(labels: readonly string[]): R.RunV2 {
  let r = R.startRunV2(model);
  for (const l of labels) {
    const t = R.takeV2(r, l);
    if (!t.ok) throw new Error(l);
    r = t.run;
  }
  return r;
}

describe('the version-2 sequence layout', () => {
  it('draws one lifeline per instance at the full gap when no width is given', () => {
    const layout = layoutSequenceV2(runSequenceV2(run([])));
    expect(layout.lanes.map((l) => l.name)).toEqual(['TM', 'RM[1]', 'RM[2]', 'RM[3]', 'RM[4]', 'RM[5]']);
    expect(layout.lanes[5]!.x - layout.lanes[4]!.x).toBe(LANE_GAP);
    expect(layout.labelWidth).toBe(LABEL_WIDTH);
    expect(layout.width).toBeGreaterThan(layout.lanes[5]!.x);
  });

  it('fits every lifeline into the width it is shown in: gaps shrink, then labels, down to their minimums; spare room widens the labels', () => {
    const seq = runSequenceV2(run([]));
    // A wide view: full gaps, and the room to spare widens the labels (up to a maximum).
    const wide = layoutSequenceV2(seq, 2000);
    expect(wide.lanes[1]!.x - wide.lanes[0]!.x).toBe(LANE_GAP);
    expect(wide.labelWidth).toBe(MAX_LABEL_WIDTH);
    const roomy = layoutSequenceV2(seq, 1100);
    expect(roomy.labelWidth).toBeGreaterThan(LABEL_WIDTH);
    expect(roomy.width).toBeLessThanOrEqual(1100);
    // A side panel of 700 px: all six lifelines in sight, gaps narrower, labels cut shorter.
    const panel = layoutSequenceV2(seq, 700);
    expect(panel.width).toBeLessThanOrEqual(700);
    expect(panel.lanes[1]!.x - panel.lanes[0]!.x).toBeGreaterThanOrEqual(MIN_LANE_GAP);
    expect(panel.labelWidth).toBeGreaterThanOrEqual(MIN_LABEL_WIDTH);
    // Too narrow for the minimums: they hold and the diagram scrolls.
    const narrow = layoutSequenceV2(seq, 300);
    expect(narrow.lanes[1]!.x - narrow.lanes[0]!.x).toBe(MIN_LANE_GAP);
    expect(narrow.labelWidth).toBe(MIN_LABEL_WIDTH);
    expect(narrow.width).toBeGreaterThan(300);
  });

  it('draws a crash as a down band on the crashed lifeline until its restart, and a drop short of the receiver', () => {
    const layout = layoutSequenceV2(runSequenceV2(run(['RM[1] Vote(value=yes)', 'drop Vote(value=yes) RM[1]→TM', 'crash TM', 'restart TM (presume-abort)'])));
    const tm = layout.lanes[0]!;
    expect(tm.down).toHaveLength(1);
    expect(tm.down[0]!.y1).toBe(layout.rows[3]!.y);
    expect(tm.down[0]!.y2).toBe(layout.rows[4]!.y);
    const dropped = layout.arrows.find((a) => a.end === 'dropped')!;
    expect(dropped.x1).toBe(layout.lanes[1]!.x);
    expect(dropped.x2).toBeGreaterThan(tm.x);
    expect(dropped.x2).toBeLessThan(dropped.x1);
    expect(dropped.y2).toBe(layout.rows[2]!.y);
    // The Aborts the restart sent are still in flight: dashed arrows toward every participant.
    expect(layout.arrows.filter((a) => a.end === 'in-flight').map((a) => a.text)).toEqual(['Abort', 'Abort', 'Abort', 'Abort', 'Abort']);
  });

  it('keeps an instance that never restarts down to the bottom', () => {
    const layout = layoutSequenceV2(runSequenceV2(run(['crash RM[2]'])));
    expect(layout.lanes[2]!.down).toEqual([{ y1: layout.rows[1]!.y, y2: layout.height - 6 }]);
  });
});
