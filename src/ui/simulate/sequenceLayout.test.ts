import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../../store/simulationRunEvent';
import { layoutSequence, ROW_HEIGHT } from './sequenceLayout';

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
  ev(5, { label: 'deliver Charge#1', kind: 'deliver', request: 1, stateAfter: 'Charged', violations: ['replay Charge'] }),
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
    expect(l.rows[3]!.stateText).toBe('Idle (recovering)');
    expect(l.rows[4]!.shapes[0]).toMatchObject({ x: machine, glyph: 'restart' });
  });

  it('merges consecutive rows in one state and mode into one band', () => {
    const l = layoutSequence({ requests: [1], initialState: 'Idle' }, retriedPayment);
    expect(l.bands.map((b) => `${b.state}/${b.mode}`)).toEqual(['Idle/up', 'Charged/busy', 'Charged/up']);
    expect(l.bands[0]!.y2).toBe(l.bands[1]!.y1);
    expect(l.rows[5]!.violated).toBe(true);
  });
});
