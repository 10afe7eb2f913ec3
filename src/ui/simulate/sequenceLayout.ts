import type { RunEvent } from '../../store/simulationRunEvent';

/**
 * Lays a run out as a sequence diagram: one lane per client request, one for the network, one
 * for the machine; one row per step, with row 0 the initial configuration. Pure: the component
 * only draws what this returns, so the picture is tested here without a browser.
 */

export interface Lane {
  readonly id: string;
  readonly label: string;
  readonly x: number;
}

/** Markers for things that are not a message: the timeout is its own glyph, never a failure cross. */
export type Glyph = 'hourglass' | 'ambiguous' | 'cross' | 'bolt' | 'restart' | 'disk' | 'double' | 'spark';

export type Tone = 'normal' | 'retry' | 'ok' | 'error' | 'fault';

export interface Arrow {
  readonly kind: 'arrow';
  readonly x1: number;
  readonly x2: number;
  readonly y: number;
  readonly text: string;
  readonly tone: Tone;
}

export interface Marker {
  readonly kind: 'marker';
  readonly x: number;
  readonly y: number;
  readonly glyph: Glyph;
  readonly text: string;
  readonly tone: Tone;
}

export type Shape = Arrow | Marker;

export interface Row {
  /** 0 for the initial configuration, else the step's 1-based index. */
  readonly index: number;
  readonly y: number;
  readonly top: number;
  /** Accessible name, e.g. `step 3: deliver Charge#1`. */
  readonly name: string;
  readonly shapes: readonly Shape[];
  /** The machine's state after the row, shown beside the machine lane. */
  readonly stateText: string;
  readonly violated: boolean;
}

/** A stretch of rows during which the machine stayed in one state and mode. */
export interface StateBand {
  readonly state: string;
  readonly mode: RunEvent['modeAfter'];
  readonly y1: number;
  readonly y2: number;
}

export interface SequenceLayout {
  readonly width: number;
  readonly height: number;
  readonly lanes: readonly Lane[];
  readonly rows: readonly Row[];
  readonly bands: readonly StateBand[];
  readonly laneTop: number;
}

export const ROW_HEIGHT = 34;
export const HEADER_HEIGHT = 36;
const LANE_GAP = 105;
const MARGIN_LEFT = 42;
const STATE_COLUMN = 112;

export interface RunStart {
  /** Request ids of the run's clients, 1..requests. */
  readonly requests: readonly number[];
  readonly requestLabel?: (r: number) => string;
  readonly initialState: string;
}

/** Lays out `events` (in order, index 1..n) after the initial configuration of `start`. */
export function layoutSequence(start: RunStart, events: readonly RunEvent[]): SequenceLayout {
  const requests = start.requests.length > 0 ? start.requests : [1];
  const label = start.requestLabel ?? ((r: number) => `request ${r}`);
  const lanes: Lane[] = requests.map((r, i) => ({ id: `client-${r}`, label: label(r), x: MARGIN_LEFT + i * LANE_GAP }));
  const networkX = MARGIN_LEFT + requests.length * LANE_GAP;
  const machineX = networkX + LANE_GAP;
  lanes.push({ id: 'network', label: 'network', x: networkX }, { id: 'machine', label: 'machine', x: machineX });
  const clientX = (r: number | undefined): number => {
    const i = r === undefined ? 0 : requests.indexOf(r);
    return MARGIN_LEFT + Math.max(0, i) * LANE_GAP;
  };

  const rowY = (i: number) => HEADER_HEIGHT + i * ROW_HEIGHT + ROW_HEIGHT / 2;
  const rows: Row[] = [
    {
      index: 0,
      y: rowY(0),
      top: rowY(0) - ROW_HEIGHT / 2,
      name: 'step 0: start',
      shapes: [],
      stateText: start.initialState,
      violated: false,
    },
  ];
  events.forEach((e, i) => {
    const y = rowY(i + 1);
    rows.push({
      index: e.index,
      y,
      top: y - ROW_HEIGHT / 2,
      name: `step ${e.index}: ${e.label}`,
      shapes: shapesOf(e, y, clientX(e.request), networkX, machineX),
      stateText: e.modeAfter === 'up' ? e.stateAfter : `${e.stateAfter} (${e.modeAfter})`,
      violated: (e.violations?.length ?? 0) > 0,
    });
  });

  const bands: StateBand[] = [];
  const states = [{ state: start.initialState, mode: 'up' as const }, ...events.map((e) => ({ state: e.stateAfter, mode: e.modeAfter }))];
  states.forEach((s, i) => {
    const last = bands[bands.length - 1];
    const y1 = rowY(i) - ROW_HEIGHT / 2;
    const y2 = y1 + ROW_HEIGHT;
    if (last && last.state === s.state && last.mode === s.mode) bands[bands.length - 1] = { ...last, y2 };
    else bands.push({ state: s.state, mode: s.mode, y1, y2 });
  });

  return {
    width: machineX + STATE_COLUMN,
    height: HEADER_HEIGHT + rows.length * ROW_HEIGHT + 8,
    lanes,
    rows,
    bands,
    laneTop: HEADER_HEIGHT - 6,
  };
}

function shapesOf(e: RunEvent, y: number, clientX: number, networkX: number, machineX: number): Shape[] {
  const arrow = (x1: number, x2: number, text: string, tone: Tone = 'normal'): Arrow => ({ kind: 'arrow', x1, x2, y, text, tone });
  const marker = (x: number, glyph: Glyph, text: string, tone: Tone = 'normal'): Marker => ({ kind: 'marker', x, y, glyph, text, tone });
  const req = e.request === undefined ? '' : `#${e.request}`;
  switch (e.kind) {
    case 'send':
      return [arrow(clientX, networkX, `send ${req}`)];
    case 'timeout':
      // The third outcome: the client cannot tell slow from lost. An hourglass, not a cross.
      return e.retried === false
        ? [marker(clientX, 'ambiguous', 'timeout: ambiguous', 'fault')]
        : [marker(clientX, 'hourglass', ''), arrow(clientX, networkX, `retry ${req}`, 'retry')];
    case 'deliver':
      return [arrow(networkX, machineX, e.note ? `deliver ${req} (${e.note})` : `deliver ${req}`)];
    case 'ack':
      return [arrow(machineX, networkX, `ack ${req}: ${e.reply ?? 'reply'}`, e.reply === 'error' ? 'error' : 'ok')];
    case 'persist':
      return [marker(machineX, 'disk', `persist ${req}`)];
    case 'receive':
      return [arrow(networkX, clientX, `receive ${e.reply ?? ''}`.trim(), e.reply === 'error' ? 'error' : 'ok')];
    case 'drop':
      return [marker(networkX, 'cross', `drop ${messageText(e)}`, 'fault')];
    case 'duplicate':
      return [marker(networkX, 'double', `duplicate ${messageText(e)}`, 'fault')];
    case 'fire':
      return [marker(machineX, 'spark', e.label)];
    case 'crash':
      return [marker(machineX, 'bolt', 'crash', 'fault')];
    case 'restart':
      return [marker(machineX, 'restart', 'restart')];
  }
}

function messageText(e: RunEvent): string {
  const req = e.request === undefined ? '' : `#${e.request}`;
  if (e.channel === 'toClient') return `reply ${req}${e.reply ? ` ${e.reply}` : ''}`;
  return `request ${req}`;
}
