import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../../engine/runEvent';
import { layoutSequence, ROW_HEIGHT, STATE_INSET, type Shape } from './sequenceLayout';
import { estimateWidth, fitText } from './textFit';

const ev = (index: number, e: Omit<RunEvent, 'index' | 'stateAfter' | 'modeAfter'> & Partial<RunEvent>): RunEvent => ({
  index,
  stateAfter: 'Idle',
  modeAfter: 'up',
  ...e,
});

const retriedPayment: RunEvent[] = [
  ev(1, { label: 'send Charge#1', kind: 'send', request: 1 }),
  ev(2, { label: 'deliver Charge#1', kind: 'deliver', request: 1, stateAfter: 'Charged', modeAfter: 'busy' }),
  ev(3, { label: 'timeout Charge#1', kind: 'timeout', request: 1, retried: true, stateAfter: 'Charged', modeAfter: 'busy' }),
  ev(4, { label: 'ack Charge#1', kind: 'ack', request: 1, reply: 'ok', stateAfter: 'Charged' }),
  ev(5, {
    label: 'deliver Charge#1',
    kind: 'deliver',
    request: 1,
    stateAfter: 'Charged',
    violations: [{ kind: 'replay', name: 'Charge', detail: 'the outcome differs', step: true }],
  }),
];

describe('layoutSequence', () => {
  it('gives one lane per request, then the network, then the machine, left to right', () => {
    const l = layoutSequence({ requests: [1, 2], initialState: 'Idle' }, []);
    expect(l.lanes.map((x) => x.id)).toEqual(['client-1', 'client-2', 'network', 'machine']);
    const xs = l.lanes.map((x) => x.x);
    expect([...xs].sort((a, b) => a - b)).toEqual(xs);
  });

  it('starts with row 0 for the initial configuration and names each row after its step', () => {
    const l = layoutSequence({ requests: [1], initialState: 'Idle' }, retriedPayment);
    expect(l.rows.map((r) => r.name)).toEqual([
      'step 0: start',
      'step 1: send Charge#1',
      'step 2: deliver Charge#1',
      'step 3: timeout Charge#1',
      'step 4: ack Charge#1',
      'step 5: deliver Charge#1',
    ]);
    for (let i = 1; i < l.rows.length; i++) expect(l.rows[i]!.y - l.rows[i - 1]!.y).toBe(ROW_HEIGHT);
    expect(l.height).toBeGreaterThan(l.rows[l.rows.length - 1]!.y);
  });

  it('draws a send from the client to the network and a deliver from the network to the machine', () => {
    const l = layoutSequence({ requests: [1], initialState: 'Idle' }, retriedPayment);
    const [client, network, machine] = l.lanes.map((x) => x.x);
    expect(l.rows[1]!.shapes).toEqual([expect.objectContaining({ kind: 'arrow', x1: client, x2: network })]);
    expect(l.rows[2]!.shapes).toEqual([expect.objectContaining({ kind: 'arrow', x1: network, x2: machine })]);
    expect(l.rows[4]!.shapes).toEqual([expect.objectContaining({ kind: 'arrow', x1: machine, x2: network, tone: 'ok' })]);
  });

  it('draws a timeout as an hourglass, with a retry arrow when the client retried', () => {
    const l = layoutSequence({ requests: [1], initialState: 'Idle' }, retriedPayment);
    const shapes = l.rows[3]!.shapes;
    expect(shapes[0]).toMatchObject({ kind: 'marker', glyph: 'hourglass' });
    expect(shapes[1]).toMatchObject({ kind: 'arrow', tone: 'retry', text: 'retry #1' });
    expect(shapes.some((s) => s.kind === 'marker' && s.glyph === 'cross')).toBe(false);
  });

  it('draws a timeout that gives up as the ambiguous outcome, not a failure', () => {
    const l = layoutSequence({ requests: [1], initialState: 'Idle' }, [
      ev(1, { label: 'timeout Charge#1', kind: 'timeout', request: 1, retried: false }),
    ]);
    expect(l.rows[1]!.shapes).toEqual([expect.objectContaining({ glyph: 'ambiguous', text: 'timeout: ambiguous' })]);
  });

  it('puts a received reply on the lane of its own request', () => {
    const l = layoutSequence({ requests: [1, 2], initialState: 'Idle' }, [
      ev(1, { label: 'receive Charge#2 error', kind: 'receive', request: 2, reply: 'error' }),
    ]);
    const lane2 = l.lanes.find((x) => x.id === 'client-2')!.x;
    expect(l.rows[1]!.shapes[0]).toMatchObject({ kind: 'arrow', x2: lane2, tone: 'error', text: 'receive error' });
  });

  it('marks faults on the lane they strike: drops and duplicates on the network, crashes on the machine', () => {
    const l = layoutSequence({ requests: [1], initialState: 'Idle' }, [
      ev(1, { label: 'drop Charge#1', kind: 'drop', request: 1, channel: 'toMachine' }),
      ev(2, { label: 'duplicate ok#1', kind: 'duplicate', request: 1, channel: 'toClient', reply: 'ok' }),
      ev(3, { label: 'crash', kind: 'crash', modeAfter: 'recovering' }),
      ev(4, { label: 'restart', kind: 'restart' }),
    ]);
    const network = l.lanes.find((x) => x.id === 'network')!.x;
    const machine = l.lanes.find((x) => x.id === 'machine')!.x;
    expect(l.rows[1]!.shapes[0]).toMatchObject({ x: network, glyph: 'cross', text: 'drop request #1' });
    expect(l.rows[2]!.shapes[0]).toMatchObject({ x: network, glyph: 'double', text: 'duplicate reply #1 ok' });
    expect(l.rows[3]!.shapes[0]).toMatchObject({ x: machine, glyph: 'bolt' });
    expect(l.rows[3]!.stateText).toBe('Idle');
    expect(l.rows[3]!.subline).toMatchObject({ text: 'recovering', violation: false });
    expect(l.rows[4]!.shapes[0]).toMatchObject({ x: machine, glyph: 'restart' });
  });

  it('merges consecutive rows in one state and mode into one band', () => {
    const l = layoutSequence({ requests: [1], initialState: 'Idle' }, retriedPayment);
    expect(l.bands.map((b) => `${b.state}/${b.mode}`)).toEqual(['Idle/up', 'Charged/busy', 'Charged/up']);
    expect(l.bands[0]!.y2).toBe(l.bands[1]!.y1);
    expect(l.rows[5]!.violated).toBe(true);
  });

  it('marks a step that violates while computed with what broke, the details in its title', () => {
    const l = layoutSequence({ requests: [1], initialState: 'Idle' }, retriedPayment);
    expect(l.rows[5]!.subline).toMatchObject({ text: '⚠ replay Charge', violation: true });
    expect(l.rows[5]!.subline!.title).toBe('This step violates while it is computed: it produces no configuration.\nreplay Charge: the outcome differs');
  });
});

// Two requests in the Simulate side panel: 380 px less its padding and a scrollbar.
const PANEL = 320;
const twoRequests: RunEvent[] = [
  ev(1, { label: 'send Charge#1', kind: 'send', request: 1 }),
  ev(2, { label: 'send Charge#2', kind: 'send', request: 2 }),
  ev(3, { label: 'deliver Charge#1', kind: 'deliver', request: 1, note: 'dedupe hit', stateAfter: 'AwaitingSettlement', modeAfter: 'busy' }),
  ev(4, { label: 'duplicate reply Charge#2 ok', kind: 'duplicate', request: 2, channel: 'toClient', reply: 'ok' }),
  ev(5, { label: 'timeout Charge#2 (gives up: ambiguous)', kind: 'timeout', request: 2, retried: false }),
  ev(6, { label: 'persist Charge#1', kind: 'persist', request: 1 }),
  ev(7, { label: 'receive Charge#2 ok', kind: 'receive', request: 2, reply: 'ok' }),
];

/** Every text's extent [left, right] as the layout places it, by the estimate. */
function extents(shapes: readonly Shape[]): [number, number][] {
  return shapes
    .filter((s) => s.text !== '')
    .map((s) => {
      const w = estimateWidth(s.text);
      const left = s.anchor === 'start' ? s.textX : s.anchor === 'end' ? s.textX - w : s.textX - w / 2;
      return [left, left + w];
    });
}

describe('layoutSequence in a narrow panel', () => {
  const start = { requests: [1, 2], requestLabel: (r: number) => `Charge#${r}`, initialState: 'Idle' };

  it('fits a two-request run into the panel by narrowing the lanes, every text inside the lanes left of the machine', () => {
    const roomy = layoutSequence(start, twoRequests);
    expect(roomy.width).toBeGreaterThan(PANEL);
    const l = layoutSequence(start, twoRequests, { width: PANEL });
    expect(l.width).toBeLessThanOrEqual(PANEL);
    const machine = l.lanes.at(-1)!.x;
    for (const row of l.rows) {
      for (const [left, right] of extents(row.shapes)) {
        expect(left).toBeGreaterThanOrEqual(0);
        expect(right).toBeLessThanOrEqual(machine);
      }
      expect(machine + STATE_INSET + estimateWidth(row.stateText, row.violated)).toBeLessThanOrEqual(l.width);
    }
    // What fits is drawn whole: arrows and markers keep their words.
    expect(l.rows[3]!.shapes[0]).toMatchObject({ text: 'deliver #1 (dedupe hit)' });
    expect(l.rows[4]!.shapes[0]).toMatchObject({ text: 'duplicate reply #2 ok' });
    expect(l.rows[5]!.shapes[0]).toMatchObject({ text: 'timeout: ambiguous' });
    expect(l.lanes.map((x) => x.text)).toEqual(['Charge#1', 'Charge#2', 'network', 'machine']);
  });

  it('cuts a state name too long for its column, keeping the whole name as its title', () => {
    const l = layoutSequence(start, twoRequests, { width: PANEL });
    const row = l.rows[3]!;
    expect(row.stateText).toMatch(/^Awaiting.*…$/);
    expect(row.stateTitle).toBe('AwaitingSettlement');
    expect(row.subline).toMatchObject({ text: 'busy', violation: false });
  });

  it('puts lane names on two alternating lines when one is wider than a gap', () => {
    const l = layoutSequence(start, twoRequests, { width: PANEL });
    expect(new Set(l.lanes.map((x) => x.textY)).size).toBe(2);
    expect(l.lanes[0]!.textY).not.toBe(l.lanes[1]!.textY);
    const roomy = layoutSequence(start, twoRequests);
    expect(new Set(roomy.lanes.map((x) => x.textY)).size).toBe(1);
  });

  it('keeps a readable spacing for very many lanes and grows past the width, which then scrolls', () => {
    const l = layoutSequence({ requests: [1, 2, 3, 4], initialState: 'Idle' }, [], { width: PANEL });
    expect(l.width).toBeGreaterThan(PANEL);
    expect(l.lanes[1]!.x - l.lanes[0]!.x).toBe(48);
  });

  it('never clips a four-client run: every text, lane name and state lies inside the drawing, which the panel scrolls', () => {
    const four = { requests: [1, 2, 3, 4], requestLabel: (r: number) => `Charge#${r}`, initialState: 'Idle' };
    const events: RunEvent[] = [1, 2, 3, 4].flatMap((r, i) => [
      ev(6 * i + 1, { label: `send Charge#${r}`, kind: 'send', request: r }),
      ev(6 * i + 2, { label: `deliver Charge#${r}`, kind: 'deliver', request: r, stateAfter: 'AwaitingSettlement', modeAfter: 'busy' }),
      ev(6 * i + 3, { label: `timeout Charge#${r}`, kind: 'timeout', request: r, retried: true, stateAfter: 'AwaitingSettlement', modeAfter: 'busy' }),
      ev(6 * i + 4, { label: `duplicate reply Charge#${r} ok`, kind: 'duplicate', request: r, channel: 'toClient', reply: 'ok' }),
      ev(6 * i + 5, { label: `ack Charge#${r}`, kind: 'ack', request: r, reply: 'ok', stateAfter: 'Charged' }),
      ev(6 * i + 6, { label: `receive Charge#${r} ok`, kind: 'receive', request: r, reply: 'ok', stateAfter: 'Charged' }),
    ]);
    for (const width of [PANEL, 480, 800]) {
      const l = layoutSequence(four, events, { width });
      expect(l.rows).toHaveLength(events.length + 1);
      for (const row of l.rows) {
        for (const [left, right] of extents(row.shapes)) {
          expect(left).toBeGreaterThanOrEqual(0);
          expect(right).toBeLessThanOrEqual(l.width);
        }
        expect(l.lanes.at(-1)!.x + STATE_INSET + estimateWidth(row.stateText, row.violated)).toBeLessThanOrEqual(l.width);
      }
      for (const lane of l.lanes) {
        const w = estimateWidth(lane.text);
        expect(lane.x - w / 2).toBeGreaterThanOrEqual(0);
        expect(lane.x + w / 2).toBeLessThanOrEqual(l.width);
      }
    }
  });
});

describe('fitText', () => {
  it('leaves a text that fits alone, with no title', () => {
    expect(fitText('send #1', 100, estimateWidth)).toEqual({ text: 'send #1' });
  });

  it('cuts a text that does not fit to the longest prefix that does, with an ellipsis and the whole text as title', () => {
    const fitted = fitText('AwaitingSettlement', 60, estimateWidth);
    expect(fitted.title).toBe('AwaitingSettlement');
    expect(fitted.text.endsWith('…')).toBe(true);
    expect(estimateWidth(fitted.text)).toBeLessThanOrEqual(60);
    const oneMore = `${'AwaitingSettlement'.slice(0, fitted.text.length)}…`;
    expect(estimateWidth(oneMore)).toBeGreaterThan(60);
    expect(fitText('AwaitingSettlement', 3, estimateWidth).text).toBe('…');
  });
});
